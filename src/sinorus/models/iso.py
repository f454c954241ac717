"""The ISO code tables shipped with the package: states (ISO 3166-1), historic states
(ISO 3166-3) and currencies (ISO 4217), with their English names.

They are generated from `pycountry` by `scripts/state_codes.py` and checked against it by the
tests, so that validating records does not import pycountry's databases.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

__all__ = ["IsoKind", "iso_name", "read_table"]

IsoKind = Literal["state", "historic", "currency"]
"""Which ISO list a code belongs to."""


def read_table(name: str) -> list[list[str]]:
    """The rows of a shipped tab-separated table in `sinorus.models`, header first, comments left out."""
    text = Path(__file__).with_name(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, str], str]:
    return {(kind, code): name for kind, code, name in read_table("iso_codes.tsv")[1:]}


def iso_name(kind: IsoKind, code: str) -> str | None:
    """The English name of an ISO code of that kind, or None when the list has no such code."""
    return _names().get((kind, code))
