"""Search finds records by any of their names, in any case, with or without accents, in Latin,
Cyrillic or Chinese script."""

from __future__ import annotations

import pytest

import sinorus
from sinorus.dataset import Dataset
from sinorus.search import NameIndex, fold_name


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Восток-2018", "vostok 2018"),
        ("Морское взаимодействие", "morskoe vzaimodeystvie"),
        ("海上联合", "hai shang lian he"),
        ("Zapad/Interaction-2021", "zapad interaction 2021"),
        ("Caucasus  2020", "caucasus 2020"),
        ("Café Élysée", "cafe elysee"),
    ],
)
def test_names_fold_to_latin_lower_case_words(text: str, folded: str) -> None:
    assert fold_name(text) == folded


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Восток", "vostok"),
        ("vostok 2018", "vostok-2018"),
        ("haishang lianhe", "joint-sea"),
        ("海上联合-2013", "joint-sea-2013"),
        ("Peace Mision", "peace-mission"),
        ("JOINT SEA", "joint-sea"),
    ],
)
def test_search_finds_names_across_scripts_and_spellings(dataset: Dataset, query: str, expected: str) -> None:
    found = dataset.search(query, limit=5).ids
    assert any(i == expected or i.startswith(expected + "-") for i in found), (query, found)


def test_exact_names_rank_first_and_kinds_narrow(dataset: Dataset) -> None:
    record = dataset["vostok-2018"]
    assert dataset.search(record.name)[0] == record
    assert all(r.kind == "source" for r in dataset.search("Vostok", kind="source"))
    with pytest.raises(sinorus.QueryError, match="unknown kind"):
        dataset.search("Vostok", kind="exercize")
    assert dataset.search("zzzzzzqqqqq") == ()
    assert dataset.search("") == ()


def test_the_index_scores_each_record_once_by_its_best_name() -> None:
    index = NameIndex([["alpha-one", "Alpha One"], ["alpha two"], ["Омега"]])
    scores = index.search("alpha one", floor=0.3)
    assert scores[0] == 1.0
    assert 0.3 < scores[1] < 1.0
    assert index.search("omega", floor=0.3) == {2: 1.0}


def test_results_are_the_same_in_every_process() -> None:
    """Names sharing as many trigrams with the query are taken in one order whatever the
    interpreter's string hashing."""
    import os
    import subprocess
    import sys

    code = "import sinorus; print(sinorus.load().search('china', limit=20).ids)"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1, outputs


def test_a_trigram_most_names_share_is_not_counted_when_the_query_has_rarer_ones() -> None:
    names = [[f"synthetic record {i}"] for i in range(12_000)] + [["S-400 China"], ["s"]]
    index = NameIndex(names)
    assert max(index.search("s-400 china", floor=0.5).items(), key=lambda item: item[1]) == (12_000, 1.0)
    assert index.search("s", floor=0.5)[12_001] == 1.0  # only common trigrams: all are counted
