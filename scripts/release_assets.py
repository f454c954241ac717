"""Build everything a release attaches, into one folder:

- the records as JSON Lines, the CSV tables, the Parquet tables and the data package (zipped),
  the SQLite database and the JSON Schema of a record;
- `CITATION.cff`;
- the manifest of this data version (a SHA-256 per record) and `changes-OLD-to-NEW.json`, the
  ids added, removed and changed since the previous data version;
- `SHA256SUMS` over every file.

    python scripts/release_assets.py OUT [--releases releases]

The manifest is also written to the releases folder (default `releases/` in the repository),
where the tests compare the data with the newest one: a data change needs a new `DATA_VERSION`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import sinorus
from sinorus.export import export, write_json_schema
from sinorus.export.manifest import changes, manifest_of, read_manifest, write_manifest

ROOT = Path(__file__).resolve().parents[1]


def newest_manifest(releases: Path) -> Path | None:
    """The manifest of the newest released data version in `releases`, if any."""
    manifests = sorted(releases.glob("data-*.tsv"), key=lambda p: [int(n) for n in p.stem[5:].split(".")])
    return manifests[-1] if manifests else None


def _zipped(folder: Path, target: Path) -> Path:
    return Path(shutil.make_archive(str(target), "zip", folder))


def build(out: Path, releases: Path) -> list[Path]:
    """Write the release assets into `out` and the new manifest into `releases`; returns the files."""
    ds = sinorus.load()
    version = sinorus.DATA_VERSION
    stem = f"sinorus-{version}"
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{stem}-records.jsonl", out / f"{stem}.sqlite", out / f"{stem}-record.schema.json"]
    export(ds.records, files[0], "jsonl")
    export(ds.records, files[1], "sqlite")
    write_json_schema(files[2])
    with tempfile.TemporaryDirectory() as work:
        for fmt in ("csv", "parquet", "datapackage"):
            export(ds.records, Path(work) / fmt, fmt)
            files.append(_zipped(Path(work) / fmt, out / f"{stem}-{fmt}"))
    files.append(Path(shutil.copy(ROOT / "CITATION.cff", out / "CITATION.cff")))
    manifest = manifest_of(ds.records, version)
    previous = newest_manifest(releases)
    if previous is not None and previous.name != f"data-{version}.tsv":
        old = read_manifest(previous)
        summary = {"from": old.data_version, "to": version, **changes(old, manifest).as_dict()}
        files.append(out / f"changes-{old.data_version}-to-{version}.json")
        files[-1].write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    files.append(out / f"data-{version}.tsv")
    write_manifest(manifest, files[-1])
    releases.mkdir(parents=True, exist_ok=True)
    shutil.copy(files[-1], releases / files[-1].name)
    sums = [f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.name}" for f in sorted(files)]
    (out / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return [*files, out / "SHA256SUMS"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--releases", type=Path, default=ROOT / "releases")
    args = parser.parse_args()
    for path in build(args.out, args.releases):
        print(path)


if __name__ == "__main__":
    main()
