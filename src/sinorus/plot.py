"""Figures (needs the `plot` extra): a timeline of records and the number of records per year.

Both take a `sinorus.Dataset` or any iterable of records (such as the result of
`ds.filter(...)`), draw on `ax` when given or on a new figure, and return the axes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Literal

from sinorus.errors import QueryError
from sinorus.extras import require
from sinorus.models.records import Exercise, RecordBase
from sinorus.query import year_span, years_of
from sinorus.tables import KIND_TABLES

__all__ = ["counts_per_year", "timeline"]

_POINT_DAYS = 31
"""Dates spanning at most this many days are drawn as points, longer ones as bars."""
_KIND_COLOURS = dict(zip(KIND_TABLES, ("tab:blue", "tab:red", "tab:green", "tab:orange", "tab:gray"), strict=True))


def timeline(
    records: Iterable[RecordBase],
    *,
    lanes: Literal["kind", "series"] = "kind",
    labels: int = 25,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Dated records along time, one lane per kind or per exercise series.

    A record dated to a month or less is a point; a longer span (a year, an interval)
    is a bar from its earliest to its latest day. Uncertain or approximate dates are
    drawn hollow or faint. Open-ended intervals and unknown ends are dotted; open ends
    are cut at the earliest or latest day of the other records; undated records are left out.

    Args:
        records: a dataset or any records.
        lanes: `"kind"` for one lane per record kind; `"series"` for one lane per
            exercise series, with the exercises outside any series in a lane of their own
            (other kinds are left out).
        labels: how many marks to label with their record's id: all of them when there are
            no more than this, otherwise the ones spanning the longest time.
        ax: the matplotlib axes to draw on; a new figure when None.
        title: the figure title; a default one when None.
    """
    dated = [r for r in records if r.date_value is not None]
    if lanes == "series":
        dated = [r for r in dated if isinstance(r, Exercise) and r.level == "instance"]
    elif lanes != "kind":
        raise QueryError.unknown("lanes", str(lanes), ("kind", "series"))
    ax = _axes(ax, (10, 4.5))
    low, high = _closed_range(dated)
    by_lane: defaultdict[str, list[RecordBase]] = defaultdict(list)
    for record in dated:
        by_lane[_lane(record, lanes)].append(record)
    names = [k for k in KIND_TABLES if k in by_lane] if lanes == "kind" else _series_lanes(by_lane)
    labelled = {r.id for r in _largest(dated, labels, low, high)}
    for row, lane in enumerate(names):
        for i, record in enumerate(by_lane[lane]):
            y = row + ((i % 5) - 2) * 0.09
            _draw(ax, record, y, low, high, _KIND_COLOURS[record.kind])
            if record.id in labelled:
                value = record.date_value
                assert value is not None
                ax.annotate(
                    record.id, (max(value.earliest, low), y), fontsize=6, xytext=(2, 2), textcoords="offset points"
                )
    ax.set_yticks(range(len(names)), [n.replace("_", " ") for n in names])
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    noun = "records" if lanes == "kind" else "exercises by series"
    ax.set_title(title if title is not None else f"{len(dated)} dated {noun}")
    _legend(ax)
    return ax


def _label(ax: Any, record: RecordBase, y: float, low: date) -> None:
    value = record.date_value
    assert value is not None
    ax.annotate(record.id, (max(value.earliest, low), y), fontsize=6, xytext=(2, 2), textcoords="offset points")


_NO_SERIES = "no series"
"""The lane of exercises outside any series."""


def _series_lanes(by_lane: dict[str, list[RecordBase]]) -> list[str]:
    return sorted(lane for lane in by_lane if lane != _NO_SERIES) + ([_NO_SERIES] if _NO_SERIES in by_lane else [])


def _largest(records: list[RecordBase], count: int, low: date, high: date) -> list[RecordBase]:
    """The records whose drawn span (open ends cut at `low` and `high`) is longest, at most `count`."""
    if len(records) <= count:
        return records

    def span(record: RecordBase) -> int:
        value = record.date_value
        assert value is not None
        return (min(value.latest, high) - max(value.earliest, low)).days

    return sorted(records, key=span, reverse=True)[:count]


def counts_per_year(records: Iterable[RecordBase], *, ax: Any = None, title: str | None = None) -> Any:
    """Records per year, stacked by kind; a record counts in every year it covers
    (`sinorus.query.years_of`), so records dated only to a decade are left out."""
    records = list(records)
    span = year_span(records)
    counts: Counter[tuple[int, str]] = Counter()
    for record in records:
        for year in years_of(record, span) if span else ():
            counts[year, record.kind] += 1
    ax = _axes(ax, (10, 3.5))
    years = sorted({year for year, _ in counts})
    if years:
        full = range(years[0], years[-1] + 1)
        bottom = [0] * len(full)
        for kind in KIND_TABLES:
            heights = [counts[year, kind] for year in full]
            if any(heights):
                ax.bar(full, heights, bottom=bottom, label=kind.replace("_", " "), color=_KIND_COLOURS[kind])
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.legend(loc="upper left", frameon=False)
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("records")
    ax.set_title(title if title is not None else f"Records per year they cover ({sum(counts.values())} record-years)")
    return ax


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    plt = require("matplotlib.pyplot", "sinorus.plot")
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _lane(record: RecordBase, lanes: str) -> str:
    if lanes == "series" and isinstance(record, Exercise):
        return record.series or _NO_SERIES
    return record.kind


def _closed_range(records: list[RecordBase]) -> tuple[date, date]:
    days = [r.date_value.earliest for r in records if r.date_value is not None and not r.date_value.open_start]
    days += [r.date_value.latest for r in records if r.date_value is not None and not r.date_value.open_end]
    return (min(days), max(days)) if days else (date(2000, 1, 1), date(2000, 12, 31))


def _draw(ax: Any, record: RecordBase, y: float, low: date, high: date, colour: str) -> None:
    value = record.date_value
    assert value is not None
    start = low if value.open_start else value.earliest
    end = high if value.open_end else value.latest
    hollow = value.uncertain or value.approximate
    if end - start <= timedelta(days=_POINT_DAYS):
        middle = start + (end - start) / 2
        face = "white" if hollow else colour
        ax.plot([middle], [y], marker="o", markersize=4, color=colour, markerfacecolor=face, linestyle="none")
    else:
        style = ":" if value.open_start or value.open_end or value.unknown_start or value.unknown_end else "-"
        alpha = 0.35 if hollow else 0.8
        ax.plot([start, end], [y, y], color=colour, linewidth=2.5, linestyle=style, alpha=alpha, solid_capstyle="butt")


def _legend(ax: Any) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", color="black", linestyle="none", markersize=4, label="day or month"),
        Line2D([], [], color="black", linewidth=2.5, alpha=0.8, label="longer span"),
        Line2D([], [], color="black", linewidth=2.5, linestyle=":", label="open or unknown end"),
        Line2D([], [], marker="o", color="black", markerfacecolor="white", linestyle="none", label="uncertain"),
    ]
    # below the axes, in one row, so that it covers no mark
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4, fontsize="small", frameon=False)
