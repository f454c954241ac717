"""The coverage summary adds up to the dataset it summarises."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from sinorus.cli import main
from sinorus.coverage import coverage
from sinorus.dataset import Dataset


def test_year_table_accounts_for_every_non_source_record(dataset: Dataset) -> None:
    table = coverage(dataset)
    totals: Counter[str] = Counter()
    for counts in table.by_year.values():
        totals.update(counts)
    assert dict(totals) == {k: n for k, n in dataset.counts().items() if k != "source" and n}
    for year, counts in table.by_year.items():
        if year is not None:
            assert sum(counts.values()) == len(
                [r for r in dataset if r.kind != "source" and r.date_value and r.date_value.earliest.year == year]
            )


def test_section_table_counts_records_citing_each_section(dataset: Dataset) -> None:
    table = coverage(dataset)
    for (source, locator), counts in table.by_section.items():
        citing = [
            r
            for r in dataset
            if r.kind != "source" and any(c.source == source and c.locator == locator for c in r.citations)
        ]
        assert sum(counts.values()) == len(citing)
    cited = {(c.source, c.locator) for r in dataset if r.kind != "source" for c in r.citations}
    assert set(table.by_section) == cited


def test_cli_coverage_json(capsys: pytest.CaptureFixture[str], dataset: Dataset) -> None:
    assert main(["coverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["by_kind"] == dataset.counts()
    assert len(data["by_section"]) == len(coverage(dataset).by_section)
