"""sinorus: the typed, sourced dataset of Sino-Russian military and security cooperation.

>>> import sinorus
>>> ds = sinorus.load()
>>> ds["yu-bin-2016"].kind
'source'
"""

from __future__ import annotations

import threading
from os import PathLike
from typing import TYPE_CHECKING

from sinorus._lazy import lazy_names
from sinorus._version import DATA_VERSION, __version__

if TYPE_CHECKING:
    from pathlib import Path

    from sinorus.collection import Records
    from sinorus.dataset import Dataset
    from sinorus.errors import (
        DataError,
        ExportError,
        MissingExtraError,
        Problem,
        QueryError,
        RecordNotFound,
        SinorusError,
    )
    from sinorus.models import (
        EDTF,
        ORGANISATIONS,
        Agreement,
        ArmsTransfer,
        Citation,
        Discrepancy,
        Event,
        Exercise,
        Force,
        Money,
        Quantity,
        Record,
        RecordBase,
        Source,
    )

__all__ = [
    "DATA_VERSION",
    "EDTF",
    "ORGANISATIONS",
    "Agreement",
    "ArmsTransfer",
    "Citation",
    "DataError",
    "Dataset",
    "Discrepancy",
    "Event",
    "Exercise",
    "ExportError",
    "Force",
    "MissingExtraError",
    "Money",
    "Problem",
    "Quantity",
    "QueryError",
    "Record",
    "RecordBase",
    "RecordNotFound",
    "Records",
    "SinorusError",
    "Source",
    "__version__",
    "data_path",
    "load",
]

_ERRORS = ("DataError", "ExportError", "MissingExtraError", "Problem", "QueryError", "RecordNotFound", "SinorusError")
_MODELS = ("EDTF", "ORGANISATIONS", "Agreement", "ArmsTransfer", "Citation", "Discrepancy", "Event", "Exercise",
           "Force", "Money", "Quantity", "Record", "RecordBase", "Source")  # fmt: skip
__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "Dataset": "sinorus.dataset",
        "Records": "sinorus.collection",
        **dict.fromkeys(_ERRORS, "sinorus.errors"),
        **dict.fromkeys(_MODELS, "sinorus.models"),
    },
)
_packaged: Dataset | None = None
_packaged_lock = threading.Lock()


def load(
    path: str | PathLike[str] | None = None,
    *,
    with_packaged: bool = False,
    allow_overrides: bool = False,
) -> Dataset:
    """Load a dataset.

    With no `path`: the packaged dataset, read and validated on first call, then
    cached (safe to call from many threads; every call returns the same object).

    With `path` (a YAML file or a folder searched recursively): a user's records in
    the same format and with the same checks, on their own, or on top of the packaged
    data with `with_packaged=True`. There an id the packaged data already uses is an
    error unless `allow_overrides=True`.

    Raises:
        sinorus.DataError: listing every problem, each with file, line and field.
    """
    from pathlib import Path

    from sinorus.loading.load import load_dataset, load_packaged

    if path is None:
        global _packaged
        with _packaged_lock:
            if _packaged is None:
                _packaged = load_packaged()
            return _packaged
    base = load() if with_packaged else None
    return load_dataset([Path(path)], base=base, allow_overrides=allow_overrides)


def data_path() -> Path:
    """The folder holding the packaged record files (YAML, in topic subfolders), for reading
    them with other tools or as a template for your own."""
    from sinorus.loading.load import packaged_data_dir

    return packaged_data_dir()
