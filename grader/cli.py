"""``weakties-grade``: the instructor's (and self-learner's) command line.

One subcommand per job, in the spirit of nbgrader's own apps::

    weakties-grade release 01-your-network --zip
    weakties-grade collect 01-your-network --from moodle-download.zip --roster roster.csv
    weakties-grade autograde 01-your-network
    weakties-grade feedback 01-your-network
    weakties-grade export --assignment 01-your-network --format moodle -o grades.csv
    weakties-grade report 01-your-network

Each subcommand lives in its own module of :mod:`grader` that exposes
``configure_parser(parser)`` (adds its arguments, description and example)
and ``run(args) -> int`` (does the job, returns the exit code). The modules
are imported only when their command is run, so that a missing or broken
module never breaks the other commands, and ``--help`` stays fast.

Contract for the subcommand modules
-----------------------------------
``args.course`` is the course root as an absolute :class:`pathlib.Path`
(``--course``, else ``$WEAKTIES_GRADING_DIR``, else ``~/weakties-grading``);
``args.source`` is the folder of source assignments (``--source``, else
``$WEAKTIES_SOURCE_DIR``, else the project's ``exercises/``).
:func:`course_of` turns them into a ready :class:`grader.stores.course.Course`.

User errors are raised as :class:`UserError` (or ``ValueError``,
``LookupError``, ``FileNotFoundError``, ``PermissionError``): :func:`main`
prints them as one line, ``weakties-grade <command>: error: <message>``, and
returns exit code 2. ``--debug`` (or ``WEAKTIES_DEBUG=1``) shows the
traceback instead.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import importlib.util
import os
import sys
import textwrap
import traceback
from pathlib import Path

from .commands.common import course_of
from .engine.converters import tools_on_path
from .errors import UserError
from .stores.course import EXERCISES, default_root
from .render.words import LANGUAGES, N_, tr

__all__ = ["main", "build_parser", "course_of", "UserError", "COMMANDS"]




#: The subcommands: name -> (module, one-line summary shown by ``--help``).
COMMANDS: dict[str, tuple[str, str]] = {
    "release": ("grader.commands.release",
                "make the student version of an assignment (and a zip for an LMS)"),
    "collect": ("grader.commands.collect",
                "import submissions from a folder or an LMS download zip (Moodle)"),
    "autograde": ("grader.commands.autograde",
                  "grade the collected submissions in parallel, in the sandbox"),
    "gradebook": ("grader.commands.gradebook",
                  "check, back up or restore the gradebook (listed when installed)"),
    "feedback": ("grader.commands.feedback",
                 "write an HTML feedback page for each student"),
    "export": ("grader.commands.export",
               "write the grades table (CSV, or a file for Moodle's grade import)"),
    "report": ("grader.commands.report",
               "write an HTML report: success rate per task, score distributions"),
    "lab": ("grader.commands.lab",
            "start JupyterLab on the course folder, with nbgrader's formgrader"),
    "selfcheck": ("grader.commands.selfcheck",
                  "self-learners: grade your own notebook with the hidden tests"),
    "workspace": ("grader.commands.workspace",
                  "self-learners: set up my-work/ with every assignment"),
}

#: Commands listed only when their module exists.
OPTIONAL = {"gradebook"}

#: Errors that are the user's to fix: shown as one line, exit code 2.
USER_ERRORS = (UserError, ValueError, LookupError, FileNotFoundError, PermissionError,
               NotADirectoryError, IsADirectoryError, FileExistsError)

PROG = "weakties-grade"


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--course``, ``--source`` and ``--debug``, accepted before or after the command."""
    # On subcommands the default is SUPPRESS, so that an option given before
    # the command is not reset by the subcommand's default.
    default = None if top else argparse.SUPPRESS
    group = parser.add_argument_group("common options")
    group.add_argument(
        "--course", metavar="PATH", default=default,
        help="the course folder holding submissions, grades and feedback "
             "(default: $WEAKTIES_GRADING_DIR, else ~/weakties-grading); it must be "
             "outside the project")
    group.add_argument(
        "--source", metavar="PATH", default=default,
        help="the folder of nbgrader source assignments (default: $WEAKTIES_SOURCE_DIR, "
             "else the project's exercises/)")
    group.add_argument(
        "--lang", metavar="LANG", choices=LANGUAGES, default=default,
        help="the language of messages, feedback pages, reports and the student README: "
             "en or fr (default: [course] language in the course's course.ini, else "
             "$WEAKTIES_LANG, else en)")
    group.add_argument(
        "--debug", action="store_true", default=False if top else argparse.SUPPRESS,
        help="show full tracebacks instead of one-line error messages")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; ``command`` names the one subcommand to configure fully.

    Only the module of ``command`` is imported (the others are listed with
    their summary). If that module cannot be imported, its subcommand says so
    when run.
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=textwrap.dedent("""\
            Grade the weakties course with nbgrader: release assignments, collect
            submissions, autograde them safely, return feedback and export grades.
            Self-learners use `selfcheck` and `workspace`.

            Weekly workflow: release -> collect -> autograde -> manual grading in the
            formgrader (`lab`) -> feedback -> export. Run `weakties-grade COMMAND --help`
            for the details and an example of each command."""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_common(parser, top=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, summary) in COMMANDS.items():
        if name in OPTIONAL and importlib.util.find_spec(module_name) is None:
            continue
        summary = summary.replace(" (listed when installed)", "")
        sub = subparsers.add_parser(
            name, help=summary, description=summary[0].upper() + summary[1:] + ".",
            formatter_class=argparse.RawDescriptionHelpFormatter)
        if name != command:
            continue
        _add_common(sub, top=False)
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            why = (f"the `{name}` command is not available in this installation ({exc}). "
                   "Reinstall the project with `pip install -e .` from the project folder.")
            sub.description = f"{sub.description}\n\nNot available: {why}"
            sub.set_defaults(_unavailable=why)
            sub.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
            continue
        module.configure_parser(sub)
        sub.set_defaults(_run=module.run)
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The subcommand named in ``argv`` (skipping the common options), if any."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--course", "--source", "--lang"):
            skip_next = True
            continue
        if arg.startswith("-"):
            continue
        return arg if arg in COMMANDS else None
    return None


def _resolve_paths(args: argparse.Namespace) -> None:
    course = getattr(args, "course", None)
    args.course = Path(course).expanduser().resolve() if course else default_root()
    source = getattr(args, "source", None) or os.environ.get("WEAKTIES_SOURCE_DIR")
    args.source = Path(source).expanduser().resolve() if source else EXERCISES






def main(argv: list[str] | None = None) -> int:
    """Run ``weakties-grade`` with ``argv`` (default: the process arguments)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(argv)
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    debug = getattr(args, "debug", False) or os.environ.get("WEAKTIES_DEBUG") == "1"
    if getattr(args, "_unavailable", None):
        print(f"{PROG} {args.command}: error: {args._unavailable}", file=sys.stderr)
        return 2
    _resolve_paths(args)
    tools_on_path()
    from weakties import i18n

    before = i18n._current
    try:
        return _run(args, debug)
    finally:
        i18n.set_language(before)  # main() may be called again in the same process (tests)


def entry() -> None:
    """The ``weakties-grade`` command: :func:`main`, then a quick exit.

    When a command is done nothing remains to be written: the exit handlers
    run (they stop a judge, flush the logs), the output is flushed, and the
    process ends without freeing one by one every object it made, which took
    0.4 s after grading a class. An unexpected error still ends as usual, with
    its traceback.
    """
    code = main()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:       # not CPython: the usual way out
        sys.exit(code)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe: nothing more can be shown
            pass
    os._exit(code)


def _run(args: argparse.Namespace, debug: bool) -> int:
    try:
        from weakties.i18n import set_language

        from .render.words import choose_language

        set_language(choose_language(getattr(args, "lang", None), args.course))
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print(f"{PROG} {args.command}: " + tr(N_("interrupted.")), file=sys.stderr)
        return 130
    except USER_ERRORS as exc:
        if debug:
            traceback.print_exc()
        message = str(exc) or type(exc).__name__
        if isinstance(exc, OSError) and exc.filename and str(exc.filename) not in message:
            message = f"{message}: {exc.filename}"
        from .render.text import inert

        # Messages may quote student text (file names, ids): printed inert.
        print(f"{PROG} {args.command}: " + tr(N_("error: {message}"),
                                              message=inert(' '.join(message.split()))),
              file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    entry()
