"""Filters refuse what they cannot match, read actors in every common form, and separate roles."""

from __future__ import annotations

import pytest

import sinorus
from sinorus.cli import main
from sinorus.dataset import Dataset
from sinorus.models.records import ArmsTransfer, Exercise


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"status": "delivred"}, "unknown status 'delivred'; did you mean 'delivered'"),
        ({"kind": "event", "type": "summitt"}, "unknown type 'summitt'; did you mean 'summit'"),
        ({"kind": "exercise", "type": "meeting"}, "unknown type 'meeting'"),
        ({"domain": "naval"}, "unknown domain 'naval'"),
        ({"series": "joint-see"}, "unknown series 'joint-see'; did you mean 'joint-sea'"),
        ({"source": "csis"}, "unknown source 'csis'; did you mean 'csis-2022'"),
        ({"kind": "exercize"}, "unknown kind 'exercize'; did you mean 'exercise'"),
        ({"participants": ["Narnia"]}, "unknown actor 'Narnia'"),
        ({"participants": ["Korea"]}, "actor 'Korea' is ambiguous"),
        ({"role": "guest"}, "unknown role 'guest'"),
        ({"colour": "red"}, "unknown criterion 'colour'"),
    ],
)
def test_criteria_that_cannot_match_raise(dataset: Dataset, criteria: dict[str, object], message: str) -> None:
    with pytest.raises(sinorus.QueryError, match=message):
        dataset.filter(**criteria)  # type: ignore[call-overload]


@pytest.mark.parametrize("actor", ["CHN", "chn", "CN", "cn", "China", "china"])
def test_actors_in_any_common_form_match_the_same_records(dataset: Dataset, actor: str) -> None:
    expected = dataset.filter(kind="exercise", participants=["CHN"])
    assert len(expected) > 50
    assert dataset.filter(kind="exercise", participants=[actor]) == expected
    assert dataset.filter(kind="exercise", participants=actor) == expected


def test_names_of_historic_states_and_organisations_resolve(dataset: Dataset) -> None:
    assert dataset.filter(participants="USSR") == dataset.filter(participants="SUN")
    assert dataset.filter(participants="Soviet Union") == dataset.filter(participants="SUN")
    assert dataset.filter(participants="Shanghai Cooperation Organisation") == dataset.filter(participants="SCO")
    assert dataset.filter(participants="Russia") == dataset.filter(participants="RUS")


def test_a_host_is_not_a_participant(dataset: Dataset) -> None:
    hosted = dataset.filter(kind="exercise", participants="BLR", role="host")
    assert hosted
    for exercise in hosted:
        assert exercise.host == "BLR"
        if "BLR" not in exercise.participants:
            assert exercise not in dataset.filter(kind="exercise", participants="BLR")
            assert exercise in dataset.filter(kind="exercise", participants="BLR", role="any")
    observed = dataset.filter(kind="exercise", participants="IRN", role="observer")
    assert all("IRN" in e.observers for e in observed)
    assert observed


def test_transfers_filter_by_supplier_and_recipient(dataset: Dataset) -> None:
    to_russia = dataset.filter(kind="arms_transfer", supplier="China", recipient="Russia")
    assert to_russia
    assert all(isinstance(t, ArmsTransfer) and (t.supplier, t.recipient) == ("CHN", "RUS") for t in to_russia)
    from_russia = dataset.filter(kind="arms_transfer", supplier="RUS")
    assert all(t.supplier == "RUS" for t in from_russia)
    assert not set(to_russia) & set(from_russia)


def test_context_records_can_be_left_out(dataset: Dataset) -> None:
    everything = dataset.filter(kind="event")
    cooperation = dataset.filter(kind="event", context=False)
    context = dataset.filter(kind="event", context=True)
    assert cooperation
    assert context
    assert len(cooperation) + len(context) == len(everything)
    assert all(not e.context for e in cooperation)


def test_filter_by_kind_is_typed(dataset: Dataset) -> None:
    exercises = dataset.filter(kind="exercise", participants=["CHN", "RUS"])
    first: Exercise = exercises[0]  # mypy checks that filter(kind="exercise") yields exercises
    assert first.kind == "exercise"


def test_the_command_line_refuses_an_unknown_actor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "exercise", "--participant", "Narnia"]) == 2
    assert "unknown actor 'Narnia'" in capsys.readouterr().err
    assert main(["list", "exercise", "--participant", "China", "--participant", "russia", "--year", "2019"]) == 0
    assert "(" in capsys.readouterr().err
    assert main(["list", "arms_transfer", "--supplier", "CN", "--no-context"]) == 0
