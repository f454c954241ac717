"""Optional dependencies: imported only when a feature needs them, with a clear error if missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from sinorus.errors import MissingExtraError

__all__ = ["EXTRAS", "require"]

EXTRAS = {"pandas": "pandas", "polars": "polars", "pyarrow": "arrow", "matplotlib": "plot", "datasette": "serve"}
"""The package extra that provides each optional package."""


def require(module: str, feature: str) -> ModuleType:
    """Import `module` for `feature`, or raise `MissingExtraError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        package = module.partition(".")[0]
        raise MissingExtraError(
            f"{feature} needs {package}, which is not installed: pip install 'sinorus[{EXTRAS[package]}]'"
        ) from error
