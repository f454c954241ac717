"""Measure import, load and query costs side by side, and print the ratios as a Markdown table.

    python -m benchmarks.run [--sizes 1000 10000 100000] [--repeat 3]

Every figure comes from fresh processes (best of --repeat), measured in one run, so that
ratios compare like with like on a noisy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write

IMPORT_SINORUS = "import time; t = time.perf_counter(); import sinorus; print(time.perf_counter() - t)"
IMPORT_PYDANTIC = "import time; t = time.perf_counter(); import pydantic; print(time.perf_counter() - t)"
COLD_LOAD = "import time; t = time.perf_counter(); import sinorus; sinorus.load(); print(time.perf_counter() - t)"
COLD_BASE = (
    "import time; t = time.perf_counter(); from pydantic import BaseModel, TypeAdapter; print(time.perf_counter() - t)"
)
ONE_MODEL = """
import time
t = time.perf_counter()
from pydantic import BaseModel, Field
class One(BaseModel):
    x: int = Field(ge=0)
One.model_validate_json('{"x": 1}')
print(time.perf_counter() - t)
"""
LOAD = """
import resource, time, sinorus
t = time.perf_counter()
sinorus.load({path})
elapsed = time.perf_counter() - t
try:  # this process's own peak: on Linux, ru_maxrss can keep the parent's from before exec
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(elapsed, peak)
"""
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
PARSE_SHARE = """
import time, sinorus
from sinorus.loading.load import packaged_data_dir
from sinorus.loading.strict_yaml import read_yaml
files = sorted(packaged_data_dir().rglob("*.yaml"))
t = time.perf_counter(); sinorus.load(); total = time.perf_counter() - t
t = time.perf_counter()
for f in files: read_yaml(f.read_text(encoding="utf-8"))
print(time.perf_counter() - t, total)
"""
SEARCH = """
import time, sinorus
ds = sinorus.load({path!r})
queries = ["vostok 2018", "joint sea", "peace mision", "Восток", "海上联合", "s-400 china"]
t = time.perf_counter(); ds.search("vostok"); first = time.perf_counter() - t
for q in queries: ds.search(q)  # the first Chinese query imports pypinyin
per_query = float("inf")
for _ in range(5):
    t = time.perf_counter()
    for q in queries: ds.search(q)
    per_query = min(per_query, (time.perf_counter() - t) / len(queries))
t = time.perf_counter(); ds.by_name("vostok-2018"); names = time.perf_counter() - t
print(first, per_query, names)
"""
EXPORTS = """
import tempfile, time, sinorus
from pathlib import Path
from pydantic import TypeAdapter
from sinorus.export import export
from sinorus.models.records import Record
ds = sinorus.load({path!r})
records = list(ds)
adapter = TypeAdapter(list[Record])
t = time.perf_counter(); adapter.dump_json(records); dump = time.perf_counter() - t
folder = Path(tempfile.mkdtemp())
t = time.perf_counter(); export(records, folder / "csv", "csv"); csv = time.perf_counter() - t
t = time.perf_counter(); export(records, folder / "parquet", "parquet"); parquet = time.perf_counter() - t
print(dump, csv, parquet)
"""
QUERIES = """
import time, sinorus
from datetime import date
from sinorus.query import actors_of
ds = sinorus.load({path})
t = time.perf_counter(); ds.filter(participants=["CHN"], year=2016); first = time.perf_counter() - t
t = time.perf_counter()
for _ in range(20): ds.filter(participants=["CHN"], year=2016)
indexed = (time.perf_counter() - t) / 20
t = time.perf_counter()
low, high = date(2016, 1, 1), date(2016, 12, 31)
for _ in range(3):
    [r for r in ds if "CHN" in actors_of(r) and r.date_value and r.date_value.overlaps(low, high)]
scan = (time.perf_counter() - t) / 3
some = ds.records[len(ds) // 2].id
t = time.perf_counter()
for _ in range(10000): ds[some]
lookup = (time.perf_counter() - t) / 10000
print(first, indexed, scan, lookup)
"""


def best(code: str, repeat: int, cache: str | None = None, path: Path | None = None) -> list[float]:
    """The best of `repeat` fresh processes for each figure `code` prints; `cache` is the folder
    for the compiled form of the packaged data ("" for none), `path` a folder to import sinorus from."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment(cache, path)
        ).stdout
        runs.append([float(x) for x in out.split()])
    return [min(column) for column in zip(*runs, strict=True)]


def best_wall(command: list[str], repeat: int, cache: str | None = None, path: Path | None = None) -> float:
    """The best wall time of `repeat` runs of a whole process (`cache` and `path` as for `best`)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=environment(cache, path))
        times.append(time.perf_counter() - start)
    return min(times)


def environment(cache: str | None, path: Path | None) -> dict[str, str] | None:
    """This process's environment with the cache folder and the import path set, when given."""
    if cache is None and path is None:
        return None
    env = dict(os.environ)
    if cache is not None:
        env["SINORUS_CACHE_DIR"] = cache
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return env


def installed_copy(folder: Path) -> Path:
    """A copy of the sinorus package laid out as the wheel installs it, with the compiled form
    the wheel's build step adds; the folder to import it from."""
    import sinorus
    from sinorus.loading.shipped import write_shipped

    package = folder / "sinorus"
    shutil.copytree(Path(sinorus.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    write_shipped(package / "data", package / "compiled")
    return folder


def cold_start_rows(repeat: int, cache: Path, installed: Path) -> list[tuple[str, str]]:
    """Cold import and packaged load, and one CLI command, beside what pydantic alone costs: as
    installed from the wheel, and from a source checkout with and without the cache."""
    (base,) = best(COLD_BASE, repeat * 2)
    (one_model,) = best(ONE_MODEL, repeat * 2)
    best(COLD_LOAD, 1, path=installed)  # compiles the copy's modules
    (shipped,) = best(COLD_LOAD, repeat * 2, path=installed)
    best(COLD_LOAD, 1, str(cache))  # writes the compiled form
    (compiled,) = best(COLD_LOAD, repeat * 2, str(cache))
    (from_yaml,) = best(COLD_LOAD, repeat * 2, "")
    show_command = [sys.executable, "-m", "sinorus", "show", "vostok-2018"]
    show = best_wall(show_command, repeat * 2, path=installed)
    show_checkout = best_wall(show_command, repeat * 2, str(cache))
    pydantic_only = best_wall([sys.executable, "-c", "import pydantic"], repeat * 2)
    return [
        (
            "import + packaged load, installed wheel (shipped compiled form) / import pydantic BaseModel, "
            "TypeAdapter (target 1.4)",
            f"{ms(shipped)} / {ms(base)} = {shipped / base:.2f}",
        ),
        (
            "import + packaged load, installed wheel / a process that defines one pydantic model with a "
            "constrained field and validates one object (for scale; no target)",
            f"{ms(shipped)} / {ms(one_model)} = {shipped / one_model:.2f}",
        ),
        (
            "import + packaged load, source checkout with the compiled form cached / import pydantic BaseModel, "
            "TypeAdapter",
            f"{ms(compiled)} / {ms(base)} = {compiled / base:.2f}",
        ),
        (
            "import + packaged load, source checkout reading YAML / the same",
            f"{ms(from_yaml)} / {ms(base)} = {from_yaml / base:.2f}",
        ),
        (
            "sinorus show ID, installed wheel / python -c 'import pydantic', whole processes (target 2.2)",
            f"{ms(show)} / {ms(pydantic_only)} = {show / pydantic_only:.2f}",
        ),
        (
            "sinorus show ID, source checkout with the compiled form cached / the same",
            f"{ms(show_checkout)} / {ms(pydantic_only)} = {show_checkout / pydantic_only:.2f}",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    (sinorus_import,) = best(IMPORT_SINORUS, args.repeat * 2)
    (pydantic_import,) = best(IMPORT_PYDANTIC, args.repeat * 2)
    ratio = sinorus_import / pydantic_import
    rows.append(("import sinorus / import pydantic", f"{ms(sinorus_import)} / {ms(pydantic_import)} = {ratio:.2f}"))
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        rows += cold_start_rows(args.repeat, tmp / "cache", installed_copy(tmp / "installed"))
        import sinorus
        from sinorus.export import record_to_json

        packaged = sinorus.load()
        (tmp / "packaged.json").write_text(json.dumps([record_to_json(r) for r in packaged]), encoding="utf-8")
        load, _ = best(LOAD.format(path=""), args.repeat, "")
        (floor,) = best(FLOOR.format(json=str(tmp / "packaged.json")), args.repeat)
        rows.append(
            (
                f"packaged load from YAML ({len(packaged)} records) / floor (validate_json)",
                f"{ms(load)} / {ms(floor)} = {load / floor:.2f}",
            )
        )
        parse, total = best(PARSE_SHARE, args.repeat, "")
        rows.append(("YAML reading within the packaged load", f"{ms(parse)} of {ms(total)}"))
        write(tmp / "n1", 1)
        fixed, _ = best(LOAD.format(path=repr(str(tmp / "n1"))), args.repeat)
        rows.append(("fixed cost: loading a one-record dataset", ms(fixed)))
        per_record = {}
        searches = {}
        for size in args.sizes:
            synthetic = tmp / f"n{size}"
            write(synthetic, size)
            load, memory = best(LOAD.format(path=repr(str(synthetic))), args.repeat)
            (naive,) = best(NAIVE.format(folder=str(synthetic)), 1)
            (tmp / f"n{size}.json").write_text(
                json.dumps([record_to_json(r) for r in sinorus.load(synthetic)]), encoding="utf-8"
            )
            (floor,) = best(FLOOR.format(json=str(tmp / f"n{size}.json")), args.repeat)
            per_record[size] = (load - fixed) / size
            rows.append(
                (
                    f"load {size:,} synthetic records / naive safe_load + model_validate",
                    f"{load:.2f} s / {naive:.2f} s = {load / naive:.2f}; "
                    f"{per_record[size] * 1e6:.0f} µs per record beyond the fixed cost",
                )
            )
            rows.append(
                (
                    f"load {size:,} synthetic records / validate_json of the same records (target 2)",
                    f"{load:.2f} s / {floor:.2f} s = {load / floor:.2f}; peak memory {memory:.0f} MB",
                )
            )
            searches[size] = best(SEARCH.format(path=str(synthetic)), 1)
        low, largest = min(args.sizes), max(args.sizes)
        for size in sorted(searches):
            first, per_query, names = searches[size]
            rows.append(
                (
                    f"search() at {size:,}: per query, and its ratio to {low:,} (target 3 at 20,000)",
                    f"{per_query * 1e3:.1f} ms = {per_query / searches[low][1]:.1f}x (first query, building the "
                    f"index: {ms(first)}); first by_name: {ms(names)} (target 0.3 s at 100,000)",
                )
            )
        dump, csv, parquet = best(EXPORTS.format(path=str(tmp / f"n{largest}")), 1)
        rows.append(
            (
                f"CSV / Parquet export at {largest:,} / dump_json (target 4)",
                f"{csv:.2f} s / {parquet:.2f} s / {dump:.2f} s = {csv / dump:.1f} / {parquet / dump:.1f}",
            )
        )
        first, indexed, scan, lookup = best(QUERIES.format(path=repr(str(tmp / f"n{largest}"))), 1)
        rows.append(
            (
                f"filter CHN + 2016 at {largest:,}: linear scan / indexed",
                f"{ms(scan)} / {indexed * 1e3:.2f} ms = {scan / indexed:.0f}x (first call, building the "
                f"indexes: {ms(first)})",
            )
        )
        rows.append((f"id lookup at {largest:,}", f"{lookup * 1e9:.0f} ns"))
        rows.append(
            (
                f"load time per record beyond the fixed cost, {largest:,} vs {low:,}",
                f"{per_record[largest] / per_record[low]:.2f}",
            )
        )
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}\n"
    )
    print("| measure | figure |\n| --- | --- |")
    for name, figure in rows:
        print(f"| {name} | {figure} |")


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.0f} ms"


if __name__ == "__main__":
    main()
