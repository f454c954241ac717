"""The compiled form shipped in the wheel: read back without validation, it gives exactly the
records the YAML gives, and a form that does not fit the models is not used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from sinorus.dataset import Dataset
from sinorus.loading import load as load_module
from sinorus.loading.compiled import data_digest
from sinorus.loading.files import find_files
from sinorus.loading.load import load_packaged
from sinorus.loading.shipped import read_shipped, shipped_name, write_shipped
from sinorus.models import Citation, Event, RecordBase
from tests.conftest import DATA


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_shipped(DATA, tmp_path_factory.mktemp("compiled"))


def test_the_form_is_named_by_the_data(shipped: Path) -> None:
    assert shipped.name == shipped_name(data_digest(DATA, find_files([DATA])))


def test_the_shipped_form_gives_exactly_the_records_the_yaml_gives(shipped: Path, dataset: Dataset) -> None:
    records = read_shipped(shipped)
    assert records is not None
    assert records == list(dataset)
    # repr shows every type: tuples, EDTF dates, Decimal amounts and nested models alike
    assert [repr(r) for r in records] == [repr(r) for r in dataset]
    assert [r.model_dump_json() for r in records] == [r.model_dump_json() for r in dataset]
    assert [r.model_fields_set for r in records] == [set(type(r).model_fields) for r in dataset]


def test_a_load_uses_the_shipped_form_when_there_is_one(
    shipped: Path, dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_yaml(*args: object, **kwargs: object) -> Dataset:
        raise AssertionError("the YAML was read although the package ships a compiled form")

    monkeypatch.setattr(load_module, "shipped_path", lambda digest: shipped.parent / shipped_name(digest))
    monkeypatch.setattr(load_module, "load_dataset", no_yaml)
    cache = tmp_path / "cache"
    assert list(load_packaged(cache)) == list(dataset)
    assert not cache.exists()


def test_a_load_without_a_shipped_form_reads_the_yaml(dataset: Dataset, tmp_path: Path) -> None:
    """A source checkout ships none: the packaged load reads YAML and fills the cache."""
    assert list(load_packaged(tmp_path)) == list(dataset)
    assert len(list(tmp_path.iterdir())) == 1


def at(model: type[BaseModel], field: str) -> int:
    """Where a row of the compiled form holds `field` of `model`."""
    return list(model.model_fields).index(field)


def spoil(rows: list[list[Any]], how: str) -> list[list[Any]]:
    if how == "missing field":
        rows[0].pop()
    elif how == "extra field":
        rows[-1].append("red")
    elif how == "unknown kind":
        rows[0][at(RecordBase, "kind")] = "meeting"
    elif how == "nested field missing":
        cited = next(row for row in rows if row[at(RecordBase, "citations")])
        cited[at(RecordBase, "citations")][0].pop(at(Citation, "locator"))
    elif how == "bad date":
        dated = next(row for row in rows if row[at(RecordBase, "kind")] == "event" and row[at(Event, "date")])
        dated[at(Event, "date")] = "2016-13"
    return rows


@pytest.mark.parametrize(
    "how", ["missing field", "extra field", "unknown kind", "nested field missing", "bad date", "not json"]
)
def test_a_form_that_does_not_fit_the_models_is_not_used(shipped: Path, tmp_path: Path, how: str) -> None:
    path = tmp_path / shipped.name
    if how == "not json":
        path.write_bytes(shipped.read_bytes()[:1000])
    else:
        path.write_text(json.dumps(spoil(json.loads(shipped.read_text(encoding="utf-8")), how)), encoding="utf-8")
    assert read_shipped(path) is None


def test_no_form_reads_as_none(tmp_path: Path) -> None:
    assert read_shipped(tmp_path / shipped_name("0" * 32)) is None
