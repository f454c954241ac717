"""The code tables shipped in `sinorus.models` are what the packages they come from give
(`scripts/state_codes.py` writes them)."""

from __future__ import annotations

from types import ModuleType

import pytest

from sinorus.models.actors import actor_name, is_state, state_code
from sinorus.models.iso import iso_name
from tests.conftest import load_script


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script("scripts/state_codes.py")


def test_shipped_state_codes_match_countrycode(script: ModuleType) -> None:
    expected = script.state_codes()
    assert len(expected) > 190
    for code, cow, gw in expected:
        assert (state_code(code, "cow"), state_code(code, "gw")) == (cow, gw), code


def test_shipped_iso_codes_match_pycountry(script: ModuleType) -> None:
    expected = script.iso_codes()
    assert {kind for kind, _, _ in expected} == {"state", "historic", "currency"}
    assert len(expected) > 400
    for kind, code, name in expected:
        assert iso_name(kind, code) == name, (kind, code)


def test_states_and_currencies_are_checked_against_the_tables() -> None:
    assert actor_name("CHN") == "China"
    assert is_state("SUN")
    assert not is_state("XYZ")
    assert not is_state("USD")
    assert iso_name("currency", "RUB") == "Russian Ruble"
    assert iso_name("currency", "CHN") is None
