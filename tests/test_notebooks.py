"""Every notebook in the project is stored clean: nbformat 4.5, cell ids, kernel python3, no outputs."""

import json

import nbformat
import pytest

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NOTEBOOKS = sorted(p for folder in ("course", "exercises")
                   for p in (ROOT / folder).rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebook found under course/ or exercises/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_clean(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert (raw["nbformat"], raw["nbformat_minor"]) == (4, 5), \
        f"{path.name}: expected nbformat 4.5, found {raw['nbformat']}.{raw['nbformat_minor']}"
    nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)  # raises on an invalid notebook
    assert nb.metadata.kernelspec.name == "python3", \
        f"{path.name}: kernel is {nb.metadata.kernelspec.name!r}, expected 'python3'"
    ids = [c.get("id") for c in nb.cells]
    assert all(ids), f"{path.name}: a cell has no id"
    assert len(set(ids)) == len(ids), f"{path.name}: duplicated cell ids"
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; store notebooks without outputs"
    assert "widgets" not in nb.metadata, f"{path.name}: saved widget state in the metadata"
