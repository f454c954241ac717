"""The examples in the README and the docs run against the packaged data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sinorus
from tests.conftest import ROOT


def test_readme_python_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    runnable = [b for b in blocks if "my/records/" not in b]
    assert runnable
    for block in runnable:
        exec(compile(block, "README.md", "exec"), {})
    assert "recorded discrepancies" in capsys.readouterr().out


def test_authoring_guide_record_example_loads(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    records = [b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL) if b.startswith("- kind:")]
    assert records
    for i, block in enumerate(records):
        (tmp_path / f"example-{i}.yaml").write_text(block, encoding="utf-8")
    ds = sinorus.load(tmp_path, with_packaged=True)
    assert "my-wang-lavrov-call-2016-03-02" in ds
