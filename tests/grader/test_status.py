"""The status record of autograded submissions (grader.stores.status)."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from grader.stores import status
from grader.stores.course import Course
from grader.stores.status import StatusRecord, load_status, read_status, write_status



def _write(course, *records):
    con = sqlite3.connect(course.gradebook)
    with con:
        status.ensure_table(con.execute)
        for r in records:
            write_status(con.execute, r)
    con.close()


def test_no_gradebook_means_an_empty_table(tmp_path):
    course = Course(tmp_path / "c")
    frame = load_status(course)
    assert frame.empty
    assert list(frame.columns) == ["student", "assignment", "status", "reasons", "score",
                                   "max_score", "finished"]
    assert not course.gradebook.exists()          # reading never creates the gradebook


def test_records_round_trip_and_replace(course):
    _write(course,
           StatusRecord("bob", "a1", "failed", ["not valid JSON (line 1)"], "h1", "r1",
                        finished="2026-01-01T10:00:00+00:00"),
           StatusRecord("ann", "a1", "flagged", ["tampering: x", "l'élève a tout effacé"],
                        "h2", "r1", score=3.0, max_score=9.0),
           StatusRecord("ann", "a1", "graded", [], "h3", "r1", score=7.0, max_score=9.0))
    records = read_status(course)
    assert set(records) == {("bob", "a1"), ("ann", "a1")}
    assert records[("ann", "a1")].status == "graded" and records[("ann", "a1")].score == 7.0
    frame = load_status(course)
    assert frame["student"].tolist() == ["ann", "bob"]
    failed = frame[frame.status == "failed"].iloc[0]
    assert failed.reasons == ["not valid JSON (line 1)"]
    assert pd.isna(failed.score)               # no score, never a zero


def test_the_status_table_lives_beside_nbgrader_tables(course):
    from grader.stores.gradebook import open_gradebook

    _write(course, StatusRecord("ann", "ties-basics", "graded"))
    with open_gradebook(course) as gb:           # nbgrader still opens its gradebook
        assert [a.name for a in gb.assignments] == ["ties-basics", "two-parts"]
    assert ("ann", "ties-basics") in read_status(course)


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="graded, flagged, failed"):
        StatusRecord("ann", "a1", "done")
