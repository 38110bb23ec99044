"""weakties.learner: whose data an exercise builds, in the documented order."""

import pytest

from weakties import learner


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    work = tmp_path / "course" / "week1" / "notebooks"
    work.mkdir(parents=True)
    return work


def test_no_id_says_how_to_set_one(isolated):
    with pytest.raises(LookupError, match="set_learner"):
        learner.learner_id(isolated)


def test_order_file_then_hub_then_config(isolated, monkeypatch):
    learner.set_learner("from-config")
    assert learner.learner_id(isolated) == "from-config"
    monkeypatch.setenv("JUPYTERHUB_USER", "from-hub")
    assert learner.learner_id(isolated) == "from-hub"
    (isolated.parent.parent / learner.LEARNER_FILE).write_text("from-file\n")
    assert learner.learner_id(isolated) == "from-file"  # found two levels up
    (isolated / learner.LEARNER_FILE).write_text("closest")
    assert learner.learner_id(isolated) == "closest"


def test_empty_file_is_ignored(isolated, monkeypatch):
    (isolated / learner.LEARNER_FILE).write_text("  \n")
    monkeypatch.setenv("JUPYTERHUB_USER", "hub")
    assert learner.learner_id(isolated) == "hub"


@pytest.mark.parametrize("bad", ["", "a b", "../etc", "x" * 65, "-dash"])
def test_invalid_ids_are_refused(bad):
    with pytest.raises(ValueError, match="not a valid learner id"):
        learner.check_learner_id(bad)


def test_invalid_id_in_a_file_is_reported(isolated):
    (isolated / learner.LEARNER_FILE).write_text("two words")
    with pytest.raises(ValueError, match="not a valid learner id"):
        learner.learner_id(isolated)


def test_config_dir_is_outside_the_project(isolated):
    from pathlib import Path
    project = Path(__file__).resolve().parents[1]
    assert project not in learner.config_dir().resolve().parents
