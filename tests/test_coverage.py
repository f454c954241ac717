"""The coverage summary adds up to the dataset it summarises."""

from __future__ import annotations

import json

import pytest

from sinorus.cli import main
from sinorus.coverage import coverage
from sinorus.dataset import Dataset
from sinorus.query import year_span, years_of


def test_year_table_places_each_record_in_the_years_it_covers(dataset: Dataset) -> None:
    """A record counts once in every year it covers, or once as covering no single year."""
    table = coverage(dataset)

    def counted(record_id: str) -> list[int | None]:
        record = dataset[record_id]
        return [year for year, counts in table.by_year.items() if counts.get(record.kind)]

    for year in range(1990, 2006):  # combat-aircraft-rus-to-chn-1990-2005 is dated 1990/2005
        assert "arms_transfer" in table.by_year[year]
    assert 2018 in counted("vostok-2018")
    assert None in counted("china-russia-border-issues-resolution-199x")  # dated 199X
    facts = [r for r in dataset if r.kind != "source"]
    span = year_span(facts)
    assert span is not None
    cells = sum(sum(counts.values()) for counts in table.by_year.values())
    assert cells == sum(max(1, len(years_of(r, span))) for r in facts)
    assert list(table.by_year)[-1] is None


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
