"""The compiled form of the packaged data: used when it matches, never when stale or changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import sinorus
from sinorus.dataset import Dataset
from sinorus.loading import load as load_module
from sinorus.loading.compiled import cache_folder, compiled_path, data_digest, read_compiled
from sinorus.loading.files import find_files
from sinorus.loading.load import load_packaged, packaged_data_dir
from tests.conftest import DATA


def the_compiled_file(cache: Path) -> Path:
    [path] = cache.iterdir()
    return path


def test_the_compiled_form_gives_the_records_the_yaml_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_yaml = load_packaged(tmp_path)
    assert the_compiled_file(tmp_path).name.startswith(f"packaged-{sinorus.__version__}-")

    def no_yaml(*args: object, **kwargs: object) -> Dataset:
        raise AssertionError("the YAML was read although a compiled form matches")

    monkeypatch.setattr(load_module, "load_dataset", no_yaml)
    from_compiled = load_packaged(tmp_path)
    assert list(from_compiled) == list(from_yaml)
    assert from_compiled.counts() == from_yaml.counts()


def change(records: list[dict[str, object]], how: str) -> list[dict[str, object]]:
    if how == "invalid":
        records[0]["kind"] = "meeting"
    elif how == "dangling":
        cited = next(r for r in records if r["kind"] == "exercise")
        cited["citations"][0]["source"] = "no-such-source"  # type: ignore[index]
    elif how == "duplicate":
        records.append(records[0])
    return records


@pytest.mark.parametrize("how", ["invalid", "dangling", "duplicate", "not json"])
def test_a_changed_compiled_form_is_never_trusted(tmp_path: Path, how: str) -> None:
    expected = list(load_packaged(tmp_path))
    path = the_compiled_file(tmp_path)
    if how == "not json":
        path.write_bytes(path.read_bytes()[:1000])
    else:
        path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8")), how)), encoding="utf-8")
    assert read_compiled(path) is None
    assert list(load_packaged(tmp_path)) == expected


def test_a_truncated_compiled_form_is_caught_by_its_references(tmp_path: Path) -> None:
    """Cutting the list in half leaves citations of sources that are gone."""
    load_packaged(tmp_path)
    path = the_compiled_file(tmp_path)
    records = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(records[: len(records) // 2]), encoding="utf-8")
    assert read_compiled(path) is None


def test_a_changed_data_file_names_another_compiled_form(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    before = compiled_path(data_digest(copy, find_files([copy])), tmp_path)
    assert before == compiled_path(data_digest(copy, find_files([copy])), tmp_path)
    assert compiled_path(data_digest(packaged_data_dir(), find_files([packaged_data_dir()])), tmp_path) == before
    first = sorted(copy.rglob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert compiled_path(data_digest(copy, find_files([copy])), tmp_path) != before


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    assert len(load_packaged(blocked)) == len(sinorus.load())


def test_the_cache_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SINORUS_CACHE_DIR", str(tmp_path))
    assert cache_folder() == tmp_path
    monkeypatch.setenv("SINORUS_CACHE_DIR", "")
    assert cache_folder() is None
    monkeypatch.delenv("SINORUS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "sinorus"


def test_a_new_compiled_form_replaces_the_stale_one(tmp_path: Path) -> None:
    stale = tmp_path / f"packaged-{sinorus.__version__}-{'0' * 32}.json"
    other_version = tmp_path / f"packaged-0.0.1-{'0' * 32}.json"
    stale.write_text("[]", encoding="utf-8")
    other_version.write_text("[]", encoding="utf-8")
    load_packaged(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert other_version.name in names
    assert stale.name not in names
    assert len(names) == 2
