"""The codebook: every field of every model, with its type, allowed values and meaning.

Read from the models' own annotations and attribute docstrings (`sinorus.models.fields`), so the
documentation cannot drift from the code.
"""

from __future__ import annotations

from pydantic import BaseModel

from sinorus.models.base import Citation, Discrepancy, Money, Quantity
from sinorus.models.fields import FieldSpec, describe_fields
from sinorus.models.records import RECORD_TYPES, Force

__all__ = ["PARTS", "FieldDoc", "fields_of"]

PARTS: dict[str, type[BaseModel]] = {
    "Citation": Citation,
    "Discrepancy": Discrepancy,
    "Force": Force,
    "Quantity": Quantity,
    "Money": Money,
}
"""The models that records are built from, by name."""

FieldDoc = FieldSpec
"""One field as the codebook describes it (the name of `FieldSpec` here)."""


def fields_of(model: type[BaseModel] | str) -> list[FieldSpec]:
    """The codebook rows of a model: a record kind (`"exercise"`), a part (`"Citation"`) or a class."""
    if isinstance(model, str):
        model = RECORD_TYPES.get(model) or PARTS[model]
    return list(describe_fields(model))
