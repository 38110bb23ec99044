"""Fixtures shared by the grader's tests: a prepared course folder, and one judge for the session.

Modules of this folder (``cohort``, ``attacks.corpus``, ``cli_fixtures.support``)
are imported by name: pytest puts this folder on ``sys.path`` for its tests.
"""

from __future__ import annotations


import pytest

import cohort
from grader.stores.course import Course

_TEMPLATE: dict = {}


@pytest.fixture(scope="session")
def course_template(tmp_path_factory) -> Course:
    """A course with both fixture assignments released (made once per test session)."""
    if "course" not in _TEMPLATE:
        _TEMPLATE["course"] = cohort.setup_course(
            tmp_path_factory.mktemp("template") / "course")
    return _TEMPLATE["course"]


@pytest.fixture
def course(course_template, tmp_path) -> Course:
    """A fresh copy of :func:`course_template` for one test."""
    return cohort.copy_course(course_template, tmp_path / "course")


@pytest.fixture(scope="session")
def judge_server():
    """One judge process for the whole session (sandboxed when bubblewrap works here)."""
    from grader.engine.execute import sandbox_problem
    from grader.engine.judge import JudgeServer

    server = JudgeServer(sandbox=sandbox_problem() is None).start()
    yield server
    server.stop()
