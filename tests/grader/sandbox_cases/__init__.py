"""Helpers shared by the sandbox and execution tests: notebooks, outputs, file snapshots."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import nbformat

from grader.engine.execute import Limits

#: Small timeouts so that the tests stay quick.
FAST = Limits(cell_timeout=10, notebook_timeout=60, interrupt_grace=1)


def notebook(*sources: str) -> nbformat.NotebookNode:
    """A notebook with one code cell per source."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb


def text(cell) -> str:
    """Everything a cell printed (streams and plain-text results)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") in ("execute_result", "display_data"):
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def errors(cell) -> list[str]:
    """Names of the errors a cell shows."""
    return [o.get("ename") for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def all_text(nb) -> str:
    """Every output of every cell, errors included, as one text."""
    parts = []
    for cell in nb.cells:
        parts.append(text(cell))
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                parts.append(f"{out.get('ename')}: {out.get('evalue')}")
                parts.extend(out.get("traceback", []))
    return "\n".join(parts)


def snapshot(root: Path, skip: Path | None = None) -> dict[str, tuple]:
    """Hash, size, mode and modification time of every file and folder under ``root``."""
    found = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        if skip is not None and (here == skip or skip in here.parents):
            dirs[:] = []
            continue
        for name in dirs + files:
            path = here / name
            if path == skip:
                continue
            st = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(root))] = (digest, st.st_size, st.st_mode, st.st_mtime_ns)
    return found
