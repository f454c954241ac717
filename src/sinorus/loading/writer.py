"""Write records in the YAML authoring format, so that reading them back gives them again."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import yaml

from sinorus.errors import SinorusError
from sinorus.loading.strict_yaml import NumberOutOfRange, plain_value
from sinorus.models.records import RecordBase

__all__ = ["CommentsWouldBeLost", "dump_records", "format_text", "record_to_yaml_data"]

_LEADING = ("kind", "id", "name")
_BREAKS = frozenset("\n\r\x85\u2028\u2029")
"""Characters YAML reads as line breaks: a string holding one is written double-quoted, escaped."""
_TRAILING = ("related", "notes", "citations", "discrepancies")
"""Written last, so that a record reads as what it is, then where its facts come from."""


class _Dumper(yaml.SafeDumper):
    """Block-style YAML; quotes every string that would not read back as that string."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _reads_as_itself(value: str) -> bool:
    try:
        return bool(plain_value(value) == value)
    except NumberOutOfRange:
        return False


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    plain = value.strip() == value and not _BREAKS.intersection(value) and _reads_as_itself(value)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


_Dumper.add_representer(str, _represent_str)


def _compact(value: Any) -> Any:
    """Write an exact count (a quantity with only its value) as a plain integer."""
    if isinstance(value, dict):
        items = {k: _compact(v) for k, v in value.items()}
        if set(items) == {"value"} and isinstance(items["value"], int):
            return items["value"]
        return items
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def record_to_yaml_data(record: RecordBase) -> dict[str, Any]:
    """A record as authoring-format data: defaults left out, `kind`, `id`, `name` first, its
    links, notes, citations and discrepancies last."""
    data = _compact(record.model_dump(mode="json", exclude_defaults=True))
    data["kind"] = record.kind
    ordered = {key: data[key] for key in _LEADING}
    ordered.update((key, value) for key, value in data.items() if key not in _LEADING + _TRAILING)
    ordered.update((key, data[key]) for key in _TRAILING if key in data)
    return ordered


def dump_records(records: Iterable[RecordBase], header: str = "") -> str:
    """The YAML text of a record file holding `records`, after an optional comment `header`;
    a blank line separates the records."""
    return header + ("\n".join(_dump_record(record) for record in records) or "[]\n")


def _dump_record(record: RecordBase) -> str:
    return yaml.dump(
        [record_to_yaml_data(record)],
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        indent=2,
    )


class CommentsWouldBeLost(SinorusError, ValueError):
    """Formatting would drop comments that stand inside a record or after a value."""


def format_text(text: str, records: Sequence[RecordBase], *, drop_comments: bool = False) -> str:
    """The canonical text of a record file that now reads `text` and holds `records`.

    Comment lines that start at the beginning of a line between records (a file's header,
    section headings) stay before the record that follows them, and those after the last
    record stay at the end. Comments inside a record or after a value cannot be carried over,
    so unless `drop_comments` is set such a file raises `CommentsWouldBeLost` (a `#` after
    white space counts, even inside a quoted string: better to refuse than to lose a comment).
    """
    before, trailer = _comments_between_records(text, len(records), drop_comments)
    parts = [_comment_block(before.get(i, [])) + _dump_record(r) for i, r in enumerate(records)] or ["[]\n"]
    if trailer:
        parts.append(_comment_block(trailer))
    return "\n".join(parts)


def _comments_between_records(text: str, count: int, drop_comments: bool) -> tuple[dict[int, list[str]], list[str]]:
    """The comment lines standing before each record, by its index, and those after the last."""
    before: dict[int, list[str]] = {}
    pending: list[str] = []
    item = -1
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if not line.strip():
            pending += [line] if pending else []
        elif line.startswith("#"):
            pending.append(line)
        elif line.startswith("-") and line[1:2] in (" ", "\n", "\r", ""):
            item += 1
            before[item], pending = pending, []
        elif pending or line.lstrip().startswith("#") or " #" in line or "\t#" in line:
            if not drop_comments:
                raise CommentsWouldBeLost(f"line {number} may hold a comment, which formatting would drop")
            pending = []
    if item + 1 != count and any(before.values()) and not drop_comments:
        raise CommentsWouldBeLost("the file's records could not be matched to the comments between them")
    return before if item + 1 == count else {}, pending


def _comment_block(lines: list[str]) -> str:
    """Comment lines as a block: blank lines only between comments, each line ending in a newline."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "".join(line.rstrip("\r\n") + "\n" for line in lines)
