"""The SQLite export: every table with its keys, the full-text index, the descriptions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import sinorus
from sinorus.dataset import Dataset
from sinorus.errors import ExportError
from sinorus.export import export
from sinorus.export import sqlite as sqlite_export
from sinorus.models.records import ArmsTransfer
from sinorus.tables import build_tables
from tests.test_cli import run

Capture = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("db") / "sinorus.sqlite"
    from sinorus.cli import main

    assert main(["export", "-o", str(path)]) == 0
    return sqlite3.connect(path)


def test_every_table_is_written_with_its_rows_and_keys(database: sqlite3.Connection, dataset: Dataset) -> None:
    for table in build_tables(dataset.records).values():
        (count,) = database.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()
        assert count == len(table.rows), table.name
        info = database.execute(f'PRAGMA table_info("{table.name}")').fetchall()
        assert [row[1] for row in info] == [c.name for c in table.columns]
        assert [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]] == list(table.primary_key)
        keys = {(row[2], row[3]) for row in database.execute(f'PRAGMA foreign_key_list("{table.name}")')}
        assert keys == {(k.table, c) for k in table.foreign_keys for c in k.columns}
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []


def test_values_keep_their_meaning(database: sqlite3.Connection, dataset: Dataset) -> None:
    s400 = dataset["s-400-rus-to-chn-2014"]
    assert isinstance(s400, ArmsTransfer)
    assert s400.value is not None
    assert s400.order_date is not None
    row = database.execute(
        "SELECT order_date, order_date_earliest, value_amount, value_currency FROM arms_transfers WHERE id = ?",
        (s400.id,),
    ).fetchone()
    assert row == (str(s400.order_date), s400.order_date.earliest.isoformat(), int(s400.value.amount), "USD")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        database.execute("UPDATE arms_transfers SET category = 'tanks' WHERE id = ?", (s400.id,))


def test_search_finds_names_aliases_and_quotes_in_any_script(database: sqlite3.Connection) -> None:
    def found(text: str) -> set[tuple[str, str]]:
        rows = database.execute("SELECT id, field FROM search WHERE search MATCH ?", (text,)).fetchall()
        return set(rows)

    assert ("vostok-2018", "name") in found("Vostok")
    assert any(field == "alias" for _, field in found("Восток"))
    assert ("tor-m1-rus-to-chn-two-batches", "quote") in found('"道尔"')


def test_the_database_describes_itself(database: sqlite3.Connection, dataset: Dataset) -> None:
    about = dict(database.execute("SELECT key, value FROM _dataset").fetchall())
    assert about == {
        "sinorus_version": sinorus.__version__,
        "data_version": sinorus.DATA_VERSION,
        "licence": "CC-BY-4.0",
    }
    tables = {**build_tables(dataset.records), sqlite_export.BROWSE_VIEW.name: sqlite_export.BROWSE_VIEW}
    described = dict(database.execute("SELECT name, description FROM _tables").fetchall())
    assert described == {name: table.description for name, table in tables.items()}
    columns = database.execute("SELECT table_name, column_name, description FROM _columns").fetchall()
    assert len(columns) == sum(len(t.columns) for t in tables.values())
    assert all(description for _, _, description in columns)
    view = database.execute('PRAGMA table_info("records_by_year")').fetchall()
    assert [row[1] for row in view] == [c.name for c in sqlite_export.BROWSE_VIEW.columns]


def test_the_browsing_view_gives_each_record_its_year_and_actors(
    database: sqlite3.Connection, dataset: Dataset
) -> None:
    def rows(record_id: str) -> dict[str | None, tuple[str, int | None, set[str]]]:
        query = "SELECT actor, kind, year, roles FROM records_by_year WHERE id = ?"
        found = database.execute(query, (record_id,)).fetchall()
        return {actor: (kind, year, set((roles or "").split(", ")) - {""}) for actor, kind, year, roles in found}

    vostok = dataset["vostok-2018"]
    expected: dict[str, set[str]] = {}
    for field, _, code in vostok.actor_roles():
        expected.setdefault(code, set()).add(field)
    assert {actor: roles for actor, (_, _, roles) in rows(vostok.id).items()} == expected
    assert {year for _, year, _ in rows(vostok.id).values()} == {2018}
    spanning = next(
        r for r in dataset.events if r.date_value and r.date_value.earliest.year != r.date_value.latest.year
    )
    assert {year for _, year, _ in rows(spanning.id).values()} == {None}
    source = next(iter(dataset.sources))
    assert list(rows(source.id)) == [None]
    (with_china,) = database.execute("SELECT count(*) FROM records_by_year WHERE actor = 'CHN'").fetchone()
    assert with_china == len([r for r in dataset if "CHN" in {code for _, _, code in r.actor_roles()}])


def test_a_selection_is_closed_over_what_it_points_at(tmp_path: Path, capsys: Capture, dataset: Dataset) -> None:
    path = tmp_path / "exercises.db"
    status, _, err = run(capsys, "export", "--kind", "exercise", "-o", str(path))
    assert status == 0, err
    kinds = dict(sqlite3.connect(path).execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())
    assert kinds["exercise"] == len(dataset.exercises)
    assert set(kinds) == {"exercise", "source"}
    with pytest.raises(ExportError, match="with_references"):
        export(dataset.exercises, tmp_path / "open.sqlite", "sqlite")


def test_sqlite_is_not_written_to_standard_output(capsys: Capture) -> None:
    status, _, err = run(capsys, "export", "--format", "sqlite", "-o", "-")
    assert status == 2
    assert "sqlite writes a binary file, not standard output" in err


def test_a_write_cut_short_leaves_nothing_behind(
    tmp_path: Path, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(sqlite_export, "_fill", fail)
    with pytest.raises(OSError, match="disk full"):
        export(dataset.records, tmp_path / "all.sqlite", "sqlite")
    assert list(tmp_path.iterdir()) == []
