"""Thirty students fetch and hand in at the same moment, through the hub and the exchange.

Each simulated student has their own JupyterLab started by the hub (its
REST API), and uses it as the Assignment List does: ``assignments/fetch``,
a change saved through Jupyter's contents API (a line naming the student),
``assignments/submit``, all thirty at once. Then the grading account
collects. Every student's submission must be collected exactly once, with
that student's own line in it. The time is recorded by
``benchmarks/bench_hub.py``, never asserted here.
"""

from __future__ import annotations

import pytest

import hub_support as support

pytestmark = [pytest.mark.slow]

A = "03-alter-ego-network"


def test_thirty_students_hand_in_at_once_and_every_submission_is_collected_once(hub):
    hub.grade("release", A)
    hub.nbgrader("release_assignment", A, "--force")
    result = support.class_batch(hub, support.LOAD_STUDENTS, A)
    assert set(result["steps"]) == set(support.LOAD_STUDENTS)

    exchange = f"{hub.settings['exchange']}/{hub.settings['course_id']}/inbound"
    inbound = [n for n in hub.run_as(hub.grader, ["ls", exchange]).stdout.split()
               if f"+{A}+" in n]
    owners = sorted(n.split("+")[0] for n in inbound)
    assert owners == sorted(hub.user(s) for s in support.LOAD_STUDENTS)   # one each

    hub.nbgrader("collect", A)
    submitted = hub.course / "submitted"
    collected = sorted(p.parent.name for p in submitted.glob(f"*/{A}"))
    assert collected == sorted(hub.user(s) for s in support.LOAD_STUDENTS)
    for student in support.LOAD_STUDENTS:
        text = (submitted / hub.user(student) / A / f"{A}.ipynb").read_text()
        assert support.marker_of(hub, student) in text
        others = [s for s in support.LOAD_STUDENTS
                  if s != student and support.marker_of(hub, s) in text]
        assert others == [], f"{student}'s notebook holds {others}'s work"
