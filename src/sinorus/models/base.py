"""Building blocks shared by every record kind."""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator

from sinorus.models.actors import code_repr, is_three_capitals
from sinorus.models.docstrings import attribute_docstrings
from sinorus.models.iso import iso_name

__all__ = [
    "LARGEST_INTEGER",
    "Citation",
    "Count",
    "Discrepancy",
    "FrozenModel",
    "Money",
    "Quantity",
    "RecordId",
    "Text",
]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

RecordId = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=100,
        description="A stable slug of lower-case letters, digits and single hyphens.",
        examples=["vostok-2018", "csis-2022"],
    ),
]
"""The id of a record: unique across the dataset and never reused for another meaning."""


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but tab and newline."""
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Fillers that Unicode classes as letters or symbols but that show nothing."""


_ASCII_ALNUM = re.compile("[A-Za-z0-9]")
"""An ASCII letter or digit: visible, so a text holding one needs no character-by-character check."""


def _check_text(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise ValueError("must not be blank")
    if value != stripped:
        raise ValueError("must not start or end with white space")
    control = _CONTROL.search(value)
    if control is not None:
        raise ValueError(f"must not hold the control character U+{ord(control.group()):04X}")
    if _ASCII_ALNUM.search(value) is None and not any(
        unicodedata.category(c)[0] in "LNPS" and c not in _INVISIBLE_LETTERS for c in value
    ):
        raise ValueError("must hold at least one visible character")
    return value


Text = Annotated[str, AfterValidator(_check_text)]
"""A non-blank string without surrounding white space or control characters (tabs and line
breaks aside) that shows at least one character."""


class FrozenModel(BaseModel):
    """Base of every model: immutable, hashable, unknown fields rejected.

    Validators are built on first use, not when the class is made (`defer_build`), so that a
    process reading only the shipped compiled form builds none. Each field's description is
    the docstring under it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        docs = attribute_docstrings(cls.__module__, cls.__qualname__)
        for name, field in cls.model_fields.items():
            if field.description is None and name in docs:
                field.description = docs[name]


class Citation(FrozenModel):
    """Where a fact comes from: a source, the place in it, and the words it uses."""

    reference_fields: ClassVar[dict[str, str]] = {"source": "source", "primary_source": "source"}
    """The fields that hold ids of other records, each with the kind it must point at."""

    source: RecordId
    """The id of the cited `source` record."""
    locator: Text
    """The section heading of the cited passage in the source, or a page."""
    quote: Text | None = None
    """The supporting passage, copied verbatim from the source text."""
    translation: Text | None = None
    """The dataset's English translation of a quote that is not in English."""
    primary_source: RecordId | None = None
    """The id of the primary document that the cited passage itself quotes or translates."""

    @model_validator(mode="after")
    def _translation_of_a_quote(self) -> Citation:
        if self.translation is not None and self.quote is None:
            raise ValueError("a translation needs the quote it translates")
        return self


LARGEST_INTEGER = 2**63 - 1
"""The largest count or amount a record may hold: what a signed 64-bit column (Parquet,
SQLite, pandas) can store."""


def _single_value(value: object) -> object:
    if isinstance(value, (list, tuple, dict)):
        raise ValueError("must be a single value: text, a number, true/false or null")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number")
    if isinstance(value, int) and abs(value) > LARGEST_INTEGER:
        raise ValueError(f"must be at most {LARGEST_INTEGER} in size")
    return value


DiscrepancyNature = Literal["conflict", "error", "spelling", "garbled", "swapped", "count_mismatch"]


class Discrepancy(FrozenModel):
    """An alternative value that a source gives for a field of a record."""

    field: Text
    """The field the alternative concerns, as a dotted path (`date`, `forces.0.troops`)."""
    value: Annotated[str | int | float | bool | None, BeforeValidator(_single_value)]
    """The alternative value exactly as the citation gives it (None when it omits one)."""
    nature: DiscrepancyNature
    """`conflict` (sources disagree), `error` (a plain mistake in a source), `spelling` (a
    name spelled another way), `garbled` (a figure mangled in translation or conversion),
    `swapped` (details exchanged between two places), `count_mismatch` (a count that does
    not match the list it introduces)."""
    citations: Annotated[tuple[Citation, ...], Field(min_length=1)]
    """Where the alternative value is stated."""
    note: Text
    """What is wrong and why the record keeps the value it keeps."""


Count = Annotated[int, Field(ge=0, le=LARGEST_INTEGER, strict=True)]
"""A whole number of things; text such as "12" is refused rather than read as a number."""

Qualifier = Literal["exact", "approximate", "at_least", "at_most"]
_QUALIFIER_WORDS = {"exact": "", "approximate": "about ", "at_least": "at least ", "at_most": "at most "}


class Quantity(FrozenModel):
    """A count as a source states it; a plain integer in YAML means an exact count."""

    value: Count
    """The number given (the lower end of a range)."""
    qualifier: Qualifier = "exact"
    """`exact`, `approximate` ("about 2,000"), `at_least` ("more than 10,000") or `at_most`."""
    upper: Count | None = None
    """The upper end when the source gives a range ("10-12")."""

    def __str__(self) -> str:
        figure = f"{self.value:,}" if self.upper is None else f"{self.value:,}-{self.upper:,}"
        return _QUALIFIER_WORDS[self.qualifier] + figure

    @model_validator(mode="before")
    @classmethod
    def _from_int(cls, data: object) -> object:
        if isinstance(data, str | bool | float):
            raise ValueError("must be a whole number (or value, qualifier, upper), not text, a fraction or a boolean")
        if isinstance(data, int):
            return {"value": data}
        return data

    @model_validator(mode="after")
    def _upper_not_below(self) -> Quantity:
        if self.upper is not None and self.upper < self.value:
            raise ValueError(f"upper ({self.upper}) is below value ({self.value})")
        return self


def _check_currency(code: str) -> str:
    if not is_three_capitals(code) or iso_name("currency", code) is None:
        raise ValueError(f"unknown ISO 4217 currency code {code_repr(code)}")
    return code


def _number_not_text(value: object) -> object:
    if isinstance(value, str | bool):
        raise ValueError("must be a number, not text or a boolean")
    return value


def _json_number(amount: Decimal) -> int | float:
    """A whole amount as an exact integer, a fractional one as a float."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


class Money(FrozenModel):
    """A monetary value as a source states it."""

    amount: Annotated[
        Decimal,
        BeforeValidator(_number_not_text),
        Field(ge=0, le=LARGEST_INTEGER, allow_inf_nan=False),
        PlainSerializer(_json_number, when_used="json"),
    ]
    """The amount in units of the currency (3 billion is written 3000000000), kept exactly."""
    currency: Annotated[str, AfterValidator(_check_currency)]
    """The ISO 4217 currency code (`USD`, `RUB`, `CNY`)."""
    qualifier: Qualifier = "exact"
    """`exact`, `approximate`, `at_least` or `at_most`."""

    def __str__(self) -> str:
        return f"{_QUALIFIER_WORDS[self.qualifier]}{self.amount:,.0f} {self.currency}"
