"""Simulated students for the grader's tests and benchmark.

The fixture course (``tests/grader/fixtures/source``) holds two small nbgrader
source assignments:

- ``ties-basics`` (one notebook, personal data: each student works on
  ``weakties.population(150, seed="ties-basics:<student id>")``), with
  visible and hidden tests, a 0-point self-check and a manually graded
  reflection;
- ``two-parts`` (two notebooks, ``part-a`` without personal data and
  ``part-b`` with a 30-person population of one's own).

This module writes simulated submissions into nbgrader's layout
(``submitted/<student>/<assignment>/``) from the *released* notebooks, the
way a student would fill them in: the full solution, the blank notebook,
typical mistakes, and a copier who pastes another student's numbers. The
expected score of every graded cell is computed here, independently of the
grader: each variant says what its answers evaluate to, and
:func:`expected_scores` checks those values against the students' own
populations with the same rules the hidden tests state.

Typical use::

    course = setup_course(tmp_path / "course")          # release both assignments
    cohort = make_cohort(course, "ties-basics", 12)     # write 12 submissions
    for s in cohort:
        s.expected    # {(notebook, grade_id): points} for every autograded cell
"""

from __future__ import annotations

import datetime as _dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from grader.stores.course import Course

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE = FIXTURES / "source"
ASSIGNMENTS = ("ties-basics", "two-parts")
DEADLINE = _dt.datetime(2026, 3, 1, 12, 0, tzinfo=_dt.timezone.utc)

# --------------------------------------------------------------------------
# Answers. Each variant maps a solution cell's grade id to its source.

_DEGREE = {
    "right": "n_ties_0 = G.degree(0)",
    "float": "n_ties_0 = float(G.degree(0))",  # a typical type mistake
}
_STRONG = {
    "right": ("def strong_ties(G, threshold=0.5):\n"
              "    return [(u, v) for u, v, s in G.edges(data=\"strength\") if s >= threshold]"),
    # "at least" read as "more than"
    "strict": ("def strong_ties(G, threshold=0.5):\n"
               "    return [(u, v) for u, v, s in G.edges(data=\"strength\") if s > threshold]"),
    # the threshold argument ignored
    "fixed": ("def strong_ties(G, threshold=0.5):\n"
              "    return [(u, v) for u, v, s in G.edges(data=\"strength\") if s >= 0.5]"),
}
_SHARE = {
    "right": "share_strong = len(strong_ties(G)) / G.number_of_edges()",
    "percent": "share_strong = 100 * len(strong_ties(G)) / G.number_of_edges()",
}
_REFLECTION = ("Weak ties reach other circles, so they carry news my close friends "
               "already share with me. A former colleague now in another sector told "
               "me about an opening.")

# Extra cells an exploring student adds: loops, functions, pandas, plots,
# networkx, a magic. Honest code that tamper detection must not flag.
_EXPLORER_CELLS = [
    "%matplotlib inline\nimport matplotlib.pyplot as plt\nimport pandas as pd\nimport networkx as nx",
    ("def describe(G, v):\n    out = []\n    for u in sorted(G[v]):\n"
     "        out.append((u, round(G[v][u]['strength'], 2)))\n    return out\n\n"
     "describe(G, 0)[:5]"),
    ("degrees = pd.Series(dict(G.degree()), name='ties')\n"
     "fig, ax = plt.subplots()\nax.hist(degrees, bins=20)\n"
     "ax.set_xlabel('ties'); ax.set_ylabel('people'); ax.set_title('Ties per person')\n"
     "degrees.describe()"),
    "import weakties\nreport = weakties.ego_report(G, 0)\nprint(report.size, nx.density(G))",
]


@dataclass(frozen=True)
class Variant:
    """What a simulated student writes in each solution cell of one assignment."""

    name: str
    answers: dict            # notebook -> {grade_id: source}, or None: the notebook is not submitted
    extra_cells: tuple = ()  # (notebook, after grade_id, source) free cells the student adds
    copies: bool = False     # pastes another student's numbers (ties-basics only)


def _ties(degree="right", strong="right", share="right", reflection=True):
    answers = {"answer-strong": _STRONG[strong]}
    if degree:
        answers["answer-degree"] = _DEGREE[degree]
    if share:
        answers["answer-share"] = _SHARE[share]
    if reflection:
        answers["reflection"] = _REFLECTION
    return {"ties-basics": answers}


VARIANTS = {
    "ties-basics": {
        "full": Variant("full", _ties()),
        "blank": Variant("blank", {"ties-basics": {}}),
        "float-degree": Variant("float-degree", _ties(degree="float")),
        "strict-threshold": Variant("strict-threshold", _ties(strong="strict")),
        "fixed-threshold": Variant("fixed-threshold", _ties(strong="fixed", reflection=False)),
        "percent-share": Variant("percent-share", _ties(share="percent")),
        "copier": Variant("copier", _ties(), copies=True),
        "explorer": Variant("explorer", _ties(), extra_cells=tuple(
            ("ties-basics", "answer-degree", src) for src in _EXPLORER_CELLS)),
    },
    "two-parts": {
        "full": Variant("full", {"part-a": {"answer-double": "def double(x):\n    return 2 * x"},
                                 "part-b": {"answer-ties": "n_ties = G.number_of_edges()"}}),
        "blank": Variant("blank", {"part-a": {}, "part-b": {}}),
        "only-a": Variant("only-a", {"part-a": {"answer-double": "def double(x):\n    return x + x"},
                                     "part-b": None}),
    },
}

#: The order in which :func:`make_cohort` hands out variants.
MIX = {
    "ties-basics": ("full", "blank", "float-degree", "strict-threshold", "fixed-threshold",
                    "percent-share", "copier", "explorer", "full", "full"),
    "two-parts": ("full", "blank", "only-a"),
}


@dataclass
class Simulated:
    """One simulated submission and its expected autograded score per cell."""

    student: str
    assignment: str
    variant: str
    copied_from: str | None = None
    expected: dict = field(default_factory=dict)   # (notebook, grade_id) -> points

    @property
    def total(self) -> float:
        return float(sum(self.expected.values()))


# --------------------------------------------------------------------------
# Course set-up


def setup_course(root, assignments=ASSIGNMENTS, source=SOURCE) -> Course:
    """A course folder at ``root`` with the fixture assignments released.

    Runs nbgrader's own ``generate_assignment`` (which also records the
    assignments, their grade cells and their test sources in the gradebook).
    """
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    from grader.engine.converters import tools_on_path

    tools_on_path()     # nbgrader runs `alembic` by name when it creates a gradebook
    course = Course(root, source=source).ensure()
    config = course.nbgrader_config()
    coursedir = CourseDirectory(config=config)
    api = NbGraderAPI(coursedir=coursedir, config=config)
    for name in assignments:
        result = api.generate_assignment(name)
        if not result["success"]:
            raise RuntimeError(f"nbgrader generate_assignment {name} failed:\n{result.get('error')}")
    return course


def released(course: Course, assignment: str) -> dict:
    """The released notebooks of ``assignment``: {notebook name: NotebookNode}."""
    folder = course.release / assignment
    return {p.stem: nbformat.read(p, as_version=4) for p in sorted(folder.glob("*.ipynb"))}


# --------------------------------------------------------------------------
# Writing submissions


def _own_numbers(student: str):
    """The numbers a correct student finds on their own population."""
    import weakties

    G = weakties.population(150, seed=f"ties-basics:{student}")
    strong = sum(1 for _, _, s in G.edges(data="strength") if s >= 0.5)
    return G.degree(0), strong / G.number_of_edges()


def fill(notebook, answers: dict, extra_cells=()) -> nbformat.NotebookNode:
    """A copy of a released notebook with ``answers`` written in its solution cells."""
    nb = nbformat.from_dict(json.loads(json.dumps(notebook)))
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers and cell.metadata["nbgrader"].get("solution"):
            cell.source = answers[gid]
    for after, source in reversed(list(extra_cells)):
        index = next(i for i, c in enumerate(nb.cells)
                     if c.metadata.get("nbgrader", {}).get("grade_id") == after)
        new = nbformat.v4.new_code_cell(source)
        nb.cells.insert(index + 1, new)
    return nb


def write_submission(course: Course, student: str, assignment: str, variant: str | Variant,
                     *, copy_from: str | None = None, timestamp=DEADLINE) -> Simulated:
    """Write one simulated submission and return it with its expected scores."""
    spec = variant if isinstance(variant, Variant) else VARIANTS[assignment][variant]
    notebooks = released(course, assignment)
    folder = course.submission(student, assignment)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, nb in notebooks.items():
        answers = spec.answers.get(name, {})
        if answers is None:
            continue
        answers = dict(answers)
        if spec.copies:
            degree, share = _own_numbers(copy_from)
            answers["answer-degree"] = f"n_ties_0 = {degree}"
            answers["answer-share"] = f"share_strong = {share!r}"
        extra = [(after, src) for nb_name, after, src in spec.extra_cells if nb_name == name]
        nbformat.write(fill(nb, answers, extra), folder / f"{name}.ipynb")
    (folder / "timestamp.txt").write_text(timestamp.strftime("%Y-%m-%d %H:%M:%S.%f %Z"))
    sim = Simulated(student, assignment, spec.name, copy_from if spec.copies else None)
    sim.expected = expected_scores(assignment, spec, student, copy_from)
    return sim


def make_cohort(course: Course, assignment: str, n: int, *, prefix: str = "s",
                mix=None) -> list[Simulated]:
    """Write ``n`` submissions of ``assignment`` cycling through ``mix``.

    Student ids are ``<prefix>01``, ``<prefix>02``...; a copier copies the
    numbers of the first student.
    """
    mix = mix or MIX[assignment]
    students = [f"{prefix}{i + 1:02d}" for i in range(n)]
    out = []
    for i, student in enumerate(students):
        variant = mix[i % len(mix)]
        source = students[0] if student != students[0] else f"{prefix}00"
        out.append(write_submission(course, student, assignment, variant, copy_from=source))
    return out


# --------------------------------------------------------------------------
# Expected scores, computed without the grader


def _points(assignment: str) -> dict:
    """{(notebook, grade_id): points} of the autograded (test) cells of the source."""
    out = {}
    for path in sorted((SOURCE / assignment).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and not meta.get("solution") and cell.cell_type == "code":
                out[(path.stem, meta["grade_id"])] = float(meta["points"])
    return out


def _ties_passes(spec: Variant, student: str, copy_from: str | None) -> dict:
    """Which ties-basics tests the variant passes on ``student``'s data."""
    import weakties

    answers = spec.answers.get("ties-basics", {})
    G = weakties.population(150, seed=f"ties-basics:{student}")
    strengths = [s for _, _, s in G.edges(data="strength")]
    m = len(strengths)

    strong = next((k for k, v in _STRONG.items() if answers.get("answer-strong") == v), None)
    if strong == "right":
        count = lambda t: sum(s >= t for s in strengths)                 # noqa: E731
        own_ok = True
    elif strong == "strict":
        count = lambda t: sum(s > t for s in strengths)                  # noqa: E731
        own_ok = not any(s == 0.3 for s in strengths)
    elif strong == "fixed":
        count = lambda t: sum(s >= 0.5 for s in strengths)               # noqa: E731
        own_ok = not any(0.3 <= s < 0.5 for s in strengths)
    else:
        count, own_ok = None, False

    degree = share = None
    if spec.copies:
        degree, share = _own_numbers(copy_from)
    else:
        if answers.get("answer-degree") == _DEGREE["right"]:
            degree = G.degree(0)
        elif answers.get("answer-degree") == _DEGREE["float"]:
            degree = float(G.degree(0))
        if count is not None and answers.get("answer-share") in _SHARE.values():
            share = count(0.5) / m
            if answers["answer-share"] == _SHARE["percent"]:
                share *= 100
    true_share = sum(s >= 0.5 for s in strengths) / m
    return {
        "test-degree": isinstance(degree, int) and degree == G.degree(0),
        "test-strong-small": strong == "right",
        "test-strong-own": own_ok,
        "selfcheck-share": isinstance(share, float),
        "test-share": share is not None and 0 <= share <= 1 and abs(share - true_share) < 1e-9,
    }


def _two_parts_passes(spec: Variant, student: str) -> dict:
    a = spec.answers.get("part-a") or {}
    b = spec.answers.get("part-b") or {}
    return {"test-double": "answer-double" in a, "test-ties": "answer-ties" in b}


def expected_scores(assignment: str, spec: Variant, student: str,
                    copy_from: str | None = None) -> dict:
    """{(notebook, grade_id): points} the variant earns on ``student``'s data."""
    if assignment == "ties-basics":
        passes = _ties_passes(spec, student, copy_from)
    elif assignment == "two-parts":
        passes = _two_parts_passes(spec, student)
    else:
        raise ValueError(f"no expected scores for assignment {assignment!r}")
    return {key: (pts if passes[key[1]] else 0.0) for key, pts in _points(assignment).items()}


def use_plain_nbgrader(course: Course) -> Course:
    """Make nbgrader's own Autograde in ``course`` grade as stock nbgrader does: its default
    steps (the hidden tests run in the student's kernel), instead of weakties-grade's
    pipeline that the course configuration puts there. Each submission then needs its
    ``.weakties-learner`` file (written here). For comparisons and the benchmark only."""
    from nbgrader.converters import Autograde

    traits = Autograde.class_traits()
    lines = []
    for name in ("sanitize_preprocessors", "autograde_preprocessors"):
        classes = [f"{c.__module__}.{c.__name__}" for c in traits[name].default()]
        lines.append(f"c.Autograde.{name} = {classes!r}\n")
    config = course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "".join(lines))
    if course.submitted.is_dir():
        for student in course.submitted.iterdir():
            for folder in student.iterdir():
                if folder.is_dir():
                    (folder / ".weakties-learner").write_text(student.name)
    return course


def copy_course(template: Course, root) -> Course:
    """A copy of a prepared course folder at ``root`` (gradebook and releases included)."""
    shutil.copytree(template.root, root, symlinks=True)
    return Course(root, source=template.source).ensure()
