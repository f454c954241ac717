"""How records look in a notebook and a console: short reprs and compact HTML tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel

from sinorus.models.base import Money, Quantity
from sinorus.models.fields import reading_order

if TYPE_CHECKING:
    from sinorus.dataset import Dataset
    from sinorus.models.records import RecordBase

__all__ = ["dataset_html", "record_html", "record_repr", "record_text", "records_html", "records_repr"]

HTML_ROWS = 50
"""How many records a collection shows before it says how many more there are."""


def _actors(record: RecordBase) -> str:
    return " ".join(dict.fromkeys(code for _, _, code in record.actor_roles()))


def _when(record: RecordBase) -> str:
    return str(record.date_value) if record.date_value is not None else ""


def record_repr(record: RecordBase) -> str:
    """`<Exercise vostok-2018: 'Vostok 2018', 2018-09-11/2018-09-17>`."""
    when = f", {record.date_value}" if record.date_value is not None else ""
    return f"<{type(record).__name__} {record.id}: {record.name!r}{when}>"


def record_text(record: RecordBase) -> str:
    """The record's set fields as ``name: value`` lines, nested parts indented (``str(record)``)."""
    return "\n".join(_field_lines(record))


def _field_lines(model: BaseModel, indent: str = "") -> list[str]:
    """A model's set fields as `name: value` lines, nested models indented."""
    lines = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is None or value == ():
            continue
        if isinstance(value, tuple) and isinstance(value[0], BaseModel):
            lines.append(f"{indent}{name}:")
            for item in value:
                item_lines = _field_lines(item, indent + "    ")
                lines.extend([f"{indent}  - {item_lines[0].lstrip()}", *item_lines[1:]])
        elif isinstance(value, tuple):
            lines.append(f"{indent}{name}: {', '.join(map(str, value))}")
        elif isinstance(value, BaseModel) and not isinstance(value, (Quantity, Money)):
            lines.append(f"{indent}{name}:")
            lines.extend(_field_lines(value, indent + "  "))
        else:
            lines.append(f"{indent}{name}: {value}")
    return lines


def records_repr(records: Sequence[RecordBase]) -> str:
    """A count and the first few ids: `<Records 3: a, b, c>`."""
    shown = ", ".join(r.id for r in records[:5])
    more = f", ... ({len(records) - 5} more)" if len(records) > 5 else ""
    return f"<Records {len(records)}: {shown}{more}>"


def records_html(records: Sequence[RecordBase], limit: int = HTML_ROWS) -> str:
    """A table with id, kind, name, date and participants, one row per record."""
    from html import escape  # imported here: only notebooks ask for HTML

    head = "".join(f"<th>{h}</th>" for h in ("id", "kind", "name", "date", "participants"))
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(cell)}</td>"
            for cell in (
                r.id,
                r.kind,
                r.name,
                _when(r),
                " ".join(dict.fromkeys(code for _, _, code in r.actor_roles())),
            )
        )
        + "</tr>"
        for r in records[:limit]
    )
    more = f"<p>... and {len(records) - limit} more</p>" if len(records) > limit else ""
    return (
        f"<div><p>{len(records)} record{'s' if len(records) != 1 else ''}</p>"
        f'<table class="sinorus-records"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}</div>'
    )


def record_html(record: RecordBase) -> str:
    """The record's fields, then its citations and discrepancies with their quotes."""
    from html import escape

    fields = "".join(f"<tr><th>{name}</th><td>{escape(text)}</td></tr>" for name, text in _field_texts(record))
    citations = "".join(
        f"<li><code>{escape(c.source)}</code>, {escape(c.locator)}"
        + (f": &ldquo;{escape(c.quote)}&rdquo;" if c.quote else "")
        + "</li>"
        for c in record.citations
    )
    discrepancies = "".join(
        f"<li><code>{escape(d.field)}</code> = {escape(str(d.value))} ({d.nature}): {escape(d.note)}</li>"
        for d in record.discrepancies
    )
    parts = [
        f"<div><p><strong>{escape(record.name)}</strong> <code>{escape(record.id)}</code> ({record.kind})</p>",
        f"<table>{fields}</table>",
    ]
    if citations:
        parts.append(f"<p>Citations</p><ol>{citations}</ol>")
    if discrepancies:
        parts.append(f"<p>Discrepancies</p><ul>{discrepancies}</ul>")
    return "".join(parts) + "</div>"


def dataset_html(dataset: Dataset) -> str:
    """Record counts per kind, with citation and discrepancy totals."""
    summary = dataset.summary()
    rows = "".join(f"<tr><td>{kind}</td><td>{n}</td></tr>" for kind, n in summary["by_kind"].items())
    return (
        f"<div><p>sinorus dataset: {summary['records']} records, {summary['citations']} citations, "
        f"{summary['discrepancies']} discrepancies</p>"
        f"<table><thead><tr><th>kind</th><th>records</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _field_texts(record: RecordBase) -> list[tuple[str, str]]:
    """The record's set fields as text: its own fields first, then aliases, related and notes."""
    values = [(name, getattr(record, name)) for name in reading_order(type(record))]
    return [(name, _text(value)) for name, value in values if value is not None and value != ()]


def _text(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, BaseModel) and not isinstance(value, (Quantity, Money)):
        return ", ".join(f"{k} {_text(v)}" for k, v in value if v is not None)
    return str(value)
