#!/usr/bin/env python3
"""Set up the course in a project-local virtual environment, then open it or test it.

Usage (from the project folder, with Python 3.11 or newer):

    python3 start.py            install into .venv/ and open the course in JupyterLab
    python3 start.py test       install the test tools too and run the whole test suite
    python3 start.py test -k ties   extra words are passed to pytest

Nothing is installed outside ``.venv/``. Running it again is quick: packages are
reinstalled only when ``pyproject.toml`` has changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".weakties-installed"


def fail(message: str) -> None:
    print(f"start.py: {message}", file=sys.stderr)
    raise SystemExit(1)


def check_python() -> None:
    if sys.version_info < (3, 11):
        fail(
            f"this course needs Python 3.11 or newer, and this is Python "
            f"{sys.version.split()[0]}. Install a newer Python (python.org) and "
            "run this command with it, for example `python3.12 start.py`."
        )


def install(extras: str) -> None:
    """Create .venv if needed and install the project with the given extras."""
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv/ ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + extras.encode()
    ).hexdigest()
    done = STAMP.read_text().split() if STAMP.exists() else []
    if wanted in done:
        return
    print(f"Installing the course{' and ' + extras + ' tools' if extras else ''} "
          "(a few minutes the first time) ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check"]
    subprocess.run(pip + ["--quiet", "--upgrade", "pip"], check=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run(pip + ["--quiet", "-e", target], cwd=ROOT, check=True)
    # Byte-compile everything once: the grading sandbox mounts the environment
    # read-only, so a kernel there could not write its own .pyc files.
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(VENV / "lib"),
                    str(ROOT / "weakties"), str(ROOT / "grader")], check=False,
                   stdout=subprocess.DEVNULL)
    STAMP.write_text(" ".join(done + [wanted]))


def main(argv: list[str]) -> int:
    check_python()
    if argv[:1] == ["test"]:
        install("test")
        env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
        cmd = [str(PYTHON), "-m", "pytest", *argv[1:]]
        print("Running:", " ".join(cmd), flush=True)
        return subprocess.run(cmd, cwd=ROOT, env=env).returncode
    if argv and argv[0] not in ("lab",):
        fail(f"unknown command {argv[0]!r}: use `python3 start.py` or `python3 start.py test`.")
    install("")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    cmd = [str(BIN / "jupyter"), "lab", "--notebook-dir", str(ROOT),
           "course/00-welcome.ipynb", *argv[1:]]
    print("Opening the course in JupyterLab (stop it with Ctrl+C) ...", flush=True)
    try:
        return subprocess.run(cmd, cwd=ROOT, env=env).returncode
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
