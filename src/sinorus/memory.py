"""Building many objects at once without the cyclic garbage collector walking them all."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused"]


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, and restore it even on error.

    Loading records, building an index, flat tables or an export creates many objects and frees
    few, so the collections these would trigger walk every record already in memory for nothing;
    with 100,000 records that walk costs more than the work itself. Usable as a decorator; nested
    pauses leave the collector to the outermost one.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
