"""Deprecated alias of `sinorus.frames`, kept for one minor version (remove in 0.3)."""

from sinorus.frames import *  # noqa: F403
from sinorus.frames import __all__  # noqa: F401
