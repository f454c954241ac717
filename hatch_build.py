"""Wheel build step: compile the packaged records into `sinorus/compiled/`, so that an installed
package loads them without reading YAML or validating them again (`sinorus.loading.shipped`).

The records are loaded from the source tree with every check, in a separate process; a record
that fails a check fails the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

COMPILE = """
import sys
from pathlib import Path
from sinorus.loading.shipped import write_shipped
print(write_shipped(Path(sys.argv[1]), Path(sys.argv[2])).name)
"""


class CompiledDataHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds the compiled form of the packaged records to a standard (not editable) wheel."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        self._folder = Path(tempfile.mkdtemp(prefix="sinorus-compiled-"))
        source = Path(self.root) / "src"
        done = subprocess.run(
            [sys.executable, "-c", COMPILE, str(source / "sinorus" / "data"), str(self._folder)],
            env={**os.environ, "PYTHONPATH": str(source), "SINORUS_CACHE_DIR": ""},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"compiling the packaged records failed:\n{done.stderr}")
        name = done.stdout.strip()
        build_data["force_include"][str(self._folder / name)] = f"sinorus/compiled/{name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if version != "editable":
            shutil.rmtree(self._folder, ignore_errors=True)
