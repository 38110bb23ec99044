"""``weakties-grade selfcheck``: a self-learner grades their notebook with the hidden tests."""

from __future__ import annotations

import hashlib
import shutil

import nbformat
import pytest
from cli_fixtures import support

import weakties
from grader.cli import main
from grader.commands.workspace import setup_workspace

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

FIXTURES = support.HERE.parent / "fixtures" / "source"


def _sandbox_args():
    """Run in the sandbox when bubblewrap works here; else opt out, as a learner would."""
    from grader.engine.execute import sandbox_problem

    return [] if sandbox_problem() is None else ["--unsafe-no-sandbox"]


@pytest.fixture(autouse=True)
def no_learner(monkeypatch, tmp_path):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    support.tools_on_path()


def _check(source, notebook, capsys, *extra):
    code = main(["--source", str(source), "selfcheck", str(notebook), *_sandbox_args(), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_score_and_messages_without_the_test_code(tmp_path, capsys):
    work = setup_workspace(tmp_path / "my-work", name="alex", source=support.SOURCE)["path"]
    notebook = work / "ps1" / "ps1.ipynb"
    nb = support.fill(nbformat.read(notebook, as_version=4),
                      support.answers(square=support.SQUARE_ABS))
    nbformat.write(nb, notebook)
    before = hashlib.sha256(notebook.read_bytes()).hexdigest()
    code, out, _ = _check(support.SOURCE, notebook, capsys)
    assert code == 0
    expected = support.expected_auto(square=support.SQUARE_ABS)
    assert f"Score: {expected:g} / 5 points" in out
    assert "Task 1: squares: 0 / 2" in out and "Task 2: the total: 3 / 3" in out
    assert "test square-hidden (2 points): not passed. square of a negative number: " \
           "expected a positive result. Hint: (-4) * (-4) = 16." in out
    assert "test total-hidden (3 points): passed." in out
    assert "reflection (2 points): graded by a person" in out
    for secret in ("square(-4) == 16", "total == 15", "HIDDEN TESTS", "sum(NUMBERS)"):
        assert secret not in out
    assert hashlib.sha256(notebook.read_bytes()).hexdigest() == before


def test_own_data_copied_numbers_fail(tmp_path, capsys):
    """A learner who pastes another learner's numbers fails on their own data."""
    work = setup_workspace(tmp_path / "my-work", name="sam", source=FIXTURES)["path"]
    notebook = work / "ties-basics" / "ties-basics.ipynb"
    other = weakties.population(150, seed="ties-basics:alex")
    own = weakties.population(150, seed="ties-basics:sam")
    assert other.degree(0) != own.degree(0)      # the test below would prove nothing otherwise
    copied = {"answer-degree": f"n_ties_0 = {other.degree(0)}",
              "answer-strong": ("def strong_ties(G, threshold=0.5):\n    return [(u, v) for u, v, "
                                "s in G.edges(data='strength') if s >= threshold]"),
              "answer-share": "share_strong = len(strong_ties(G)) / G.number_of_edges()"}
    nbformat.write(support.fill(nbformat.read(notebook, as_version=4), copied), notebook)
    code, out, _ = _check(FIXTURES, notebook, capsys)
    assert code == 0
    assert "test test-degree (2 points): not passed." in out
    assert "test test-share (2 points): passed." in out
    copied["answer-degree"] = "n_ties_0 = G.degree(0)"
    nbformat.write(support.fill(nbformat.read(notebook, as_version=4), copied), notebook)
    code, out, _ = _check(FIXTURES, notebook, capsys)
    assert "test test-degree (2 points): passed." in out


def test_refused_without_the_sandbox_unless_asked(tmp_path, capsys, monkeypatch):
    import grader.engine.execute

    work = setup_workspace(tmp_path / "my-work", name="alex", source=support.SOURCE)["path"]
    problem = "bubblewrap (bwrap) is not installed, and grading runs student code in it."
    monkeypatch.setattr(grader.engine.execute, "sandbox_problem", lambda **kw: problem)
    code = main(["--source", str(support.SOURCE), "selfcheck", str(work / "ps1" / "ps1.ipynb")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "bubblewrap (bwrap) is not installed" in err and "--unsafe-no-sandbox" in err


def test_notebook_outside_the_exercises_and_missing_learner(tmp_path, capsys):
    stray = tmp_path / "elsewhere" / "mine.ipynb"
    stray.parent.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), stray)
    code = main(["--source", str(support.SOURCE), "selfcheck", str(stray)])
    err = capsys.readouterr().err
    assert code == 2 and "not a notebook of the exercises" in err and "workspace" in err

    folder = tmp_path / "nolearner" / "ps1"
    folder.mkdir(parents=True)
    shutil.copy(support.SOURCE / "ps1" / "ps1.ipynb", folder / "ps1.ipynb")
    code = main(["--source", str(support.SOURCE), "selfcheck", str(folder / "ps1.ipynb")])
    err = capsys.readouterr().err
    assert code == 2 and "No learner id is set" in err and err.count("\n") == 1


def test_same_refusal_as_the_instructors_autograde(tmp_path, capsys, monkeypatch):
    pytest.importorskip("grader.commands.autograde")
    import grader.engine.execute

    work = setup_workspace(tmp_path / "my-work", name="alex", source=support.SOURCE)["path"]
    problem = "bubblewrap (bwrap) is not installed, and grading runs student code in it."
    monkeypatch.setattr(grader.engine.execute, "sandbox_problem", lambda **kw: problem)
    main(["--source", str(support.SOURCE), "selfcheck", str(work / "ps1" / "ps1.ipynb")])
    mine = capsys.readouterr().err.split("error: ", 1)[1]
    main(["--course", str(tmp_path / "course"), "--source", str(support.SOURCE), "autograde",
          "ps1"])
    theirs = capsys.readouterr().err.split("error: ", 1)[1]
    assert mine == theirs
