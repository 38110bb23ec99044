#!/usr/bin/env python3
"""Set up the course in a project-local virtual environment, then open it, show it or test it.

Usage (from the project folder, with Python 3.11 or newer):

    python3 start.py              install into .venv/ and open the course in JupyterLab
    python3 start.py workshop     install, then show the workshop's pages (no code) in a browser
    python3 start.py test         install the test tools too and run the whole test suite
    python3 start.py test -k ties     extra words are passed to pytest
    python3 start.py --lang fr    the French edition (``--lang en``: the English one)

The first time, ``python3 start.py`` asks the course's language (Français or
English; the answer proposed is the system's language) and remembers it in
``.venv/``; ``--lang fr`` or ``--lang en`` chooses it for this run and the next
ones. The French edition opens JupyterLab in French (through JupyterLab
settings private to the course: the user's own settings are not changed), on
the French lessons in ``course/fr/``, and ``python3 start.py workshop`` then
shows the French workshop pages (``course/fr/workshop/``); the lessons'
widgets and pictures speak the language chosen (``WEAKTIES_LANG`` is set for
their kernels).

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
import locale
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
#: The home page of the workshop in each other language.
WORKSHOP_HOMES = {"fr": "00-accueil.ipynb"}
#: Files of the workshop folder Voilà may send as they are (pictures, the printable worksheet).
WORKSHOP_FILES = [r".*\.(png|jpg|jpeg|gif|svg|css)", r"worksheet\.html"]
WORKSHOP_PORT = 8866
#: The editions of the course: what the language question shows for each.
LANGUAGES = {"fr": "Français", "en": "English"}
#: The setting of JupyterLab's translation extension that makes JupyterLab speak French.
LAB_TRANSLATION = Path("@jupyterlab") / "translation-extension" / "plugin.jupyterlab-settings"
LAB_LOCALES = {"fr": "fr_FR", "en": "en"}


def venv_dir(root: Path = ROOT) -> Path:
    return Path(root) / ".venv"


def bin_dir(root: Path = ROOT) -> Path:
    return venv_dir(root) / ("Scripts" if os.name == "nt" else "bin")


def python_path(root: Path = ROOT) -> Path:
    return bin_dir(root) / ("python.exe" if os.name == "nt" else "python")


def stamp_path(root: Path = ROOT) -> Path:
    return venv_dir(root) / ".weakties-installed"


def language_path(root: Path = ROOT) -> Path:
    """Where the language chosen for the course is remembered."""
    return venv_dir(root) / ".weakties-language"


def course_folder(lang: str, root: Path = ROOT) -> Path:
    """The lessons of an edition: ``course/`` in English, ``course/<lang>/`` else."""
    return Path(root) / "course" if lang == "en" else Path(root) / "course" / lang


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


def system_language() -> str:
    """``"fr"`` when the system speaks French (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else ``"en"``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:  # an unknown locale name in the environment
        found = ""
    return "fr" if found.lower().startswith("fr") else "en"


def split_language(args: list[str]) -> tuple[str | None, list[str]]:
    """Take ``--lang fr|en`` (or ``--lang=fr``) out of ``args``: (language or None, the rest)."""
    lang, rest, words = None, [], list(args)
    while words:
        word = words.pop(0)
        if word == "--lang" or word.startswith("--lang="):
            value = word.split("=", 1)[1] if "=" in word else (words.pop(0) if words else "")
            if value not in LANGUAGES:
                fail(f"--lang takes fr (Français) or en (English), for example --lang fr, "
                     f"not {value!r}.")
            lang = value
        else:
            rest.append(word)
    return lang, rest


def remembered_language(root: Path = ROOT) -> str | None:
    """The language chosen before (remembered in .venv/), or None."""
    try:
        value = language_path(root).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return value if value in LANGUAGES else None


def remember_language(lang: str, root: Path = ROOT) -> None:
    path = language_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(lang + "\n", encoding="utf-8")


def ask_language(default: str, ask=input) -> str:
    """Ask the course's language, in both languages; Enter keeps ``default``."""
    keys = list(LANGUAGES)
    print("Langue du cours / Language of the course:")
    for i, lang in enumerate(keys, 1):
        print(f"  {i}. {LANGUAGES[lang]}")
    number = keys.index(default) + 1
    while True:
        try:
            answer = ask(f"Tapez 1 ou 2 / Type 1 or 2 [{number}]: ").strip().lower()
        except EOFError:
            return default
        if not answer:
            return default
        if answer in ("1", "2"):
            return keys[int(answer) - 1]
        if answer in LANGUAGES:
            return answer
        print("Réponse non comprise\u00a0: tapez 1 ou 2. / Not understood: type 1 or 2.")


def choose_language(given: str | None, root: Path = ROOT, interactive: bool | None = None,
                    ask=input) -> str:
    """The edition to open: ``--lang`` if given, else the one remembered, else asked.

    The answer is remembered (``--lang`` too). Without a terminal to ask in
    (a script, a test), the system's language is used and nothing is
    remembered, so that the question is asked the next time someone can answer.
    """
    if given:
        remember_language(given, root)
        return given
    known = remembered_language(root)
    if known:
        return known
    if interactive is None:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    if not interactive:
        return system_language()
    lang = ask_language(system_language(), ask)
    remember_language(lang, root)
    print(f"Langue retenue\u00a0: {LANGUAGES[lang]} (changez-la avec --lang en)." if lang == "fr"
          else f"Language chosen: {LANGUAGES[lang]} (change it with --lang fr).", flush=True)
    return lang


def lab_settings_dir(lang: str, root: Path = ROOT) -> Path:
    """JupyterLab's settings for an edition other than English, private to the course."""
    return venv_dir(root) / "share" / "weakties" / f"lab-settings-{lang}"


def write_lab_settings(lang: str, root: Path = ROOT) -> Path:
    """Write JupyterLab's language setting in the course's private settings folder.

    Only the language is set: other settings the learner changes in this
    edition's JupyterLab (a theme) are kept there from one launch to the next.
    """
    folder = lab_settings_dir(lang, root)
    path = folder / LAB_TRANSLATION
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(settings, dict):
            settings = {}
    except (OSError, ValueError):
        settings = {}
    settings["locale"] = LAB_LOCALES[lang]
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return folder


def venv_env(root: Path = ROOT, lang: str | None = None) -> dict:
    """The environment of the servers: the venv first on PATH; the kernels' language if given."""
    env = dict(os.environ, PATH=f"{bin_dir(root)}{os.pathsep}{os.environ.get('PATH', '')}")
    if lang:
        env["WEAKTIES_LANG"] = lang
    return env


def lab_env(lang: str, root: Path = ROOT) -> dict:
    """The environment of JupyterLab for an edition: French settings for the French one."""
    env = venv_env(root, lang)
    if lang != "en":
        env["JUPYTERLAB_SETTINGS_DIR"] = str(write_lab_settings(lang, root))
    return env


def first_lesson(lang: str = "en", root: Path = ROOT) -> str | None:
    """The welcome lesson of an edition, relative to the project folder (None if not built)."""
    found = sorted(course_folder(lang, root).glob("00-*.ipynb"))
    return found[0].relative_to(root).as_posix() if found else None


def lab_command(args: list[str], root: Path = ROOT, lang: str = "en") -> list[str]:
    """The JupyterLab command that opens the course (``--allow-root`` when run as root)."""
    command = [str(bin_dir(root) / "jupyter"), "lab", "--notebook-dir", str(root)]
    first = first_lesson(lang, root) or ("course/00-welcome.ipynb" if lang == "en" else None)
    if first:
        command.append(first)
    else:  # the edition's notebooks are not built: open its folder
        command.append(f"--ServerApp.default_url=/lab/tree/course/{lang}")
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
            fail(f"unknown option {word!r} for the workshop: use --port N, --no-browser or "
                 "--lang fr|en.")
    return options


def workshop_folder(lang: str = "en") -> Path:
    """The workshop's pages of an edition: ``course/workshop/`` or ``course/<lang>/workshop/``."""
    return WORKSHOP if lang == "en" else Path("course") / lang / "workshop"


def workshop_command(port: int, token: str, root: Path = ROOT, lang: str = "en") -> list[str]:
    """The Voilà command that serves the workshop's pages, without code, on 127.0.0.1 only."""
    return [str(bin_dir(root) / "voila"), str(Path(root) / workshop_folder(lang)),
            "--Voila.ip=127.0.0.1", f"--Voila.port={port}", "--Voila.port_retries=0",
            "--no-browser", f"--Voila.token={token}", "--strip_sources=True",
            "--theme=light", "--show_tracebacks=False",
            # Voilà's page sends no _xsrf with the kernel's shutdown when a page is left,
            # which a server with a token refuses (voila-dashboards/voila#1458): the
            # kernels of the pages left would pile up. The token still guards the pages.
            "--Voila.tornado_settings=disable_check_xsrf=True",
            # A kernel whose page was closed without a word stops after 10 minutes idle.
            "--MappingKernelManager.cull_interval=60",
            "--MappingKernelManager.cull_idle_timeout=600",
            # pyzmq's asyncio sockets can miss the wake-up of a message that arrives while a
            # wait starts: a page then waits up to minutes for a cell that finished at once
            # (seen in the browser tests). This client waits in short steps instead.
            "--KernelManager.client_class=grader.engine.kernelclient.SteppedKernelClient"] + \
        [f"--VoilaConfiguration.file_allowlist={pattern}" for pattern in WORKSHOP_FILES]


def workshop_url(port: int, token: str, lang: str = "en") -> str:
    home = WORKSHOP_HOMES.get(lang, WORKSHOP_HOME)
    return f"http://127.0.0.1:{port}/voila/render/{home}?token={token}"


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


def run_workshop(args: list[str], root: Path = ROOT, lang: str = "en") -> int:
    options = workshop_options(args)
    home = Path(root) / workshop_folder(lang) / WORKSHOP_HOMES.get(lang, WORKSHOP_HOME)
    if not home.exists():
        fail(f"the workshop's home page {home} is missing: build the pages with "
             f"`.venv/bin/python -m course.build --lang {lang} workshop`.")
    port = options["port"] or free_port()
    if options["port"] and not port_is_free(port):
        fail(f"port {port} is in use: choose another with --port, or leave it out.")
    token = secrets.token_urlsafe(16)
    url = workshop_url(port, token, lang)
    if lang == "fr":
        print("Démarrage de l'atelier (arrêtez-le avec Ctrl+C)...", flush=True)
        print(f"Ouvrez cette adresse dans un navigateur de cet ordinateur\u00a0:\n\n    {url}\n",
              flush=True)
    else:
        print("Starting the workshop (stop it with Ctrl+C) ...", flush=True)
        print(f"Open this address in a browser on this computer:\n\n    {url}\n", flush=True)
    process = subprocess.Popen(workshop_command(port, token, root, lang), cwd=root,
                               env=venv_env(root, lang))
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


def test_workers(args: list[str]) -> list[str]:
    """pytest-xdist options that run the suite on every core (at most 4), unless ``args`` choose.

    Tests that share a server are kept on one worker by their ``xdist_group``
    (``--dist loadgroup``; tests/conftest.py). One core, or ``-n``/``-p no:xdist``
    given, or a run of named tests: no workers added.
    """
    cores = min(4, os.cpu_count() or 1)
    chosen = any(a in ("-n", "--numprocesses", "-p") or a.startswith(("-n", "--numprocesses"))
                 for a in args)
    if cores < 2 or chosen or "--collect-only" in args or "--co" in args:
        return []
    return ["-n", str(cores), "--dist", "loadgroup"]


def main(argv: list[str]) -> int:
    check_python()
    if argv[:1] == ["test"]:
        install("test")
        cmd = [str(python_path()), "-m", "pytest", *test_workers(argv[1:]), *argv[1:]]
        print("Running:", " ".join(cmd), flush=True)
        return subprocess.run(cmd, cwd=ROOT, env=venv_env()).returncode
    if argv[:1] == ["workshop"]:
        given, args = split_language(argv[1:])
        workshop_options(args)  # a wrong option is named before anything is installed
        lang = choose_language(given)
        install("")
        return run_workshop(args, lang=lang)
    if argv and argv[0] != "lab" and not argv[0].startswith("-"):
        fail(f"unknown command {argv[0]!r}: use `python3 start.py`, `python3 start.py "
             "workshop` or `python3 start.py test` (and --lang fr or --lang en).")
    given, args = split_language(argv[1:] if argv[:1] == ["lab"] else argv)
    lang = choose_language(given)
    install("")
    print("Ouverture du cours dans JupyterLab (arrêtez-le avec Ctrl+C)..." if lang == "fr"
          else "Opening the course in JupyterLab (stop it with Ctrl+C) ...", flush=True)
    return wait_for(subprocess.Popen(lab_command(args, lang=lang), cwd=ROOT,
                                     env=lab_env(lang)))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
