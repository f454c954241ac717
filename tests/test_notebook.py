"""The example notebook runs from a fresh kernel without errors and shows its tables and figures."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT


def test_tour_notebook_runs_from_a_fresh_kernel() -> None:
    notebook = nbformat.read(ROOT / "docs" / "tour.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "stored with outputs"
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("sinorus dataset:" in h for h in html)
    assert any("sinorus-records" in h for h in html)
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 2
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "about 1,600" in text
    assert "datapackage.json" in str([o.get("data", {}).get("text/plain") for o in outputs])
