"""`Records`: the tuple of records that queries return, with a notebook display."""

from __future__ import annotations

from typing import Any, SupportsIndex, TypeVar, overload

from sinorus.models.display import records_html, records_repr
from sinorus.models.records import RecordBase

__all__ = ["Records"]

R_co = TypeVar("R_co", bound=RecordBase, covariant=True)


class Records(tuple[R_co, ...]):
    """An immutable sequence of records: a plain tuple with a short `repr` and an HTML table."""

    __slots__ = ()

    @overload
    def __getitem__(self, index: SupportsIndex) -> R_co: ...
    @overload
    def __getitem__(self, index: slice) -> Records[R_co]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> R_co | Records[R_co]:
        if isinstance(index, slice):
            return Records(super().__getitem__(index))
        return super().__getitem__(index)

    def __repr__(self) -> str:
        return records_repr(self)

    def _repr_html_(self) -> str:
        return records_html(self)

    @property
    def ids(self) -> tuple[str, ...]:
        """The records' ids, in order."""
        return tuple(r.id for r in self)

    def to_pandas(self, table: str | None = None) -> Any:
        """These records as a `pandas.DataFrame` (needs `sinorus[pandas]`), with the same typed
        columns as `Dataset.to_pandas`.

        `table` is a record kind or a table name (`"participants"`, `"forces_wide"`, ...);
        by default the wide table of the records' kind, or `"records"` when kinds are mixed.
        """
        from sinorus.frames import to_pandas

        return to_pandas(self._table(table))

    def to_polars(self, table: str | None = None) -> Any:
        """These records as a `polars.DataFrame` (needs `sinorus[polars]`); `table` as for `to_pandas`."""
        from sinorus.frames import to_polars

        return to_polars(self._table(table))

    def to_arrow(self, table: str | None = None) -> Any:
        """These records as a `pyarrow.Table` (needs `sinorus[arrow]`); `table` as for `to_pandas`."""
        from sinorus.frames import to_arrow

        return to_arrow(self._table(table))

    def _table(self, name: str | None) -> Any:
        from sinorus.tables import build_tables, resolve_table_name

        if name is None:
            kinds = {r.kind for r in self}
            name = kinds.pop() if len(kinds) == 1 else "records"
        return build_tables(self)[resolve_table_name(name)]
