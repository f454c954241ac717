"""What each field of a model holds, described once for the codebook, the flat tables and display.

Read from the models' own type annotations: a field typed `EDTF`, `ActorCode` or `RecordId` is
described by the name of its type, a `Literal` by its allowed values, a tuple as a list of its
items, a nested model by the model's name.
"""

from __future__ import annotations

import json
import types
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from sinorus.models.actors import ActorCode
from sinorus.models.base import Money, Quantity, RecordId
from sinorus.models.edtf import EDTF
from sinorus.models.records import LanguageCode, RecordBase

__all__ = ["FieldSpec", "Shape", "describe_fields", "reading_order"]

Shape = Literal["edtf", "quantity", "money", "list", "integer", "number", "boolean", "text", "code", "model", "mixed"]
"""How a field's value is stored: what a flat table makes of it."""

_NAMED_TYPES: dict[object, tuple[Shape, str]] = {
    EDTF: ("edtf", "EDTF date"),
    RecordId: ("text", "record id"),
    ActorCode: ("text", "actor code"),
    LanguageCode: ("text", "ISO 639-1 language code"),
}
"""Types known by their name rather than by what they are built from."""

_MODEL_SHAPES: dict[type[BaseModel], Shape] = {Quantity: "quantity", Money: "money"}
"""Parts that flat tables spread over columns of their own; any other part is a `model`."""

_PLAIN_TYPES: dict[object, tuple[Shape, str]] = {
    str: ("text", "text"),
    int: ("integer", "integer"),
    float: ("number", "number"),
    Decimal: ("number", "number"),
    bool: ("boolean", "true or false"),
}


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model: what it holds, whether it must be given, and what it means."""

    name: str
    shape: Shape
    type: str
    """The type in words: `text`, `EDTF date`, `actor code`, `list of Citation`, `code` (see allowed)."""
    allowed: tuple[str, ...]
    """The values the field (or each of its items) takes, when it takes one of a fixed set."""
    required: bool
    nullable: bool
    """Whether the value may be null (a required field may still have to be given as null)."""
    default: str | None
    """The default as JSON, when the field has one other than null."""
    description: str
    """The field's docstring, as written (line breaks kept)."""

    @property
    def never_null(self) -> bool:
        """Whether every record holds a value here: a column of it has no empty cell."""
        return self.required and not self.nullable


def _strip_annotated(hint: Any) -> Any:
    return get_args(hint)[0] if get_origin(hint) is Annotated and hint not in _NAMED_TYPES else hint


def _options(hint: Any) -> tuple[list[Any], bool]:
    """The types a union admits, None apart, and whether it admits None."""
    hint = _strip_annotated(hint)
    if get_origin(hint) in (Union, types.UnionType):
        args = get_args(hint)
        return [a for a in args if a is not type(None)], type(None) in args
    return [hint], False


def _nullable(hint: Any) -> bool:
    return _options(hint)[1]


def _describe(hint: Any) -> tuple[Shape, str, tuple[str, ...]]:
    """The shape, the type in words and the allowed values of a type annotation."""
    options, nullable = _options(hint)
    if len(options) > 1:
        words = ", ".join(_describe(option)[1] for option in options)
        return "mixed", words + (" or null" if nullable else ""), ()
    hint = _strip_annotated(options[0])
    if hint in _NAMED_TYPES:
        return (*_NAMED_TYPES[hint], ())
    if get_origin(hint) is Literal:
        allowed = tuple(str(value) for value in get_args(hint))
        return ("code", "code", allowed) if len(allowed) > 1 else ("text", "text", allowed)
    if get_origin(hint) is tuple:
        _, item, allowed = _describe(get_args(hint)[0])
        return "list", f"list of {item}", allowed
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return _MODEL_SHAPES.get(hint, "model"), hint.__name__, ()
    return (*_PLAIN_TYPES[hint], ())


@cache
def describe_fields(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """Every field of a model, in declaration order."""
    hints = get_type_hints(model, include_extras=True)
    always = {"citations"} if getattr(model, "requires_citation", False) else set()  # checked by a validator
    specs = []
    for name, info in model.model_fields.items():
        shape, words, allowed = _describe(hints[name])
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        specs.append(
            FieldSpec(
                name=name,
                shape=shape,
                type=words,
                allowed=allowed,
                required=info.is_required() or name in always,
                nullable=_nullable(hints[name]),
                default=None if default is None else json.dumps(to_jsonable_python(default), ensure_ascii=False),
                description=info.description or "",
            )
        )
    return tuple(specs)


def reading_order(model: type[RecordBase]) -> tuple[str, ...]:
    """The fields a reader looks at after the name: the kind's own, then aliases, related and notes."""
    own = tuple(name for name in model.model_fields if name not in RecordBase.model_fields)
    return (*own, "aliases", "related", "notes")
