"""Coverage-guided fuzzing of the record loader with atheris.

Every input is written to a file and loaded on top of the packaged data; the only
exception allowed out is ``sinorus.DataError``. Seeds are the packaged record files and
the broken-input corpus. Run for a fixed budget, for example::

    python fuzz/fuzz_loader.py -max_total_time=60 -rss_limit_mb=2048
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["sinorus", "yaml"]):
    import yaml  # noqa: F401  (instrumented for coverage feedback)

    import sinorus
    import sinorus.loading.load
    from sinorus import DataError

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="sinorus-fuzz-"))
TARGET = WORK / "input.yaml"


def test_one_input(data: bytes) -> None:
    TARGET.write_bytes(data)
    try:
        sinorus.load(TARGET, with_packaged=True)
    except DataError as error:
        if not error.problems:
            raise AssertionError("DataError without problems") from error


def seed_corpus() -> Path:
    corpus = WORK / "corpus"
    corpus.mkdir()
    sources = [
        *sorted((ROOT / "src" / "sinorus" / "data").rglob("*.yaml")),
        *sorted((ROOT / "tests" / "broken").glob("*.yaml")),
    ]
    for i, path in enumerate(sources):
        (corpus / f"seed-{i:03d}").write_bytes(path.read_bytes()[:65536])
    return corpus


if __name__ == "__main__":
    sinorus.load()
    atheris.Setup([*sys.argv, str(seed_corpus())], test_one_input)
    atheris.Fuzz()
