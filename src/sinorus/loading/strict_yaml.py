"""A strict, safe YAML reader for the authoring format.

It builds plain Python values from the parser's event stream, so that nothing the
full YAML loaders allow can slip through:

* anchors, aliases and explicit tags are errors (no alias bombs, no object construction);
* duplicate keys and non-string keys are errors;
* a file holds exactly one document;
* plain scalars follow the JSON-compatible subset of the YAML 1.2 core schema: `null`,
  `~` and empty are None, `true`/`false` are booleans, decimal integers and floats
  are numbers (integers within the signed 64-bit range that exports hold, floats finite),
  and everything else stays a string (`NO`, `on`, `0755`, `1:30` and
  `2016-05-12` are strings).

On request it also returns the position of every value, keyed by its path, for error
messages.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

import yaml
from yaml import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from sinorus.loading.files import Position
from sinorus.models.base import LARGEST_INTEGER

__all__ = ["MAX_DEPTH", "NumberOutOfRange", "Path", "Position", "YAMLProblem", "plain_value", "read_yaml"]

try:
    from yaml import CBaseLoader as _EventLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _EventLoader  # type: ignore[assignment]

MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted."""

Path = tuple[str | int, ...]

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMBER_START = frozenset("+-0123456789")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)")


class YAMLProblem(Exception):
    """The text is not acceptable YAML for sinorus; carries the position and path."""

    def __init__(self, message: str, position: Position | None, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.path = path


def _position(event: Any) -> Position:
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1)


def _scalar(event: ScalarEvent, path: Path) -> Any:
    if not event.implicit[0]:  # quoted or block scalar: always a string
        return event.value
    try:
        return plain_value(event.value)
    except NumberOutOfRange as error:
        raise YAMLProblem(str(error), _position(event), path) from None


class NumberOutOfRange(ValueError):
    """An unquoted number that no export could hold."""


def plain_value(value: str) -> Any:
    """What an unquoted scalar reads as: None, a bool, an int, a float, or the string itself.

    Raises `NumberOutOfRange` for an integer beyond the signed 64-bit range or a float too
    large to be finite.
    """
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] not in _NUMBER_START:
        return value
    if _INT.fullmatch(value):
        digits = value.lstrip("+-")
        if len(digits) > len(str(LARGEST_INTEGER)) or int(digits) > LARGEST_INTEGER:
            raise NumberOutOfRange(f"the number {_shortened(value)} is beyond the largest allowed, {LARGEST_INTEGER}")
        return int(value)
    if _FLOAT.fullmatch(value):
        number = float(value)
        if not math.isfinite(number):
            raise NumberOutOfRange(f"the number {_shortened(value)} is too large to be finite")
        return number
    return value


def _shortened(value: str) -> str:
    return value if len(value) <= 30 else f"{value[:12]}...{value[-6:]} ({len(value)} characters)"


_UNTAGGED = (None, "!")
"""The tags a node may carry: none, or the non-specific `!` of a quoted scalar."""


class _Builder:
    def __init__(self, events: Iterator[Any], track: bool) -> None:
        self._next = events.__next__
        self.positions: dict[Path, Position] | None = {} if track else None

    def _refuse(self, event: Any, path: Path) -> None:
        """Raise for an alias, an anchor or a tag (`node` calls this only when there is one)."""
        if isinstance(event, AliasEvent):
            raise YAMLProblem(f"aliases (*{event.anchor}) are not allowed", _position(event), path)
        if event.anchor is not None:
            raise YAMLProblem(f"anchors (&{event.anchor}) are not allowed", _position(event), path)
        raise YAMLProblem(f"tags ({event.tag}) are not allowed", _position(event), path)

    def node(self, event: Any, path: Path, depth: int, key_event: Any = None) -> Any:
        if event.anchor is not None or event.tag not in _UNTAGGED:  # an alias has an anchor
            self._refuse(event, path)
        if self.positions is not None:
            position = _position(event)
            key_position = _position(key_event) if key_event is not None else None
            # A block collection starts on the line after its key: point at the key.
            below_key = key_position is not None and position.line > key_position.line
            self.positions[path] = key_position if below_key and key_position else position
        if isinstance(event, ScalarEvent):
            return _scalar(event, path)
        if depth >= MAX_DEPTH:
            field = path
            while len(field) > 1 and isinstance(field[-1], int):
                field = field[:-1]
            raise YAMLProblem(f"nesting deeper than {MAX_DEPTH} levels", _position(event), field)
        if isinstance(event, SequenceStartEvent):
            return self._sequence(path, depth)
        if isinstance(event, MappingStartEvent):
            return self._mapping(path, depth)
        raise YAMLProblem(f"unexpected {type(event).__name__}", _position(event), path)  # pragma: no cover

    def _sequence(self, path: Path, depth: int) -> list[Any]:
        items: list[Any] = []
        next_event, node = self._next, self.node
        while not isinstance(child := next_event(), SequenceEndEvent):
            items.append(node(child, (*path, len(items)), depth + 1))
        return items

    def _mapping(self, path: Path, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        next_event, node = self._next, self.node
        while not isinstance(key_event := next_event(), MappingEndEvent):
            key = self._key(key_event, path)
            if key in mapping:
                raise YAMLProblem(f"duplicate key {key!r}", _position(key_event), (*path, key))
            mapping[key] = node(next_event(), (*path, key), depth + 1, key_event)
        return mapping

    def _key(self, event: Any, path: Path) -> str:
        if event.anchor is not None or event.tag not in _UNTAGGED:
            self._refuse(event, path)
        if not isinstance(event, ScalarEvent):
            raise YAMLProblem("mapping keys must be plain strings", _position(event), path)
        key = _scalar(event, path)
        if not isinstance(key, str) or not key:
            raise YAMLProblem(f"mapping key {event.value!r} is not a string", _position(event), path)
        return key


_OPENERS = ("while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping")


def _syntax_problem(error: yaml.MarkedYAMLError) -> YAMLProblem:
    """Locate a syntax error where a person would look: at an unclosed quote or bracket's
    opening when the parser names one, else where the parser stopped."""
    message = " ".join(part for part in (error.context, error.problem) if part)
    opened = error.context_mark if error.context and error.context.startswith(_OPENERS) else None
    mark = opened or error.problem_mark or error.context_mark
    position = Position(mark.line + 1, mark.column + 1) if mark else None
    if opened is not None and error.problem_mark is not None:
        message += f" (noticed at line {error.problem_mark.line + 1})"
    elif error.problem and "expected key" in error.problem:
        message += " (check for a quote left open on the lines above)"
    return YAMLProblem(f"invalid YAML: {message}", position)


_HIDDEN_BREAK = re.compile("[\x85\u2028\u2029]")
_ESCAPES = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _hidden_break(text: str, offset: int) -> YAMLProblem:
    """YAML ends a line at U+0085, U+2028 and U+2029, which most editors do not show: a comment
    could end early and its rest be read as data, and quoted text would lose the character."""
    character = text[offset]
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return YAMLProblem(
        f"character U+{ord(character):04X} ends a line invisibly; to keep it in a value write "
        f"{_ESCAPES[character]} inside double quotes",
        Position(line, column),
    )


def read_yaml(text: str, *, track_positions: bool = False) -> tuple[Any, dict[Path, Position]]:
    """Parse one YAML document strictly.

    Returns the value (None for an empty document) and, when `track_positions` is
    set, the position of every value by path. Raises `YAMLProblem`.
    """
    if text.startswith("\ufeff"):
        raise YAMLProblem("the file starts with a byte-order mark; save it as UTF-8 without one", Position(1, 1))
    if found := _HIDDEN_BREAK.search(text):
        raise _hidden_break(text, found.start())
    loader = _EventLoader(text)
    events = iter(loader.get_event, None)  # the parser's events, with no Python frame between
    builder = _Builder(events, track_positions)
    value: Any = None
    documents = 0
    try:
        for event in events:
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YAMLProblem("a file must hold one YAML document", _position(event))
                value = builder.node(next(events), (), 0)
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        raise YAMLProblem(
            f"invalid YAML: character {error.character!r} is not allowed", Position(line, column)
        ) from None
    except yaml.YAMLError as error:
        raise YAMLProblem(f"invalid YAML: {error}", None) from None
    finally:
        loader.dispose()
    return value, builder.positions or {}
