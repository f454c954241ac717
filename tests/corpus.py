"""Reading the source corpus: sections by heading, text folded for quote matching."""

from __future__ import annotations

import re

from sinorus.dataset import Dataset
from sinorus.models.records import Source

INTRODUCTION = "Introduction"
"""The locator of text that comes before a document's or chapter's first heading."""


def fold(text: str) -> str:
    """White space folded to single spaces; nothing else normalised."""
    return " ".join(text.split())


def heading_text(line: str) -> str:
    return line.lstrip("#> ").strip()


def root_source(dataset: Dataset, source_id: str) -> Source:
    source = dataset[source_id]
    assert isinstance(source, Source)
    while source.part_of is not None:
        parent = dataset[source.part_of]
        assert isinstance(parent, Source)
        source = parent
    return source


def chapter_lines(document: str, chapter: Source | None) -> list[str]:
    """The lines of one ``###`` chapter (by its title), or of the whole document."""
    lines = document.splitlines()
    if chapter is None or chapter.part_of is None:
        return lines
    starts = [i for i, line in enumerate(lines) if line.startswith("### ") and heading_text(line) == chapter.title]
    assert len(starts) == 1, f"chapter heading {chapter.title!r} found {len(starts)} times"
    end = next((i for i in range(starts[0] + 1, len(lines)) if lines[i].startswith("### ")), len(lines))
    return lines[starts[0] : end]


def section_text(lines: list[str], locator: str, headings: set[str]) -> str | None:
    """The text under the heading ``locator`` up to the next heading; None if there is none.

    Headings are ``#`` lines and, for documents with plain-line headings, any line in
    ``headings``.
    """

    def is_heading(line: str) -> bool:
        return line.startswith("#") or line.strip() in headings

    if locator == INTRODUCTION:
        start = 0
    else:
        matches = [i for i, line in enumerate(lines) if is_heading(line) and heading_text(line) == locator]
        if not matches:
            return None
        start = matches[0] + 1
    parts: list[str] = []
    for line in lines[start:]:
        if is_heading(line) and not line.startswith(">") and parts and not re.match(r"^#{5,}", line):
            break
        parts.append(line)
    return "\n".join(parts)
