"""The JSON Schema of an exported record, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from pydantic import TypeAdapter

from sinorus._version import DATA_VERSION, __version__
from sinorus.models.records import Record

__all__ = ["record_json_schema", "write_json_schema", "write_json_schema_stream"]


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every exported record object satisfies.

    It describes records as `sinorus.export.record_to_json` writes them: one line
    of a JSON Lines export, or one item of a JSON export.
    """
    schema = TypeAdapter(Record).json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sinorus record",
        "description": (
            f"One record of the sinorus dataset (package {__version__}, data {DATA_VERSION}): "
            "an event, exercise, agreement, arms transfer or source, told apart by `kind`."
        ),
        **schema,
    }


def write_json_schema_stream(stream: TextIO) -> None:
    """Write `record_json_schema` to a text stream."""
    stream.write(json.dumps(record_json_schema(), ensure_ascii=False, indent=2) + "\n")


def write_json_schema(path: Path) -> Path:
    """Write `record_json_schema` to `path`."""
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        write_json_schema_stream(stream)
    return path
