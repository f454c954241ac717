"""The command line, run in-process and as a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sinorus.cli import main
from sinorus.dataset import Dataset
from tests.conftest import DATA


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_stats(capsys: pytest.CaptureFixture[str], dataset: Dataset) -> None:
    status, out, _ = run(capsys, "stats", "--json")
    assert status == 0
    stats = json.loads(out)
    assert stats["records"] == len(dataset)
    assert stats["by_kind"] == dataset.counts()
    status, out, _ = run(capsys, "stats")
    assert status == 0
    assert f"{len(dataset)} records" in out


def test_show(capsys: pytest.CaptureFixture[str], dataset: Dataset) -> None:
    record = dataset.events[0]
    status, out, _ = run(capsys, "show", record.id, "--json")
    assert status == 0
    assert json.loads(out)["id"] == record.id
    status, out, _ = run(capsys, "show", record.id)
    assert status == 0
    assert f"name: {record.name}" in out


def test_unknown_id_is_one_line_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "no-such-record")
    assert status == 2
    assert out == ""
    assert err.startswith("sinorus: error: no record with id 'no-such-record'")
    assert len(err.strip().splitlines()) == 1


def test_list_and_search(capsys: pytest.CaptureFixture[str], dataset: Dataset) -> None:
    status, out, _ = run(capsys, "list", "exercise", "--participant", "CHN", "--participant", "RUS", "--json")
    assert status == 0
    listed = [r["id"] for r in json.loads(out)]
    assert listed == [r.id for r in dataset.filter(kind="exercise", participants=["CHN", "RUS"])]
    assert listed
    target = dataset.exercises[0]
    status, out, _ = run(capsys, "search", target.name, "--json")
    assert status == 0
    assert target.id in [r["id"] for r in json.loads(out)]
    status, _, err = run(capsys, "list", "event", "--start", "2016-13")
    assert status == 2
    assert "month 13" in err


def test_export_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Dataset) -> None:
    out_file = tmp_path / "records.jsonl"
    status, _, err = run(capsys, "export", "--format", "jsonl", "-o", str(out_file))
    assert status == 0
    assert f"wrote {len(dataset)} records" in err
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(dataset)
    by_id = {r.id: r for r in dataset}
    for line in lines:
        obj = json.loads(line)
        record = by_id[obj["id"]]
        assert {"id", "kind", "name", "aliases", "citations"} <= obj.keys()
        assert obj["kind"] == record.kind
        if record.date_value is not None:
            assert str(record.date_value) in obj.values()
        for exported, citation in zip(obj["citations"], record.citations, strict=True):
            assert exported["source"] == citation.source
            assert exported["locator"] == citation.locator
            assert exported["quote"] == citation.quote


def test_validate_a_copy_then_a_broken_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    status, out, _ = run(capsys, "validate", str(copy))
    assert status == 0
    assert "records valid" in out
    target = sorted(copy.rglob("*.yaml"))[-1]
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("  name: "))
    lines[number] = "  name: \n"
    target.write_text("".join(lines), encoding="utf-8")
    status, _, err = run(capsys, "validate", str(copy))
    assert status == 1
    assert f"{target}:{number + 1}:" in err
    assert ": name: " in err


def test_module_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("- kind: event\n  id: x\n  name: X\n  event_type: call\n  date: '2016-02-30'\n")
    done = subprocess.run(
        [sys.executable, "-m", "sinorus", "validate", str(broken)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"{broken}:5:9: date: record 'x': '2016-02-30': day 30 does not exist in 2016-02" in done.stderr


def test_the_process_ends_with_its_output_written_whole(tmp_path: Path, dataset: Dataset) -> None:
    """The process skips the interpreter's teardown: what it printed and wrote must be complete."""
    output = tmp_path / "records.jsonl"
    command = [sys.executable, "-m", "sinorus", "export", "-o", str(output)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()] == [
        r.id for r in dataset
    ]
    listed = subprocess.run(
        [sys.executable, "-m", "sinorus", "list", "source", "--json"], capture_output=True, text=True, check=True
    )
    assert len(json.loads(listed.stdout)) == len(dataset.sources)


def test_discrepancies_command(capsys: pytest.CaptureFixture[str], dataset: Dataset) -> None:
    status, out, _ = run(capsys, "discrepancies", "--nature", "swapped", "--json")
    assert status == 0
    listed = json.loads(out)
    assert len(listed) == len(dataset.discrepancies(nature="swapped"))
    assert all(item["nature"] == "swapped" for item in listed)
    status, out, _ = run(capsys, "discrepancies")
    assert status == 0
    assert out.count("\n    ") == len(dataset.discrepancies())


def test_validate_with_packaged_counts_the_files_own_records_and_allows_overrides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Dataset
) -> None:
    record = dataset["wang-lavrov-call-2016-03-02"]
    text = (DATA / "yu-bin-2016.yaml").read_text(encoding="utf-8")
    own = tmp_path / "mine.yaml"
    own.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(own), "--with-packaged", "--allow-overrides")
    assert status == 0
    assert f"{len(yaml.safe_load(text))} records valid ({len(dataset)} with the packaged data)" in out
    status, _, err = run(capsys, "validate", str(own), "--with-packaged")
    assert status == 1
    assert f"record '{record.id}': id already used by the packaged data" in err


def test_help_keeps_paragraphs_and_list_items_and_wraps_prose_to_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "cooperation.\n\nEvery command reads" in out
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    export_help = capsys.readouterr().out
    assert "\nFormats:\n- jsonl: one JSON object per record, one per line\n- json:" in export_help
    for command in ([], ["export"], ["cite"], ["panel"], ["serve"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        help_text = capsys.readouterr().out
        sections = help_text.split("\n\n")[1:]  # the usage lines name every choice and may run longer
        description = "\n".join(s for s in sections if not s.startswith(("options:", "positional arguments:")))
        assert max(len(line) for line in description.splitlines()) <= 60, command
