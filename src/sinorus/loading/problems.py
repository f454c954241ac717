"""Turn what the YAML reader and pydantic report into problems a person can act on: the file,
line, column and field they wrote, and the record's id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from sinorus.errors import Problem, display_path
from sinorus.loading.files import Position
from sinorus.models.records import RECORD_TYPES

if TYPE_CHECKING:
    from sinorus.loading.records import LoadedRecord
    from sinorus.loading.strict_yaml import YAMLProblem

__all__ = ["dotted", "nearest_position", "problem_at", "validation_problems", "yaml_problem"]


def yaml_problem(name: str, problem: YAMLProblem) -> Problem:
    """The problem for text that does not read as acceptable YAML."""
    line, column = (problem.position.line, problem.position.column) if problem.position else (None, None)
    path, message = problem.path, problem.message
    first = path[0] if path else None
    if isinstance(first, int):
        path, message = path[1:], f"record #{first + 1}: {message}"
    return Problem(name, line, column, dotted(path), message)


def validation_problems(
    name: str, data: list[Any], positions: dict[Any, Position], error: ValidationError
) -> list[Problem]:
    """One problem per field that failed validation, located where the author wrote it."""
    return list(dict.fromkeys(_problem(name, data, positions, e) for e in error.errors(include_url=False)))


def _problem(name: str, data: list[Any], positions: dict[Any, Position], error: Any) -> Problem:
    loc: tuple[Any, ...] = tuple(error["loc"])
    index, rest = loc[0], loc[1:]
    item = data[index] if isinstance(index, int) and index < len(data) else None
    kind = item.get("kind") if isinstance(item, dict) else None
    if rest and rest[0] in RECORD_TYPES and rest[0] == kind:
        rest = rest[1:]
    while error["type"] != "missing" and len(rest) > 1 and (index, *rest) not in positions:
        rest = rest[:-1]  # name the field the author wrote, not a path inside pydantic's validation
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
    position = nearest_position(positions, (index, *rest))
    return Problem(name, position.line, position.column, dotted(rest), f"{_label(item, index)}: {message}")


def _label(item: Any, index: Any) -> str:
    record_id = item.get("id") if isinstance(item, dict) else None
    if isinstance(record_id, str):
        return f"record {record_id!r}"
    return f"record #{index + 1 if isinstance(index, int) else index}"


def nearest_position(positions: dict[Any, Position], path: tuple[Any, ...]) -> Position:
    """The position of `path`, or of the nearest enclosing value that has one."""
    while path and path not in positions:
        path = path[:-1]
    return positions.get(path, Position(1, 1))


def dotted(path: Sequence[Any]) -> str | None:
    """A field path as the messages write it (`citations.0.quote`), or None for the record."""
    return ".".join(str(part) for part in path) or None


def problem_at(loaded: LoadedRecord, field: str | None, message: str) -> Problem:
    """A problem located at `field` of a loaded record, for checks made after reading."""
    parts: tuple[Any, ...] = tuple(int(p) if p.isdigit() else p for p in field.split(".")) if field else ()
    position = nearest_position(loaded.source.positions, (loaded.index, *parts))
    label = f"record {loaded.record.id!r}"
    return Problem(display_path(loaded.file), position.line, position.column, field, f"{label}: {message}")
