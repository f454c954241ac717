"""The flat tables and the DataFrames built from them, checked against the records."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pandas as pd
import polars as pl
import pytest

from sinorus.dataset import Dataset
from sinorus.errors import MissingExtraError
from sinorus.models.records import RECORD_TYPES, Exercise
from sinorus.query import actors_of
from sinorus.tables import KIND_TABLES, TABLE_NAMES, build_tables

LONG_FIELDS = {"kind", "citations", "discrepancies", "forces"}


def test_every_record_is_one_row_of_records_and_of_its_kind_table(dataset: Dataset) -> None:
    tables = dataset.tables()
    assert list(tables) == list(TABLE_NAMES)
    assert sorted(tables["records"].values("id")) == sorted(r.id for r in dataset)
    for kind, name in KIND_TABLES.items():
        assert tables[name].values("id") == [r.id for r in dataset.filter(kind=kind)]


@pytest.mark.parametrize("kind", list(RECORD_TYPES))
def test_every_model_field_has_a_column(kind: str, dataset: Dataset) -> None:
    columns = {c.name for c in dataset.table(kind).columns}
    for field in RECORD_TYPES[kind].model_fields:
        if field not in LONG_FIELDS:
            assert field in columns or f"{field}_amount" in columns, field


def test_dates_become_the_edtf_string_and_its_bounds(dataset: Dataset) -> None:
    rows = {row["id"]: row for row in dataset.table("agreement").as_dicts()}
    checked = 0
    for agreement in dataset.agreements:
        row = rows[agreement.id]
        for field in ("signed", "in_force", "expires", "extended"):
            value = getattr(agreement, field)
            if value is None:
                assert row[field] is row[f"{field}_earliest"] is row[f"{field}_latest"] is None
                continue
            checked += 1
            assert row[field] == str(value)
            assert row[f"{field}_earliest"] == (None if value.earliest == date.min else value.earliest)
            assert row[f"{field}_latest"] == (None if value.latest == date.max else value.latest)
    assert checked >= 30


def test_participants_table_holds_every_actor_of_every_record(dataset: Dataset) -> None:
    found: dict[str, set[str]] = {}
    for row in dataset.table("participants").as_dicts():
        found.setdefault(row["id"], set()).add(row["actor"])
    for record in dataset:
        assert found.get(record.id, set()) == set(actors_of(record)), record.id
    actors = set(dataset.table("actors").values("code"))
    assert set().union(*found.values()) == actors
    assert {"CHN", "RUS", "SUN", "SCO"} <= actors


def test_long_tables_keep_every_citation_and_discrepancy_in_order(dataset: Dataset) -> None:
    citations = dataset.table("citations").as_dicts()
    assert len(citations) == sum(len(r.citations) for r in dataset)
    by_record: dict[str, list[dict[str, Any]]] = {}
    for row in citations:
        by_record.setdefault(row["id"], []).append(row)
    for record in dataset:
        rows = by_record.get(record.id, [])
        assert [(r["source"], r["locator"], r["quote"]) for r in rows] == [
            (c.source, c.locator, c.quote) for c in record.citations
        ]
    discrepancies = dataset.table("discrepancies").as_dicts()
    assert len(discrepancies) == len(dataset.discrepancies())
    cited = dataset.table("discrepancy_citations").as_dicts()
    assert len(cited) == sum(len(d.citations) for _, d in dataset.discrepancies())
    assert {(r["id"], r["discrepancy"]) for r in cited} == {(r["id"], r["discrepancy"]) for r in discrepancies}


def test_force_numbers_keep_value_qualifier_and_range(dataset: Dataset) -> None:
    rows = dataset.table("forces").as_dicts()
    assert len(rows) == sum(len(e.forces) for e in dataset.exercises)
    vostok = [r for r in rows if r["id"] == "vostok-2018"]
    china = next(r for r in vostok if r["participant"] == "CHN")
    expected = next(f for f in dataset["vostok-2018"].forces if f.participant == "CHN")  # type: ignore[attr-defined]
    assert (china["troops"], china["troops_qualifier"]) == (expected.troops.value, expected.troops.qualifier)


def test_primary_keys_are_unique_and_foreign_keys_resolve(dataset: Dataset) -> None:
    tables = dataset.tables()
    for table in tables.values():
        keys = [tuple(row[k] for k in table.primary_key) for row in table.as_dicts()]
        assert len(keys) == len(set(keys)), table.name
        for foreign in table.foreign_keys:
            target = tables[foreign.table]
            known = {tuple(row[k] for k in foreign.reference) for row in target.as_dicts()}
            for row in table.as_dicts():
                value = tuple(row[c] for c in foreign.columns)
                assert None in value or value in known, (table.name, foreign, value)


def test_unknown_table_names_the_choices(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="participants"):
        dataset.table("exercize")


def test_pandas_frame_has_typed_columns(dataset: Dataset) -> None:
    exercises = dataset.to_pandas("exercise")
    assert len(exercises) == len(dataset.exercises)
    assert str(exercises["date_earliest"].dtype) == "datetime64[s]"
    assert isinstance(exercises["level"].dtype, pd.CategoricalDtype)
    assert list(exercises["level"].cat.categories) == ["instance", "series"]
    vostok = dataset["vostok-2018"]
    assert isinstance(vostok, Exercise)
    assert exercises.set_index("id").loc["vostok-2018", "participants"] == list(vostok.participants)
    forces = dataset.to_pandas("forces")
    assert str(forces["troops"].dtype) == "Int64"
    transfers = dataset.to_pandas("arms_transfer")
    assert str(transfers["value_amount"].dtype) == "Float64"
    assert exercises.attrs["data_version"]


def exercises_with(dataset: Dataset, first: int, last: int) -> list[str]:
    return [r.id for r in dataset.filter(kind="exercise", participants=["CHN", "RUS"], start=str(first), end=str(last))]


def test_pandas_join_on_id_agrees_with_the_query_api(dataset: Dataset) -> None:
    exercises = dataset.to_pandas("exercise")
    participants = dataset.to_pandas("participants")
    pair = participants[participants["actor"].isin(["CHN", "RUS"])]  # any role, as filter() reads it
    counts = pair.groupby("id")["actor"].nunique()
    both = counts[counts == 2].index
    in_years = exercises[(exercises["date_latest"] >= "2018-01-01") & (exercises["date_earliest"] <= "2021-12-31")]
    found = sorted(set(in_years["id"]) & set(both))
    assert found == sorted(exercises_with(dataset, 2018, 2021))
    assert len(found) >= 5


def test_polars_frame_has_typed_columns_and_joins(dataset: Dataset) -> None:
    exercises = dataset.to_polars("exercise")
    assert exercises.schema["participants"] == pl.List(pl.String)
    assert exercises.schema["date_earliest"] == pl.Date
    assert isinstance(exercises.schema["level"], pl.Enum)
    joined = exercises.join(dataset.to_polars("citations"), on="id")
    assert joined.height == sum(len(e.citations) for e in dataset.exercises)


def test_arrow_table_carries_descriptions_and_versions(dataset: Dataset) -> None:
    table = dataset.to_arrow("citations")
    assert table.num_rows == sum(len(r.citations) for r in dataset)
    assert table.schema.field("quote").metadata[b"description"].startswith(b"The supporting passage")
    assert table.schema.metadata[b"primary_key"] == b"id,citation"


@pytest.mark.parametrize(("module", "method", "extra"), [("pandas", "to_pandas", "pandas"), ("polars", "to_polars", "polars"),
                                                         ("pyarrow", "to_arrow", "arrow")])  # fmt: skip
def test_missing_extra_names_it(module: str, method: str, extra: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError, match=rf"pip install 'sinorus\[{extra}\]'"):
        getattr(Dataset([]), method)("event")


def test_an_empty_dataset_has_every_table_with_its_columns() -> None:
    tables = build_tables([])
    assert list(tables) == list(TABLE_NAMES)
    assert all(t.columns and not t.rows for t in tables.values())


def test_a_selection_gives_the_same_typed_frame_as_the_dataset(dataset: Dataset) -> None:
    selection = dataset.filter(kind="exercise", series="joint-sea")
    frame = selection.to_pandas()
    whole = dataset.to_pandas("exercise")
    assert list(frame["id"]) == list(selection.ids)
    assert list(frame.columns) == list(whole.columns)
    assert (frame.dtypes == whole.dtypes).all()
    mixed = dataset.filter(participants="CHN", year=2016)
    assert {"event", "exercise"} <= set(mixed.to_pandas()["kind"])
    assert mixed.to_polars("participants").height == sum(len(r.actor_roles()) for r in mixed)
    assert mixed.to_arrow("citations").num_rows == sum(len(r.citations) for r in mixed)


def test_forces_wide_has_one_column_per_participant_and_measure(dataset: Dataset) -> None:
    wide = dataset.to_pandas("forces_wide").set_index("id")
    exercises = [e for e in dataset.exercises if isinstance(e, Exercise) and e.forces]
    assert set(wide.index) == {e.id for e in exercises}
    for exercise in exercises:
        for force in exercise.forces:
            who = force.participant or "total"
            for measure in ("troops", "ships", "submarines", "aircraft", "vehicles"):
                count = getattr(force, measure)
                if count is not None:
                    assert wide.loc[exercise.id, f"{who}_{measure}"] == count.value
