"""Deprecated alias of `sinorus.tables`, kept for one minor version (remove in 0.3)."""

from sinorus.tables import *  # noqa: F403
from sinorus.tables import __all__  # noqa: F401
