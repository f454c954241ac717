"""The loaded dataset: immutable records with lookups, filters and links."""

from __future__ import annotations

import threading
import warnings
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypedDict, TypeVar, get_args, get_origin, overload

from typing_extensions import Unpack

from sinorus.collection import Records
from sinorus.errors import QueryError, RecordNotFound
from sinorus.memory import collection_paused
from sinorus.models.actors import resolve_actor
from sinorus.models.base import Discrepancy
from sinorus.models.records import RECORD_TYPES, Agreement, ArmsTransfer, Event, Exercise, RecordBase, Source
from sinorus.query import (
    date_bounds,
    fold,
    names_of,
    pointed_at,
    sources_cited,
    timeline_key,
    type_of,
)

if TYPE_CHECKING:
    from sinorus.tables import Table

__all__ = ["ActorFilterRole", "Criteria", "Dataset"]

R = TypeVar("R", bound=RecordBase)
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

_SEARCH_FLOOR = 0.55
"""Search results must score above this."""
_MAX_BUCKETED_SPAN = 50
"""Records spanning more years than this (open intervals) are checked on every date query."""


ActorFilterRole = Literal["participant", "observer", "host", "any"]
"""How an actor asked for in `Dataset.filter` figures in a record."""


class Summary(TypedDict):
    """What `Dataset.summary` counts."""

    records: int
    by_kind: dict[str, int]
    citations: int
    discrepancies: int


class Criteria(TypedDict, total=False):
    """The criteria `Dataset.filter` takes besides `kind` (see its arguments); None means none."""

    participants: str | Iterable[str]
    any_participant: str | Iterable[str]
    role: ActorFilterRole
    supplier: str | None
    recipient: str | None
    year: int | None
    start: date | str | None
    end: date | str | None
    series: str | None
    type: str | None
    status: str | None
    domain: str | None
    source: str | None
    context: bool | None


class Dataset:
    """An immutable collection of records.

    Iterating yields records in timeline order. Indexes for names, actors, years,
    sources and links are built once, on first use, and are safe to build from
    several threads at once.
    """

    __slots__ = ("_by_id", "_indexes", "_lock", "_records")
    _records: tuple[RecordBase, ...]
    _by_id: dict[str, RecordBase]
    _indexes: dict[str, Any]
    _lock: threading.Lock

    def __init__(self, records: Iterable[RecordBase]) -> None:
        ordered = tuple(sorted(records, key=timeline_key))
        by_id = {record.id: record for record in ordered}
        if len(by_id) != len(ordered):
            raise QueryError("record ids must be unique")
        object.__setattr__(self, "_records", ordered)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_indexes", {})
        object.__setattr__(self, "_lock", threading.Lock())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Dataset is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Dataset is immutable")

    # -- collection protocol -------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[RecordBase]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return isinstance(item, RecordBase) and self._by_id.get(item.id) == item

    def __getitem__(self, record_id: str) -> RecordBase:
        try:
            return self._by_id[record_id]
        except KeyError:
            raise RecordNotFound(f"no record with id {record_id!r}") from None

    def __repr__(self) -> str:
        counts = ", ".join(f"{kind}={n}" for kind, n in self.counts().items())
        return f"<Dataset {len(self)} records: {counts}>"

    def _repr_html_(self) -> str:
        from sinorus.models.display import dataset_html

        return dataset_html(self)

    @overload
    def get(self, record_id: str) -> RecordBase | None: ...
    @overload
    def get(self, record_id: str, default: T) -> RecordBase | T: ...
    def get(self, record_id: str, default: Any = None) -> Any:
        """The record with this id, or `default` (None) when there is none."""
        return self._by_id.get(record_id, default)

    @property
    def records(self) -> Records[RecordBase]:
        """Every record, in timeline order."""
        return Records(self._records)

    # -- kinds ---------------------------------------------------------------

    def _of_type(self, cls: type[R]) -> Records[R]:
        return self._index(cls.__name__, lambda: Records(r for r in self._records if isinstance(r, cls)))

    @property
    def events(self) -> Records[Event]:
        """The event records, in timeline order."""
        return self._of_type(Event)

    @property
    def exercises(self) -> Records[Exercise]:
        """The exercise records (instances and series), in timeline order."""
        return self._of_type(Exercise)

    @property
    def agreements(self) -> Records[Agreement]:
        """The agreement records, in timeline order."""
        return self._of_type(Agreement)

    @property
    def arms_transfers(self) -> Records[ArmsTransfer]:
        """The arms transfer records, in timeline order."""
        return self._of_type(ArmsTransfer)

    @property
    def sources(self) -> Records[Source]:
        """The source records, in timeline order."""
        return self._of_type(Source)

    def counts(self) -> dict[str, int]:
        """The number of records of each kind."""
        counts = dict.fromkeys(RECORD_TYPES, 0)
        for record in self._records:
            counts[record.kind] += 1
        return counts

    def summary(self) -> Summary:
        """Records in all and per kind, with the totals of citations and recorded discrepancies."""
        return {
            "records": len(self._records),
            "by_kind": self.counts(),
            "citations": sum(len(r.citations) for r in self._records),
            "discrepancies": len(self.discrepancies()),
        }

    # -- lookups -------------------------------------------------------------

    def by_name(self, name: str) -> Records[RecordBase]:
        """Records whose id, name or an alias equals `name`, ignoring case and spacing."""
        first, shared = self._index("names", self._build_name_index)
        key = fold(name)
        positions = shared.get(key) or ((first[key],) if key in first else ())
        return Records(self._records[i] for i in positions)

    def lookup(self, name: str) -> RecordBase:
        """The one record with this id, name or alias; raises `LookupError` otherwise."""
        if name in self._by_id:
            return self._by_id[name]
        found = self.by_name(name)
        if not found:
            raise RecordNotFound(f"no record named {name!r}")
        if len(found) > 1:
            raise RecordNotFound(f"{name!r} names {len(found)} records: {', '.join(r.id for r in found)}")
        return found[0]

    def search(self, text: str, *, kind: str | None = None, limit: int = 10) -> Records[RecordBase]:
        """Records whose names best match `text`, best first: fuzzy, in any case, with or
        without accents, in Latin, Cyrillic or Chinese script (see `sinorus.search`)."""
        if limit < 1:
            raise QueryError(f"limit must be at least 1, not {limit}")
        from sinorus.search import NameIndex  # imported on first use: a load needs neither it nor the tables

        index = self._index("search", lambda: NameIndex([names_of(r) for r in self._records]))
        scores = index.search(text, _SEARCH_FLOOR)
        kinds = _checked_kinds(kind)
        found = [
            (score, self._records[i]) for i, score in scores.items() if kinds is None or self._records[i].kind in kinds
        ]
        found.sort(key=lambda pair: (-pair[0], timeline_key(pair[1])))
        return Records(r for _, r in found[:limit])

    # -- filters -------------------------------------------------------------

    @overload
    def filter(self, *, kind: Literal["event"], **criteria: Unpack[Criteria]) -> Records[Event]: ...
    @overload
    def filter(self, *, kind: Literal["exercise"], **criteria: Unpack[Criteria]) -> Records[Exercise]: ...
    @overload
    def filter(self, *, kind: Literal["agreement"], **criteria: Unpack[Criteria]) -> Records[Agreement]: ...
    @overload
    def filter(self, *, kind: Literal["arms_transfer"], **criteria: Unpack[Criteria]) -> Records[ArmsTransfer]: ...
    @overload
    def filter(self, *, kind: Literal["source"], **criteria: Unpack[Criteria]) -> Records[Source]: ...
    @overload
    def filter(
        self, *, kind: str | Iterable[str] | None = None, **criteria: Unpack[Criteria]
    ) -> Records[RecordBase]: ...
    def filter(self, *, kind: str | Iterable[str] | None = None, **criteria: Unpack[Criteria]) -> Records[Any]:
        """Records that match every criterion given, in timeline order.

        Args:
            kind: a record kind or several.

        Keyword Args:
            participants (str | Iterable[str]): actors that must all take part (in `role`); one actor or several.
            any_participant (str | Iterable[str]): actors of which at least one must take part (in `role`).
            role (ActorFilterRole): how `participants` and `any_participant` figure: `participant` (took
                part: an exercise's participants, an event's actors, an agreement's parties,
                a transfer's supplier or recipient), `observer`, `host` or `any`.
            supplier (str | None): the supplying state of an arms transfer.
            recipient (str | None): the receiving state of an arms transfer.
            year (int | None): a year the record's date may fall in.
            start (date | str | None): earliest date (a `date` or an EDTF string) the record's date may reach.
            end (date | str | None): latest date (a `date` or an EDTF string) the record's date may reach.
            series (str | None): an exercise series id.
            type (str | None): the type within the kind (event, agreement or source type, deal type,
                exercise level).
            status (str | None): an arms transfer status.
            domain (str | None): an exercise or agreement domain.
            source (str | None): a source id the record cites (directly, or through one of its parts).
            context (bool | None): True for context records only, False to leave them out.

        Actors are ISO 3166 alpha-3 or alpha-2 codes in any case, country names or
        organisation codes and names. A value that can match nothing (an unknown status,
        type, domain, series, source or actor) raises `sinorus.QueryError` naming the valid
        choices. Dates match by overlap: a record dated `2016` matches `year=2016` and
        `start="2016-05"`; records without a date never match a date criterion.
        """
        kinds = self._checked_criteria(kind, criteria)
        selected = self._indexed(kinds, criteria)
        candidates = self._records if selected is None else (self._records[i] for i in sorted(selected))
        type, status, domain = criteria.get("type"), criteria.get("status"), criteria.get("domain")
        context = criteria.get("context")
        return Records(r for r in candidates if _matches(r, type=type, status=status, domain=domain, context=context))

    def _checked_criteria(self, kind: str | Iterable[str] | None, criteria: Criteria) -> set[str] | None:
        """The kinds asked for, once every criterion is known to be able to match something."""
        for name in criteria:
            if name not in Criteria.__annotations__:
                raise QueryError.unknown("criterion", name, ["kind", *Criteria.__annotations__])
        kinds = _checked_kinds(kind)
        _check_choice("type", criteria.get("type"), _type_choices(kinds))
        _check_choice("status", criteria.get("status"), _choices(ArmsTransfer, "status"))
        _check_choice("domain", criteria.get("domain"), _choices(Exercise, "domains") + _choices(Agreement, "domains"))
        _check_choice("role", criteria.get("role", "participant"), get_args(ActorFilterRole))
        series, source = criteria.get("series"), criteria.get("source")
        if series is not None and not isinstance(self.get(series), Exercise):
            series_ids = [r.id for r in self.exercises if r.level == "series"]
            raise QueryError.unknown("series", series, series_ids)
        if source is not None and not isinstance(self.get(source), Source):
            raise QueryError.unknown("source", source, self.sources.ids)
        return kinds

    def _indexed(self, kinds: set[str] | None, criteria: Criteria) -> set[int] | None:
        """Positions of the records that the indexed criteria (kind, actors, series, source, dates)
        allow; None when no such criterion is given."""
        selected: set[int] | None = None

        def narrow(ids: Iterable[int]) -> None:
            nonlocal selected
            selected = set(ids) if selected is None else selected.intersection(ids)

        if kinds is not None:
            kind_index = self._index("kind", lambda: self._group(lambda r: (str(r.kind),)))
            narrow(i for k in kinds for i in kind_index.get(k, ()))
        role = criteria.get("role", "participant")
        actor_index = self._index("actors", lambda: self._group(_actor_keys))
        for code in _actors(criteria.get("participants", ())):
            narrow(actor_index.get((role, code), ()))
        wanted_any = _actors(criteria.get("any_participant", ()))
        if wanted_any:
            narrow(i for code in wanted_any for i in actor_index.get((role, code), ()))
        for transfer_role, actor in (("supplier", criteria.get("supplier")), ("recipient", criteria.get("recipient"))):
            if actor is not None:
                narrow(actor_index.get((transfer_role, resolve_actor(actor)), ()))
        series, source = criteria.get("series"), criteria.get("source")
        if series is not None:
            narrow(self._index("series", lambda: self._group(_series_of)).get(series, ()))
        if source is not None:
            source_index = self._index("cites", lambda: self._group(sources_cited))
            narrow(i for s in self._source_family(source) for i in source_index.get(s, ()))
        bounds = date_bounds(criteria.get("start"), criteria.get("end"), criteria.get("year"))
        if bounds is not None:
            narrow(self._dated_between(*bounds))
        return selected

    def dated(self, **criteria: Any) -> Records[RecordBase]:
        """Dated records matching `criteria` (as for `filter`), earliest first."""
        return Records(r for r in self.filter(**criteria) if r.date_value is not None)

    def timeline(self, **criteria: Any) -> Records[RecordBase]:
        """Deprecated name of `dated` (it filters; `sinorus.plot.timeline` draws); removed in 0.4."""
        warnings.warn("Dataset.timeline() is now Dataset.dated()", DeprecationWarning, stacklevel=2)
        return self.dated(**criteria)

    # -- links ---------------------------------------------------------------

    def records_citing(self, source_id: str) -> Records[RecordBase]:
        """Records that cite a source, or one of its parts (a report's chapters)."""
        return self.filter(source=source_id)

    def citing(self, source_id: str) -> Records[RecordBase]:
        """Deprecated name of `records_citing` (`sinorus.citing` formats references); removed in 0.4."""
        warnings.warn("Dataset.citing() is now Dataset.records_citing()", DeprecationWarning, stacklevel=2)
        return self.records_citing(source_id)

    def related(self, record_id: str) -> Records[RecordBase]:
        """Records linked to or from a record (related, series, agreement, part of)."""
        record = self[record_id]
        outgoing = set(_linked_ids(record))
        links = self._index("links", lambda: self._group(_linked_ids))
        linked = {self._position(i) for i in outgoing if i in self._by_id}.union(links.get(record_id, ()))
        return Records(self._records[i] for i in sorted(linked))

    def with_references(self, records: Iterable[RecordBase]) -> Records[RecordBase]:
        """`records` and every record they point at, directly or through others: cited and primary
        sources, the reports those are part of, series and agreements (not `related` records).

        A selection closed this way exports to tables whose foreign keys all resolve.
        """
        wanted: set[str] = set()
        pending = [r.id for r in records]
        while pending:
            record_id = pending.pop()
            if record_id not in wanted:
                wanted.add(record_id)
                pending.extend(pointed_at(self[record_id]))
        return Records(r for r in self._records if r.id in wanted)

    def discrepancies(
        self, *, nature: str | None = None, kind: str | None = None
    ) -> tuple[tuple[RecordBase, Discrepancy], ...]:
        """Recorded discrepancies with their records, in timeline order.

        Args:
            nature: only this nature (`conflict`, `error`, `spelling`, `garbled`,
                `swapped`, `count_mismatch`).
            kind: only on records of this kind.
        """
        return tuple(
            (r, d)
            for r in self._records
            if kind is None or r.kind == kind
            for d in r.discrepancies
            if nature is None or d.nature == nature
        )

    # -- tables --------------------------------------------------------------

    def tables(self) -> dict[str, Table]:
        """Every flat table (see `sinorus.tables`), keyed by name; built once."""
        from sinorus.tables import build_tables

        return self._index("tables", lambda: build_tables(self._records))

    def table(self, name: str) -> Table:
        """One flat table: a record kind (`"exercise"`) for its wide table, or a table name
        (`"participants"`, `"citations"`, `"discrepancies"`, ...)."""
        from sinorus.tables import resolve_table_name

        return self.tables()[resolve_table_name(name)]

    def to_pandas(self, table: str) -> Any:
        """A table as a `pandas.DataFrame` (needs `sinorus[pandas]`).

        `table` is a record kind (`"exercise"`: one row per record) or a long table
        (`"participants"`, `"citations"`, `"discrepancies"`, ...) that joins back on `id`.
        """
        from sinorus.frames import to_pandas

        return to_pandas(self.table(table))

    def to_polars(self, table: str) -> Any:
        """A table as a `polars.DataFrame` (needs `sinorus[polars]`); `table` as for `to_pandas`."""
        from sinorus.frames import to_polars

        return to_polars(self.table(table))

    def to_arrow(self, table: str) -> Any:
        """A table as a `pyarrow.Table` (needs `sinorus[arrow]`); `table` as for `to_pandas`."""
        from sinorus.frames import to_arrow

        return to_arrow(self.table(table))

    # -- indexes -------------------------------------------------------------

    def _index(self, name: str, build: Callable[[], T]) -> T:
        try:
            return self._indexes[name]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock, collection_paused():
            if name not in self._indexes:
                self._indexes[name] = build()
            return self._indexes[name]  # type: ignore[no-any-return]

    def _group(self, keys_of: Callable[[RecordBase], Iterable[K]]) -> dict[K, tuple[int, ...]]:
        groups: defaultdict[K, list[int]] = defaultdict(list)
        for i, record in enumerate(self._records):
            for key in set(keys_of(record)):
                groups[key].append(i)
        return {key: tuple(ids) for key, ids in groups.items()}

    def _position(self, record_id: str) -> int:
        positions: dict[str, int] = self._index("positions", lambda: {r.id: i for i, r in enumerate(self._records)})
        return positions[record_id]

    def _build_name_index(self) -> tuple[dict[str, int], dict[str, list[int]]]:
        """The position of the first record each folded id, name or alias names, and the
        positions of all of them for the few names several records share. (An id is its own
        folded form: lower-case, no spaces.)"""
        first: dict[str, int] = {}
        shared: dict[str, list[int]] = {}
        for i, record in enumerate(self._records):
            for key in (record.id, fold(record.name), *map(fold, record.aliases)):
                j = first.setdefault(key, i)
                if j != i:
                    positions = shared.setdefault(key, [j])
                    if positions[-1] != i:
                        positions.append(i)
        return first, shared

    def _source_family(self, source_id: str) -> set[str]:
        children: dict[str, tuple[int, ...]] = self._index(
            "parts", lambda: self._group(lambda r: (r.part_of,) if isinstance(r, Source) and r.part_of else ())
        )
        family, pending = set(), [source_id]
        while pending:
            current = pending.pop()
            if current not in family:
                family.add(current)
                pending.extend(self._records[i].id for i in children.get(current, ()))
        return family

    def _dated_between(self, low: date, high: date) -> list[int]:
        by_year, wide = self._index("years", self._build_year_index)
        if high.year - low.year < len(by_year):
            years: Iterable[int] = range(low.year, high.year + 1)
        else:
            years = (y for y in by_year if low.year <= y <= high.year)
        candidates = set(wide).union(*(by_year.get(y, ()) for y in years))
        return [i for i in candidates if _overlaps(self._records[i], low, high)]

    def _build_year_index(self) -> tuple[dict[int, list[int]], list[int]]:
        by_year: defaultdict[int, list[int]] = defaultdict(list)
        wide: list[int] = []
        for i, record in enumerate(self._records):
            value = record.date_value
            if value is None:
                continue
            first, last = value.earliest.year, value.latest.year
            if last - first > _MAX_BUCKETED_SPAN:
                wide.append(i)
            else:
                for year in range(first, last + 1):
                    by_year[year].append(i)
        return dict(by_year), wide


_TAKING_PART = ("participant", "supplier", "recipient")
"""The actor roles that count as taking part."""


def _actor_keys(record: RecordBase) -> Iterator[tuple[str, str]]:
    """Index keys `(role asked for, actor code)` under which a record is found."""
    for _, role, code in record.actor_roles():
        yield ("any", code)
        yield (role, code)
        if role in _TAKING_PART:
            yield ("participant", code)


def _actors(value: str | Iterable[str]) -> tuple[str, ...]:
    """Actor codes for one actor or several, each resolved from a code or a name."""
    return tuple(resolve_actor(v) for v in ((value,) if isinstance(value, str) else value))


def _checked_kinds(kind: str | Iterable[str] | None) -> set[str] | None:
    if kind is None:
        return None
    kinds = {kind} if isinstance(kind, str) else set(kind)
    for unknown in sorted(kinds - set(RECORD_TYPES)):
        raise QueryError.unknown("kind", unknown, RECORD_TYPES)
    return kinds


def _choices(model: type[RecordBase], field: str) -> tuple[str, ...]:
    """The values a `Literal` field (or a tuple of one) of a model can hold."""
    annotation = model.model_fields[field].annotation
    while get_origin(annotation) is not Literal:
        annotation = next(a for a in get_args(annotation) if a is not type(None) and a is not Ellipsis)
    return tuple(str(a) for a in get_args(annotation))


def _type_choices(kinds: set[str] | None) -> tuple[str, ...]:
    models = [RECORD_TYPES[k] for k in sorted(kinds)] if kinds else list(RECORD_TYPES.values())
    return tuple(choice for model in models for choice in _choices(model, model.type_field))


def _check_choice(what: str, value: str | None, choices: Iterable[str]) -> None:
    if value is not None and value not in choices:
        raise QueryError.unknown(what, value, choices)


def _overlaps(record: RecordBase, low: date, high: date) -> bool:
    value = record.date_value
    return value is not None and value.overlaps(low, high)


def _series_of(record: RecordBase) -> tuple[str, ...]:
    if isinstance(record, Exercise):
        return (record.series,) if record.series else (record.id,) if record.level == "series" else ()
    return ()


def _linked_ids(record: RecordBase) -> list[str]:
    """The ids a record links to, citations apart."""
    return [target for field, target in record.references() if not field.startswith(("citations.", "discrepancies."))]


def _matches(
    record: RecordBase, *, type: str | None, status: str | None, domain: str | None, context: bool | None
) -> bool:
    if type is not None and type_of(record) != type:
        return False
    if status is not None and getattr(record, "status", None) != status:
        return False
    if context is not None and getattr(record, "context", False) != context:
        return False
    return domain is None or domain in getattr(record, "domains", ())
