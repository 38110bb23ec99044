"""What every exercise builder shares: the Notebook builder, the common texts and helpers.

The exercises' notebooks in ``exercises/NN-slug/`` are built from the scripts
of this folder (``exercises/.sources/NN-slug.py``), one per assignment, with
``python exercises/.sources/build.py`` (``--check``: fail if a notebook differs
from its script). This folder's name starts with a dot so that nbgrader, which
takes every folder of ``exercises/`` for an assignment, never lists it.

    from authoring import HOW, OWN, Notebook, hidden, solution
    nb = Notebook("01-your-network")
    nb.markdown("intro", "# Exercise 01: Your network ...")
    nb.setup("setup", "from weakties import exercises as ex\\nG = ex.my_population(...)")
    nb.task("task-bands", "## Task 1 (3 points) ...")
    nb.answer("answer-bands", "### BEGIN SOLUTION\\n...\\n### END SOLUTION")
    nb.selfcheck("selfcheck-bands", "ex.check_type(...)")
    nb.test("test-bands-keys", 1, "### BEGIN HIDDEN TESTS\\n...\\n### END HIDDEN TESTS")
    nb.rubric("task-reflection", "## Reflection (5 points) ... Rubric: ...")
    nb.reflection("answer-reflection", 5, "### BEGIN SOLUTION\\n...\\n### END SOLUTION")
    nb.write()          # exercises/01-your-network/01-your-network.ipynb

Every cell's id is its nbgrader grade id.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat

EXERCISES = Path(__file__).resolve().parents[1]

__all__ = ["Notebook", "HOW", "OWN", "hidden", "solution", "EXERCISES"]

HOW = """\
**How it works.**

- Read each task, then write your answer in the cell marked
  `# YOUR CODE HERE` (remove the line `raise NotImplementedError()`).
- Run the **self-check** cell under your answer. It gives no points, but if
  something is wrong it tells you what was expected, what it found, and gives
  a hint.
- When your work is graded, **hidden tests** check your answers on your own
  population. Passing the self-checks does not guarantee every point.
- Before you hand in: menu *Kernel*, then *Restart Kernel and Run All Cells*."""

OWN = """\
**Your own data.** The population below is built from your learner id, so
your people, ties and numbers differ from those of every other learner.
Compute your answers from your own data: numbers copied from someone else are
wrong on your data."""


def hidden(comment, body):
    """A hidden test cell: one visible comment line, then the hidden part."""
    return f"# {comment}\n### BEGIN HIDDEN TESTS\n{textwrap.dedent(body).strip()}\n### END HIDDEN TESTS"


def solution(before, body, after=""):
    parts = []
    if before:
        parts.append(textwrap.dedent(before).strip("\n"))
    body = body.strip("\n")
    first = body.splitlines()[0]
    indent = first[:len(first) - len(first.lstrip())]
    parts.append(f"{indent}### BEGIN SOLUTION\n{body}\n{indent}### END SOLUTION")
    if after:
        parts.append(textwrap.dedent(after).strip("\n"))
    return "\n".join(parts)



def _meta(grade_id, *, grade=False, solution=False, locked=False, points=None):
    m = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
         "solution": solution, "task": False}
    if points is not None:
        m["points"] = points
    return {"nbgrader": m}


def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


class Notebook:
    """An exercise notebook under construction."""

    def __init__(self, assignment: str):
        self.assignment = assignment
        self.cells = []

    def _add(self, cell, grade_id, **meta):
        cell.id = grade_id
        cell.metadata = _meta(grade_id, **meta)
        self.cells.append(cell)
        return cell

    def markdown(self, grade_id, text):
        """Locked instructions (read-only for the learner)."""
        return self._add(nbformat.v4.new_markdown_cell(_clean(text)), grade_id, locked=True)

    task = rubric = markdown

    def setup(self, grade_id, code):
        """Locked code: the setup cell, worked examples."""
        return self._add(nbformat.v4.new_code_cell(_clean(code)), grade_id, locked=True)

    example = setup

    def answer(self, grade_id, code):
        """An answer cell: the solution between ### BEGIN SOLUTION and ### END SOLUTION."""
        return self._add(nbformat.v4.new_code_cell(_clean(code)), grade_id, solution=True)

    def selfcheck(self, grade_id, code):
        """A visible self-check: 0 points, run by the learner, teaches on failure."""
        return self._add(nbformat.v4.new_code_cell(_clean(code)), grade_id, grade=True,
                         locked=True, points=0)

    def test(self, grade_id, points, code):
        """An autograded test cell worth ``points``, with hidden tests."""
        return self._add(nbformat.v4.new_code_cell(_clean(code)), grade_id, grade=True,
                         locked=True, points=points)

    def reflection(self, grade_id, points, text):
        """A manually graded written answer (markdown) worth ``points``."""
        return self._add(nbformat.v4.new_markdown_cell(_clean(text)), grade_id, grade=True,
                         solution=True, points=points)

    def scratch(self, cell_id, code=""):
        """A free code cell for the learner's own exploration (not graded)."""
        cell = nbformat.v4.new_code_cell(_clean(code))
        cell.id = cell_id
        self.cells.append(cell)
        return cell

    def notebook(self) -> nbformat.NotebookNode:
        nb = nbformat.v4.new_notebook(cells=self.cells)
        nb.nbformat, nb.nbformat_minor = 4, 5
        nb.metadata = {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                           "name": "python3"},
            "language_info": {"name": "python"},
        }
        nbformat.validate(nb)
        return nb

    def write(self, path=None) -> Path:
        path = Path(path) if path else EXERCISES / self.assignment / f"{self.assignment}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(self.notebook(), path)
        return path
