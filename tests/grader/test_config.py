"""The course's nbgrader configuration: folders, exchange, timeouts, warnings that cost nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from cli_fixtures import support
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config import Config

from grader.stores.course import Course
from grader.nbgrader_config import CELL_TIMEOUT, WARNING_PATTERN, configure

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")]


def test_configure_points_everything_at_the_course_root():
    c = Config()
    configure(c, "/srv/course")
    assert c.CourseDirectory.root == "/srv/course"
    assert c.CourseDirectory.source_directory == "source"
    assert c.CourseDirectory.db_url == "sqlite:////srv/course/gradebook.db"
    assert c.Exchange.root == "/srv/course/exchange"
    assert c.Execute.timeout == CELL_TIMEOUT and c.Execute.interrupt_on_timeout is True
    assert c.Execute.shutdown_kernel == "immediate"


@pytest.mark.parametrize("text, ignored", [
    ("/tmp/ipykernel_1/2.py:3: DeprecationWarning: old API\n  warnings.warn('old API')\n", True),
    ("/usr/lib/python3/site-packages/pandas/core/x.py:12: FutureWarning: The default will "
     "change\n  df.groupby('a')\n", True),
    ("UserWarning: no display found\n", True),
    ("<string>:1: SyntaxWarning: invalid escape sequence '\\d'\n", True),
    ("Error: the file is missing\n", False),
    ("Traceback (most recent call last):\n  ...\nValueError: bad\n", False),
    ("progress 10%\nDeprecationWarning: late\n", False),   # only a leading warning counts
    ("", False),
])
def test_warning_pattern(text, ignored):
    assert bool(re.search(WARNING_PATTERN, text)) is ignored


def _warning_assignment(root: Path) -> Path:
    """A source assignment whose test cells emit warnings, and one that truly fails."""
    def cell(source, grade_id, **flags):
        c = new_code_cell(source)
        c.metadata["nbgrader"] = {"grade_id": grade_id, "locked": flags.get("locked", True),
                                  "schema_version": 3, "solution": flags.get("solution", False),
                                  "grade": flags.get("grade", False), "task": False,
                                  **({"points": flags["points"]} if "points" in flags else {})}
        return c

    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    nb.cells = [
        cell("import warnings", "setup"),
        cell("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION", "answer", solution=True,
             locked=False),
        cell("warnings.warn('this API is old', DeprecationWarning)\nassert answer == 42",
             "test-deprecation", grade=True, points=1),
        cell("warnings.warn('the default will change', FutureWarning)\nassert answer == 42",
             "test-future", grade=True, points=1),
        cell("assert answer == 41, 'answer: expected 41, found 42'", "test-error", grade=True,
             points=1),
    ]
    folder = root / "warn"
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / "warn.ipynb")
    return root


@pytest.mark.slow
def test_stock_autograde_does_not_count_warnings_but_counts_errors(tmp_path):
    """nbgrader's own autograde with this configuration (the command and the formgrader, which
    grade through the judge) ignores warnings; so does nbgrader's in-kernel grading, through the
    IgnorePattern settings, where the warnings really reach stderr."""
    from nbgrader.api import Gradebook
    from nbgrader.converters import Autograde

    from grader.engine.converters import run_converter
    from grader.engine.execute import sandbox_problem

    source = _warning_assignment(tmp_path / "src")
    course = support.make_course(tmp_path / "course", source=source, release=("warn",))
    nb = nbformat.read(course.release / "warn" / "warn.ipynb", as_version=4)
    nb = support.fill(nb, {"answer": "answer = 42"})
    support.write_submission(course, "ann", nbformat.writes(nb).encode(), assignment="warn")

    def grades():
        with Gradebook(course.db_url, "weakties") as gb:
            return {g.name: g.score
                    for g in gb.find_submission_notebook("warn", "warn", "ann").grades}

    if sandbox_problem() is None:
        support.stock_autograde(course, "warn")
        assert grades() == {"test-deprecation": 1.0, "test-future": 1.0, "test-error": 0.0}

    # nbgrader's in-kernel grading (its default steps): IgnorePattern drops the warnings...
    traits = Autograde.class_traits()
    in_kernel = Config()
    in_kernel.Autograde.sanitize_preprocessors = traits["sanitize_preprocessors"].default()
    in_kernel.Autograde.autograde_preprocessors = traits["autograde_preprocessors"].default()
    (course.submission("ann", "warn") / ".weakties-learner").write_text("ann")
    config = course.nbgrader_config()
    config.merge(in_kernel)
    run_converter(Autograde, course, "warn", "ann", config=config, force=True)
    assert grades() == {"test-deprecation": 1.0, "test-future": 1.0, "test-error": 0.0}
    # ... and without it both warning cells fail: the warnings really reached stderr.
    config = course.nbgrader_config()
    config.merge(in_kernel)
    extra = Config()
    extra.IgnorePattern.enabled = False
    config.merge(extra)
    run_converter(Autograde, course, "warn", "ann", config=config, force=True)
    assert grades() == {"test-deprecation": 0.0, "test-future": 0.0, "test-error": 0.0}


@pytest.mark.slow
def test_the_grading_pipeline_does_not_count_warnings_but_counts_errors(tmp_path):
    """``weakties-grade autograde`` and ``selfcheck`` grade through grader.engine.pipeline."""
    from grader.engine.execute import sandbox_problem
    from grader.engine.pipeline import grade_notebook

    source = _warning_assignment(tmp_path / "src") / "warn" / "warn.ipynb"
    student = support.fill(nbformat.read(source, as_version=4), {"answer": "answer = 42"})
    result = grade_notebook(nbformat.writes(student), source, learner_id="ann",
                            sandbox=sandbox_problem() is None)
    points = {c.grade_id: c.points for c in result.cells}
    assert points == {"test-deprecation": 1.0, "test-future": 1.0, "test-error": 0.0}
    messages = {c.grade_id: c.message for c in result.cells}
    assert "expected 41, found 42" in messages["test-error"]


@pytest.mark.slow
def test_stock_nbgrader_reads_the_course_config_from_the_course_root(tmp_path):
    course = support.make_course(tmp_path / "course")
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
           "HOME": str(tmp_path)}
    proc = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "db", "assignment",
                           "list"], cwd=course.root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "ps1" in proc.stdout


def test_course_root_stub_loads_this_configuration(tmp_path):
    course = Course(tmp_path / "course", source=support.SOURCE).ensure()
    namespace = {"c": Config()}
    exec(compile((course.root / "nbgrader_config.py").read_text(), "nbgrader_config.py", "exec"),
         namespace)
    c = namespace["c"]
    assert c.CourseDirectory.root == str(course.root)
    assert c.IgnorePattern.pattern == WARNING_PATTERN
    assert (course.root / "source").resolve() == support.SOURCE
