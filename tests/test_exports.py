"""Every export format, read back with the third-party reader its users would use."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import frictionless
import jsonschema
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sinorus.dataset import Dataset
from sinorus.export import record_to_json
from sinorus.models.records import Exercise
from sinorus.query import pointed_at
from sinorus.tables import TABLE_NAMES
from tests.test_cli import run

Capture = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def datapackage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    assert _main("export", "--format", "datapackage", "-o", str(folder)) == 0
    return folder


def _main(*args: str) -> int:
    from sinorus.cli import main

    return main(list(args))


def test_data_package_is_valid_for_frictionless(datapackage: Path, dataset: Dataset) -> None:
    descriptor = json.loads((datapackage / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == list(TABLE_NAMES)
    report = frictionless.validate(str(datapackage / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:20]
    package = frictionless.Package(str(datapackage / "datapackage.json"))
    rows = package.get_table_resource("records").read_rows()
    assert len(rows) == len(dataset)
    citations = package.get_resource("citations")
    assert citations.schema.primary_key == ["id", "citation"]
    assert {fk["reference"]["resource"] for fk in citations.schema.foreign_keys} == {"records", "sources"}


def test_frictionless_catches_a_broken_reference_in_the_package(datapackage: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(datapackage, copy)
    path = copy / "citations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(csv.reader([lines[1]]))
    lines[1] = lines[1].replace(f",{first[2]},", ",no-such-source,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert [e[0] for e in report.flatten(["type"])] == ["foreign-key"]


def test_csv_tables_read_back_with_pandas_and_polars(tmp_path: Path, capsys: Capture, dataset: Dataset) -> None:
    status, _, err = run(capsys, "export", "--format", "csv", "-o", str(tmp_path / "csv"))
    assert status == 0, err
    assert sorted(p.stem for p in (tmp_path / "csv").iterdir()) == sorted(TABLE_NAMES)
    exercises = pd.read_csv(tmp_path / "csv" / "exercises.csv", parse_dates=["date_earliest", "date_latest"])
    assert list(exercises["id"]) == [e.id for e in dataset.exercises]
    participants = exercises.set_index("id")["participants"].map(json.loads)
    vostok = dataset["vostok-2018"]
    assert isinstance(vostok, Exercise)
    assert participants["vostok-2018"] == list(vostok.participants)
    citations = pl.read_csv(tmp_path / "csv" / "citations.csv")
    quotes = {(r["id"], r["citation"]): r["quote"] for r in citations.iter_rows(named=True)}
    for record in dataset:
        for i, citation in enumerate(record.citations, 1):
            assert quotes[record.id, i] == citation.quote


def test_parquet_tables_read_back_with_their_types(tmp_path: Path, capsys: Capture, dataset: Dataset) -> None:
    status, _, _ = run(capsys, "export", "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert status == 0
    table = pq.read_table(tmp_path / "pq" / "arms_transfers.parquet")
    assert table.num_rows == len(dataset.arms_transfers)
    assert str(table.schema.field("order_date_earliest").type) == "date32[day]"
    aliases = table.schema.field("aliases").type
    assert pa.types.is_list(aliases)
    assert aliases.value_type == pa.string()
    frame = pd.read_parquet(tmp_path / "pq" / "forces.parquet")
    assert int(frame["troops"].max()) == max(f.troops.value for e in dataset.exercises for f in e.forces if f.troops)


def test_json_and_jsonl_hold_the_same_records(tmp_path: Path, capsys: Capture, dataset: Dataset) -> None:
    assert run(capsys, "export", "--format", "json", "-o", str(tmp_path / "all.json"))[0] == 0
    assert run(capsys, "export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"))[0] == 0
    array = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    lines = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert array == lines == [record_to_json(r) for r in dataset]


def test_every_exported_record_satisfies_the_json_schema(tmp_path: Path, capsys: Capture) -> None:
    assert run(capsys, "schema", "-o", str(tmp_path / "schema.json"))[0] == 0
    assert run(capsys, "export", "--format", "jsonl", "-o", str(tmp_path / "all.jsonl"))[0] == 0
    schema = json.loads((tmp_path / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    objects = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    for obj in objects:
        errors = list(validator.iter_errors(obj))
        assert not errors, (obj["id"], [e.message for e in errors[:3]])
    assert len(objects) > 300


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda o: o.update(kind="treaty"), "unknown kind"),
        (lambda o: o.pop("id"), "missing id"),
        (lambda o: o.update(date="2016-13"), "month 13"),
        (lambda o: o.update(participants=["China"]), "not an actor code"),
        (lambda o: o["citations"][0].pop("locator"), "citation without locator"),
    ],
)
def test_the_json_schema_rejects_broken_records(change: Any, why: str, dataset: Dataset) -> None:
    from sinorus.export import record_json_schema

    obj = record_to_json(dataset["vostok-2018"])
    jsonschema.validate(obj, record_json_schema())
    change(obj)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(obj, record_json_schema())


def test_a_kind_exports_as_a_valid_package_with_what_it_points_at(
    tmp_path: Path, capsys: Capture, dataset: Dataset
) -> None:
    status, _, err = run(capsys, "export", "--format", "datapackage", "--kind", "exercise", "-o", str(tmp_path / "x"))
    assert status == 0, err
    report = frictionless.validate(str(tmp_path / "x" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
    kinds = pd.read_csv(tmp_path / "x" / "records.csv")["kind"].value_counts().to_dict()
    assert kinds["exercise"] == len(dataset.exercises)
    assert set(kinds) == {"exercise", "source"}


def test_a_selection_missing_its_sources_is_refused_by_name(tmp_path: Path, dataset: Dataset) -> None:
    from sinorus.export import export

    with pytest.raises(ValueError, match="with_references") as error:
        export(dataset.exercises, tmp_path / "x", "csv")
    ids = {r.id for r in dataset.exercises}
    missing = sorted({target for r in dataset.exercises for target in pointed_at(r)} - ids)
    assert f"point at {len(missing)} records not among them ({missing[0]}, " in str(error.value)
    closed = dataset.with_references(dataset.exercises)
    assert export(closed, tmp_path / "x", "csv") == len(closed)


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    status, _, err = run(capsys, "export", "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert status == 2
    assert "pip install 'sinorus[arrow]'" in err


def test_export_takes_the_format_from_the_file_name(tmp_path: Path, capsys: Capture, dataset: Dataset) -> None:
    assert run(capsys, "export", "-o", str(tmp_path / "all.jsonl"))[0] == 0
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == len(dataset)
    assert run(capsys, "export", "-o", str(tmp_path / "all.json"))[0] == 0
    assert isinstance(json.loads((tmp_path / "all.json").read_text(encoding="utf-8")), list)
    assert run(capsys, "schema", "-o", str(tmp_path / "record.schema.json"))[0] == 0
    assert "$schema" in json.loads((tmp_path / "record.schema.json").read_text(encoding="utf-8"))
    assert run(capsys, "schema", "-o", str(tmp_path / "record.schema.json"))[0] == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-o", "out.csv"], "cannot tell the format from 'out.csv'"),
        (["-o", "records"], "cannot tell the format from 'records'"),
        (["--format", "json", "-o", "x.jsonl"], "'x.jsonl' names a jsonl file but --format is json"),
        (["--format", "csv", "-o", "-"], "csv writes a folder of files, not standard output"),
    ],
)
def test_export_refuses_an_output_it_cannot_write(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch, arguments: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "export", *arguments)
    assert status == 2
    assert message in err
    assert not list(tmp_path.iterdir())


def test_export_to_standard_output(capsys: Capture, dataset: Dataset) -> None:
    status, out, _ = run(capsys, "export", "--format", "jsonl", "--kind", "agreement", "-o", "-")
    assert status == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == list(dataset.agreements.ids)
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert json.loads(out)["title"] == "sinorus record"


def test_the_schema_as_an_export_format_still_works_and_says_it_goes(
    tmp_path: Path, capsys: Capture, dataset: Dataset
) -> None:
    from sinorus.export import export

    status, _, err = run(capsys, "export", "--format", "jsonschema", "-o", str(tmp_path / "old.schema.json"))
    assert status == 0
    assert "deprecated" in err
    assert "sinorus schema" in err
    with pytest.warns(DeprecationWarning, match="write_json_schema"):
        export(dataset, tmp_path / "older.schema.json", "jsonschema")
    status, new, _ = run(capsys, "schema")
    assert json.loads(new) == json.loads((tmp_path / "old.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["tables", "frames"])
def test_the_old_module_names_warn(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    monkeypatch.delitem(sys.modules, f"sinorus.export.{name}", raising=False)
    with pytest.warns(DeprecationWarning, match=f"use sinorus.{name}"):
        module = importlib.import_module(f"sinorus.export.{name}")
    assert module.__all__ == importlib.import_module(f"sinorus.{name}").__all__
