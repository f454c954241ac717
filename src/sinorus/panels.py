"""Country-year and dyad-year panels, and an exercise-participant-year table, for
international-relations research.

Units are states in a state system: Correlates of War (`system="cow"`, columns `ccode`,
`ccode1`, `ccode2` as in peacesciencer), Gleditsch-Ward (`"gw"`, `gwcode`...) or ISO 3166
(`"iso"`, `iso3`...). A record counts for a state when the state takes part in it (an
exercise's participant, an event's actor, an agreement's party, a transfer's supplier or
recipient), in every year the record covers (`sinorus.query.years_of`). Context records are
left out unless asked for; records that cover no year, and states the system has no code for,
are left out and counted in the table's description. In the COW and G&W systems the USSR and
Russia share the code 365.

>>> import sinorus
>>> from sinorus import panels
>>> table = panels.country_year(sinorus.load(), start=2016, end=2016)
>>> [c.name for c in table.columns]
['ccode', 'year', 'events', 'exercises', 'agreements', 'arms_transfers']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import combinations, permutations
from typing import Literal, get_args

from sinorus.dataset import Dataset
from sinorus.errors import QueryError
from sinorus.models.actors import STATE_SYSTEMS, is_state, state_code
from sinorus.models.records import ArmsTransfer, Exercise, FactRecord
from sinorus.query import year_span, years_of
from sinorus.tables import KIND_TABLES, Column, Table

__all__ = ["System", "country_year", "dyad_year", "exercise_participant_year"]

System = Literal["cow", "gw", "iso"]
"""The state system whose codes name the units."""

Unit = int | str
"""A unit's code: a number in the COW and G&W systems, an alpha-3 code in the ISO system."""
_TAKING_PART = ("participant", "supplier", "recipient")
_UNIT_COLUMNS = {"cow": "ccode", "gw": "gwcode", "iso": "iso3"}
_COUNTED = tuple(kind for kind in KIND_TABLES if kind != "source")
"""The record kinds a panel counts, each in a column named after its table."""


class _Scope:
    """The records a panel counts, their units and years, and what was left out."""

    def __init__(self, dataset: Dataset, system: System, start: int | None, end: int | None, context: bool) -> None:
        if system not in _UNIT_COLUMNS:
            raise QueryError.unknown("system", system, get_args(System))
        self.system = system
        self.records = [
            r for r in dataset if isinstance(r, FactRecord) and r.kind in _COUNTED and (context or not r.context)
        ]
        span = year_span(self.records) or (0, 0)
        self.first = span[0] if start is None else start
        self.last = span[1] if end is None else end
        if self.first > self.last:
            raise QueryError(f"the panel starts in {self.first}, after it ends ({self.last}): no year would be counted")
        self.years = {r.id: years_of(r, (self.first, self.last)) for r in self.records}
        self.undated = sum(not years for years in self.years.values())
        self.uncoded: set[str] = set()

    def unit(self, actor: str) -> Unit | None:
        """The unit code of an actor, or None for an organisation or a state without a code."""
        if not is_state(actor):
            return None
        code = actor if self.system == "iso" else state_code(actor, self.system)
        if code is None:
            self.uncoded.add(actor)
        return code

    def taking_part(self, record: FactRecord) -> list[Unit]:
        """The distinct units that take part in a record, in the record's order."""
        units = (self.unit(code) for _, role, code in record.actor_roles() if role in _TAKING_PART)
        return list(dict.fromkeys(u for u in units if u is not None))

    def note(self, lead: str) -> str:
        left_out = f" {self.undated} records that cover no year in {self.first}-{self.last} are left out"
        uncoded = (
            f"; states without a {self.system} code, left out: {', '.join(sorted(self.uncoded))}"
            if (self.uncoded)
            else ""
        )
        return f"{lead}{left_out}{uncoded}."


def _count_columns() -> tuple[Column, ...]:
    return tuple(
        Column(KIND_TABLES[kind], "integer", f"The {kind.replace('_', ' ')} records counted.", required=True)
        for kind in _COUNTED
    )


def country_year(
    dataset: Dataset,
    *,
    system: System = "cow",
    start: int | None = None,
    end: int | None = None,
    context: bool = False,
) -> Table:
    """One row per state and year: how many records of each kind the state takes part in.

    Every state that takes part in a counted record gets every year from `start` to `end`
    (by default the years the records cover), with zero counts where it has none.
    """
    scope = _Scope(dataset, system, start, end, context)
    counts: Counter[tuple[Unit, int, str]] = Counter()
    units: set[Unit] = set()
    for record in scope.records:
        for unit in scope.taking_part(record):
            units.add(unit)
            for year in scope.years[record.id]:
                counts[unit, year, record.kind] += 1
    key = _UNIT_COLUMNS[system]
    columns = (_unit_column(key, system), Column("year", "integer", "The year.", required=True), *_count_columns())
    rows = tuple(
        (unit, year, *(counts[unit, year, kind] for kind in _COUNTED))
        for unit in sorted(units, key=_key)
        for year in range(scope.first, scope.last + 1)
    )
    lead = "Counts per kind of the records each state takes part in, per year they cover."
    return Table("country_year", scope.note(lead), columns, rows, (key, "year"))


def dyad_year(
    dataset: Dataset,
    *,
    system: System = "cow",
    directed: bool = False,
    start: int | None = None,
    end: int | None = None,
    context: bool = False,
) -> Table:
    """One row per pair of states and year: how many records of each kind both take part in.

    Undirected dyads have the smaller code first (`ccode1 < ccode2`, as in peacesciencer);
    directed dyads list both orders, except that an arms transfer counts only from supplier
    to recipient. Every dyad that appears in a counted record gets every year of the range.
    """
    scope = _Scope(dataset, system, start, end, context)
    counts: Counter[tuple[Unit, Unit, int, str]] = Counter()
    dyads: set[tuple[Unit, Unit]] = set()
    for record in scope.records:
        for pair in _pairs(record, scope, directed):
            dyads.add(pair)
            for year in scope.years[record.id]:
                counts[(*pair, year, record.kind)] += 1
    key = _UNIT_COLUMNS[system]
    columns = (
        _unit_column(f"{key}1", system),
        _unit_column(f"{key}2", system),
        Column("year", "integer", "The year.", required=True),
        *_count_columns(),
    )
    rows = tuple(
        (a, b, year, *(counts[a, b, year, kind] for kind in _COUNTED))
        for a, b in sorted(dyads, key=lambda dyad: (_key(dyad[0]), _key(dyad[1])))
        for year in range(scope.first, scope.last + 1)
    )
    name = "directed_dyad_year" if directed else "dyad_year"
    lead = "Counts per kind of the records both states take part in, per year they cover."
    return Table(name, scope.note(lead), columns, rows, (f"{key}1", f"{key}2", "year"))


def exercise_participant_year(
    dataset: Dataset, *, system: System = "cow", start: int | None = None, end: int | None = None
) -> Table:
    """One row per exercise instance, participating state and year the exercise covers."""
    scope = _Scope(dataset, system, start, end, context=True)
    key = _UNIT_COLUMNS[system]
    rows = tuple(
        (record.id, record.series, unit, year)
        for record in scope.records
        if isinstance(record, Exercise) and record.level == "instance"
        for unit in scope.taking_part(record)
        for year in scope.years[record.id]
    )
    columns = (
        Column("id", "string", "The exercise's id.", required=True),
        Column("series", "string", "The id of the exercise's series, if any."),
        _unit_column(key, system),
        Column("year", "integer", "A year the exercise covers.", required=True),
    )
    lead = "Each exercise instance with each participating state, in every year the exercise covers."
    return Table("exercise_participant_year", scope.note(lead), columns, rows, ("id", key, "year"))


def _unit_column(name: str, system: System) -> Column:
    if system == "iso":
        return Column(name, "string", "The state's ISO 3166 alpha-3 code.", required=True)
    return Column(name, "integer", f"The state's {STATE_SYSTEMS[system]} code.", required=True)


def _pairs(record: FactRecord, scope: _Scope, directed: bool) -> Iterator[tuple[Unit, Unit]]:
    """The dyads of units that take part in a record together (for a transfer: supplier first)."""
    if isinstance(record, ArmsTransfer):
        supplier, recipient = scope.unit(record.supplier), scope.unit(record.recipient)
        if supplier is not None and recipient is not None and supplier != recipient:
            yield (supplier, recipient) if directed else _ordered(supplier, recipient)
        return
    units = scope.taking_part(record)
    if directed:
        yield from permutations(units, 2)
    else:
        yield from (_ordered(a, b) for a, b in combinations(units, 2))


def _ordered(a: Unit, b: Unit) -> tuple[Unit, Unit]:
    return (a, b) if _key(a) < _key(b) else (b, a)


def _key(unit: Unit) -> tuple[int, str]:
    """Sorts units of one system: numeric codes by number, ISO codes alphabetically."""
    return (unit, "") if isinstance(unit, int) else (0, unit)
