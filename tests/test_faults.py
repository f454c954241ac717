"""Nothing is lost when a write is cut short, a file is named twice or a reader runs alongside
`sinorus fmt`; values that YAML could bend come back exactly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

import sinorus
from sinorus.cli import main
from sinorus.dataset import Dataset
from sinorus.loading.files import write_atomically
from sinorus.loading.writer import dump_records
from sinorus.models.base import Citation, Discrepancy, Money
from sinorus.models.records import ArmsTransfer, Event

SOURCE = "csis-2022"


def event(record_id: str, name: str) -> Event:
    return Event(id=record_id, name=name, event_type="other", citations=[{"source": SOURCE, "locator": "Front matter"}])


def unformatted(tmp_path: Path, count: int) -> Path:
    """A valid record file in a layout `fmt` rewrites (flow lists, quoted keys)."""
    lines = []
    for i in range(count):
        lines += [
            f'- "kind": event\n  "id": "e{i}"\n  "name": "Event {i}"\n  "event_type": other\n',
            f'  "citations": [{{"source": {SOURCE}, "locator": "Front matter"}}]\n',
        ]
    path = tmp_path / "records.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def loaded_ids(path: Path) -> list[str]:
    """Ids of the records `path` adds to the packaged data, whose sources it cites."""
    packaged = {r.id for r in sinorus.load()}
    return [r.id for r in sinorus.load(path, with_packaged=True) if r.id not in packaged]


@pytest.mark.parametrize("form", ["same", "dotted", "folder"])
def test_a_file_named_twice_is_formatted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    path = unformatted(tmp_path, 3)
    monkeypatch.chdir(tmp_path)
    second = {"same": "records.yaml", "dotted": "./records.yaml", "folder": "."}[form]
    assert main(["fmt", "records.yaml", second]) == 0
    assert sorted(loaded_ids(path)) == ["e0", "e1", "e2"]


def test_a_file_changed_while_it_is_formatted_is_left_as_the_other_writer_left_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sinorus.loading.writer
    from sinorus.loading.writer import format_text

    path = unformatted(tmp_path, 2)
    theirs = path.read_text(encoding="utf-8") + "\n"
    original = format_text

    def format_while_another_process_writes(*args: object, **kwargs: bool) -> str:
        path.write_text(theirs, encoding="utf-8")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sinorus.loading.writer, "format_text", format_while_another_process_writes)
    assert main(["fmt", str(path)]) == 2
    assert "changed while it was being formatted" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == theirs


def test_a_write_cut_short_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """With a file-size limit smaller than the new text, the write fails and nothing changes."""
    path = unformatted(tmp_path, 200)
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        from sinorus.cli import main
        sys.exit(main(["fmt", {str(path)!r}]))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["records.yaml"]


def test_a_reader_never_sees_a_half_written_file(tmp_path: Path) -> None:
    """While one process rewrites the file again and again, every load sees all its records."""
    path = unformatted(tmp_path, 2000)
    writer = textwrap.dedent(
        f"""
        from pathlib import Path
        from sinorus.loading.files import write_atomically
        path = Path({str(path)!r})
        texts = [path.read_text(), path.read_text().replace('"', "'")]
        for i in range(60):
            write_atomically(path, texts[i % 2])
        """
    )
    process = subprocess.Popen([sys.executable, "-c", writer])
    counts = set()
    while process.poll() is None:
        counts.add(len(loaded_ids(path)))
    assert process.returncode == 0
    assert counts == {2000}


def test_atomic_writes_keep_the_permissions(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomically(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert path.stat().st_mode & 0o777 == 0o640


def test_line_breaks_other_than_newline_come_back_exactly(tmp_path: Path) -> None:
    """Names may hold U+2028 and U+2029; a discrepancy's value may hold any break."""
    record = event("e0", "a\u2028b\u2029c").model_copy(
        update={
            "discrepancies": (
                Discrepancy(
                    field="name",
                    value="a\x85b\u2028c\u2029d\re",
                    nature="conflict",
                    citations=[Citation(source=SOURCE, locator="Front matter")],
                    note="A value with every kind of line break",
                ),
            )
        }
    )
    path = tmp_path / "f.yaml"
    text = dump_records([record])
    assert not {"\x85", "\u2028", "\u2029"} & set(text)
    path.write_text(text, encoding="utf-8")
    loaded = sinorus.load(path, with_packaged=True)["e0"]
    assert loaded == record


def test_large_amounts_keep_every_digit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2**53 + 1 is the first whole number a float cannot hold."""
    amount = Decimal(2**53 + 1)
    transfer = ArmsTransfer(
        id="t0",
        name="A large deal",
        supplier="RUS",
        recipient="CHN",
        category="aircraft",
        value=Money(amount=amount, currency="USD"),
        citations=[{"source": SOURCE, "locator": "Front matter"}],
    )
    path = tmp_path / "f.yaml"
    path.write_text(dump_records([transfer]), encoding="utf-8")
    loaded = sinorus.load(path, with_packaged=True)["t0"]
    assert isinstance(loaded, ArmsTransfer)
    assert loaded.value is not None
    assert loaded.value.amount == amount
    assert (
        main(
            [
                "export",
                "--data",
                str(path),
                "--with-packaged",
                "--kind",
                "arms_transfer",
                "--format",
                "jsonl",
                "-o",
                "-",
            ]
        )
        == 0
    )
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert next(r for r in exported if r["id"] == "t0")["value"]["amount"] == int(amount)


@pytest.mark.parametrize(
    "error",
    ["DataError", "QueryError", "ExportError", "RecordNotFound", "MissingExtraError"],
)
def test_every_error_class_is_a_sinorus_error(error: str) -> None:
    assert issubclass(getattr(sinorus, error), sinorus.SinorusError)


def test_errors_raised_by_lookups_dates_and_exports_are_sinorus_errors(dataset: Dataset, tmp_path: Path) -> None:
    from sinorus.export import export
    from sinorus.loading.writer import CommentsWouldBeLost, format_text
    from sinorus.models.edtf import EDTF

    with pytest.raises(sinorus.RecordNotFound):
        dataset["no-such-record"]
    with pytest.raises(KeyError):
        dataset["no-such-record"]
    with pytest.raises(sinorus.RecordNotFound):
        dataset.lookup("nothing is called this")
    with pytest.raises(sinorus.SinorusError):
        EDTF("2016-13")
    with pytest.raises(sinorus.ExportError):
        export(dataset.records[:1], tmp_path / "x", "xlsx")
    with pytest.raises(sinorus.SinorusError):
        format_text("- kind: event\n  # a comment\n", [], drop_comments=False)
    assert issubclass(CommentsWouldBeLost, sinorus.SinorusError)


@pytest.mark.parametrize("amount", [Decimal(2**63), Decimal("1e999"), "1000", True])
def test_amounts_no_export_could_hold_or_written_as_text_are_refused(amount: object) -> None:
    with pytest.raises(ValueError, match="amount"):
        Money.model_validate({"amount": amount, "currency": "USD"})


def test_a_year_beyond_the_calendar_is_a_query_error(dataset: Dataset) -> None:
    with pytest.raises(sinorus.QueryError, match="year 99999"):
        dataset.filter(year=99999)
    assert main(["list", "exercise", "--year", "0"]) == 2


def test_a_search_limit_below_one_is_refused(dataset: Dataset) -> None:
    with pytest.raises(sinorus.QueryError, match="limit"):
        dataset.search("vostok", limit=-1)
    assert main(["search", "vostok", "--limit", "-1"]) == 2


def test_a_folder_that_cannot_be_listed_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing is refused as it would be without permission (which root, running CI, always has)."""
    unformatted(tmp_path, 1)
    locked = tmp_path / "locked"
    locked.mkdir()
    listing = os.scandir

    def scandir(path: str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(sinorus.DataError, match="locked: cannot list the folder: Permission denied"):
        sinorus.load(tmp_path, with_packaged=True)


def test_a_linked_folder_is_followed_once(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    unformatted(real, 2)
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert sorted(loaded_ids(tmp_path / "link")) == ["e0", "e1"]
    assert sorted(loaded_ids(tmp_path)) == ["e0", "e1"]


def test_loading_from_a_working_folder_that_is_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = unformatted(tmp_path, 1)
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert loaded_ids(path) == ["e0"]
    with pytest.raises(sinorus.DataError, match="no such file"):
        sinorus.load(Path("missing.yaml"), with_packaged=True)


def test_output_the_terminal_cannot_encode_is_escaped(tmp_path: Path) -> None:
    """A terminal limited to ASCII still gets every Chinese and Russian name, escaped, and an
    undecodable file name is named rather than crashing the report."""
    odd = tmp_path / os.fsdecode(b"bad-\xff.yaml")
    odd.write_text("- kind: event\n  id: X\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    show = [sys.executable, "-m", "sinorus", "show", "joint-sea-2013"]
    result = subprocess.run(show, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "\\u6d77\\u4e0a\\u8054\\u5408" in result.stdout  # 海上联合
    validate = [sys.executable, "-m", "sinorus", "validate", str(odd)]
    result = subprocess.run(validate, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert "bad-" in result.stderr
    assert "Traceback" not in result.stderr
