"""The scope the README and the docs home state is the scope of the packaged data."""

from __future__ import annotations

import re

import pytest

from sinorus.dataset import Dataset
from sinorus.models.records import Exercise, FactRecord, Source
from sinorus.query import year_span, years_of
from tests.conftest import ROOT
from tests.test_web_sources import web_sources

SCOPE = re.compile(r"<!-- scope -->\n(?P<table>.*?)<!-- /scope -->", re.DOTALL)
KINDS = {
    "event": "events",
    "exercise": "exercises and patrols",
    "agreement": "agreements",
    "arms_transfer": "arms transfers",
}


def _years(records: list[FactRecord]) -> str:
    span = year_span(records)
    assert span is not None
    years = [year for r in records for year in years_of(r, span)]
    return f"{min(years)}–{max(years)}"


def scope_table(dataset: Dataset) -> str:
    """The Markdown table of what the data covers, as the README and the docs home print it."""
    rows = ["| records | count | of which context | years covered |", "|---|---|---|---|"]
    for kind, label in KINDS.items():
        records = [r for r in dataset.filter(kind=kind) if isinstance(r, FactRecord)]
        count = str(len(records))
        if kind == "exercise":
            series = sum(isinstance(r, Exercise) and r.level == "series" for r in records)
            count = f"{len(records) - series} instances in {series} series"
        context = sum(r.context for r in records)
        rows.append(f"| {label} | {count} | {context} | {_years(records)} |")
    sources = [s for s in dataset.sources if isinstance(s, Source)]
    pages = web_sources(dataset)
    rows.append(
        f"| sources | {len(sources)}: {len(pages)} web pages of public reporting, "
        f"{len(sources) - len(pages)} documents of the corpus, their parts and the works they cite | | |"
    )
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("page", ["README.md", "docs/index.md"])
def test_the_scope_stated_is_the_data(dataset: Dataset, page: str) -> None:
    found = SCOPE.search((ROOT / page).read_text(encoding="utf-8"))
    assert found, f"{page} has no scope table between <!-- scope --> markers"
    assert found["table"] == scope_table(dataset)
