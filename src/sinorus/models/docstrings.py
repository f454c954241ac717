"""Field descriptions from the docstrings written under each field, read once per module.

Pydantic's `use_attribute_docstrings` reads them too, but finds and parses each class's source
apart, a cost paid by every process that imports the models. This reads each module's source
once, with the same rule: a string that directly follows an annotated assignment in a class
body describes that attribute.
"""

from __future__ import annotations

import ast
import inspect
import sys
from functools import cache
from itertools import pairwise

__all__ = ["attribute_docstrings"]


def attribute_docstrings(module: str, qualname: str) -> dict[str, str]:
    """The docstrings of the attributes of class `qualname` in `module`, cleaned like `inspect.cleandoc`."""
    return _module_docstrings(module).get(qualname, {})


@cache
def _module_docstrings(module: str) -> dict[str, dict[str, str]]:
    try:
        source = inspect.getsource(sys.modules[module])
    except (KeyError, OSError, TypeError):  # no source to read: descriptions are left empty
        return {}
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = _documented(node.body)
    return found


def _documented(body: list[ast.stmt]) -> dict[str, str]:
    docs: dict[str, str] = {}
    for statement, following in pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs
