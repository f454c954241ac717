"""The packaged data, checked against the corpus it was extracted from."""

from __future__ import annotations

import re

import pytest

from sinorus.dataset import Dataset
from sinorus.models.base import Citation
from sinorus.models.records import RecordBase, Source
from tests.corpus import chapter_lines, fold, root_source, section_text

CHRONOLOGY = "Chronology of China-Russia Relations January – April 2016"
APPENDIX_SECTIONS = "### Appendix"


def all_citations(record: RecordBase) -> list[tuple[str, Citation]]:
    found = [("citations", c) for c in record.citations]
    for d in record.discrepancies:
        found.extend((f"discrepancy {d.field}", c) for c in d.citations)
    return found


def test_every_quote_is_verbatim_in_its_section(dataset: Dataset, corpus: dict[str, str]) -> None:
    """Each quote occurs, white space folded, under the section heading its locator names."""
    locators = {c.locator for r in dataset for _, c in all_citations(r)}
    failures = []
    checked = 0
    for record in dataset:
        for where, citation in all_citations(record):
            root = root_source(dataset, citation.source)
            if root.id not in corpus or citation.quote is None:
                continue
            cited = dataset[citation.source]
            assert isinstance(cited, Source)
            lines = chapter_lines(corpus[root.id], cited)
            section = section_text(lines, citation.locator, locators)
            label = f"{record.id} {where} ({citation.source} / {citation.locator!r})"
            if section is None:
                failures.append(f"{label}: no such section heading")
            elif fold(citation.quote) not in fold(section):
                failures.append(f"{label}: quote not found: {citation.quote[:70]!r}")
            checked += 1
    assert not failures, "\n".join(failures)
    assert checked > 0


def test_quotes_avoid_conversion_damage(dataset: Dataset) -> None:
    for record in dataset:
        for _, citation in all_citations(record):
            quote = citation.quote or ""
            assert "□" not in quote, record.id
            assert "](#)" not in quote, record.id


def test_every_chronology_entry_is_a_record(dataset: Dataset, corpus: dict[str, str]) -> None:
    section = section_text(corpus["yu-bin-2016"].splitlines(), CHRONOLOGY, {CHRONOLOGY})
    assert section is not None
    entries = [fold(line) for line in section.splitlines() if re.match(r"^[A-Z][a-z]+\.? \d", line)]
    assert len(entries) == 15
    quotes = [fold(c.quote) for r in dataset for _, c in all_citations(r) if c.locator == CHRONOLOGY and c.quote]
    missing = [entry for entry in entries if not any(len(q) >= 20 and q in entry for q in quotes)]
    assert not missing, missing


def test_every_appendix_citation_is_a_source(dataset: Dataset, corpus: dict[str, str]) -> None:
    text = corpus["csis-2022"]
    appendix = text[text.index(APPENDIX_SECTIONS) :]
    citation_lines = [fold(line) for line in appendix.splitlines() if "[[" in line]
    assert len(citation_lines) == 21
    appendix_sources = [s for s in dataset.sources if any(c.source == "csis-2022-appendix" for c in s.citations)]
    for line in citation_lines:
        matching = [s for s in appendix_sources if any(c.quote and fold(c.quote) in line for c in s.citations)]
        assert matching, f"no source record quotes the appendix citation {line[:80]!r}"


@pytest.mark.parametrize("kind", ["event", "exercise", "agreement", "arms_transfer"])
def test_records_of_every_kind_cite_the_corpus(dataset: Dataset, kind: str) -> None:
    records = dataset.filter(kind=kind)
    assert records, f"no {kind} records"
    for record in records:
        assert any(c.quote for c in record.citations), f"{record.id} has no quoted citation"


def test_aliases_are_forms_a_source_prints(dataset: Dataset, corpus: dict[str, str]) -> None:
    """An alias is another name a source gives: it occurs verbatim (white space folded) in the
    corpus or in one of the record's own quotes."""
    text = fold("\n".join(corpus.values()))
    unprinted = [
        (r.id, a)
        for r in dataset
        for a in r.aliases
        if fold(a) not in text and not any(c.quote and fold(a) in fold(c.quote) for _, c in all_citations(r))
    ]
    assert not unprinted, unprinted
