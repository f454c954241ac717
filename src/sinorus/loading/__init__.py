"""Reading authored YAML into validated records."""

from sinorus.loading.files import find_files
from sinorus.loading.integrity import check_integrity
from sinorus.loading.records import LoadedRecord, read_files

__all__ = ["LoadedRecord", "check_integrity", "find_files", "read_files"]
