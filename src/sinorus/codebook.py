"""The codebook: every field of every model, with its type, allowed values and meaning.

Read from the models' JSON Schema, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from sinorus.models.actors import ACTOR_PATTERN
from sinorus.models.base import ID_PATTERN, Citation, Discrepancy, Money, Quantity
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


@dataclass(frozen=True)
class FieldDoc:
    """One field as the codebook describes it."""

    name: str
    type: str
    """The type in words: `text`, `EDTF date`, `actor code`, `list of Citation`, `code` (see allowed)."""
    required: bool
    default: str | None
    """The default as JSON, when the field has one."""
    allowed: tuple[str, ...]
    """The allowed values, when the field takes one of a fixed set."""
    description: str


def _type_words(prop: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    options = [o for o in prop.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1:
        return _type_words(options[0])
    if options:
        return ", ".join(_type_words(o)[0] for o in options) + " or null", ()
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return name, ()
    if "enum" in prop:
        return "code", tuple(prop["enum"])
    if "const" in prop:
        return "text", (prop["const"],)
    if prop.get("type") == "array":
        item, allowed = _type_words(prop.get("items", {}))
        return f"list of {item}", allowed
    if prop.get("format") == "edtf":
        return "EDTF date", ()
    pattern = prop.get("pattern", "")
    if pattern == ID_PATTERN:
        return "record id", ()
    if pattern == ACTOR_PATTERN:
        return "actor code", ()
    if pattern == "^[a-z]{2}$":
        return "ISO 639-1 language code", ()
    return {"string": "text", "integer": "integer", "number": "number", "boolean": "true or false"}.get(
        prop.get("type", ""), "text, number, true/false or null"
    ), ()


def fields_of(model: type[BaseModel] | str) -> list[FieldDoc]:
    """The codebook rows of a model: a record kind (`"exercise"`), a part (`"Citation"`) or a class."""
    if isinstance(model, str):
        model = RECORD_TYPES.get(model) or PARTS[model]
    schema = model.model_json_schema()
    required = set(schema.get("required", ()))
    if getattr(model, "requires_citation", False):  # checked by a validator, so absent from the schema
        required.add("citations")
    rows = []
    for name, prop in schema["properties"].items():
        words, allowed = _type_words(prop)
        default = json.dumps(prop["default"], ensure_ascii=False) if "default" in prop else None
        description = model.model_fields[name].description or prop.get("description", "")
        rows.append(FieldDoc(name, words, name in required, default, allowed, " ".join(description.split())))
    return rows
