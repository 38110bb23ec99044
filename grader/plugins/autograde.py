"""nbgrader's own Autograde, through weakties-grade's pipeline: same grades, or a refusal.

``nbgrader autograde`` and the formgrader's *Autograde* button both run
nbgrader's ``Autograde`` converter with the course folder's configuration.
Left as it is, that converter would run the students' notebooks with their
hidden tests in an ordinary kernel, as the instructor, with no sandbox and
the learner id of whoever runs the formgrader (on a JupyterHub, the
instructor's ``JUPYTERHUB_USER``). :mod:`grader.nbgrader_config` therefore
replaces its steps:

- its *sanitize* step is :class:`WeaktiesAutograde`, which grades the whole
  submission (every notebook, once) with :func:`grader.engine.batch.autograde`
  exactly as ``weakties-grade autograde --student ID --force`` does: the
  learner id is the nbgrader student id, the kernel runs in the sandbox, the
  hidden tests run in the judge, the gradebook and ``autograded/`` are written
  by the same code; it then hands nbgrader the graded notebook that was
  written, so that nbgrader's own copy is the same;
- its *autograde* step runs no preprocessor: nbgrader executes nothing and
  writes no grade of its own.

If the sandbox cannot run here, it refuses with a message that names
``weakties-grade autograde`` and writes no grade. An instructor who grades
trusted notebooks on a machine without bubblewrap sets
``c.WeaktiesAutograde.sandbox = False`` in the course's ``nbgrader_config.py``
(the equivalent of ``--unsafe-no-sandbox``).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool

__all__ = ["WeaktiesAutograde", "GradingRefused"]


class GradingRefused(RuntimeError):
    """nbgrader's Autograde cannot grade this submission the way weakties-grade would."""


class WeaktiesAutograde(NbGraderPreprocessor):
    """Grade the submission with weakties-grade's pipeline; give nbgrader the graded notebook."""

    sandbox = Bool(True, help="Run student code in the sandbox (False: trusted notebooks "
                              "only, like --unsafe-no-sandbox).").tag(config=True)

    def _converter(self):
        exporter = self.parent
        return getattr(exporter, "parent", None)

    def preprocess(self, nb, resources):
        from ..engine.batch import autograde
        from ..engine.execute import SandboxUnavailable, sandbox_problem
        from ..engine.judge import shared_server
        from ..stores.course import Course

        info = resources.get("nbgrader") or {}
        student, assignment, notebook = info.get("student"), info.get("assignment"), \
            info.get("notebook")
        converter = self._converter()
        coursedir = getattr(converter, "coursedir", None)
        if coursedir is None or not (student and assignment and notebook):
            raise GradingRefused("this nbgrader run is not an autograde of a course folder; "
                                 "grade with `weakties-grade autograde`.")
        root = Path(coursedir.root)
        course = Course(root, source=(root / coursedir.source_directory).resolve())
        done = getattr(converter, "_weakties_graded", None)
        if done is None:
            done = converter._weakties_graded = {}
        key = (student, assignment)
        if key not in done:
            try:
                if self.sandbox and sandbox_problem() is not None:
                    raise SandboxUnavailable(sandbox_problem())
                # One judge for this process (the formgrader's server lives long).
                outcomes = autograde(course, assignment, students=[student], force=True,
                                     sandbox=self.sandbox, progress=False, in_process=True,
                                     jobs=1, judge=shared_server(sandbox=self.sandbox))
            except SandboxUnavailable as exc:
                raise GradingRefused(
                    f"{' '.join(str(exc).split())} Nothing was graded. Grade with "
                    f"`weakties-grade autograde {assignment}` on a machine with bubblewrap, or "
                    "set c.WeaktiesAutograde.sandbox = False in the course's "
                    "nbgrader_config.py for trusted notebooks only.") from None
            done[key] = outcomes
            for outcome in outcomes:
                self.log.info("weakties-grade: %s %s: %s, %s / %s", assignment, student,
                              outcome.status, outcome.score, outcome.max_score)
        graded = course.autograded / student / assignment / f"{notebook}.ipynb"
        if graded.is_file():
            return nbformat.read(graded, as_version=4), resources
        # Not graded (the submission failed: its status and reasons are in the gradebook).
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        return nb, resources
