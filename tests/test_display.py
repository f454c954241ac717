"""What records look like in a console and a notebook."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

from sinorus.collection import Records
from sinorus.dataset import Dataset
from sinorus.models.display import HTML_ROWS
from sinorus.models.records import Event, Exercise
from sinorus.query import actors_of


class _Cells(HTMLParser):
    """Collects the text of each table row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        self._in_cell = tag in ("td", "th")
        if self._in_cell:
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.rows[-1][-1] += data


def table_rows(html: str) -> list[list[str]]:
    parser = _Cells()
    parser.feed(html)
    return parser.rows


def test_queries_return_records_with_a_short_repr(dataset: Dataset) -> None:
    exercises = dataset.filter(kind="exercise", participants=["CHN", "RUS"], year=2018)
    assert isinstance(exercises, Records)
    assert isinstance(exercises, tuple)
    assert repr(exercises).startswith(f"<Records {len(exercises)}: ")
    assert len(repr(dataset.events)) < 300
    assert exercises.ids == tuple(r.id for r in exercises)


def test_record_repr_is_one_short_line(dataset: Dataset) -> None:
    record = dataset["vostok-2018"]
    assert repr(record) == f"<Exercise vostok-2018: {record.name!r}, {record.date_value}>"
    assert all("\n" not in repr(r) and len(repr(r)) < 400 for r in dataset)


def test_collection_html_is_a_table_of_id_name_date_participants(dataset: Dataset) -> None:
    exercises = dataset.exercises[:HTML_ROWS]
    rows = table_rows(exercises._repr_html_())
    assert rows[0] == ["id", "kind", "name", "date", "participants"]
    assert len(rows) == len(exercises) + 1
    for record, row in zip(exercises, rows[1:], strict=True):
        assert row[0] == record.id
        assert row[2] == record.name
        assert row[3] == (str(record.date_value) if record.date_value else "")
        assert set(row[4].split()) == set(actors_of(record))


def test_long_collections_are_cut_with_a_count(dataset: Dataset) -> None:
    html = dataset.events._repr_html_()
    assert len(table_rows(html)) == HTML_ROWS + 1
    assert f"and {len(dataset.events) - HTML_ROWS} more" in html


def test_html_escapes_text() -> None:
    record = Event(id="x", name="<script>alert(1)</script> & co", event_type="other", citations=[
        {"source": "s", "locator": "<b>", "quote": "a < b"}])  # fmt: skip
    for html in (record._repr_html_(), Records([record])._repr_html_()):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html


def test_record_html_shows_every_citation_quote(dataset: Dataset) -> None:
    record = dataset["vostok-2018"]
    html = record._repr_html_()
    rows = {row[0]: row[1] for row in table_rows(html)}
    assert isinstance(record, Exercise)
    assert rows["participants"] == "; ".join(record.participants)
    troops = [f"troops {force.troops}" for force in record.forces if force.troops is not None]
    assert troops
    assert all(figure in rows["forces"] for figure in troops)
    plain = html.replace("&quot;", '"').replace("&#x27;", "'")
    assert all(c.quote is not None and c.quote in plain for c in record.citations)


def test_dataset_html_counts_each_kind(dataset: Dataset) -> None:
    rows = table_rows(dataset._repr_html_())
    assert {row[0]: row[1] for row in rows[1:]} == {kind: str(n) for kind, n in dataset.counts().items()}


def test_import_and_load_print_nothing_and_warn_nothing() -> None:
    code = "import sinorus; ds = sinorus.load(); ds.to_pandas('exercise'); ds.exercises._repr_html_()"
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""


def test_slices_stay_records_and_str_lists_the_fields(dataset: Dataset) -> None:
    first = dataset.events[:3]
    assert isinstance(first, Records)
    assert first.ids == tuple(r.id for r in dataset.events)[:3]
    assert dataset.events[0] is first[0]
    lines = str(dataset["vostok-2018"]).splitlines()
    assert lines[:3] == ["id: vostok-2018", "kind: exercise", "name: Vostok 2018"]
    assert "  - participant: CHN" in lines
