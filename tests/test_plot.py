"""The figures, rendered to PNG with matplotlib's Agg backend."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from sinorus import plot
from sinorus.dataset import Dataset
from sinorus.errors import MissingExtraError
from sinorus.query import year_span, years_of

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def save(ax: object, path: Path) -> bytes:
    ax.figure.savefig(path, dpi=60)  # type: ignore[attr-defined]
    plt.close(ax.figure)  # type: ignore[attr-defined]
    return path.read_bytes()


def test_timeline_has_one_lane_per_kind_and_one_mark_per_dated_record(dataset: Dataset, tmp_path: Path) -> None:
    ax = plot.timeline(dataset)
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert lanes == ["event", "exercise", "agreement", "arms transfer", "source"]
    dated = [r for r in dataset if r.date_value is not None]
    assert len(ax.get_lines()) == len(dated)
    assert ax.get_title() == f"{len(dated)} dated records"
    assert save(ax, tmp_path / "timeline.png").startswith(PNG_MAGIC)


def test_timeline_by_series_keeps_exercises_outside_a_series_in_their_own_lane(
    dataset: Dataset, tmp_path: Path
) -> None:
    ax = plot.timeline(dataset.exercises, lanes="series")
    instances = [e for e in dataset.exercises if e.level == "instance" and e.date is not None]
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert lanes[-1] == "no series"
    assert set(lanes[:-1]) == {str(e.series) for e in instances if e.series}
    assert len(ax.get_lines()) == len(instances)
    assert save(ax, tmp_path / "series.png").startswith(PNG_MAGIC)


def test_timeline_labels_all_marks_or_the_longest(dataset: Dataset) -> None:
    few = dataset.filter(kind="exercise", series="joint-air-patrol", type="instance")
    ax = plot.timeline(few, labels=25)
    assert sorted(t.get_text() for t in ax.texts) == sorted(few.ids)
    many = plot.timeline(dataset, labels=10)
    texts = {t.get_text() for t in many.texts}
    assert len(texts) == 10
    for record_id in texts:  # the longest spans, so none of the dates known to the day or month
        value = dataset[record_id].date_value
        assert value is not None
        assert value.precision == "year" or value.is_interval


def test_counts_per_year_stack_to_the_record_years(dataset: Dataset, tmp_path: Path) -> None:
    """The bars add up to one per record and year it covers; the axis shows whole years."""
    records = dataset.filter(start="2010", end="2022")
    ax = plot.counts_per_year(records)
    heights = sum(patch.get_height() for patch in ax.patches)
    span = year_span(records)
    assert span is not None
    assert heights == sum(len(years_of(r, span)) for r in records)
    assert heights > len([r for r in records if len(years_of(r, span)) == 1])
    assert save(ax, tmp_path / "counts.png").startswith(PNG_MAGIC)


def test_counts_per_year_label_whole_years(dataset: Dataset) -> None:
    ax = plot.counts_per_year([dataset["joint-sea-2016"], dataset["joint-sea-2017"]])
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels
    assert all(label.isdigit() for label in labels), labels


def test_timeline_draws_on_given_axes_and_rejects_unknown_lanes(dataset: Dataset) -> None:
    _, ax = plt.subplots()
    assert plot.timeline(dataset.agreements, ax=ax, title="Agreements") is ax
    assert ax.get_title() == "Agreements"
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="lanes"):
        plot.timeline(dataset, lanes="year")  # type: ignore[arg-type]


def test_without_matplotlib_the_error_names_the_extra(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(MissingExtraError, match=r"sinorus\[plot\]"):
        plot.counts_per_year(dataset)
