"""``weakties-grade workspace``: a self-learner's my-work/, never overwriting their work."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from cli_fixtures import support

from grader.cli import UserError, main
from grader.commands.workspace import setup_workspace
from weakties.learner import learner_id

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(autouse=True)
def no_learner(monkeypatch, tmp_path):
    """No learner id from the environment or the user's configuration."""
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    support.tools_on_path()


@pytest.fixture
def source(tmp_path):
    src = tmp_path / "exercises"
    shutil.copytree(support.SOURCE / "ps1", src / "ps1")
    return src


def test_student_versions_and_learner_file(tmp_path, source, capsys):
    work = tmp_path / "my-work"
    code = main(["--source", str(source), "workspace", "--name", "alex.martin", "--path",
                 str(work)])
    assert code == 0
    assert "added ps1" in capsys.readouterr().out
    text = (work / "ps1" / "ps1.ipynb").read_text()
    assert "return x * x" not in text and "square(-4)" not in text
    assert "raise NotImplementedError()" in text
    assert (work / "ps1" / "data" / "numbers.csv").is_file()
    assert learner_id(work / "ps1") == "alex.martin"
    nbformat.validate(nbformat.read(work / "ps1" / "ps1.ipynb", as_version=4))


def test_existing_work_is_kept_and_missing_exercises_added(tmp_path, source):
    work = tmp_path / "my-work"
    setup_workspace(work, name="alex", source=source)
    mine = work / "ps1" / "ps1.ipynb"
    mine.write_text(mine.read_text().replace("YOUR ANSWER HERE", "my own reflection"))
    edited = mine.read_bytes()
    (work / "ps1" / "data" / "numbers.csv").unlink()
    shutil.copytree(support.SOURCE / "ps1", source / "ps2")
    (source / "ps2" / "ps1.ipynb").rename(source / "ps2" / "ps2.ipynb")

    result = setup_workspace(work, source=source)
    assert mine.read_bytes() == edited
    assert result["kept"] == {"ps1": ["ps1.ipynb"]}
    assert result["added"] == {"ps1": ["data/numbers.csv"],
                               "ps2": ["data/numbers.csv", "ps2.ipynb"]}
    assert result["learner"] == "alex"


def test_another_name_is_refused(tmp_path, source):
    work = tmp_path / "my-work"
    setup_workspace(work, name="alex", source=source)
    with pytest.raises(UserError, match="already set up for the learner 'alex'"):
        setup_workspace(work, name="sam", source=source)
    assert (work / ".weakties-learner").read_text().strip() == "alex"


def test_a_name_is_needed(tmp_path, source, capsys):
    code = main(["--source", str(source), "workspace", "--path", str(tmp_path / "w")])
    err = capsys.readouterr().err
    assert code == 2 and "--name" in err and err.count("\n") == 1
    assert not (tmp_path / "w").exists()


def test_the_saved_learner_name_is_used(tmp_path, source):
    from weakties.learner import set_learner

    set_learner("saved-name")
    result = setup_workspace(tmp_path / "w", source=source)
    assert result["learner"] == "saved-name"


def test_invalid_name_is_refused(tmp_path, source):
    with pytest.raises(ValueError, match="not a valid learner id"):
        setup_workspace(tmp_path / "w", name="alex martin", source=source)


def test_default_path_is_the_git_ignored_my_work(tmp_path, source, monkeypatch):
    import grader.commands.workspace
    from grader.stores.course import PROJECT

    assert "/my-work/" in (PROJECT / ".gitignore").read_text().splitlines()
    monkeypatch.setattr(grader.commands.workspace, "PROJECT", tmp_path)
    result = setup_workspace(name="alex", source=source)
    assert result["path"] == tmp_path / "my-work"
    assert (tmp_path / "my-work" / "ps1" / "ps1.ipynb").is_file()
