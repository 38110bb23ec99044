"""Every graded exercise in exercises/ is verified the same way (see exercises/README.md).

For each folder ``exercises/NN-slug/`` (picked up automatically):

- the notebook follows the course's conventions (:func:`lint`);
- in-process, for several learner ids: the source passes every test (self-checks
  included), the student version earns nothing, each recorded mistake earns
  strictly between nothing and full marks, and a copier (another learner's
  computed answers pasted as constants) loses points;
- with the real tools: ``weakties-grade release`` (nbgrader's
  generate_assignment) in a temporary course removes the solutions and the
  hidden tests and releases nothing but the notebook; the grading pipeline
  (sandboxed when bubblewrap works here) gives the source, submitted as it
  is, full marks, the student version 0, each recorded mistake strictly
  between, and the copier less than full marks.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest

import exercise_harness as h

ASSIGNMENTS = h.assignments()
MISTAKES = [(a, name) for a in ASSIGNMENTS for name in h.load_mistakes(a).mistakes]


def test_there_are_assignments():
    assert len(ASSIGNMENTS) >= 5, f"expected exercises/01-* to 05-* at least, found {ASSIGNMENTS}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_conventions(assignment):
    problems = h.lint(assignment)
    assert not problems, f"{assignment}:\n- " + "\n- ".join(problems)


def test_lint_catches_broken_notebooks():
    # The lint must be able to fail: break a copy of the first assignment.
    a = ASSIGNMENTS[0]
    nb = h.load_source(a)
    for c in nb.cells:
        if h.is_test(c) and h.points(c) > 0:
            c.source = c.source.replace(h.BEGIN_HIDDEN, "").replace(h.END_HIDDEN, "")
            break
    for c in nb.cells:
        if h.is_manual(c):
            c.metadata["nbgrader"]["points"] = 3.5
    problems = h.lint(a, nb)
    assert any("no hidden tests" in p for p in problems)
    assert any("round total" in p for p in problems)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_leak_detector_sees_solutions_and_hidden_tests(assignment):
    # The check used on the real release must be able to fail.
    source = h.load_source(assignment)
    assert _released_text_leaks(source, source)
    assert not _released_text_leaks(source, h.student_version(source))


def _source_run(assignment, learner):
    return h.run_in_process(h.load_source(assignment), learner)


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_passes_every_test_for_many_learners(assignment):
    for learner in h.LEARNERS[:6]:
        run = _source_run(assignment, learner)
        assert run.outcomes, f"{assignment}: no test cell ran"
        assert not run.failures(), (
            f"{assignment}, learner {learner}: the solution fails\n" + "\n".join(run.failures()))


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_student_version_earns_nothing_in_process(assignment):
    source = h.load_source(assignment)
    released = h.student_version(source)
    run = h.run_in_process(h.grading_view(source, released), h.LEARNERS[0])
    assert run.max_score > 0
    assert run.score == 0, f"{assignment}: the blank notebook earns {run.score} points"


@pytest.mark.slow
@pytest.mark.parametrize("assignment, mistake", MISTAKES)
def test_recorded_mistake_earns_partial_credit_in_process(assignment, mistake):
    source = h.load_source(assignment)
    answers = h.load_mistakes(assignment).mistakes[mistake]
    sub = h.mistake_submission(source, h.student_version(source), answers)
    run = h.run_in_process(h.grading_view(source, sub), h.LEARNERS[1])
    assert 0 < run.score < run.max_score, (
        f"{assignment}, mistake {mistake!r}: {run.score} of {run.max_score} points; a typical "
        "mistake must earn some points and lose some")


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_copier_loses_points_on_own_data(assignment):
    source = h.load_source(assignment)
    answers = h.copier_answers(source, h.LEARNERS[0])
    sub = h.with_answers(h.solved(h.student_version(source), source), answers)
    view = h.grading_view(source, sub)
    original = h.run_in_process(view, h.LEARNERS[0])
    assert original.score == original.max_score, (
        "the pasted constants should be right for the learner they come from:\n"
        + "\n".join(original.failures()))
    copier = h.run_in_process(view, h.LEARNERS[2])
    assert copier.score < copier.max_score, (
        f"{assignment}: a copier keeps full marks on their own data")


# --------------------------------------------------------------------------
# With the real tools: release, then the grading pipeline

def _released_text_leaks(source, released) -> list[str]:
    """Lines of solutions and hidden tests (found nowhere else in the source) that the
    released notebook still shows."""
    secret, visible = set(), set()
    for c in source.cells:
        regions = h.solution_regions(c.source) + (h.hidden_regions(c.source) if h.is_test(c)
                                                  else [])
        hidden_lines = {line.strip() for r in regions for line in r.splitlines()}
        for line in c.source.splitlines():
            s = line.strip()
            (secret if s in hidden_lines else visible).add(s)
    secret = {s for s in secret - visible if len(s) >= 12 and not s.startswith("#")}
    text = "\n".join(c.source for c in released.cells)
    shown = {line.strip() for line in text.splitlines()}
    markers = [m for m in (h.BEGIN_SOLUTION, h.BEGIN_HIDDEN) if m in text]
    return markers + sorted(s for s in secret if s in shown)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """Release every assignment in one temporary course, then grade every variant of every
    assignment with the grading pipeline in two worker processes (one batch: the start-up
    costs of nbgrader and of the workers are paid once)."""
    from grader.course import Course
    from grader.release import release

    saved_path = os.environ.get("PATH", "")
    # nbgrader runs `alembic` by name: put this environment's scripts on PATH.
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), saved_path])
    tmp = tmp_path_factory.mktemp("exercises-pipeline")
    course = Course(tmp / "course").ensure()
    sandboxed, why = h.sandbox_available()
    out, jobs, where = {}, [], []
    try:
        for assignment in ASSIGNMENTS:
            entry = out[assignment] = {"error": None, "results": {}}
            try:
                entry["release"] = release(course, assignment)
            except Exception as exc:  # noqa: BLE001 - reported by the assignment's test
                entry["error"] = f"release failed: {type(exc).__name__}: {exc}"
                continue
            source_file = h.source_path(assignment)
            source = h.load_source(assignment)
            released_file = entry["release"]["folder"] / f"{assignment}.ipynb"
            released = nbformat.read(released_file, as_version=4)
            entry["source"], entry["released"] = source, released
            subs = tmp / "submissions" / assignment
            subs.mkdir(parents=True)

            def write(name, nb):
                path = subs / f"{name}.ipynb"
                nbformat.write(nb, path)
                return str(path)

            a, b, c = h.LEARNERS[0], h.LEARNERS[1], h.LEARNERS[2]
            variants = {"source": (str(source_file), a), "blank": (str(released_file), a)}
            for k, (name, answers) in enumerate(h.load_mistakes(assignment).mistakes.items()):
                variants[f"mistake:{name}"] = (
                    write(f"mistake-{k}", h.mistake_submission(source, released, answers)), b)
            copied = h.with_answers(h.solved(released, source), h.copier_answers(source, a))
            variants["copier"] = (write("copier", copied), c)
            for name, (path, learner) in variants.items():
                jobs.append({"submitted": path, "source": str(source_file), "learner": learner,
                             "sandbox": sandboxed})
                where.append((assignment, name))
        for (assignment, name), result in zip(where, h.grade_with_pipeline(jobs, workers=2)):
            out[assignment]["results"][name] = result
    finally:
        os.environ["PATH"] = saved_path
    return {"assignments": out, "sandboxed": sandboxed, "why": why}


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_removes_solutions_and_hidden_tests(assignment, pipeline):
    entry = pipeline["assignments"][assignment]
    assert entry["error"] is None, entry["error"]
    files = entry["release"]["files"]
    assert files == [f"{assignment}.ipynb"], f"the release holds other files: {files}"
    leaks = _released_text_leaks(entry["source"], entry["released"])
    assert not leaks, f"the student version still shows: {leaks[:5]}"
    for c in entry["released"].cells:
        if h.is_solution(c):
            assert "YOUR CODE HERE" in c.source or "YOUR ANSWER HERE" in c.source, c.source


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_grading_pipeline_scores(assignment, pipeline):
    entry = pipeline["assignments"][assignment]
    assert entry["error"] is None, entry["error"]
    results = entry["results"]
    report = json.dumps({k: (r["status"], h.autograded_score(r), r["failure"])
                         for k, r in results.items()}, indent=1)
    for name, r in results.items():
        assert r["status"] != "failed", f"{name} could not be graded: {r['failure']}\n{report}"
    got, full = h.autograded_score(results["source"])
    assert full > 0 and got == full, f"the source earns {got} of {full}\n{report}"
    manual = [cid for cid, cell in results["source"]["cells"].items() if cell["kind"] == "manual"]
    assert manual, "no manually graded cell reached the grader"
    assert h.autograded_score(results["blank"])[0] == 0, report
    for name in results:
        if name.startswith("mistake:"):
            got, full = h.autograded_score(results[name])
            assert 0 < got < full, f"{name}: {got} of {full}\n{report}"
    got, full = h.autograded_score(results["copier"])
    assert got < full, f"the copier keeps full marks on their own data\n{report}"
    if not pipeline["sandboxed"]:
        print(f"graded without the sandbox: {pipeline['why']}")
