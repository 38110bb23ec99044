"""Start and stop the whole course stack on one machine: PostgreSQL, JupyterHub, the formgrader.

For a trial on one machine, as root, from the project folder (after
``python3 start.py test``, which installs JupyterHub and the PostgreSQL
driver into ``.venv``)::

    sudo .venv/bin/python deploy/hub/stack.py start --roster roster.csv --instructor mdupont
    sudo .venv/bin/python deploy/hub/stack.py status
    sudo .venv/bin/python deploy/hub/stack.py stop

``start`` does, in order (each step is skipped when already done, so it can
be run again, for instance after adding students to the roster):

1. the Unix accounts of the roster, the instructors and the grading account
   (:mod:`users`, passwords in ``STATE/passwords.csv``, readable by root only);
2. a PostgreSQL cluster of its own in ``STATE/pg`` (Debian's PostgreSQL
   binaries, run as the ``postgres`` user, listening on a Unix socket only,
   ``STATE/pg/run``), with the database ``weakties`` owned by the grading
   account, reached by *peer* authentication: no password anywhere, and no
   other account may connect;
3. nbgrader's exchange ``STATE/exchange`` (mode 1777: everyone may create,
   nobody may remove another's files);
4. the course folder in the grading account's home (``~grader-weakties/course``,
   mode 0700) with its ``course.ini`` naming the database and the exchange, so
   that ``weakties-grade``, nbgrader and the formgrader use the same ones, and
   the roster's students in the gradebook;
5. the Jupyter settings of students (``STATE/etc/jupyter-students``: the
   course id and exchange for the Assignment List; the formgrader and
   assignment-creation extensions switched off) and of the grading service;
6. JupyterHub (``deploy/hub/jupyterhub_config.py``), which starts
   configurable-http-proxy and the formgrader service, in the background;
   its log is ``STATE/logs/jupyterhub.log``.

``stop`` stops JupyterHub (with the users' servers and the formgrader
service) and PostgreSQL; the accounts, the course folder and the database
stay. ``remove`` also deletes the accounts the stack created, the course
folder and ``STATE`` (tests use it; never on a real server).

``STATE`` is ``/srv/weakties-hub`` unless ``--state`` says otherwise. The
hub listens on ``http://127.0.0.1:8000`` (``--ip``, ``--port``): plain
HTTP, for a trial on this machine only. ``deploy/hub/README.md`` says what
to change for a school's server.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import users  # noqa: E402  (deploy/hub/users.py)

DEFAULT_STATE = Path("/srv/weakties-hub")
#: util-linux's runuser (root runs a command as another user with it).
RUNUSER = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin") or "runuser"
COURSE_ID = "weakties"
SETTINGS = "hub.json"


# ---------------------------------------------------------------------------
# What the machine must have


def venv_bin() -> Path:
    """The project's environment's bin folder (the interpreter running this script)."""
    return Path(sys.executable).parent


def postgres_bin() -> Path | None:
    """The newest PostgreSQL server binaries of the machine (Debian: /usr/lib/postgresql/N/bin)."""
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")
             if Path(p, "initdb").exists() and Path(p, "pg_ctl").exists()]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return found[-1] if found else None


def _readable_by_others(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that other users cannot enter (None: all can)."""
    path = path.resolve()
    for folder in [*reversed(path.parents), path]:
        if not os.stat(folder).st_mode & 0o001:
            return folder
    return None


def problems(need_root: bool = True) -> list[str]:
    """What this machine lacks to run the stack, each with its fix (empty: nothing)."""
    out = []
    if need_root and os.geteuid() != 0:
        out.append("the hub creates Unix accounts and runs each user's server as that user: "
                   "run it as root (sudo)")
    if postgres_bin() is None:
        out.append("PostgreSQL is not installed: `apt-get install postgresql`")
    if shutil.which("configurable-http-proxy") is None:
        out.append("configurable-http-proxy is not installed: `apt-get install nodejs npm` "
                   "then `npm install -g configurable-http-proxy`")
    if not (venv_bin() / "jupyterhub").exists():
        out.append(f"JupyterHub is not installed in {venv_bin().parent}: run "
                   "`python3 start.py test` (it installs the test tools, JupyterHub included)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        out.append("the PostgreSQL driver psycopg is not installed: run `python3 start.py test`")
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        out.append("there is no `postgres` account (Debian's postgresql package creates it)")
    base = Path(sys.base_prefix)
    closed = _readable_by_others(base / "lib")
    if closed is not None:
        out.append(f"other users cannot enter {closed}, so the course's Python ({base}) would not "
                   "run as them (their servers would load another Python's library, or none): "
                   f"`chmod o+x` the folders on the way to {base} (.ci/run does), or build the "
                   "environment with a Python installed in /usr/local or /opt")
    closed = _readable_by_others(venv_bin())
    if closed is not None:
        out.append(f"other users cannot enter {closed}, so students' servers could not use the "
                   f"course's environment in {venv_bin().parent}: put the project in a folder "
                   "everyone may read (e.g. /opt/weakties) or `chmod o+rx` that folder")
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------
# Helpers


def run_as(user: str, command: list[str], *, env: dict | None = None, cwd=None,
           check: bool = True, input: str | None = None, timeout: float = 600):
    """Run ``command`` as the Unix user ``user`` (``runuser``: root only), capturing its output."""
    full = [RUNUSER, "-u", user, "--", *map(str, command)]
    result = subprocess.run(full, env=env, cwd=cwd, capture_output=True, text=True,
                            input=input, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} (as {user}) exited with "
                           f"{result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def user_env(user: str, **extra) -> dict:
    """A clean environment for a command run as ``user``: its home, the course's tools first."""
    entry = pwd.getpwnam(user)
    env = {"HOME": entry.pw_dir, "USER": user, "LOGNAME": user, "SHELL": "/bin/bash",
           "LANG": "C.UTF-8",
           "PATH": f"{venv_bin()}:/usr/local/bin:/usr/bin:/bin"}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def load_settings(state: Path) -> dict:
    path = Path(state) / SETTINGS
    if not path.is_file():
        raise FileNotFoundError(f"there is no stack in {state} ({path} is missing): start one "
                                "with `stack.py start`, or give its --state")
    return json.loads(path.read_text())


# ---------------------------------------------------------------------------
# PostgreSQL


def pg_settings(state: Path, port: int) -> dict:
    return {"data": str(state / "pg" / "data"), "run": str(state / "pg" / "run"),
            "log": str(state / "pg" / "postgresql.log"), "port": port, "database": COURSE_ID}


def pg_ctl(settings: dict, *args: str, check: bool = True):
    pg = settings["pg"]
    return run_as("postgres", [postgres_bin() / "pg_ctl", "-D", pg["data"], *args],
                  env=user_env("postgres"), check=check, timeout=120)


def pg_running(settings: dict) -> bool:
    return pg_ctl(settings, "status", check=False).returncode == 0


def pg_start(settings: dict) -> None:
    if not pg_running(settings):
        pg_ctl(settings, "-l", settings["pg"]["log"], "-w", "-t", "60", "start")


def pg_stop(settings: dict, mode: str = "fast") -> None:
    if Path(settings["pg"]["data"]).is_dir() and pg_running(settings):
        pg_ctl(settings, "-m", mode, "-w", "-t", "60", "stop")


def pg_restart(settings: dict) -> None:
    """Restart PostgreSQL (fast shutdown: open connections are cut, as a crash would)."""
    pg_ctl(settings, "-m", "fast", "-l", settings["pg"]["log"], "-w", "-t", "60", "restart")


def psql(settings: dict, sql: str, database: str = "postgres", user: str = "postgres") -> str:
    pg = settings["pg"]
    result = run_as(user, [postgres_bin() / "psql", "-h", pg["run"], "-p", pg["port"],
                           "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                    env=user_env(user))
    return result.stdout


def pg_init(settings: dict) -> None:
    """A cluster of the stack's own (Unix socket only, peer authentication), and the database."""
    pg = settings["pg"]
    base = Path(pg["data"]).parent
    postgres = pwd.getpwnam("postgres")
    for folder in (base, Path(pg["run"])):
        folder.mkdir(parents=True, exist_ok=True)
        os.chown(folder, postgres.pw_uid, postgres.pw_gid)
        folder.chmod(0o755)
    if not Path(pg["data"], "PG_VERSION").exists():
        run_as("postgres", [postgres_bin() / "initdb", "-D", pg["data"], "--auth-local=peer",
                            "--auth-host=reject", "--encoding=UTF8", "--no-instructions"],
               env=user_env("postgres"), timeout=300)
        grader = settings["grader"]
        # Only the grading account (and the administrator) may connect, by peer
        # authentication: the Unix user is the database role, no password.
        Path(pg["data"], "pg_hba.conf").write_text(
            "# Written by deploy/hub/stack.py: Unix socket only, peer authentication.\n"
            "local   all   postgres   peer\n"
            f"local   all   {grader}   peer\n")
        with open(Path(pg["data"], "postgresql.conf"), "a") as conf:
            conf.write("\n# deploy/hub/stack.py: no TCP, the socket in the stack's folder\n"
                       "listen_addresses = ''\n"
                       f"unix_socket_directories = '{pg['run']}'\n"
                       f"port = {pg['port']}\n")
    pg_start(settings)
    grader = settings["grader"]
    if not psql(settings, f"SELECT 1 FROM pg_roles WHERE rolname = '{grader}'").strip():
        # CREATEDB: `weakties-grade gradebook check --against` reads a backup in a scratch database.
        psql(settings, f'CREATE ROLE "{grader}" LOGIN CREATEDB')
    if not psql(settings, f"SELECT 1 FROM pg_database WHERE datname = '{pg['database']}'").strip():
        psql(settings, f'CREATE DATABASE "{pg["database"]}" OWNER "{grader}"')


def db_url(settings: dict) -> str:
    pg = settings["pg"]
    return (f"postgresql+psycopg://{settings['grader']}@/{pg['database']}"
            f"?host={pg['run']}&port={pg['port']}")


# ---------------------------------------------------------------------------
# Folders and settings


STUDENT_NBGRADER = '''\
# Written by deploy/hub/stack.py: the course students see in the Assignment List.
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
'''

#: Students do not create assignments or grade: those parts of nbgrader are off.
#: JupyterLab fetches no news and checks for no updates (no request leaves the
#: server for that; it may still ask once whether to show news).
STUDENT_SERVER = {"ServerApp": {"jpserver_extensions": {
    "nbgrader.server_extensions.formgrader": False}},
    "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"}}
STUDENT_LAB = {"disabledExtensions": {"@jupyter/nbgrader:formgrader": True,
                                      "@jupyter/nbgrader:create-assignment": True}}

#: The grading service's Jupyter server: rooted in the course folder.
GRADER_SERVER = '''\
# Written by deploy/hub/stack.py: the formgrader service of the course.
c = get_config()  # noqa: F821
c.ServerApp.root_dir = {course_dir!r}
c.ServerApp.default_url = "/formgrader"
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
'''


def write_jupyter_settings(settings: dict) -> None:
    etc = Path(settings["state"]) / "etc"
    students = etc / "jupyter-students"
    (students / "labconfig").mkdir(parents=True, exist_ok=True)
    (students / "nbgrader_config.py").write_text(STUDENT_NBGRADER.format(
        course_id=settings["course_id"], exchange=settings["exchange"]))
    (students / "jupyter_server_config.json").write_text(json.dumps(STUDENT_SERVER, indent=2))
    (students / "labconfig" / "page_config.json").write_text(json.dumps(STUDENT_LAB, indent=2))
    grader = etc / "jupyter-grader"
    grader.mkdir(parents=True, exist_ok=True)
    (grader / "jupyter_server_config.py").write_text(GRADER_SERVER.format(
        course_dir=settings["course_dir"]))
    for path in [etc, *etc.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


COURSE_SETUP = '''\
import sys
sys.path.insert(0, {project!r})
from grader.stores.course import Course
from grader.stores.gradebook import open_gradebook
from grader.stores.roster import read_roster
course = Course({course_dir!r}, source={course_dir!r} + "/source").ensure()
course.root.chmod(0o700)
(course.root / "course.ini").write_text({ini!r})
roster = read_roster({roster!r}) if {roster!r} else None
with open_gradebook(course) as gb:
    for student in (roster.students.values() if roster else []):
        gb.update_or_create_student({prefix!r} + student.student_id,
                                    first_name=student.first_name or None,
                                    last_name=student.last_name or None,
                                    email=student.email or None)
print(course.db_url)
'''


def copy_sources(settings: dict) -> None:
    """The course's own copy of the source assignments (solutions, hidden tests), private.

    Assignments already in the course are left as they are (the instructor may
    have edited them). The project's ``exercises/`` is then closed to other
    users (students must not read the solutions there either).
    """
    grader = pwd.getpwnam(settings["grader"])
    source = Path(settings["course_dir"]) / "source"
    course = source.parent
    for folder in (course, source):
        if folder.is_symlink():
            folder.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        os.chown(folder, grader.pw_uid, grader.pw_gid)
    course.chmod(0o700)
    exercises = PROJECT / "exercises"
    for assignment in sorted(exercises.iterdir()):
        if assignment.is_dir() and not (source / assignment.name).exists():
            shutil.copytree(assignment, source / assignment.name,
                            ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
            for path in [source / assignment.name, *(source / assignment.name).rglob("*")]:
                os.chown(path, grader.pw_uid, grader.pw_gid, follow_symlinks=False)
    exercises.chmod(exercises.stat().st_mode & ~0o007)


def setup_course(settings: dict, roster: str | None) -> None:
    """The course folder (as the grading account), its course.ini, the students in the gradebook."""
    ini = ("# Written by deploy/hub/stack.py: this course's gradebook and exchange.\n"
           "[gradebook]\n"
           f"url = {db_url(settings)}\n\n"
           "[exchange]\n"
           f"root = {settings['exchange']}\n")
    if roster:   # the grading account must read it
        copy = Path(settings["state"]) / "roster.csv"
        shutil.copyfile(roster, copy)
        copy.chmod(0o644)
        roster = str(copy)
    copy_sources(settings)
    code = COURSE_SETUP.format(project=str(PROJECT), course_dir=settings["course_dir"], ini=ini,
                               roster=roster or "", prefix=settings["prefix"])
    run_as(settings["grader"], [venv_bin() / "python", "-c", code],
           env=user_env(settings["grader"]), cwd="/", timeout=300)


# ---------------------------------------------------------------------------
# JupyterHub


def hub_pid(settings: dict) -> int | None:
    path = Path(settings["state"]) / "jupyterhub.pid"
    try:
        pid = int(path.read_text())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def hub_url(settings: dict, path: str = "") -> str:
    return f"http://{settings['ip']}:{settings['port']}/{path.lstrip('/')}"


def wait_for_hub(settings: dict, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    log = Path(settings["state"]) / "logs" / "jupyterhub.log"
    while time.monotonic() < deadline:
        if hub_pid(settings) is None:
            raise RuntimeError(f"JupyterHub stopped at start; the end of {log}:\n"
                               + "\n".join(log.read_text(errors="replace").splitlines()[-40:]))
        try:
            with urllib.request.urlopen(hub_url(settings, "hub/api/"), timeout=5) as reply:
                if reply.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)   # between two polls of the hub's API
    else:
        raise RuntimeError(f"JupyterHub did not answer within {timeout:.0f} s; see {log}")
    # The formgrader service answers once its Jupyter server is up.
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", settings["service_port"]), timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the formgrader service did not start within {timeout:.0f} s; see {log}")


def start_hub(settings: dict) -> None:
    if hub_pid(settings) is not None:
        return
    state = Path(settings["state"])
    logs = state / "logs"
    logs.mkdir(exist_ok=True)
    logs.chmod(0o700)
    env = {"PATH": f"{venv_bin()}:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "HOME": "/root", "WEAKTIES_HUB_STATE": str(state)}
    log = open(logs / "jupyterhub.log", "ab")
    process = subprocess.Popen([venv_bin() / "jupyterhub", "-f", HERE / "jupyterhub_config.py"],
                               cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    (state / "jupyterhub.pid").write_text(str(process.pid))
    wait_for_hub(settings)


def stop_hub(settings: dict, timeout: float = 60) -> None:
    pid = hub_pid(settings)
    if pid is None:
        return
    os.kill(pid, signal.SIGTERM)      # the hub stops the proxy, the service and user servers
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and hub_pid(settings) is not None:
        time.sleep(0.2)
    if hub_pid(settings) is not None:
        os.killpg(pid, signal.SIGKILL)
    (Path(settings["state"]) / "jupyterhub.pid").unlink(missing_ok=True)


# ---------------------------------------------------------------------------
# The commands


def start(roster: str | None, instructors: list[str], *, state: Path = DEFAULT_STATE,
          ip: str = "127.0.0.1", port: int = 8000, prefix: str = "",
          free_ports: bool = False, pg_port: int = 5432) -> dict:
    """Start the stack (see the module documentation); returns its settings."""
    found = problems()
    if found:
        raise RuntimeError("the stack cannot start here:\n- " + "\n- ".join(found))
    state = Path(state).resolve()
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o755)
    path = state / SETTINGS
    previous = json.loads(path.read_text()) if path.is_file() else {}
    grader = prefix + users.GRADER
    ports = {"port": port, "hub_port": 8081, "proxy_api_port": 8001, "service_port": 9999}
    if free_ports:
        ports = {"port": free_port(), "hub_port": free_port(), "proxy_api_port": free_port(),
                 "service_port": free_port()}
    settings = {
        "state": str(state), "project": str(PROJECT), "venv_bin": str(venv_bin()),
        "ip": ip, **ports, "course_id": COURSE_ID, "service": COURSE_ID, "prefix": prefix,
        "grader": grader, "students_group": prefix + users.STUDENTS_GROUP,
        "instructors_group": prefix + users.INSTRUCTORS_GROUP,
        "instructors": sorted(set(previous.get("instructors", [])) |
                              {prefix + name for name in instructors}),
        "course_dir": str(Path(pwd.getpwnam(grader).pw_dir if _user_exists(grader)
                               else f"/home/{grader}") / "course"),
        "exchange": str(state / "exchange"), "pg": pg_settings(state, pg_port),
        "ops_token_file": str(state / "ops-token"),
        "passwords": str(state / "passwords.csv"),
    }
    if roster:
        users.create_accounts(roster, instructors, passwords=settings["passwords"], prefix=prefix)
    elif not _user_exists(grader):
        raise RuntimeError("the first start needs the class: give --roster (and --instructor)")
    settings["course_dir"] = str(Path(pwd.getpwnam(grader).pw_dir) / "course")
    exchange = Path(settings["exchange"])
    exchange.mkdir(exist_ok=True)
    exchange.chmod(0o1777)
    token = Path(settings["ops_token_file"])
    if not token.exists():
        fd = os.open(token, os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    path.write_text(json.dumps(settings, indent=2))
    path.chmod(0o644)
    pg_init(settings)
    setup_course(settings, roster)
    write_jupyter_settings(settings)
    start_hub(settings)
    return settings


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def stop(state: Path = DEFAULT_STATE) -> None:
    settings = load_settings(state)
    stop_hub(settings)
    pg_stop(settings)


def remove(state: Path = DEFAULT_STATE) -> None:
    """Stop, then delete the stack's accounts, groups, course folder and state (tests only)."""
    settings = load_settings(state)
    stop(state)
    names = list(settings["instructors"]) + [settings["grader"]]
    for group in (settings["students_group"], settings["instructors_group"]):
        try:
            import grp

            names += grp.getgrnam(group).gr_mem
        except KeyError:
            pass
    for name in sorted(set(names)):
        if _user_exists(name):
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
            subprocess.run(["userdel", "--remove", name], capture_output=True)
    for group in (settings["students_group"], settings["instructors_group"]):
        subprocess.run(["groupdel", group], capture_output=True)
    shutil.rmtree(settings["state"], ignore_errors=True)


def status(state: Path = DEFAULT_STATE) -> str:
    settings = load_settings(state)
    lines = [f"state:       {settings['state']}",
             f"hub:         {hub_url(settings)} "
             f"({'running' if hub_pid(settings) else 'stopped'})",
             f"formgrader:  {hub_url(settings, 'services/' + settings['service'] + '/')} "
             f"(instructors: {', '.join(settings['instructors']) or 'none'})",
             f"PostgreSQL:  {settings['pg']['run']} port {settings['pg']['port']} "
             f"({'running' if pg_running(settings) else 'stopped'}), database "
             f"{settings['pg']['database']}",
             f"course:      {settings['course_dir']} (owner {settings['grader']})",
             f"exchange:    {settings['exchange']}",
             f"passwords:   {settings['passwords']}"]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Start or stop the course's JupyterHub, formgrader and PostgreSQL on "
                    "this machine (as root). See deploy/hub/README.md.",
        epilog="Example: sudo .venv/bin/python deploy/hub/stack.py start --roster roster.csv "
               "--instructor mdupont")
    parser.add_argument("action", choices=["start", "stop", "status", "remove"])
    parser.add_argument("--roster", help="start: the class roster CSV (student_id, names, email)")
    parser.add_argument("--instructor", action="append", default=[], metavar="NAME",
                        help="start: an instructor's user name (repeat for several)")
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE,
                        help=f"the stack's folder (default {DEFAULT_STATE})")
    parser.add_argument("--ip", default="127.0.0.1", help="start: the address the hub listens on")
    parser.add_argument("--port", type=int, default=8000, help="start: the hub's port")
    parser.add_argument("--prefix", default="", help=argparse.SUPPRESS)
    parser.add_argument("--free-ports", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.action == "start":
            settings = start(args.roster, args.instructor, state=args.state, ip=args.ip,
                             port=args.port, prefix=args.prefix, free_ports=args.free_ports)
            print(status(Path(settings["state"])))
            print(f"Students and instructors log in at {hub_url(settings)} with the passwords "
                  f"in {settings['passwords']}.")
        elif args.action == "stop":
            stop(args.state)
            print("Stopped JupyterHub and PostgreSQL (accounts, course and database are kept).")
        elif args.action == "status":
            print(status(args.state))
        else:
            remove(args.state)
            print(f"Removed the stack of {args.state}.")
    except (RuntimeError, FileNotFoundError, ValueError, PermissionError) as exc:
        print(f"stack.py {args.action}: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
