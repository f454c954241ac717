"""Measure import, load and query costs side by side, and print the ratios as a Markdown table.

    python -m benchmarks.run [--sizes 1000 10000 100000] [--repeat 3]

Every figure comes from fresh processes (best of --repeat), measured in one run, so that
ratios compare like with like on a noisy machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.synthetic import write

IMPORT_SINORUS = "import time; t = time.perf_counter(); import sinorus; print(time.perf_counter() - t)"
IMPORT_PYDANTIC = "import time; t = time.perf_counter(); import pydantic; print(time.perf_counter() - t)"
LOAD = "import time, sinorus; t = time.perf_counter(); sinorus.load({path}); print(time.perf_counter() - t)"
FLOOR = """
import json, sys, time
t = time.perf_counter()
from pydantic import TypeAdapter
from sinorus.models.records import Record
adapter = TypeAdapter(list[Record])
adapter.validate_json(open({json!r}, "rb").read())
print(time.perf_counter() - t)
"""
NAIVE = """
import time
t = time.perf_counter()
from pathlib import Path
import yaml
from pydantic import TypeAdapter
from sinorus.models.records import Record
adapter = TypeAdapter(Record)
for path in sorted(Path({folder!r}).rglob("*.yaml")):
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        adapter.validate_python(item)
print(time.perf_counter() - t)
"""
QUERIES = """
import time, sinorus
ds = sinorus.load({path})
t = time.perf_counter(); ds.filter(participants=["CHN"], year=2016); first = time.perf_counter() - t
t = time.perf_counter()
for _ in range(20): ds.filter(participants=["CHN"], year=2016)
indexed = (time.perf_counter() - t) / 20
t = time.perf_counter()
for _ in range(3):
    [r for r in ds if "CHN" in sinorus.query.actors_of(r) and r.date_value and r.date_value.overlaps(
        __import__("datetime").date(2016, 1, 1), __import__("datetime").date(2016, 12, 31))]
scan = (time.perf_counter() - t) / 3
some = ds.records[len(ds) // 2].id
t = time.perf_counter()
for _ in range(10000): ds[some]
lookup = (time.perf_counter() - t) / 10000
print(first, indexed, scan, lookup)
"""


def best(code: str, repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        runs.append([float(x) for x in out.split()])
    return [min(column) for column in zip(*runs, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    (sinorus_import,) = best(IMPORT_SINORUS, args.repeat * 2)
    (pydantic_import,) = best(IMPORT_PYDANTIC, args.repeat * 2)
    rows.append(
        (
            "import sinorus / import pydantic",
            f"{sinorus_import * 1e3:.0f} ms / {pydantic_import * 1e3:.0f} ms = {sinorus_import / pydantic_import:.2f}",
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        import sinorus
        from sinorus.export import record_to_json

        packaged_json = Path(tmp) / "packaged.json"
        packaged_json.write_text(json.dumps([record_to_json(r) for r in sinorus.load()]), encoding="utf-8")
        (load,) = best(LOAD.format(path=""), args.repeat)
        (floor,) = best(FLOOR.format(json=str(packaged_json)), args.repeat)
        rows.append(
            (
                f"packaged load ({len(sinorus.load())} records) / floor (validate_json)",
                f"{load * 1e3:.0f} ms / {floor * 1e3:.0f} ms = {load / floor:.2f}",
            )
        )
        per_record = {}
        for size in args.sizes:
            folder = Path(tmp) / f"n{size}"
            write(folder, size)
            (load,) = best(LOAD.format(path=repr(str(folder))), args.repeat)
            (naive,) = best(NAIVE.format(folder=str(folder)), 1)
            per_record[size] = load / size
            rows.append(
                (
                    f"load {size:,} synthetic records / naive safe_load + model_validate",
                    f"{load:.2f} s / {naive:.2f} s = {load / naive:.2f}; {load / size * 1e6:.0f} µs per record",
                )
            )
            if size == max(args.sizes):
                first, indexed, scan, lookup = best(QUERIES.format(path=repr(str(folder))), 1)
                rows.append(
                    (
                        f"filter CHN + 2016 at {size:,}: linear scan / indexed",
                        f"{scan * 1e3:.1f} ms / {indexed * 1e3:.2f} ms = {scan / indexed:.0f}x "
                        f"(first call with index build {first * 1e3:.0f} ms)",
                    )
                )
                rows.append((f"id lookup at {size:,}", f"{lookup * 1e9:.0f} ns"))
        low, high = min(per_record), max(per_record)
        rows.append((f"load time per record, {high:,} vs {low:,}", f"{per_record[high] / per_record[low]:.2f}"))
    print(f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}\n")
    print("| measure | figure |\n| --- | --- |")
    for name, figure in rows:
        print(f"| {name} | {figure} |")


if __name__ == "__main__":
    main()
