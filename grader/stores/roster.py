"""The class roster: who the students are, and how to recognise them in an LMS download.

A roster is a CSV file with a header row. Columns (names are case-insensitive,
in any order; the delimiter may be a comma, a semicolon or a tab; UTF-8, with
or without a byte-order mark):

``student_id`` (required)
    The nbgrader student id. It is also the learner id that seeds each
    student's own simulated data (see :mod:`weakties.learner`), so it must
    be the id the student uses while working: 1 to 64 letters, digits, ``.``,
    ``_``, ``-``, ``@`` or ``+``, starting with a letter or digit.
``first_name``, ``last_name``
    As the LMS spells them: a Moodle download names each student's files by
    full name. Matching ignores case, accents and hyphens, and accepts both
    "first last" and "last first".
``email``
    Used by ``export --format moodle`` (Moodle matches grades on it) and stored
    in the gradebook.
``id_number``
    The institution's ID number, as in Moodle's "ID number" profile field
    (the other identifier Moodle's grade import can match on).
``moodle_id``
    Moodle participant id(s): the number after the name in the download's
    file names (``Ada Lovelace_1234567_assignsubmission_file_``). Moodle gives
    one per assignment; several may be listed, separated by spaces. When it
    is known it wins over the name.

Example::

    student_id,first_name,last_name,email,id_number,moodle_id
    alovelace,Ada,Lovelace,ada.lovelace@example.org,20240001,1234567
    hbeyle,Henri,Beyle,henri.beyle@example.org,20240002,
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from weakties.learner import check_learner_id

__all__ = ["Student", "Roster", "read_roster", "normalise_name", "COLUMNS"]

#: The columns a roster may have (only ``student_id`` is required).
COLUMNS = ("student_id", "first_name", "last_name", "email", "id_number", "moodle_id")
_ALIASES = {"id": "student_id", "student": "student_id", "username": "student_id",
            "firstname": "first_name", "first name": "first_name", "given_name": "first_name",
            "lastname": "last_name", "last name": "last_name", "surname": "last_name",
            "family_name": "last_name", "email address": "email", "e-mail": "email",
            "mail": "email", "idnumber": "id_number", "id number": "id_number",
            "participant_id": "moodle_id", "moodle participant id": "moodle_id"}


def normalise_name(text: str) -> str:
    """A name reduced for matching: no accents, no case, single spaces, no hyphens.

    Examples
    --------
    >>> normalise_name("  Éloïse  JEAN-Baptiste ")
    'eloise jean baptiste'
    >>> normalise_name("O'Neill") == normalise_name("oneill")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().replace("'", "").replace("\u2019", "")
    plain = re.sub(r"[-_.\s]+", " ", plain)
    return plain.strip()


@dataclass(frozen=True)
class Student:
    """One row of the roster."""

    student_id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    id_number: str = ""
    moodle_ids: tuple[str, ...] = field(default=())

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def name_keys(self) -> set[str]:
        """Normalised "first last" and "last first" (empty set when no name)."""
        if not (self.first_name or self.last_name):
            return set()
        return {normalise_name(f"{self.first_name} {self.last_name}"),
                normalise_name(f"{self.last_name} {self.first_name}")}


class Roster:
    """Students by id, with lookups by Moodle participant id and by name.

    Examples
    --------
    >>> roster = Roster([Student("ada", "Ada", "Lovelace", moodle_ids=("77",))])
    >>> roster.by_moodle_id("77").student_id
    'ada'
    >>> roster.by_name("lovelace ADA").student_id
    'ada'
    >>> roster.by_name("Grace Hopper") is None
    True
    """

    def __init__(self, students, source: str = "the roster", path: Path | None = None):
        self.source = source
        self.path = path
        self.students: dict[str, Student] = {}
        self._moodle: dict[str, Student] = {}
        self._names: dict[str, list[Student]] = {}
        for student in students:
            if student.student_id in self.students:
                raise ValueError(f"{source}: the student id {student.student_id!r} appears "
                                 "twice; each student needs their own id.")
            self.students[student.student_id] = student
            for mid in student.moodle_ids:
                if mid in self._moodle:
                    raise ValueError(
                        f"{source}: the Moodle participant id {mid} is given to both "
                        f"{self._moodle[mid].student_id!r} and {student.student_id!r}.")
                self._moodle[mid] = student
            for key in student.name_keys():
                bucket = self._names.setdefault(key, [])
                if student not in bucket:
                    bucket.append(student)

    def __len__(self) -> int:
        return len(self.students)

    def __iter__(self):
        return iter(self.students.values())

    def __contains__(self, student_id) -> bool:
        return student_id in self.students

    def get(self, student_id: str) -> Student | None:
        return self.students.get(student_id)

    def by_moodle_id(self, participant_id: str) -> Student | None:
        return self._moodle.get(str(participant_id))

    def by_name(self, name: str) -> Student | None:
        """The one student with this full name; None if none or several have it."""
        found = self._names.get(normalise_name(name), [])
        return found[0] if len(found) == 1 else None

    def homonyms(self, name: str) -> list[Student]:
        return list(self._names.get(normalise_name(name), []))

    def by_any_id(self, value: str) -> Student | None:
        """The student whose student_id, email or id_number is ``value`` (case-insensitive)."""
        if value in self.students:
            return self.students[value]
        folded = value.casefold()
        for student in self.students.values():
            if folded in (student.student_id.casefold(), student.email.casefold(),
                          student.id_number.casefold()) and folded:
                return student
        return None


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_roster(path) -> Roster:
    """Read a roster CSV (see the module documentation for the columns).

    Raises ``FileNotFoundError`` or ``ValueError`` naming the problem and the fix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "roster.csv"
    >>> _ = f.write_text("Student_ID;First Name;Last_Name\\nada;Ada;Lovelace\\n", encoding="utf-8")
    >>> roster = read_roster(f)
    >>> roster.get("ada").full_name
    'Ada Lovelace'
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"the roster {path} does not exist: give the path of a CSV "
                                "file with at least a student_id column")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"the roster {path} is not UTF-8 text: save it as 'CSV UTF-8' "
                         "from your spreadsheet program.") from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValueError(f"the roster {path} is empty: it needs a header row "
                         f"({', '.join(COLUMNS)}) and one row per student.")
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=_sniff_delimiter(lines[0]))
    rows = list(reader)
    header = []
    for name in rows[0]:
        key = " ".join(name.strip().lower().split())
        key = _ALIASES.get(key, key.replace(" ", "_"))
        header.append(key)
    if "student_id" not in header:
        raise ValueError(f"the roster {path} has no student_id column (its columns are: "
                         f"{', '.join(rows[0])}). Add a column named student_id holding each "
                         "student's nbgrader id.")
    students = []
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            problems.append(f"line {number} has more cells than the header")
            continue
        record = {key: (row[i].strip() if i < len(row) else "") for i, key in enumerate(header)}
        raw_id = record.get("student_id", "")
        if not raw_id:
            problems.append(f"line {number} has no student_id")
            continue
        try:
            sid = check_learner_id(raw_id)
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        mids = tuple(m for m in re.split(r"[\s;|,]+", record.get("moodle_id", "")) if m)
        bad = [m for m in mids if not m.isdigit()]
        if bad:
            problems.append(f"line {number}: the moodle_id {bad[0]!r} is not a number")
            continue
        students.append(Student(sid, record.get("first_name", ""), record.get("last_name", ""),
                                record.get("email", ""), record.get("id_number", ""), mids))
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise ValueError(f"the roster {path} has errors: {'; '.join(problems[:3])}{more}. "
                         "Fix these lines and run the command again.")
    if not students:
        raise ValueError(f"the roster {path} lists no student: add one row per student "
                         "under the header.")
    return Roster(students, source=f"the roster {path}", path=path.resolve())
