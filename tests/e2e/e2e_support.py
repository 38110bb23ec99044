"""Driving JupyterLab for the browser tests: a server, a browser, and what a user does.

Used by ``tests/e2e/conftest.py`` and the journeys (``test_journey_*.py``).
Nothing here imports Playwright at module level, so that the suite still
collects (and skips the browser tests) on a machine without it.

- :class:`JupyterLab` starts ``jupyter lab`` (or ``weakties-grade lab``) on
  127.0.0.1, on a free port, with a token, in an isolated environment (its
  own Jupyter config, data, runtime and IPython folders, a fresh workspaces
  and user-settings folder so that no earlier layout is restored, the news
  pop-up switched off), waits until it answers, and stops it with its
  kernels.
- The functions below act in a page the way a user does: open a notebook,
  wait for the kernel, use the menus, type into a cell, save, read outputs.
  They wait on conditions (selectors, texts, the kernel's status), never
  for a fixed time.
"""

from __future__ import annotations

import json
import os
import re
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

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "e2e"

#: Chromium flags that worked on these machines (shared/GRADING-NOTES.md).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]

#: Milliseconds. Generous: a kernel and a lesson on a loaded 2-core machine.
KERNEL_START = 120_000
LESSON_RUN = 240_000
SERVER_START = 120.0   # seconds

#: The graded exercise the assignment, instructor and self-learner journeys use.
ASSIGNMENT = "01-your-network"
#: Its answer cell that learners type in the browser (task 4).
TYPED_ANSWER = "answer-overcount"
#: The test cell that :data:`PERCENT_SHARE` fails, and only that one.
PERCENT_SHARE_TEST = "test-overcount-share"
#: Task 4 with a typical mistake: a percentage where a share (0 to 1) is asked.
#: ``mostly`` and ``contact_context`` are right, so only the share's tests fail.
PERCENT_SHARE = """\
relation_share = 100 * len(my_relations) / G.degree(me)
mostly = "relations" if len(my_relations) > G.degree(me) / 2 else "contacts"
only_contacts = {}
for other in G[me]:
    if other not in my_relations:
        context = G[me][other]["context"]
        only_contacts[context] = only_contacts.get(context, 0) + 1
contact_context = max(only_contacts, key=only_contacts.get)
print(relation_share, mostly, contact_context)"""

#: JupyterLab settings written into the fresh user-settings folder.
LAB_SETTINGS = {
    # No news toast over the page, no request to the internet.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    # The terminal's text in the DOM (read by the self-learner journey).
    "@jupyterlab/terminal-extension/plugin.jupyterlab-settings":
        {"screenReaderMode": True, "cursorBlink": False},
}


def browser_problem() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return (f"Chromium is not installed at {CHROMIUM}: run `apt-get install "
                "chromium chromium-driver` (never `playwright install`) to run the "
                "browser tests")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("the Python package playwright is not installed: install the project's "
                "test extras (`python3 start.py test`) to run the browser tests")
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(base: Path, **extra) -> dict:
    """Environment of a server: its own Jupyter and IPython folders, this venv first on PATH."""
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
                 "WEAKTIES_CONFIG_DIR"):
        folder = base / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    for name in ("JUPYTERHUB_USER", "WEAKTIES_GRADING_DIR", "WEAKTIES_SOURCE_DIR",
                 "JUPYTER_PATH", "PYTHONPATH"):
        env.pop(name, None)
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    # tests/conftest.py sets MPLBACKEND=Agg for the test process; kernels in the
    # browser need Jupyter's own (inline) backend, as on a learner's machine.
    env.pop("MPLBACKEND", None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


class JupyterLab:
    """A JupyterLab server for one journey.

    ``command`` is the program and its own options (``[python, -m,
    jupyterlab]`` by default, or ``weakties-grade ... lab --no-browser``);
    the port, token, workspaces and settings options are added here (after
    ``--`` when ``jupyter_args_after_dashes`` is set, as ``weakties-grade
    lab`` wants them).
    """

    def __init__(self, base: Path, root: Path, *, command=None, env=None,
                 jupyter_args_after_dashes=False):
        self.base = Path(base)
        self.root = Path(root)
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.env = env if env is not None else isolated_env(self.base)
        self.settings_dir = self.base / "lab-settings"
        self.workspaces_dir = self.base / "lab-workspaces"
        self.log_path = self.base / "jupyterlab.log"
        options = [f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                   f"--IdentityProvider.token={self.token}",
                   f"--LabApp.workspaces_dir={self.workspaces_dir}",
                   f"--LabApp.user_settings_dir={self.settings_dir}",
                   "--ServerApp.open_browser=False"]
        if command is None:
            command = [sys.executable, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1",
                       f"--ServerApp.root_dir={self.root}"]
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                command.append("--allow-root")
        self.command = list(command) + (["--"] if jupyter_args_after_dashes else []) + options
        self.process: subprocess.Popen | None = None

    def url(self, path: str = "lab", **query) -> str:
        query = {"token": self.token, **query}
        tail = "&".join(f"{k}={v}" if v is not None else k for k, v in query.items())
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}?{tail}"

    def start(self) -> "JupyterLab":
        for folder in (self.settings_dir, self.workspaces_dir):
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
        for name, values in LAB_SETTINGS.items():
            path = self.settings_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(self.command, cwd=self.root, env=self.env,
                                        stdout=self._log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + SERVER_START
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped at start (exit {self.process.returncode}):"
                                   f"\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=5) as reply:
                    if reply.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)   # the interval between two polls of /api/status
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {SERVER_START:.0f} s:\n"
                           f"{self.log_tail()}")

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=30) as reply:
            body = reply.read()
        return json.loads(body) if body else None

    def stop(self) -> None:
        """Stop the server, its kernels and terminals (the whole process group)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            try:   # the server's own shutdown also stops its kernels and terminals
                self.api("api/shutdown", method="POST")
                self.process.wait(timeout=30)
            except (OSError, urllib.error.URLError, subprocess.TimeoutExpired):
                pass
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=30)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        # Whatever is left in the server's process group (the JupyterLab that
        # `weakties-grade lab` starts) is ended too.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self._log.close()
        self.process = None

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


# --------------------------------------------------------------------------
# Acting in the page


def expect():
    from playwright.sync_api import expect as _expect
    return _expect


def open_in_lab(page, lab: JupyterLab, path: str) -> None:
    """Open a file of the server's root in JupyterLab (a fresh layout: ``?reset``)."""
    page.goto(lab.url(f"lab/tree/{path}", reset=None))
    page.locator("#jp-main-dock-panel").wait_for(timeout=KERNEL_START)
    if path.endswith(".ipynb"):
        page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for(
            timeout=KERNEL_START)
        wait_kernel_idle(page)


def kernel_status(page):
    """The status bar's kernel item ("Python 3 (ipykernel) | Idle")."""
    return page.locator("#jp-main-statusbar").get_by_text(re.compile(r"Python 3.*\|"))


def wait_kernel_idle(page, timeout: int = KERNEL_START) -> None:
    expect()(kernel_status(page)).to_have_text(re.compile(r"\|\s*Idle\s*$"), timeout=timeout)


def menu(page, *labels: str) -> None:
    """Click through the menu bar: ``menu(page, "Run", "Run All Cells")``."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(labels[0])}$")).click()
    for label in labels[1:]:
        item = page.locator(".lm-Menu:visible .lm-Menu-item",
                            has=page.locator(".lm-Menu-itemLabel",
                                             has_text=re.compile(f"^{re.escape(label)}$")))
        item.first.click()


#: An error (a traceback) or any other text written on stderr under a code cell:
#: JupyterLab shows both with the stderr MIME type.
ERROR_OUTPUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def code_cells(page):
    return page.locator(".jp-NotebookPanel:visible .jp-CodeCell")


def run_all_and_wait(page, timeout: int = LESSON_RUN) -> None:
    """Run > Run All Cells, then wait until every code cell has its execution number."""
    menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')];
            return prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
        }""", timeout=timeout)
    wait_kernel_idle(page, timeout)


def cell_with(page, text: str):
    """The notebook cell whose source (or rendered Markdown) contains ``text`` now; the
    locator keeps pointing at that cell when its text is changed later."""
    cells = page.locator(".jp-NotebookPanel:visible .jp-Cell")
    found = cells.filter(has=page.locator(".jp-InputArea-editor, .jp-MarkdownOutput",
                                          has_text=text))
    expect()(found).to_have_count(1)
    index = found.evaluate("(cell) => [...document.querySelectorAll("
                           "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')].indexOf(cell)")
    return cells.nth(index)


def replace_cell_source(page, cell, source: str) -> None:
    """Click into the cell's editor, select everything and type ``source`` in its place.

    ``insert_text`` enters the text as one input (as a paste would), so that
    the editor's auto-indent and bracket closing do not alter it.
    """
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(source)
    expect()(editor).to_contain_text(source.splitlines()[0])
    page.keyboard.press("Escape")


def write_markdown(page, cell, text: str) -> None:
    """Double-click a rendered Markdown cell, replace its text, render it again (Ctrl+Enter)."""
    cell.locator(".jp-MarkdownOutput").dblclick()
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(text)
    page.keyboard.press("Control+Enter")
    expect()(cell.locator(".jp-MarkdownOutput")).to_contain_text(text.split("\n")[0][:40])


def overwrite_if_asked(page) -> bool:
    """Answer JupyterLab's "File Changed" question with Overwrite, if it is asked.

    JupyterLab compares the file's time on disk with the time of its last save; on a
    heavily loaded machine a save can land in the same instant as the previous one's
    reply and the question shows up although nothing else wrote the file. The page's
    version is the learner's: keep it.
    """
    dialog = page.locator(".jp-Dialog").filter(has_text="File Changed")
    if dialog.count() and dialog.first.is_visible():
        dialog.first.get_by_role("button", name="Overwrite").click()
        expect()(dialog).to_have_count(0)
        return True
    return False


def save(page) -> None:
    """Ctrl+S, then wait until the tab no longer shows unsaved changes."""
    import time

    page.keyboard.press("Control+s")
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-current")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        overwrite_if_asked(page)
        if not re.search(r"\bjp-mod-dirty\b", tab.get_attribute("class") or ""):
            return
        page.wait_for_timeout(200)
    expect()(tab).not_to_have_class(re.compile(r"\bjp-mod-dirty\b"), timeout=1)


def run_cell(page, cell, timeout: int = 120_000) -> None:
    """Select a code cell, press Shift+Enter and wait for its execution number."""
    before = cell.locator(".jp-InputArea-prompt").text_content()
    cell.locator(".jp-InputArea-prompt").click()
    page.keyboard.press("Shift+Enter")
    expect()(cell.locator(".jp-InputArea-prompt")).not_to_have_text(before, timeout=timeout)
    expect()(cell.locator(".jp-InputArea-prompt")).to_have_text(re.compile(r"^\[\d+\]:$"),
                                                              timeout=timeout)


def scroll_to_top(locator) -> None:
    """Scroll the element to the top of its scrolled area, and again until it stays there.

    Notebook cells off screen have estimated heights (CSS content-visibility);
    they take their real height once shown, which moves the element again.
    """
    locator.evaluate("""async (e) => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
        let last = null;
        for (let i = 0; i < 20; i++) {
            e.scrollIntoView({block: 'start'});
            await frame(); await frame();
            const top = Math.round(e.getBoundingClientRect().top);
            if (top === last) return;
            last = top;
        }
    }""")


def screenshot(page, journey: str, step: str, locator=None) -> Path:
    """Save ``test-artifacts/e2e/<journey>-<step>.png``: the window, ``locator`` (if given)
    scrolled to the top."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{journey}-{step}.png"
    if locator is not None:
        scroll_to_top(locator)
    page.screenshot(path=str(path))
    return path


# --------------------------------------------------------------------------
# Notebooks prepared outside the browser


def solution_of(source_notebook, grade_id: str) -> str:
    """The source's solution for answer cell ``grade_id``, as a learner would type it
    (nbgrader's ``### BEGIN/END SOLUTION`` marker lines removed)."""
    for cell in source_notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            lines = [line for line in cell.source.splitlines()
                     if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION")]
            return "\n".join(lines)
    raise KeyError(f"no cell {grade_id!r} in the source notebook")


def fill_answers(path: Path, answers: dict) -> None:
    """Write ``answers`` ({grade id: source}) into the answer cells of the notebook at ``path``,
    as a learner who did those tasks earlier would have saved it."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    missing = set(answers)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in answers:
            cell.source = answers[meta["grade_id"]]
            missing.discard(meta["grade_id"])
    if missing:
        raise KeyError(f"no answer cells {sorted(missing)} in {path}")
    nbformat.write(nb, path)
