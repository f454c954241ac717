"""The exceptions sinorus raises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DataError", "ExportError", "MissingExtraError", "Problem", "QueryError", "RecordNotFound", "SinorusError"]


class SinorusError(Exception):
    """Base of every error sinorus raises on purpose."""


class MissingExtraError(SinorusError, ImportError):
    """A feature needs an optional dependency that is not installed; the message names the extra."""


class QueryError(SinorusError, ValueError):
    """A query criterion that names no value the data can hold: an unknown kind, status, type,
    domain, series, source or actor. The message gives the valid choices or the closest ones."""

    @classmethod
    def unknown(cls, what: str, value: str, choices: Iterable[str]) -> QueryError:
        """The error for `value`, which is not among `choices` of `what`."""
        import difflib  # only when an error is made, not at every start

        options = sorted(set(choices))
        close = difflib.get_close_matches(value, options, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        listed = f" (one of: {', '.join(options)})" if len(options) <= 25 else ""
        return cls(f"unknown {what} {value!r}{hint}{listed}")


class RecordNotFound(SinorusError, KeyError):
    """No record has the id or name asked for, or a name fits several (`Dataset[...]`, `lookup`)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ExportError(SinorusError, ValueError):
    """Records that cannot be written as asked: an unknown format or table, or a selection
    missing records it points at."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is and what it is."""

    file: str
    """The file, as given to the loader."""
    line: int | None
    """1-based line, when known."""
    column: int | None
    """1-based column, when known."""
    field: str | None
    """The dotted path of the field within its record (`citations.0.quote`), when known; the
    message names the record's id."""
    message: str
    """What is wrong."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class DataError(SinorusError):
    """Input that does not load: every problem found, each with file, line and field."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=_sort_key))
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the data"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))


def _sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line or 0, problem.column or 0, problem.message)


def display_path(path: Path) -> str:
    """A path as the user will recognise it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):  # outside it, or the working directory is gone
        return str(path)
