"""References for the sources behind a record, as plain text and BibTeX, and for the dataset."""

from __future__ import annotations

from sinorus._version import DATA_VERSION, __version__
from sinorus.collection import Records
from sinorus.dataset import Dataset
from sinorus.errors import QueryError
from sinorus.models.edtf import EDTF
from sinorus.models.records import Source
from sinorus.query import sources_cited

__all__ = [
    "DATASET_AUTHOR",
    "DATASET_TITLE",
    "bibtex_entry",
    "dataset_bibtex",
    "dataset_reference",
    "reference_text",
    "sources_behind",
]

DATASET_TITLE = "sinorus: the typed, sourced dataset of Sino-Russian military and security cooperation"
DATASET_AUTHOR = "The sinorus maintainers"

_BIBTEX_TYPES = {
    "report": "techreport",
    "chapter": "incollection",
    "journal_article": "article",
    "book": "book",
}
_VENUE_FIELDS = {"techreport": "institution", "incollection": "publisher", "article": "journal", "book": "publisher"}
_BIBTEX_SPECIALS = str.maketrans(
    {c: "\\" + c for c in "&%$#_{}"}
    | {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
)
"""LaTeX's special characters in text fields, written so that they print as themselves."""
_BIBTEX_URL_SPECIALS = str.maketrans({c: f"%{ord(c):02X}" for c in ["{", "}", "\\", '"', " ", *map(chr, range(32))]})
"""Characters that would end or break a verbatim `url` field, percent-encoded as URLs allow."""


def sources_behind(dataset: Dataset, record_id: str) -> Records[Source]:
    """The sources a record cites (in its citations and discrepancies), with the primary
    documents those passages quote, in order of first citation. A source stands for itself."""
    record = dataset[record_id]
    if isinstance(record, Source):
        return Records((record,))
    return Records(s for s in (dataset.get(i) for i in sources_cited(record)) if isinstance(s, Source))


def _parent(dataset: Dataset, source: Source) -> Source | None:
    parent = dataset.get(source.part_of) if source.part_of else None
    return parent if isinstance(parent, Source) else None


def _names(authors: tuple[str, ...]) -> str:
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


def _as_source(dataset: Dataset, source: Source | str) -> Source:
    found = dataset[source] if isinstance(source, str) else source
    if not isinstance(found, Source):
        raise QueryError(f"{found.id!r} is a {found.kind}, not a source; use sources_behind() for its sources")
    return found


def reference_text(dataset: Dataset, source: Source | str) -> str:
    """A plain-text reference: authors, date, title (with its English title), venue, address.

    A chapter's venue is the report it is part of. `source` is a source record or its id.
    """
    source = _as_source(dataset, source)
    parent = _parent(dataset, source)
    when = source.date or (parent.date if parent else None)
    parts = [f"{_names(source.authors)} ({when or 'n.d.'})." if source.authors else f"({when or 'n.d.'})."]
    title = _title(source) + (f" [{source.title_en}]" if source.title_en else "")
    parts.append(title if title.endswith(("?", "!", ".")) else title + ".")
    if parent is not None:
        parts.append(f"In {_title(parent)}" + (f", {parent.outlet}." if parent.outlet else "."))
    elif source.outlet:
        parts.append(f"{source.outlet}.")
    url = source.url or (parent.url if parent else None)
    if url:
        parts.append(url)
    return " ".join(parts)


def _title(source: Source) -> str:
    """The printed title, or the record's descriptive name in brackets for an untitled source."""
    return source.title if source.title is not None else f"[{source.name}]"


def _bibtex_value(text: str) -> str:
    return text.translate(_BIBTEX_SPECIALS)


def _bibtex_url(url: str | None) -> str | None:
    return url.translate(_BIBTEX_URL_SPECIALS) if url is not None else None


def _format_entry(entry_type: str, key: str, fields: dict[str, str | None]) -> str:
    lines = [f"  {name} = {{{value}}}," for name, value in fields.items() if value]
    return "\n".join([f"@{entry_type}{{{key},", *lines, "}"])


def _year_month(value: EDTF | None) -> tuple[str | None, str | None]:
    if value is None or value.open_start or value.earliest.year != value.latest.year:
        return None, None
    month = str(value.earliest.month) if value.precision in ("month", "day") else None
    return str(value.earliest.year), month


def bibtex_entry(dataset: Dataset, source: Source | str) -> str:
    """A BibTeX entry keyed by the source's id; names are braced to keep them as printed.

    `source` is a source record or its id.
    """
    source = _as_source(dataset, source)
    parent = _parent(dataset, source)
    entry_type = _BIBTEX_TYPES.get(source.source_type, "misc")
    if entry_type == "incollection" and parent is None:
        entry_type = "misc"
    year, month = _year_month(source.date or (parent.date if parent else None))
    venue = (parent.outlet if parent else None) if entry_type == "incollection" else source.outlet
    fields: dict[str, str | None] = {
        "author": " and ".join("{" + _bibtex_value(a) + "}" for a in source.authors),
        "title": "{" + _bibtex_value(_title(source)) + "}",
        "booktitle": _bibtex_value(_title(parent)) if entry_type == "incollection" and parent else None,
        _VENUE_FIELDS.get(entry_type, "howpublished"): _bibtex_value(venue) if venue else None,
        "year": year,
        "month": month,
        "url": _bibtex_url(source.url or (parent.url if parent else None)),
        "note": f"English title: {_bibtex_value(source.title_en)}" if source.title_en else None,
    }
    return _format_entry(entry_type, source.id, fields)


def dataset_reference() -> str:
    """The reference for the dataset itself."""
    return f"{DATASET_AUTHOR} ({DATA_VERSION[:4]}). {DATASET_TITLE}. Version {__version__}, data {DATA_VERSION}."


def dataset_bibtex() -> str:
    """The BibTeX entry for the dataset itself."""
    fields: dict[str, str | None] = {
        "author": "{" + DATASET_AUTHOR + "}",
        "title": "{" + DATASET_TITLE + "}",
        "year": DATA_VERSION[:4],
        "version": __version__,
        "note": f"Data version {DATA_VERSION}",
    }
    return _format_entry("misc", "sinorus", fields)
