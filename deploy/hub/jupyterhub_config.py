"""JupyterHub configuration for one weakties course on one server.

Started by ``deploy/hub/stack.py start`` (``jupyterhub -f THIS_FILE``, as
root, in the stack's folder); everything that differs between machines is
read from ``$WEAKTIES_HUB_STATE/hub.json``, which ``stack.py`` writes.

- **Who may log in**: the Unix accounts of the course, by their Unix password
  (PAM), members of the students' or the instructors' group only.
- **Each user's server**: JupyterLab from the course's own environment (the
  project's ``.venv``), run as that Unix user in their home folder (which only
  they can open), with the students' Jupyter settings: the Assignment List and
  Validate for this course and its exchange; no formgrader.
  ``JUPYTERHUB_USER``, the hub user name, is the Unix name, the nbgrader
  student id and the learner id.
- **The formgrader** is a hub service, ``/services/weakties/``: a Jupyter
  server run as the grading account in the course folder, reachable only by
  the members of the hub group of instructors (nbgrader's "one formgrader
  per course" set-up). It opens on the formgrader itself, in its own browser
  tab: JupyterHub's default ``frame-ancestors 'none'`` (4.1 and later) stays,
  so that no page of a student's server can frame the grader's pages
  (JupyterLab's *Nbgrader > Formgrader* panel, an iframe, stays blank here;
  see deploy/hub/README.md for the subdomain set-up that allows it safely).
- **Operations**: a service token (``ops-token`` in the stack's folder,
  readable by root only) may manage users and servers through the REST API
  (tests and the load benchmark use it).
"""

import json
import os
from pathlib import Path

c = get_config()  # noqa: F821

STATE = Path(os.environ.get("WEAKTIES_HUB_STATE", "/srv/weakties-hub"))
S = json.loads((STATE / "hub.json").read_text())
VENV_BIN = S["venv_bin"]
PATH = f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin"

# --- The hub and its proxy: loopback ports, state in the stack's folder -----
c.JupyterHub.bind_url = f"http://{S['ip']}:{S['port']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{S['hub_port']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{S['proxy_api_port']}"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True          # stopping the hub stops the users' servers
c.JupyterHub.shutdown_on_logout = False

# --- Who may log in -------------------------------------------------------
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {S["students_group"], S["instructors_group"]}
c.PAMAuthenticator.open_sessions = False

# --- Each user's JupyterLab, from the course's environment -----------------
c.Spawner.cmd = [f"{VENV_BIN}/jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    "PATH": PATH,
    "JUPYTER_CONFIG_PATH": str(STATE / "etc" / "jupyter-students"),
    "LANG": "C.UTF-8",
}
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.JupyterHub.concurrent_spawn_limit = 60

# --- The formgrader: one service for the course, for its instructors -------
SERVICE = S["service"]
c.JupyterHub.services = [
    {
        "name": SERVICE,
        "display": True,
        "url": f"http://127.0.0.1:{S['service_port']}",
        "command": [f"{VENV_BIN}/jupyterhub-singleuser"],
        "user": S["grader"],
        "cwd": S["course_dir"],
        "oauth_no_confirm": True,
        "environment": {
            "PATH": PATH,
            "HOME": str(Path(S["course_dir"]).parent),
            "USER": S["grader"],
            "LANG": "C.UTF-8",
            "JUPYTER_CONFIG_PATH": str(STATE / "etc" / "jupyter-grader"),
            # weakties-grade in the service's terminals: this course, its own sources.
            "WEAKTIES_GRADING_DIR": S["course_dir"],
            "WEAKTIES_SOURCE_DIR": str(Path(S["course_dir"]) / "source"),
        },
    },
    {"name": "weakties-ops", "api_token": (STATE / "ops-token").read_text().strip()},
]
c.JupyterHub.load_groups = {S["instructors_group"]: {"users": S["instructors"]}}
c.JupyterHub.load_roles = [
    {"name": "weakties-instructors", "groups": [S["instructors_group"]],
     "scopes": [f"access:services!service={SERVICE}", "self"]},
    {"name": "weakties-ops", "services": ["weakties-ops"],
     "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users",
                "access:servers"]},
]
