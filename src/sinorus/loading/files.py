"""Find record files and read each one, once, into a `RecordFile`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sinorus.errors import DataError, Problem, display_path

PACKAGE = Path(__file__).resolve().parent.parent
"""The folder of the `sinorus` package, as installed (in a source checkout, `src/sinorus`)."""

__all__ = [
    "MAX_FILE_BYTES",
    "PACKAGE",
    "SUFFIXES",
    "Position",
    "RecordFile",
    "find_files",
    "read_record_file",
    "replaced",
    "write_atomically",
]

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Largest record file accepted."""
SUFFIXES = (".yaml", ".yml")
"""The endings of record files."""


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True, eq=False)
class RecordFile:
    """A record file as read, once: every later message about it is located in this text, so
    a file changed or deleted while it loads cannot make the messages disagree with the records."""

    path: Path
    text: str

    @cached_property
    def positions(self) -> dict[Any, Position]:
        """The line and column of every value, by its path in the file (parsed on first use)."""
        from sinorus.loading.strict_yaml import read_yaml  # PyYAML only when a file is parsed

        return read_yaml(self.text, track_positions=True)[1]


def find_files(paths: Iterable[Path]) -> list[Path]:
    """The record files named by `paths`: files as given, folders searched recursively
    (following symbolic links, each folder once); a file named twice (`f.yaml ./f.yaml`, or a
    folder and a file in it) is read once. A folder that cannot be listed is an error."""
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            files = _files_under(path)
        elif path.is_file():
            files = [path]
        else:
            raise DataError([Problem(display_path(path), None, None, None, "no such file or directory")])
        for file in files:
            found.setdefault(file.resolve(), file)
    return list(found.values())


def _files_under(folder: Path) -> list[Path]:
    def refuse(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        raise DataError([Problem(display_path(where), None, None, None, f"cannot list the folder: {error.strerror}")])

    visited: set[str] = set()
    files: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=refuse, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:  # reached again through a link: a loop or a second route
            folders.clear()
            continue
        visited.add(real)
        files.extend(Path(root, name) for name in names if Path(name).suffix in SUFFIXES)
    return sorted(file for file in files if file.is_file())


def read_record_file(file: Path) -> RecordFile:
    """Read `file` as UTF-8 text; raises `DataError` for a file too large, unreadable or not UTF-8."""
    name = display_path(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError([Problem(name, None, None, None, f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")])
        return RecordFile(file, file.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        raise DataError([Problem(name, None, None, None, f"not valid UTF-8 at byte {error.start}")]) from None
    except OSError as error:
        raise DataError([Problem(name, None, None, None, f"cannot read: {error.strerror}")]) from None


@contextmanager
def replaced(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write the new content to; when the block ends it is
    renamed over `path` (keeping its permissions), so a reader sees the old file or the new one,
    never a part. If the block fails, the original stays as it was and the temporary file goes."""
    import shutil  # imported here: reading records writes nothing
    import tempfile

    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text`, flushed to disk, through `replaced`."""
    with replaced(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
