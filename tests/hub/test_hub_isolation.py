"""On the hub, a student reaches only their own work.

Each check is made the way a student could try it: as their Unix account
(a terminal in their JupyterLab runs as it), or through the hub with their
own API token (what their browser session can do). Each refusal is paired
with the same action by someone allowed, so that a test cannot pass because
the action is broken for everyone.
"""

from __future__ import annotations

import pytest

import hub_support as support

pytestmark = [pytest.mark.slow]

A = "02-strong-and-weak-ties"
NBGRADER = str(support.stack.venv_bin() / "nbgrader")


@pytest.fixture(scope="module")
def released(hub):
    """``02-strong-and-weak-ties`` released through the exchange by the grading account."""
    hub.grade("release", A)
    hub.nbgrader("release_assignment", A, "--force")
    return A


def test_a_student_cannot_read_another_students_home(hub):
    bruno_home = support.stack.pwd.getpwnam(hub.user("bruno")).pw_dir
    hub.run_as("bruno", ["sh", "-c", "echo 'my draft' > notes.txt"])
    assert hub.run_as("bruno", ["cat", f"{bruno_home}/notes.txt"]).stdout.strip() == "my draft"
    tried = hub.run_as("ada", ["cat", f"{bruno_home}/notes.txt"], check=False)
    assert tried.returncode != 0 and "Permission denied" in tried.stderr
    listed = hub.run_as("ada", ["ls", bruno_home], check=False)
    assert listed.returncode != 0 and "Permission denied" in listed.stderr


def test_a_student_cannot_use_another_students_server(hub):
    hub.start_server("bruno")
    hub.wait_ready(["bruno"])
    try:
        path = f"/user/{hub.user('bruno')}/api/contents"
        own, _ = hub.request(path, token=hub.token_for("bruno"))
        assert own == 200
        other, _ = hub.request(path, token=hub.token_for("ada"))
        assert other in (403, 404)
    finally:
        hub.stop_server("bruno")


def test_a_student_cannot_read_the_sources_nor_the_course(hub):
    source = hub.course / "source" / "01-your-network" / "01-your-network.ipynb"
    assert "BEGIN SOLUTION" in hub.run_as(hub.grader, ["cat", source]).stdout
    for path in (source, hub.course / "course.ini",
                 support.ROOT / "exercises" / "01-your-network" / "01-your-network.ipynb"):
        tried = hub.run_as("ada", ["cat", path], check=False)
        assert tried.returncode != 0 and "Permission denied" in tried.stderr, path


def test_a_student_cannot_open_the_gradebook(hub):
    url = support.stack.db_url(hub.settings)
    code = ("import psycopg, sys\n"
            f"psycopg.connect({url.replace('postgresql+psycopg', 'postgresql')!r}).close()\n"
            "print('connected')")
    python = str(support.stack.venv_bin() / "python")
    assert hub.run_as(hub.grader, [python, "-c", code]).stdout.strip() == "connected"
    tried = hub.run_as("ada", [python, "-c", code], check=False)
    assert tried.returncode != 0 and "connected" not in tried.stdout
    assert "pg_hba.conf" in tried.stderr or "authentication failed" in tried.stderr, tried.stderr
    # nor the SQLite file a course on one machine would have
    tried = hub.run_as("ada", ["ls", hub.course], check=False)
    assert tried.returncode != 0 and "Permission denied" in tried.stderr


def test_a_student_cannot_open_the_formgrader(hub):
    path = f"/services/{hub.settings['service']}/formgrader/api/assignments"
    teacher, reply = hub.request(path, token=hub.token_for(support.INSTRUCTOR))
    assert teacher == 200 and any(a["name"] == "01-your-network" for a in reply)
    student, _ = hub.request(path, token=hub.token_for("ada"))
    assert student == 403
    # nor a formgrader of their own: it is switched off in students' servers
    hub.start_server("ada")
    hub.wait_ready(["ada"])
    try:
        own, _ = hub.request(f"/user/{hub.user('ada')}/formgrader/api/assignments",
                             token=hub.token_for("ada"))
        assert own == 404
    finally:
        hub.stop_server("ada")


def test_a_student_cannot_submit_as_another_student(hub, released):
    for name in ("ada", "bruno"):
        hub.run_as(name, [NBGRADER, "fetch_assignment", A])
    notebook = f"{A}/{A}.ipynb"
    hub.run_as("bruno", ["sed", "-i", "0,/YOUR CODE HERE/s//by bruno himself/", notebook])
    hub.run_as("bruno", [NBGRADER, "submit", A])
    hub.run_as("ada", ["sed", "-i", "0,/YOUR CODE HERE/s//forged by ada/", notebook])
    forged = hub.run_as("ada", [NBGRADER, "submit", A, f"--student={hub.user('bruno')}"],
                        check=False)
    # nbgrader itself lets the file in (its name says bruno) ...
    inbound = hub.run_as(hub.grader, ["ls", f"{hub.settings['exchange']}/weakties/inbound"])
    names = [n for n in inbound.stdout.split() if f"+{A}+" in n]
    assert forged.returncode == 0, forged.stderr
    assert len([n for n in names if n.startswith(hub.user("bruno") + "+")]) == 2
    # ... but the course's collect takes only the one that bruno owns.
    collected = hub.nbgrader("collect", A)
    log = collected.stdout + collected.stderr
    assert "Not collected" in log and "belongs to the user " + hub.user("ada") in log
    submitted = hub.course / "submitted" / hub.user("bruno") / A / f"{A}.ipynb"
    text = hub.run_as(hub.grader, ["cat", submitted]).stdout
    assert "by bruno himself" in text and "forged by ada" not in text
    assert not (hub.course / "submitted" / hub.user("ada") / A).exists()
