"""Fixtures of the hub tests: one running stack (PostgreSQL, JupyterHub, the formgrader).

Every test here that uses the running stack (the ``hub`` fixture) is marked
``hub``. Without root, PostgreSQL, npm's
configurable-http-proxy or JupyterHub in the environment they are skipped
with the reason (``-rs`` shows it) and the rest of the suite runs as usual.
The stack is started once per test session (per pytest-xdist worker, with
its own account names) when a hub test first needs it, and removed at the
end: accounts, homes, course folder, database.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

import hub_support as support  # noqa: E402


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    mine = [item for item in items if Path(str(item.fspath)).resolve().parent == here
            and "hub" in getattr(item, "fixturenames", ())]
    for item in mine:
        item.add_marker(pytest.mark.hub)
    problem = support.hub_problem()
    if problem is None:
        return
    skip = pytest.mark.skip(reason=problem)
    for item in mine:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def hub():
    """The running stack (:class:`hub_support.Hub`), shared by every hub test of the session."""
    problem = support.hub_problem()
    if problem:
        pytest.skip(problem)
    running = support.start_stack()
    try:
        yield running
    finally:
        support.remove_stack(running)


def sandbox_flags() -> list[str]:
    """``--unsafe-no-sandbox`` when bubblewrap cannot run here (with a warning), else nothing."""
    import warnings

    from grader.engine.execute import sandbox_problem

    problem = sandbox_problem()
    if problem is None:
        return []
    warnings.warn(f"hub tests graded WITHOUT the sandbox: {problem}", UserWarning)
    return ["--unsafe-no-sandbox"]
