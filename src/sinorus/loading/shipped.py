"""The compiled form shipped inside the wheel: the packaged records, validated and checked when
the wheel was built, read back without validating them again.

The build writes it as `sinorus/compiled/packaged-<digest>.json`, the digest being
`sinorus.loading.compiled.data_digest` of the packaged record files, so a form that does not
match the record files beside it is never found. Each record, and each model within one, is a
JSON array of its field values in the order the model declares them, which reads twice as fast
as objects naming every field. It is part of the installed package, like its
code, and is trusted as the code is; it is plain JSON, so a changed file can give wrong values
but never runs anything. An editable install has no shipped form and uses the validated form in
the user's cache instead (`sinorus.loading.compiled`).
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from decimal import Decimal
from functools import cache, partial
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from sinorus.loading.compiled import data_digest, records_json
from sinorus.loading.files import PACKAGE, find_files
from sinorus.models.edtf import EDTF
from sinorus.models.records import RECORD_TYPES, RecordBase

__all__ = ["read_shipped", "shipped_name", "shipped_path", "write_shipped"]

_KIND = tuple(RecordBase.model_fields).index("kind")
"""Where a record's row holds its kind."""

Reader = Callable[[Any], Any]
"""Turns a field's JSON value into the value the model holds."""


def shipped_path(digest: str) -> Path:
    """Where the package keeps the compiled form of record files whose `data_digest` is `digest`."""
    return PACKAGE / "compiled" / shipped_name(digest)


def shipped_name(digest: str) -> str:
    """The file name of the compiled form of record files whose `data_digest` is `digest`."""
    return f"packaged-{digest}.json"


def write_shipped(data_dir: Path, folder: Path) -> Path:
    """Load the record files under `data_dir` from YAML, with every check, and write their
    compiled form into `folder` under its `shipped_name`; the path written."""
    from sinorus.loading.load import load_dataset

    records = load_dataset([data_dir]).records
    path = folder / shipped_name(data_digest(data_dir, find_files([data_dir])))
    folder.mkdir(parents=True, exist_ok=True)
    rows = _as_rows(json.loads(records_json(records)))
    path.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def _as_rows(value: Any) -> Any:
    """A JSON value with each object, a model's fields in order, replaced by the list of its values."""
    if isinstance(value, dict):
        value = list(value.values())
    return [_as_rows(item) for item in value] if isinstance(value, list) else value


def read_shipped(path: Path) -> list[RecordBase] | None:
    """The records of the shipped form at `path`, or None when there is none or it does not
    have the shape the models need."""
    try:
        rows = json.loads(path.read_bytes())
        return [_builder(RECORD_TYPES[row[_KIND]])(row) for row in rows]
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None


@cache
def _builder(model: type[BaseModel]) -> Callable[[list[Any]], Any]:
    """Makes a `model` from the list of its field values, without validation."""
    names = tuple(model.model_fields)
    readers = [(i, read) for i, field in enumerate(model.model_fields.values()) if (read := _reader(field.annotation))]

    def build(row: list[Any]) -> Any:
        for i, read in readers:
            value = row[i]
            if value is not None:
                row[i] = read(value)
        made = object.__new__(model)
        object.__setattr__(made, "__dict__", dict(zip(names, row, strict=True)))
        object.__setattr__(made, "__pydantic_fields_set__", set(names))
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made

    return build


def _reader(hint: Any) -> Reader | None:
    """How a JSON value of a field annotated `hint` becomes the value the model holds; None for
    a value kept as JSON gives it (text, numbers, booleans)."""
    while get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    if get_origin(hint) in (Union, types.UnionType):
        options = [option for option in get_args(hint) if option is not type(None)]
        readers = [_reader(option) for option in options]
        if len(options) == 1 or not any(readers):
            return readers[0]
        raise TypeError(f"no compiled reading of {hint}: a union of values that are not plain JSON")
    if hint in (str, int, float, bool) or get_origin(hint) is Literal:
        return None
    if hint is EDTF:
        return EDTF
    if hint is Decimal:
        return _decimal
    if get_origin(hint) is tuple:
        item = _reader(get_args(hint)[0])
        return tuple if item is None else partial(_tuple_of, item)
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return _builder(hint)
    raise TypeError(f"no compiled reading of {hint}")


def _tuple_of(read: Reader, items: list[Any]) -> tuple[Any, ...]:
    return tuple(map(read, items))


def _decimal(number: int | float) -> Decimal:
    """A JSON number as the Decimal pydantic makes of it: a float through its shortest text."""
    return Decimal(number) if isinstance(number, int) else Decimal(str(number))
