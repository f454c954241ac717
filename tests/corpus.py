"""Reading the source corpus: sections by heading, text folded for quote matching."""

from __future__ import annotations

from sinorus.dataset import Dataset
from sinorus.models.records import Source

INTRODUCTION = "Introduction"
"""The locator of text before a document's or chapter's first heading (unless a heading has that name)."""
FRONT_MATTER = "Front matter"
"""The locator of the metadata block between the ``---`` lines at the top of a document."""
AUTHOR_BIOGRAPHIES = "Author biographies"
"""The locator of the notes on the authors after the last ``---`` line of a document."""


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


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        return next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    return 0


def _is_prose(line: str) -> bool:
    """A line of body text, not a blank, a byline (``> ...``) or a subtitle (``__...__``)."""
    return bool(line.strip()) and not line.startswith((">", "__"))


def section_text(lines: list[str], locator: str, headings: set[str]) -> str | None:
    """The text under the heading ``locator`` up to the next heading; None if there is none.

    Headings are ``#`` lines and, for documents with plain-line headings, any line in
    ``headings``. ``Introduction``, ``Front matter`` and ``Author biographies`` also name
    the unheaded parts described above.
    """
    body = _front_matter_end(lines)
    if locator == FRONT_MATTER:
        return "\n".join(lines[:body])
    if locator == AUTHOR_BIOGRAPHIES:
        last_rule = max((i for i, line in enumerate(lines) if line.strip() == "---" and i >= body), default=None)
        return None if last_rule is None else "\n".join(lines[last_rule + 1 :])

    def is_heading(i: int) -> bool:
        return i >= body and (lines[i].startswith("#") or lines[i].strip() in headings)

    matches = [i for i in range(len(lines)) if is_heading(i) and heading_text(lines[i]) == locator]
    opening = body + 1 if lines[body : body + 1] and lines[body].startswith("### ") else body
    first_heading = next((i for i in range(opening, len(lines)) if is_heading(i)), len(lines))
    if locator == INTRODUCTION and any(_is_prose(line) for line in lines[opening:first_heading]):
        start = opening
    elif matches:
        start = matches[0] + 1
    else:
        return None
    end = next((i for i in range(start, len(lines)) if is_heading(i)), len(lines))
    return "\n".join(lines[start:end])
