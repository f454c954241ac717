"""Reading authored YAML into validated records.

The names below are imported on first use, so that loading the compiled form of the packaged
data does not import PyYAML.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sinorus.loading.files import find_files
    from sinorus.loading.integrity import check_integrity
    from sinorus.loading.records import LoadedRecord, read_files

__all__ = ["LoadedRecord", "check_integrity", "find_files", "read_files"]

_HOMES = {
    "LoadedRecord": "sinorus.loading.records",
    "check_integrity": "sinorus.loading.integrity",
    "find_files": "sinorus.loading.files",
    "read_files": "sinorus.loading.records",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'sinorus.loading' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
