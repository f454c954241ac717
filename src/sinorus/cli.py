"""The `sinorus` command: statistics, lookups, listings, validation and export."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeAlias, get_args

import sinorus
from sinorus import panels
from sinorus.citing import bibtex_entry, dataset_bibtex, dataset_reference, reference_text, sources_behind
from sinorus.coverage import coverage
from sinorus.dataset import ActorFilterRole, Dataset
from sinorus.errors import DataError, SinorusError
from sinorus.export import FORMATS, export, format_of_path
from sinorus.export.records_json import record_to_json
from sinorus.models.display import record_text
from sinorus.models.records import RECORD_TYPES, RecordBase
from sinorus.query import actors_of, year_span

__all__ = ["build_parser", "main", "run"]


class CommandError(Exception):
    """A user error to report on one line, with exit status 2."""


def _dataset(args: argparse.Namespace) -> Dataset:
    if args.data is None:
        return sinorus.load()
    return sinorus.load(args.data, with_packaged=args.with_packaged, allow_overrides=args.allow_overrides)


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _summary_line(record: RecordBase) -> str:
    when = str(record.date_value) if record.date_value is not None else "-"
    actors = ",".join(dict.fromkeys(actors_of(record)))
    return f"{when:<23} {record.kind:<13} {record.id:<48} {record.name}" + (f"  [{actors}]" if actors else "")


def _stats(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    summary = ds.summary()
    span = year_span(ds)
    if args.json:
        _print_json({"version": sinorus.__version__, "data_version": sinorus.DATA_VERSION, **summary})
        return 0
    print(f"sinorus {sinorus.__version__}, data {sinorus.DATA_VERSION}")
    print(f"{summary['records']} records")
    for kind, n in summary["by_kind"].items():
        print(f"  {kind:<14}{n:>6}")
    print(f"{summary['citations']} citations, {summary['discrepancies']} recorded discrepancies")
    if span:
        print(f"dated records span {span[0]}-{span[1]}")
    return 0


def _show(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    record = ds.get(args.id)
    if record is None:
        suggestions = ", ".join(r.id for r in ds.search(args.id, limit=3))
        hint = f" (did you mean: {suggestions})" if suggestions else ""
        raise CommandError(f"no record with id {args.id!r}{hint}")
    if args.json:
        _print_json(record_to_json(record))
        return 0
    print(record_text(record))
    return 0


def _search(args: argparse.Namespace) -> int:
    found = _dataset(args).search(args.text, kind=args.kind, limit=args.limit)
    return _print_records(found, args.json)


def _list(args: argparse.Namespace) -> int:
    try:
        found = _dataset(args).filter(
            kind=args.kind,
            participants=args.participant or (),
            any_participant=args.any_participant or (),
            role=args.role,
            supplier=args.supplier,
            recipient=args.recipient,
            context=False if args.no_context else None,
            year=args.year,
            start=args.start,
            end=args.end,
            series=args.series,
            type=args.type,
            status=args.status,
            domain=args.domain,
            source=args.source,
        )
    except ValueError as error:
        raise CommandError(str(error)) from None
    return _print_records(found, args.json)


def _print_records(records: Sequence[RecordBase], as_json: bool) -> int:
    if as_json:
        _print_json([record_to_json(r) for r in records])
    else:
        for record in records:
            print(_summary_line(record))
        print(f"({len(records)} record{'s' if len(records) != 1 else ''})", file=sys.stderr)
    return 0


def _coverage(args: argparse.Namespace) -> int:
    table = coverage(_dataset(args))
    if args.json:
        _print_json(table.as_json())
        return 0
    kinds = [k for k in table.by_kind if k != "source"]
    header = "".join(f"{k[:9]:>10}" for k in kinds)
    print(f"{'year':<10}{header}")
    for year, counts in table.by_year.items():
        print(f"{year or 'undated'!s:<10}" + "".join(f"{counts.get(k, 0):>10}" for k in kinds))
    print(f"\n{'source / section':<90}{header}")
    for (source, locator), counts in table.by_section.items():
        label = f"{source} / {locator}"
        print(f"{label[:89]:<90}" + "".join(f"{counts.get(k, 0):>10}" for k in kinds))
    return 0


def _discrepancies(args: argparse.Namespace) -> int:
    pairs = _dataset(args).discrepancies(nature=args.nature, kind=args.kind)
    if args.json:
        _print_json([{"id": r.id, **d.model_dump(mode="json")} for r, d in pairs])
        return 0
    for record, discrepancy in pairs:
        print(f"{record.id}  {discrepancy.field} [{discrepancy.nature}]: {discrepancy.value!r}")
        print(f"    {discrepancy.note}")
    print(f"({len(pairs)} discrepancies)", file=sys.stderr)
    return 0


def _cite(args: argparse.Namespace) -> int:
    if args.id is None:
        print(dataset_bibtex() if args.bibtex else dataset_reference())
        return 0
    ds = _dataset(args)
    if args.id not in ds:
        raise CommandError(f"no record with id {args.id!r}")
    sources = sources_behind(ds, args.id)
    if args.bibtex:
        print("\n\n".join([*(bibtex_entry(ds, s) for s in sources), dataset_bibtex()]))
    else:
        for source in sources:
            print(reference_text(ds, source))
        print(f"Data: {dataset_reference()}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    if args.path is None:
        ds = sinorus.load()
        where = "packaged data"
    else:
        ds = sinorus.load(args.path, with_packaged=args.with_packaged, allow_overrides=args.allow_overrides)
        where = str(args.path)
    if args.path is not None and args.with_packaged:
        packaged = sinorus.load()
        own = sum(1 for record in ds if packaged.get(record.id) is not record)
        print(f"{where}: {own} records valid ({len(ds)} with the packaged data)")
    else:
        print(f"{where}: {len(ds)} records valid")
    return 0


def _fmt(args: argparse.Namespace) -> int:
    # Reading and writing YAML is imported here, so that other commands start without PyYAML.
    from sinorus.loading.files import find_files, read_record_file, write_atomically
    from sinorus.loading.records import read_files
    from sinorus.loading.writer import CommentsWouldBeLost, format_text

    files = find_files(args.paths)
    result = read_files(files)
    if result.problems:
        raise DataError(result.problems)
    pending: list[Path] = []
    for source in result.files:
        records = [item.record for item in result.records if item.source is source]
        try:
            formatted = format_text(source.text, records, drop_comments=args.drop_comments)
        except CommentsWouldBeLost as error:
            raise CommandError(f"{source.path}: {error} (pass --drop-comments to format it anyway)") from None
        if formatted != source.text:
            pending.append(source.path)
            if not args.check:
                if read_record_file(source.path).text != source.text:
                    raise CommandError(
                        f"{source.path} changed while it was being formatted; left as it is: run fmt again"
                    )
                write_atomically(source.path, formatted)
    verb = "would reformat" if args.check else "reformatted"
    for file in pending:
        print(f"{verb} {file}")
    print(f"{len(pending)} of {len(files)} files {verb}", file=sys.stderr)
    return 1 if args.check and pending else 0


def _export(args: argparse.Namespace) -> int:
    fmt = _export_format(args.format, str(args.output))
    if fmt == "jsonschema":
        print("sinorus: --format jsonschema is deprecated and goes in 0.4; use 'sinorus schema'", file=sys.stderr)
        return _schema(args)
    ds = _dataset(args)
    records = ds.filter(kind=args.kind) if args.kind else ds.records
    if args.kind and FORMATS[fmt].tables:
        records = ds.with_references(records)
    if str(args.output) == "-":
        write = FORMATS[fmt].stream
        assert write is not None
        write(records, sys.stdout)
        return 0
    _claim_output(args.output, force=args.force, folder=FORMATS[fmt].folder)
    count = export(records, args.output, fmt)
    print(f"wrote {count} records to {args.output}", file=sys.stderr)
    return 0


_TABLE_FILES = (".csv", ".parquet", "datapackage.json")
"""What a table export writes into its folder."""


def _claim_output(path: Path, *, force: bool, folder: bool) -> None:
    """Refuse to replace an existing output unless `force`, and never write through a link.
    With `force`, the tables of an earlier export are removed first, so none is left stale."""
    if path.is_symlink():
        raise CommandError(f"{path} is a symbolic link; give the path it points to")
    if not path.exists() or (folder and path.is_dir() and not any(path.iterdir())):
        return
    if not force:
        raise CommandError(f"{path} exists; pass --force to replace it")
    if path.is_dir() != folder:
        wanted = "a folder" if folder else "a file"
        raise CommandError(f"{path} is {'a folder' if path.is_dir() else 'a file'}, but the format writes {wanted}")
    if folder:
        entries = list(path.iterdir())
        others = sorted(
            p.name for p in entries if p.is_symlink() or not p.is_file() or not p.name.endswith(_TABLE_FILES)
        )
        if others:
            raise CommandError(
                f"{path} holds more than exported tables ({', '.join(others[:3])}); choose another folder"
            )
        for entry in entries:
            entry.unlink()


def _export_format(given: str | None, output: str) -> str:
    """The export format: as given, or from the output's name; refuses a name that contradicts it."""
    implied = format_of_path(output)
    if given is not None and implied is not None and not output.lower().endswith(FORMATS[given].suffixes):
        raise CommandError(f"{output!r} names a {implied} file but --format is {given}")
    fmt = given or implied
    if fmt is None:
        folders = ", ".join(name for name, f in FORMATS.items() if f.folder)
        raise CommandError(
            f"cannot tell the format from {output!r}: name the file .jsonl, .json, .schema.json or .sqlite, "
            f"or give --format (folder formats: {folders})"
        )
    if output == "-" and FORMATS[fmt].stream is None:
        what = "a folder of files" if FORMATS[fmt].folder else "a binary file"
        raise CommandError(f"{fmt} writes {what}, not standard output: give a path with -o")
    return fmt


_PANELS = {
    "country-year": lambda ds, args: panels.country_year(
        ds, system=args.system, start=args.start, end=args.end, context=args.with_context
    ),
    "dyad-year": lambda ds, args: panels.dyad_year(
        ds, system=args.system, directed=args.directed, start=args.start, end=args.end, context=args.with_context
    ),
    "exercise-participant-year": lambda ds, args: panels.exercise_participant_year(
        ds, system=args.system, start=args.start, end=args.end
    ),
}
"""Each panel the `panel` command builds."""
_PANEL_SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".jsonl": "jsonl"}


def _schema(args: argparse.Namespace) -> int:
    from sinorus.export.json_schema import write_json_schema, write_json_schema_stream

    if str(args.output) == "-":
        write_json_schema_stream(sys.stdout)
        return 0
    _claim_output(args.output, force=args.force, folder=False)
    write_json_schema(args.output)
    print(f"wrote the record JSON Schema to {args.output}", file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from sinorus.export.datasette import serve

    records = _dataset(args).records
    if args.folder is not None:
        return serve(records, args.folder, args.host, args.port)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sinorus-serve-") as folder:
        return serve(records, Path(folder), args.host, args.port)


def _panel(args: argparse.Namespace) -> int:
    from sinorus.export.csv_tables import write_csv_table
    from sinorus.export.parquet import write_parquet_table

    output = str(args.output)
    suffix = Path(output).suffix.lower()
    if output != "-" and suffix not in _PANEL_SUFFIXES:
        raise CommandError(f"cannot tell the format from {output!r}: name the file .csv, .parquet or .jsonl")
    if args.directed and args.panel != "dyad-year":
        raise CommandError("--directed applies to dyad-year panels only")
    table = _PANELS[args.panel](_dataset(args), args)
    if output == "-":
        write_csv_table(table, sys.stdout)
        return 0
    fmt = _PANEL_SUFFIXES[suffix]
    _claim_output(Path(output), force=args.force, folder=False)
    if fmt == "csv":
        with Path(output).open("w", encoding="utf-8", newline="") as stream:
            write_csv_table(table, stream)
    elif fmt == "parquet":
        write_parquet_table(table, Path(output))
    else:
        with Path(output).open("w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(json.dumps(row, default=str) + "\n" for row in table.as_dicts())
    print(f"wrote {len(table.rows)} rows to {output} ({table.description})", file=sys.stderr)
    return 0


_DESCRIPTION = """\
The typed, sourced dataset of Sino-Russian military and security cooperation.

Every command reads the packaged records, or your own with --data. Exit status: 0 on success,
1 when the data does not load, 2 for a usage error (a message on standard error says which)."""

_OVERRIDES_HELP = "with --with-packaged: let its ids replace packaged ones"


class _ParagraphFormatter(argparse.HelpFormatter):
    """Help text wrapped to the terminal, keeping the paragraphs and `- ` list items it is written in."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        items: list[str] = []
        for line in text.splitlines():
            if not line.strip() or line.startswith("- ") or not items or not items[-1]:
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        return "\n".join(
            textwrap.fill(item, width, initial_indent=indent, subsequent_indent=indent + "  " * item.startswith("- "))
            for item in items
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `sinorus` command, with every subcommand."""
    parser = argparse.ArgumentParser(prog="sinorus", description=_DESCRIPTION, formatter_class=_ParagraphFormatter)
    parser.add_argument("--version", action="version", version=f"sinorus {sinorus.__version__}")
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", type=Path, help="read records from this file or folder instead of the packaged data")
    data.add_argument("--with-packaged", action="store_true", help="with --data: load it on top of the packaged data")
    data.add_argument("--allow-overrides", action="store_true", help=_OVERRIDES_HELP)
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print JSON")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_reading_commands(commands, data, as_json)
    _add_writing_commands(commands, data)
    for command in commands.choices.values():
        command.formatter_class = _ParagraphFormatter
    return parser


Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_reading_commands(
    commands: Subcommands, data: argparse.ArgumentParser, as_json: argparse.ArgumentParser
) -> None:
    kinds = list(RECORD_TYPES)
    stats = commands.add_parser("stats", parents=[data, as_json], help="count the records")
    stats.set_defaults(run=_stats)

    show = commands.add_parser("show", parents=[data, as_json], help="show one record")
    show.add_argument("id")
    show.set_defaults(run=_show)

    search = commands.add_parser("search", parents=[data, as_json], help="find records by name, fuzzily")
    search.add_argument("text")
    search.add_argument("--kind", choices=kinds)
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(run=_search)

    listing = commands.add_parser("list", parents=[data, as_json], help="list records of a kind, filtered")
    listing.add_argument("kind", choices=kinds)
    listing.add_argument(
        "--participant", action="append", metavar="ACTOR", help="must take part: a code or a name (repeat: all of)"
    )
    listing.add_argument("--any-participant", action="append", metavar="ACTOR", help="takes part: any of these")
    listing.add_argument(
        "--role", choices=get_args(ActorFilterRole), default="participant", help="how the actors figure"
    )
    listing.add_argument("--supplier", metavar="ACTOR", help="an arms transfer's supplier")
    listing.add_argument("--recipient", metavar="ACTOR", help="an arms transfer's recipient")
    listing.add_argument("--no-context", action="store_true", help="leave out context records")
    listing.add_argument("--year", type=int)
    listing.add_argument("--start", metavar="EDTF", help="dated on or after")
    listing.add_argument("--end", metavar="EDTF", help="dated on or before")
    for name in ("series", "type", "status", "domain", "source"):
        listing.add_argument(f"--{name}")
    listing.set_defaults(run=_list)

    coverage_cmd = commands.add_parser(
        "coverage", parents=[data, as_json], help="count records per year and per source section"
    )
    coverage_cmd.set_defaults(run=_coverage)

    discrepancies = commands.add_parser(
        "discrepancies", parents=[data, as_json], help="list recorded discrepancies between sources"
    )
    discrepancies.add_argument(
        "--nature", choices=["conflict", "error", "spelling", "garbled", "swapped", "count_mismatch"]
    )
    discrepancies.add_argument("--kind", choices=kinds)
    discrepancies.set_defaults(run=_discrepancies)


def _add_writing_commands(commands: Subcommands, data: argparse.ArgumentParser) -> None:
    cite = commands.add_parser(
        "cite",
        parents=[data],
        help="print the references behind a record, or the dataset's own",
        description="Print the full reference of every source a record cites (and of the primary documents "
        "those passages quote), then the dataset's own reference. Without ID: the dataset's reference.",
    )
    cite.add_argument("id", nargs="?")
    cite.add_argument("--bibtex", action="store_true", help="print BibTeX entries instead of plain text")
    cite.set_defaults(run=_cite)

    validate = commands.add_parser("validate", help="check record files (default: the packaged data)")
    validate.add_argument("path", nargs="?", type=Path)
    validate.add_argument("--with-packaged", action="store_true", help="check PATH on top of the packaged data")
    validate.add_argument("--allow-overrides", action="store_true", help=_OVERRIDES_HELP)
    validate.set_defaults(run=_validate)

    fmt = commands.add_parser("fmt", help="rewrite record files in the canonical YAML layout")
    fmt.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    fmt.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    fmt.add_argument("--drop-comments", action="store_true", help="format files even if comments would be lost")
    fmt.set_defaults(run=_fmt)

    formats = "\n".join(f"- {name}: {f.description}" for name, f in FORMATS.items())
    export_cmd = commands.add_parser(
        "export", parents=[data], help="write the records to a file or folder", description=f"Formats:\n{formats}"
    )
    export_cmd.add_argument(
        "--format", choices=list(FORMATS), help="the format (default: from the output's name, e.g. records.jsonl)"
    )
    export_cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="a file, a folder for csv, parquet and datapackage, or - for standard output (text formats)",
    )
    export_cmd.add_argument("--force", action="store_true", help="replace the output if it exists")
    export_cmd.add_argument(
        "--kind",
        choices=list(RECORD_TYPES),
        help="only records of this kind (for tables: with the records they point at)",
    )
    export_cmd.set_defaults(run=_export)

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of a record",
        description="Write the JSON Schema (Draft 2020-12) that every exported record satisfies.",
    )
    schema.add_argument(
        "-o", "--output", type=Path, default=Path("-"), help="a file, or - (default) for standard output"
    )
    schema.add_argument("--force", action="store_true", help="replace the output if it exists")
    schema.set_defaults(run=_schema)

    serve_cmd = commands.add_parser(
        "serve",
        parents=[data],
        help="browse the records in Datasette (needs sinorus[serve])",
        description="Export the records to a SQLite database and open it in Datasette, with the codebook's "
        "descriptions, facets and links from each record to its citations. Stop it with Ctrl-C.",
    )
    serve_cmd.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, default=8001, help="the port (default 8001)")
    serve_cmd.add_argument(
        "--folder", type=Path, help="keep the database and metadata in this folder (default: a temporary one)"
    )
    serve_cmd.set_defaults(run=_serve)

    panel = commands.add_parser(
        "panel",
        parents=[data],
        help="write a country-year, dyad-year or exercise-participant-year table",
        description="Write a panel for international-relations research. A record counts for a state in every "
        "year it covers; context records are left out unless --with-context is given. In the cow and gw "
        "systems the USSR and Russia share the code 365.",
    )
    panel.add_argument("panel", choices=list(_PANELS))
    panel.add_argument("--system", choices=get_args(panels.System), default="cow", help="state codes (default cow)")
    panel.add_argument("--directed", action="store_true", help="dyad-year: both orders (transfers: supplier first)")
    panel.add_argument("--start", type=int, metavar="YEAR", help="first year (default: the data's first)")
    panel.add_argument("--end", type=int, metavar="YEAR", help="last year (default: the data's last)")
    panel.add_argument("--with-context", action="store_true", help="count context records too")
    panel.add_argument("-o", "--output", type=Path, required=True, help="a .csv, .parquet or .jsonl file, or - (CSV)")
    panel.add_argument("--force", action="store_true", help="replace the output if it exists")
    panel.set_defaults(run=_panel)


def _escape_what_cannot_be_printed() -> None:
    """Print characters the terminal's encoding lacks (and undecodable file names) as escapes
    instead of failing half-way through the output."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def run() -> NoReturn:
    """The `sinorus` process: `main`, then its output flushed and the process ended at once.

    Ending this way skips the interpreter's teardown, which would free every record and model
    one by one for nothing (about a fifth of a short command's time); every file a command
    writes is closed before `main` returns."""
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):  # a reader that has gone, a closed stream
            stream.flush()
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _escape_what_cannot_be_printed()
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # pragma: no cover - output piped into head
        return 0
    except DataError as error:
        print(f"sinorus: {error}", file=sys.stderr)
        return 1
    except (SinorusError, CommandError, OSError) as error:
        print(f"sinorus: error: {error}", file=sys.stderr)
        return 2
    return status
