"""The manifest of a data version: one content hash per record, so that a downstream project
can see which records a new data version added, removed or changed, and a data change without
a new `DATA_VERSION` fails the tests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sinorus.export.records_json import record_to_json
from sinorus.models.records import RecordBase

__all__ = ["Changes", "Manifest", "changes", "manifest_of", "read_manifest", "record_hash", "write_manifest"]


def record_hash(record: RecordBase) -> str:
    """The SHA-256 of a record's canonical JSON (keys sorted, no white space)."""
    text = json.dumps(record_to_json(record), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """A data version and the hash of each of its records, by id."""

    data_version: str
    hashes: dict[str, str]


def manifest_of(records: Iterable[RecordBase], data_version: str) -> Manifest:
    """The manifest of `records` as data version `data_version`."""
    return Manifest(data_version, {record.id: record_hash(record) for record in records})


def write_manifest(manifest: Manifest, path: Path) -> None:
    """Write a manifest: a comment line with the data version, then `id<TAB>sha256` lines by id."""
    lines = [f"{record_id}\t{digest}" for record_id, digest in sorted(manifest.hashes.items())]
    header = f"# sinorus data {manifest.data_version}: id and SHA-256 of the record's canonical JSON\n"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def read_manifest(path: Path) -> Manifest:
    """Read a manifest written by `write_manifest`."""
    first, *rest = path.read_text(encoding="utf-8").splitlines()
    version = first.removeprefix("# sinorus data ").partition(":")[0]
    return Manifest(version, dict(line.split("\t") for line in rest if line))


@dataclass(frozen=True)
class Changes:
    """What one data version changed against another, by record id."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]

    def as_dict(self) -> dict[str, list[str]]:
        return {"added": list(self.added), "removed": list(self.removed), "changed": list(self.changed)}


def changes(old: Manifest, new: Manifest) -> Changes:
    """The ids added, removed and changed from `old` to `new`."""
    return Changes(
        tuple(sorted(new.hashes.keys() - old.hashes.keys())),
        tuple(sorted(old.hashes.keys() - new.hashes.keys())),
        tuple(sorted(i for i in old.hashes.keys() & new.hashes.keys() if old.hashes[i] != new.hashes[i])),
    )
