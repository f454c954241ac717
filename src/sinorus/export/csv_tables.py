"""Tables as CSV files: UTF-8, a header row, ISO dates, lists as JSON arrays, empty for missing.

A text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
or a carriage return) is written with a leading apostrophe, which spreadsheets show as text;
the JSON and Parquet exports keep such values exactly.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TextIO

from sinorus.tables import Column, Table

__all__ = ["FORMULA_STARTS", "csv_cell", "write_csv_table", "write_csv_tables"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


_FORMULA_AFTER_NEWLINE = re.compile("\n[" + re.escape("".join(FORMULA_STARTS)) + "]")


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


def _json_list(texts: list[str]) -> str:
    """A list of text as JSON, as `json.dumps(texts, ensure_ascii=False)` writes it."""
    return "[" + ", ".join(map(encode_basestring, texts)) + "]" if texts else "[]"


def _safe_texts(texts: Sequence[str | None]) -> Sequence[str | None]:
    """A column of text (or empty) cells, formulas made text. A column with no cell starting a
    formula, found in one search of its cells joined by line breaks, is kept as it is."""
    if not _FORMULA_AFTER_NEWLINE.search("\n" + "\n".join(filter(None, texts))):
        return texts
    return [("'" + text if text and text.startswith(FORMULA_STARTS) else text) for text in texts]


def _column_cells(column: Column, cells: Sequence[Any]) -> Sequence[Any]:
    """One column's cells made CSV-ready. The csv module writes None as empty and numbers and
    dates as their text (`str`), the same text `csv_cell` gives; text that could start a
    formula, lists, and values of any other column are converted here."""
    if column.type in ("integer", "date"):
        return cells
    if column.type == "list":
        return [_json_list(cell) for cell in cells]
    if column.type == "string":
        return _safe_texts(cells)
    return [csv_cell(cell) for cell in cells]


def write_csv_table(table: Table, stream: TextIO) -> None:
    """Write one table as CSV to a text stream: a header row, then the rows (converted a
    column at a time)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(c.name for c in table.columns)
    columns = table.cells_by_column()
    converted = [_column_cells(c, cells) for c, cells in zip(table.columns, columns, strict=True)]
    writer.writerows(zip(*converted, strict=True))


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
