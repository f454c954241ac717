"""Data versions and release assets: a data change needs a new DATA_VERSION, and the release
command's output holds what it says."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path
from types import ModuleType

import frictionless
import pytest

import sinorus
from sinorus.dataset import Dataset
from sinorus.export.manifest import Manifest, changes, manifest_of, read_manifest, write_manifest
from tests.conftest import ROOT, load_script

RELEASES = ROOT / "releases"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script("scripts/release_assets.py")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_a_data_change_needs_a_new_data_version(script: ModuleType, dataset: Dataset) -> None:
    newest = script.newest_manifest(RELEASES)
    assert newest is not None, "releases/ holds the manifest of every released data version"
    released = read_manifest(newest)
    current = manifest_of(dataset.records, sinorus.DATA_VERSION)
    if current.hashes != released.hashes:
        assert _version(sinorus.DATA_VERSION) > _version(released.data_version), (
            f"the records differ from data {released.data_version} ({len(changes(released, current).changed)} changed): "
            "give DATA_VERSION a new version"
        )
    else:
        assert released.data_version == sinorus.DATA_VERSION


def test_a_manifest_reads_back_and_tells_the_changes(tmp_path: Path, dataset: Dataset) -> None:
    manifest = manifest_of(dataset.records, "2099.1.0")
    write_manifest(manifest, tmp_path / "m.tsv")
    assert read_manifest(tmp_path / "m.tsv") == manifest
    edited = dict(manifest.hashes)
    removed = edited.pop("vostok-2018")
    edited["vostok-2022"] = removed
    edited["new-record"] = removed
    found = changes(manifest, Manifest("2099.1.1", edited))
    assert (found.added, found.removed, found.changed) == (("new-record",), ("vostok-2018",), ("vostok-2022",))


def test_the_release_assets_hold_what_they_say(tmp_path: Path, script: ModuleType, dataset: Dataset) -> None:
    releases = tmp_path / "releases"
    shutil.copytree(RELEASES, releases)
    previous = read_manifest(script.newest_manifest(releases))
    out = tmp_path / "out"
    files = script.build(out, releases)
    lines = (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    sums = {name: digest for digest, name in (line.split("  ") for line in lines)}
    assert set(sums) == {f.name for f in files if f.name != "SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    stem = f"sinorus-{sinorus.DATA_VERSION}"
    records = (out / f"{stem}-records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == len(dataset)
    with zipfile.ZipFile(out / f"{stem}-datapackage.zip") as archive:
        archive.extractall(tmp_path / "package")
    report = frictionless.validate(str(tmp_path / "package" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
    database = sqlite3.connect(out / f"{stem}.sqlite")
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    current = manifest_of(dataset.records, sinorus.DATA_VERSION)
    assert (releases / f"data-{sinorus.DATA_VERSION}.tsv").read_text() == (
        out / f"data-{sinorus.DATA_VERSION}.tsv"
    ).read_text()
    if previous.data_version != sinorus.DATA_VERSION:
        summary = json.loads((out / f"changes-{previous.data_version}-to-{sinorus.DATA_VERSION}.json").read_text())
        assert summary == {
            "from": previous.data_version,
            "to": sinorus.DATA_VERSION,
            **changes(previous, current).as_dict(),
        }
