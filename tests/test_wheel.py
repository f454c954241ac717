"""The built wheel carries the data and its compiled form: installed in a fresh environment outside
the tree, it loads the same records, from the compiled form."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from sinorus.dataset import Dataset
from sinorus.loading.compiled import data_digest
from sinorus.loading.files import find_files
from sinorus.loading.shipped import shipped_name
from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.slow

CHECK = """
import json, sys, sinorus
ds = sinorus.load()
print(json.dumps({"file": sinorus.__file__, "records": [r.model_dump_json() for r in ds],
                  "yaml_read": "yaml" in sys.modules, "version": sinorus.__version__}))
"""


def test_wheel_installs_and_loads_every_record(tmp_path: Path, dataset: Dataset) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("sinorus-*.whl")
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    with zipfile.ZipFile(wheel) as archive:
        assert [name for name in archive.namelist() if name.startswith("sinorus/compiled/")] == [
            f"sinorus/compiled/{shipped_name(data_digest(DATA, find_files([DATA])))}"
        ]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    cache = tmp_path / "cache"
    done = subprocess.run(
        [str(python), "-c", CHECK],
        cwd=outside,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "SINORUS_CACHE_DIR": str(cache)},
    )
    result = json.loads(done.stdout)
    assert Path(result["file"]).is_relative_to(env_dir)
    assert result["records"] == [r.model_dump_json() for r in dataset]
    assert not result["yaml_read"], "the installed package read YAML although it ships the compiled form"
    assert not cache.exists(), "the installed package compiled the records again into the cache"
    cli = env_dir / "bin" / "sinorus"
    stats = subprocess.run([str(cli), "stats"], cwd=outside, check=True, capture_output=True, text=True)
    assert f"{len(dataset)} records" in stats.stdout
    package = export_in(cli, outside, "datapackage", "package")
    assert package.returncode == 0, package.stderr
    assert (outside / "package" / "datapackage.json").is_file()
    without_arrow = export_in(cli, outside, "parquet", "pq")
    assert without_arrow.returncode == 2
    assert "pip install 'sinorus[arrow]'" in without_arrow.stderr


def export_in(cli: Path, folder: Path, format: str, output: str) -> subprocess.CompletedProcess[str]:
    command = [str(cli), "export", "--format", format, "-o", output]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
