"""Version numbers of the package and of the data it ships."""

__version__ = "0.2.0"
"""The package version (semantic versioning)."""

DATA_VERSION = "2026.12.0"
"""The version of the packaged records: YEAR.MONTH.PATCH of the data release."""
