"""Bulk work runs with the cyclic garbage collector paused, and always gives it back."""

from __future__ import annotations

import gc

import pytest

from sinorus.dataset import Dataset
from sinorus.memory import collection_paused


def _fail_while_paused(seen: list[bool]) -> None:
    with collection_paused():
        seen.append(gc.isenabled())
        raise ValueError("boom")


def test_the_collector_is_paused_while_working_and_restored_after_an_error() -> None:
    assert gc.isenabled()
    seen: list[bool] = []
    with pytest.raises(ValueError, match="boom"):
        _fail_while_paused(seen)
    assert seen == [False]
    assert gc.isenabled()


def test_a_pause_inside_a_pause_leaves_the_collector_to_the_outer_one() -> None:
    with collection_paused():
        with collection_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_user_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_indexes_are_built_with_the_collector_paused(dataset: Dataset) -> None:
    fresh = Dataset(dataset.records)
    seen: list[bool] = []
    fresh._index("probe", lambda: seen.append(gc.isenabled()))
    assert seen == [False]
    assert gc.isenabled()
    assert fresh.by_name("vostok-2018")[0].id == "vostok-2018"
