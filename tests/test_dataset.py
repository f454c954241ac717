"""The query API: lookups, indexed filters that agree with a plain scan, links, immutability."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinorus.dataset import Dataset
from sinorus.models.records import RecordBase
from sinorus.query import fold, sources_cited, type_of
from tests.strategies import records


def scan(
    ds: Dataset,
    *,
    kind: str | None = None,
    participants: tuple[str, ...] = (),
    any_participant: tuple[str, ...] = (),
    low: date | None = None,
    high: date | None = None,
    type: str | None = None,
    roles: tuple[str, ...] = ("participant", "supplier", "recipient"),
) -> list[RecordBase]:
    """The same filter as Dataset.filter, written as a linear scan without indexes."""
    out = []
    for r in ds:
        value = r.date_value
        taking_part = {code for _, role, code in r.actor_roles() if role in roles}
        if kind and r.kind != kind:
            continue
        if not set(participants) <= taking_part:
            continue
        if any_participant and not set(any_participant) & taking_part:
            continue
        if (low or high) and (value is None or not value.overlaps(low or date.min, high or date.max)):
            continue
        if type and type_of(r) != type:
            continue
        out.append(r)
    return out


def test_kinds_partition_the_dataset(dataset: Dataset) -> None:
    parts = [dataset.events, dataset.exercises, dataset.agreements, dataset.arms_transfers, dataset.sources]
    assert sum(map(len, parts)) == len(dataset)
    assert sum(dataset.counts().values()) == len(dataset)
    assert all(r.kind == "source" for r in dataset.sources)
    assert {r.kind for r in dataset.exercises} == {"exercise"}


def test_get_and_getitem(dataset: Dataset) -> None:
    first = dataset.records[0]
    assert dataset.get(first.id) is first
    assert dataset[first.id] is first
    assert first.id in dataset
    assert first in dataset
    assert dataset.get("no-such-record") is None
    assert dataset.get("no-such-record", "default") == "default"
    with pytest.raises(KeyError, match="no-such-record"):
        dataset["no-such-record"]


def test_lookup_by_name_and_alias_ignores_case(dataset: Dataset) -> None:
    for record in dataset:
        for name in (record.name, *record.aliases):
            assert record in dataset.by_name(name.upper() if name.isascii() else name)
            assert record in dataset.by_name(f"  {name.lower()} ")
    with pytest.raises(LookupError, match="no record named"):
        dataset.lookup("nothing is called this")


def test_search_finds_every_record_by_its_own_name(dataset: Dataset) -> None:
    for record in dataset:
        if len(dataset.by_name(record.name)) == 1:
            assert record in dataset.search(record.name, limit=len(dataset)), record.id
    assert dataset.search("zzzzzzqqqqq") == ()


def test_timeline_order(dataset: Dataset) -> None:
    dated = [r.date_value for r in dataset.dated()]
    assert dated == sorted(dated, key=lambda v: (v.earliest, v.latest))  # type: ignore[union-attr]
    assert all(r.date_value is None for r in dataset.records[len(dated) :])


@pytest.mark.parametrize("year", [1989, 1996, 2005, 2014, 2016, 2018, 2021, 2022])
def test_filters_agree_with_a_plain_scan(dataset: Dataset, year: int) -> None:
    low, high = date(year, 1, 1), date(year, 12, 31)
    for kind in (None, "event", "exercise", "agreement", "arms_transfer"):
        assert list(dataset.filter(kind=kind, year=year)) == scan(dataset, kind=kind, low=low, high=high)
        assert list(dataset.filter(kind=kind, participants=["CHN", "RUS"], start=f"{year}")) == scan(
            dataset, kind=kind, participants=("CHN", "RUS"), low=low
        )
        assert list(dataset.filter(kind=kind, any_participant=["USA", "KOR"], end=f"{year}")) == scan(
            dataset, kind=kind, any_participant=("USA", "KOR"), high=high
        )


@pytest.mark.parametrize("year", [1950, 1970, 2030])
def test_year_filters_return_only_records_whose_stated_dates_are_near(dataset: Dataset, year: int) -> None:
    """An unknown end ("by April 2016") reaches at most ten years from the known one; only an
    open end ("since 2014, still going") reaches further."""
    for record in dataset.filter(year=year):
        value = record.date_value
        assert value is not None
        known = [b for b in (value.start, value.end) if b is not None] if value.is_interval else [value]
        near = any(abs(b.earliest.year - year) <= 10 or abs(b.latest.year - year) <= 10 for b in known)
        assert near or value.open_start or value.open_end, (record.id, str(value))


def test_filter_rejects_unknown_kinds(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        dataset.filter(kind="treaty")


def test_citing_follows_report_parts(dataset: Dataset) -> None:
    for source in dataset.sources:
        direct = [r for r in dataset if source.id in sources_cited(r)]
        assert set(direct) <= set(dataset.records_citing(source.id))
    for chapter in (s for s in dataset.sources if s.part_of):
        assert set(dataset.records_citing(chapter.id)) <= set(dataset.records_citing(chapter.part_of))  # type: ignore[arg-type]


def test_related_is_symmetric(dataset: Dataset) -> None:
    for record in dataset:
        for other in dataset.related(record.id):
            assert record in dataset.related(other.id), (record.id, other.id)


def test_dataset_is_immutable(dataset: Dataset) -> None:
    with pytest.raises(AttributeError):
        dataset.records = ()  # type: ignore[misc,assignment]
    with pytest.raises(AttributeError):
        dataset._records = ()
    assert isinstance(dataset.records, tuple)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(records(), max_size=25, unique_by=lambda r: r.id),
    st.sampled_from(["CHN", "RUS", "SCO", "USA"]),
    st.integers(1990, 2020),
)
def test_filters_agree_with_scan_on_generated_data(items: list[RecordBase], actor: str, year: int) -> None:
    ds = Dataset(items)
    low, high = date(year, 1, 1), date(year + 3, 12, 31)
    assert list(ds.filter(participants=[actor], start=low, end=high)) == scan(
        ds, participants=(actor,), low=low, high=high
    )
    assert list(ds.filter(any_participant=[actor, "CHN"])) == scan(ds, any_participant=(actor, "CHN"))
    for role in ("observer", "host"):
        assert list(ds.filter(participants=actor, role=role)) == scan(ds, participants=(actor,), roles=(role,))
    all_roles = ("participant", "observer", "host", "supplier", "recipient")
    assert list(ds.filter(participants=actor, role="any")) == scan(ds, participants=(actor,), roles=all_roles)
    for record in items:
        assert ds[record.id] is record
        assert record in ds.by_name(fold(record.name))


def test_duplicate_ids_are_refused(dataset: Dataset) -> None:
    record = dataset.records[0]
    with pytest.raises(ValueError, match="unique"):
        Dataset([record, record])


def test_discrepancies_filter_by_nature_and_kind(dataset: Dataset) -> None:
    every = dataset.discrepancies()
    assert every
    natures = {d.nature for _, d in every}
    assert sum(len(dataset.discrepancies(nature=n)) for n in natures) == len(every)
    for kind in ("event", "source"):
        assert dataset.discrepancies(kind=kind) == tuple((r, d) for r, d in every if r.kind == kind)
    swapped = dataset.discrepancies(nature="swapped")
    assert {r.id for r, _ in swapped} >= {"wang-chensheng-2022", "shan-xiaoying-2017"}


def test_with_references_closes_a_selection_over_what_it_points_at(dataset: Dataset) -> None:
    closed = dataset.with_references(dataset.arms_transfers)
    ids = {r.id for r in closed}
    assert {r.id for r in dataset.arms_transfers} <= ids
    for record in closed:
        for field, target in record.references():
            assert field.startswith("related.") or target in ids, (record.id, field, target)
    assert "csis-2022" in ids  # the report the cited chapters are part of
    assert any(r.kind == "agreement" for r in closed)


def test_the_old_names_of_dated_and_records_citing_warn(dataset: Dataset) -> None:
    with pytest.warns(DeprecationWarning, match="dated"):
        assert dataset.timeline(kind="exercise") == dataset.dated(kind="exercise")
    with pytest.warns(DeprecationWarning, match="records_citing"):
        assert dataset.citing("csis-2022") == dataset.records_citing("csis-2022")


def test_the_summary_agrees_with_the_flat_tables(dataset: Dataset) -> None:
    summary = dataset.summary()
    tables = dataset.tables()
    assert summary["records"] == len(tables["records"].rows) == sum(summary["by_kind"].values())
    assert summary["citations"] == len(tables["citations"].rows)  # a record's own, not its discrepancies'

    assert summary["discrepancies"] == len(tables["discrepancies"].rows)
