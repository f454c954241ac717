"""Extended Date/Time Format (EDTF, ISO 8601-2) dates: level 0 and level 1.

Supported forms, each with an optional trailing qualifier `?` (uncertain),
`~` (approximate) or `%` (both):

* `2016`, `2016-05`, `2016-05-12`
* unspecified digits: `201X`, `20XX`, `2016-XX`, `2016-05-XX`, `2016-XX-XX`
* seasons: `2016-21` (spring) to `2016-24` (winter, December to February), unqualified
* intervals: `2018-09-11/2018-09-17`, open `2016/..` and unknown `/2016` ends

An open end (`..`) is unbounded. An unknown end (nothing written) is bounded as in
python-edtf: it lies at most `UNKNOWN_END_YEARS` years beyond the known end.

Times of day and level 2 features are rejected with a clear message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from sinorus.errors import SinorusError

__all__ = ["EDTF", "UNKNOWN_END_YEARS", "EDTFError", "Precision"]

Precision = Literal["year", "season", "month", "day"]

_SINGLE = re.compile(
    r"(?P<year>[0-9]{2}(?:[0-9]{2}|[0-9]X|XX))"
    r"(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?"
    r"(?P<qualifier>[?~%])?"
)
# Meteorological seasons, as EDTF level 1 numbers them: months covered by each.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
_OPEN = ".."
_SINGLE_SHAPE = (
    r"[0-9]{2}(?:[0-9]{2}|[0-9]X|XX)(?:-(?:0[1-9]|1[0-2]|2[1-4]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX))?)?[?~%]?"
)
JSON_PATTERN = rf"^(?:{_SINGLE_SHAPE}(?:/(?:{_SINGLE_SHAPE}|\.\.)?)?|(?:\.\.)?/{_SINGLE_SHAPE})$"
"""The shape of a supported EDTF string, for JSON Schema; the calendar (day 31 in a
30-day month) is checked only by the library."""
_TIME = re.compile(r"[0-9]T[0-9]|[0-9] [0-9]{1,2}:[0-9]")
UNKNOWN_END_YEARS = 10
"""How far an unknown interval end (`2016/`, `/2016`) can lie from the known end, in years
(python-edtf's `DELTA_IF_UNKNOWN`)."""


class EDTFError(SinorusError, ValueError):
    """A string that is not a supported EDTF date."""


@dataclass(frozen=True)
class _Bound:
    earliest: date
    latest: date
    precision: Precision
    uncertain: bool
    approximate: bool
    unspecified: bool


def _parse_single(text: str) -> _Bound:
    match = _SINGLE.fullmatch(text)
    if match is None:
        raise EDTFError(f"{text!r} is not an EDTF date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year_text, month_text, day_text = match.group("year", "month", "day")
    qualifier = match.group("qualifier") or ""
    if month_text is None:
        return _year(year_text, qualifier)
    if "X" in year_text:
        raise EDTFError(f"{text!r}: only the last digits of a year-only date may be X")
    year = int(year_text)
    if month_text == "XX":
        if day_text not in (None, "XX"):
            raise EDTFError(f"{text!r}: a day cannot be given when the month is unspecified")
        return _bound(date(year, 1, 1), date(year, 12, 31), "day" if day_text else "month", qualifier, True)
    if int(month_text) in _SEASON_MONTHS:
        return _season(text, year, int(month_text), day_text, qualifier)
    return _month_or_day(text, year, month_text, day_text, qualifier)


def _year(year_text: str, qualifier: str) -> _Bound:
    """A year, or a decade or century written with X (`199X`)."""
    first, last = int(year_text.replace("X", "0")), int(year_text.replace("X", "9"))
    return _bound(date(first, 1, 1), date(last, 12, 31), "year", qualifier, "X" in year_text)


def _season(text: str, year: int, season: int, day_text: str | None, qualifier: str) -> _Bound:
    """A season (21-24): the months it spans, ending in the next year for a winter."""
    if day_text is not None:
        raise EDTFError(f"{text!r}: a season takes no day")
    if qualifier:
        raise EDTFError(f"{text!r}: a season takes no qualifier at EDTF level 1")
    first, last = _SEASON_MONTHS[season]
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end = date(end_year, end_month, _days_in(end_year, end_month))
    return _bound(date(year, first, 1), end, "season", qualifier, False)


def _month_or_day(text: str, year: int, month_text: str, day_text: str | None, qualifier: str) -> _Bound:
    """A month, a month with an unspecified day (`XX`), or one day."""
    month = int(month_text)
    if not 1 <= month <= 12:
        raise EDTFError(f"{text!r}: month {month_text} is not 01-12 or a season 21-24")
    last_day = _days_in(year, month)
    if day_text is None or day_text == "XX":
        precision: Precision = "month" if day_text is None else "day"
        return _bound(date(year, month, 1), date(year, month, last_day), precision, qualifier, day_text == "XX")
    day = int(day_text)
    if not 1 <= day <= last_day:
        raise EDTFError(f"{text!r}: day {day_text} does not exist in {year}-{month_text}")
    exact = date(year, month, day)
    return _bound(exact, exact, "day", qualifier, False)


def _days_in(year: int, month: int) -> int:
    """The number of days in a month of the proleptic Gregorian calendar (the `calendar` module,
    which also works out weekdays, is not imported for this)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _bound(earliest: date, latest: date, precision: Precision, qualifier: str, unspecified: bool) -> _Bound:
    return _Bound(
        earliest=earliest,
        latest=latest,
        precision=precision,
        uncertain=qualifier in ("?", "%"),
        approximate=qualifier in ("~", "%"),
        unspecified=unspecified,
    )


@dataclass(frozen=True, init=False)
class EDTF:
    """A parsed EDTF date or interval that keeps the string it was written as.

    `earliest` and `latest` are the first and last calendar days the value can
    denote, so that range queries work on partial dates: `EDTF("2016-05")` spans
    2016-05-01 to 2016-05-31. An open interval end (`2016/..`) extends to `date.min`
    or `date.max`; an unknown one (`2016/`) to `UNKNOWN_END_YEARS` beyond the known end.

    Instances compare and sort by `(earliest, latest, text)`.
    """

    text: str
    earliest: date
    latest: date
    start: _Bound | None
    end: _Bound | None
    is_interval: bool

    def __new__(cls, text: str) -> EDTF:
        return _parse(text)

    @property
    def uncertain(self) -> bool:
        """True when any part of the value carries `?` or `%`."""
        return any(b.uncertain for b in self._bounds())

    @property
    def approximate(self) -> bool:
        """True when any part of the value carries `~` or `%`."""
        return any(b.approximate for b in self._bounds())

    @property
    def unspecified(self) -> bool:
        """True when any digit is given as `X`."""
        return any(b.unspecified for b in self._bounds())

    @property
    def precision(self) -> Precision:
        """The coarsest precision among the given parts."""
        order: tuple[Precision, ...] = ("year", "season", "month", "day")
        return min((b.precision for b in self._bounds()), key=order.index)

    @property
    def open_start(self) -> bool:
        """True when the start is open (`../2016`): `earliest` is `date.min`."""
        return self.text.startswith(_OPEN + "/")

    @property
    def open_end(self) -> bool:
        """True when the end is open (`2016/..`): `latest` is `date.max`."""
        return self.text.endswith("/" + _OPEN)

    @property
    def unknown_start(self) -> bool:
        """True when the start is unknown (`/2016`, "by 2016")."""
        return self.text.startswith("/")

    @property
    def unknown_end(self) -> bool:
        """True when the end is unknown (`2016/`, "after 2016")."""
        return self.text.endswith("/")

    def years_covered(self, floor: int, ceiling: int) -> tuple[int, ...]:
        """The years the value certainly reaches into, within `floor`..`ceiling`.

        A single date covers its year when it lies within one year (`199X` covers none).
        An interval covers the years of its ends that lie within one year and every year
        between the latest its start can be and the earliest its end can be; an open end
        reaches `floor` or `ceiling`, an unknown one covers only the known end's year.
        """
        years: set[int] = set()
        for bound in (self.start, self.end) if self.is_interval else (self,):
            if bound is not None and bound.earliest.year == bound.latest.year:
                years.add(bound.earliest.year)
        if self.is_interval and not (self.unknown_start or self.unknown_end):
            first = floor if self.start is None else self.start.latest.year
            last = ceiling if self.end is None else self.end.earliest.year
            years.update(range(first, last + 1))
        return tuple(sorted(y for y in years if floor <= y <= ceiling))

    def _bounds(self) -> tuple[_Bound, ...]:
        return tuple(b for b in (self.start, self.end) if b is not None)

    def overlaps(self, earliest: date, latest: date) -> bool:
        """True when the value can fall within `earliest`..`latest` (inclusive)."""
        return self.earliest <= latest and earliest <= self.latest

    def _key(self) -> tuple[date, date, str]:
        return (self.earliest, self.latest, self.text)

    def __lt__(self, other: EDTF) -> bool:
        return self._key() < other._key()

    def __le__(self, other: EDTF) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: EDTF) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: EDTF) -> bool:
        return self._key() >= other._key()

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"EDTF({self.text!r})"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (EDTF, (self.text,))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str, when_used="always"),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "format": "edtf",
            "pattern": JSON_PATTERN,
            "description": "An EDTF (ISO 8601-2) level 0 or 1 date or interval.",
            "examples": ["2016", "2016-05~", "2018-09-11/2018-09-17", "201X"],
        }


def _validate(value: object) -> EDTF:
    if isinstance(value, EDTF):
        return value
    if not isinstance(value, str):
        raise ValueError(f"an EDTF date must be a string, not {type(value).__name__}")
    try:
        return _parse(value)
    except EDTFError as error:
        raise ValueError(str(error)) from None


@lru_cache(maxsize=65536)
def _parse(text: str) -> EDTF:
    if _TIME.search(text):
        raise EDTFError(f"{text!r}: times of day are not supported, give the date only")
    if "/" not in text:
        bound = _parse_single(text)
        return _build(text, bound.earliest, bound.latest, bound, None, False)
    if text.count("/") > 1:
        raise EDTFError(f"{text!r}: an interval has exactly one '/'")
    left, right = text.split("/")
    if left in ("", _OPEN) and right in ("", _OPEN):
        raise EDTFError(f"{text!r}: an interval needs at least one known end")
    start = None if left in ("", _OPEN) else _parse_single(left)
    end = None if right in ("", _OPEN) else _parse_single(right)
    if start is None:
        assert end is not None
        earliest = date.min if left == _OPEN else _years_from(end.latest, -UNKNOWN_END_YEARS)
    else:
        earliest = start.earliest
    if end is None:
        assert start is not None
        latest = date.max if right == _OPEN else _years_from(start.earliest, UNKNOWN_END_YEARS)
    else:
        latest = end.latest
    if start and end and end.latest < start.earliest:
        raise EDTFError(f"{text!r}: the interval ends before it starts")
    return _build(text, earliest, latest, start, end, True)


def _years_from(day: date, years: int) -> date:
    """The same day `years` later (or earlier), 28 February for 29 February, within date's range."""
    year = min(max(day.year + years, date.min.year), date.max.year)
    return day.replace(year=year, day=min(day.day, _days_in(year, day.month)))


def _build(
    text: str, earliest: date, latest: date, start: _Bound | None, end: _Bound | None, is_interval: bool
) -> EDTF:
    value = object.__new__(EDTF)
    for name, field_value in (
        ("text", text),
        ("earliest", earliest),
        ("latest", latest),
        ("start", start),
        ("end", end),
        ("is_interval", is_interval),
    ):
        object.__setattr__(value, name, field_value)
    return value
