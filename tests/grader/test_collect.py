"""``weakties-grade collect``: Moodle zips, folders, the roster, and never a silent overwrite."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import datetime, timezone

import pytest
from cli_fixtures import support

from grader.cli import UserError, main
from grader.commands.collect import collect
from grader.stores.roster import read_roster

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROSTER = [
    "ada,Ada,Lovelace,ada@example.org,1001,555",
    "eloise,Éloïse,Dupré-Martin,eloise@example.org,1002,",
    "bob,Bob,Smith,bob@example.org,1003,",
    "carol,Carol,Jones,carol@example.org,1004,",
    "jpn,Jean-Pierre,N'Diaye,jpn@example.org,1005,",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A released course, copied for each test (releasing takes a second)."""
    return support.make_course(tmp_path_factory.mktemp("base") / "course")


@pytest.fixture
def course(base, tmp_path):
    import shutil

    from grader.stores.course import Course

    root = tmp_path / "course"
    shutil.copytree(base.root, root, symlinks=True)
    (root / "nbgrader_config.py").unlink()
    return Course(root, source=support.SOURCE).ensure()


@pytest.fixture
def roster(tmp_path):
    return support.write_roster(tmp_path / "roster.csv", ROSTER)


def _nb(course, **kw):
    return support.notebook_bytes(course, **kw)


def test_moodle_zip_matched_by_id_and_by_name(course, roster, tmp_path):
    good = _nb(course)
    other = _nb(course, total=support.TOTAL_WRONG)
    zpath = support.moodle_zip(tmp_path / "download.zip", {
        # participant id 555 is Ada's in the roster, whatever the name says
        "A Lovelace_555_assignsubmission_file_/ps1.ipynb": good,
        # flat file, name in capitals and without accents, renamed by the student
        "ELOISE DUPRE MARTIN_777_assignsubmission_file_ps1 (1).ipynb": other,
        # "last first" order
        "Smith Bob_888_assignsubmission_file_/ps1.ipynb": good,
        # group mode prefix, hyphen and apostrophe in the name
        "Team A-Jean-Pierre N'Diaye_999_assignsubmission_file_/ps1.ipynb": good,
    })
    result = collect(course, "ps1", zpath, roster=roster)
    assert sorted(result.collected) == ["ada", "bob", "eloise", "jpn"]
    assert result.unmatched == []
    stored = course.submission("eloise", "ps1") / "ps1.ipynb"
    assert stored.read_bytes() == other
    assert (course.submission("ada", "ps1") / "ps1.ipynb").read_bytes() == good
    assert result.missing == ["carol"]


def test_timestamp_is_the_upload_time_from_the_zip(course, roster, tmp_path):
    from nbgrader.utils import parse_utc

    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Ada Lovelace_555_assignsubmission_file_/ps1.ipynb": _nb(course)},
        date_time=(2026, 3, 1, 9, 30, 0))
    collect(course, "ps1", zpath, roster=roster)
    text = (course.submission("ada", "ps1") / "timestamp.txt").read_text()
    local = datetime(2026, 3, 1, 9, 30, 0).astimezone(timezone.utc)
    assert parse_utc(text) == local.replace(tzinfo=None)


def test_every_unmatched_file_is_reported_with_its_reason(course, roster, tmp_path):
    nb = _nb(course)
    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Zed Unknown_999_assignsubmission_file_/ps1.ipynb": nb,
        "Bob Smith_888_assignsubmission_onlinetext_/onlinetext.html": b"<p>hi</p>",
        "Bob Smith_888_assignsubmission_file_/notes.txt": b"notes",
        "Bob Smith_888_assignsubmission_file_/ps1.ipynb": nb,
        "loose.ipynb": nb,
        "__MACOSX/._ps1.ipynb": b"",
    })
    result = collect(course, "ps1", zpath, roster=roster)
    reasons = dict(result.unmatched)
    assert list(result.collected) == ["bob"]
    assert "no student named 'Zed Unknown'" in reasons[
        "Zed Unknown_999_assignsubmission_file_/ps1.ipynb"]
    assert "onlinetext" in reasons["Bob Smith_888_assignsubmission_onlinetext_/onlinetext.html"]
    assert "not a notebook" in reasons["Bob Smith_888_assignsubmission_file_/notes.txt"]
    assert "top level" in reasons["loose.ipynb"]
    assert result.ignored == ["__MACOSX/._ps1.ipynb"]
    assert not result.ok


def test_homonyms_need_the_participant_id(course, tmp_path):
    rows = ["bob1,Bob,Smith,b1@example.org,,", "bob2,Bob,Smith,b2@example.org,,"]
    roster = support.write_roster(tmp_path / "r.csv", rows)
    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Bob Smith_888_assignsubmission_file_/ps1.ipynb": _nb(course)})
    result = collect(course, "ps1", zpath, roster=roster)
    assert result.collected == {}
    (path, reason), = result.unmatched
    assert "bob1" in reason and "bob2" in reason and "moodle_id" in reason
    rows[1] = "bob2,Bob,Smith,b2@example.org,,888"
    roster = support.write_roster(tmp_path / "r.csv", rows)
    result = collect(course, "ps1", zpath, roster=roster)
    assert list(result.collected) == ["bob2"]


def test_blind_marking_and_missing_roster(course, roster, tmp_path):
    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Participant_4242_assignsubmission_file_/ps1.ipynb": _nb(course)})
    result = collect(course, "ps1", zpath, roster=roster)
    assert "blind marking" in result.unmatched[0][1]
    result = collect(course, "ps1", zpath)
    assert "--roster" in result.unmatched[0][1]


def test_folder_per_student_and_nbgrader_layout(course, tmp_path):
    src = tmp_path / "in" / "wrapper"
    (src / "dave" / "ps1").mkdir(parents=True)
    (src / "dave" / "ps1" / "ps1.ipynb").write_bytes(_nb(course))
    (src / "erin").mkdir()
    (src / "erin" / "ps1-Copy1.ipynb").write_bytes(_nb(course, square=None))
    (src / "bad name!").mkdir()
    (src / "bad name!" / "ps1.ipynb").write_bytes(_nb(course))
    result = collect(course, "ps1", tmp_path / "in")
    assert sorted(result.collected) == ["dave", "erin"]
    assert (course.submission("erin", "ps1") / "ps1.ipynb").exists()
    assert "not a valid student id" in dict(result.unmatched)["wrapper/bad name!/ps1.ipynb"]


def test_never_overwrites_without_force_and_backs_up_with_force(course, roster, tmp_path):
    first = support.moodle_zip(tmp_path / "1.zip", {
        "Ada Lovelace_555_assignsubmission_file_/ps1.ipynb": _nb(course)})
    second = support.moodle_zip(tmp_path / "2.zip", {
        "Ada Lovelace_555_assignsubmission_file_/ps1.ipynb": _nb(course, total=None)})
    collect(course, "ps1", first, roster=roster)
    stored = course.submission("ada", "ps1") / "ps1.ipynb"
    original = stored.read_bytes()

    again = collect(course, "ps1", first, roster=roster)
    assert again.unchanged == ["ada"] and again.ok

    kept = collect(course, "ps1", second, roster=roster)
    assert kept.kept_existing == ["ada"] and not kept.ok
    assert stored.read_bytes() == original

    forced = collect(course, "ps1", second, roster=roster, force=True)
    assert list(forced.replaced) == ["ada"]
    assert stored.read_bytes() == _nb(course, total=None)
    backup = forced.replaced["ada"]
    assert backup.is_relative_to(course.backups)
    assert (backup / "ps1.ipynb").read_bytes() == original


def test_newest_duplicate_wins_and_the_older_is_reported(course, roster, tmp_path):
    old, new = _nb(course, total=None), _nb(course)
    zpath = tmp_path / "d.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr(zipfile.ZipInfo("Ada Lovelace_555_assignsubmission_file_/ps1 (1).ipynb",
                                    (2026, 3, 1, 8, 0, 0)), old)
        zf.writestr(zipfile.ZipInfo("Ada Lovelace_555_assignsubmission_file_/ps1.ipynb",
                                    (2026, 3, 1, 9, 0, 0)), new)
    result = collect(course, "ps1", zpath, roster=roster)
    assert (course.submission("ada", "ps1") / "ps1.ipynb").read_bytes() == new
    assert "older copy" in dict(result.unmatched)[
        "Ada Lovelace_555_assignsubmission_file_/ps1 (1).ipynb"]


def test_nested_zip_and_unsafe_paths(course, roster, tmp_path):
    import io

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("ps1.ipynb", _nb(course))
    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Ada Lovelace_555_assignsubmission_file_/work.zip": inner.getvalue(),
        "../../evil.ipynb": _nb(course),
    })
    result = collect(course, "ps1", zpath, roster=roster)
    assert list(result.collected) == ["ada"]
    assert any("unsafe path" in reason for _, reason in result.unmatched)
    assert not (tmp_path.parent / "evil.ipynb").exists()


def test_roster_students_are_added_to_the_gradebook_and_kept(course, roster, tmp_path):
    from nbgrader.api import Gradebook

    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Ada Lovelace_555_assignsubmission_file_/ps1.ipynb": _nb(course)})
    result = collect(course, "ps1", zpath, roster=roster)
    assert result.roster_added == 5
    with Gradebook(course.db_url, "weakties") as gb:
        people = {s.id: s for s in gb.students}
        assert sorted(people) == ["ada", "bob", "carol", "eloise", "jpn"]
        assert people["eloise"].last_name == "Dupré-Martin"
        assert people["carol"].email == "carol@example.org"
    assert (course.root / "roster.csv").read_bytes() == roster.read_bytes()


def test_notebook_of_another_assignment_is_named(tmp_path):
    import shutil

    src = tmp_path / "src"
    shutil.copytree(support.SOURCE / "ps1", src / "ps1")
    shutil.copytree(support.SOURCE / "ps1", src / "ps2")
    (src / "ps2" / "ps1.ipynb").rename(src / "ps2" / "ps2.ipynb")
    course = support.make_course(tmp_path / "course", source=src, release=())
    folder = tmp_path / "in" / "dave"
    folder.mkdir(parents=True)
    (folder / "ps2.ipynb").write_text("{}")
    (folder / "ps1.ipynb").write_text("{}")
    result = collect(course, "ps1", tmp_path / "in")
    assert dict(result.unmatched)["dave/ps2.ipynb"] == \
        "a notebook of the assignment ps2, not ps1"
    assert result.collected == {"dave": ["ps1.ipynb"]}
    assert any("not a valid notebook" in w for w in result.warnings)


def test_input_is_never_modified(course, roster, tmp_path):
    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Ada Lovelace_555_assignsubmission_file_/ps1.ipynb": _nb(course)})
    before = hashlib.sha256(zpath.read_bytes()).hexdigest()
    roster_before = roster.read_bytes()
    collect(course, "ps1", zpath, roster=roster, force=True)
    assert hashlib.sha256(zpath.read_bytes()).hexdigest() == before
    assert roster.read_bytes() == roster_before


def test_corrupt_zip_and_wrong_assignment_are_clear_errors(course, roster, tmp_path, capsys):
    bad = tmp_path / "broken.zip"
    good = support.moodle_zip(tmp_path / "d.zip", {"x/ps1.ipynb": b"{}"})
    bad.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(UserError, match="not a valid zip file"):
        collect(course, "ps1", bad, roster=roster)
    with pytest.raises(UserError, match="no assignment 'ps9'.*Known assignments: ps1"):
        collect(course, "ps9", good, roster=roster)
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "collect",
                 "ps1", "--from", str(bad)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "download it again" in err


def test_cli_exit_codes_and_report(course, roster, tmp_path, capsys):
    zpath = support.moodle_zip(tmp_path / "d.zip", {
        "Ada Lovelace_555_assignsubmission_file_/ps1.ipynb": _nb(course),
        "Zed Unknown_999_assignsubmission_file_/ps1.ipynb": _nb(course)})
    args = ["--course", str(course.root), "--source", str(support.SOURCE), "collect", "ps1",
            "--from", str(zpath), "--roster", str(roster)]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "Could not collect 1 file(s)" in out and "Zed Unknown" in out
    zpath = support.moodle_zip(tmp_path / "ok.zip", {
        "Ada Lovelace_555_assignsubmission_file_/ps1.ipynb": _nb(course)})
    args[args.index(str(tmp_path / "d.zip"))] = str(zpath)
    assert main(args) == 0


@pytest.mark.parametrize("text, message", [
    ("first_name,last_name\nAda,Lovelace\n", "no student_id column"),
    ("student_id\nada\nada\n", "appears twice"),
    ("student_id\nada lovelace\n", "not a valid learner id"),
    ("student_id,moodle_id\nada,12a\n", "is not a number"),
    ("student_id\n", "lists no student"),
])
def test_roster_errors_name_the_fix(tmp_path, text, message):
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_roster(path)


def test_roster_accepts_semicolons_bom_and_aliases(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("\ufeffStudent ID;First Name;Surname;E-mail\nada;Ada;Lovelace;a@x.org\n"
                     .encode("utf-8"))
    roster = read_roster(path)
    assert roster.get("ada").email == "a@x.org"
    assert roster.by_name("ADA LOVELACE").student_id == "ada"
