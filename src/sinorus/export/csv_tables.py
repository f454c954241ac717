"""Tables as CSV files: UTF-8, a header row, ISO dates, lists as JSON arrays, empty for missing.

A text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
or a carriage return) is written with a leading apostrophe, which spreadsheets show as text;
the JSON and Parquet exports keep such values exactly.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from sinorus.tables import Table

__all__ = ["FORMULA_STARTS", "csv_cell", "write_csv_table", "write_csv_tables"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def csv_cell(value: Any) -> str:
    """The CSV text of one cell."""
    if isinstance(value, str):  # most cells: checked first
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv_table(table: Table, stream: TextIO) -> None:
    """Write one table as CSV to a text stream: a header row, then the rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(c.name for c in table.columns)
    writer.writerows([csv_cell(v) for v in row] for row in table.rows)


def write_csv_tables(tables: Iterable[Table], folder: Path) -> list[Path]:
    """Write `<name>.csv` for each table into `folder` (created if needed); returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in tables:
        path = folder / f"{table.name}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            write_csv_table(table, stream)
        paths.append(path)
    return paths
