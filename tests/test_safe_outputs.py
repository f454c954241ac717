"""Outputs that carry record text into other programs cannot be made to run it, and an export
replaces nothing it was not told to."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sinorus.citing import bibtex_entry
from sinorus.dataset import Dataset
from sinorus.export import export
from sinorus.models.records import Event, Source
from sinorus.tables import build_tables
from tests.test_cli import run

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"]


def formula_dataset() -> Dataset:
    source = Source(id="src", name="A source", source_type="news", title="T")
    events = [
        Event(
            id=f"e{i}",
            name=f"Event {i}",
            event_type="other",
            location=text,
            citations=[{"source": "src", "locator": "p. 1", "quote": text}],
        )
        for i, text in enumerate(FORMULAS)
    ]
    return Dataset([source, *events])


def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe(tmp_path: Path) -> None:
    ds = formula_dataset()
    export(ds, tmp_path / "csv", "csv")
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8", newline="") as stream:
        locations = [row["location"] for row in csv.DictReader(stream)]
    assert locations == ["'" + text for text in FORMULAS]
    with (tmp_path / "csv" / "citations.csv").open(encoding="utf-8", newline="") as stream:
        quotes = [row["quote"] for row in csv.DictReader(stream)]
    assert quotes == ["'" + text for text in FORMULAS]


def test_json_keeps_the_exact_value(tmp_path: Path) -> None:
    export(formula_dataset(), tmp_path / "records.jsonl", "jsonl")
    lines = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    locations = {record["id"]: record.get("location") for record in map(json.loads, lines)}
    assert [locations[f"e{i}"] for i in range(len(FORMULAS))] == FORMULAS


def test_only_text_is_marked_and_no_packaged_text_needs_it(dataset: Dataset) -> None:
    from sinorus.export.csv_tables import csv_cell

    assert csv_cell(-5) == "-5"
    assert [csv_cell(text) for text in ("-5", "\tTab", "\rReturn")] == ["'-5", "'\tTab", "'\rReturn"]
    tables = build_tables(dataset.records).values()
    texts = [v for table in tables for row in table.rows for v in row if isinstance(v, str)]
    assert len(texts) > 10_000
    assert [t for t in texts if csv_cell(t) != t] == []


def test_bibtex_escapes_every_field_and_the_url() -> None:
    source = Source(
        id="src",
        name="A source",
        source_type="news",
        title="50% of {braces} & ~tilde^ \\ #1",
        outlet="Outlet_name $",
        url='https://example.org/a b}{"x"\\',
    )
    entry = bibtex_entry(Dataset([source]), source)
    assert (
        "title = {{50\\% of \\{braces\\} \\& \\textasciitilde{}tilde\\textasciicircum{} \\textbackslash{} \\#1}}"
        in entry
    )
    assert "Outlet\\_name \\$" in entry
    assert "url = {https://example.org/a%20b%7D%7B%22x%22%5C}" in entry
    body = entry.split("\n", 1)[1]
    assert body.count("{") == body.count("}") - 1  # balanced, and the entry's own closing brace


def test_export_refuses_to_replace_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "records.jsonl"
    target.write_text("mine", encoding="utf-8")
    status, _, err = run(capsys, "export", "-o", str(target))
    assert status == 2
    assert "exists; pass --force" in err
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "export", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") != "mine"


def test_export_refuses_a_symbolic_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("mine", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    status, _, err = run(capsys, "export", "-o", str(link), "--force")
    assert status == 2
    assert "symbolic link" in err
    assert real.read_text(encoding="utf-8") == "mine"


def test_a_replaced_package_keeps_no_stale_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "package"
    assert run(capsys, "export", "--format", "csv", "-o", str(package))[0] == 0
    (package / "old_table.csv").write_text("a\n1\n", encoding="utf-8")
    assert run(capsys, "export", "--format", "datapackage", "-o", str(package))[0] == 2
    assert run(capsys, "export", "--format", "datapackage", "-o", str(package), "--force")[0] == 0
    names = {p.name for p in package.iterdir()}
    assert "old_table.csv" not in names
    assert "datapackage.json" in names


def test_a_folder_holding_other_files_is_never_cleared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    status, _, err = run(capsys, "export", "--format", "csv", "-o", str(tmp_path), "--force")
    assert status == 2
    assert "notes.txt" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_panel_refuses_to_replace_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "panel.csv"
    target.write_text("mine", encoding="utf-8")
    assert run(capsys, "panel", "country-year", "-o", str(target))[0] == 2
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "panel", "country-year", "-o", str(target), "--force")[0] == 0


def test_the_first_and_last_days_of_the_calendar_are_closed_dates() -> None:
    """`0001` and `9999-12-31` are dates like any other, not open ends: their cells are filled."""
    source = Source(id="src", name="A source", source_type="news", title="T", date="0001")
    last = Source(id="src2", name="Another", source_type="news", title="T", date="9999-12-31")
    rows = build_tables([source, last])["sources"]
    columns = [c.name for c in rows.columns]
    earliest, latest = columns.index("date_earliest"), columns.index("date_latest")
    assert [(str(r[earliest]), str(r[latest])) for r in rows.rows] == [
        ("0001-01-01", "0001-12-31"),
        ("9999-12-31", "9999-12-31"),
    ]
