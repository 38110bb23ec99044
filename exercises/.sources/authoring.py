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

French edition: ``exercises/.sources/fr/NN-nom.py`` builds the French
assignment ``exercises/NN-nom/NN-nom.ipynb`` with
``Notebook("NN-nom", lang="fr", edition_of="NN-slug")`` and the French texts
``HOW_FR`` and ``OWN_FR``. The notebook's metadata records both
(``{"weakties": {"lang": "fr", "edition_of": "NN-slug"}}``): the tests apply the
English assignment's recorded mistakes to it and compare the two editions cell
by cell (``tests/exercises/test_french_exercises.py``). Its code passes the
English name to ``ex.my_population`` and the other personal-data functions, so
that a learner gets the same data in both languages.
"""

from __future__ import annotations

import io
import re
import textwrap
import tokenize
from pathlib import Path

import nbformat

EXERCISES = Path(__file__).resolve().parents[1]

__all__ = ["Notebook", "HOW", "OWN", "HOW_FR", "OWN_FR", "hidden", "solution", "EXERCISES",
           "LANGUAGES"]

#: Languages of the exercises (English is the source edition).
LANGUAGES = ("en", "fr")

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


HOW_FR = """\
**Comment ça marche.**

- Lisez chaque tâche, puis écrivez votre réponse dans la cellule marquée
  `# YOUR CODE HERE` (supprimez la ligne `raise NotImplementedError()`).
- Exécutez la cellule d'**autovérification** placée sous votre réponse. Elle ne
  rapporte aucun point, mais si quelque chose ne va pas, elle vous dit ce qui
  était attendu, ce qu'elle a trouvé, et vous donne une piste.
- Lors de la correction, des **tests cachés** vérifient vos réponses sur votre
  propre population. Réussir les autovérifications ne garantit donc pas tous
  les points.
- Avant de rendre votre travail : menu *Noyau*, puis *Redémarrer le noyau et
  exécuter toutes les cellules…*."""

OWN_FR = """\
**Vos propres données.** La population ci-dessous est construite à partir de
votre identifiant d'apprenant : vos personnes, vos liens et vos chiffres
diffèrent de ceux de tous les autres apprenants. Calculez vos réponses à
partir de vos propres données : des chiffres copiés sur quelqu'un d'autre
sont faux pour vos données."""


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



_NBSP, _NNBSP = "\u00a0", "\u202f"
_BEFORE = re.compile(r" ([:%»])")
_BEFORE_NARROW = re.compile(r" ([;?!])")
_AFTER = re.compile(r"« ")


def _typo(text: str) -> str:
    text = _BEFORE.sub(_NBSP + r"\1", text)
    text = _BEFORE_NARROW.sub(_NNBSP + r"\1", text)
    return _AFTER.sub("«" + _NBSP, text)


def french_typography(text: str, code: bool = False) -> str:
    r"""French spacing: a no-break space before ``:`` ``%`` ``»`` and after ``«``, a narrow
    one before ``;`` ``?`` ``!`` (Imprimerie nationale's rules, as CLDR writes them).

    In markdown, code spans (between backticks) are left alone; in code, only
    comments and string constants change.

    >>> french_typography("Tâche 1 : liens ? `a[1 :]`") == "Tâche 1\u00a0: liens\u202f? `a[1 :]`"
    True
    >>> french_typography('x = 5 % 2  # reste : 1', code=True) == 'x = 5 % 2  # reste\u00a0: 1'
    True
    """
    if not code:
        parts = re.split(r"(`[^`]*`)", text)
        return "".join(p if p.startswith("`") else _typo(p) for p in parts)
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    spans = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.STRING, tokenize.COMMENT):
                start = offsets[tok.start[0] - 1] + tok.start[1]
                end = offsets[tok.end[0] - 1] + tok.end[1]
                spans.append((start, end))
    except (tokenize.TokenError, SyntaxError):
        return text
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(_typo(text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


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

    def __init__(self, assignment: str, *, lang: str = "en", edition_of: str | None = None):
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}.")
        if (lang == "en") != (edition_of is None):
            raise ValueError("a translated notebook names the English assignment it translates "
                             "(edition_of='07-job-search'); an English one names none.")
        self.assignment = assignment
        self.lang = lang
        self.edition_of = edition_of
        self.cells = []

    def _add(self, cell, grade_id, **meta):
        if self.lang == "fr":
            cell.source = french_typography(cell.source, code=cell.cell_type == "code")
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
        if self.lang == "fr":
            cell.source = french_typography(cell.source, code=True)
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
        if self.lang != "en":
            nb.metadata["weakties"] = {"lang": self.lang, "edition_of": self.edition_of}
        nbformat.validate(nb)
        return nb

    def write(self, path=None) -> Path:
        path = Path(path) if path else EXERCISES / self.assignment / f"{self.assignment}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(self.notebook(), path)
        return path
