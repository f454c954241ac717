"""Measure how the loader handles hostile input: the broken-input corpus and random mutations.

Prints a Markdown table of measured figures for docs/reliability.md:

    python benchmarks/reliability.py [--mutations N]
"""

from __future__ import annotations

import argparse
import csv
import platform
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

import sinorus
from sinorus import DataError

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "tests" / "broken"


def measure(path: Path) -> tuple[bool, float, int]:
    """(rejected with DataError, seconds, peak traced bytes) for loading ``path``."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        sinorus.load(path, with_packaged=True)
        rejected = False
    except DataError:
        rejected = True
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rejected, elapsed, peak


def corpus_figures() -> dict[str, str]:
    with (BROKEN / "EXPECTED.tsv").open(encoding="utf-8") as stream:
        cases = [row[0] for row in csv.reader(stream, delimiter="\t") if row and not row[0].startswith("#")]
    results = {case: measure(BROKEN / case) for case in cases}
    slowest = max(results, key=lambda c: results[c][1])
    hungriest = max(results, key=lambda c: results[c][2])
    return {
        "broken-input cases tried": str(len(results)),
        "rejected with sinorus.DataError": str(sum(r[0] for r in results.values())),
        "slowest case": f"{slowest} ({results[slowest][1] * 1000:.0f} ms)",
        "largest peak memory": f"{hungriest} ({results[hungriest][2] / 2**20:.1f} MiB traced)",
        "median time per case": f"{sorted(r[1] for r in results.values())[len(results) // 2] * 1000:.1f} ms",
    }


def mutation_figures(count: int) -> dict[str, str]:
    rng = random.Random(2026)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "src" / "sinorus" / "data").rglob("*.yaml"))]
    outcomes = {"rejected": 0, "loaded": 0}
    slowest = 0.0
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "mutant.yaml"
        for _ in range(count):
            text = rng.choice(texts)
            for _ in range(rng.randint(1, 5)):
                at = rng.randrange(len(text))
                text = (
                    text[:at]
                    + rng.choice(["", ":", "- ", "&a", "*a", "!!str", "\t", "#", "'", "2016-13"])
                    + text[at + rng.randint(0, 30) :]
                )
            target.write_text(text, encoding="utf-8")
            rejected, elapsed, _ = measure(target)
            outcomes["rejected" if rejected else "loaded"] += 1
            slowest = max(slowest, elapsed)
    return {
        "random mutations of the packaged files": str(count),
        "of which rejected with sinorus.DataError": str(outcomes["rejected"]),
        "of which still valid and loaded": str(outcomes["loaded"]),
        "any other exception": "0 (the run stops on one)",
        "slowest mutation": f"{slowest * 1000:.0f} ms",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mutations", type=int, default=300)
    args = parser.parse_args()
    sinorus.load()
    figures = {**corpus_figures(), **mutation_figures(args.mutations)}
    print(f"Measured on {platform.machine()} with {platform.python_implementation()} {platform.python_version()}.\n")
    print("| measure | figure |\n| --- | --- |")
    for name, value in figures.items():
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
