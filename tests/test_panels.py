"""Country-year and dyad-year panels: unique keys, balanced years, counts that match the records."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sinorus import panels
from sinorus.cli import main
from sinorus.dataset import Dataset
from sinorus.errors import QueryError
from sinorus.models.actors import state_code
from sinorus.query import year_span, years_of
from sinorus.tables import Table


def keys(table: Table) -> list[tuple[object, ...]]:
    positions = [[c.name for c in table.columns].index(k) for k in table.primary_key]
    return [tuple(row[p] for p in positions) for row in table.rows]


@pytest.mark.parametrize("system", ["cow", "gw", "iso"])
def test_no_panel_has_duplicate_keys(dataset: Dataset, system: panels.System) -> None:
    for table in (
        panels.country_year(dataset, system=system),
        panels.dyad_year(dataset, system=system),
        panels.dyad_year(dataset, system=system, directed=True),
        panels.exercise_participant_year(dataset, system=system),
    ):
        found = keys(table)
        assert found
        assert len(found) == len(set(found)), table.name


def test_country_year_is_balanced_and_uses_peacesciencer_names(dataset: Dataset) -> None:
    table = panels.country_year(dataset, start=2000, end=2025)
    assert [c.name for c in table.columns][:2] == ["ccode", "year"]
    units = {row[0] for row in table.rows}
    assert len(table.rows) == len(units) * 26
    assert {710, 365} <= units


def test_country_year_counts_the_records_a_state_takes_part_in(dataset: Dataset) -> None:
    table = panels.country_year(dataset)
    row = {(r[0], r[1]): dict(zip([c.name for c in table.columns], r, strict=True)) for r in table.rows}
    span = year_span([r for r in dataset if r.kind != "source" and not getattr(r, "context", False)])
    assert span is not None
    for kind, column in (("exercise", "exercises"), ("arms_transfer", "arms_transfers")):
        records = dataset.filter(kind=kind, participants="CHN", context=False)
        expected = Counter(year for r in records for year in years_of(r, span))
        for year in (2005, 2016, 2019, 2024):
            assert row[710, year][column] == expected[year], (kind, year)


def test_dyads_are_ordered_and_transfers_directed(dataset: Dataset) -> None:
    undirected = panels.dyad_year(dataset)
    assert [c.name for c in undirected.columns][:3] == ["ccode1", "ccode2", "year"]
    assert all(row[0] < row[1] for row in undirected.rows)
    directed = panels.dyad_year(dataset, directed=True)
    columns = [c.name for c in directed.columns]
    transfers = columns.index("arms_transfers")
    china, russia = state_code("CHN", "cow"), state_code("RUS", "cow")
    to_china = sum(r[transfers] for r in directed.rows if (r[0], r[1]) == (russia, china))
    to_russia = sum(r[transfers] for r in directed.rows if (r[0], r[1]) == (china, russia))
    both = sum(r[transfers] for r in undirected.rows if {r[0], r[1]} == {russia, china})
    assert to_china > to_russia > 0
    assert to_china + to_russia == both


def test_the_ussr_and_russia_share_a_code() -> None:
    assert state_code("SUN", "cow") == state_code("RUS", "cow") == 365
    assert state_code("SUN", "gw") == state_code("RUS", "gw") == 365
    assert state_code("CHN", "cow") == 710


def test_unknown_systems_are_refused(dataset: Dataset) -> None:
    with pytest.raises(QueryError, match="unknown system 'polity'"):
        panels.country_year(dataset, system="polity")  # type: ignore[arg-type]


def test_panel_command_writes_csv_parquet_and_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pandas as pd

    assert main(["panel", "dyad-year", "--system", "gw", "-o", str(tmp_path / "dyads.csv")]) == 0
    frame = pd.read_csv(tmp_path / "dyads.csv")
    assert list(frame.columns[:3]) == ["gwcode1", "gwcode2", "year"]
    assert not frame.duplicated(["gwcode1", "gwcode2", "year"]).any()
    assert main(["panel", "country-year", "--start", "2019", "--end", "2019", "-o", str(tmp_path / "cy.parquet")]) == 0
    assert set(pd.read_parquet(tmp_path / "cy.parquet")["year"]) == {2019}
    capsys.readouterr()
    assert main(["panel", "exercise-participant-year", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("id,series,ccode,year\n")
    assert main(["panel", "country-year", "-o", str(tmp_path / "cy.xlsx")]) == 2


def test_a_panel_that_ends_before_it_starts_is_refused(dataset: Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(QueryError, match="starts in 2020, after it ends \\(2010\\)"):
        panels.country_year(dataset, start=2020, end=2010)
    assert main(["panel", "country-year", "--start", "2020", "--end", "2010", "-o", "-"]) == 2
    assert "after it ends" in capsys.readouterr().err
