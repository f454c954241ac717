"""Checks that hold across a whole dataset: unique ids and references that resolve."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from sinorus.errors import Problem
from sinorus.loading.problems import problem_at
from sinorus.models.records import Exercise, RecordBase, Source

if TYPE_CHECKING:
    from sinorus.loading.records import LoadedRecord

__all__ = ["check_integrity", "check_overrides", "record_problems"]


def check_integrity(
    loaded: Sequence[LoadedRecord],
    known: dict[str, RecordBase] | None = None,
    unchecked_ids: Collection[str] = (),
) -> list[Problem]:
    """The problems that keep ids from being unique or references from resolving.

    `known` holds records loaded earlier (the packaged data under a user overlay)
    that references may point at; references to `unchecked_ids` (records that failed
    validation, already reported) are not reported again.
    """
    problems: list[Problem] = []
    by_id: dict[str, LoadedRecord] = {}
    for item in loaded:
        first = by_id.get(item.record.id)
        if first is not None:
            problems.append(problem_at(item, "id", f"duplicate id, first defined in {_where(first)}"))
        else:
            by_id[item.record.id] = item
    records = dict(known or {})
    records.update((record_id, item.record) for record_id, item in by_id.items())
    for item in loaded:
        problems.extend(
            problem_at(item, f, message) for f, message in record_problems(item.record, records, unchecked_ids)
        )
    return problems


def record_problems(
    record: RecordBase, records: dict[str, RecordBase], unchecked_ids: Collection[str] = ()
) -> list[tuple[str, str]]:
    """The field and message of each reference of `record` that does not resolve among
    `records` to a record of the kind it needs, and of a `part_of` chain leading back to it."""
    found = []
    for field, target_id in record.references():
        if target_id in unchecked_ids and target_id not in records:
            continue
        message = _reference_problem(record, field, target_id, records)
        if message:
            found.append((field, message))
    cycle = _part_of_cycle(record, records)
    if cycle:
        found.append(("part_of", f"part_of leads back to itself ({' -> '.join(cycle)})"))
    return found


def _part_of_cycle(record: RecordBase, records: dict[str, RecordBase]) -> list[str]:
    """The chain of `part_of` from `record` back to itself, or nothing when it ends elsewhere."""
    chain = [record.id]
    current: RecordBase | None = record
    while isinstance(current, Source) and current.part_of is not None:
        if current.part_of == record.id:
            return [*chain, record.id]
        if current.part_of in chain:  # a loop that does not pass through `record`
            return []
        chain.append(current.part_of)
        current = records.get(current.part_of)
    return []


def check_overrides(loaded: Sequence[LoadedRecord], known: dict[str, RecordBase]) -> list[Problem]:
    """The problems of records that replace `known` ones: a record may only be replaced by one of
    its own kind, and the known records kept must still point at records of the kinds they need."""
    replacing = {item.record.id: item for item in loaded if item.record.id in known}
    problems = [
        problem_at(
            item, "kind", f"replaces {_a(known[record_id].kind)}: a record may only be replaced by one of its kind"
        )
        for record_id, item in replacing.items()
        if item.record.kind != known[record_id].kind
    ]
    merged = dict(known)
    merged.update((item.record.id, item.record) for item in loaded)
    for record in known.values():
        if record.id in replacing:
            continue
        for field, target_id in record.references():
            item = replacing.get(target_id)
            message = _reference_problem(record, field, target_id, merged) if item else None
            if item and message:
                problems.append(problem_at(item, "id", f"replacing it breaks {record.id!r} ({field}): {message}"))
    return problems


def _reference_problem(record: RecordBase, field: str, target_id: str, records: dict[str, RecordBase]) -> str | None:
    target = records.get(target_id)
    if target is None:
        return f"refers to unknown id {target_id!r}"
    expected = record.reference_kind(field)
    if expected and target.kind != expected:
        return f"{target_id!r} is {_a(target.kind)}, not {_a(expected)}"
    if field == "series" and isinstance(target, Exercise) and target.level != "series":
        return f"{target_id!r} is not a series (level: series)"
    return None


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _where(item: LoadedRecord) -> str:
    problem = problem_at(item, "id", "")
    return f"{problem.file}:{problem.line}"
