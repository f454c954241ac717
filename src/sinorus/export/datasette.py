"""A Datasette view of the SQLite export: the metadata that describes it and the command that
serves it (`sinorus serve`, extra `sinorus[serve]`)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sinorus._version import DATA_VERSION, __version__
from sinorus.export.sqlite import BROWSE_VIEW, write_sqlite
from sinorus.extras import require
from sinorus.models.records import RecordBase
from sinorus.tables import Table, build_tables

__all__ = ["FACETS", "datasette_metadata", "serve"]

FACETS: dict[str, list[str]] = {
    "records": ["kind"],
    "records_by_year": ["kind", "year", "actor"],
    "events": ["event_type"],
    "exercises": ["series", "level"],
    "agreements": ["agreement_type"],
    "arms_transfers": ["supplier", "recipient", "category", "status"],
    "sources": ["outlet_kind", "language"],
    "participants": ["actor", "role"],
    "citations": ["source"],
    "discrepancies": ["nature"],
}
"""The columns each table offers as facets."""

_LABELS = {"records": "name", "sources": "name", "exercises": "name", "agreements": "name", "actors": "name"}
"""The column Datasette shows for a row that another table points at."""


def datasette_metadata(tables: Iterable[Table], database: str) -> dict[str, Any]:
    """Datasette metadata for the exported database: title, licence, versions, and every table's
    and column's description, with facets and labels."""
    described: dict[str, Any] = {}
    for table in tables:
        entry: dict[str, Any] = {
            "description": table.description,
            "columns": {column.name: column.description for column in table.columns},
        }
        names = {column.name for column in table.columns}
        if table.name in FACETS:
            entry["facets"] = [name for name in FACETS[table.name] if name in names]
        if _LABELS.get(table.name) in names:
            entry["label_column"] = _LABELS[table.name]
        described[table.name] = entry
    return {
        "title": "sinorus: Sino-Russian military and security cooperation",
        "description": f"sinorus {__version__}, data version {DATA_VERSION}. Every record cites its sources "
        "with a locator and a verbatim quote (tables citations and sources).",
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source": "sinorus",
        "databases": {database: {"tables": described}},
    }


def serve(records: Sequence[RecordBase], folder: Path, host: str, port: int) -> int:
    """Export the records to `folder/sinorus.sqlite` with its metadata and serve it with
    Datasette until interrupted; returns Datasette's exit status."""
    require("datasette", "sinorus serve")
    folder.mkdir(parents=True, exist_ok=True)
    database = write_sqlite(records, folder / "sinorus.sqlite")
    metadata = folder / "metadata.json"
    metadata.write_text(
        json.dumps(
            datasette_metadata([*build_tables(records).values(), BROWSE_VIEW], database.stem),
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(metadata)]
    command += ["--host", host, "--port", str(port)]
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:  # Ctrl-C stops Datasette too; that is how the command ends
        return 0
