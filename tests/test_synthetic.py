"""The synthetic dataset generator makes valid data of the size asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.synthetic import write

import sinorus


@pytest.mark.parametrize("count", [1, 60, 2500])
def test_generated_datasets_load_with_every_check(tmp_path: Path, count: int) -> None:
    write(tmp_path, count, seed=count, per_file=1000)
    ds = sinorus.load(tmp_path)
    assert len(ds) == count
    if count >= 60:
        assert set(ds.counts().values()) != {0}
        assert ds.filter(kind="exercise", series="synthetic-alpha")
