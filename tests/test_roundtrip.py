"""Lossless round trips: records written to the authoring format read back equal, and
``sinorus fmt`` rewrites files without changing a single record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

import sinorus
from sinorus.cli import main
from sinorus.dataset import Dataset
from sinorus.export import record_to_json
from sinorus.loading.strict_yaml import read_yaml
from sinorus.loading.writer import CommentsWouldBeLost, dump_records, format_text
from sinorus.models.records import Record, RecordBase
from tests.conftest import DATA
from tests.strategies import records

adapter = TypeAdapter(list[Record])
TRAPS = [
    "NO",
    "yes",
    "on",
    "0755",
    "1:30",
    "1e3",
    "2016-05-12",
    "~",
    "null",
    "true",
    "- x",
    "a: b",
    "#c",
    "'q'",
    '"',
    "&anchor",
    "*alias",
    "!tag",
    "%",
    "@",
    "`",
    "{a}",
    "[b]",
    "line\nbreak",
    "tab\there",
    "é 中文 кириллица",
]


def read_back(text: str) -> list[RecordBase]:
    data, _ = read_yaml(text)
    return list(adapter.validate_python(data))


def test_every_packaged_record_reads_back_equal(dataset: Dataset) -> None:
    assert read_back(dump_records(dataset)) == list(dataset.records)


@settings(max_examples=150, deadline=None)
@given(st.lists(records(), max_size=5))
def test_generated_records_read_back_equal(items: list[RecordBase]) -> None:
    assert read_back(dump_records(items)) == items


@settings(max_examples=60, deadline=None)
@given(records(), st.sampled_from(TRAPS), st.sampled_from(TRAPS))
def test_strings_that_look_like_other_types_stay_strings(record: RecordBase, name: str, alias: str) -> None:
    tricky = record.model_copy(update={"name": f"x{name}" if name != name.strip() else name, "aliases": (alias,)})
    tricky = type(record).model_validate(tricky.model_dump())
    assert read_back(dump_records([tricky])) == [tricky]


def test_fmt_keeps_every_record_and_is_idempotent(tmp_path: Path, dataset: Dataset) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    assert main(["fmt", str(copy)]) == 0
    assert list(sinorus.load(copy)) == list(dataset)
    assert main(["fmt", str(copy), "--check"]) == 0
    for original in DATA.rglob("*.yaml"):
        comments = [line for line in original.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        kept = (copy / original.relative_to(DATA)).read_text(encoding="utf-8").splitlines()
        assert [line for line in kept if line.startswith("#")] == comments, original.name


def test_the_packaged_files_are_in_canonical_form() -> None:
    assert main(["fmt", str(DATA), "--check"]) == 0


def test_fmt_keeps_section_comments_before_their_record(dataset: Dataset) -> None:
    first, second = dataset.events[:2]
    text = (
        "# Header\n\n# Section one\n"
        + dump_records([first])
        + "\n# Section two\n\n"
        + dump_records([second])
        + "# The end\n"
    )
    formatted = format_text(text, [first, second])
    assert formatted == (
        "# Header\n\n# Section one\n"
        + dump_records([first])
        + "\n# Section two\n"
        + dump_records([second])
        + "\n# The end\n"
    )
    assert format_text(formatted, [first, second]) == formatted


def test_fmt_keeps_the_header_and_refuses_to_drop_other_comments(dataset: Dataset) -> None:
    record = dataset.events[0]
    text = "# A header\n# of two lines\n" + dump_records([record])
    assert format_text(text, [record]) == text
    with pytest.raises(CommentsWouldBeLost, match="line 4"):
        format_text(text.replace("\n  name:", "  # a remark\n  name:", 1), [record])


def test_fmt_check_reports_files_that_would_change(tmp_path: Path, dataset: Dataset) -> None:
    untidy = tmp_path / "x.yaml"
    source = dataset["yu-bin-2016"]
    untidy.write_text(json.dumps([record_to_json(source)], ensure_ascii=False), encoding="utf-8")
    before = untidy.read_text(encoding="utf-8")
    assert main(["fmt", str(untidy), "--check"]) == 1
    assert untidy.read_text(encoding="utf-8") == before
    assert main(["fmt", str(untidy)]) == 0
    assert sinorus.load(untidy)[source.id] == source
