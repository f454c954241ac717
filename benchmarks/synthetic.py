"""Valid synthetic datasets of any size, for benchmarks and scaling tests.

The records are invented and say so in their names; they exist only to measure the code.

    python -m benchmarks.synthetic 100000 /tmp/synthetic
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

ACTORS = ["CHN", "RUS", "USA", "KAZ", "KGZ", "TJK", "UZB", "MNG", "IND", "PAK", "IRN", "BLR", "PRK", "KOR", "SCO"]
SERIES = ["alpha", "bravo", "charlie", "delta", "echo"]
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _date(rng: random.Random) -> str:
    year = rng.randint(1950, 2022)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        [
            f"{year}",
            f"{year}-{month:02d}",
            f"{year}-{month:02d}-{day:02d}",
            f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{min(day + rng.randint(1, 3), 28):02d}",
            f"{year}-{month:02d}~",
            f"{str(year)[:3]}X",
        ]
    )


def _citation(rng: random.Random, sources: int) -> dict[str, str]:
    return {
        "source": f"synthetic-source-{rng.randrange(sources)}",
        "locator": f"Section {rng.randint(1, 40)}",
        "quote": f"Synthetic passage number {rng.randint(1, 10**6)}.",
    }


def generate(count: int, seed: int = 0) -> list[dict[str, Any]]:
    """``count`` valid records in the authoring format: sources, series, and the four other kinds."""
    rng = random.Random(seed)
    sources = max(1, count // 50)
    records: list[dict[str, Any]] = [
        {
            "kind": "source",
            "id": f"synthetic-source-{i}",
            "name": f"Synthetic source {i}",
            "source_type": "report",
            "title": f"Synthetic report {i}",
            "date": _date(rng),
        }
        for i in range(sources)
    ]
    records += [
        {
            "kind": "exercise",
            "id": f"synthetic-{name}",
            "name": f"Synthetic {name.title()} series",
            "level": "series",
            "citations": [_citation(rng, sources)],
        }
        for name in SERIES
    ]
    for i in range(count - len(records)):
        base = {"id": f"synthetic-record-{i}", "name": f"Synthetic record {i}", "citations": [_citation(rng, sources)]}
        actors = rng.sample(ACTORS, rng.randint(1, 4))
        kind = rng.choice(["event", "event", "exercise", "agreement", "arms_transfer"])
        if kind == "event":
            records.append({"kind": kind, **base, "event_type": "meeting", "date": _date(rng), "actors": actors})
        elif kind == "exercise":
            records.append(
                {
                    "kind": kind,
                    **base,
                    "series": f"synthetic-{rng.choice(SERIES)}",
                    "date": _date(rng),
                    "participants": actors,
                    "forces": [{"participant": actors[0], "troops": rng.randint(100, 10**5)}],
                }
            )
        elif kind == "agreement":
            records.append(
                {"kind": kind, **base, "agreement_type": "agreement", "parties": actors, "signed": _date(rng)}
            )
        else:
            records.append(
                {
                    "kind": kind,
                    **base,
                    "supplier": "RUS",
                    "recipient": actors[0],
                    "category": "aircraft",
                    "order_date": _date(rng),
                    "ordered": rng.randint(1, 100),
                }
            )
    return records[:count]


def write(folder: Path, count: int, seed: int = 0, per_file: int = 1000) -> list[Path]:
    """Write a synthetic dataset of ``count`` records as YAML files of ``per_file`` records."""
    folder.mkdir(parents=True, exist_ok=True)
    records = generate(count, seed)
    paths = []
    for start in range(0, len(records), per_file):
        path = folder / f"synthetic-{start // per_file:05d}.yaml"
        path.write_text(
            yaml.dump(records[start : start + per_file], Dumper=_Dumper, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


if __name__ == "__main__":
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    print(f"wrote {len(write(target, size))} files to {target}")
