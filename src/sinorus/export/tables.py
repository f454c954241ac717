"""Deprecated alias of `sinorus.tables`, kept for one minor version (remove in 0.3)."""

import warnings

from sinorus.tables import *  # noqa: F403
from sinorus.tables import __all__  # noqa: F401

warnings.warn(
    "sinorus.export.tables is deprecated and goes in 0.3: use sinorus.tables", DeprecationWarning, stacklevel=2
)
