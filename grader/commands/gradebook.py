"""``weakties-grade gradebook check|backup|list|restore``: the gradebook's safety, by hand.

The work is done by :mod:`grader.stores.gradebook` (consistent backups, the
integrity check, restore); this module only reads the command line and
prints the outcome.
"""

from __future__ import annotations

import argparse
import textwrap

from ..stores.gradebook import backup, backups, check, restore
from ..render.text import inert
from .common import UserError, course_of

__all__ = ["configure_parser", "run"]


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """``weakties-grade gradebook check|backup|list|restore``."""
    parser.description = textwrap.dedent("""\
        Check, back up or restore the gradebook (gradebook.db in the course folder, or
        the PostgreSQL database named in the course's course.ini).

        check     database integrity, a grade for every graded cell of every submission,
                  scores within bounds; with --against, that no grade of an earlier
                  copy was lost (exit code 1 when a problem is found)
        backup    make a consistent copy in backups/ (autograde makes one before each run;
                  PostgreSQL: pg_dump, a .dump file)
        list      list the backups
        restore   put a backup back in place (the current gradebook is backed up first;
                  PostgreSQL: pg_restore)

        Example: weakties-grade gradebook check --against latest""")
    parser.add_argument("action", choices=["check", "backup", "list", "restore"],
                        help="what to do")
    parser.add_argument("backup_path", nargs="?", metavar="BACKUP",
                        help="restore: the backup file to put back")
    parser.add_argument("--against", metavar="BACKUP",
                        help="check: also compare with this earlier copy ('latest': the newest "
                             "backup)")


def run(args) -> int:
    course = course_of(args)
    if args.action == "check":
        problems = check(course, args.against)
        if problems:
            print(f"The gradebook {course.gradebook_label()} has {len(problems)} problem(s):")
            for p in problems[:50]:
                print(f"  - {inert(p)}")
            if len(problems) > 50:
                print(f"  ... and {len(problems) - 50} more")
            return 1
        print(f"The gradebook {course.gradebook_label()} is sound"
              + (f" and keeps every grade of {args.against}." if args.against else "."))
        return 0
    if args.action == "backup":
        dest = backup(course)
        if dest is None:
            raise UserError(f"there is no gradebook at {course.gradebook_label()} yet: nothing to "
                            "back up.")
        print(f"Backed up the gradebook to {dest}")
        return 0
    if args.action == "list":
        found = backups(course)
        if not found:
            print(f"No backups in {course.backups}.")
        for path in found:
            print(f"{path}  ({path.stat().st_size // 1024} KB)")
        return 0
    if not args.backup_path:
        raise UserError("restore needs the backup to put back: weakties-grade gradebook restore "
                        "PATH (see `weakties-grade gradebook list`).")
    kept = restore(course, args.backup_path)
    print(f"Restored {args.backup_path}." + (f" The previous gradebook was kept in {kept}."
                                              if kept else ""))
    return 0
