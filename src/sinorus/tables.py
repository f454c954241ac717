"""Records as flat tables: one wide table per kind and long tables that join back on `id`.

Columns come from the models, so the tables follow any change to a field: an EDTF
date becomes its EDTF string plus its earliest and latest day, a count its number,
qualifier and upper end, a list a list column. Citations, discrepancies, forces and
participants get long tables of their own. Every exporter (CSV, the data package,
Parquet, DataFrames) starts from these tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any, Literal

from pydantic import BaseModel

from sinorus.errors import ExportError
from sinorus.memory import collection_paused
from sinorus.models.actors import STATE_SYSTEMS, actor_name, is_state, state_code
from sinorus.models.base import Citation, Discrepancy, Quantity
from sinorus.models.edtf import EDTF
from sinorus.models.fields import FieldSpec, Shape, describe_fields, reading_order
from sinorus.models.records import RECORD_TYPES, Exercise, Force, RecordBase

__all__ = [
    "KIND_TABLES",
    "RECORD_COLUMNS",
    "TABLE_NAMES",
    "Column",
    "ForeignKey",
    "Table",
    "build_closed_tables",
    "build_tables",
    "resolve_table_name",
]

ColumnType = Literal["string", "integer", "number", "date", "list"]

KIND_TABLES = {"event": "events", "exercise": "exercises", "agreement": "agreements",
               "arms_transfer": "arms_transfers", "source": "sources"}  # fmt: skip
"""The wide table of each record kind."""

TABLE_NAMES = (
    "records",
    *KIND_TABLES.values(),
    "actors",
    "participants",
    "forces",
    "forces_wide",
    "citations",
    "discrepancies",
    "discrepancy_citations",
)
"""Every table, in the order exports write them."""

ROLE_FIELDS = tuple(dict.fromkeys(name for model in RECORD_TYPES.values() for name in model.actor_fields))
"""The record fields that hold actor codes; each becomes a role in the participants table."""

_LONG_FIELDS = ("kind", "citations", "discrepancies", "forces")
"""Fields that get long tables (or, for `kind`, the table itself) rather than columns."""


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    name: str
    type: ColumnType
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    """The allowed values (of each item, for a list column); empty when any value goes."""


@dataclass(frozen=True)
class ForeignKey:
    """Columns whose values must appear in the key columns of another table."""

    columns: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A named table: typed columns, rows of plain Python values, keys."""

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    def cells_by_column(self) -> list[Sequence[Any]]:
        """The cells of every column, in column order: the rows turned on their side."""
        return _transposed(self.rows, len(self.columns))

    def values(self, column: str) -> list[Any]:
        """Every value of one column, in row order."""
        position = [c.name for c in self.columns].index(column)
        return [row[position] for row in self.rows]

    def as_dicts(self) -> list[dict[str, Any]]:
        """The rows as dictionaries keyed by column name."""
        names = [c.name for c in self.columns]
        return [dict(zip(names, row, strict=True)) for row in self.rows]

    def to_pandas(self) -> Any:
        """The table as a typed `pandas.DataFrame` (needs `sinorus[pandas]`)."""
        from sinorus.frames import to_pandas

        return to_pandas(self)

    def to_polars(self) -> Any:
        """The table as a typed `polars.DataFrame` (needs `sinorus[polars]`)."""
        from sinorus.frames import to_polars

        return to_polars(self)

    def to_arrow(self) -> Any:
        """The table as a `pyarrow.Table` with field descriptions (needs `sinorus[arrow]`)."""
        from sinorus.frames import to_arrow

        return to_arrow(self)


def _transposed(rows: Iterable[Sequence[Any]], width: int) -> list[Sequence[Any]]:
    """The columns of `rows` (`width` empty ones when there are no rows)."""
    return list(zip(*rows, strict=True)) or [()] * width


Spread = Callable[[Any], tuple[Any, ...]]
"""Turns one field's value (never None) into the cells of its columns."""


@dataclass(frozen=True)
class _FieldColumns:
    name: str
    columns: tuple[Column, ...]
    spread: Spread | None
    """Turns a value into its cells; None when the value is its one cell as it is."""

    def cells(self, values: Sequence[Any]) -> list[Sequence[Any]]:
        """The field's columns for a column of its values: one sequence of cells per column."""
        if self.spread is None:
            return [values]
        spread, empty = self.spread, (None,) * len(self.columns)
        return _transposed([empty if value is None else spread(value) for value in values], len(self.columns))


def _value_columns(names: Sequence[str], objs: Sequence[BaseModel]) -> list[Sequence[Any]]:
    """The values of fields `names` of `objs`, a column per field, each object's read in one
    step from its `__dict__` (where pydantic keeps field values)."""
    if len(names) == 1:
        return [[vars(obj)[names[0]] for obj in objs]]
    read = itemgetter(*names)
    return _transposed([read(vars(obj)) for obj in objs], len(names))


def resolve_table_name(name: str) -> str:
    """The table a user means: a table name, or a record kind (`exercise`) for its wide table."""
    table = KIND_TABLES.get(name, name)
    if table not in TABLE_NAMES:
        expected = f"a kind ({', '.join(KIND_TABLES)}) or one of {', '.join(TABLE_NAMES)}"
        raise ExportError(f"unknown table {name!r}; expected {expected}")
    return table


@collection_paused()
def build_tables(records: Iterable[RecordBase]) -> dict[str, Table]:
    """Every table for `records`, keyed by name, in `TABLE_NAMES` order."""
    records = tuple(records)
    by_kind: dict[str, list[RecordBase]] = {kind: [] for kind in KIND_TABLES}
    for record in records:
        by_kind[record.kind].append(record)
    roles = tuple((r.id, field, code) for r in records for field, _, code in r.actor_roles())
    exercises = [r for r in by_kind["exercise"] if isinstance(r, Exercise) and r.forces]
    disputed = [r for r in records if r.discrepancies]
    tables = [_records_table(records)]
    tables += [_kind_table(kind, by_kind[kind]) for kind in KIND_TABLES]
    tables += [
        _actors_table({code for _, _, code in roles}),
        _participants_table(roles),
        _forces_table(exercises),
        _forces_wide_table(exercises),
        _citations_table(records),
        _discrepancies_table(disputed),
        _discrepancy_citations_table(disputed),
    ]
    return {table.name: table for table in tables}


def build_closed_tables(records: Iterable[RecordBase]) -> dict[str, Table]:
    """`build_tables` for an export, whose foreign keys must all resolve: refuses records that
    point at records not among them (cited sources, series, agreements, reports)."""
    tables = build_tables(records)
    keys = {(key.table, key.reference[0]) for table in tables.values() for key in table.foreign_keys}
    held = {(name, column): set(tables[name].values(column)) for name, column in keys}
    missing = sorted(
        {
            value
            for table in tables.values()
            for key in table.foreign_keys
            if len(key.columns) == 1
            for value in set(table.values(key.columns[0])) - held[key.table, key.reference[0]]
            if value is not None
        }
    )
    if missing:
        shown = ", ".join(missing[:3]) + (", ..." if len(missing) > 3 else "")
        raise ExportError(
            f"the records point at {len(missing)} records not among them ({shown}); "
            "export dataset.with_references(records) to include them"
        )
    return tables


# -- columns from model fields ----------------------------------------------------------------


_QUALIFIERS = next(f.allowed for f in describe_fields(Quantity) if f.name == "qualifier")


def _scalar_text(value: object) -> str:
    """A value's text: itself for text, JSON for a number or true/false."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


_UNKNOWN = " (an unknown end lies at most ten years beyond the known one)"


def _bound_columns(name: str) -> tuple[Column, Column]:
    """The earliest and latest day columns of an EDTF field."""
    return (
        Column(f"{name}_earliest", "date", f"The earliest day `{name}` allows; empty when open or absent{_UNKNOWN}."),
        Column(f"{name}_latest", "date", f"The latest day `{name}` allows; empty when open or absent{_UNKNOWN}."),
    )


def _edtf_cells(value: EDTF) -> tuple[Any, ...]:
    return value.text, None if value.open_start else value.earliest, None if value.open_end else value.latest


def _edtf_columns(f: FieldSpec) -> tuple[tuple[Column, ...], Spread | None]:
    return (
        Column(f.name, "string", f"{f.description} An EDTF string.", f.never_null),
        *_bound_columns(f.name),
    ), _edtf_cells


def _quantity_columns(f: FieldSpec) -> tuple[tuple[Column, ...], Spread | None]:
    columns = (
        Column(f.name, "integer", f.description, f.never_null),
        Column(f"{f.name}_qualifier", "string", f"How exact `{f.name}` is.", enum=_QUALIFIERS),
        Column(f"{f.name}_upper", "integer", f"The upper end when `{f.name}` is a range."),
    )
    return columns, attrgetter("value", "qualifier", "upper")


def _money_columns(f: FieldSpec) -> tuple[tuple[Column, ...], Spread | None]:
    columns = (
        Column(f"{f.name}_amount", "number", f.description, f.never_null),
        Column(f"{f.name}_currency", "string", f"The ISO 4217 currency of `{f.name}_amount`."),
        Column(f"{f.name}_qualifier", "string", f"How exact `{f.name}_amount` is.", enum=_QUALIFIERS),
    )
    return columns, lambda value: (value.model_dump(mode="json")["amount"], value.currency, value.qualifier)


def _list_columns(f: FieldSpec) -> tuple[tuple[Column, ...], Spread | None]:
    return (Column(f.name, "list", f.description, enum=f.allowed),), lambda value: (list(value),)


def _integer_columns(f: FieldSpec) -> tuple[tuple[Column, ...], Spread | None]:
    return (Column(f.name, "integer", f.description, f.never_null),), None


def _string_columns(f: FieldSpec) -> tuple[tuple[Column, ...], Spread | None]:
    return (Column(f.name, "string", f.description, f.never_null, f.allowed),), None


def _text_of_value_columns(f: FieldSpec) -> tuple[tuple[Column, ...], Spread | None]:
    """A value that may be text, a number or true/false (a discrepancy's value): its text."""
    return (Column(f.name, "string", f.description, f.never_null),), lambda value: (_scalar_text(value),)


_COLUMNS_BY_SHAPE: dict[Shape, Callable[[FieldSpec], tuple[tuple[Column, ...], Spread | None]]] = {
    "edtf": _edtf_columns,
    "quantity": _quantity_columns,
    "money": _money_columns,
    "list": _list_columns,
    "integer": _integer_columns,
    "text": _string_columns,
    "code": _string_columns,
}
"""The columns each shape of field becomes, and how to fill them; any other shape is its text."""


def _field_columns(f: FieldSpec) -> _FieldColumns:
    """The columns one model field becomes, and how to fill them."""
    return _FieldColumns(f.name, *_COLUMNS_BY_SHAPE.get(f.shape, _text_of_value_columns)(f))


def _model_columns(model: type[BaseModel], skip: Sequence[str] = ()) -> list[_FieldColumns]:
    return [_field_columns(f) for f in describe_fields(model) if f.name not in skip]


def _make_table(
    name: str,
    description: str,
    keys: Sequence[Column],
    fields: Sequence[_FieldColumns],
    rows: Iterable[tuple[tuple[Any, ...], Any]],
    primary_key: Sequence[str],
    foreign_keys: Sequence[ForeignKey] = (),
) -> Table:
    """A table whose rows are key cells followed by the cells of `fields` read from an object.

    Built a column at a time: each field is read from every object in one pass."""
    columns = (*keys, *(c for f in fields for c in f.columns))
    pairs = list(rows)
    key_columns = _transposed([key_cells for key_cells, _ in pairs], len(keys))
    values = _value_columns([f.name for f in fields], [obj for _, obj in pairs])
    cells = (column for f, value_column in zip(fields, values, strict=True) for column in f.cells(value_column))
    built = tuple(zip(*key_columns, *cells, strict=True))
    return Table(name, description, columns, built, tuple(primary_key), tuple(foreign_keys))


_ID = Column("id", "string", "The record's id.", required=True)
_TO_RECORDS = ForeignKey(("id",), "records", ("id",))


# -- the tables ---------------------------------------------------------------------------------


RECORD_COLUMNS = (
    _ID,
    Column("kind", "string", "The record kind.", required=True, enum=tuple(RECORD_TYPES)),
    Column("name", "string", "The record's name.", required=True),
    Column("date", "string", "The date that places the record on a timeline, as EDTF."),
    *_bound_columns("date"),
)
"""The columns of the `records` table."""


def _records_table(records: Sequence[RecordBase]) -> Table:
    rows = tuple(
        (r.id, r.kind, r.name, *(_edtf_cells(r.date_value) if r.date_value is not None else (None,) * 3))
        for r in records
    )
    return Table("records", "Every record: its id, kind, name and timeline date.", RECORD_COLUMNS, rows, ("id",))


def _links(fields: Mapping[str, str]) -> tuple[ForeignKey, ...]:
    """Foreign keys for a model's reference fields, each to the table of the kind it points at."""
    return tuple(ForeignKey((name,), KIND_TABLES[kind], ("id",)) for name, kind in fields.items())


def _kind_table(kind: str, records: Sequence[RecordBase]) -> Table:
    model = RECORD_TYPES[kind]
    specs = {f.name: f for f in describe_fields(model)}
    order = ["name", *(name for name in reading_order(model) if name not in _LONG_FIELDS)]
    fields = [_field_columns(specs[name]) for name in order]
    name = KIND_TABLES[kind]
    description = f"One row per {kind.replace('_', ' ')} record: {(model.__doc__ or '').strip()}"
    return _make_table(
        name,
        description,
        [_ID],
        fields,
        (((r.id,), r) for r in records),
        ["id"],
        [_TO_RECORDS, *_links(model.reference_fields)],
    )


def _actors_table(codes: Iterable[str]) -> Table:
    columns = (
        Column("code", "string", "The actor code used in the records.", required=True),
        Column("name", "string", "The actor's English name.", required=True),
        Column("actor_type", "string", "A state or an organisation.", required=True, enum=("state", "organisation")),
        *(
            Column(f"{system}_code", "integer", f"The state's {name} code (the USSR takes Russia's 365).")
            for system, name in STATE_SYSTEMS.items()
        ),
    )
    rows = tuple(
        (
            code,
            actor_name(code),
            "state" if is_state(code) else "organisation",
            *(state_code(code, system) for system in STATE_SYSTEMS),
        )
        for code in sorted(codes)
    )
    return Table("actors", "Every actor code the records use, with its name.", columns, rows, ("code",))


def _participants_table(roles: tuple[tuple[str, str, str], ...]) -> Table:
    """From `(id, field, actor code)` rows."""
    columns = (
        _ID,
        Column("role", "string", "The field that names the actor.", required=True, enum=ROLE_FIELDS),
        Column("actor", "string", "The actor code.", required=True),
    )
    return Table(
        "participants",
        "One row per actor named by a record, with the field (role) that names it.",
        columns,
        roles,
        ("id", "role", "actor"),
        (_TO_RECORDS, ForeignKey(("actor",), "actors", ("code",))),
    )


def _forces_table(exercises: Sequence[Exercise]) -> Table:
    number = Column("force", "integer", "The position of the entry in the exercise's forces, from 1.", required=True)
    rows = (((r.id, i), force) for r in exercises for i, force in enumerate(r.forces, 1))
    return _make_table(
        "forces",
        "Force numbers of exercises, per participant or in total.",
        [_ID, number],
        _model_columns(Force),
        rows,
        ["id", "force"],
        [ForeignKey(("id",), "exercises", ("id",))],
    )


_MEASURES = tuple(name for name in Force.model_fields if name != "participant")
"""The counts a force entry can give (troops, ships, ...)."""


def _forces_wide_table(exercises: Sequence[Exercise]) -> Table:
    """One row per exercise with forces, one column per participant (or `total`) and measure."""
    cells: dict[tuple[str, str], dict[str, int]] = {}
    for exercise in exercises:
        for force in exercise.forces:
            for measure in _MEASURES:
                count = getattr(force, measure)
                if count is not None:
                    cells.setdefault((force.participant or "total", measure), {})[exercise.id] = count.value
    keys = sorted(cells, key=lambda key: (key[0] != "total", key[0], _MEASURES.index(key[1])))
    columns = (
        _ID,
        *(
            Column(f"{who}_{measure}", "integer", f"{measure.capitalize()} of {who}, as the count's value.")
            for who, measure in keys
        ),
    )
    rows = tuple((e.id, *(cells[key].get(e.id) for key in keys)) for e in exercises)
    return Table(
        "forces_wide",
        "Force numbers with one column per participant and measure (`total` for totals across"
        " participants); each cell is the count's value, its qualifier is in the forces table.",
        columns,
        rows,
        ("id",),
        (ForeignKey(("id",), "exercises", ("id",)),),
    )


_CITATION_NUMBER = Column("citation", "integer", "The position of the citation in its list, from 1.", required=True)
_DISCREPANCY_NUMBER = Column("discrepancy", "integer", "The position of the discrepancy on its record, from 1.", True)
_TO_SOURCES = _links(Citation.reference_fields)


def _citations_table(records: Sequence[RecordBase]) -> Table:
    rows = (((r.id, i), c) for r in records for i, c in enumerate(r.citations, 1))
    return _make_table(
        "citations",
        "The passages that state each record's facts: source, locator and verbatim quote.",
        [_ID, _CITATION_NUMBER],
        _model_columns(Citation),
        rows,
        ["id", "citation"],
        [_TO_RECORDS, *_TO_SOURCES],
    )


def _discrepancies_table(records: Sequence[RecordBase]) -> Table:
    rows = (((r.id, i), d) for r in records for i, d in enumerate(r.discrepancies, 1))
    return _make_table(
        "discrepancies",
        "Alternative values that sources give for a record's fields, with the nature of each.",
        [_ID, _DISCREPANCY_NUMBER],
        _model_columns(Discrepancy, skip=["citations"]),
        rows,
        ["id", "discrepancy"],
        [_TO_RECORDS],
    )


def _discrepancy_citations_table(records: Sequence[RecordBase]) -> Table:
    rows = (
        ((r.id, i, j), c)
        for r in records
        for i, d in enumerate(r.discrepancies, 1)
        for j, c in enumerate(d.citations, 1)
    )
    return _make_table(
        "discrepancy_citations",
        "The citations that state each discrepancy's alternative value.",
        [_ID, _DISCREPANCY_NUMBER, _CITATION_NUMBER],
        _model_columns(Citation),
        rows,
        ["id", "discrepancy", "citation"],
        [ForeignKey(("id", "discrepancy"), "discrepancies", ("id", "discrepancy")), *_TO_SOURCES],
    )
