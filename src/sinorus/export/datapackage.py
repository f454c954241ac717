"""Tables as a Frictionless Data Package: one CSV per table and a `datapackage.json` that
gives every field's type, description and constraints, and the tables' primary and foreign keys."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sinorus._version import DATA_VERSION, __version__
from sinorus.export.csv_tables import write_csv_tables
from sinorus.tables import Column, Table

__all__ = ["datapackage_descriptor", "write_datapackage"]

_FIELD_TYPES = {"string": "string", "integer": "integer", "number": "number", "date": "date", "list": "array"}


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": _FIELD_TYPES[column.type], "description": column.description}
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum and column.type != "list":
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.columns),
                "reference": {"resource": "" if key.table == table.name else key.table, "fields": list(key.reference)},
            }
            for key in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.description,
        "schema": schema,
    }


def datapackage_descriptor(tables: Iterable[Table]) -> dict[str, Any]:
    """The `datapackage.json` content describing `tables`."""
    return {
        "profile": "tabular-data-package",
        "name": "sinorus",
        "title": "sinorus: Sino-Russian military and security cooperation",
        "description": (
            "Events, military exercises, agreements, arms transfers and sources, each fact cited "
            f"with a locator and a verbatim quote. Written by sinorus {__version__}."
        ),
        "version": DATA_VERSION,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "resources": [_resource(t) for t in tables],
    }


def write_datapackage(tables: Iterable[Table], folder: Path) -> Path:
    """Write the tables' CSV files and `datapackage.json` into `folder`; returns the descriptor's path."""
    tables = list(tables)
    write_csv_tables(tables, folder)
    path = folder / "datapackage.json"
    path.write_text(json.dumps(datapackage_descriptor(tables), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
