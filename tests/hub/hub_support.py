"""Driving the course's JupyterHub stack in tests: start it, log in, call its REST API.

Used by ``tests/hub/conftest.py``, the hub tests and ``benchmarks/bench_hub.py``.
The stack is ``deploy/hub/stack.py``'s, started on loopback ports only, in a
temporary folder, with account names that start with :data:`PREFIX` (so that
nothing clashes with a real installation), and removed afterwards (accounts,
homes, course, database).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HUB_DIR = ROOT / "deploy" / "hub"
ARTIFACTS = ROOT / "test-artifacts" / "hub"
if str(HUB_DIR) not in sys.path:
    sys.path.insert(0, str(HUB_DIR))

import stack  # noqa: E402  (deploy/hub/stack.py)

#: The class of the tests: three students of the journey, the instructor, 30 for the load.
JOURNEY_STUDENTS = {"ada": ("Ada", "Lovelace"), "bruno": ("Bruno", "Moreau"),
                    "chloe": ("Chloé", "Nguyen")}
LOAD_STUDENTS = [f"s{i:02d}" for i in range(1, 31)]
INSTRUCTOR = "prof"


def prefix() -> str:
    """Account names' prefix: ``wh`` plus the pytest-xdist worker number, if any."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return "wh" + re.sub(r"\D", "", worker)


def hub_problem() -> str | None:
    """Why the hub tests cannot run here, or None when they can."""
    found = stack.problems()
    if found:
        return "hub tests skipped: " + "; ".join(found)
    return None


class Hub:
    """A running stack: its settings, passwords, and helpers to act as its users."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.state = Path(settings["state"])
        self.prefix = settings["prefix"]
        self.base = f"http://127.0.0.1:{settings['port']}"
        self.ops_token = Path(settings["ops_token_file"]).read_text().strip()
        with open(settings["passwords"], newline="") as f:
            self.passwords = {row["user"]: row["password"] for row in csv.DictReader(f)}
        self.course = Path(settings["course_dir"])
        self.grader = settings["grader"]

    # -- names --------------------------------------------------------------
    def user(self, name: str) -> str:
        """The hub (and Unix) name of the class member ``name``."""
        return self.prefix + name

    # -- the REST API -------------------------------------------------------
    def request(self, path: str, method: str = "GET", body=None, token: str | None = None,
                form: dict | None = None, timeout: float = 120):
        """``(status, parsed JSON or text)`` of a request to the hub's proxy."""
        data, headers = None, {"Authorization": f"token {token or self.ops_token}"}
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                status, raw = reply.status, reply.read()
        except urllib.error.HTTPError as exc:
            status, raw = exc.code, exc.read()
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, raw.decode(errors="replace")

    def api(self, path: str, method: str = "GET", body=None, expect=(200, 201, 202, 204)):
        status, reply = self.request("/hub/api" + path, method, body)
        if status not in expect:
            raise AssertionError(f"{method} /hub/api{path}: {status} {reply}")
        return reply

    def ensure_user(self, name: str) -> None:
        """Make the hub know ``name`` (a user is added on their first login, else by the API)."""
        self.api(f"/users/{self.user(name)}", "POST", expect=(201, 409))

    def token_for(self, name: str) -> str:
        """A new API token of the hub user ``name`` (its own rights, nothing more)."""
        self.ensure_user(name)
        reply = self.api(f"/users/{self.user(name)}/tokens", "POST",
                         {"note": "test", "expires_in": 3600})
        return reply["token"]

    def start_server(self, name: str) -> None:
        self.ensure_user(name)
        self.api(f"/users/{self.user(name)}/server", "POST", expect=(201, 202, 400))

    def wait_ready(self, names, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        waiting = list(names)
        while waiting and time.monotonic() < deadline:
            ready = {u["name"] for u in self.api("/users?state=ready&limit=1000")}
            waiting = [name for name in waiting if self.user(name) not in ready]
            if waiting:
                time.sleep(2)   # between two polls: one request for the whole class
        if waiting:
            raise AssertionError(f"servers not ready after {timeout:.0f} s: {waiting}")

    def stop_server(self, name: str) -> None:
        self.api(f"/users/{self.user(name)}/server", "DELETE", expect=(202, 204, 400))

    # -- commands as the course's accounts -----------------------------------
    def run_as(self, name: str, command, *, cwd=None, check=True, timeout=900, **env):
        """Run ``command`` as the Unix account of ``name`` (a class member, or the grader)."""
        user = name if name == self.grader else self.user(name)
        base = self.env_of(name, **env)
        return stack.run_as(user, command, env=base, cwd=cwd or stack.pwd.getpwnam(user).pw_dir,
                            check=check, timeout=timeout)

    def env_of(self, name: str, **extra) -> dict:
        """The environment of a command run as ``name``, as the hub gives it to them."""
        user = name if name == self.grader else self.user(name)
        env = stack.user_env(user, **extra)
        if name == self.grader:
            env.update(WEAKTIES_GRADING_DIR=str(self.course),
                       WEAKTIES_SOURCE_DIR=str(self.course / "source"))
        else:
            env["JUPYTER_CONFIG_PATH"] = str(self.state / "etc" / "jupyter-students")
        return env

    def grade(self, *args, check=True, timeout=900):
        """``weakties-grade ARGS`` as the grading account, in the course."""
        return self.run_as(self.grader, [stack.venv_bin() / "weakties-grade", *args],
                           check=check, timeout=timeout)

    def nbgrader(self, *args, check=True):
        """``nbgrader ARGS`` as the grading account, from the course folder (its config)."""
        return self.run_as(self.grader, [stack.venv_bin() / "nbgrader", *args], cwd=self.course,
                           check=check)

    def psql(self, sql: str, database: str | None = None) -> str:
        return stack.psql(self.settings, sql, database or self.settings["pg"]["database"],
                          user=self.grader)

    # -- the browser ----------------------------------------------------------
    def _no_news_question(self, name: str) -> None:
        """The user's JupyterLab setting that answers its question about news (a toast
        that would cover the page), as the user would have answered it once."""
        self.run_as(name, ["sh", "-c",
                           "d=.jupyter/lab/user-settings/@jupyterlab/apputils-extension && "
                           "mkdir -p $d && echo '{\"fetchNews\": \"false\"}' > "
                           "$d/notification.jupyterlab-settings"])

    def login(self, browser, name: str):
        """A new browser context logged in as ``name`` through the hub's login page."""
        context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                      device_scale_factor=1)
        context.set_default_timeout(120_000)
        page = context.new_page()
        self._no_news_question(name)
        page.goto(self.base + "/hub/login")
        page.fill("#username_input", self.user(name))
        page.fill("#password_input", self.passwords[self.user(name)])
        page.click("#login_submit")
        return page


def roster_csv(folder: Path) -> Path:
    path = Path(folder) / "roster.csv"
    rows = ["student_id,first_name,last_name,email"]
    for sid, (first, last) in JOURNEY_STUDENTS.items():
        rows.append(f"{sid},{first},{last},{sid}@example.org")
    for sid in LOAD_STUDENTS:
        rows.append(f"{sid},Student,{sid.upper()},{sid}@example.org")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def start_stack() -> Hub:
    """Start a stack for tests (see the module documentation)."""
    state = Path(tempfile.mkdtemp(prefix="weakties-hub-", dir="/tmp"))
    state.chmod(0o755)
    roster = roster_csv(state)
    settings = stack.start(str(roster), [INSTRUCTOR], state=state / "state", prefix=prefix(),
                           free_ports=True)
    return Hub(settings)


def remove_stack(hub: Hub) -> None:
    """Remove the stack; its hub log is kept in ``test-artifacts/hub/``."""
    log = hub.state / "logs" / "jupyterhub.log"
    if log.is_file():
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "jupyterhub.log").write_bytes(log.read_bytes())
    stack.remove(hub.state)
    parent = hub.state.parent
    if parent.name.startswith("weakties-hub-"):
        subprocess.run(["rm", "-rf", str(parent)], check=False)


# ---------------------------------------------------------------------------
# Students through the REST API (the load test and its benchmark)


def fetch_and_submit(hub: Hub, name: str, token: str, assignment: str, marker: str) -> dict:
    """As student ``name`` through the hub: fetch, write ``marker`` in the notebook, submit.

    Returns the times of the three steps. Uses the same endpoints as the
    Assignment List (nbgrader's server extension) and Jupyter's contents API.
    """
    user = hub.user(name)
    course = hub.settings["course_id"]
    times = {}
    t0 = time.monotonic()
    status, reply = hub.request(f"/user/{user}/assignments/fetch", "POST", token=token,
                                form={"course_id": course, "assignment_id": assignment})
    if status != 200:
        raise AssertionError(f"{user} fetch: {status} {reply}")
    times["fetch"] = time.monotonic() - t0
    path = f"{assignment}/{assignment}.ipynb"
    status, model = hub.request(f"/user/{user}/api/contents/{path}?content=1", token=token)
    if status != 200:
        raise AssertionError(f"{user} read notebook: {status} {model}")
    nb = model["content"]
    for cell in nb["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            cell["source"] = f"# {marker}\n" + "".join(cell["source"]) \
                if isinstance(cell["source"], list) else f"# {marker}\n" + cell["source"]
            break
    status, reply = hub.request(f"/user/{user}/api/contents/{path}", "PUT", token=token,
                                body={"type": "notebook", "format": "json", "content": nb})
    if status not in (200, 201):
        raise AssertionError(f"{user} save: {status} {reply}")
    times["save"] = time.monotonic() - t0 - times["fetch"]
    t1 = time.monotonic()
    status, reply = hub.request(f"/user/{user}/assignments/submit", "POST", token=token,
                                form={"course_id": course, "assignment_id": assignment})
    if status != 200 or (isinstance(reply, dict) and reply.get("success") is False):
        raise AssertionError(f"{user} submit: {status} {reply}")
    times["submit"] = time.monotonic() - t1
    return times


def class_batch(hub: Hub, names, assignment: str) -> dict:
    """Every student of ``names`` fetches and submits at once; returns the timings.

    Servers are started first (through the REST API) and stopped afterwards.
    """
    names = list(names)
    t0 = time.monotonic()
    # The hub answers a start (or stop) request after up to 10 s of waiting for the
    # server: the requests go out together, as thirty students' browsers would send them.
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        list(pool.map(hub.start_server, names))
    hub.wait_ready(names)
    spawn = time.monotonic() - t0
    tokens = {name: hub.token_for(name) for name in names}
    t1 = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        futures = {name: pool.submit(fetch_and_submit, hub, name, tokens[name], assignment,
                                     marker_of(hub, name)) for name in names}
        steps = {name: f.result() for name, f in futures.items()}
    batch = time.monotonic() - t1
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        list(pool.map(hub.stop_server, names))
    return {"spawn": spawn, "batch": batch, "steps": steps}


def marker_of(hub: Hub, name: str) -> str:
    return f"written by {hub.user(name)} for the load test"
