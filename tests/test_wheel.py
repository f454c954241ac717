"""The built wheel carries the data: installed in a fresh environment outside the tree, it loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from sinorus.dataset import Dataset
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

CHECK = """
import json, sinorus
ds = sinorus.load()
print(json.dumps({"file": sinorus.__file__, "records": len(ds), "ids": sorted(r.id for r in ds),
                  "version": sinorus.__version__, "data_version": sinorus.DATA_VERSION}))
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
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    done = subprocess.run([str(python), "-c", CHECK], cwd=outside, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout)
    assert Path(result["file"]).is_relative_to(env_dir)
    assert result["records"] == len(dataset)
    assert result["ids"] == sorted(r.id for r in dataset)
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
