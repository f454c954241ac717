"""The corpus of broken inputs in tests/broken: each is rejected with sinorus's own error,
naming the file, the line and the field, by the library and by the command line."""

from __future__ import annotations

import csv
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest

import sinorus
from sinorus import DataError
from sinorus.cli import main
from tests.conftest import ROOT

BROKEN = ROOT / "tests" / "broken"


@dataclass(frozen=True)
class Case:
    path: Path
    file: str
    line: int | None
    field: str | None
    fragment: str


def cases() -> list[Case]:
    """The cases listed in tests/broken/EXPECTED.tsv."""
    with (BROKEN / "EXPECTED.tsv").open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.reader(stream, delimiter="\t") if row and not row[0].startswith("#")]
    return [
        Case(BROKEN / case, file, None if line == "-" else int(line), None if field == "-" else field, fragment)
        for case, file, line, field, fragment in rows
    ]


def test_the_corpus_is_complete() -> None:
    listed = {c.path.name for c in cases()}
    on_disk = {p.name for p in BROKEN.iterdir() if p.name != "EXPECTED.tsv"}
    assert listed == on_disk
    assert len(listed) >= 100


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.path.name)
def test_rejected_with_file_line_and_field(case: Case) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(DataError) as info:
        sinorus.load(case.path, with_packaged=True)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    matching = [
        p
        for p in info.value.problems
        if Path(p.file).name == case.file
        and (case.line is None or p.line == case.line)
        and (case.field is None or p.field == case.field)
        and case.fragment in p.message
    ]
    assert matching, f"expected {case}, got:\n{info.value}"
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert peak < 512 * 2**20, f"peak memory {peak / 2**20:.0f} MiB"


@pytest.mark.parametrize("case", cases()[::7], ids=lambda c: c.path.name)
def test_cli_reports_without_traceback(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(case.path), "--with-packaged"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert case.fragment in err
