"""Fuzzing the loader: whatever bytes a file holds, the only exception is sinorus's own.

The budget is fixed per run; set SINORUS_FUZZ_EXAMPLES to spend more.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sinorus
from sinorus import DataError, Problem
from tests.conftest import DATA

EXAMPLES = int(os.environ.get("SINORUS_FUZZ_EXAMPLES", "300"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.yaml"))]
YAML_PIECES = [
    "- ",
    ": ",
    "\n",
    "  ",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "#",
    "---\n",
    "...\n",
    "|\n",
    ">\n",
    "\t",
    "kind: event",
    "date: ",
    "2016-13",
    "NO",
    "~",
    "%YAML 1.1\n",
]
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_bytes(content: bytes, *, with_packaged: bool = False) -> None:
    """Load ``content`` as a record file: it loads, or fails with located problems."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(content)
        problems: tuple[Problem, ...] = ()
        try:
            sinorus.load(path, with_packaged=with_packaged)
        except DataError as error:
            problems = error.problems or (Problem("", None, None, None, "empty DataError"),)
        assert all(p.file.endswith("fuzz.yaml") for p in problems), problems


@fuzz
@given(st.binary(max_size=400))
def test_arbitrary_bytes(content: bytes) -> None:
    load_bytes(content)


@fuzz
@given(st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=8), max_size=60))
def test_yaml_shaped_text(pieces: list[str]) -> None:
    load_bytes("".join(pieces).encode("utf-8", "surrogatepass"))


@fuzz
@given(
    st.sampled_from(SEED_TEXTS),
    st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 40), st.sampled_from(YAML_PIECES) | st.text(max_size=5)),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_real_files(text: str, edits: list[tuple[float, int, str]]) -> None:
    """Cut, insert and overwrite at random places in a real record file, then load it on the packaged data."""
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    load_bytes(text.encode("utf-8", "surrogatepass"), with_packaged=True)
