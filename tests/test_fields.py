"""One description of every field, shared by the codebook, the flat tables and display."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from sinorus.codebook import PARTS, fields_of
from sinorus.models.fields import describe_fields, reading_order
from sinorus.models.records import RECORD_TYPES, ArmsTransfer, Exercise, Source
from sinorus.tables import build_tables

MODELS: dict[str, type[BaseModel]] = {**RECORD_TYPES, **PARTS}


def _enum(prop: dict[str, Any]) -> tuple[str, ...]:
    """The allowed values the JSON Schema gives a property (of each item, for an array)."""
    for option in prop.get("anyOf", [prop]):
        values = option.get("items", option)
        if "enum" in values:
            return tuple(values["enum"])
        if "const" in values:
            return (values["const"],)
    return ()


@pytest.mark.parametrize("name", MODELS)
def test_the_descriptions_agree_with_the_json_schema(name: str) -> None:
    model = MODELS[name]
    schema = model.model_json_schema()
    specs = {f.name: f for f in describe_fields(model)}
    assert list(specs) == list(schema["properties"])
    for field, prop in schema["properties"].items():
        assert specs[field].allowed == _enum(prop), field
        assert ("default" in prop) != specs[field].required or field == "citations", field
        assert specs[field].description == model.model_fields[field].description


def test_fields_are_described_by_what_they_hold() -> None:
    transfer = {f.name: f for f in fields_of("arms_transfer")}
    assert (transfer["talks_date"].shape, transfer["talks_date"].type) == ("edtf", "EDTF date")
    assert (transfer["supplier"].shape, transfer["supplier"].type) == ("text", "actor code")
    assert (transfer["agreement"].shape, transfer["agreement"].type) == ("text", "record id")
    assert (transfer["ordered"].shape, transfer["value"].shape) == ("quantity", "money")
    assert transfer["status"].shape == "code"
    assert "refused" in transfer["status"].allowed
    assert transfer["kind"].allowed == ("arms_transfer",)
    assert transfer["citations"].required
    assert not transfer["notes"].required
    assert transfer["status"].default == '"unknown"'
    assert transfer["aliases"].default == "[]"
    assert transfer["notes"].default is None
    assert {f.name: f.type for f in fields_of(Source)}["language"] == "ISO 639-1 language code"
    assert {f.name: f.type for f in fields_of("Money")}["amount"] == "number"
    discrepancy = {f.name: f for f in fields_of("Discrepancy")}
    assert discrepancy["value"].shape == "mixed"
    assert discrepancy["value"].required
    assert discrepancy["value"].nullable
    assert not discrepancy["value"].never_null
    assert discrepancy["value"].type == "text, integer, number, true or false or null"


def test_a_discrepancy_that_omits_a_value_is_an_empty_cell_not_an_error() -> None:
    columns = {c.name: c for c in build_tables([])["discrepancies"].columns}
    assert not columns["value"].required
    assert columns["note"].required


def test_an_ordinal_is_an_integer_column() -> None:
    assert {f.name: f.shape for f in describe_fields(Exercise)}["ordinal"] == "integer"
    exercises = build_tables([])["exercises"]
    assert {c.name: c.type for c in exercises.columns}["ordinal"] == "integer"


def test_display_and_the_wide_tables_read_fields_in_one_order() -> None:
    order = reading_order(ArmsTransfer)
    assert order[-3:] == ("aliases", "related", "notes")
    assert order.index("supplier") < order.index("order_date") < order.index("talks_date")
    columns = [c.name for c in build_tables([])["arms_transfers"].columns]
    fields_in_table = [name for name in order if name in columns]
    assert fields_in_table == sorted(fields_in_table, key=columns.index)
