"""Writing records out in formats other tools read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from sinorus.export.jsonl import record_to_json, write_jsonl
from sinorus.models.records import RecordBase

__all__ = ["FORMATS", "export", "record_to_json", "write_jsonl"]

FORMATS: dict[str, Callable[[Iterable[RecordBase], TextIO], int]] = {"jsonl": write_jsonl}
"""Export writers by format name; each returns the number of records written."""


def export(records: Iterable[RecordBase], path: str | Path, format: str = "jsonl") -> int:
    """Write ``records`` to ``path`` in ``format``; returns the number written."""
    try:
        writer = FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}") from None
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        return writer(records, stream)
