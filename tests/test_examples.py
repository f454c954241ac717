"""The examples in the README and the docs run against the packaged data.

On each page, in a fresh working folder: ``yaml`` blocks with a ``title="NAME"`` are written
to that file; then the ``python`` blocks run in order in one namespace, and every
``sinorus ...`` line of a ``bash`` block runs through the command line and must succeed.
A ``text`` block that directly follows a ``python`` block (nothing but blank lines between) is
that block's output and must be exactly what it prints; other ``text`` blocks are not run.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import matplotlib
import pytest

import sinorus
from sinorus.cli import main
from tests.conftest import ROOT

matplotlib.use("Agg")

BLOCK = re.compile(r"^```(?P<lang>\w+)(?P<attrs>[^\n]*)\n(?P<body>.*?)^```", re.DOTALL | re.MULTILINE)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks(page: Path) -> list[tuple[str, str, str]]:
    return [(lang, attrs, body) for lang, attrs, body, _ in blocks_with_output(page)]


def blocks_with_output(page: Path) -> list[tuple[str, str, str, str | None]]:
    """Each block as (language, attributes, body, the text block printed right after it, if any)."""
    text = page.read_text(encoding="utf-8")
    found = list(BLOCK.finditer(text))
    result = []
    for i, m in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        follows = nxt is not None and nxt["lang"] == "text" and not text[m.end() : nxt.start()].strip()
        output = nxt["body"] if follows and nxt is not None and m["lang"] == "python" else None
        result.append((m["lang"], m["attrs"], m["body"], output))
    return result


def run_page(page: Path) -> int:
    """Run a page's examples in the working folder; returns how many blocks ran."""
    found = blocks_with_output(page)
    for lang, attrs, body, _ in found:
        title = re.search(r'title="([^"]+)"', attrs)
        if lang == "yaml" and title:
            Path(title.group(1)).write_text(body, encoding="utf-8")
    ran, namespace = 0, {"__name__": "__example__"}
    for lang, _, body, output in found:
        if lang == "python":
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(body, str(page), "exec"), namespace)
            assert output is None or printed.getvalue() == output, f"{page.name}: printed output differs"
            ran += 1
        elif lang == "bash":
            for line in body.splitlines():
                if line.startswith("sinorus "):
                    assert main(shlex.split(line)[1:]) == 0, line
                else:
                    assert line.startswith("pip ") or not line.strip(), f"{page.name}: cannot run {line!r}"
            ran += 1
    return ran


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_on_page_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_page(page)


def test_the_readme_and_the_how_tos_have_examples() -> None:
    assert any(lang == "python" for lang, _, _ in blocks(ROOT / "README.md"))
    for page in sorted((ROOT / "docs" / "howto").glob("*.md")):
        assert any(lang in ("python", "bash") for lang, _, _ in blocks(page)), page.name


def test_authoring_guide_record_example_loads(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    records = [body for lang, _, body in blocks(ROOT / "docs" / "authoring.md") if lang == "yaml"]
    records = [b for b in records if b.startswith("- kind:")]
    assert records, text[:100]
    for i, block in enumerate(records):
        (tmp_path / f"example-{i}.yaml").write_text(block, encoding="utf-8")
    ds = sinorus.load(tmp_path, with_packaged=True)
    assert "my-wang-lavrov-call-2016-03-02" in ds
