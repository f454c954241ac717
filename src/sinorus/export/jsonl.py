"""JSON Lines: one JSON object per record."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sinorus.models.records import RecordBase

__all__ = ["record_to_json", "write_jsonl"]


def record_to_json(record: RecordBase) -> dict[str, Any]:
    """A record as JSON-ready data: every field, dates as EDTF strings, lists for tuples."""
    return record.model_dump(mode="json")


def write_jsonl(records: Iterable[RecordBase], stream: TextIO) -> int:
    """Write one JSON object per line; returns the number of records written."""
    count = 0
    for record in records:
        stream.write(json.dumps(record_to_json(record), ensure_ascii=False, sort_keys=False))
        stream.write("\n")
        count += 1
    return count
