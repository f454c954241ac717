"""Pages generated at build time from the code and the packaged data (run by mkdocs-gen-files).

The codebook comes from the models, the command-line reference from the argument parser,
and the data pages (coverage, timeline, discrepancies, sources) from ``sinorus.load()``,
so none of them can drift from what the package ships. Record text is escaped on the way in:
a name or note holding HTML renders as the text it is.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import matplotlib
import nbformat
from pydantic import BaseModel

import sinorus
from sinorus import plot
from sinorus.citing import reference_text
from sinorus.cli import build_parser
from sinorus.codebook import PARTS, fields_of
from sinorus.coverage import coverage
from sinorus.dataset import Dataset
from sinorus.models.actors import ORGANISATIONS
from sinorus.models.records import RECORD_TYPES, Agreement, ArmsTransfer, Event, Exercise, Source
from sinorus.query import sources_cited, timeline_key, year_span, years_of

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]


def text(value: object) -> str:
    """Record text made safe for Markdown: HTML in it shows as written."""
    return html.escape(str(value), quote=False)


def code(value: object) -> str:
    """A Markdown code span holding `value` exactly, whatever backticks it contains."""
    shown = " ".join(str(value).split())
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    padded = f" {shown} " if shown.startswith("`") or shown.endswith("`") else shown
    return f"{fence}{padded}{fence}"


def cell(value: object) -> str:
    """Record text made safe for one Markdown table cell."""
    return " ".join(text(value).split()).replace("|", "\\|")


def table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write(path: str, content: str | bytes) -> None:
    """Add a page or image to the site being built (mkdocs-gen-files is only there when it is)."""
    import mkdocs_gen_files

    with mkdocs_gen_files.open(path, "wb" if isinstance(content, bytes) else "w") as page:
        page.write(content)


def codebook_page() -> str:
    parts = [
        "# Codebook\n",
        "Every record kind and every field, generated from the models when the documentation is",
        "built. The same descriptions are in the JSON Schema (`sinorus schema`)",
        "and on the fields of the Python classes.\n",
    ]
    anchors = {name: f"#{name.lower()}" for name in PARTS}

    def field_rows(model: type[BaseModel]) -> list[list[str]]:
        rows = []
        for f in fields_of(model):
            words = re.sub(r"\b(" + "|".join(PARTS) + r")\b", lambda m: f"[{m[1]}]({anchors[m[1]]})", f.type)
            allowed = ", ".join(f"`{v}`" for v in f.allowed)
            need = "yes" if f.required else (f"no (default `{f.default}`)" if f.default is not None else "no")
            rows.append([f"`{f.name}`", words, need, allowed, " ".join(f.description.split())])
        return rows

    header = ["field", "type", "required", "allowed values", "meaning"]
    sections: list[tuple[str, dict[str, type[BaseModel]]]] = [
        ("Record kinds", {**RECORD_TYPES}),
        ("Parts of records", PARTS),
    ]
    for title, models in sections:
        parts.append(f"## {title}\n")
        for name, model in models.items():
            parts += [f"### {name}\n", " ".join((model.__doc__ or "").split()) + "\n", table(header, field_rows(model))]
    parts += [
        "## Organisation codes\n",
        "States use ISO 3166-1 alpha-3 codes (ISO 3166-3 for historic states such as the USSR, `SUN`);",
        "organisations use these codes:\n",
        table(["code", "organisation"], ((f"`{code}`", name) for code, name in ORGANISATIONS.items())),
    ]
    authoring = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    conventions = authoring.split("## Conventions", 1)[1].split("\n## ", 1)[0]
    parts += ["## Conventions\n", "As in [Writing records](authoring.md#conventions):", conventions]
    return "\n".join(parts)


def cli_page() -> str:
    parser = build_parser()
    parts = [
        "# Command line\n",
        "`sinorus` (or `python -m sinorus`). Exit status: 0 on success, 1 when the data does not",
        "load (every problem is listed), 2 on a usage error. This page is generated from the",
        "command's own help.\n",
        "```text\n" + parser.format_help() + "```\n",
    ]
    subcommands = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subcommands.choices.items():  # type: ignore[union-attr]
        parts += [f"## sinorus {name}\n", "```text\n" + sub.format_help() + "```\n"]
    return "\n".join(parts)


def coverage_page(ds: Dataset) -> str:
    cov = coverage(ds)
    kinds = [k for k in RECORD_TYPES if k != "source"]
    parts = [
        "# Coverage\n",
        f"sinorus {sinorus.__version__}, data {sinorus.DATA_VERSION}: {len(ds)} records. Generated from the",
        "packaged data when the documentation is built (`sinorus coverage` prints the same tables).\n",
        "## Records per kind\n",
        table(["kind", "records"], cov.by_kind.items()),
        "## Records per year\n",
        "Records in every year they cover (see the codebook's conventions); the last row counts the",
        "records that cover no single year: undated, or dated only to a decade.\n",
        table(["year", *kinds], ([y or "undated", *(n.get(k, 0) for k in kinds)] for y, n in cov.by_year.items())),
        "## Records per source section\n",
        "Each section of the source documents that records cite, with the records citing it.\n",
        table(
            ["source", "section", *kinds],
            ([f"`{s}`", loc, *(n.get(k, 0) for k in kinds)] for (s, loc), n in cov.by_section.items()),
        ),
    ]
    return "\n".join(parts)


def figure(path: str, ax: object) -> None:
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")  # type: ignore[attr-defined]
    write(path, buffer.getvalue())


def outlet_kinds_figure(ds: Dataset) -> object:
    """A bar chart of the web sources per kind of outlet, for the home page."""
    import matplotlib.pyplot as plt

    counts = Counter(str(s.outlet_kind) for s in ds.sources if isinstance(s, Source) and s.url)
    kinds = sorted(counts, key=lambda kind: counts[kind])
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.barh([kind.replace("_", " ") for kind in kinds], [counts[kind] for kind in kinds], color="#4c72b0")
    ax.set_xlabel("sources with a web address")
    ax.set_title(f"The {sum(counts.values())} web sources, by kind of outlet")
    fig.tight_layout()
    return ax


def timeline_page(ds: Dataset) -> str:
    figure("data/outlet-kinds.png", outlet_kinds_figure(ds))
    figure("data/timeline.png", plot.timeline(ds))
    figure("data/exercises.png", plot.timeline(ds.exercises, lanes="series", labels=0, title="Exercises by series"))
    figure("data/per-year.png", plot.counts_per_year(ds))
    return "\n".join(
        [
            "# Timeline\n",
            "Drawn from the packaged data when the documentation is built, with `sinorus.plot`.",
            "Points are dates known to the day or month, bars longer spans; hollow or faint marks are",
            "uncertain or approximate dates; dotted bars are open-ended.\n",
            "![Every dated record, one lane per kind](timeline.png)\n",
            "![Exercises, one lane per series](exercises.png)\n",
            "![Dated records per year, by kind](per-year.png)\n",
            "```python\nfrom sinorus import plot\n\nplot.timeline(ds)\n"
            'plot.timeline(ds.exercises, lanes="series")\nplot.counts_per_year(ds)\n```\n',
        ]
    )


def _instance_row(ex: Exercise, span: tuple[int, int]) -> list[object]:
    years = years_of(ex, span)
    year = years[0] if years else "undated"
    measures = ("troops", "ships", "submarines", "aircraft", "vehicles")
    forces = "; ".join(
        f"{f.participant or 'total'}: " + ", ".join(f"{getattr(f, n)} {n}" for n in measures if getattr(f, n))
        for f in ex.forces
    )
    return [
        year,
        f"`{ex.id}`",
        ex.name,
        ex.date or "",
        ", ".join(ex.participants),
        ex.location or ex.host or "",
        forces,
        len(sources_cited(ex)),
    ]


def exercises_page(ds: Dataset) -> str:
    exercises = [r for r in ds.exercises if isinstance(r, Exercise)]
    series = sorted((r for r in exercises if r.level == "series"), key=lambda r: r.name)
    instances = sorted((r for r in exercises if r.level == "instance"), key=timeline_key)
    span = year_span(instances) or (0, 0)
    header = ["year", "id", "name", "date", "participants", "where", "forces", "sources"]
    parts = [
        "# Exercises\n",
        f"The {len(instances)} exercise and patrol instances in the packaged data, per series and year,",
        "with the series' own notes (which say where an instance is known but undated). Generated from",
        "the packaged data; what was looked for and not found is listed under [Known gaps](../gaps.md).\n",
    ]
    for s in series:
        members = [i for i in instances if i.series == s.id]
        parts += [
            f"## {text(s.name)}\n",
            f"`{s.id}`; participants: {', '.join(s.participants)}. {text(s.notes or '')}\n",
            table(header, (_instance_row(i, span) for i in members)) if members else "No instance yet.\n",
        ]
    loose = [i for i in instances if i.series is None]
    parts += ["## Exercises outside any series\n", table(header, (_instance_row(i, span) for i in loose))]
    return "\n".join(parts)


def arms_transfers_page(ds: Dataset) -> str:
    transfers = sorted((r for r in ds.arms_transfers if isinstance(r, ArmsTransfer)), key=timeline_key)
    header = [
        "order",
        "delivery",
        "talks",
        "designation",
        "category",
        "deal",
        "ordered",
        "delivered",
        "value",
        "status",
    ]
    parts = [
        "# Arms transfers\n",
        f"The register of the {len(transfers)} transfer records, one per contract or batch where reporting",
        "allows, by direction and then by order date (else delivery date, else the date of the talks for a",
        "deal never ordered).",
        "Dates are EDTF strings as sources give them; numbers keep the sources' qualifiers; `sources`",
        "counts the documents cited. Generated from the packaged data.\n",
    ]
    directions: dict[tuple[str, str], list[ArmsTransfer]] = {}
    for t in transfers:
        directions.setdefault((t.supplier, t.recipient), []).append(t)
    for (supplier, recipient), rows in sorted(directions.items(), key=lambda item: -len(item[1])):
        parts += [
            f"## {supplier} to {recipient}\n",
            table(
                ["id", *header, "sources"],
                (
                    [
                        f"`{t.id}`",
                        t.order_date or "",
                        t.delivery_date or "",
                        t.talks_date or "",
                        t.designation or "",
                        t.category,
                        t.deal_type,
                        t.ordered or "",
                        t.delivered or "",
                        t.value or "",
                        t.status,
                        len(sources_cited(t)),
                    ]
                    for t in rows
                ),
            ),
        ]
    return "\n".join(parts)


CONTACT_TYPES = ("meeting", "visit", "call", "consultation", "summit", "conference")
"""Event types that count as official contacts on the agreements page."""


def agreements_page(ds: Dataset) -> str:
    agreements = sorted((r for r in ds.agreements if isinstance(r, Agreement)), key=timeline_key)
    contacts = [
        r
        for r in sorted(ds.events, key=timeline_key)
        if isinstance(r, Event) and r.event_type in CONTACT_TYPES and {"CHN", "RUS"} <= set(r.actors)
    ]
    parts = [
        "# Agreements and contacts\n",
        f"The {len(agreements)} agreements in date order (signed, or in force where no signing date is",
        "known; undated ones last), then the official contacts between China and Russia per year:",
        f"{len(contacts)} meetings, visits, calls, consultations and summits whose actors include both.",
        "Generated from the packaged data.\n",
        "## Agreements\n",
        table(
            ["signed", "id", "name", "type", "parties", "in force", "expires", "extended", "sources"],
            (
                [
                    a.signed or "",
                    f"`{a.id}`",
                    a.name,
                    a.agreement_type,
                    ", ".join(a.parties),
                    a.in_force or "",
                    a.expires or "",
                    a.extended or "",
                    len(sources_cited(a)),
                ]
                for a in agreements
            ),
        ),
        "## Contacts per year\n",
    ]
    span = year_span(contacts) or (0, 0)
    by_year: dict[str, list[Event]] = {}
    for c in contacts:
        for year in years_of(c, span) or ("undated",):
            by_year.setdefault(str(year), []).append(c)
    parts.append(table(["year", "contacts"], ((year, len(rows)) for year, rows in sorted(by_year.items()))))
    for year, rows in sorted(by_year.items()):
        parts += [
            f"### {year}\n",
            table(
                ["date", "id", "name", "type", "where"],
                ([c.date or "", f"`{c.id}`", c.name, c.event_type, c.location or ""] for c in rows),
            ),
        ]
    return "\n".join(parts)


def discrepancies_page(ds: Dataset) -> str:
    found = ds.discrepancies()
    parts = [
        "# Discrepancies\n",
        f"Every one of the {len(found)} recorded discrepancies: where sources disagree, or a source",
        "is wrong or garbled. The record keeps the best-supported value; each alternative is kept",
        "here with its citation and a note. Generated from the packaged data.\n",
        table(["nature", "discrepancies"], sorted(Counter(d.nature for _, d in found).items())),
    ]
    for record, d in found:
        value = json.dumps(d.value, ensure_ascii=False)
        top = d.field.split(".")[0]
        kept = getattr(record, top, None)
        shown = (
            f"; the record's {code(top)}: {code(kept)}." if kept is not None and not isinstance(kept, tuple) else "."
        )
        parts += [
            f"## {record.id}: {code(d.field)}\n",
            f"**{text(record.name)}** ({record.kind}). Nature: **{d.nature}**. Alternative value: {code(value)}{shown}",
            "",
            text(d.note) + "\n",
        ]
        parts += [f"> {cell(c.quote or '')}\n>\n> — `{c.source}`, {cell(c.locator)}\n" for c in d.citations]
    return "\n".join(parts)


def sources_page(ds: Dataset) -> str:
    cited = {s.id: len(ds.records_citing(s.id)) for s in ds.sources}
    parts = [
        "# Sources\n",
        f"The {len(ds.sources)} sources in the packaged data: the two corpus documents, the chapters of",
        "the 2022 report, the documents they cite, and the web pages of public reporting that records",
        "cite. `sinorus cite ID` prints these references. Generated from the packaged data.\n",
        "Sources per kind of outlet (chapters of the report have none of their own):\n",
        table(
            ["outlet kind", "sources"],
            sorted(Counter(str(s.outlet_kind or "none") for s in ds.sources if isinstance(s, Source)).items()),
        ),
        "A source cited by no record directly is cited through its chapters (the report) or as the",
        "primary document that a cited passage translates.\n",
    ]
    by_type: dict[str, list[Source]] = {}
    for source in ds.sources:
        by_type.setdefault(source.source_type, []).append(source)
    for source_type in sorted(by_type):
        parts.append(f"## {source_type.replace('_', ' ')}\n")
        for source in sorted(by_type[source_type], key=lambda s: s.id):
            parts.append(f"- `{source.id}`: {text(reference_text(ds, source))} *Cited by {cited[source.id]} records.*")
        parts.append("")
    return "\n".join(parts)


def tour_page() -> str:
    """The tour notebook, run from a fresh kernel, with what each cell printed or drew."""
    from nbclient import NotebookClient

    notebook = nbformat.read(ROOT / "docs" / "tour.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    parts = []
    figures = 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        parts.append(f"```python\n{cell.source}\n```")
        for output in cell.outputs:
            data = output.get("data", {})
            if output.output_type == "stream":
                parts.append(f"```text\n{output.text.rstrip()}\n```")
            elif "image/png" in data:
                figures += 1
                write(f"tour/figure-{figures}.png", base64.b64decode(data["image/png"]))
                parts.append(f"![Figure {figures} of the tour](tour/figure-{figures}.png)")
            elif "text/html" in data:  # the package's own and pandas' tables, their text escaped
                parts.append(f'<div class="notebook-output">\n{data["text/html"]}\n</div>')
            elif "text/plain" in data:
                parts.append(f"```text\n{data['text/plain']}\n```")
    parts.insert(1, "[Download the notebook](tour.ipynb). Run from a fresh kernel when this site is built.")
    return "\n\n".join(parts) + "\n"


def main() -> None:
    ds = sinorus.load()
    write("codebook.md", codebook_page())
    write("cli.md", cli_page())
    write("data/coverage.md", coverage_page(ds))
    write("data/timeline.md", timeline_page(ds))
    write("data/exercises.md", exercises_page(ds))
    write("data/arms-transfers.md", arms_transfers_page(ds))
    write("data/agreements.md", agreements_page(ds))
    write("data/discrepancies.md", discrepancies_page(ds))
    write("data/sources.md", sources_page(ds))
    write("changelog.md", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    write("tour.md", tour_page())


if __name__ == "<run_path>":  # mkdocs-gen-files runs this file with runpy.run_path; tests import it
    main()
