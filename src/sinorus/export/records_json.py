"""Records as JSON: one object per line (JSON Lines) or one array, every field kept."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from sinorus.models.records import RecordBase

__all__ = ["record_to_json", "write_json", "write_json_stream", "write_jsonl", "write_jsonl_stream"]


def record_to_json(record: RecordBase) -> dict[str, Any]:
    """A record as JSON-ready data: every field, dates as EDTF strings, lists for tuples."""
    return record.model_dump(mode="json")


def write_jsonl_stream(records: Iterable[RecordBase], stream: TextIO) -> int:
    """Write one JSON object per line; returns the number of records written."""
    count = 0
    for record in records:
        stream.write(json.dumps(record_to_json(record), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


def write_jsonl(records: Sequence[RecordBase], path: Path) -> int:
    """Write a JSON Lines file; returns the number of records written."""
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        return write_jsonl_stream(records, stream)


def write_json_stream(records: Sequence[RecordBase], stream: TextIO) -> int:
    """Write one JSON array of record objects; returns the number of records written."""
    json.dump([record_to_json(r) for r in records], stream, ensure_ascii=False, indent=1)
    stream.write("\n")
    return len(records)


def write_json(records: Sequence[RecordBase], path: Path) -> int:
    """Write one JSON array of record objects to a file; returns the number of records written."""
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        return write_json_stream(records, stream)
