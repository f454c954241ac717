"""Read record files: strict YAML in, validated models out, every problem located."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from sinorus.errors import DataError, Problem, display_path
from sinorus.loading.strict_yaml import Position, YAMLProblem, read_yaml
from sinorus.models.records import RECORD_TYPES, Record, RecordBase

__all__ = ["LoadedRecord", "ReadResult", "RecordFile", "find_files", "problem_at", "read_files"]

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Largest record file accepted."""
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, eq=False)
class RecordFile:
    """A record file as read, once: every later message about it is located in this text, so
    a file changed or deleted while it loads cannot make the messages disagree with the records."""

    path: Path
    text: str

    @cached_property
    def positions(self) -> dict[Any, Position]:
        """The line and column of every value, by its path in the file."""
        return read_yaml(self.text, track_positions=True)[1]


@dataclass(frozen=True)
class LoadedRecord:
    """A validated record and where it was written."""

    record: RecordBase
    source: RecordFile
    index: int

    @property
    def file(self) -> Path:
        """The file the record was read from."""
        return self.source.path


@cache
def _adapter() -> TypeAdapter[list[Record]]:
    return TypeAdapter(list[Record])


@cache
def _record_adapter() -> TypeAdapter[Record]:
    return TypeAdapter(Record)


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


@dataclass(frozen=True)
class ReadResult:
    """What reading a set of files produced: the files, the valid records and every problem."""

    files: list[RecordFile] = field(default_factory=list)
    """Every file whose text could be read, in the order given."""
    records: list[LoadedRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)
    """Ids written on records that failed validation (so references to them do not cascade)."""


def read_files(files: Sequence[Path]) -> ReadResult:
    """Read and validate every file, each read once, keeping the valid records and
    collecting all problems."""
    result = ReadResult()
    for file in files:
        _read_file(file, result)
    return result


def _read_text(file: Path) -> str:
    name = display_path(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError([Problem(name, None, None, None, f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")])
        return file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError([Problem(name, None, None, None, f"not valid UTF-8 at byte {error.start}")]) from None
    except OSError as error:
        raise DataError([Problem(name, None, None, None, f"cannot read: {error.strerror}")]) from None


def _read_file(file: Path, result: ReadResult) -> None:
    name = display_path(file)
    try:
        source = RecordFile(file, _read_text(file))
    except DataError as error:
        result.problems.extend(error.problems)
        return
    result.files.append(source)
    try:
        data, _ = read_yaml(source.text)
    except YAMLProblem as problem:
        line, column = (problem.position.line, problem.position.column) if problem.position else (None, None)
        path, message = problem.path, problem.message
        first = path[0] if path else None
        if isinstance(first, int):
            path, message = path[1:], f"record #{first + 1}: {message}"
        result.problems.append(Problem(name, line, column, _dotted(path), message))
        return
    if data is None:
        result.problems.append(Problem(name, None, None, None, "the file is empty: write a list of records"))
        return
    if not isinstance(data, list):
        root = source.positions.get((), Position(1, 1))
        message = "a record file holds a list of records (each starting with '- ')"
        result.problems.append(Problem(name, root.line, root.column, None, message))
        return
    try:
        records = _adapter().validate_python(data)
    except ValidationError as error:
        found = dict.fromkeys(_problem(name, data, source.positions, e) for e in error.errors(include_url=False))
        result.problems.extend(found)
        failed = {e["loc"][0] for e in error.errors(include_url=False)}
        for index, item in enumerate(data):
            if index in failed:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    result.invalid_ids.add(item["id"])
            else:
                result.records.append(LoadedRecord(_record_adapter().validate_python(item), source, index))
        return
    result.records.extend(LoadedRecord(record, source, index) for index, record in enumerate(records))


def _problem(name: str, data: list[Any], positions: dict[Any, Position], error: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(error["loc"])
    index, rest = loc[0], loc[1:]
    item = data[index] if isinstance(index, int) and index < len(data) else None
    kind = item.get("kind") if isinstance(item, dict) else None
    if rest and rest[0] in RECORD_TYPES and rest[0] == kind:
        rest = rest[1:]
    while error["type"] != "missing" and len(rest) > 1 and (index, *rest) not in positions:
        rest = rest[:-1]  # name the field the author wrote, not a path inside pydantic's validation
    label = _label(item, index)
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "union_tag_not_found":
        message = f"missing 'kind' (one of {', '.join(RECORD_TYPES)})"
        rest = ("kind",)
    elif error["type"] == "union_tag_invalid":
        message = f"unknown kind {kind!r} (expected one of {', '.join(RECORD_TYPES)})"
        rest = ("kind",)
    elif error["type"] == "missing":
        message = "required field is missing"
    elif error["type"] == "extra_forbidden":
        message = "unknown field"
    if error["type"] == "literal_error" and isinstance(error.get("input"), (str, int, float)):
        message += f", not {error['input']!r}"
    position = _nearest(positions, (index, *rest))
    return Problem(name, position.line, position.column, _dotted(rest), f"{label}: {message}")


def _label(item: Any, index: Any) -> str:
    record_id = item.get("id") if isinstance(item, dict) else None
    return (
        f"record {record_id!r}"
        if isinstance(record_id, str)
        else f"record #{index + 1 if isinstance(index, int) else index}"
    )


def _nearest(positions: dict[Any, Position], path: tuple[Any, ...]) -> Position:
    while path and path not in positions:
        path = path[:-1]
    return positions.get(path, Position(1, 1))


def _dotted(path: Sequence[Any]) -> str | None:
    return ".".join(str(part) for part in path) or None


def field_position(loaded: LoadedRecord, field: str | None) -> Position:
    """The position of a record's field (or of the record) in its file, for integrity errors."""
    parts: tuple[Any, ...] = tuple(int(p) if p.isdigit() else p for p in field.split(".")) if field else ()
    return _nearest(loaded.source.positions, (loaded.index, *parts))


def problem_at(loaded: LoadedRecord, field: str | None, message: str) -> Problem:
    """A problem located at `field` of a loaded record."""
    position = field_position(loaded, field)
    label = f"record {loaded.record.id!r}"
    return Problem(display_path(loaded.file), position.line, position.column, field, f"{label}: {message}")
