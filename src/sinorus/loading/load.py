"""Assemble a `sinorus.dataset.Dataset` from the packaged data and users' files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sinorus.dataset import Dataset
from sinorus.errors import DataError, Problem, SinorusError
from sinorus.loading.compiled import cache_folder, compiled_path, data_digest, read_compiled, write_compiled
from sinorus.loading.files import PACKAGE, find_files
from sinorus.loading.integrity import check_integrity, check_overrides
from sinorus.loading.problems import problem_at
from sinorus.loading.shipped import read_shipped, shipped_path
from sinorus.memory import collection_paused

if TYPE_CHECKING:
    from sinorus.loading.records import LoadedRecord

__all__ = ["load_dataset", "load_packaged", "packaged_data_dir"]


def packaged_data_dir() -> Path:
    """The folder of the packaged record files, `sinorus/data` inside the installed package
    (in a source checkout, the authored copy at `src/sinorus/data`)."""
    folder = PACKAGE / "data"
    if not folder.is_dir():
        raise SinorusError(f"the packaged data is missing: no folder {folder} (reinstall sinorus)")
    return folder


@collection_paused()
def load_packaged(cache: Path | None = None) -> Dataset:
    """The packaged data: from the compiled form shipped in the package when it matches the
    packaged files, else from the one in `cache` (default: `cache_folder()`) when that matches
    the files and the code, else read from YAML and compiled in `cache` for next time."""
    folder = packaged_data_dir()
    digest = data_digest(folder, find_files([folder]))
    records = read_shipped(shipped_path(digest))
    if records is not None:
        return Dataset(records)
    cache = cache if cache is not None else cache_folder()
    if cache is None:
        return load_dataset([folder])
    compiled = compiled_path(digest, cache)
    records = read_compiled(compiled)
    if records is not None:
        return Dataset(records)
    dataset = load_dataset([folder])
    write_compiled(compiled, dataset.records)
    return dataset


@collection_paused()
def load_dataset(
    paths: Sequence[Path],
    *,
    base: Dataset | None = None,
    allow_overrides: bool = False,
) -> Dataset:
    """Read, validate and check the record files under `paths`.

    With `base` the records are loaded on top of it: references may point at its
    records, and an id it already has is an error unless `allow_overrides` is set,
    in which case the new record replaces the old one if it is of the same kind and the
    records of `base` that point at it still point at what they need.
    """
    files = find_files(paths)
    if not files:
        raise DataError([Problem(", ".join(map(str, paths)), None, None, None, "no .yaml or .yml record files found")])
    from sinorus.loading.records import read_files  # PyYAML only when files are read

    result = read_files(files)
    loaded = result.records
    known = {r.id: r for r in base} if base is not None else {}
    problems = list(result.problems)
    if known and not allow_overrides:
        problems.extend(_clash(item) for item in loaded if item.record.id in known)
    elif known:
        problems.extend(check_overrides(loaded, known))
    problems.extend(check_integrity(loaded, known, result.invalid_ids))
    if problems:
        raise DataError(problems)
    new_ids = {item.record.id for item in loaded}
    kept = [r for r in known.values() if r.id not in new_ids]
    return Dataset([*kept, *(item.record for item in loaded)])


def _clash(item: LoadedRecord) -> Problem:
    return problem_at(
        item, "id", "id already used by the packaged data (pass allow_overrides=True to replace that record)"
    )
