"""The course settings that put a course on a hub: database, exchange, accounts.

These need no running stack: they check that ``course.ini`` (or the
environment) reaches nbgrader's configuration and ``weakties-grade`` alike,
that a shared exchange collects a submission only from its owner, and that
the roster script refuses ids that cannot be Unix names.
"""

from __future__ import annotations

import os
import pwd
import sys
from pathlib import Path

import pytest
from traitlets.config import Config

from grader.nbgrader_config import configure
from grader.stores.course import Course, course_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "deploy" / "hub"))
import users  # noqa: E402  (deploy/hub/users.py)

PG = "postgresql://grader-weakties:s3cret@/weakties?host=/srv/hub/pg/run"


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch):
    monkeypatch.delenv("WEAKTIES_DB_URL", raising=False)
    monkeypatch.delenv("WEAKTIES_EXCHANGE_ROOT", raising=False)


def _ini(root: Path, text: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.ini").write_text(text, encoding="utf-8")


def test_without_settings_a_course_keeps_sqlite_and_its_own_exchange(tmp_path):
    root = tmp_path / "course"
    c = Config()
    configure(c, str(root))
    assert c.CourseDirectory.db_url == f"sqlite:///{root}/gradebook.db"
    assert c.Exchange.root == str(root / "exchange")
    assert "collect" not in c.ExchangeFactory          # stock collect on one machine
    course = Course(root)
    assert course.sqlite and course.db_url == c.CourseDirectory.db_url


def test_course_ini_gives_nbgrader_and_weakties_grade_the_same_database(tmp_path):
    root = tmp_path / "course"
    _ini(root, f"[gradebook]\nurl = {PG}\n\n[exchange]\nroot = /srv/hub/exchange\n")
    c = Config()
    configure(c, str(root))
    course = Course(root)
    assert c.CourseDirectory.db_url == course.db_url
    assert course.db_url.startswith("postgresql+psycopg://grader-weakties:s3cret@/weakties")
    assert not course.sqlite
    assert "s3cret" not in course.gradebook_label()
    assert c.Exchange.root == "/srv/hub/exchange" and course.exchange == Path("/srv/hub/exchange")
    assert c.ExchangeFactory.collect == "grader.plugins.exchange.OwnerCheckedCollect"


def test_the_environment_overrides_course_ini(tmp_path, monkeypatch):
    root = tmp_path / "course"
    _ini(root, f"[gradebook]\nurl = {PG}\n")
    monkeypatch.setenv("WEAKTIES_DB_URL", f"sqlite:///{tmp_path}/other.db")
    assert Course(root).db_url == f"sqlite:///{tmp_path}/other.db"
    assert course_settings(root)["exchange_root"] is None


@pytest.mark.parametrize("text, words", [
    ("[gradebook]\nurl = mysql://x@y/z\n", "neither SQLite"),
    ("[gradebook\nurl = x\n", "not a valid settings file"),
])
def test_a_wrong_setting_is_refused_with_the_fix(tmp_path, text, words):
    root = tmp_path / "course"
    _ini(root, text)
    with pytest.raises(ValueError, match=words):
        Course(root).db_url


def _inbound(exchange: Path, name: str) -> None:
    (exchange / "weakties" / "inbound" / name).mkdir(parents=True)


def test_the_shared_exchange_collects_a_submission_only_from_its_owner(tmp_path):
    from nbgrader.coursedir import CourseDirectory

    from grader.engine.converters import tools_on_path
    from grader.plugins.exchange import OwnerCheckedCollect

    tools_on_path()          # nbgrader runs `alembic` by name to create the gradebook
    me = pwd.getpwuid(os.getuid()).pw_name
    exchange = tmp_path / "exchange"
    _inbound(exchange, f"{me}+a1+2026-03-01 10:00:00.000000 UTC+aaaa")
    # the same user drops a newer file in someone else's name: it must not count for them,
    # nor hide that person's own submission
    _inbound(exchange, f"someone+a1+2026-03-02 10:00:00.000000 UTC+bbbb")
    _inbound(exchange, f"{me}+a2+2026-03-02 10:00:00.000000 UTC+cccc")
    coursedir = CourseDirectory(root=str(tmp_path / "course"))
    coursedir.course_id, coursedir.assignment_id = "weakties", "a1"
    coursedir.db_url = f"sqlite:///{tmp_path}/gradebook.db"
    collect = OwnerCheckedCollect(coursedir=coursedir, root=str(exchange))
    collect.init_src()
    assert [(r["username"], r["filename"][-4:]) for r in collect.src_records] == [(me, "aaaa")]


def test_roster_ids_must_be_unix_names(tmp_path):
    assert users.check_unix_name("ada-l_2") == "ada-l_2"
    for bad in ("Ada", "ada.lovelace", "ada@school.fr", "1ada", "a" * 33):
        with pytest.raises(ValueError, match="cannot be a user name on the hub"):
            users.check_unix_name(bad)
    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,first_name\nada,Ada\nBruno.M,Bruno\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'Bruno.M'"):
        users.create_accounts(roster, ["prof"], dry_run=True)
    roster.write_text("student_id\nada\n", encoding="utf-8")
    with pytest.raises(ValueError, match="both a student and an instructor"):
        users.create_accounts(roster, ["ada"], dry_run=True)


def test_a_machine_without_postgresql_or_npm_is_told_what_to_install(monkeypatch):
    import stack  # deploy/hub/stack.py

    monkeypatch.setattr(stack, "postgres_bin", lambda: None)
    monkeypatch.setattr(stack.shutil, "which", lambda name, *a, **k: None)
    found = " | ".join(stack.problems(need_root=False))
    assert "PostgreSQL is not installed: `apt-get install postgresql`" in found
    assert "npm install -g configurable-http-proxy" in found
