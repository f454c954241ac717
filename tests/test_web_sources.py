"""Sources from public reporting: every web page is a complete source record, and every
citation of one quotes it briefly, exactly and, where it is not in English, with a translation."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from sinorus.dataset import Dataset
from sinorus.models.base import Citation
from sinorus.models.records import Source
from tests.test_data import all_citations

MAX_QUOTE = 400
"""The longest quote a citation of a web page may carry, in characters."""
DAMAGE = ("□", "\ufffd", "](", "<", "&nbsp;", "&amp;")
"""Marks of conversion damage or markup that a clean quote does not contain."""
SENTENCE_END = re.compile(r"[.!?][\"”’»)]*\s+(?=[\"“‘«(]*[A-ZА-ЯЁ0-9\u4e00-\u9fff])|[。！？][”」』]*(?=.)")
"""Where a sentence may end: a full stop before a capital or a digit, or a Chinese full stop."""
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|U\.S|U\.K|Mr|Mrs|Ms|Dr|Gen|Lt|Lieut|Col|Adm|Capt|Maj|No|St|Co|Corp|Inc|Jan|Feb|Aug|Sept|Oct|Nov|Dec|\bгг?)\.$"
)
"""A full stop that ends an abbreviation or an initial, not a sentence."""


LETTER = re.compile(r"[^\W\d_]")
"""A letter of any script: a quote without one (a date line, a figure) needs no translation."""


def _is_sentence(part: str) -> bool:
    """A part of at least four words (or eight Chinese characters): a dateline is not a sentence."""
    return len(part.split()) >= 4 or len(re.findall(r"[\u4e00-\u9fff]", part)) >= 8


def web_sources(dataset: Dataset) -> list[Source]:
    """Sources documented by their page (a URL and an outlet kind) rather than by the corpus."""
    return [
        s
        for s in dataset.sources
        if isinstance(s, Source) and not s.citations and s.part_of is None and s.url is not None
    ]


def web_citations(dataset: Dataset) -> list[tuple[str, Citation, Source]]:
    pages = {s.id: s for s in web_sources(dataset)}
    return [
        (record.id, citation, pages[citation.source])
        for record in dataset
        for _, citation in all_citations(record)
        if citation.source in pages
    ]


def sentences(text: str) -> int:
    """The sentences in a quote; abbreviations, initials and datelines do not end or make one."""
    text = text.strip()
    cuts = [m.end() for m in SENTENCE_END.finditer(text) if not ABBREVIATION.search(text[: m.start() + 1])]
    parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return max(1, sum(_is_sentence(part) for part in parts))


def test_every_source_is_traceable(dataset: Dataset) -> None:
    """A source quotes the corpus for its details, is a chapter of one that does, or is a web page."""
    untraceable = [
        s.id
        for s in dataset.sources
        if isinstance(s, Source) and not s.citations and s.part_of is None and s.url is None
    ]
    assert not untraceable


def test_no_outlet_name_stands_in_for_a_title(dataset: Dataset) -> None:
    stand_ins = [
        s.id
        for s in dataset.sources
        if isinstance(s, Source) and s.title and s.outlet and s.title.casefold() == s.outlet.casefold()
    ]
    assert not stand_ins


def test_web_sources_are_complete(dataset: Dataset) -> None:
    problems = []
    for source in web_sources(dataset):
        if source.url is None or not source.url.startswith(("https://", "http://")):
            problems.append(f"{source.id}: url {source.url!r}")
        if source.outlet is None or source.outlet_kind is None:
            problems.append(f"{source.id}: outlet and outlet_kind are required")
        if source.title is None and not re.search(r"title|headline", source.notes or "", re.IGNORECASE):
            problems.append(f"{source.id}: no title and no note saying why")
        if source.title is not None and source.title.startswith(("(", "[")):
            problems.append(f"{source.id}: a description stands in for the title: {source.title!r}")
        if source.language is None:
            problems.append(f"{source.id}: no language")
        if (source.title is not None and source.language != "en") != (source.title_en is not None):
            problems.append(f"{source.id}: title_en is for, and only for, a title not in English")
        if source.date is None and "date" not in (source.notes or "").casefold():
            problems.append(f"{source.id}: undated without a note saying why")
    assert not problems, "\n".join(problems)


def test_web_pages_are_cited_once_each(dataset: Dataset) -> None:
    """One source record per page: no URL is recorded twice, and every page is cited."""
    pages = web_sources(dataset)
    repeated = [url for url, n in Counter(s.url for s in pages).items() if n > 1]
    assert not repeated
    cited = {c.source for record in dataset for _, c in all_citations(record)}
    assert not [s.id for s in pages if s.id not in cited]


def test_web_citations_quote_briefly_and_cleanly(dataset: Dataset) -> None:
    problems = []
    for record_id, citation, page in web_citations(dataset):
        label = f"{record_id} cites {page.id}"
        quote = citation.quote
        if quote is None:
            problems.append(f"{label}: no quote")
            continue
        if len(quote) > MAX_QUOTE:
            problems.append(f"{label}: quote of {len(quote)} characters")
        if sentences(quote) > 2:
            problems.append(f"{label}: quote of {sentences(quote)} sentences")
        if any(mark in quote for mark in DAMAGE):
            problems.append(f"{label}: damaged quote {quote[:60]!r}")
        needs_translation = page.language != "en" and LETTER.search(quote) is not None
        if needs_translation != (citation.translation is not None):
            problems.append(f"{label}: a translation is for, and only for, a quote in words not in English")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The first one ends. The second one ends.", 2),
        ("The U.S. Navy said so today.", 1),
        ("“It was quoted here.” Then more came after. And a third one came.", 3),
        ("中俄海军在青岛举行联合演习。此次演习持续七天时间。", 2),
        ("Nothing ends here", 1),
        ("Rear Adm. Wang said it today. Gen. V. Gerasimov agreed with him.", 2),
        ("Учения «Морское взаимодействие» начались сегодня утром. Они продлятся целую неделю.", 2),
        ("MOSCOW. July 23 (Interfax) - Russian and Chinese bombers flew a patrol.", 1),
        ("Москва. 25 июля. INTERFAX.RU - Пограничники трех стран провели учения.", 1),
        ("В мае 2002 г. Россия подписала контракт (г. Северодвинск). Сумма превышает 1,6 млрд дол.", 2),
        ("Beijing Aviation Technology Co. Ltd, Rui Jin Machinery Co. Ltd – постачальники волокна для заводу.", 1),
    ],
)
def test_sentence_count(text: str, count: int) -> None:
    assert sentences(text) == count
