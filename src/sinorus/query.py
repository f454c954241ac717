"""What the query API asks of a record: its actors, its type, its sources, its text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sinorus.errors import QueryError
from sinorus.models.edtf import EDTF
from sinorus.models.records import RecordBase

__all__ = [
    "actors_of",
    "date_bounds",
    "fold",
    "names_of",
    "pointed_at",
    "sources_cited",
    "timeline_key",
    "type_of",
]


def fold(text: str) -> str:
    """Case- and white-space-insensitive form of a name, for lookups."""
    return " ".join(text.casefold().split())


def actors_of(record: RecordBase) -> tuple[str, ...]:
    """The actor codes a record names, in every role (see `RecordBase.actor_fields`)."""
    return tuple(code for _, _, code in record.actor_roles())


def type_of(record: RecordBase) -> str:
    """The record's type within its kind: event, agreement or source type, deal type, or level."""
    return str(getattr(record, record.type_field))


def names_of(record: RecordBase) -> tuple[str, ...]:
    """The id, name and aliases of a record."""
    return (record.id, record.name, *record.aliases)


def sources_cited(record: RecordBase) -> tuple[str, ...]:
    """Every source id a record's citations (and its discrepancies' citations) name, with the
    primary documents they quote, in order of first citation."""
    citations = [*record.citations, *(c for d in record.discrepancies for c in d.citations)]
    return tuple(dict.fromkeys(i for c in citations for i in (c.source, c.primary_source) if i is not None))


def pointed_at(record: RecordBase) -> tuple[str, ...]:
    """The ids a record needs to stand: cited sources, series, agreement, report (not `related`)."""
    own = (getattr(record, name) for name in record.reference_fields)
    return (*sources_cited(record), *(target for target in own if target is not None))


def year_span(records: Iterable[RecordBase]) -> tuple[int, int] | None:
    """The first and last year the records' dates state, open and unknown ends aside; None when
    no record is dated. Open ends reach this far when counting the years a record covers."""
    years = [
        year
        for record in records
        if (value := record.date_value) is not None
        for year in ((value.earliest.year,) if not (value.open_start or value.unknown_start) else ())
        + ((value.latest.year,) if not (value.open_end or value.unknown_end) else ())
    ]
    return (min(years), max(years)) if years else None


def years_of(record: RecordBase, span: tuple[int, int]) -> tuple[int, ...]:
    """The years a record covers, within `span` (see `EDTF.years_covered`); none when undated.

    This is the one rule by which counts, tables and plots place a record in years.
    """
    value = record.date_value
    return () if value is None else value.years_covered(*span)


def timeline_key(record: RecordBase) -> tuple[date, date, str]:
    """Sort key for timeline order: dated records by date, undated ones last."""
    value = record.date_value
    if value is None:
        return (date.max, date.max, record.id)
    return (value.earliest, value.latest, record.id)


def date_bounds(start: date | str | None, end: date | str | None, year: int | None) -> tuple[date, date] | None:
    """The inclusive range a date filter asks for, or None when it asks for none."""
    if start is None and end is None and year is None:
        return None
    low = _as_date(start, latest=False) if start is not None else date.min
    high = _as_date(end, latest=True) if end is not None else date.max
    if year is not None:
        if not date.min.year <= year <= date.max.year:
            raise QueryError(f"year {year} is outside the dates a record can hold ({date.min.year}-{date.max.year})")
        low, high = max(low, date(year, 1, 1)), min(high, date(year, 12, 31))
    return low, high


def _as_date(value: date | str, *, latest: bool) -> date:
    if isinstance(value, date):
        return value
    parsed = EDTF(value)
    return parsed.latest if latest else parsed.earliest
