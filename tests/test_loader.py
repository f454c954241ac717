"""Loading record files: every error located by file, line and field, all of them at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import sinorus
from sinorus import DataError

SOURCE = """\
- kind: source
  id: report-2020
  name: A report
  source_type: report
  title: A Report
"""

EVENT = """\
- kind: event
  id: meeting-2020
  name: A meeting
  event_type: meeting
  date: "2020-05"
  actors: [CHN, RUS]
  citations:
    - source: report-2020
      locator: Chapter 1
      quote: They met.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems(folder: Path, **options: bool) -> list[str]:
    with pytest.raises(DataError) as info:
        sinorus.load(folder, **options)
    return [str(p) for p in info.value.problems]


def test_loads_a_folder_recursively(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", SOURCE)
    write(tmp_path, "nested/events.yml", EVENT)
    ds = sinorus.load(tmp_path)
    assert [r.id for r in ds] == ["meeting-2020", "report-2020"]
    assert ds["meeting-2020"].citations[0].source == "report-2020"


def test_every_problem_is_reported_with_file_line_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.yaml", SOURCE)
    write(
        tmp_path,
        "b.yaml",
        EVENT.replace("actors: [CHN, RUS]", "actors: [CHN, XYZ]").replace('"2020-05"', '"2020-13"') + "  colour: red\n",
    )
    write(tmp_path, "c.yaml", EVENT.replace("meeting-2020", "other").replace("report-2020", "nowhere"))
    found = problems(Path("."))
    assert found == [
        "b.yaml:5:9: date: record 'meeting-2020': '2020-13': month 13 is not 01-12 or a season 21-24",
        f"b.yaml:6:17: actors.1: record 'meeting-2020': {found[1].split(': ', 3)[3]}",
        "b.yaml:11:11: colour: record 'meeting-2020': unknown field",
        "c.yaml:8:15: citations.0.source: record 'other': refers to unknown id 'nowhere'",
    ]
    assert "unknown actor code 'XYZ'" in found[1]


def test_paths_are_shown_relative_to_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "data/x.yaml", "- kind: event\n")
    monkeypatch.chdir(tmp_path)
    assert problems(Path("data"))[0].startswith("data/x.yaml:1:3: ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "x.yaml: the file is empty"),
        ("kind: event\n", "x.yaml:1:1: a record file holds a list"),
        ("- kind: meeting\n  id: a\n", "x.yaml:1:9: kind: record 'a': unknown kind 'meeting'"),
        ("- id: a\n  name: A\n", "x.yaml:1:3: kind: record 'a': missing 'kind'"),
        ("- kind: event\n  id: a\n  name: A\n  event_type: call\n", "x.yaml:1:3: citations: record 'a': a record"),
        ("- kind: source\n  id: a\n  name: A\n  title: T\n", "x.yaml:1:3: source_type: record 'a': required"),
        ("- kind: source\n  id: a\n  id: b\n", "x.yaml:3:3: id: record #1: duplicate key 'id'"),
        ("- kind: source\n  name: NO\n  title: yes\n  id: 0755\n", "x.yaml:1:3: source_type: record '0755'"),
    ],
)
def test_single_file_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "x.yaml", text)
    found = problems(Path("x.yaml"))
    assert any(p.startswith(expected) for p in found), found


def test_bad_bytes(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_bytes(b"- kind: source\n  name: \xff\n")
    assert problems(tmp_path) == [f"{tmp_path / 'x.yaml'}: not valid UTF-8 at byte 23"]


def test_integrity(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", SOURCE + EVENT)
    write(tmp_path, "b.yaml", EVENT.replace("event_type: meeting", "event_type: call"))
    found = problems(tmp_path)
    assert found == [
        f"{tmp_path / 'b.yaml'}:2:7: id: record 'meeting-2020': duplicate id, first defined in {tmp_path / 'a.yaml'}:7"
    ]


def test_reference_kinds_are_checked(tmp_path: Path) -> None:
    text = (
        SOURCE
        + EVENT
        + EVENT.replace("id: meeting-2020", "id: e2").replace(
            "quote: They met.", "quote: They met.\n      primary_source: meeting-2020"
        )
    )
    write(tmp_path, "a.yaml", text)
    assert problems(tmp_path) == [
        f"{tmp_path / 'a.yaml'}:26:23: citations.0.primary_source: record 'e2': 'meeting-2020' is an event, not a source"
    ]


def test_invalid_records_do_not_cascade_into_reference_errors(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", SOURCE.replace("source_type: report", "source_type: pamphlet") + EVENT)
    found = problems(tmp_path)
    assert len(found) == 1
    assert "source_type" in found[0]


def test_missing_path(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope") == [f"{tmp_path / 'nope'}: no such file or directory"]
    assert problems(tmp_path)[0].endswith("no .yaml or .yml record files found")


def test_overlay_on_packaged_data(tmp_path: Path, dataset: sinorus.Dataset) -> None:
    packaged_source = dataset.sources[0].id
    write(tmp_path, "mine.yaml", EVENT.replace("report-2020", packaged_source))
    with pytest.raises(DataError):
        sinorus.load(tmp_path)
    combined = sinorus.load(tmp_path, with_packaged=True)
    assert len(combined) == len(dataset) + 1
    assert combined["meeting-2020"].citations[0].source == packaged_source


def test_overlay_cannot_silently_replace_a_packaged_record(tmp_path: Path, dataset: sinorus.Dataset) -> None:
    original = dataset.sources[0]
    clash = f"- kind: source\n  id: {original.id}\n  name: Replaced\n  source_type: report\n  title: T\n"
    write(tmp_path, "mine.yaml", clash)
    found = problems(tmp_path, with_packaged=True)
    assert found == [
        f"{tmp_path / 'mine.yaml'}:2:7: id: record '{original.id}': id already used by the packaged "
        "data (pass allow_overrides=True to replace that record)"
    ]
    replaced = sinorus.load(tmp_path, with_packaged=True, allow_overrides=True)
    assert replaced[original.id].name == "Replaced"
    assert len(replaced) == len(dataset)
    assert sinorus.load()[original.id] == original


def test_packaged_load_is_cached_and_thread_safe() -> None:
    results: list[sinorus.Dataset] = []
    threads = [threading.Thread(target=lambda: results.append(sinorus.load())) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16
    assert all(ds is results[0] for ds in results)


def test_oversized_files_are_refused_before_reading(tmp_path: Path) -> None:
    from sinorus.loading.files import MAX_FILE_BYTES

    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    assert problems(huge) == [f"{huge}: file is {MAX_FILE_BYTES + 1} bytes, over the {MAX_FILE_BYTES} limit"]


def test_an_override_must_keep_the_kind(tmp_path: Path, dataset: sinorus.Dataset) -> None:
    """A packaged source replaced by an event would leave every citation of it dangling."""
    source = dataset.sources[0].id
    write(tmp_path, "mine.yaml", EVENT.replace("meeting-2020", source).replace("report-2020", "csis-2022"))
    found = problems(tmp_path, with_packaged=True, allow_overrides=True)
    assert any(
        f"record '{source}': replaces a source: a record may only be replaced by one of its kind" in p for p in found
    )


def test_an_override_may_not_break_the_packaged_records_that_point_at_it(tmp_path: Path) -> None:
    """Integrity is checked across the merged dataset: instances of Joint Sea need their series."""
    replacement = """\
- kind: exercise
  id: joint-sea
  name: Joint Sea, now an instance
  participants: [CHN, RUS]
  citations:
    - source: csis-2022
      locator: Front matter
"""
    write(tmp_path, "mine.yaml", replacement)
    found = problems(tmp_path, with_packaged=True, allow_overrides=True)
    assert found
    assert all("record 'joint-sea': replacing it breaks" in p for p in found)
    assert any("'joint-sea-2013' (series): 'joint-sea' is not a series" in p for p in found)
