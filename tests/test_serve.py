"""`sinorus serve`: the SQLite export in Datasette, described by the codebook."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from sinorus.dataset import Dataset
from sinorus.export.datasette import FACETS, datasette_metadata
from sinorus.tables import build_tables
from tests.test_cli import run


def test_the_metadata_describes_every_table_and_column(dataset: Dataset) -> None:
    tables = build_tables(dataset.records)
    described = datasette_metadata(tables.values(), "sinorus")["databases"]["sinorus"]["tables"]
    assert set(described) == set(tables)
    for name, table in tables.items():
        assert described[name]["description"] == table.description
        assert described[name]["columns"] == {c.name: c.description for c in table.columns}
        assert set(described[name].get("facets", [])) == set(FACETS.get(name, []))
    assert described["records"]["label_column"] == "name"


def test_serve_without_datasette_names_the_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "datasette", None)
    status, _, err = run(capsys, "serve", "--folder", str(tmp_path))
    assert status == 2
    assert "pip install 'sinorus[serve]'" in err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def test_datasette_serves_a_record_and_its_citations(tmp_path: Path, dataset: Dataset) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sinorus", "serve", "--port", str(port), "--folder", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                metadata = _get(f"{base}/-/metadata.json")
                break
            except OSError:
                assert server.poll() is None, "sinorus serve stopped before answering"
                assert time.monotonic() < deadline, "Datasette did not answer within two minutes"
                time.sleep(0.5)
        assert metadata["license"] == "CC BY 4.0"
        record = _get(f"{base}/sinorus/records/vostok-2018.json?_shape=objects")["rows"]
        assert record[0]["name"] == dataset["vostok-2018"].name
        citations = _get(f"{base}/sinorus/citations.json?id=vostok-2018&_shape=array")
        assert [c["quote"] for c in citations] == [c.quote for c in dataset["vostok-2018"].citations]
        browse = _get(f"{base}/sinorus/records_by_year.json?actor=CHN&kind=exercise&_size=0")
        years = {str(v["value"]): v["count"] for v in browse["facet_results"]["year"]["results"]}
        exercises_2018 = [
            r
            for r in dataset.exercises
            if r.date
            and r.date.earliest.year == r.date.latest.year == 2018
            and "CHN" in {code for _, _, code in r.actor_roles()}
        ]
        assert years["2018"] == len(exercises_2018)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
