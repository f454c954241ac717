"""Shared fixtures: the packaged dataset and the source corpus; loading the repository's scripts."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

import sinorus
from sinorus.dataset import Dataset

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "sinorus" / "data"
CORPUS = Path(os.environ.get("SINORUS_CORPUS", ROOT.parent / "shared" / "seeds"))
CORPUS_FILES = {
    "yu-bin-2016": "000_5b9af57b0025f5ac.txt",
    "csis-2022": "003_83b8a4d5e7fd32dd.txt",
}
"""The corpus document behind each top-level source record."""


def load_script(relative: str) -> ModuleType:
    """A script of the repository (`docs/gen_pages.py`, `scripts/...`) imported as a module."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return sinorus.load()


@pytest.fixture(scope="session")
def corpus() -> dict[str, str]:
    """Each corpus document's text, by source id; skips by name when the corpus is absent."""
    missing = [name for name in CORPUS_FILES.values() if not (CORPUS / name).is_file()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the source corpus is missing from {CORPUS}: {', '.join(missing)}")
        pytest.skip(f"source corpus not found at {CORPUS} (set SINORUS_CORPUS): quote checks skipped")
    return {source: (CORPUS / name).read_text(encoding="utf-8") for source, name in CORPUS_FILES.items()}
