#!/usr/bin/env python3
"""Set up the course in a project-local virtual environment, then open it, show it or test it.

Usage (from the project folder, with Python 3.11 or newer):

    python3 start.py              install into .venv/ and open the course in JupyterLab
    python3 start.py workshop     install, then show the workshop's pages (no code) in a browser
    python3 start.py test         install the test tools too and run the whole test suite
    python3 start.py test -k ties     extra words are passed to pytest

``python3 start.py workshop --port 8900 --no-browser`` chooses the port and
opens no browser (none opens anyway when the machine has no display); the
command prints the address of the workshop's home page either way.

Nothing is installed outside ``.venv/``. When ``constraints.txt`` exists, the
exact versions it pins are installed (``pyproject.toml`` keeps the ranges).
Running a command again is quick: packages are installed again only when
``pyproject.toml`` or ``constraints.txt`` has changed, and switching between
the commands does not reinstall (the test tools include everything the course
needs). The course also opens when the user is root (a container, a cloud
machine): JupyterLab is then started with ``--allow-root``.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import venv
import webbrowser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
#: The extras each command installs, and the extras an install of each also provides.
PROVIDES = {"": ("",), "test": ("", "test")}
#: The folder of the workshop's pages (built by ``python -m course.build``), and its home page.
WORKSHOP = Path("course") / "workshop"
WORKSHOP_HOME = "00-home.ipynb"
#: Files of the workshop folder Voilà may send as they are (pictures, the printable worksheet).
WORKSHOP_FILES = [r".*\.(png|jpg|jpeg|gif|svg|css)", r"worksheet\.html"]
WORKSHOP_PORT = 8866


def venv_dir(root: Path = ROOT) -> Path:
    return Path(root) / ".venv"


def bin_dir(root: Path = ROOT) -> Path:
    return venv_dir(root) / ("Scripts" if os.name == "nt" else "bin")


def python_path(root: Path = ROOT) -> Path:
    return bin_dir(root) / ("python.exe" if os.name == "nt" else "python")


def stamp_path(root: Path = ROOT) -> Path:
    return venv_dir(root) / ".weakties-installed"


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


def is_root() -> bool:
    """Whether this process runs as root (JupyterLab then needs ``--allow-root``)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def requirements_hash(root: Path = ROOT) -> str:
    """What the installed packages depend on: pyproject.toml, and constraints.txt if any."""
    digest = hashlib.sha256((Path(root) / "pyproject.toml").read_bytes())
    constraints = Path(root) / "constraints.txt"
    digest.update(b"\0constraints\0")
    if constraints.exists():
        digest.update(constraints.read_bytes())
    return digest.hexdigest()


def read_stamp(root: Path = ROOT) -> dict:
    """``{"requirements": hash, "extras": [...]}`` of the last install, or an empty stamp."""
    try:
        data = json.loads(stamp_path(root).read_text())
        if isinstance(data, dict) and isinstance(data.get("extras"), list):
            return data
    except (OSError, ValueError):
        pass  # no stamp yet, or one written by an older start.py: install again
    return {"requirements": None, "extras": []}


def is_installed(extras: str, root: Path = ROOT) -> bool:
    """Whether ``extras`` were installed for the current pyproject.toml and constraints.txt."""
    stamp = read_stamp(root)
    return stamp["requirements"] == requirements_hash(root) and extras in stamp["extras"]


def install(extras: str, root: Path = ROOT) -> bool:
    """Create .venv if needed and install the project with the given extras.

    Returns whether pip ran. The stamp file in .venv records, for the current
    pyproject.toml and constraints.txt, every set of extras installed; an
    install of the test extras also provides the course's own packages.
    """
    root = Path(root)
    if extras not in PROVIDES:
        raise ValueError(f"unknown extras {extras!r}")
    python = python_path(root)
    if not python.exists():
        print("Creating the virtual environment in .venv/ ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(venv_dir(root))
    wanted = requirements_hash(root)
    stamp = read_stamp(root)
    if stamp["requirements"] == wanted and extras in stamp["extras"]:
        return False
    print(f"Installing the course{' and its ' + extras + ' tools' if extras else ''} "
          "(a few minutes the first time) ...", flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check"]
    subprocess.run(pip + ["--quiet", "--upgrade", "pip"], check=True)
    constraints = root / "constraints.txt"
    pinned = ["-c", str(constraints)] if constraints.exists() else []
    target = f".[{extras}]" if extras else "."
    subprocess.run(pip + ["--quiet", *pinned, "-e", target], cwd=root, check=True)
    # Byte-compile everything once: the grading sandbox mounts the environment
    # read-only, so a kernel there could not write its own .pyc files.
    subprocess.run([str(python), "-m", "compileall", "-q", str(venv_dir(root) / "lib"),
                    str(root / "weakties"), str(root / "grader")], check=False,
                   stdout=subprocess.DEVNULL)
    done = set(stamp["extras"]) if stamp["requirements"] == wanted else set()
    done.update(PROVIDES[extras])
    stamp_path(root).write_text(json.dumps({"requirements": wanted,
                                            "extras": sorted(done)}) + "\n")
    return True


def venv_env(root: Path = ROOT) -> dict:
    return dict(os.environ, PATH=f"{bin_dir(root)}{os.pathsep}{os.environ.get('PATH', '')}")


def lab_command(args: list[str], root: Path = ROOT) -> list[str]:
    """The JupyterLab command that opens the course (``--allow-root`` when run as root)."""
    command = [str(bin_dir(root) / "jupyter"), "lab", "--notebook-dir", str(root),
               "course/00-welcome.ipynb"]
    if is_root() and "--allow-root" not in args:
        command.append("--allow-root")
    return command + list(args)


def has_display() -> bool:
    """Whether a browser window can open here (no display on a server or in a container)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def port_is_free(port: int) -> bool:
    """Whether a server can listen on ``port`` of 127.0.0.1 (as Tornado binds: address reuse on)."""
    with socket.socket() as s:
        if os.name != "nt":  # on Windows, address reuse would let two servers share a port
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(preferred: int = WORKSHOP_PORT) -> int:
    """``preferred`` when nothing listens on it, else a port the system gives."""
    if port_is_free(preferred):
        return preferred
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workshop_options(args: list[str]) -> dict:
    """Read ``--port N`` (or ``--port=N``) and ``--no-browser`` from the workshop's arguments."""
    options = {"port": None, "browser": True}
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if word == "--no-browser":
            options["browser"] = False
        elif word == "--port" or word.startswith("--port="):
            value = word.split("=", 1)[1] if "=" in word else (rest.pop(0) if rest else "")
            if not value.isdigit() or not 0 < int(value) < 65536:
                fail(f"--port takes a port number, for example --port 8900, not {value!r}.")
            options["port"] = int(value)
        else:
            fail(f"unknown option {word!r} for the workshop: use --port N or --no-browser.")
    return options


def workshop_command(port: int, token: str, root: Path = ROOT) -> list[str]:
    """The Voilà command that serves the workshop's pages, without code, on 127.0.0.1 only."""
    return [str(bin_dir(root) / "voila"), str(Path(root) / WORKSHOP),
            "--Voila.ip=127.0.0.1", f"--Voila.port={port}", "--Voila.port_retries=0",
            "--no-browser", f"--Voila.token={token}", "--strip_sources=True",
            "--theme=light", "--show_tracebacks=False",
            # Voilà's page sends no _xsrf with the kernel's shutdown when a page is left,
            # which a server with a token refuses (voila-dashboards/voila#1458): the
            # kernels of the pages left would pile up. The token still guards the pages.
            "--Voila.tornado_settings=disable_check_xsrf=True",
            # A kernel whose page was closed without a word stops after 10 minutes idle.
            "--MappingKernelManager.cull_interval=60",
            "--MappingKernelManager.cull_idle_timeout=600"] + \
        [f"--VoilaConfiguration.file_allowlist={pattern}" for pattern in WORKSHOP_FILES]


def workshop_url(port: int, token: str) -> str:
    return f"http://127.0.0.1:{port}/voila/render/{WORKSHOP_HOME}?token={token}"


def _open_when_ready(url: str, process: subprocess.Popen) -> None:
    """Open ``url`` in a browser once the server answers (in a thread)."""
    status = url.split("/voila/")[0] + "/voila/static/"  # answers without a kernel
    for _ in range(600):
        if process.poll() is not None:
            return
        try:
            urllib.request.urlopen(status, timeout=2)
        except urllib.error.HTTPError:
            break  # the server answers (a 404 or 403 is an answer)
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
            continue
        break
    webbrowser.open(url)


def run_workshop(args: list[str], root: Path = ROOT) -> int:
    options = workshop_options(args)
    home = Path(root) / WORKSHOP / WORKSHOP_HOME
    if not home.exists():
        fail(f"the workshop's home page {home} is missing: build the pages with "
             "`.venv/bin/python -m course.build`.")
    port = options["port"] or free_port()
    if options["port"] and not port_is_free(port):
        fail(f"port {port} is in use: choose another with --port, or leave it out.")
    token = secrets.token_urlsafe(16)
    url = workshop_url(port, token)
    print("Starting the workshop (stop it with Ctrl+C) ...", flush=True)
    print(f"Open this address in a browser on this computer:\n\n    {url}\n", flush=True)
    process = subprocess.Popen(workshop_command(port, token, root), cwd=root,
                               env=venv_env(root))
    if options["browser"] and has_display():
        threading.Thread(target=_open_when_ready, args=(url, process), daemon=True).start()
    return wait_for(process)


def _stop(signum, frame):
    raise KeyboardInterrupt


def wait_for(process: subprocess.Popen) -> int:
    """Wait for a server; on Ctrl+C or a termination signal, stop it (and its kernels) first.

    Ctrl+C works even when the shell started this command with interrupts
    ignored (a background job), and ``kill`` stops the server, not only
    this script.
    """
    signal.signal(signal.SIGINT, _stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _stop)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()  # the server stops its kernels on this signal
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return 0


def main(argv: list[str]) -> int:
    check_python()
    if argv[:1] == ["test"]:
        install("test")
        cmd = [str(python_path()), "-m", "pytest", *argv[1:]]
        print("Running:", " ".join(cmd), flush=True)
        return subprocess.run(cmd, cwd=ROOT, env=venv_env()).returncode
    if argv[:1] == ["workshop"]:
        install("")
        return run_workshop(argv[1:])
    if argv and argv[0] != "lab" and not argv[0].startswith("-"):
        fail(f"unknown command {argv[0]!r}: use `python3 start.py`, `python3 start.py "
             "workshop` or `python3 start.py test`.")
    install("")
    args = argv[1:] if argv[:1] == ["lab"] else argv
    print("Opening the course in JupyterLab (stop it with Ctrl+C) ...", flush=True)
    return wait_for(subprocess.Popen(lab_command(args), cwd=ROOT, env=venv_env()))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
