"""Tables as pandas and polars DataFrames and Arrow tables, with typed columns.

Each library is an optional extra, imported on first use: `sinorus[pandas]`,
`sinorus[polars]`, `sinorus[arrow]`.
"""

from __future__ import annotations

from typing import Any

from sinorus._version import DATA_VERSION, __version__
from sinorus.extras import require
from sinorus.memory import collection_paused
from sinorus.tables import Column, Table

__all__ = ["to_arrow", "to_pandas", "to_polars"]


@collection_paused()
def to_pandas(table: Table) -> Any:
    """A `pandas.DataFrame`: nullable integers and floats, categories for coded values,
    `datetime64[s]` dates, lists of strings for list columns."""
    pd = require("pandas", "to_pandas")
    import numpy as np

    def series(column: Column) -> Any:
        values = table.values(column.name)
        if column.type == "date":
            days = np.array([np.datetime64("NaT") if v is None else v for v in values], dtype="datetime64[D]")
            return pd.Series(days.astype("datetime64[s]"), name=column.name)
        if column.type == "list":
            return pd.Series(values, name=column.name, dtype=object)
        dtype: Any = {"integer": "Int64", "number": "Float64"}.get(column.type, "string")
        if column.enum:
            dtype = pd.CategoricalDtype(column.enum)
        return pd.Series(values, name=column.name, dtype=dtype)

    frame = pd.DataFrame({c.name: series(c) for c in table.columns})
    frame.attrs = _metadata(table)
    return frame


@collection_paused()
def to_polars(table: Table) -> Any:
    """A `polars.DataFrame`: `Int64`, `Float64`, `Date`, `Enum` for coded values, `List(String)`."""
    pl = require("polars", "to_polars")

    def dtype(column: Column) -> Any:
        if column.type == "list":
            return pl.List(pl.String)
        if column.enum:
            return pl.Enum(column.enum)
        return {"integer": pl.Int64, "number": pl.Float64, "date": pl.Date}.get(column.type, pl.String)

    return pl.DataFrame([pl.Series(c.name, table.values(c.name), dtype=dtype(c)) for c in table.columns])


@collection_paused()
def to_arrow(table: Table) -> Any:
    """A `pyarrow.Table` whose fields carry their descriptions, and whose schema carries the
    table's description, primary key and the package and data versions."""
    pa = require("pyarrow", "to_arrow")
    types = {"integer": pa.int64(), "number": pa.float64(), "date": pa.date32(), "list": pa.list_(pa.string())}
    schema = pa.schema(
        [
            pa.field(c.name, types.get(c.type, pa.string()), metadata={"description": c.description})
            for c in table.columns
        ],
        metadata={key: str(value) for key, value in _metadata(table).items()},
    )
    columns = table.cells_by_column()
    arrays = [pa.array(values, type=field.type) for values, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _metadata(table: Table) -> dict[str, Any]:
    return {
        "table": table.name,
        "description": table.description,
        "primary_key": ",".join(table.primary_key),
        "sinorus_version": __version__,
        "data_version": DATA_VERSION,
    }
