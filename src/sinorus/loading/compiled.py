"""The compiled form of the packaged data in the user's cache folder: its validated records as
JSON, so that a load skips reading YAML when the package holds no compiled form of its own (an
editable install; see `sinorus.loading.shipped`).

The file is named by a hash of every packaged record file and of the code that reads and
checks them (every module of the package, and the pydantic version), so a stale form is never
found. Loading it validates every record again from JSON, and checks ids and references, so a
file changed in the cache can make the load slower but never wrong: anything amiss and the
YAML is read as if there were no compiled form. No pickle is ever read.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import cast

import pydantic
from pydantic import TypeAdapter, ValidationError

from sinorus._version import __version__
from sinorus.loading.files import PACKAGE, write_atomically
from sinorus.loading.integrity import record_problems
from sinorus.models.records import Record, RecordBase

__all__ = ["cache_folder", "compiled_path", "data_digest", "read_compiled", "records_json", "write_compiled"]

CACHE_ENV = "SINORUS_CACHE_DIR"
"""Environment variable naming the cache folder; set it empty to use no compiled form."""


def cache_folder() -> Path | None:
    """Where compiled forms are kept: `$SINORUS_CACHE_DIR`, else `$XDG_CACHE_HOME/sinorus`, else
    `~/.cache/sinorus`; None when `$SINORUS_CACHE_DIR` is set empty."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sinorus"


def data_digest(data_dir: Path, files: Sequence[Path]) -> str:
    """A hash of the record files under `data_dir`: their names within it and their content."""
    digest = hashlib.blake2b(digest_size=16)
    for file in sorted(files):
        digest.update(file.relative_to(data_dir).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def compiled_path(data: str, folder: Path) -> Path:
    """The file in `folder` for the compiled form of the record files whose `data_digest` is
    `data`, named by that digest and by the code that read them."""
    digest = hashlib.sha256(f"{__version__}|{pydantic.VERSION}|{_code_digest()}|{data}".encode())
    return folder / f"packaged-{__version__}-{digest.hexdigest()[:32]}.json"


@cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()


@cache
def _adapter() -> TypeAdapter[list[Record]]:
    return TypeAdapter(list[Record])


def read_compiled(path: Path) -> list[RecordBase] | None:
    """The records of a compiled form, or None when there is none or it does not hold valid,
    consistent records."""
    try:
        records: list[RecordBase] = list(_adapter().validate_json(path.read_bytes()))
    except (OSError, ValidationError, ValueError):
        return None
    by_id = {record.id: record for record in records}
    if len(by_id) != len(records) or any(record_problems(record, by_id) for record in records):
        return None
    return records


def records_json(records: Sequence[RecordBase]) -> str:
    """The records as a JSON array, every field given, as a compiled form holds them."""
    return _adapter().dump_json(cast("list[Record]", list(records))).decode()


def write_compiled(path: Path, records: Sequence[RecordBase]) -> None:
    """Keep the compiled form of `records`, in place of the stale ones of this version; a cache
    folder that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, records_json(records))
        for stale in path.parent.glob(f"packaged-{__version__}-*.json"):
            if stale != path:
                stale.unlink()
    except OSError:
        return
