"""Read record files into validated records, collecting every problem on the way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from sinorus.errors import DataError, Problem, display_path
from sinorus.loading.files import Position, RecordFile, read_record_file
from sinorus.loading.problems import validation_problems, yaml_problem
from sinorus.loading.strict_yaml import YAMLProblem, read_yaml
from sinorus.models.records import Record, RecordBase

__all__ = ["LoadedRecord", "ReadResult", "read_files"]


@dataclass(frozen=True)
class LoadedRecord:
    """A validated record and where it was written."""

    record: RecordBase
    source: RecordFile
    index: int
    """The record's place in its file's list, from 0."""

    @property
    def file(self) -> Path:
        """The file the record was read from."""
        return self.source.path


@dataclass(frozen=True)
class ReadResult:
    """What reading a set of files produced: the files, the valid records and every problem."""

    files: tuple[RecordFile, ...]
    """Every file whose text could be read, in the order given."""
    records: tuple[LoadedRecord, ...]
    problems: tuple[Problem, ...]
    invalid_ids: frozenset[str]
    """Ids written on records that failed validation (so references to them do not cascade)."""


@dataclass(frozen=True)
class _FileResult:
    records: list[LoadedRecord]
    problems: list[Problem]
    invalid_ids: set[str]


@cache
def _adapter() -> TypeAdapter[list[Record]]:
    return TypeAdapter(list[Record])


@cache
def _record_adapter() -> TypeAdapter[Record]:
    return TypeAdapter(Record)


def read_files(files: Sequence[Path]) -> ReadResult:
    """Read and validate every file, each read once, keeping the valid records and
    collecting all problems."""
    sources: list[RecordFile] = []
    records: list[LoadedRecord] = []
    problems: list[Problem] = []
    invalid_ids: set[str] = set()
    for file in files:
        try:
            source = read_record_file(file)
        except DataError as error:
            problems.extend(error.problems)
            continue
        sources.append(source)
        result = _read_records(source)
        records += result.records
        problems += result.problems
        invalid_ids |= result.invalid_ids
    return ReadResult(tuple(sources), tuple(records), tuple(problems), frozenset(invalid_ids))


def _read_records(source: RecordFile) -> _FileResult:
    name = display_path(source.path)
    try:
        data, _ = read_yaml(source.text)
    except YAMLProblem as problem:
        return _FileResult([], [yaml_problem(name, problem)], set())
    if data is None:
        return _FileResult([], [Problem(name, None, None, None, "the file is empty: write a list of records")], set())
    if not isinstance(data, list):
        root = source.positions.get((), Position(1, 1))
        message = "a record file holds a list of records (each starting with '- ')"
        return _FileResult([], [Problem(name, root.line, root.column, None, message)], set())
    try:
        records = _adapter().validate_python(data)
    except ValidationError as error:
        return _partly_valid(source, name, data, error)
    return _FileResult([LoadedRecord(r, source, i) for i, r in enumerate(records)], [], set())


def _partly_valid(source: RecordFile, name: str, data: list[Any], error: ValidationError) -> _FileResult:
    """The valid records of a file some of whose records failed, and the failures."""
    failed = {e["loc"][0] for e in error.errors(include_url=False)}
    records: list[LoadedRecord] = []
    invalid_ids: set[str] = set()
    for index, item in enumerate(data):
        if index not in failed:
            records.append(LoadedRecord(_record_adapter().validate_python(item), source, index))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            invalid_ids.add(item["id"])
    return _FileResult(records, validation_problems(name, data, source.positions, error), invalid_ids)
