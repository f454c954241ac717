"""How much of what the dataset covers: records per kind, per year and per source section."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sinorus.dataset import Dataset
from sinorus.query import year_span, years_of

__all__ = ["Coverage", "coverage"]


@dataclass(frozen=True)
class Coverage:
    """Record counts by kind, by year and kind, and by cited source section and kind."""

    by_kind: dict[str, int]
    """Records of each kind."""
    by_year: dict[int | None, dict[str, int]]
    """Records in each year they cover (`sinorus.query.years_of`), then by kind; None counts
    the records that cover no single year (undated, or dated only to a decade)."""
    by_section: dict[tuple[str, str], dict[str, int]]
    """Records citing each `(source id, locator)` section, then by kind."""

    def as_json(self) -> dict[str, object]:
        """The same tables with string keys, ready for `json.dumps`."""
        return {
            "by_kind": self.by_kind,
            "by_year": {("undated" if year is None else str(year)): kinds for year, kinds in self.by_year.items()},
            "by_section": [
                {"source": source, "locator": locator, "kinds": kinds}
                for (source, locator), kinds in self.by_section.items()
            ],
        }


def coverage(ds: Dataset) -> Coverage:
    """Count the records of `ds` by kind, year and cited section.

    A record counts in every year it covers, and once for each section it cites; source
    records are counted by kind only.
    """
    by_year: dict[int | None, Counter[str]] = {}
    by_section: dict[tuple[str, str], Counter[str]] = {}
    facts = [record for record in ds if record.kind != "source"]
    span = year_span(facts) or (0, 0)
    for record in facts:
        for year in years_of(record, span) or (None,):
            by_year.setdefault(year, Counter())[record.kind] += 1
        sections = {(c.source, c.locator) for c in record.citations}
        for section in sections:
            by_section.setdefault(section, Counter())[record.kind] += 1
    return Coverage(
        by_kind=ds.counts(),
        by_year={year: dict(by_year[year]) for year in sorted(by_year, key=lambda y: (y is None, y or 0))},
        by_section={section: dict(by_section[section]) for section in sorted(by_section)},
    )
