"""The strict YAML reader: what it accepts, what it turns into which value, what it refuses."""

from __future__ import annotations

import pytest

from sinorus.loading.files import Position
from sinorus.loading.strict_yaml import MAX_DEPTH, YAMLProblem, read_yaml


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        ("NO", "NO"),
        ("yes", "yes"),
        ("on", "on"),
        ("0755", "0755"),
        ("1:30", "1:30"),
        ("2016-05-12", "2016-05-12"),
        ("0x1F", "0x1F"),
        (".inf", ".inf"),
        ("12", 12),
        ("-3", -3),
        ("1.5", 1.5),
        ("2e3", 2000.0),
        ("true", True),
        ("false", False),
        ("~", None),
        ("null", None),
        ("", None),
        ('"12"', "12"),
        ("'true'", "true"),
    ],
)
def test_scalars_follow_the_json_subset_of_yaml_1_2(scalar: str, value: object) -> None:
    data, _ = read_yaml(f"key: {scalar}\n")
    assert data == {"key": value}
    assert type(data["key"]) is type(value)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: &x 1\nb: *x\n", "anchors", 1),
        ("a: [1]\nb: *x\n", "aliases", 2),
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a'", 3),
        ("a: !!python/object/apply:os.system ['true']\n", "tags", 1),
        ("a: !custom 1\n", "tags", 1),
        ("!!map {a: 1}\n", "tags", 1),
        ("--- 1\n--- 2\n", "one YAML document", 2),
        ("a:\n\tb: 1\n", "invalid YAML", 2),
        ("a: 'unterminated\n", "invalid YAML", 1),
        ("? [a, b]\n: 1\n", "plain strings", 1),
        ("1: a\n", "not a string", 1),
        ("\ufeffa: 1\n", "byte-order mark", 1),
    ],
)
def test_refusals_name_the_line(text: str, message: str, line: int) -> None:
    with pytest.raises(YAMLProblem, match=message) as info:
        read_yaml(text)
    assert info.value.position is not None
    assert info.value.position.line == line


def test_nesting_is_bounded() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(YAMLProblem, match="nesting deeper"):
        read_yaml(deep)
    fine = "a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "\n"
    assert read_yaml(fine)[0] is not None


def test_positions_are_tracked_by_path() -> None:
    text = "- id: a\n  citations:\n    - source: s\n      quote: q\n"
    data, positions = read_yaml(text, track_positions=True)
    assert data == [{"id": "a", "citations": [{"source": "s", "quote": "q"}]}]
    assert positions[(0, "id")] == Position(1, 7)
    assert positions[(0, "citations", 0, "quote")] == Position(4, 14)
    assert read_yaml(text)[1] == {}


def test_empty_document_is_none() -> None:
    assert read_yaml("")[0] is None
    assert read_yaml("# only a comment\n")[0] is None
