"""``weakties-grade release``: the student version through nbgrader, and the LMS zip."""

from __future__ import annotations

import hashlib
import zipfile

import nbformat
import pytest
from cli_fixtures import support

from grader.cli import main

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore:Non-unique cell id")]


def _cli(course, *args):
    return main(["--course", str(course.root), "--source", str(support.SOURCE), *args])


@pytest.fixture
def course(tmp_path):
    support.tools_on_path()
    from grader.stores.course import Course

    return Course(tmp_path / "course", source=support.SOURCE)


def _digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_student_version_has_no_solution_nor_hidden_test(course, capsys):
    before = _digest(support.SOURCE)
    assert _cli(course, "release", "ps1") == 0
    assert str(course.release / "ps1") in capsys.readouterr().out
    text = (course.release / "ps1" / "ps1.ipynb").read_text()
    assert "return x * x" not in text and "sum(NUMBERS)" not in text
    assert "square(-4)" not in text and "HIDDEN TESTS" not in text
    assert "raise NotImplementedError()" in text
    assert "square(3) == 9" in text            # the visible part of the test stays
    nb = nbformat.read(course.release / "ps1" / "ps1.ipynb", as_version=4)
    nbformat.validate(nb)
    assert (course.release / "ps1" / "data" / "numbers.csv").read_text().startswith("n\n")
    assert _digest(support.SOURCE) == before        # the source is never modified


def test_release_records_the_tests_in_the_gradebook(course):
    from nbgrader.api import Gradebook

    assert _cli(course, "release", "ps1") == 0
    with Gradebook(course.db_url, "weakties") as gb:
        assignment = gb.find_assignment("ps1")
        assert assignment.max_score == 7.0
        cells = {c.name for nb in assignment.notebooks for c in nb.grade_cells}
        assert cells == {"square-selfcheck", "square-hidden", "total-hidden", "reflection"}


def test_zip_for_the_lms(course, capsys):
    assert _cli(course, "release", "ps1", "--zip") == 0
    path = course.release / "ps1.zip"
    assert str(path) in capsys.readouterr().out
    with zipfile.ZipFile(path) as zf:
        names = sorted(zf.namelist())
        assert names == ["ps1/README.txt", "ps1/data/numbers.csv", "ps1/ps1.ipynb"]
        assert zf.read("ps1/ps1.ipynb") == (course.release / "ps1" / "ps1.ipynb").read_bytes()
        readme = zf.read("ps1/README.txt").decode()
    assert "upload the notebook (ps1.ipynb)" in readme
    assert ".weakties-learner" in readme and "student id" in readme
    assert "data/numbers.csv" in readme


def test_release_again_regenerates(course):
    assert _cli(course, "release", "ps1") == 0
    (course.release / "ps1" / "ps1.ipynb").write_text("damaged")
    assert _cli(course, "release", "ps1") == 0
    nbformat.read(course.release / "ps1" / "ps1.ipynb", as_version=4)


def test_unknown_assignment_lists_the_known_ones(course, capsys):
    assert _cli(course, "release", "ps9") == 2
    err = capsys.readouterr().err
    assert "no assignment 'ps9'" in err and "Known assignments: ps1" in err
    assert err.count("\n") == 1


def test_nbgrader_errors_are_one_clear_line(tmp_path, capsys):
    import shutil

    src = tmp_path / "src"
    shutil.copytree(support.SOURCE, src)
    nb = nbformat.read(src / "ps1" / "ps1.ipynb", as_version=4)
    nb.cells.append(nbformat.from_dict(nb.cells[4]))      # a duplicated grade id
    nbformat.write(nb, src / "ps1" / "ps1.ipynb")
    code = main(["--course", str(tmp_path / "course"), "--source", str(src), "release", "ps1"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "square-selfcheck" in err
