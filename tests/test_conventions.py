"""The conventions of docs/authoring.md, held by every packaged record."""

from __future__ import annotations

from collections import defaultdict

from sinorus.dataset import Dataset
from sinorus.models.records import Exercise, FactRecord
from sinorus.query import actors_of

CHINA_OR_RUSSIA = {"CHN", "RUS", "SUN"}


def test_context_marks_exactly_the_records_without_china_or_russia(dataset: Dataset) -> None:
    wrong = [
        (r.id, r.context)
        for r in dataset
        if isinstance(r, FactRecord) and r.context == bool(CHINA_OR_RUSSIA & set(actors_of(r)))
    ]
    assert not wrong, "context must be true exactly when no actor is CHN, RUS or SUN: " + repr(wrong)


def test_series_state_their_participants(dataset: Dataset) -> None:
    series = [r for r in dataset.exercises if isinstance(r, Exercise) and r.level == "series"]
    assert series
    assert not [r.id for r in series if not r.participants]


def test_instances_take_part_in_their_series(dataset: Dataset) -> None:
    """Every participant of an instance is among the participants its series states."""
    problems = []
    for record in dataset.exercises:
        if isinstance(record, Exercise) and record.series is not None:
            series = dataset[record.series]
            assert isinstance(series, Exercise)
            missing = set(record.participants) - set(series.participants)
            if missing:
                problems.append(f"{record.id}: {sorted(missing)} not among {series.id}'s participants")
    assert not problems, "\n".join(problems)


def test_ordinals_number_each_series_once(dataset: Dataset) -> None:
    seen: dict[tuple[str, int], list[str]] = defaultdict(list)
    for record in dataset.exercises:
        if isinstance(record, Exercise) and record.ordinal is not None:
            assert record.series is not None, f"{record.id} has an ordinal but no series"
            seen[(record.series, record.ordinal)].append(record.id)
    assert not {key: ids for key, ids in seen.items() if len(ids) > 1}
