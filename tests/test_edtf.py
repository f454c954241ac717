"""EDTF dates: the forms sinorus accepts, their bounds, and properties over generated values."""

from __future__ import annotations

import calendar
import re
from datetime import date

import pytest
from edtf import parse_edtf
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from sinorus.models.edtf import EDTF, JSON_PATTERN, EDTFError


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2016", date(2016, 1, 1), date(2016, 12, 31), "year"),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "month"),
        ("2015-02", date(2015, 2, 1), date(2015, 2, 28), "month"),
        ("2016-05-12", date(2016, 5, 12), date(2016, 5, 12), "day"),
        ("2018-09-11/2018-09-17", date(2018, 9, 11), date(2018, 9, 17), "day"),
        ("2016-05~", date(2016, 5, 1), date(2016, 5, 31), "month"),
        ("199X", date(1990, 1, 1), date(1999, 12, 31), "year"),
        ("19XX", date(1900, 1, 1), date(1999, 12, 31), "year"),
        ("2016-XX", date(2016, 1, 1), date(2016, 12, 31), "month"),
        ("2016-03-XX", date(2016, 3, 1), date(2016, 3, 31), "day"),
        ("2016-22", date(2016, 6, 1), date(2016, 8, 31), "season"),
        ("2016-24", date(2016, 12, 1), date(2017, 2, 28), "season"),
        ("2014/..", date(2014, 1, 1), date.max, "year"),
        ("../2014-03", date.min, date(2014, 3, 31), "month"),
        ("/2014-03", date(2004, 3, 31), date(2014, 3, 31), "month"),
        ("2016-02-29/", date(2016, 2, 29), date(2026, 2, 28), "day"),
        ("2004?/2005", date(2004, 1, 1), date(2005, 12, 31), "year"),
    ],
)
def test_bounds(text: str, earliest: date, latest: date, precision: str) -> None:
    value = EDTF(text)
    assert (value.earliest, value.latest, value.precision) == (earliest, latest, precision)
    assert str(value) == text


def test_every_month_ends_on_its_last_calendar_day() -> None:
    for year in [*range(1896, 2105), 1600, 1700, 1800, 2400, 9999]:
        for month in range(1, 13):
            assert EDTF(f"{year}-{month:02d}").latest.day == calendar.monthrange(year, month)[1], (year, month)


def test_qualifiers() -> None:
    assert EDTF("2016?").uncertain
    assert not EDTF("2016?").approximate
    assert EDTF("2016~").approximate
    assert not EDTF("2016~").uncertain
    assert EDTF("2016%").approximate
    assert EDTF("2016%").uncertain
    assert EDTF("201X").unspecified
    assert not EDTF("2016").unspecified
    assert EDTF("2016-05~/2016-06").approximate
    assert EDTF("2018-09-11/2018-09-17").is_interval
    assert not EDTF("2018").is_interval


@pytest.mark.parametrize(
    "text",
    [
        "",
        "16",
        "2016-13",
        "2016-02-30",
        "2016-00",
        "2016-5",
        "2016-05-12T10:00",
        "2016-05-12 10:00",
        "20X6",
        "201X-05",
        "2016-XX-05",
        "2016-21-01",
        "2018-09-17/2018-09-11",
        "2016/2017/2018",
        "../..",
        "/",
        "2016??",
        "2016-21?",
        "NO",
        " 2016",
    ],
)
def test_rejects(text: str) -> None:
    with pytest.raises(EDTFError):
        EDTF(text)


def test_pydantic_round_trip_and_errors() -> None:
    adapter = TypeAdapter(EDTF)
    value = adapter.validate_python("2016-05~")
    assert adapter.dump_python(value) == "2016-05~"
    assert adapter.validate_json(adapter.dump_json(value)) == value
    with pytest.raises(ValidationError, match="must be a string"):
        adapter.validate_python(2016)
    with pytest.raises(ValidationError, match="month 13"):
        adapter.validate_python("2016-13")


years = st.integers(1000, 2999).map(str)


@st.composite
def single_dates(draw: st.DrawFn) -> str:
    year = draw(years)
    shape = draw(st.sampled_from(["year", "month", "day", "x-year", "x-month", "x-day", "season"]))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    text = {
        "year": year,
        "month": f"{year}-{month:02d}",
        "day": f"{year}-{month:02d}-{day:02d}",
        "x-year": year[: draw(st.sampled_from([2, 3]))].ljust(4, "X"),
        "x-month": f"{year}-XX",
        "x-day": f"{year}-{month:02d}-XX",
        "season": f"{year}-{draw(st.integers(21, 24))}",
    }[shape]
    qualifier = "" if shape == "season" else draw(st.sampled_from(["", "", "?", "~", "%"]))
    return text + qualifier


@st.composite
def edtf_strings(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(single_dates())
    first, second = sorted([EDTF(draw(single_dates())), EDTF(draw(single_dates()))], key=lambda v: v.earliest)
    if first.latest > second.latest:
        return f"{second.text}/{first.text}" if second.earliest >= first.earliest else f"{first.text}/.."
    return f"{first.text}/{second.text}"


@given(edtf_strings())
def test_earliest_not_after_latest(text: str) -> None:
    value = EDTF(text)
    assert value.earliest <= value.latest


@given(edtf_strings())
def test_print_parse_round_trip(text: str) -> None:
    value = EDTF(text)
    assert str(value) == text
    assert EDTF(str(value)) == value
    assert hash(EDTF(text)) == hash(value)


@given(edtf_strings(), edtf_strings(), edtf_strings())
def test_ordering_is_total_and_transitive(a: str, b: str, c: str) -> None:
    x, y, z = EDTF(a), EDTF(b), EDTF(c)
    assert (x < y) + (y < x) + (x == y) == 1
    if x <= y <= z:
        assert x <= z
    assert sorted([x, y, z]) == sorted([z, y, x])


@given(single_dates())
def test_bounds_agree_with_reference_implementation(text: str) -> None:
    """python-edtf, an independent EDTF implementation, gives the same first and last days."""
    reference = parse_edtf(text)
    lower = date(*reference.lower_strict()[:3])
    upper = date(*reference.upper_strict()[:3])
    value = EDTF(text)
    if value.precision == "season" and value.text[5:7] == "24":
        # python-edtf ends winter in the same year; sinorus takes December to February.
        assert value.earliest == lower
        return
    assert (value.earliest, value.latest) == (lower, upper), text


@given(single_dates(), st.booleans())
def test_unknown_ends_agree_with_reference_implementation(text: str, unknown_start: bool) -> None:
    """An unknown end lies UNKNOWN_END_YEARS beyond the known one, as python-edtf has it."""
    assume("X" not in text)  # python-edtf reads unspecified digits at interval ends only at level 2
    interval = f"/{text}" if unknown_start else f"{text}/"
    value = EDTF(interval)
    reference = parse_edtf(interval)
    if value.precision == "season" and text[5:7] == "24":
        return  # python-edtf ends winter in the same year; sinorus takes December to February.
    bound = value.earliest if unknown_start else value.latest
    expected = reference.lower_strict() if unknown_start else reference.upper_strict()
    assert bound == date(*expected[:3]), interval


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2016", (2016,)),
        ("2016-05~", (2016,)),
        ("199X", ()),
        ("2016-24", ()),
        ("2018-09-11/2018-09-17", (2018,)),
        ("1992/1994", (1992, 1993, 1994)),
        ("199X/200X", (1999, 2000)),
        ("2016/2016-05", (2016,)),
        ("2016-01-06/", (2016,)),
        ("/2004", (2004,)),
        ("2022-02/..", (2022, 2023, 2024, 2025)),
        ("../1951", (1950, 1951)),
    ],
)
def test_years_covered(text: str, years: tuple[int, ...]) -> None:
    """The years a value certainly reaches into, open ends clipped to the span asked for."""
    assert EDTF(text).years_covered(1950, 2025) == years


@given(edtf_strings())
def test_covered_years_lie_within_the_bounds(text: str) -> None:
    value = EDTF(text)
    assert all(value.earliest.year <= y <= value.latest.year for y in value.years_covered(1, 9999))


@given(edtf_strings())
def test_json_schema_pattern_accepts_every_valid_string(text: str) -> None:
    assert re.fullmatch(JSON_PATTERN, text)


@pytest.mark.parametrize("text", ["2016-13", "2016-00", "16", "2016-05-32", "/", "../..", "2016-05-12T10:00"])
def test_json_schema_pattern_rejects_malformed_shapes(text: str) -> None:
    assert not re.fullmatch(JSON_PATTERN, text)
