"""Writing records out in formats other tools read.

JSON Lines and JSON keep every field of every record. CSV, Parquet and the Frictionless
data package write the flat tables of `sinorus.tables`, one file per table; SQLite writes them
into one database with keys and a full-text index.
The JSON Schema describes one exported record; it has its own entry points
(`write_json_schema`, `sinorus schema`), and `export(..., "jsonschema")` is deprecated.

Each format's writer, and what it needs (csv, sqlite3, pyarrow), is imported when it first
writes, so that listing the formats costs next to nothing.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sinorus._lazy import lazy_names
from sinorus.errors import ExportError
from sinorus.memory import collection_paused
from sinorus.models.records import RecordBase

if TYPE_CHECKING:
    from sinorus.export.json_schema import record_json_schema, write_json_schema
    from sinorus.export.records_json import record_to_json, write_jsonl_stream

__all__ = [
    "FORMATS",
    "Format",
    "export",
    "format_of_path",
    "record_json_schema",
    "record_to_json",
    "write_json_schema",
    "write_jsonl_stream",
]


@dataclass(frozen=True)
class Format:
    """An export format: what it writes and whether its output is a file or a folder."""

    description: str
    folder: bool
    write: Callable[[Sequence[RecordBase], Path], object]
    suffixes: tuple[str, ...] = ()
    """File name endings that mean this format (none for folder formats)."""
    stream: Callable[[Sequence[RecordBase], TextIO], object] | None = None
    """Writes the format to a text stream (standard output); None for folder formats."""
    tables: bool = False
    """Writes the flat tables, whose keys need every record a row points at."""


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """The function `name` of `sinorus.export.<module>`, imported when first called."""

    def call(*args: Any) -> Any:
        return getattr(import_module(f"sinorus.export.{module}"), name)(*args)

    return call


def _tables_to(module: str, name: str) -> Callable[[Sequence[RecordBase], Path], object]:
    """A writer of the flat tables of the records, by the table writer `name` of `module`."""

    def write(records: Sequence[RecordBase], path: Path) -> object:
        from sinorus.tables import build_closed_tables

        return _deferred(module, name)(build_closed_tables(records).values(), path)

    return write


FORMATS: dict[str, Format] = {
    "jsonl": Format(
        "one JSON object per record, one per line",
        False,
        _deferred("records_json", "write_jsonl"),
        (".jsonl", ".ndjson"),
        _deferred("records_json", "write_jsonl_stream"),
    ),
    "json": Format(
        "one JSON array of record objects",
        False,
        _deferred("records_json", "write_json"),
        (".json",),
        _deferred("records_json", "write_json_stream"),
    ),
    "csv": Format("one CSV file per table", True, _tables_to("csv_tables", "write_csv_tables"), tables=True),
    "parquet": Format("one Parquet file per table", True, _tables_to("parquet", "write_parquet_tables"), tables=True),
    "datapackage": Format(
        "a Frictionless data package: CSV tables and datapackage.json",
        True,
        _tables_to("datapackage", "write_datapackage"),
        tables=True,
    ),
    "sqlite": Format(
        "one SQLite database: the tables with their keys and a full-text index",
        False,
        _deferred("sqlite", "write_sqlite"),
        tables=True,
        suffixes=(".sqlite", ".sqlite3", ".db"),
    ),
    "jsonschema": Format(
        "the JSON Schema of an exported record",
        False,
        lambda rs, p: _deferred("json_schema", "write_json_schema")(p),
        (".schema.json", ".json"),
        lambda rs, stream: _deferred("json_schema", "write_json_schema_stream")(stream),
    ),
}
"""The export formats by name."""


def format_of_path(path: str | Path) -> str | None:
    """The format a file name's ending means (`.jsonl`, `.json`, `.schema.json`), or None; the
    longest ending wins, and of formats sharing it, the first listed."""
    name = Path(path).name.lower()
    matches = [(suffix, fmt) for fmt, f in FORMATS.items() for suffix in f.suffixes if name.endswith(suffix)]
    return max(matches, key=lambda match: len(match[0]))[1] if matches else None


@collection_paused()
def export(records: Iterable[RecordBase], path: str | Path, format: str = "jsonl") -> int:
    """Write `records` to `path` (a file, or a folder for table formats) in `format`.

    Table formats (csv, parquet, datapackage, sqlite) need every record the rows point at
    (cited sources, series, agreements): pass `dataset.with_references(records)` for a selection.
    Returns the number of records exported.

    Raises:
        ValueError: for an unknown format, or a selection missing records it points at.
    """
    if format == "jsonschema":
        warnings.warn(
            "export(..., 'jsonschema') is deprecated and goes in 0.4: the schema describes records rather than "
            "holding them; use sinorus.export.write_json_schema(path)",
            DeprecationWarning,
            stacklevel=2,
        )
    try:
        chosen = FORMATS[format]
    except KeyError:
        raise ExportError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}") from None
    records = tuple(records)
    chosen.write(records, Path(path))
    return len(records)


__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "record_json_schema": "sinorus.export.json_schema",
        "write_json_schema": "sinorus.export.json_schema",
        "record_to_json": "sinorus.export.records_json",
        "write_jsonl_stream": "sinorus.export.records_json",
    },
)
