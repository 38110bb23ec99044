"""``weakties-grade collect ASSIGNMENT --from PATH``: bring submissions into nbgrader's layout.

Submissions come from a folder or a zip file, in any of these layouts:

- **Moodle's "Download all submissions"** zip (or its unzipped folder):
  ``Firstname Lastname_1234567_assignsubmission_file_/ps1.ipynb`` (one folder
  per student) or ``Firstname Lastname_1234567_assignsubmission_file_ps1.ipynb``
  (flat files). Students are recognised through the roster (``--roster``):
  by Moodle participant id (the number) when the roster has it, else by full
  name, ignoring case and accents (``Participant_1234567_...`` downloads, made
  with blind marking, need the participant ids);
- **one folder per student**, named by student id (or, with a roster, by
  email or ID number): ``alice/ps1.ipynb``;
- **nbgrader's own layout**: ``alice/ps1/ps1.ipynb``.

Each student's notebooks go to ``submitted/<student>/<assignment>/`` with a
``timestamp.txt`` (the newest file time: the upload time in a Moodle zip).
A notebook renamed by the student (``ps1 (1).ipynb``, ``ps1-Copy1.ipynb``, or
the only notebook of a one-notebook assignment) is stored under its
assignment name. Every file that is not collected is reported with the
reason. An existing submission is never replaced without ``--force``; with
``--force`` the replaced one is moved to ``backups/submitted/``. The roster's
students are added to the gradebook, and the roster is kept as the course's
``roster.csv`` for ``export``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import shutil
import stat
import textwrap
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Callable

from ..render.text import inert
from ..stores.course import released_notebooks
from ..stores.roster import Roster, Student, normalise_name, read_roster
from .common import UserError, check_assignment, course_of

__all__ = ["collect", "CollectResult", "MOODLE_NAME", "configure_parser", "run"]

#: A Moodle submission file or folder name: ``<full name>_<participant id>_assignsubmission_<plugin>_<rest>``.
MOODLE_NAME = re.compile(
    r"^(?P<name>.+?)_(?P<pid>\d+)_assign(?:submission|feedback)_(?P<plugin>[a-z0-9]+)_(?P<rest>.*)$")
#: System files that zips and file managers add; never collected.
JUNK_PARTS = {"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini", ".ipynb_checkpoints"}
#: Largest notebook collected (bytes).
MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
#: Largest zip nested in a submission that is opened (bytes).
MAX_NESTED_ZIP_BYTES = 100 * 1024 * 1024
#: Most files looked at in one input.
MAX_ENTRIES = 200_000
_COPY_SUFFIX = re.compile(r"(?:\s*\(\d+\)|[-_ ]?copy\d*|\s*-\s*copy(?:\s*\(\d+\))?)+$", re.I)


@dataclass
class Entry:
    """One file of the input (a folder or a zip)."""

    path: str                      # as shown in reports
    parts: tuple[str, ...]         # path components, relative to the input
    size: int
    mtime: datetime                # aware, UTC
    read: Callable[[], bytes]


@dataclass
class CollectResult:
    """What :func:`collect` did."""

    assignment: str
    collected: dict[str, list[str]] = field(default_factory=dict)   # student -> notebooks
    replaced: dict[str, Path] = field(default_factory=dict)         # student -> backup folder
    unchanged: list[str] = field(default_factory=list)
    kept_existing: list[str] = field(default_factory=list)          # needed --force
    renamed: list[tuple[str, str]] = field(default_factory=list)    # (input path, stored name)
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # (input path, reason)
    ignored: list[str] = field(default_factory=list)                # system files
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)                # roster students without a file
    roster_added: int = 0

    @property
    def ok(self) -> bool:
        return not self.unmatched and not self.kept_existing


# --------------------------------------------------------------------------- input

def _utc_from_zip(date_time) -> datetime:
    # Zip times have no time zone: they are the server's local time.
    try:
        return datetime(*date_time).astimezone(timezone.utc)
    except ValueError:
        return datetime.fromtimestamp(0, timezone.utc)


def _safe_parts(name: str) -> tuple[str, ...] | None:
    path = PurePosixPath(name.replace("\\", "/"))
    parts = tuple(p for p in path.parts if p not in ("", "."))
    if path.is_absolute() or ".." in parts or not parts:
        return None
    return parts


def _zip_entries(zf: zipfile.ZipFile, label: str, prefix: tuple[str, ...],
                 out: list[Entry], problems: list[tuple[str, str]], depth: int) -> None:
    infos = zf.infolist()
    if len(infos) + len(out) > MAX_ENTRIES:
        raise UserError(f"{label} holds more than {MAX_ENTRIES} files: this is not an "
                        "assignment download. Check the file.")
    for info in infos:
        if info.is_dir():
            continue
        shown = f"{label}!{info.filename}" if depth else info.filename
        parts = _safe_parts(info.filename)
        if parts is None:
            problems.append((shown, "unsafe path in the zip (absolute or with '..'); not read"))
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            problems.append((shown, "a symbolic link, not a file; not read"))
            continue
        parts = prefix + parts
        if (depth == 0 and parts[-1].lower().endswith(".zip")
                and not any(p in JUNK_PARTS for p in parts)):
            if info.file_size > MAX_NESTED_ZIP_BYTES:
                problems.append((shown, "a zip inside the download, too large to open"))
                continue
            try:
                inner = zipfile.ZipFile(io.BytesIO(zf.read(info)))
            except (zipfile.BadZipFile, OSError, EOFError):
                problems.append((shown, "a zip inside the download that cannot be opened "
                                        "(corrupt)"))
                continue
            # Files of a nested zip count as if they were in its folder.
            _zip_entries(inner, shown, parts[:-1], out, problems, depth + 1)
            continue
        out.append(Entry(shown, parts, info.file_size, _utc_from_zip(info.date_time),
                         (lambda z=zf, i=info: z.read(i))))


def read_input(source: Path) -> tuple[list[Entry], list[tuple[str, str]]]:
    """The files of a folder or zip, and the entries that could not be read."""
    source = Path(source)
    entries: list[Entry] = []
    problems: list[tuple[str, str]] = []
    if not source.exists():
        raise FileNotFoundError(f"{source} does not exist: give the folder or the zip file "
                                "that holds the submissions with --from")
    if source.is_dir():
        for dirpath, dirnames, filenames in os.walk(source, followlinks=False):
            dirnames.sort()
            for name in sorted(filenames):
                full = Path(dirpath) / name
                rel = full.relative_to(source)
                if full.is_symlink():
                    problems.append((rel.as_posix(), "a symbolic link, not a file; not read"))
                    continue
                st = full.stat()
                if rel.suffix.lower() == ".zip" and len(rel.parts) > 1:
                    try:
                        with zipfile.ZipFile(full) as inner:
                            inner_entries: list[Entry] = []
                            _zip_entries(inner, rel.as_posix(), rel.parts[:-1], inner_entries,
                                         problems, 1)
                            for e in inner_entries:       # read now: the file gets closed
                                data = e.read()
                                e.read = (lambda d=data: d)
                            entries.extend(inner_entries)
                    except (zipfile.BadZipFile, OSError, EOFError):
                        problems.append((rel.as_posix(), "a zip that cannot be opened "
                                                         "(corrupt)"))
                    continue
                entries.append(Entry(rel.as_posix(), rel.parts, st.st_size,
                                     datetime.fromtimestamp(st.st_mtime, timezone.utc),
                                     (lambda p=full: p.read_bytes())))
                if len(entries) > MAX_ENTRIES:
                    raise UserError(f"{source} holds more than {MAX_ENTRIES} files: give the "
                                    "folder of one assignment's submissions.")
        return entries, problems
    if source.suffix.lower() != ".zip" and not zipfile.is_zipfile(source):
        raise UserError(f"{source} is neither a folder nor a zip file: give the folder of "
                        "submissions or the zip downloaded from the LMS with --from.")
    try:
        zf = zipfile.ZipFile(source)
        bad = zf.testzip()
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise UserError(f"{source} is not a valid zip file ({exc}); it may be incomplete: "
                        "download it again from the LMS.") from None
    except NotImplementedError as exc:
        raise UserError(f"{source} uses a compression this tool cannot read ({exc}): unzip it "
                        "with your system's tools and give the folder with --from.") from None
    if bad is not None:
        raise UserError(f"{source} is damaged (the file {bad!r} inside it fails its check); "
                        "download it again from the LMS.")
    _zip_entries(zf, source.name, (), entries, problems, 0)
    return entries, problems


# --------------------------------------------------------------------------- matching

def _clean_stem(stem: str) -> str:
    return normalise_name(_COPY_SUFFIX.sub("", stem.strip()))


def _strip_common_top(entries: list[Entry], roster: Roster | None, assignment: str) -> None:
    """Drop a single folder that wraps everything (``downloaded/alice/...``)."""
    while entries and all(len(e.parts) >= 2 for e in entries):
        top = {e.parts[0] for e in entries}
        if len(top) != 1:
            return
        name = next(iter(top))
        if MOODLE_NAME.match(name) or name.endswith(".zip"):
            return
        if roster is not None and roster.by_any_id(name) is not None:
            return
        if roster is None and name != assignment and not (
                all(len(e.parts) >= 3 for e in entries)
                and not all(e.parts[1] == assignment for e in entries)):
            return
        for e in entries:
            e.parts = e.parts[1:]


class _Matcher:
    def __init__(self, assignment: str, notebooks: list[str], other_notebooks: dict[str, str],
                 roster: Roster | None, known_assignments: list[str]):
        self.assignment = assignment
        self.notebooks = notebooks
        self.other_notebooks = other_notebooks        # cleaned stem -> other assignment
        self.roster = roster
        self.known_assignments = set(known_assignments)

    def student_of(self, entry: Entry) -> tuple[str | None, tuple[str, ...] | None, str]:
        """(student id, the file's path inside the student's submission, reason if None)."""
        parts = entry.parts
        for i, part in enumerate(parts):
            m = MOODLE_NAME.match(part)
            if not m:
                continue
            if m["plugin"] != "file":
                return None, None, (f"a Moodle '{m['plugin']}' submission, not an uploaded file: "
                                    "only uploaded notebooks are collected")
            # a folder per student ("..._file_/ps1.ipynb") or a flat file ("..._file_ps1.ipynb")
            inner = parts[i + 1:] if i + 1 < len(parts) else (m["rest"],)
            student, reason = self._moodle_student(m["name"], m["pid"])
            return student, (inner if student else None), reason
        if len(parts) == 1:
            return None, None, ("a file at the top level: cannot tell whose it is (expected one "
                                "folder per student, or Moodle's file names)")
        folder, rest = parts[0], parts[1:]
        if len(rest) >= 2 and rest[0] != self.assignment and rest[0] in self.known_assignments:
            return None, None, f"in the folder of another assignment ({rest[0]})"
        if len(rest) >= 2 and rest[0] == self.assignment:
            rest = rest[1:]
        if self.roster is not None:
            student = self.roster.by_any_id(folder)
            if student is None:
                return None, None, (f"the folder {folder!r} is not a student id, email or ID "
                                    "number of the roster")
            return student.student_id, rest, ""
        from weakties.learner import check_learner_id
        try:
            return check_learner_id(folder), rest, ""
        except ValueError:
            return None, None, (f"the folder name {folder!r} is not a valid student id (use "
                                "letters, digits, '.', '_', '-', '@' or '+'), or give a roster")

    def _moodle_student(self, name: str, pid: str) -> tuple[str | None, str]:
        if self.roster is None:
            return None, ("a Moodle file names the student by full name: give --roster CSV to "
                          "map names to student ids")
        student = self.roster.by_moodle_id(pid)
        if student is not None:
            return student.student_id, ""
        candidates = [name]
        if "-" in name:      # group mode: "<group>-<full name>"
            candidates.append(name.split("-", 1)[1])
        for candidate in candidates:
            student = self.roster.by_name(candidate)
            if student is not None:
                return student.student_id, ""
        homonyms = self.roster.homonyms(name)
        if len(homonyms) > 1:
            ids = ", ".join(s.student_id for s in homonyms)
            return None, (f"several students are named {name!r} ({ids}): add their Moodle "
                          f"participant id ({pid}) to the roster's moodle_id column")
        if normalise_name(name) == "participant":
            return None, (f"blind marking hides the name: add the participant id {pid} to the "
                          "roster's moodle_id column")
        return None, f"no student named {name!r} (participant {pid}) in the roster"

    def notebook_for(self, stem: str) -> tuple[str | None, str]:
        if stem in self.notebooks:
            return stem, ""
        cleaned = _clean_stem(stem)
        for nb in self.notebooks:
            if _clean_stem(nb) == cleaned:
                return nb, ""
        if cleaned in self.other_notebooks:
            return None, f"a notebook of the assignment {self.other_notebooks[cleaned]}, " \
                         f"not {self.assignment}"
        return None, ""


def _describe_expected(notebooks: list[str]) -> str:
    return ", ".join(f"{nb}.ipynb" for nb in notebooks)


# --------------------------------------------------------------------------- the command

def collect(course, assignment: str, source, *, roster: Roster | str | Path | None = None,
            force: bool = False) -> CollectResult:
    """Collect the submissions of ``assignment`` found in ``source`` (folder or zip).

    See the module documentation for the layouts understood. Returns a
    :class:`CollectResult`; nothing is overwritten unless ``force``.
    """
    check_assignment(course, assignment)
    if roster is not None and not isinstance(roster, Roster):
        roster = read_roster(roster)
    notebooks = released_notebooks(course, assignment)
    others = {}
    for other in course.assignments():
        if other != assignment:
            for nb in released_notebooks(course, other):
                others.setdefault(_clean_stem(nb), other)
    matcher = _Matcher(assignment, notebooks, others, roster, course.assignments())
    result = CollectResult(assignment)

    entries, unreadable = read_input(Path(source))
    result.unmatched.extend(unreadable)
    useful = []
    for e in entries:
        if any(p in JUNK_PARTS for p in e.parts) or e.parts[-1].startswith("._"):
            result.ignored.append(e.path)
        else:
            useful.append(e)
    _strip_common_top(useful, roster, assignment)

    per_student: dict[str, list[tuple[Entry, tuple[str, ...]]]] = {}
    for e in useful:
        student, inner, reason = matcher.student_of(e)
        if student is None:
            result.unmatched.append((e.path, reason))
            continue
        per_student.setdefault(student, []).append((e, inner))

    plan: dict[str, dict[str, Entry]] = {}
    for student, items in per_student.items():
        chosen: dict[str, Entry] = {}
        pending: list[Entry] = []
        for e, inner in items:
            name = inner[-1]
            if not name.lower().endswith(".ipynb"):
                result.unmatched.append((e.path, f"not a notebook (student {student}): only "
                                                 ".ipynb files are collected"))
                continue
            if e.size > MAX_NOTEBOOK_BYTES:
                result.unmatched.append((e.path, f"too large for a notebook ({e.size} bytes)"))
                continue
            target, why = matcher.notebook_for(name[:-len(".ipynb")])
            if target is None:
                if why:
                    result.unmatched.append((e.path, why))
                else:
                    pending.append(e)
                continue
            _choose(chosen, target, e, result, student)
        if pending and len(notebooks) == 1 and not chosen and len(pending) == 1:
            _choose(chosen, notebooks[0], pending.pop(), result, student)
        for e in pending:
            result.unmatched.append((e.path, f"does not match a notebook of {assignment} "
                                             f"(expected {_describe_expected(notebooks)})"))
        if chosen:
            plan[student] = chosen

    for student in sorted(plan):
        _store(course, assignment, student, plan[student], force, result)

    if roster is not None:
        result.missing = sorted(s.student_id for s in roster if s.student_id not in plan)
        result.roster_added = _add_students(course, roster)
        _keep_roster(course, roster)
    else:
        _add_students(course, [Student(s) for s in plan])
    return result


def _choose(chosen: dict[str, Entry], target: str, e: Entry, result: CollectResult,
            student: str) -> None:
    stored = f"{target}.ipynb"
    previous = chosen.get(target)
    if previous is None:
        chosen[target] = e
    else:
        newer, older = (e, previous) if e.mtime > previous.mtime else (previous, e)
        chosen[target] = newer
        result.unmatched.append((older.path, f"an older copy of {stored} for {student}: the "
                                             f"newest ({newer.path}) was collected"))
    if PurePosixPath(chosen[target].parts[-1]).name != stored:
        result.renamed.append((chosen[target].path, f"{student}/{stored}"))


def _digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return h.hexdigest()


def _notebook_problem(data: bytes) -> str:
    """Why ``data`` is not a readable notebook ('' if it is one)."""
    import json

    import nbformat

    try:
        text = data.decode("utf-8")
        json.loads(text)
    except (UnicodeDecodeError, ValueError):
        return "not JSON"
    try:
        nbformat.reads(text, as_version=4)
    except Exception as exc:        # nbformat raises several kinds of errors
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"
    return ""


def _store(course, assignment: str, student: str, chosen: dict[str, Entry], force: bool,
           result: CollectResult) -> None:
    files = {f"{nb}.ipynb": e.read() for nb, e in chosen.items()}
    stamp = max(e.mtime for e in chosen.values())
    for name, data in files.items():
        problem = _notebook_problem(data)
        if problem:
            result.warnings.append(f"{student}/{name} is not a valid notebook ({problem}): it "
                                   "is collected, and autograde will report it as failed")
    dest = course.submission(student, assignment)
    if dest.exists():
        old = {p.name: p.read_bytes() for p in dest.iterdir()
               if p.is_file() and p.name != "timestamp.txt"}
        if _digest(old) == _digest(files):
            result.unchanged.append(student)
            return
        if not force:
            result.kept_existing.append(student)
            return
        when = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        backup = course.backups / "submitted" / assignment / f"{student}-{when}"
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(dest), str(backup))
        result.replaced[student] = backup
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{assignment}.collecting"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    (tmp / "timestamp.txt").write_text(stamp.isoformat(" "))
    tmp.rename(dest)
    result.collected[student] = sorted(files)


def _add_students(course, students) -> int:
    from nbgrader.api import Gradebook

    count = 0
    with Gradebook(course.db_url, "weakties") as gb:
        for s in students:
            info = {}
            for key in ("first_name", "last_name", "email"):
                value = getattr(s, key, "")
                if value:
                    info[key] = value
            gb.update_or_create_student(s.student_id, **info)
            count += 1
    return count


def _keep_roster(course, roster: Roster) -> None:
    path = roster.path
    if path is not None and path.is_file():
        dest = course.root / "roster.csv"
        if not dest.exists() or dest.read_bytes() != path.read_bytes():
            shutil.copyfile(path, dest)


# --------------------------------------------------------------------------- CLI

def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        Import the submissions of an assignment into COURSE/submitted/<student>/<assignment>/
        (nbgrader's layout), with a timestamp.txt each, from a folder or a zip file:

          - Moodle's "Download all submissions" zip, or its unzipped folder; students are
            recognised through --roster, by Moodle participant id, else by full name
            (case and accents ignored);
          - one folder per student named by student id (or email or ID number with a roster);
          - nbgrader's layout <student>/<assignment>/<notebook>.ipynb.

        Every file that is not collected is listed with the reason. An existing submission
        is never replaced without --force; with --force the old one is kept in
        COURSE/backups/submitted/. The roster's students are added to the gradebook and the
        roster is kept as COURSE/roster.csv for `export`.

        Roster: a CSV file with a header row and the columns student_id (required),
        first_name, last_name, email, id_number, moodle_id (see the README).

        Exit code 0 when every file was collected, 1 when some could not be matched or an
        existing submission was kept, 2 on an error.""")
    parser.epilog = textwrap.dedent("""\
        examples:
          weakties-grade collect 01-your-network --from ~/Downloads/moodle-download.zip --roster roster.csv
          weakties-grade collect 01-your-network --from ./submissions/ --force""")
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="name of the assignment")
    parser.add_argument("--from", dest="from_path", metavar="PATH", required=True,
                        help="the folder or zip file holding the submissions")
    parser.add_argument("--roster", metavar="CSV",
                        help="the class roster (default: COURSE/roster.csv if it exists)")
    parser.add_argument("--force", action="store_true",
                        help="replace submissions already collected (a backup is kept)")


def run(args) -> int:
    course = course_of(args)
    roster_path = args.roster
    if roster_path is None and (course.root / "roster.csv").is_file():
        roster_path = course.root / "roster.csv"
    result = collect(course, args.assignment, Path(args.from_path).expanduser(),
                     roster=roster_path, force=args.force)
    print_report(result, course, args.from_path)
    return 0 if result.ok else 1


def print_report(result: CollectResult, course, source) -> None:
    from ..render.words import N_, number, tr

    out = []
    n = len(result.collected)
    line = tr(N_("Collected {assignment} from {source}: {n} submission(s) stored"),
              assignment=result.assignment, source=source, n=number(n))
    if result.replaced:
        line += " (" + tr(N_("{n} replaced; the old ones are in {folder}"),
                          n=number(len(result.replaced)),
                          folder=course.backups / "submitted" / result.assignment) + ")"
    if result.unchanged:
        line += ", " + tr(N_("{n} unchanged"), n=number(len(result.unchanged)))
    out.append(line + ", " + tr(N_("in {folder}."), folder=course.submitted))
    for path, stored in result.renamed:
        if stored.split("/", 1)[0] in result.collected:
            out.append("  " + tr(N_("renamed: {old} -> {new}"), old=path, new=stored))
    if result.kept_existing:
        out.append(tr(N_("Not replaced, already collected with other content: {students}. Use "
                         "--force to replace them (the old ones are backed up)."),
                      students=", ".join(result.kept_existing)))
    for warning in result.warnings:
        out.append(tr(N_("Warning: {warning}"), warning=warning))
    if result.unmatched:
        out.append(tr(N_("Could not collect {n} file(s):"), n=number(len(result.unmatched))))
        for path, reason in result.unmatched:
            out.append(f"  {path}: {reason}")
    if result.ignored:
        out.append(tr(N_("Ignored {n} system file(s) (__MACOSX, .DS_Store, checkpoints)."),
                      n=number(len(result.ignored))))
    if result.missing:
        out.append(tr(N_("No submission from {n} student(s) of the roster: {students}."),
                      n=number(len(result.missing)), students=", ".join(result.missing)))
    if result.roster_added:
        out.append(tr(N_("The gradebook lists the roster's {n} student(s)."),
                      n=number(result.roster_added)))
    # File names, folder names and reasons quote the students' text: printed inert.
    print("\n".join(inert(line) for line in out))
