"""Actor codes: ISO 3166-1 alpha-3 for states, a controlled vocabulary for organisations.

States are checked against the ISO tables shipped in `sinorus.models.iso` (current states
from ISO 3166-1 and historic ones such as the USSR, `SUN`, from ISO 3166-3); names given in
queries are resolved through `pycountry`. Organisations use the codes in `ORGANISATIONS`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from sinorus.errors import QueryError
from sinorus.models.iso import iso_name, read_table

__all__ = [
    "ACTOR_PATTERN",
    "ORGANISATIONS",
    "STATE_SYSTEMS",
    "ActorCode",
    "StateSystem",
    "actor_name",
    "is_state",
    "resolve_actor",
    "state_code",
]

ORGANISATIONS: dict[str, str] = {
    "APEC": "Asia-Pacific Economic Cooperation",
    "ASEAN": "Association of Southeast Asian Nations",
    "BRICS": "BRICS (Brazil, Russia, India, China, South Africa)",
    "CICA": "Conference on Interaction and Confidence Building Measures in Asia",
    "CIS": "Commonwealth of Independent States",
    "CSTO": "Collective Security Treaty Organization",
    "EAEU": "Eurasian Economic Union",
    "EU": "European Union",
    "G20": "Group of Twenty",
    "G7": "Group of Seven",
    "G8": "Group of Eight",
    "IAEA": "International Atomic Energy Agency",
    "NATO": "North Atlantic Treaty Organization",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "QCG": "Quadrilateral Coordination Group on Afghan Peace and Reconciliation",
    "RIC": "Russia-India-China trilateral format",
    "SCO": "Shanghai Cooperation Organisation",
    "SCO-RATS": "Regional Anti-Terrorist Structure of the Shanghai Cooperation Organisation",
    "UN": "United Nations",
    "UNSC": "United Nations Security Council",
}


ACTOR_PATTERN = f"^(?:[A-Z]{{3}}|{'|'.join(re.escape(code) for code in ORGANISATIONS)})$"
"""The shape of an actor code, for JSON Schema: three capitals or an organisation code."""


def is_three_capitals(code: str) -> bool:
    """True when `code` is three ASCII capitals, the shape of ISO 3166 alpha-3 and ISO 4217 codes
    (a look-alike such as the Kelvin sign in "UKR" is not)."""
    return len(code) == 3 and code.isascii() and code.isupper() and code.isalpha()


def code_repr(code: str) -> str:
    """`code` quoted for a message, with its escapes when a character only looks like ASCII."""
    return repr(code) if code.isascii() else f"{code!r} (not plain ASCII: {code!a})"


def _state_name(code: str) -> str | None:
    return iso_name("state", code) or iso_name("historic", code)


def is_state(code: str) -> bool:
    """True when `code` is an ISO 3166-1 or ISO 3166-3 alpha-3 state code."""
    return is_three_capitals(code) and _state_name(code) is not None


def actor_name(code: str) -> str:
    """The English name of an actor code; raises `ValueError` for an unknown code."""
    if code in ORGANISATIONS:
        return ORGANISATIONS[code]
    name = _state_name(code) if is_three_capitals(code) else None
    if name is None:
        raise ValueError(
            f"unknown actor code {code_repr(code)}: use an ISO 3166-1 alpha-3 state code "
            f"(historic states from ISO 3166-3) or one of {', '.join(sorted(ORGANISATIONS))}"
        )
    return name


StateSystem = Literal["cow", "gw"]
"""A state system of international-relations research: Correlates of War or Gleditsch-Ward."""
STATE_SYSTEMS: dict[StateSystem, str] = {"cow": "Correlates of War", "gw": "Gleditsch-Ward"}
"""The state systems whose codes sinorus carries."""


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, dict[str, int]]:
    """`{system: {alpha-3: code}}` from the shipped table (scripts/state_codes.py makes it)."""
    table: dict[str, dict[str, int]] = {system: {} for system in STATE_SYSTEMS}
    rows = read_table("state_codes.tsv")
    header = rows[0]
    for row in rows[1:]:
        for system, value in zip(header[1:], row[1:], strict=True):
            if value:
                table[system][row[0]] = int(value)
    return table


def state_code(code: str, system: StateSystem) -> int | None:
    """A state's code in a state system (`cow` or `gw`), or None when the system has none.

    Codes come from the `countrycode` package. The USSR (`SUN`) takes Russia's code, 365, in
    both systems, which treat Russia as the Soviet Union's continuation.
    """
    return _state_codes()[system].get(code)


_NAMES = {"soviet union": "SUN"}
"""Common names that pycountry does not give for a state."""


@lru_cache(maxsize=1024)
def resolve_actor(text: str) -> str:
    """The actor code that `text` names: an ISO 3166 alpha-3 or alpha-2 code in any case, a
    country's name (current or historic, through pycountry), an organisation code or name.

    Raises `sinorus.QueryError` for a text that names no actor, or several.
    """
    import pycountry

    wanted = " ".join(text.split())
    folded = wanted.casefold()
    codes = {code.casefold(): code for code in ORGANISATIONS}
    codes.update({name.casefold(): code for code, name in ORGANISATIONS.items()})
    if folded in codes:
        return codes[folded]
    if folded in _NAMES:
        return _NAMES[folded]
    if is_state(wanted.upper()):
        return wanted.upper()
    for database in (pycountry.countries, pycountry.historic_countries):
        try:
            return str(database.lookup(wanted).alpha_3)
        except LookupError:
            pass
    for country in pycountry.historic_countries:
        if folded in (part.strip().casefold() for part in str(country.name).split(",")):
            return str(country.alpha_3)
    try:
        matches = pycountry.countries.search_fuzzy(wanted)
    except LookupError:
        matches = []
    if len(matches) == 1:
        return str(matches[0].alpha_3)
    if matches:
        named = ", ".join(f"{m.alpha_3} ({m.name})" for m in matches[:5])
        raise QueryError(f"actor {text!r} is ambiguous: it could be {named}")
    raise QueryError(
        f"unknown actor {text!r}: give an ISO 3166 code (CHN, RU), a country's name or an organisation "
        f"({', '.join(sorted(ORGANISATIONS))})"
    )


def _check_actor(code: str) -> str:
    actor_name(code)
    return code


ActorCode = Annotated[
    str,
    AfterValidator(_check_actor),
    Field(
        description="An ISO 3166-1 alpha-3 state code (ISO 3166-3 for historic states such as "
        "the USSR, SUN) or an organisation code from sinorus.ORGANISATIONS.",
        examples=["CHN", "RUS", "SUN", "SCO"],
        json_schema_extra={"pattern": ACTOR_PATTERN},
    ),
]
"""A validated actor code."""
