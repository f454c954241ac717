"""Hypothesis strategies for valid records, used by the property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from sinorus.models.records import RECORD_TYPES, RecordBase

slugs = st.from_regex(r"[a-z][a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
visible = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S"), exclude_characters="\u115f\u1160\u3164\uffa0\u2800"
)
"""A character that shows: text fields need at least one."""
texts = st.builds(
    str.__add__,
    visible,
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), max_size=19),
)
names = st.builds(lambda a, b: f"{a} {b}", texts, texts) | texts
actors = st.sampled_from(["CHN", "RUS", "SUN", "USA", "KAZ", "PRK", "SCO", "CSTO", "NATO", "UN"])
dates = st.sampled_from(
    ["2016", "2016-05", "2016-05-12", "2018-09-11/2018-09-17", "199X", "2016-05~", "2004?", "2016-22"]
)
quantities = st.integers(0, 400_000) | st.fixed_dictionaries(
    {"value": st.integers(0, 1000), "qualifier": st.sampled_from(["exact", "approximate", "at_least", "at_most"])}
)


def _citation() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"source": slugs, "locator": names},
        optional={"quote": names, "primary_source": slugs},
    )


def _common(kind: str) -> dict[str, st.SearchStrategy[Any]]:
    return {
        "kind": st.just(kind),
        "id": slugs,
        "name": names,
        "citations": st.lists(_citation(), min_size=1, max_size=3),
    }


_OPTIONAL_COMMON: dict[str, st.SearchStrategy[Any]] = {
    "aliases": st.lists(names, max_size=3),
    "related": st.lists(slugs, max_size=2),
    "notes": names,
    "discrepancies": st.lists(
        st.fixed_dictionaries(
            {
                "field": st.sampled_from(["date", "name", "forces.0.troops"]),
                "value": st.one_of(st.none(), names, st.integers(0, 10**6)),
                "nature": st.sampled_from(["conflict", "error", "spelling", "garbled", "swapped", "count_mismatch"]),
                "citations": st.lists(_citation(), min_size=1, max_size=2),
                "note": names,
            }
        ),
        max_size=2,
    ),
}

_KIND_FIELDS: dict[str, tuple[dict[str, st.SearchStrategy[Any]], dict[str, st.SearchStrategy[Any]]]] = {
    "event": (
        {"event_type": st.sampled_from(["meeting", "call", "test", "statement"])},
        {"date": dates, "actors": st.lists(actors, max_size=4), "location": names},
    ),
    "exercise": (
        {},
        {
            "date": dates,
            "series": slugs,
            "domains": st.lists(st.sampled_from(["land", "sea", "air", "missile_defence", "patrol"]), max_size=3),
            "participants": st.lists(actors, max_size=4),
            "host": actors,
            "location": names,
            "forces": st.lists(
                st.fixed_dictionaries({}, optional={"participant": actors, "troops": quantities, "ships": quantities}),
                max_size=3,
            ),
        },
    ),
    "agreement": (
        {"agreement_type": st.sampled_from(["treaty", "memorandum", "roadmap", "joint_statement"])},
        {"parties": st.lists(actors, max_size=4), "signed": dates, "summary": names},
    ),
    "arms_transfer": (
        {"supplier": actors, "recipient": actors, "category": st.sampled_from(["aircraft", "engines", "air_defence"])},
        {
            "designation": names,
            "deal_type": st.sampled_from(["sale", "licence", "unlicensed_copy"]),
            "status": st.sampled_from(["ordered", "delivered", "refused"]),
            "ordered": quantities,
            "value": st.fixed_dictionaries(
                {"amount": st.floats(0, 1e11, allow_nan=False), "currency": st.sampled_from(["USD", "RUB", "CNY"])}
            ),
        },
    ),
    "source": (
        {"source_type": st.sampled_from(["report", "chapter", "news"]), "title": names},
        {"authors": st.lists(names, max_size=3), "date": dates, "language": st.sampled_from(["en", "ru", "zh"])},
    ),
}


def record_data(kind: str | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Authoring-format data (what YAML gives) for one valid record."""
    kinds = [kind] if kind else list(RECORD_TYPES)
    return st.sampled_from(kinds).flatmap(
        lambda k: st.fixed_dictionaries(
            {**_common(k), **_KIND_FIELDS[k][0]}, optional={**_OPTIONAL_COMMON, **_KIND_FIELDS[k][1]}
        )
    )


def records(kind: str | None = None) -> st.SearchStrategy[RecordBase]:
    """Valid record models."""
    from pydantic import TypeAdapter

    from sinorus.models.records import Record

    adapter: TypeAdapter[RecordBase] = TypeAdapter(Record)
    return record_data(kind).map(adapter.validate_python)
