"""Every graded exercise in exercises/ is verified the same way (see exercises/README.md).

For each folder ``exercises/NN-slug/`` (picked up automatically):

- the notebook follows the course's conventions (``exercise_harness.lint``);
- in-process (an IPython shell, no kernel), for four learner ids, the source
  passes every test, self-checks included;
- with the real tools: ``weakties-grade release`` (nbgrader's
  generate_assignment) in a temporary course removes the solutions and the
  hidden tests and releases nothing but the notebook; the grading pipeline
  (sandboxed when bubblewrap works here) gives the source, submitted as it
  is, full autograded marks, the student version 0, each recorded mistake
  strictly between, and a copier (another learner's computed answers pasted
  as constants into their own notebook) less than full marks; the mistakes and
  the copier, honest submissions, are graded without any flag.

The pipeline tests of all selected assignments are graded in one batch, in two
worker processes: ``-k 07-job`` grades only that assignment.
"""

from __future__ import annotations

import json
import subprocess
import os
import sys
from pathlib import Path

import nbformat
import pytest

import exercise_harness as h

ASSIGNMENTS = h.assignments()


def test_there_are_assignments():
    # English and French editions alike: every folder is an assignment.
    assert len(ASSIGNMENTS) >= 5, f"expected exercises/01-* to 05-* at least, found {ASSIGNMENTS}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_conventions(assignment):
    problems = h.lint(assignment)
    assert not problems, f"{assignment}:\n- " + "\n- ".join(problems)


def test_every_exercise_is_built_by_its_script():
    # The notebooks of exercises/ must not drift from exercises/.sources/NN-slug.py: after
    # editing a notebook in JupyterLab, carry the change into its script.
    sources = h.EXERCISES / ".sources"
    scripts = sorted(p.stem for folder in (sources, sources / "fr")
                     for p in folder.glob("[0-9][0-9]-*.py"))
    assert scripts == ASSIGNMENTS
    build = subprocess.run([sys.executable, str(h.EXERCISES / ".sources" / "build.py"),
                            "--check"], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr


def test_the_build_check_names_a_stale_exercise(tmp_path, monkeypatch):
    # --check must be able to fail, and say which exercise: break a copy of one notebook.
    import shutil

    copy = tmp_path / "exercises"
    shutil.copytree(h.EXERCISES, copy)
    target = copy / ASSIGNMENTS[0] / f"{ASSIGNMENTS[0]}.ipynb"
    nb = nbformat.read(target, as_version=4)
    nb.cells[0].source += "\nAn edit made by hand."
    nbformat.write(nb, target)
    build = subprocess.run([sys.executable, str(copy / ".sources" / "build.py"), "--check"],
                           capture_output=True, text=True)
    assert build.returncode == 1
    assert ASSIGNMENTS[0] in build.stderr and "build.py" in build.stderr


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
    setup = next(c for c in nb.cells if c.cell_type == "code")
    setup.source += "\ndef helper(x):\n    return x\n"
    nb.cells[0].source = "# Exercise without a lesson"
    # A locked cell after the first answer that reads a name only that answer defines.
    first_answer = next(i for i, c in enumerate(nb.cells) if h.is_solution(c)
                        and c.cell_type == "code")
    answer_name = sorted(h._names(h.strip_markers(nb.cells[first_answer].source))[0])[0]
    example = nbformat.v4.new_code_cell(f"print({answer_name})")
    example.metadata["nbgrader"] = {"grade": False, "grade_id": "peek", "locked": True,
                                    "schema_version": 3, "solution": False, "task": False}
    example.id = "peek"
    nb.cells.insert(first_answer + 1, example)
    problems = h.lint(a, nb)
    assert any("locked cell peek reads" in p for p in problems), problems
    assert any("no hidden tests" in p for p in problems)
    assert any("round total" in p for p in problems)
    assert any("defines helper" in p for p in problems)
    assert any("first cell" in p for p in problems)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_leak_detector_sees_solutions_and_hidden_tests(assignment):
    # The check used on the real release must be able to fail.
    source = h.load_source(assignment)
    assert _released_text_leaks(source, source)
    assert not _released_text_leaks(source, h.student_version(source))


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_passes_every_test_for_several_learners(assignment):
    source = h.load_source(assignment)
    for learner in h.LEARNERS[:4]:
        run = h.run_in_process(source, learner)
        assert run.outcomes, f"{assignment}: no test cell ran"
        assert not run.failures(), (
            f"{assignment}, learner {learner}: the solution fails\n" + "\n".join(run.failures()))


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_copied_constants_are_right_for_their_owner(assignment):
    # The copier of the pipeline test pastes these constants into another learner's
    # notebook; they must be right for the learner they come from, so that the copier's
    # loss of points comes from the data and nothing else.
    source = h.load_source(assignment)
    sub = h.with_answers(h.solved(h.student_version(source), source),
                         h.copier_answers(source, h.LEARNERS[0]))
    run = h.run_in_process(h.grading_view(source, sub), h.LEARNERS[0])
    assert run.score == run.max_score, "\n".join(run.failures())
    autograded = any(h.is_test(c) and h.points(c) > 0 for c in source.cells)
    pasted = sum(len(v) for v in h.captured_values(source, h.LEARNERS[0]).values())
    assert pasted or not autograded, f"{assignment}: no answer value to copy"


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


def _selected(request) -> list[str]:
    """The assignments whose pipeline tests this session runs (all, or those -k selects)."""
    chosen = set()
    for item in request.session.items:
        spec = getattr(item, "callspec", None)
        if spec is not None and "pipeline" in getattr(item, "fixturenames", ()):
            chosen.add(spec.params.get("assignment"))
    return [a for a in ASSIGNMENTS if a in chosen]


@pytest.fixture(scope="module")
def pipeline(request, tmp_path_factory):
    """Release the selected assignments in one temporary course, then grade every variant of
    each with the grading pipeline in two worker processes (one batch: the start-up costs of
    nbgrader and of the workers are paid once)."""
    from grader.stores.course import Course
    from grader.commands.release import release

    saved_path = os.environ.get("PATH", "")
    # nbgrader runs `alembic` by name: put this environment's scripts on PATH.
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), saved_path])
    tmp = tmp_path_factory.mktemp("exercises-pipeline")
    course = Course(tmp / "course").ensure()
    sandboxed, why = h.sandbox_available()
    out, jobs, where = {}, [], []
    try:
        for assignment in _selected(request):
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
    assert got == full, f"the source earns {got} of {full}\n{report}"
    if full == 0:   # graded entirely by hand: nothing more to check automatically
        assert any(c["kind"] == "manual" for c in results["source"]["cells"].values()), report
        return
    manual = [cid for cid, cell in results["source"]["cells"].items() if cell["kind"] == "manual"]
    assert manual, "no manually graded cell reached the grader"
    # Honest submissions (the solution typed into the student version, with one recorded
    # mistake, or with copied numbers) are graded cleanly: nothing for the instructor to
    # review, no tamper finding (a worked example copied into an answer must not be one).
    for name, r in results.items():
        if name.startswith("mistake:") or name == "copier":
            assert r["status"] == "graded" and not r["flags"], f"{name} is flagged: {r['flags']}"
    assert h.autograded_score(results["blank"])[0] == 0, report
    for name in results:
        if name.startswith("mistake:"):
            got, full = h.autograded_score(results[name])
            assert 0 < got < full, f"{name}: {got} of {full}\n{report}"
    got, full = h.autograded_score(results["copier"])
    assert got < full, f"the copier keeps full marks on their own data\n{report}"
    if h.edition(assignment)[0] == "fr":
        # The judge runs the setup cell, which sets the language: the messages of the
        # checks that failed (expected / found / hint) are French, as the learner reads them.
        messages = [cell["message"] for name, r in results.items() if name.startswith("mistake:")
                    for cell in r["cells"].values() if not cell["passed"] and cell["message"]]
        assert any("n'est pas encore juste" in m for m in messages), messages[:3]
        english = [m for m in messages if "is not right yet" in m or "Expected:" in m]
        assert not english, f"English messages in a French assignment: {english[:3]}"
    if not pipeline["sandboxed"]:
        print(f"graded without the sandbox: {pipeline['why']}")
