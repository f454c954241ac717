"""The documentation's generated pages: built from the packaged data, and record text shown as
text, so that a name or note holding HTML or backticks cannot change the page."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

import pytest

from sinorus.dataset import Dataset
from sinorus.models.records import Agreement, ArmsTransfer, Event, Exercise, Source
from tests.conftest import load_script

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=y>'


def gen_pages() -> ModuleType:
    return load_script("docs/gen_pages.py")


@pytest.fixture(scope="module")
def pages() -> ModuleType:
    return gen_pages()


def hostile_dataset() -> Dataset:
    cite = [{"source": "web-page", "locator": HOSTILE, "quote": HOSTILE}]
    return Dataset(
        [
            Source(
                id="web-page",
                name=HOSTILE,
                source_type="news",
                title=HOSTILE,
                outlet=HOSTILE,
                url="https://example.org/`x`",
            ),
            Exercise(
                id="series", level="series", name=HOSTILE, participants=["CHN", "RUS"], notes=HOSTILE, citations=cite
            ),
            Exercise(
                id="instance", name=HOSTILE, series="series", participants=["CHN", "RUS"], date="2016", citations=cite
            ),
            Agreement(
                id="agreement",
                name=HOSTILE,
                agreement_type="treaty",
                parties=["CHN", "RUS"],
                signed="2001",
                citations=cite,
            ),
            ArmsTransfer(
                id="transfer",
                name=HOSTILE,
                supplier="RUS",
                recipient="CHN",
                category="aircraft",
                designation=HOSTILE,
                citations=cite,
            ),
            Event(
                id="event",
                name=HOSTILE,
                event_type="meeting",
                actors=["CHN", "RUS"],
                date="2016",
                location=HOSTILE,
                citations=cite,
                discrepancies=[
                    {
                        "field": "location",
                        "value": "``` <b>x</b>",
                        "nature": "conflict",
                        "citations": cite,
                        "note": HOSTILE,
                    }
                ],
            ),
        ]
    )


def data_pages(pages: ModuleType) -> list[Callable[[Dataset], str]]:
    return [
        pages.exercises_page,
        pages.arms_transfers_page,
        pages.agreements_page,
        pages.discrepancies_page,
        pages.sources_page,
    ]


def outside_code(markdown: str) -> str:
    """The Markdown with its code spans taken out (their content always renders as text)."""
    return re.sub(r"(`+)(.+?)\1", "", markdown)


def test_record_text_shows_as_text(pages: ModuleType) -> None:
    ds = hostile_dataset()
    for page in data_pages(pages):
        rendered = outside_code(page(ds))
        assert "<script" not in rendered, page.__name__
        assert "<img" not in rendered, page.__name__
        assert "&lt;script&gt;" in rendered, page.__name__


def test_a_value_with_backticks_stays_in_its_code_span(pages: ModuleType) -> None:
    rendered = pages.discrepancies_page(hostile_dataset())
    assert '````"``` <b>x</b>"````' in rendered


def test_every_data_page_builds_from_the_packaged_data(pages: ModuleType, dataset: Dataset) -> None:
    for page in data_pages(pages):
        rendered = page(dataset)
        assert rendered.startswith("# ")
        assert not re.search(r"<(script|img|iframe)", outside_code(rendered))


def test_the_tour_page_shows_what_the_notebook_prints_and_draws(
    pages: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: dict[str, bytes | str] = {}
    monkeypatch.setattr(pages, "write", written.__setitem__)
    rendered = pages.tour_page()
    assert '<div class="notebook-output">' in rendered
    assert "sinorus dataset:" in rendered
    assert "about 1,600" in rendered
    figures = {path: content for path, content in written.items() if path.startswith("tour/")}
    assert sorted(figures) == ["tour/figure-1.png", "tour/figure-2.png"]
    assert all(isinstance(png, bytes) and png.startswith(b"\x89PNG") for png in figures.values())
    assert all(f"]({path})" in rendered for path in figures)
