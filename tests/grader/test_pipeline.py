"""The grading pipeline, step by step: load, reference, sanitize, working copy, grade."""

from __future__ import annotations

import copy
import json

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader.engine import pipeline
from grader.engine.pipeline import NotebookUnreadable, Reference, sanitize

import cohort

SOURCE = cohort.SOURCE / "ties-basics" / "ties-basics.ipynb"


@pytest.fixture(scope="module")
def ref():
    return Reference.from_notebook(SOURCE)


@pytest.fixture(scope="module")
def released(course_template):
    return cohort.released(course_template, "ties-basics")["ties-basics"]


def _ids(nb):
    return [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]


def _managed(nb):
    return [g for g in _ids(nb) if g is not None]


# --------------------------------------------------------------------------
# load


def test_load_reads_a_notebook_without_flags(tmp_path, released):
    path = tmp_path / "a.ipynb"
    nbformat.write(released, path)
    nb, flags = pipeline.load(path)
    assert flags == [] and len(nb.cells) == len(released.cells)


@pytest.mark.parametrize("content,words", [
    (b"", "is empty"),
    (b'{"cells": [{"cell_type": "code", "sou', "not valid JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not a text file"),
    (b'[1, 2, 3]', "not a notebook"),
    (b'{"hello": "world"}', "not a notebook"),
    (b'{"cells": [42, "text"], "metadata": {}}', "no readable cells"),
])
def test_load_names_what_is_wrong(tmp_path, content, words):
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    with pytest.raises(NotebookUnreadable, match=words):
        pipeline.load(path)


def test_load_reads_a_damaged_notebook_leniently(tmp_path):
    data = {"cells": [{"cell_type": "code", "source": ["x = ", "1"], "outputs": "oops"},
                      {"cell_type": "markdown", "source": "# hi"}],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "damaged.ipynb"
    path.write_text(json.dumps(data))
    nb, flags = pipeline.load(path)
    assert [c.source for c in nb.cells] == ["x = 1", "# hi"]
    assert flags and "read leniently" in flags[0]


# --------------------------------------------------------------------------
# The reference agrees with what nbgrader itself stores at release


def test_reference_matches_nbgrader_release(course_template, ref):
    from grader.stores.gradebook import open_gradebook

    by_id = ref.by_id()
    assert [c.grade_id for c in ref.cells if c.is_test] == [
        "test-degree", "test-strong-small", "test-strong-own", "selfcheck-share", "test-share"]
    assert "raise NotImplementedError" in by_id["answer-degree"].source
    assert "BEGIN HIDDEN TESTS" in by_id["test-degree"].source
    assert "_check" not in by_id["test-degree"].released
    with open_gradebook(course_template) as gb:
        stored = {c.name: c for c in gb.find_notebook("ties-basics", "ties-basics").source_cells}
        for cell in ref.cells:
            assert stored[cell.grade_id].checksum == cell.checksum, cell.grade_id
            if cell.locked:
                assert stored[cell.grade_id].source == cell.source
        # Aligning with the gradebook changes nothing when the source is unchanged.
        aligned = copy.deepcopy(ref).use_gradebook(gb, "ties-basics")
    assert aligned.digest() == ref.digest()
    assert ref.max_score == 9.0


def test_reference_refuses_a_source_whose_graded_cells_changed(course_template):
    from grader.stores.gradebook import open_gradebook

    nb = nbformat.read(SOURCE, as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                != "test-share"]
    changed = Reference.from_notebook(nb, name="ties-basics")
    with open_gradebook(course_template) as gb, pytest.raises(ValueError, match="release"):
        changed.use_gradebook(gb, "ties-basics")


def test_helper_names_protect_what_the_tests_use_but_not_the_answers(ref):
    names, imports = ref.helper_names()
    assert {"learner_id", "weakties", "nx", "_check", "_T"} <= names
    assert "strong_ties" not in names and "G" not in names and "n_ties_0" not in names
    assert imports["learner_id"] == "weakties.learner.learner_id"


# --------------------------------------------------------------------------
# sanitize


def _cell(nb, gid):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)


def test_an_untouched_notebook_needs_no_repair(released, ref):
    nb = cohort.fill(released, {"answer-degree": "n_ties_0 = 3"})
    before = copy.deepcopy(nb)
    clean, flags = sanitize(nb, ref)
    assert flags == []
    assert nb == before                         # the input is not modified
    assert _managed(clean) == [c.grade_id for c in ref.cells]
    assert _cell(clean, "answer-degree").source == "n_ties_0 = 3"
    assert _cell(clean, "test-degree").source == ref.by_id()["test-degree"].source
    nbformat.validate(clean)


def test_a_duplicated_test_cell_is_kept_once(released, ref):
    nb = copy.deepcopy(released)
    i = _ids(nb).index("test-degree")
    nb.cells.insert(i + 1, copy.deepcopy(nb.cells[i]))
    clean, flags = sanitize(nb, ref)
    assert _managed(clean) == [c.grade_id for c in ref.cells]
    assert len(clean.cells) == len(released.cells)
    assert any("appears 2 times" in f for f in flags)


def test_a_duplicated_answer_keeps_both_codes_and_grades_the_last(released, ref):
    nb = cohort.fill(released, {"answer-degree": "n_ties_0 = 1"})
    i = _ids(nb).index("answer-degree")
    second = copy.deepcopy(nb.cells[i])
    second.source = "n_ties_0 = 2"
    second.id = "second"
    nb.cells.insert(i + 1, second)
    clean, flags = sanitize(nb, ref)
    sources = [c.source for c in clean.cells]
    assert sources.index("n_ties_0 = 1") < sources.index("n_ties_0 = 2")
    assert _cell(clean, "answer-degree").source == "n_ties_0 = 2"
    first = clean.cells[sources.index("n_ties_0 = 1")]
    assert "nbgrader" not in first.metadata
    assert any("appears 2 times" in f for f in flags)


def test_deleted_cells_come_back_in_place(released, ref):
    nb = cohort.fill(released, {"answer-degree": "n_ties_0 = 1"})
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                not in ("test-degree", "answer-share")]
    clean, flags = sanitize(nb, ref)
    assert _managed(clean) == [c.grade_id for c in ref.cells]
    assert _cell(clean, "answer-share").source == ref.by_id()["answer-share"].released
    assert "BEGIN HIDDEN TESTS" in _cell(clean, "test-degree").source
    assert sum("was deleted" in f for f in flags) == 2


def test_moved_cells_are_put_back_in_order_with_the_student_cells(released, ref):
    nb = cohort.fill(released, {"answer-degree": "n_ties_0 = 1"})
    ids = _ids(nb)
    a, t = ids.index("answer-degree"), ids.index("test-degree")
    nb.cells.insert(a + 1, nbformat.v4.new_code_cell("mine = 1"))
    t += 1
    nb.cells[a], nb.cells[t] = nb.cells[t], nb.cells[a]      # the test now comes first
    clean, flags = sanitize(nb, ref)
    assert _managed(clean) == [c.grade_id for c in ref.cells]
    assert any("moved" in f for f in flags)
    sources = [c.source for c in clean.cells]
    assert "mine = 1" in sources


def test_stripped_test_metadata_is_recognised_and_restored(released, ref):
    nb = copy.deepcopy(released)
    del _cell(nb, "test-strong-small").metadata["nbgrader"]
    clean, flags = sanitize(nb, ref)
    assert _managed(clean) == [c.grade_id for c in ref.cells]
    assert len(clean.cells) == len(released.cells)         # recognised, not duplicated
    assert any("were removed" in f for f in flags)


@pytest.mark.parametrize("change,words", [
    (lambda c: c.metadata["nbgrader"].update(grade=False, solution=True, locked=False),
     "grading settings"),
    (lambda c: c.metadata["nbgrader"].update(points=50), "points"),
    (lambda c: setattr(c, "source", "assert True"), "was edited"),
    (lambda c: (c.update(cell_type="markdown"), c.pop("outputs"), c.pop("execution_count")),
     "was turned from code"),
])
def test_altered_test_cells_are_restored_from_the_source(released, ref, change, words):
    nb = copy.deepcopy(released)
    change(_cell(nb, "test-degree"))
    clean, flags = sanitize(nb, ref)
    restored = _cell(clean, "test-degree")
    expected = ref.by_id()["test-degree"]
    assert restored.source == expected.source and restored.cell_type == "code"
    assert restored.metadata["nbgrader"]["points"] == 2
    assert restored.metadata["nbgrader"]["grade"] and not restored.metadata["nbgrader"][
        "solution"]
    assert any(words in f for f in flags), flags


def test_unknown_grade_ids_lose_their_grading_settings(released, ref):
    nb = copy.deepcopy(released)
    bonus = nbformat.v4.new_code_cell("pass")
    bonus.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "points": 50,
                                  "locked": True, "solution": False, "schema_version": 3}
    nb.cells.append(bonus)
    clean, flags = sanitize(nb, ref)
    assert clean.cells[-1].source == "pass" and "nbgrader" not in clean.cells[-1].metadata
    assert any("'bonus'" in f for f in flags)


def test_a_notebook_of_another_assignment_is_flagged(ref):
    other = nbformat.read(cohort.SOURCE / "two-parts" / "part-a.ipynb", as_version=4)
    clean, flags = sanitize(other, ref)
    assert _managed(clean) == [c.grade_id for c in ref.cells]
    assert any("right notebook" in f for f in flags)


_OPS = st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "swap", "strip", "add"]),
                          st.integers(0, 40), st.integers(0, 40)), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_OPS)
def test_sanitize_always_restores_the_source_structure(released, ref, ops):
    nb = copy.deepcopy(released)
    for op, i, j in ops:
        if not nb.cells:
            break
        i, j = i % len(nb.cells), j % len(nb.cells)
        if op == "delete":
            del nb.cells[i]
        elif op == "duplicate":
            nb.cells.insert(i, copy.deepcopy(nb.cells[i]))
        elif op == "swap":
            nb.cells[i], nb.cells[j] = nb.cells[j], nb.cells[i]
        elif op == "strip":
            nb.cells[i].metadata.pop("nbgrader", None)
        else:
            nb.cells.insert(i, nbformat.v4.new_code_cell(f"student = {i}"))
    clean, flags = sanitize(nb, ref)
    assert _managed(clean) == [c.grade_id for c in ref.cells]
    for cell in ref.cells:
        if cell.locked and not cell.solution:
            assert _cell(clean, cell.grade_id).source == cell.source
    # The student's own cells are all kept, once each.
    assert sum(c.source.startswith("student = ") for c in clean.cells) == sum(
        c.source.startswith("student = ") for c in nb.cells)
    nbformat.validate(clean)
    ids = [c.id for c in clean.cells]
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------
# The working copy


def test_working_copy_holds_only_the_submissions_plain_files(tmp_path):
    sub = tmp_path / "sub"
    (sub / "data").mkdir(parents=True)
    (sub / "data" / "table.csv").write_text("a,b\n1,2\n")
    (sub / "helper.py").write_text("X = 1\n")
    (sub / "other.ipynb").write_text("{}")
    (sub / ".weakties-learner").write_text("someone-else")
    (sub / "json.py").write_text("def loads(text):\n    return 42\n")
    (sub / "weakties").mkdir()
    (sub / "weakties" / "learner.py").write_text("def learner_id():\n    return 'bob'\n")
    (sub / "fast.so").write_bytes(b"\x7fELF")
    secret = tmp_path / "gradebook.db"
    secret.write_text("secret")
    (sub / "link.txt").symlink_to(secret)
    given = [sub / name for name in ("data", "helper.py", "other.ipynb", ".weakties-learner",
                                     "link.txt", "json.py", "weakties", "fast.so")]
    source_data = tmp_path / "table.csv"
    source_data.write_text("the instructor's table\n")
    with pipeline.working_copy(given, trusted_files=[("data/table.csv", source_data)]) \
            as (work, notes):
        files = sorted(str(p.relative_to(work)) for p in work.rglob("*") if p.is_file())
        assert files == ["data/table.csv", "helper.py"]
        assert (work / "data" / "table.csv").read_text() == "the instructor's table\n"
        assert any("symbolic link" in n for n in notes)
        assert any("json.py" in n and "standard module json" in n for n in notes)
        assert any("weakties/learner.py" in n and "installed module weakties" in n
                   for n in notes)
        assert any("fast.so" in n for n in notes)
        assert not str(work).startswith(str(tmp_path))
    assert not work.exists()


# --------------------------------------------------------------------------
# Grading whole notebooks (kernels)


@pytest.mark.slow
@pytest.mark.sandbox
@pytest.mark.parametrize("variant", ["full", "blank", "float-degree", "fixed-threshold",
                                     "copier"])
def test_grade_notebook_gives_the_expected_scores(course, ref, variant):
    student = "ann"
    sim = cohort.write_submission(course, student, "ties-basics", variant, copy_from="bob")
    result = pipeline.grade_notebook(course.submission(student, "ties-basics")
                                     / "ties-basics.ipynb", SOURCE, learner_id=student)
    got = {("ties-basics", c.grade_id): c.points for c in result.cells if c.kind == "test"}
    assert got == sim.expected
    assert result.status == "graded" and result.flags == []
    manual = result.by_id()["reflection"]
    answered = "reflection" in cohort.VARIANTS["ties-basics"][variant].answers["ties-basics"]
    assert manual.kind == "manual" and manual.points == (None if answered else 0)
    # Failure messages come from the tests, never with their code.
    for cell in result.cells:
        if cell.points == 0 and cell.kind == "test":
            assert "_check" not in cell.message and cell.message


@pytest.mark.slow
@pytest.mark.sandbox
def test_the_graded_notebook_carries_no_proof_markers(course):
    cohort.write_submission(course, "ann", "ties-basics", "full")
    result = pipeline.grade_notebook(course.submission("ann", "ties-basics")
                                     / "ties-basics.ipynb", SOURCE, learner_id="ann")
    text = json.dumps(result.notebook)
    assert "weakties.proof" not in text and "__weakties" not in text
    assert len(result.notebook.cells) == len(nbformat.read(SOURCE, as_version=4).cells)
    assert "Your population" in text                    # the outputs are there


def _custom_source(tmp_path):
    """A small source notebook: partial credit, a data file, stderr in a test."""
    def cell(kind, source, gid, **meta):
        c = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(
            source)
        c.metadata["nbgrader"] = {"grade_id": gid, "grade": False, "solution": False,
                                  "locked": False, "schema_version": 3, "task": False, **meta}
        return c
    nb = nbformat.v4.new_notebook(cells=[
        cell("code", "### BEGIN SOLUTION\nvalue = open('data.txt').read().strip()\n"
                     "### END SOLUTION", "answer", solution=True),
        cell("code", "import sys\nprint('a warning', file=sys.stderr)\nassert value == '42'",
             "test-stderr", grade=True, locked=True, points=1),
        cell("code", "1.5 if value == '42' else 0", "test-partial", grade=True, locked=True,
             points=2),
        cell("code", "assert value == '42'\n2;", "test-quiet", grade=True, locked=True,
             points=1),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = tmp_path / "custom.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
@pytest.mark.sandbox
def test_partial_credit_data_files_and_warnings(tmp_path):
    source = _custom_source(tmp_path)
    ref = Reference.from_notebook(source)
    submitted = nbformat.read(source, as_version=4)
    submitted.cells[0].source = "value = open('data.txt').read().strip()"
    data = tmp_path / "data.txt"
    data.write_text("42\n")
    result = pipeline.grade_notebook(submitted, None, learner_id=None, reference=ref,
                                     extra_files=[data])
    points = {c.grade_id: c.points for c in result.cells}
    # stderr is not a failure (nbgrader would give 0); the final value is partial credit;
    # a final ';' hides the value, so the test earns its full point.
    assert points == {"test-stderr": 1.0, "test-partial": 1.5, "test-quiet": 1.0}
    assert result.status == "graded"
    # Without the data file the answer fails, and so do the tests.
    result = pipeline.grade_notebook(submitted, None, learner_id=None, reference=ref)
    assert {c.grade_id: c.points for c in result.cells} == {
        "test-stderr": 0.0, "test-partial": 0.0, "test-quiet": 0.0}


@pytest.mark.slow
@pytest.mark.sandbox
def test_an_unreadable_notebook_fails_with_its_reason(tmp_path, ref):
    path = tmp_path / "ties-basics.ipynb"
    path.write_text('{"cells": [')
    result = pipeline.grade_notebook(path, SOURCE, learner_id="ann", reference=ref)
    assert result.status == "failed" and "not valid JSON" in result.failure
    assert result.notebook is None
    assert all(c.points is None and "Not graded" in c.message for c in result.cells)


def test_a_worked_example_function_the_tests_do_not_use_is_not_protected():
    """A learner may copy a worked example's function into an answer and change it."""
    nb = nbformat.v4.new_notebook()

    def cell(source, **meta):
        c = nbformat.v4.new_code_cell(source)
        c.metadata["nbgrader"] = {"schema_version": 3, **meta}
        return c

    nb.cells = [
        cell("def share(a, b):\n    return a / b", grade_id="example", locked=True,
             grade=False, solution=False),
        cell("def _ref(x):\n    return x\nimport math", grade_id="setup", locked=True,
             grade=False, solution=False),
        cell("answer = share(1, 2)", grade_id="answer", locked=False, grade=False,
             solution=True),
        cell("assert _ref(answer) == math.floor(answer) + 0.5", grade_id="test", locked=True,
             grade=True, solution=False, points=1),
    ]
    names, imports = Reference.from_notebook(nb, name="toy").helper_names()
    assert "share" not in names
    assert {"_ref", "math"} <= names and imports["math"] == "math"
