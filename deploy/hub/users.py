"""Create the course's hub accounts from a roster: one Unix user per student, the graders.

Run as root on the hub server, from the project folder::

    sudo .venv/bin/python deploy/hub/users.py roster.csv --instructor mdupont \
        --passwords /root/weakties-passwords.csv

The roster is the one ``weakties-grade collect`` reads (``grader/README.md``,
"The roster"): its ``student_id`` becomes the Unix user name, which is also
the hub user name, the nbgrader student id and the learner id
(``JUPYTERHUB_USER``). Each run:

- creates the groups ``weakties-students`` and ``formgrade-weakties``
  (instructors) if needed;
- creates the grading account ``grader-weakties`` (no password: nobody logs
  in as it; it runs the formgrader service and owns the course folder and the
  gradebook database);
- creates each student of the roster and each ``--instructor`` that does not
  exist yet, with a home folder only its owner can open (mode 0700) and a
  random password, written to ``--passwords`` (a CSV only root can read) for
  you to hand out; existing accounts keep their password (``--reset`` gives
  them a new one);
- adds students to ``weakties-students`` and instructors to
  ``formgrade-weakties``; the hub lets only these two groups log in.

Nothing is ever deleted; ``--dry-run`` only prints what would be done.
``--prefix`` is for tests only (every account name gets it in front).
"""

from __future__ import annotations

import argparse
import csv
import grp
import os
import pwd
import re
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

STUDENTS_GROUP = "weakties-students"
INSTRUCTORS_GROUP = "formgrade-weakties"
GRADER = "grader-weakties"

#: Unix user names useradd accepts on Debian without --badname.
UNIX_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


def check_unix_name(name: str) -> str:
    """``name`` if it can be a Unix user name, else a ValueError saying how to fix it.

    Examples
    --------
    >>> check_unix_name("ada-l")
    'ada-l'
    >>> check_unix_name("Ada.Lovelace")
    Traceback (most recent call last):
    ...
    ValueError: 'Ada.Lovelace' cannot be a user name on the hub: ...
    """
    if not UNIX_NAME.fullmatch(name):
        raise ValueError(f"{name!r} cannot be a user name on the hub: use 1 to 32 lower-case "
                         "letters, digits, '_' or '-', starting with a letter (change its "
                         "student_id in the roster, e.g. 'ada.lovelace' -> 'alovelace').")
    return name


def _exists_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _exists_group(name: str) -> bool:
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def _run(command: list[str], dry_run: bool, stdin: str | None = None) -> None:
    if dry_run:
        print("would run:", " ".join(command))
        return
    subprocess.run(command, check=True, input=stdin, text=True, capture_output=True)


def ensure_group(name: str, dry_run: bool = False) -> None:
    if not _exists_group(name):
        _run(["groupadd", name], dry_run)


def ensure_user(name: str, groups: list[str], *, password: bool = True, reset: bool = False,
                dry_run: bool = False) -> str | None:
    """Create the user ``name`` (home 0700) in ``groups``; returns a new password, if set."""
    created = False
    if not _exists_user(name):
        _run(["useradd", "--create-home", "--shell", "/bin/bash", "--user-group", name], dry_run)
        created = True
    for group in groups:
        _run(["usermod", "--append", "--groups", group, name], dry_run)
    if not dry_run:
        home = Path(pwd.getpwnam(name).pw_dir)
        home.chmod(0o700)
    if password and (created or reset):
        secret = secrets.token_urlsafe(12)
        _run(["chpasswd"], dry_run, stdin=f"{name}:{secret}\n")
        return secret
    return None


def create_accounts(roster_path, instructors=(), *, passwords=None, prefix: str = "",
                    reset: bool = False, dry_run: bool = False) -> dict:
    """Create the accounts of a roster; returns ``{user name: new password}``.

    See the module documentation. Raises ValueError when a student id or an
    instructor name cannot be a Unix user name (before anything is created).
    """
    from grader.stores.roster import read_roster

    if os.geteuid() != 0 and not dry_run:
        raise PermissionError("creating Unix accounts needs root: run it with sudo")
    roster = read_roster(roster_path)
    students = [check_unix_name(prefix + sid) for sid in roster.students]
    teachers = [check_unix_name(prefix + name) for name in instructors]
    clash = sorted(set(students) & set(teachers))
    if clash:
        raise ValueError(f"{', '.join(clash)} is both a student and an instructor: give "
                         "instructors their own account.")
    students_group, instructors_group, grader = (prefix + STUDENTS_GROUP,
                                                 prefix + INSTRUCTORS_GROUP, prefix + GRADER)
    for group in (students_group, instructors_group):
        ensure_group(group, dry_run)
    ensure_user(grader, [], password=False, dry_run=dry_run)
    if not dry_run:
        subprocess.run(["passwd", "--lock", grader], check=True, capture_output=True)
    new = {}
    for name in students:
        secret = ensure_user(name, [students_group], reset=reset, dry_run=dry_run)
        if secret:
            new[name] = secret
    for name in teachers:
        secret = ensure_user(name, [instructors_group], reset=reset, dry_run=dry_run)
        if secret:
            new[name] = secret
    if passwords and new and not dry_run:
        path = Path(passwords)
        old = {}
        if path.is_file():
            with path.open(newline="") as f:
                old = {row["user"]: row["password"] for row in csv.DictReader(f)}
        old.update(new)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["user", "password"])
            for user in sorted(old):
                writer.writerow([user, old[user]])
        path.chmod(0o600)
    return new


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Create the hub's Unix accounts from a roster CSV (run as root).",
        epilog="Example: sudo .venv/bin/python deploy/hub/users.py roster.csv "
               "--instructor mdupont --passwords /root/weakties-passwords.csv")
    parser.add_argument("roster", help="the roster CSV (a student_id column at least)")
    parser.add_argument("--instructor", action="append", default=[], metavar="NAME",
                        help="an instructor's user name (repeat for several)")
    parser.add_argument("--passwords", metavar="CSV",
                        help="where to write the new passwords (readable by root only)")
    parser.add_argument("--reset", action="store_true",
                        help="give existing accounts a new password too")
    parser.add_argument("--dry-run", action="store_true", help="only print what would be done")
    parser.add_argument("--prefix", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        new = create_accounts(args.roster, args.instructor, passwords=args.passwords,
                              prefix=args.prefix, reset=args.reset, dry_run=args.dry_run)
    except (ValueError, PermissionError, FileNotFoundError) as exc:
        print(f"users.py: error: {exc}", file=sys.stderr)
        return 2
    if not args.dry_run:
        where = f"; passwords in {args.passwords}" if args.passwords else \
            " (no --passwords file given: the new passwords were not saved)"
        print(f"{len(new)} new account(s){where}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
