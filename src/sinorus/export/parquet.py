"""Tables as Parquet files (needs the `arrow` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sinorus.extras import require
from sinorus.frames import to_arrow
from sinorus.tables import Table

__all__ = ["write_parquet_table", "write_parquet_tables"]


def write_parquet_table(table: Table, path: Path) -> Path:
    """Write one table as a Parquet file."""
    require("pyarrow.parquet", "Parquet export").write_table(to_arrow(table), path)
    return path


def write_parquet_tables(tables: Iterable[Table], folder: Path) -> list[Path]:
    """Write `<name>.parquet` for each table into `folder` (created if needed); returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_parquet_table(table, folder / f"{table.name}.parquet") for table in tables]
