"""Records as one SQLite database, for reading without Python (the `sqlite3` shell, Datasette,
any SQL client).

Every flat table of `sinorus.tables` becomes a table with its primary and foreign keys and a
CHECK for coded columns; `search` is a full-text index (FTS5) over names, aliases, notes and
quotes; the view `records_by_year` lists each record with its year and actors for browsing;
`_tables` and `_columns` describe every table, view and column; `_dataset` holds the package and
data versions and the licence.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sinorus._version import DATA_VERSION, __version__
from sinorus.errors import ExportError
from sinorus.loading.files import replaced
from sinorus.models.records import RecordBase
from sinorus.tables import RECORD_COLUMNS, Column, Table, build_closed_tables

__all__ = ["SQL_TYPES", "write_sqlite"]

SQL_TYPES = {"string": "TEXT", "date": "TEXT", "list": "TEXT", "integer": "INTEGER", "number": "NUMERIC"}
"""The SQLite type of each column type: dates are ISO text, lists JSON arrays."""

_SEARCH = """CREATE VIRTUAL TABLE search USING fts5(id UNINDEXED, kind UNINDEXED, field UNINDEXED, text)"""

BROWSE_VIEW = Table(
    "records_by_year",
    "A view for browsing: one row per record and actor (a record without actors once), with the year of its date.",
    (
        *RECORD_COLUMNS[:4],  # id, kind, name, date, as in the records table
        Column(
            "year",
            "integer",
            "The year of the date when it lies within one year (`2016-05`, `2018-09-11/2018-09-17`); "
            "empty when the date spans several years or is unknown.",
        ),
        Column("actor", "string", "An actor the record names."),
        Column("roles", "string", "The fields that name the actor (`participants, host`), comma-separated."),
    ),
    rows=(),
    primary_key=(),
)
"""The view `records_by_year`, described like a table (its rows live in `records` and `participants`)."""

_BROWSE_SQL = """CREATE VIEW records_by_year AS
SELECT r.id, r.kind, r.name, r.date,
  CASE WHEN substr(r.date_earliest, 1, 4) = substr(r.date_latest, 1, 4)
    THEN CAST(substr(r.date_earliest, 1, 4) AS INTEGER) END AS year,
  p.actor, group_concat(p.role, ', ') AS roles
FROM records AS r LEFT JOIN participants AS p ON p.id = r.id
GROUP BY r.id, p.actor"""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_sql(column: Column) -> str:
    sql = f"{_quoted(column.name)} {SQL_TYPES.get(column.type, 'TEXT')}"
    if column.required:
        sql += " NOT NULL"
    if column.enum and column.type == "string":
        allowed = ", ".join("'" + value.replace("'", "''") + "'" for value in column.enum)
        sql += f" CHECK ({_quoted(column.name)} IN ({allowed}))"
    return sql


def create_table_sql(table: Table) -> str:
    """The CREATE TABLE statement of a table, with its keys."""
    parts = [_column_sql(column) for column in table.columns]
    parts.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.primary_key))})")
    for key in table.foreign_keys:
        columns, reference = ", ".join(map(_quoted, key.columns)), ", ".join(map(_quoted, key.reference))
        parts.append(f"FOREIGN KEY ({columns}) REFERENCES {_quoted(key.table)} ({reference})")
    return f"CREATE TABLE {_quoted(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    return value


def _search_rows(records: Iterable[RecordBase]) -> Iterator[tuple[str, str, str, str]]:
    for record in records:
        yield record.id, record.kind, "name", record.name
        for alias in record.aliases:
            yield record.id, record.kind, "alias", alias
        if record.notes:
            yield record.id, record.kind, "notes", record.notes
        for citation in getattr(record, "citations", ()):
            if citation.quote:
                yield record.id, record.kind, "quote", citation.quote
            if citation.translation:
                yield record.id, record.kind, "translation", citation.translation


def _fill(connection: sqlite3.Connection, records: Sequence[RecordBase], tables: Iterable[Table]) -> None:
    connection.execute("CREATE TABLE _dataset (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    connection.executemany(
        "INSERT INTO _dataset VALUES (?, ?)",
        [("sinorus_version", __version__), ("data_version", DATA_VERSION), ("licence", "CC-BY-4.0")],
    )
    connection.execute("CREATE TABLE _tables (name TEXT PRIMARY KEY, description TEXT NOT NULL)")
    connection.execute(
        "CREATE TABLE _columns (table_name TEXT, column_name TEXT, type TEXT, required INTEGER, "
        "allowed TEXT, description TEXT, PRIMARY KEY (table_name, column_name))"
    )
    for table in tables:
        connection.execute(create_table_sql(table))
        marks = ", ".join("?" * len(table.columns))
        connection.executemany(
            f"INSERT INTO {_quoted(table.name)} VALUES ({marks})", ([_cell(v) for v in row] for row in table.rows)
        )
        _describe(connection, table)
    connection.execute(_BROWSE_SQL)
    _describe(connection, BROWSE_VIEW)
    connection.execute(_SEARCH)
    connection.executemany("INSERT INTO search VALUES (?, ?, ?, ?)", _search_rows(records))
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise ExportError(f"{len(broken)} rows point at records not exported (first: {broken[0]})")


def _describe(connection: sqlite3.Connection, table: Table) -> None:
    """Enter a table's (or view's) description and its columns' in `_tables` and `_columns`."""
    connection.execute("INSERT INTO _tables VALUES (?, ?)", (table.name, table.description))
    connection.executemany(
        "INSERT INTO _columns VALUES (?, ?, ?, ?, ?, ?)",
        [
            (table.name, c.name, c.type, int(c.required), json.dumps(list(c.enum)) if c.enum else None, c.description)
            for c in table.columns
        ],
    )


def write_sqlite(records: Sequence[RecordBase], path: Path) -> Path:
    """Write the records' tables, the search index and the descriptions to one SQLite file.

    The database is built in a temporary file beside `path` and renamed over it, so a write
    cut short leaves no half-built database."""
    with replaced(path) as temporary:
        connection = sqlite3.connect(temporary)
        try:
            with connection:
                _fill(connection, records, build_closed_tables(records).values())
        finally:
            connection.close()
    return path
