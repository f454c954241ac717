"""The README's Python example runs against the packaged data."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT


def test_readme_python_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    runnable = [b for b in blocks if "my/records/" not in b]
    assert runnable
    for block in runnable:
        exec(compile(block, "README.md", "exec"), {})
    assert "recorded discrepancies" in capsys.readouterr().out
