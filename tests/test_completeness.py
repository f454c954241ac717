"""Completeness of the packaged data: every section of the corpus that states facts is used,
and every released record id is still there with the same kind."""

from __future__ import annotations

from collections import Counter

import pytest

from sinorus.dataset import Dataset
from sinorus.models.records import Source
from tests.conftest import ROOT
from tests.corpus import INTRODUCTION, heading_text

RELEASED_IDS = ROOT / "tests" / "released-ids.txt"

YU_BIN_SECTIONS = (
    INTRODUCTION,
    "Responding to Pyongyang's hydrogen bomb test",
    "THAAD and its fallout",
    "Russia: “speaking-softly” without a big stick",
    "Xi's 'goldilocks': partners but not allies",
    "China pivots to the west; at Russia’s expense?",
    "Tales of alliances: between the past and future",
    "Chronology of China-Russia Relations January – April 2016",
)

ANALYSIS_ONLY = {
    ("csis-2022-chinese-views-mtc", "Introduction"): "summarises the chapter; no dated fact",
    ("csis-2022-chinese-views-exercises", "Shoring Up Regional Stability and Security"): "motives, no dated fact",
    ("csis-2022-russian-views-space", "Russia and China’s Space Collaboration"): "a two-sentence overview",
    ("csis-2022-russian-views-space", "Conclusion"): "recommendations",
    ("csis-2022-russian-views-hybrid", "The Hybrid War as a Code Word for the Kremlin’s Worldview"): "doctrine",
    ("csis-2022-russian-views-hybrid", "The Limits of Sino-Russian Cooperation"): "assessment, no dated fact",
    ("csis-2022-chinese-views-hybrid", "Hybrid Warfare and Gray Zones as Geopolitical Competition"): "concepts",
    ("csis-2022-chinese-views-hybrid", "Conclusion: Hybrid and Gray Zone Tactics as War by Other Means?"): "assessment",
}
"""Sections of the 2022 report that state no fact in scope, with the reason."""


def cited_sections(dataset: Dataset) -> set[tuple[str, str]]:
    return {(c.source, c.locator) for r in dataset if r.kind != "source" for c in r.citations}


def report_sections(dataset: Dataset, text: str) -> list[tuple[str, str]]:
    """Every ``(chapter id, #### heading)`` of the 2022 report."""
    chapters = {s.title: s.id for s in dataset.sources if isinstance(s, Source) and s.part_of == "csis-2022"}
    sections, chapter = [], None
    for line in text.splitlines():
        if line.startswith("### "):
            chapter = chapters[heading_text(line)]
        elif line.startswith("#### ") and chapter is not None:
            sections.append((chapter, heading_text(line)))
    return sections


def test_every_fact_bearing_section_of_the_2022_report_is_cited(dataset: Dataset, corpus: dict[str, str]) -> None:
    sections = report_sections(dataset, corpus["csis-2022"])
    assert len(sections) > 40
    assert set(ANALYSIS_ONLY) <= set(sections)
    cited = cited_sections(dataset)
    uncited = [s for s in sections if s not in cited and s not in ANALYSIS_ONLY]
    assert not uncited, uncited


@pytest.mark.parametrize("section", YU_BIN_SECTIONS)
def test_every_section_of_the_2016_article_is_cited(dataset: Dataset, corpus: dict[str, str], section: str) -> None:
    assert section == INTRODUCTION or section in corpus["yu-bin-2016"].splitlines()
    assert ("yu-bin-2016", section) in cited_sections(dataset)


def released() -> list[tuple[str, str]]:
    lines = RELEASED_IDS.read_text(encoding="utf-8").splitlines()
    return [(kind, record_id) for kind, record_id in (line.split() for line in lines if line and line[0] != "#")]


def test_released_ids_keep_their_kind(dataset: Dataset) -> None:
    """Removing or re-purposing a released id is a breaking data change: it needs a major release."""
    missing = [(kind, record_id) for kind, record_id in released() if dataset.get(record_id) is None]
    changed = [(kind, rid) for kind, rid in released() if rid in dataset and dataset[rid].kind != kind]
    assert not missing, f"released ids removed: {missing}"
    assert not changed, f"released ids changed kind: {changed}"


def test_counts_per_kind_never_fall_below_the_release(dataset: Dataset) -> None:
    floor = Counter(kind for kind, _ in released())
    counts = dataset.counts()
    assert all(counts[kind] >= n for kind, n in floor.items()), (counts, floor)
