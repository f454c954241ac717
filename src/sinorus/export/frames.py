"""Deprecated alias of `sinorus.frames`, kept for one minor version (remove in 0.3)."""

import warnings

from sinorus.frames import *  # noqa: F403
from sinorus.frames import __all__  # noqa: F401

warnings.warn(
    "sinorus.export.frames is deprecated and goes in 0.3: use sinorus.frames", DeprecationWarning, stacklevel=2
)
