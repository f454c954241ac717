"""The record models: validation, immutability, hashing and lossless round trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from pydantic import TypeAdapter, ValidationError

from sinorus.models import Event, Exercise, Quantity, Record, RecordBase, Source, actor_name, is_state
from tests.strategies import records

adapter: TypeAdapter[RecordBase] = TypeAdapter(Record)
CITATION = {"source": "yu-bin-2016", "locator": "Chronology", "quote": "q"}


@given(records())
def test_python_round_trip(record: RecordBase) -> None:
    assert adapter.validate_python(record.model_dump()) == record


@given(records())
def test_json_round_trip(record: RecordBase) -> None:
    text = json.dumps(record.model_dump(mode="json"), ensure_ascii=False)
    again = adapter.validate_python(json.loads(text))
    assert again == record
    assert hash(again) == hash(record)


@given(records())
def test_records_are_frozen(record: RecordBase) -> None:
    with pytest.raises(ValidationError):
        record.name = "changed"  # type: ignore[misc]
    assert isinstance(record.aliases, tuple)
    assert isinstance(record.citations, tuple)


def test_kind_selects_the_model() -> None:
    event = adapter.validate_python(
        {"kind": "event", "id": "e-1", "name": "E", "event_type": "call", "citations": [CITATION]}
    )
    assert isinstance(event, Event)
    with pytest.raises(ValidationError, match=r"does not match any of the expected tags"):
        adapter.validate_python({"kind": "meeting", "id": "e-1", "name": "E"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Not A Slug"}, "should match pattern"),
        ({"name": "  padded"}, "white space"),
        ({"name": ""}, "blank"),
        ({"citations": []}, "at least one citation"),
        ({"actors": ["XXX"]}, "unknown actor code"),
        ({"actors": ["chn"]}, "unknown actor code"),
        ({"date": "2016-13"}, "month 13"),
        ({"event_type": "party"}, "Input should be"),
        ({"colour": "red"}, "Extra inputs"),
    ],
)
def test_invalid_values_are_rejected(change: dict[str, object], message: str) -> None:
    data = {"kind": "event", "id": "e-1", "name": "E", "event_type": "call", "citations": [CITATION], **change}
    with pytest.raises(ValidationError, match=message):
        adapter.validate_python(data)


def test_sources_need_no_citation_but_other_kinds_do() -> None:
    source = adapter.validate_python({"kind": "source", "id": "s1", "name": "S", "source_type": "report", "title": "T"})
    assert isinstance(source, Source)


def test_quantities_accept_a_plain_integer() -> None:
    assert Quantity.model_validate(2000) == Quantity(value=2000)
    assert Quantity.model_validate({"value": 10000, "qualifier": "at_least"}).qualifier == "at_least"
    with pytest.raises(ValidationError, match="upper"):
        Quantity.model_validate({"value": 12, "upper": 10})
    with pytest.raises(ValidationError):
        Quantity.model_validate(True)


def test_date_order_checks() -> None:
    base = {"id": "t", "name": "T", "citations": [CITATION]}
    with pytest.raises(ValidationError, match=r"delivery_date \(2014\) is before order_date \(2015\)"):
        adapter.validate_python(
            {
                **base,
                "kind": "arms_transfer",
                "supplier": "RUS",
                "recipient": "CHN",
                "category": "aircraft",
                "order_date": "2015",
                "delivery_date": "2014",
            }
        )
    with pytest.raises(ValidationError, match=r"expires \(1999\) is before signed \(2001\)"):
        adapter.validate_python(
            {**base, "kind": "agreement", "agreement_type": "treaty", "signed": "2001", "expires": "1999"}
        )
    with pytest.raises(ValidationError, match="a series record has no series: only its instances do"):
        Exercise.model_validate({**base, "level": "series", "series": "other"})
    with pytest.raises(ValidationError, match="a series record has no ordinal: only its instances do"):
        Exercise.model_validate({**base, "level": "series", "ordinal": 3})


def test_a_transfer_is_dated_by_its_order_then_its_delivery_then_its_talks() -> None:
    base = {
        "kind": "arms_transfer",
        "id": "t",
        "name": "T",
        "citations": [CITATION],
        "supplier": "RUS",
        "recipient": "CHN",
        "category": "aircraft",
    }
    talks_only = adapter.validate_python({**base, "status": "negotiating", "talks_date": "2010-01"})
    assert str(talks_only.date_value) == "2010-01"
    delivered = adapter.validate_python({**base, "talks_date": "2008", "delivery_date": "2012"})
    assert str(delivered.date_value) == "2012"
    ordered = adapter.validate_python({**base, "talks_date": "2008", "order_date": "2010", "delivery_date": "2012"})
    assert str(ordered.date_value) == "2010"


def test_actor_codes() -> None:
    assert is_state("SUN")
    assert actor_name("SUN").startswith("USSR")
    assert is_state("CHN")
    assert not is_state("SCO")
    assert actor_name("SCO") == "Shanghai Cooperation Organisation"
    with pytest.raises(ValueError, match="unknown actor code"):
        actor_name("ZZZ")


def test_json_schema_describes_every_field() -> None:
    schema = adapter.json_schema()
    for definition in schema["$defs"].values():
        for name, field in definition.get("properties", {}).items():
            assert field.get("description"), f"{definition['title']}.{name} has no description"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (300000, "300,000"),
        ({"value": 1600, "qualifier": "approximate"}, "about 1,600"),
        ({"value": 10, "upper": 12}, "10-12"),
        ({"value": 80, "qualifier": "at_most"}, "at most 80"),
    ],
)
def test_quantities_read_as_printed(data: object, text: str) -> None:
    assert str(Quantity.model_validate(data)) == text
