"""References for records and for the dataset: plain text, BibTeX and CITATION.cff."""

from __future__ import annotations

import json
import re

import pytest
import yaml

import sinorus
from sinorus.citing import DATASET_AUTHOR, DATASET_TITLE, bibtex_entry, reference_text, sources_behind
from sinorus.dataset import Dataset
from sinorus.models.records import Source
from tests.conftest import ROOT
from tests.test_cli import run


def test_sources_behind_a_record_are_its_cited_and_primary_sources(dataset: Dataset) -> None:
    for record in dataset:
        if isinstance(record, Source):
            assert sources_behind(dataset, record.id) == (record,)
            continue
        citations = [*record.citations, *(c for d in record.discrepancies for c in d.citations)]
        expected = {c.source for c in citations} | {c.primary_source for c in citations if c.primary_source}
        assert {s.id for s in sources_behind(dataset, record.id)} == expected


def test_plain_reference_names_authors_title_venue_and_address(dataset: Dataset) -> None:
    source = dataset["polonchuk-2021-military-cooperation"]
    assert isinstance(source, Source)
    text = reference_text(dataset, source)
    assert text.startswith("Ruslan Polonchuk (2021). Военное сотрудничество России и Китая [Russia and China")
    assert source.outlet is not None
    assert source.outlet in text
    assert source.url is not None
    assert text.endswith(source.url)


def test_a_chapter_reference_names_its_report(dataset: Dataset) -> None:
    chapter = dataset["csis-2022-russian-views-exercises"]
    report = dataset["csis-2022"]
    assert isinstance(chapter, Source)
    assert isinstance(report, Source)
    text = reference_text(dataset, chapter)
    assert f"In {report.title}" in text
    entry = bibtex_entry(dataset, chapter)
    assert entry.startswith("@incollection{csis-2022-russian-views-exercises,")
    assert f"booktitle = {{{report.title}}}" in entry


def _balanced(text: str) -> bool:
    depth = 0
    for i, char in enumerate(text):
        if char in "{}" and (i == 0 or text[i - 1] != "\\"):
            depth += 1 if char == "{" else -1
            if depth < 0:
                return False
    return depth == 0


def test_every_source_gives_a_well_formed_bibtex_entry(dataset: Dataset) -> None:
    keys = []
    for source in dataset.sources:
        entry = bibtex_entry(dataset, source)
        match = re.match(r"@(\w+)\{([a-z0-9-]+),\n", entry)
        assert match, entry
        keys.append(match.group(2))
        assert _balanced(entry), entry
        assert entry.endswith("\n}")
        assert all(re.fullmatch(r"  [a-z]+ = \{.*\},", line) for line in entry.splitlines()[1:-1]), entry
    assert keys == [s.id for s in dataset.sources]


def test_bibtex_escapes_special_characters(dataset: Dataset) -> None:
    entry = bibtex_entry(dataset, "vinokurov-2019")
    assert r"Russia \& China" in entry
    source = dataset["vinokurov-2019"]
    assert isinstance(source, Source)
    assert entry == bibtex_entry(dataset, source)
    with pytest.raises(ValueError, match="not a source"):
        reference_text(dataset, "vostok-2018")


def test_cite_command_prints_text_then_bibtex(capsys: pytest.CaptureFixture[str], dataset: Dataset) -> None:
    status, out, _ = run(capsys, "cite", "vostok-2018")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == len(sources_behind(dataset, "vostok-2018")) + 1
    assert lines[-1].startswith("Data: ")
    status, out, _ = run(capsys, "cite", "vostok-2018", "--bibtex")
    assert status == 0
    assert out.count("\n@") + out.startswith("@") == len(sources_behind(dataset, "vostok-2018")) + 1
    status, _, err = run(capsys, "cite", "no-such-record")
    assert status == 2
    assert "no-such-record" in err


def test_citation_cff_agrees_with_the_package() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == DATASET_TITLE
    assert cff["version"] == sinorus.__version__
    assert sinorus.DATA_VERSION in cff["abstract"]
    assert cff["authors"] == [{"name": DATASET_AUTHOR}]
    assert {"message", "type", "license"} <= cff.keys()


def test_zenodo_metadata_agrees_with_the_citation_file() -> None:
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert zenodo["title"] == cff["title"] == DATASET_TITLE
    assert zenodo["version"] == cff["version"] == sinorus.__version__
    assert zenodo["creators"] == cff["authors"]
    assert zenodo["license"] in cff["license"]
    assert zenodo["keywords"] == cff["keywords"]
    assert zenodo["upload_type"] == "dataset"
