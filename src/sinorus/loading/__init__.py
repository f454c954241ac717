"""Reading authored YAML into validated records.

The names below are imported on first use, so that loading the compiled form of the packaged
data does not import PyYAML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sinorus._lazy import lazy_names

if TYPE_CHECKING:
    from sinorus.loading.files import find_files
    from sinorus.loading.integrity import check_integrity
    from sinorus.loading.records import LoadedRecord, read_files

__all__ = ["LoadedRecord", "check_integrity", "find_files", "read_files"]

__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "LoadedRecord": "sinorus.loading.records",
        "check_integrity": "sinorus.loading.integrity",
        "find_files": "sinorus.loading.files",
        "read_files": "sinorus.loading.records",
    },
)
