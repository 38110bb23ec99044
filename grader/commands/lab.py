"""``weakties-grade lab``: JupyterLab on the course folder, for manual grading.

Starts JupyterLab with the course root as its working folder and root
folder, so that nbgrader's server extensions load the course's
``nbgrader_config.py`` (written by :meth:`grader.stores.course.Course.ensure`) and
the Formgrader (menu Nbgrader > Formgrader, or ``/formgrader``) lists the
assignments, submissions and autograded notebooks. The exchange folder
(``exchange/``, used by the formgrader's release and collect buttons on a
shared server) is created inside the course root. The server also loads
:mod:`grader.plugins.formgrader`, so that the formgrader shows student text
escaped and student notebooks sanitised.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import textwrap

from .common import course_of

__all__ = ["lab_command", "configure_parser", "run", "FORMGRADER_EXTENSION"]

#: Our server extension (:mod:`grader.plugins.formgrader`), loaded next to nbgrader's.
FORMGRADER_EXTENSION = "grader.plugins.formgrader"


def lab_command(course, *, port: int | None = None, ip: str = "127.0.0.1",
                open_browser: bool = True, extra=()) -> list[str]:
    """The command line that starts JupyterLab for ``course``."""
    cmd = [sys.executable, "-m", "jupyterlab",
           f"--ServerApp.root_dir={course.root}",
           f"--ServerApp.ip={ip}",
           # the formgrader escapes student text and sanitises notebooks
           f"--ServerApp.jpserver_extensions={{'{FORMGRADER_EXTENSION}': True}}"]
    if port is not None:
        cmd.append(f"--ServerApp.port={port}")
    if not open_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")       # containers often run as root
    return cmd + list(extra)


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        Start JupyterLab on the course folder with this course's nbgrader configuration,
        for manual grading: open the Formgrader (menu Nbgrader > Formgrader, or
        http://127.0.0.1:PORT/formgrader), grade the reflections in "Manage Submissions",
        then run `weakties-grade feedback` and `weakties-grade export`. Stop it with Ctrl+C.""")
    parser.epilog = textwrap.dedent("""\
        example:
          weakties-grade lab --port 8888
          weakties-grade lab --no-browser -- --ServerApp.token=my-secret""")
    parser.add_argument("--port", type=int, metavar="N", help="port (default: Jupyter's, 8888)")
    parser.add_argument("--ip", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--print-command", action="store_true",
                        help="print the command instead of running it")
    parser.add_argument("jupyter_args", nargs="*", metavar="-- JUPYTER_OPTION",
                        help="more options for JupyterLab, after --")


def run(args) -> int:
    course = course_of(args)
    (course.root / "exchange").mkdir(exist_ok=True)
    cmd = lab_command(course, port=args.port, ip=args.ip, open_browser=not args.no_browser,
                      extra=args.jupyter_args)
    if args.print_command:
        print(f"cd {shlex.quote(str(course.root))} && " + shlex.join(cmd))
        return 0
    print(f"Starting JupyterLab in {course.root}; the Formgrader is at /formgrader. "
          "Stop with Ctrl+C.", flush=True)
    process = subprocess.Popen(cmd, cwd=course.root, env=dict(os.environ))
    # Stopping weakties-grade stops JupyterLab too.
    previous = signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
