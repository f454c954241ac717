"""The documentation site as a reader sees it: built strictly, served on loopback, opened in Chromium.

Run with `pytest -m site` once the docs extras, the browser extra and Debian's `chromium` and
`chromium-driver` are installed (`.ci/run` does all three); the default test run deselects it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import sinorus

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)

pytestmark = pytest.mark.site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output to the test's own."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built with `mkdocs build --strict`, served from a loopback port."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, driven through its own chromedriver, keeping the console log."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, url: str) -> dict[str, Any]:
    """Load a page and report what it rendered: images, tables and console errors."""
    browser.get(url)
    browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "Promise.all([...document.images].map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })))"
        ".then(() => done(null));"
    )
    rendered: dict[str, Any] = browser.execute_script(
        "const article = document.querySelector('article');"
        "return {"
        " title: document.querySelector('article h1').firstChild.textContent,"
        " images: [...article.querySelectorAll('img')].map(i => ({src: i.getAttribute('src'), width: i.naturalWidth,"
        "   shown: i.getBoundingClientRect().width})),"
        " tables: [...article.querySelectorAll('table')].map(t => t.rows.length),"
        "};"
    )
    rendered["errors"] = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    return rendered


def test_the_home_page_shows_the_figures_drawn_from_the_data(site: str, browser: Any) -> None:
    page = _open(browser, site)
    assert page["errors"] == []
    assert page["title"].startswith("sinorus")
    figures = {image["src"]: image for image in page["images"]}
    assert set(figures) == {"data/per-year.png", "data/exercises.png", "data/outlet-kinds.png"}
    for image in figures.values():
        assert image["width"] > 300, image
        assert image["shown"] > 0, image
    assert page["tables"], "the home page's scope table is missing"


def test_the_tour_shows_the_notebook_run_with_its_tables_and_figures(site: str, browser: Any) -> None:
    page = _open(browser, site + "tour/")
    assert page["errors"] == []
    assert page["title"] == "A tour of sinorus"
    assert len(page["images"]) >= 2
    assert all(image["width"] > 300 for image in page["images"]), page["images"]
    assert len([rows for rows in page["tables"] if rows > 2]) >= 2


def test_a_data_page_lists_the_register_in_readable_tables(site: str, browser: Any) -> None:
    page = _open(browser, site + "data/arms-transfers/")
    assert page["errors"] == []
    assert page["title"] == "Arms transfers"
    assert sum(rows - 1 for rows in page["tables"]) == len(sinorus.load().arms_transfers)


def test_the_timeline_page_draws_every_figure(site: str, browser: Any) -> None:
    page = _open(browser, site + "data/timeline/")
    assert page["errors"] == []
    assert len(page["images"]) == 3
    assert all(image["width"] > 300 for image in page["images"]), page["images"]


@pytest.mark.parametrize("width", [1280, 800])
def test_codebook_field_names_are_never_broken_mid_word(site: str, browser: Any, width: int) -> None:
    browser.set_window_size(width, 900)
    try:
        browser.get(site + "codebook/")
        broken = browser.execute_script(
            "return [...document.querySelectorAll('article table td:first-child code')]"
            ".filter(c => c.getClientRects().length > 1).map(c => c.textContent);"
        )
        fields = browser.execute_script("return document.querySelectorAll('article table td:first-child code').length;")
    finally:
        browser.set_window_size(1280, 900)
    assert fields > 100
    assert [name for name in broken if "-" not in name and "/" not in name] == []
