"""`Records`: the tuple of records that queries return, with a notebook display."""

from __future__ import annotations

from typing import SupportsIndex, TypeVar, overload

from sinorus.display import records_html, records_repr
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
