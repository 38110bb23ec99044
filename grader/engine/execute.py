"""Run a notebook's code cells in a fresh kernel, sandboxed, within limits.

This is the grader's execution step: the pipeline prepares a private copy of
a submission's files in a working folder and calls :func:`execute` with the
notebook to run (for autograding, the notebook with its hidden tests). The
kernel runs in the bubblewrap sandbox of :mod:`grader.engine.sandbox` unless the
instructor opts out with ``sandbox=False``; see ``grader/SANDBOX.md``.

Everything a notebook can do wrong (an error, an endless loop, a dead kernel,
a flood of output) comes back as an :class:`Execution` with a status and a
sentence for the instructor; :func:`execute` raises only for the caller's
mistakes (a missing working folder, a bad learner id) and, with the sandbox
on, :class:`SandboxUnavailable` when it cannot work here.

With a :class:`grader.engine.judge.JudgePlan` (autograding), the test cells
never reach the kernel: at each of them the executor lets the judge run the
test, and answers the judge's questions about the notebook (the value of an
answer, the result of calling a function of the student's on the judge's
inputs) by evaluating a *probe* in the kernel: an ``execute_request`` that
is silent (not in the history, not counted) with one user expression, whose
JSON answer goes to the judge as text (:mod:`grader.engine.wire`). The
test cell's outputs are the judge's.

Cells that did not complete are marked so that a grader which scores a test
cell by the absence of an error output (as nbgrader does) never gives points
for a test that did not run to its end: a cell that timed out gets an
error output ``CellTimeoutError``, the cell running when the kernel died or
the budget ran out gets ``KernelDiedError`` or ``NotebookTimeoutError``, and
every later code cell gets ``CellNotRunError``. Outputs stored in the
submitted notebook are always cleared first.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import json
import os
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass, field, fields
from pathlib import Path

import nbformat
import zmq
import zmq.asyncio
from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from traitlets import Float

from . import sandbox as _sandbox
from .kernelclient import SteppedKernelManager
from .sandbox import sandbox_problem

__all__ = ["Limits", "Execution", "execute", "sandbox_problem", "SandboxUnavailable",
           "STATUSES"]

#: Every value of :attr:`Execution.status`.
STATUSES = ("ok", "cell_timeout", "notebook_timeout", "kernel_died", "kernel_failed")
LEARNER_FILE = ".weakties-learner"   # weakties.learner.LEARNER_FILE
#: Output a cell may still show once the notebook's output budget is spent.
CELL_ALLOWANCE = 64 * 1024
#: Seconds to wait, after a cell's reply, for the rest of its output (nbclient's
#: default); once a cell's output went missing, later cells wait only a second.
IOPUB_WAIT = 4.0
#: Seconds a cell may go without its reply once the kernel said it is idle: a
#: kernel whose output was broken (``sys.stdout = None``) never replies again.
BROKEN_REPLY_WAIT = 3.0


#: Each kernel's private folder: ``kernel-XXXX`` in the system temporary folder,
#: holding a file with the PID of the process that made it.
PRIVATE_PREFIX, OWNER_FILE = "kernel-", ".weakties-kernel-owner"
_swept = False


def _sweep_stale_folders() -> None:
    """Remove private folders left by grading processes that were killed (kill -9)."""
    global _swept
    if _swept:
        return
    _swept = True
    base = Path(tempfile.gettempdir())
    try:
        candidates = list(base.glob(PRIVATE_PREFIX + "*"))
    except OSError:
        return
    for folder in candidates:
        try:
            st = folder.lstat()
            if not folder.is_dir() or folder.is_symlink() or st.st_uid != os.getuid():
                continue
            pid = int((folder / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


class SandboxUnavailable(RuntimeError):
    """The kernel sandbox cannot run here; the message says why and how to install it."""


@dataclass(frozen=True)
class Limits:
    """What one notebook may use. All times are wall-clock seconds unless said otherwise.

    Attributes
    ----------
    cell_timeout : float
        Longest run of one cell; then the kernel is interrupted and the next
        cell runs.
    notebook_timeout : float
        Budget for all the cells of the notebook together, counted from the
        moment the kernel is ready; when it runs out the kernel is stopped.
        It bounds a notebook whose cells each run up to ``cell_timeout``, or
        that ignores interrupts.
    cpu_seconds : int
        CPU time of the kernel process over its whole life (threads
        included); beyond it the kernel is killed.
    memory_mb : int
        Address-space limit of the kernel (virtual memory, not resident
        memory): larger allocations fail with ``MemoryError``.
    file_size_mb : int
        Largest file the kernel may write.
    open_files : int
        Open files and sockets at once (the kernel itself needs about 30).
    disk_mb, disk_files : int
        What the notebook may add to the folders it can write (its working
        folder and, sandboxed, its private ``/tmp`` and ``/dev/shm``), in
        space and in number of files and folders. Checked twice a second from
        outside; beyond either, the kernel is stopped. (Disk quotas and
        cgroups are not available without root.)
    output_mb : int
        Output kept from one notebook (text, images, widget messages);
        beyond it, outputs are dropped and a note says so.
    interrupt_grace : float
        After a timed-out cell is interrupted, how long it has to stop before
        the kernel is stopped (a cell that ignores interrupts).
    startup_timeout : float
        Longest wait for the kernel to start.

    New processes are refused inside the sandbox (``fork``, ``subprocess``,
    ``multiprocessing``); threads are allowed, bounded by ``memory_mb``.

    Examples
    --------
    >>> Limits(cell_timeout=5).cell_timeout
    5
    >>> Limits(memory_mb=0)
    Traceback (most recent call last):
    ...
    ValueError: Limits.memory_mb must be a positive number, not 0.
    """

    cell_timeout: float = 30.0
    notebook_timeout: float = 300.0
    cpu_seconds: int = 600
    memory_mb: int = 4096
    file_size_mb: int = 64
    open_files: int = 256
    disk_mb: int = 512
    disk_files: int = 10000
    output_mb: int = 16
    interrupt_grace: float = 5.0
    startup_timeout: float = 60.0

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"Limits.{f.name} must be a positive number, not {value!r}.")

    def launcher_limits(self) -> str:
        """The ``--limits`` argument of ``grader/kernel/launch.py``."""
        mb = 1024 * 1024
        return (f"as={int(self.memory_mb * mb)},cpu={int(self.cpu_seconds)},"
                f"fsize={int(self.file_size_mb * mb)},nofile={int(self.open_files)}")


@dataclass
class Execution:
    """The result of :func:`execute`.

    Attributes
    ----------
    notebook : nbformat.NotebookNode
        The notebook executed as far as it got: outputs of the cells that
        ran, and error outputs on the cells that did not complete (see the
        module documentation).
    status : str
        ``"ok"``; ``"cell_timeout"`` (a cell ran longer than
        ``cell_timeout`` and was interrupted, the later cells still ran; or
        it ignored the interrupt, the kernel was stopped and the later cells
        did not run: the detail says which); ``"notebook_timeout"`` (the
        budget ran out, later cells did not run); ``"kernel_died"`` (the
        kernel stopped while running a cell: it exited, crashed, used up its
        CPU time or its disk limit); ``"kernel_failed"`` (the kernel did not
        start).
    detail : str
        One sentence for the instructor; ``""`` when the status is ``"ok"``.
    seconds : float
        Wall-clock time of the whole execution, kernel start and stop included.
    cells_run : int
        Non-empty code cells that ran to their end (with or without an
        error, interrupted ones included).
    outcomes : dict
        With a judge: test cell index -> :class:`grader.engine.judge.TestOutcome`.
    judge_error : str or None
        With a judge: the first failure of the exercise's own (locked) cells
        in the judge, which is not the student's doing.
    """

    notebook: nbformat.NotebookNode
    status: str
    detail: str
    seconds: float
    cells_run: int
    outcomes: dict = field(default_factory=dict)
    judge_error: str | None = None
    notes: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# ---------------------------------------------------------------------------
# Kernel manager and client
# ---------------------------------------------------------------------------


class _KernelManager(SteppedKernelManager):
    """A kernel manager whose command is the launcher, wrapped in bwrap when sandboxed."""

    wrap = None   # callable(list[str]) -> list[str], set per execution

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        return self.wrap(cmd) if self.wrap is not None else cmd


def _content_size(value, depth=0) -> int:
    """Rough size in bytes of a message's content (strings dominate)."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if depth > 6:
        return 0
    if isinstance(value, dict):
        return sum(len(str(k)) + _content_size(v, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return sum(_content_size(v, depth + 1) for v in value)
    return 8


class _Client(NotebookClient):
    """nbclient with an output cap, and a timeout that interrupts then moves on."""

    iopub_timeout = Float(4.0)   # nbclient's is an Integer; grace periods are not

    def __init__(self, nb, km, *, limits: Limits):
        super().__init__(
            nb, km=km,
            timeout_func=lambda cell: limits.cell_timeout,
            allow_errors=True,
            interrupt_on_timeout=True,
            iopub_timeout=IOPUB_WAIT,
            raise_on_iopub_timeout=False,
            record_timing=False,
            shutdown_kernel="immediate",
        )
        self.limits = limits
        self.output_cap = int(limits.output_mb * 1024 * 1024)
        self.output_bytes = 0
        self.cell_bytes = 0
        self.truncated = False
        self.cell_truncated = False
        self.reply = None
        self.iopub_wait = IOPUB_WAIT
        self.on_cell_executed = self._keep_reply
        self.timed_out = False       # the current cell hit its timeout
        self.idle_seen = False       # the kernel said the current cell finished

    def start_cell(self):
        self.timed_out = False
        self.idle_seen = False
        self.cell_bytes = 0
        self.cell_truncated = False
        self.reply = None
        self.iopub_timeout = self.iopub_wait

    def _keep_reply(self, cell, cell_index, execute_reply):
        self.reply = execute_reply

    async def _async_handle_timeout(self, timeout, cell=None):
        # Interrupt, stop waiting for the reply, and give the cell
        # `interrupt_grace` seconds to stop (its idle message on IOPub).
        self.timed_out = True
        self.iopub_timeout = self.limits.interrupt_grace
        try:
            await self.km.interrupt_kernel()
        except Exception:   # noqa: BLE001 - a dead kernel is detected afterwards
            pass
        return {"content": {"status": "error", "ename": "CellTimeoutError",
                            "evalue": "timeout", "traceback": []}}

    def process_message(self, msg, cell, cell_index):
        msg_type = msg.get("msg_type")
        if msg_type == "status":
            if msg["content"].get("execution_state") == "idle":
                self.idle_seen = True
        elif msg_type != "execute_input":
            size = _content_size(msg.get("content"))
            self.cell_bytes += size
            if self.output_bytes + size <= self.output_cap:
                self.output_bytes += size
            elif msg_type == "error":
                _shorten_error(msg["content"])      # errors are kept: grading needs them
            elif self.cell_bytes > CELL_ALLOWANCE:
                if not self.cell_truncated:
                    self.cell_truncated = self.truncated = True
                    cell.outputs.append(nbformat.v4.new_output(
                        "stream", name="stderr",
                        text=f"\n[Output dropped: this notebook printed more than "
                             f"{self.limits.output_mb:g} MB.]\n"))
                return None
        return super().process_message(msg, cell, cell_index)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _shorten_error(content: dict, limit: int = CELL_ALLOWANCE // 4) -> dict:
    """Cut an error's texts to ``limit`` characters each (in place)."""
    for key in ("ename", "evalue"):
        if isinstance(content.get(key), str) and len(content[key]) > limit:
            content[key] = content[key][:limit] + " [...]"
    traceback = content.get("traceback")
    if isinstance(traceback, list):
        kept = [str(line)[:limit] for line in traceback[-20:]]
        content["traceback"] = kept
    return content


def _error_output(ename: str, evalue: str):
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue,
                                  traceback=[f"{ename}: {evalue}"])


def _cell_name(nb, index: int) -> str:
    cell = nb.cells[index]
    grade_id = (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id")
    name = f"cell {index + 1}"
    return f"{name} ('{grade_id}')" if grade_id else name


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


_SIGNAL_WHY = {
    signal.SIGXCPU: "it used up its CPU time limit",
    signal.SIGKILL: "it was killed by signal 9 (SIGKILL)",
    signal.SIGSEGV: "it crashed (segmentation fault)",
    signal.SIGABRT: "it aborted with signal 6 (SIGABRT)",
    signal.SIGSYS: "it made a forbidden system call",
    signal.SIGXFSZ: "it went over the file size limit",
}


def _exit_reason(code: int | None, limits: Limits, sandboxed: bool) -> str:
    if code is None:
        return "the reason is unknown"
    signum = None
    if code < 0:
        signum = -code
    elif sandboxed and code > 128:
        signum = code - 128      # bwrap reports a child killed by signal N as 128 + N
    if signum is not None:
        why = _SIGNAL_WHY.get(signum)
        if signum == signal.SIGXCPU:
            why = f"{why} of {limits.cpu_seconds} s"
        if why is None:
            try:
                why = f"it was stopped by signal {signum} ({signal.Signals(signum).name})"
            except ValueError:
                why = f"it was stopped by signal {signum}"
        return why
    return f"it exited with status {code}, for example by os._exit or sys.exit in a cell"


def _log_tail(path: Path, lines: int = 3) -> str:
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 4000))
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return ""
    kept = [line.strip() for line in text.splitlines() if line.strip()]
    return " | ".join(kept[-lines:])


def _write_learner_file(workdir: Path, learner_id: str) -> Path:
    """Write the learner id, replacing whatever the submission put there (never following a link)."""
    from weakties.learner import check_learner_id

    value = check_learner_id(learner_id)
    path = workdir / LEARNER_FILE
    if os.path.lexists(path):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o444)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value)
    return path


def _prepare_notebook(notebook) -> nbformat.NotebookNode:
    if isinstance(notebook, (str, os.PathLike)):
        return nbformat.read(notebook, as_version=4)
    if not isinstance(notebook, dict) or "cells" not in notebook:
        raise TypeError("execute() needs a notebook (an nbformat.NotebookNode, a dict with "
                        f"'cells', or a path to an .ipynb file), not {type(notebook).__name__}.")
    nb = nbformat.from_dict(copy.deepcopy(dict(notebook)))
    nb.setdefault("metadata", nbformat.NotebookNode())
    for cell in nb.cells:
        if isinstance(cell.get("source"), list):
            cell["source"] = "".join(cell["source"])
        cell.setdefault("source", "")
        cell.setdefault("metadata", nbformat.NotebookNode())
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


# ---------------------------------------------------------------------------
# The execution itself
# ---------------------------------------------------------------------------


class _Run:
    def __init__(self, nb, workdir: Path, learner_file, limits: Limits, sandboxed: bool,
                 judge=None):
        self.nb = nb
        self.judge = judge                 # a JudgePlan, or None: every cell runs in the kernel
        self.session = None                # its JudgeSession while the notebook runs
        self.outcomes: dict = {}           # test cell index -> TestOutcome
        self.gone: str | None = None       # why the kernel can no longer answer probes
        self.deadline = float("inf")
        self.judge_error: str | None = None
        self.notes: list[str] = []         # for the instructor: what happened while probing
        self.workdir = workdir
        self.learner_file = learner_file
        self.limits = limits
        self.sandboxed = sandboxed
        self.status = "ok"
        self.detail = ""
        self.cells_run = 0
        self.timeouts: list[int] = []
        self.private = Path(tempfile.mkdtemp(prefix=PRIVATE_PREFIX))
        (self.private / OWNER_FILE).write_text(str(os.getpid()))
        self.conn = self.private / "conn"
        self.conn.mkdir(mode=0o700)
        self.log_path = self.private / "kernel.log"
        self.status_read: int | None = None
        self.kill_reason = ""
        self.sandbox_child: int | None = None
        self.km: _KernelManager | None = None
        self.kc = None
        self.context = zmq.asyncio.Context()
        # One message larger than this drops the connection instead of filling memory.
        self.context.setsockopt(zmq.MAXMSGSIZE, max(64, 2 * limits.output_mb) * 1024 * 1024)

    # -- kernel life cycle -------------------------------------------------

    def _kernel_spec(self) -> KernelSpec:
        argv = [_sandbox.PYTHON, str(_sandbox.LAUNCHER), "--limits",
                self.limits.launcher_limits(), "--", "-f", "{connection_file}",
                "--HistoryManager.hist_file=:memory:"]
        return KernelSpec(argv=argv, display_name="Python 3 (grading)", language="python",
                          interrupt_mode="message", env={}, metadata={})

    def _outside_env(self) -> dict[str, str]:
        if self.sandboxed:
            return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("NBGRADER", "JPY_", "JUPYTER_", "JUPYTERHUB"))}
        env["MPLBACKEND"] = "Agg"
        env.update({"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})
        return env

    async def start(self) -> bool:
        km = _KernelManager(context=self.context, transport="ipc",
                            ip=str(self.conn / "kernel"),
                            connection_file=str(self.conn / "kernel.json"))
        km._kernel_spec = self._kernel_spec()
        self.km = km
        pass_fds: tuple[int, ...] = ()
        seccomp_read = status_write = None
        log = open(self.log_path, "wb")
        try:
            if self.sandboxed:
                seccomp_read, seccomp_write = os.pipe()
                os.write(seccomp_write, _sandbox.seccomp_filter())
                os.close(seccomp_write)
                self.status_read, status_write = os.pipe()
                os.set_blocking(self.status_read, False)
                pass_fds = (seccomp_read, status_write)

                def wrap(cmd, _seccomp=seccomp_read, _status=status_write):
                    args = _sandbox.command(cmd, workdir=self.workdir, private=self.private,
                                            seccomp_fd=_seccomp, learner_file=self.learner_file)
                    at = args.index("--seccomp")
                    args[at:at] = ["--json-status-fd", str(_status)]
                    return args

                km.wrap = wrap
            cwd = str(self.private) if self.sandboxed else str(self.workdir)
            await km.start_kernel(env=self._outside_env(), cwd=cwd, pass_fds=pass_fds,
                                  stdout=log, stderr=log)
        except Exception as exc:  # noqa: BLE001 - reported as kernel_failed
            self._fail(f"the kernel could not be launched: {exc}")
            return False
        finally:
            log.close()
            for fd in (seccomp_read, status_write):
                if fd is not None:
                    os.close(fd)
        kc = km.client(context=self.context)
        self.kc = kc
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=self.limits.startup_timeout)
        except Exception as exc:  # noqa: BLE001 - RuntimeError or TimeoutError
            code = self._exit_code()
            tail = _log_tail(self.log_path)
            why = tail or str(exc) or type(exc).__name__
            if code is not None:
                why = f"{_exit_reason(code, self.limits, self.sandboxed)}; {why}"
            self._fail(why)
            return False
        kc.allow_stdin = False
        if self.judge is not None:
            await self._install_io()
        return True

    # -- probes: the judge's questions, answered by the kernel -----------------

    async def _shell_reply(self, msg_id: str, timeout: float, *, watch: bool = False):
        """The shell reply to ``msg_id``; ``None`` after ``timeout`` seconds.

        With ``watch`` (probes), also ``"died"`` as soon as the kernel process
        has stopped, and ``"idle"`` when the kernel said it finished the request
        but no reply came within :data:`BROKEN_REPLY_WAIT` seconds (it could not
        send its answer).
        """
        from queue import Empty

        deadline = time.monotonic() + timeout
        idle_since = None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            try:
                reply = await self.kc.shell_channel.get_msg(
                    timeout=min(remaining, 0.25) if watch else remaining)
            except (Empty, asyncio.TimeoutError):
                reply = None
            except Exception:  # noqa: BLE001 - a closed channel
                return None
            if reply is not None and reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply
            if not watch:
                continue
            process = self._process()
            if process is not None and process.poll() is not None:
                return "died"
            while idle_since is None:
                try:
                    msg = await self.kc.iopub_channel.get_msg(timeout=0)
                except (Empty, asyncio.TimeoutError):
                    break
                except Exception:  # noqa: BLE001
                    break
                if msg.get("parent_header", {}).get("msg_id") == msg_id and \
                        msg.get("msg_type") == "status" and \
                        msg.get("content", {}).get("execution_state") == "idle":
                    idle_since = time.monotonic()
            if idle_since is not None and time.monotonic() - idle_since > BROKEN_REPLY_WAIT:
                return "idle"

    async def _install_io(self) -> bool:
        """Give the kernel the code that writes its answers as plain data (silently)."""
        from . import wire

        source = Path(wire.__file__).read_text(encoding="utf-8")
        name = wire.KERNEL_MODULE
        code = (f"import sys as __weakties_s, types as __weakties_t\n"
                f"__weakties_m = __weakties_t.ModuleType({name!r})\n"
                f"__weakties_s.modules[{name!r}] = __weakties_m\n"
                f"exec(compile({source!r}, '<weakties-io>', 'exec'), __weakties_m.__dict__)\n"
                f"del __weakties_s, __weakties_t, __weakties_m\n")
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False,
                                 stop_on_error=False)
        reply = await self._shell_reply(msg_id, self.limits.startup_timeout)
        return bool(reply and reply["content"].get("status") == "ok")

    async def _probe(self, expression: str, *, retry: bool = True):
        """Evaluate ``expression`` in the kernel, silently: ``(text, None)`` or ``(None, why)``."""
        if self.gone:
            return None, self.gone
        if self.kc is None:
            return None, "the notebook's kernel did not start"
        process = self._process()
        if process is not None and process.poll() is not None:
            self.gone = "the notebook's kernel stopped"
            return None, self.gone
        timeout = min(self.limits.cell_timeout, self.deadline - time.monotonic())
        if timeout <= 0:
            return None, "the notebook used its whole time budget"
        msg_id = self.kc.execute("", silent=True, store_history=False, allow_stdin=False,
                                 user_expressions={"r": expression}, stop_on_error=False)
        reply = await self._shell_reply(msg_id, timeout, watch=True)
        if reply == "died":
            self.gone = "the notebook's kernel stopped while the grader read an answer or called " \
                        "one of its functions"
            self.notes.append(self.gone)
            return None, self.gone
        if reply == "idle":
            self.notes.append("the notebook's kernel could not send an answer the judge asked for")
            return None, "your notebook could not send this answer to the grader"
        if reply is None:
            try:
                await self.km.interrupt_kernel()
            except Exception:  # noqa: BLE001
                pass
            late = await self._shell_reply(msg_id, self.limits.interrupt_grace)
            why = (f"your code ran longer than {self.limits.cell_timeout:g} s while the grader "
                   "read your answers, and was interrupted")
            self.notes.append(f"code of the notebook ran longer than "
                              f"{self.limits.cell_timeout:g} s when the judge read an answer "
                              "or called a function; it was interrupted")
            if late is None and not await self._responsive():
                self.gone = why + "; the kernel did not stop, so it was stopped"
                await self._stop_kernel_now()
            return None, why
        content = reply.get("content", {})
        result = (content.get("user_expressions") or {}).get("r") or {}
        if content.get("status") != "ok" or result.get("status") != "ok":
            if retry and await self._install_io():
                return await self._probe(expression, retry=False)
            ename = result.get("ename") or content.get("ename") or "an error"
            return None, f"the notebook's kernel could not answer the grader ({ename})"
        text = (result.get("data") or {}).get("text/plain")
        if not isinstance(text, str):
            return None, "the notebook's kernel gave an answer that is not text"
        return text, None

    async def fetch(self, names):
        """The judge asks for the values of ``names`` (see :func:`grader.engine.wire.fetch`)."""
        from .wire import KERNEL_MODULE

        names = [str(n) for n in names][:200]
        return await self._probe(f"__import__('sys').modules[{KERNEL_MODULE!r}]"
                                 f".fetch({names!r})")

    async def call(self, name: str, args: str):
        """The judge calls the student's function ``name`` (see :func:`grader.engine.wire.call`)."""
        from .wire import KERNEL_MODULE

        return await self._probe(f"__import__('sys').modules[{KERNEL_MODULE!r}]"
                                 f".call({str(name)!r}, {str(args)!r})")

    async def _stop_kernel_now(self) -> None:
        process = self._process()
        if process is not None and process.poll() is None:
            self.kill(self.gone or "stopped by the grader")

    def _fail(self, why: str):
        self.status = "kernel_failed"
        self.detail = f"The kernel did not start ({why.rstrip('.')})."

    def _process(self):
        km = self.km
        provisioner = getattr(km, "provisioner", None) if km is not None else None
        return getattr(provisioner, "process", None)

    def _exit_code(self) -> int | None:
        process = self._process()
        if process is None:
            return None
        try:
            return process.wait(timeout=1)
        except Exception:  # noqa: BLE001
            return process.poll()

    def _sandbox_child(self) -> int | None:
        """PID (outside) of the sandbox's first process, from bwrap's status pipe."""
        if self.sandbox_child is not None:
            return self.sandbox_child
        if self.status_read is None:
            return None
        try:
            data = os.read(self.status_read, 65536)
        except (BlockingIOError, OSError):
            return None
        for line in data.decode("utf-8", "replace").splitlines():
            try:
                info = json.loads(line)
            except ValueError:
                continue
            if "child-pid" in info:
                self.sandbox_child = int(info["child-pid"])
                return self.sandbox_child
        return None

    async def stop(self):
        """Kill the kernel at once (no graceful shutdown) and free everything."""
        process = self._process()
        if process is not None and process.poll() is None:
            child = self._sandbox_child()
            try:
                if child is not None:
                    # The sandbox's first process: killing it ends its PID namespace,
                    # then bwrap exits, so nothing inside outlives this call.
                    os.kill(child, signal.SIGKILL)
                    try:
                        process.wait(timeout=2)
                    except Exception:  # noqa: BLE001
                        pass
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                process.wait(timeout=5)
            except Exception:  # noqa: BLE001
                pass
        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:  # noqa: BLE001
                pass
        if self.km is not None:
            try:
                await self.km.cleanup_resources()
            except Exception:  # noqa: BLE001
                pass
        if self.status_read is not None:
            os.close(self.status_read)
            self.status_read = None
        self.context.destroy(linger=0)
        shutil.rmtree(self.private, ignore_errors=True)

    # -- cells ---------------------------------------------------------------

    def _mark_rest(self, after: int, why: str):
        for cell in self.nb.cells[after + 1:]:
            if cell.get("cell_type") == "code" and cell.source.strip():
                cell.outputs.append(_error_output("CellNotRunError", f"this cell did not run: {why}"))

    def _not_run(self, index: int) -> str:
        """'; N later code cells did not run' (empty when none; the judge's tests not counted)."""
        tests = self.judge.tests if self.judge is not None else set()
        later = sum(1 for i, c in enumerate(self.nb.cells[index + 1:], start=index + 1)
                    if c.get("cell_type") == "code" and c.source.strip() and i not in tests)
        if not later:
            return ""
        return f"; {_plural(later, 'later code cell')} did not run"

    async def _responsive(self, timeout: float = 1.0) -> bool:
        """Does the kernel answer on its shell channel (so it is not stuck in a cell)?"""
        from queue import Empty

        try:
            msg_id = self.kc.kernel_info()
            deadline = time.monotonic() + timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                reply = await self.kc.shell_channel.get_msg(timeout=remaining)
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    return True
        except (Empty, asyncio.TimeoutError):
            return False
        except Exception:  # noqa: BLE001 - a closed channel: not responsive
            return False

    def _usage(self) -> tuple[int, int]:
        """Bytes and entries the kernel can write: working folder, connection folder,
        private /tmp and /dev/shm (links not followed)."""
        size = count = 0
        stack = [str(self.workdir), *(str(self.private / n) for n in ("conn", "tmp", "shm"))]
        while stack:
            try:
                entries = list(os.scandir(stack.pop()))
            except OSError:
                continue
            for entry in entries:
                count += 1
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                size += st.st_blocks * 512
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
        return size, count

    def kill(self, reason: str):
        """Stop the kernel now (from the disk watchdog); the running cell sees a dead kernel."""
        self.kill_reason = reason
        process = self._process()
        if process is None or process.poll() is not None:
            return
        child = self._sandbox_child() if self.sandboxed else None
        try:
            if child is not None:
                self.sandbox_child = child
                os.kill(child, signal.SIGKILL)
            else:
                os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    async def watch_disk(self):
        base_size, base_count = await asyncio.to_thread(self._usage)
        max_size = base_size + self.limits.disk_mb * 1024 * 1024
        max_count = base_count + self.limits.disk_files
        while True:
            await asyncio.sleep(0.5)
            size, count = await asyncio.to_thread(self._usage)
            if size > max_size or count > max_count:
                what = (f"more than {self.limits.disk_mb:g} MB" if size > max_size
                        else f"more than {self.limits.disk_files} files and folders")
                where = "its working folder and /tmp" if self.sandboxed else "its working folder"
                self.kill(f"it wrote {what} in {where}, over its disk limit")
                return

    async def run_cells(self):
        watchdog = asyncio.ensure_future(self.watch_disk())
        try:
            await self._run_cells()
        finally:
            watchdog.cancel()

    async def judge_test(self, index: int, cell) -> None:
        """Let the judge run the test cell ``index``; its outputs become the cell's."""
        outcome = await self.session.run_test(index, self,
                                              timeout=self.limits.cell_timeout * 2 + 30)
        self.outcomes[index] = outcome
        if outcome.setup_error and not self.judge_error:
            self.judge_error = outcome.setup_error
        cell.outputs = [nbformat.from_dict(o) for o in outcome.outputs]
        cell.execution_count = None

    async def _wait_cell(self, client, task, deadline):
        """Wait for a cell; ``"broken"`` when the kernel went idle but never replied."""
        idle_since = None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "budget"
            done, _ = await asyncio.wait({task}, timeout=min(0.5, remaining))
            if done:
                return "done"
            if client.idle_seen and not client.timed_out:
                idle_since = idle_since or time.monotonic()
                if time.monotonic() - idle_since > BROKEN_REPLY_WAIT:
                    return "broken"

    async def _run_cells(self):
        client = _Client(self.nb, self.km, limits=self.limits)
        client.kc = self.kc
        deadline = time.monotonic() + self.limits.notebook_timeout
        self.deadline = deadline
        tests = self.judge.tests if self.judge is not None else set()
        count = 0
        for index, cell in enumerate(self.nb.cells):
            if cell.get("cell_type") != "code" or not cell.source.strip():
                continue
            if index in tests:
                await self.judge_test(index, cell)
                continue
            if self.gone:
                continue            # the kernel is gone: the rest is marked not run
            name = _cell_name(self.nb, index)
            client.start_cell()
            task = asyncio.ensure_future(
                client.async_execute_cell(cell, index, execution_count=count + 1))
            waited = await self._wait_cell(client, task, deadline)
            if waited == "broken":
                task.cancel()
                try:
                    await task
                except BaseException:  # noqa: BLE001
                    pass
                self.gone = ("the notebook broke the kernel's output (for example with "
                             "`sys.stdout = None`), so it could no longer run cells")
                await self._stop_kernel_now()
                cell.outputs.append(_error_output(
                    "KernelDiedError", f"this cell could not run: {self.gone}"))
                self.status = "kernel_died"
                self.detail = (f"When {name} was sent, the kernel no longer answered: "
                               f"{self.gone}; it was stopped{self._not_run(index)}.")
                self._mark_rest(index, "the kernel was stopped before it")
                continue
            done = waited == "done"
            if not done:
                task.cancel()
                try:
                    await task
                except BaseException:  # noqa: BLE001 - nbclient turns the cancel into DeadKernelError
                    pass
                budget = f"{self.limits.notebook_timeout:g} s"
                cell.outputs.append(_error_output(
                    "NotebookTimeoutError",
                    f"the notebook used its whole time budget of {budget} while this cell was running"))
                self.status = "notebook_timeout"
                self.detail = (f"The notebook used its whole time budget of {budget} during "
                               f"{name}{self._not_run(index)}.")
                self._mark_rest(index, "the notebook ran out of time before it")
                self.gone = "the notebook used its whole time budget"
                continue
            try:
                task.result()
            except (DeadKernelError, asyncio.CancelledError):
                why = self.kill_reason or _exit_reason(self._exit_code(), self.limits,
                                                       self.sandboxed)
                cell.outputs.append(_error_output(
                    "KernelDiedError", f"the kernel stopped while this cell was running ({why})"))
                self.status = "kernel_died"
                self.detail = f"The kernel stopped while running {name} ({why}){self._not_run(index)}."
                self._mark_rest(index, "the kernel stopped before it")
                self.gone = f"the kernel stopped ({why})"
                continue
            except CellTimeoutError:   # not raised with interrupt_on_timeout; kept for safety
                client.timed_out = True
            count += 1
            self.cells_run = count
            if client.timed_out:
                self.timeouts.append(index)
                cell.outputs.append(_error_output(
                    "CellTimeoutError",
                    f"this cell ran longer than {self.limits.cell_timeout:g} s and was interrupted"))
                if not client.idle_seen and not await self._responsive():
                    self.status = "cell_timeout"
                    self.detail = (f"{name.capitalize()} ran longer than "
                                   f"{self.limits.cell_timeout:g} s and did not stop when "
                                   f"interrupted, so the kernel was stopped{self._not_run(index)}.")
                    self._mark_rest(index, "the kernel was stopped before it")
                    self.gone = "the kernel was stopped after a cell that did not end"
                continue
            if not client.idle_seen:
                client.iopub_wait = min(client.iopub_wait, 1.0)
                cell.outputs.append(nbformat.v4.new_output(
                    "stream", name="stderr",
                    text="\n[Some output of this cell may be missing: a message from the kernel "
                         "was too large or did not arrive.]\n"))
            # The reply, not the outputs, says whether the cell failed: outputs can be
            # lost (a dropped connection) or dropped (the output budget).
            reply = (client.reply or {}).get("content", {})
            if reply.get("status") == "error" and not any(
                    o.get("output_type") == "error" for o in cell.outputs):
                content = _shorten_error(dict(reply))
                cell.outputs.append(nbformat.v4.new_output(
                    "error", ename=str(content.get("ename", "Error")),
                    evalue=str(content.get("evalue", "")),
                    traceback=[str(t) for t in content.get("traceback") or []]))
        try:
            client.set_widgets_metadata()
        except Exception:  # noqa: BLE001 - widget state is a nicety
            pass
        if self.status == "ok" and self.timeouts:
            self.status = "cell_timeout"
            more = len(self.timeouts) - 1
            self.detail = (f"{_cell_name(self.nb, self.timeouts[0]).capitalize()} ran longer "
                           f"than {self.limits.cell_timeout:g} s and was interrupted"
                           + (f", and {_plural(more, 'other cell')} too" if more else "")
                           + ("; the later cells still ran." if self._not_run(self.timeouts[0])
                              else "."))
        if client.truncated and self.status != "ok":
            self.detail += (f" It also printed more than {self.limits.output_mb:g} MB; "
                            "the rest of its output was dropped.")


async def _execute_async(nb, workdir, learner_file, limits, sandboxed,
                         judge=None) -> tuple[_Run, float]:
    from .judge import JudgeSession, JudgeUnavailable

    start = time.monotonic()
    run = _Run(nb, workdir, learner_file, limits, sandboxed, judge)
    if not any(c.get("cell_type") == "code" and c.source.strip() for c in nb.cells):
        await run.stop()
        return run, time.monotonic() - start
    try:
        if judge is not None:
            # Opened first: the judge runs the exercise's setup while the kernel starts.
            run.session = JudgeSession(judge)
            try:
                await run.session.open()
            except JudgeUnavailable as exc:
                run.status, run.detail = "kernel_failed", f"The judge could not start ({exc})."
                return run, time.monotonic() - start
        if await run.start():
            await run.run_cells()
        else:
            for index, cell in enumerate(nb.cells):
                if cell.get("cell_type") == "code" and cell.source.strip():
                    cell.outputs.append(_error_output(
                        "CellNotRunError", "this cell did not run: the kernel did not start"))
    finally:
        await run.stop()
        if run.session is not None:
            await run.session.close()
    return run, time.monotonic() - start


def _run_coroutine(factory):
    """Run a coroutine to completion in this thread, or in a helper thread if a loop runs here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()


def execute(notebook, workdir, *, learner_id: str | None = None, limits: Limits = Limits(),
            sandbox: bool = True, judge=None) -> Execution:
    """Run every code cell of ``notebook`` in a fresh kernel working in ``workdir``.

    Parameters
    ----------
    notebook : nbformat.NotebookNode, dict or path
        The notebook to run (not modified: a copy is executed). Outputs it
        carries are cleared first.
    workdir : path
        A private folder holding the submission's files, outside the course
        folder. The kernel works there and, sandboxed, can write nowhere else
        (and in a private ``/tmp``). Do not put in it anything the student
        must not read (the notebook with hidden tests, other submissions).
    learner_id : str, optional
        Written to ``workdir/.weakties-learner`` (replacing any such file or
        link in the submission, never following it), which the exercise code
        reads to build the learner's own data; read-only to the sandboxed
        kernel. Without it, a regular ``.weakties-learner`` already in the
        folder is kept, read-only too: pass the id when grading.
    limits : Limits
        Time, CPU, memory, file and output limits.
    sandbox : bool
        Run the kernel in the bubblewrap sandbox (default). ``False`` runs an
        ordinary local kernel, with the same limits and timeouts but no
        isolation: only for submissions one trusts.
    judge : grader.engine.judge.JudgePlan, optional
        The test cells it names are not sent to the kernel: the judge runs
        them (see the module documentation); ``Execution.outcomes`` holds
        what it said about each.

    Returns
    -------
    Execution
        The executed notebook, a status, a sentence for the instructor, the
        time taken and the number of cells that ran.

    Raises
    ------
    SandboxUnavailable
        ``sandbox=True`` and :func:`sandbox_problem` reports a problem.
    ValueError, TypeError
        ``workdir`` is not a folder, ``learner_id`` is not a valid id, or
        ``notebook`` is not a notebook.

    Examples
    --------
    >>> import nbformat, tempfile
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    >>> result = execute(nb, tempfile.mkdtemp(), sandbox=False)  # doctest: +SKIP
    >>> result.status, result.notebook.cells[0].outputs[0].text  # doctest: +SKIP
    ('ok', '42\\n')
    """
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be a grader.engine.execute.Limits, not {type(limits).__name__}.")
    folder = Path(workdir)
    if not folder.is_dir():
        raise ValueError(f"the working folder {folder} does not exist or is not a folder: "
                         "copy the submission's files into a new folder and pass that.")
    folder = folder.resolve()
    if sandbox:
        problem = sandbox_problem()
        if problem is not None:
            raise SandboxUnavailable(problem)
        _sandbox.prepare()
    _sweep_stale_folders()
    nb = _prepare_notebook(notebook)
    learner_file = None
    if learner_id is not None:
        learner_file = _write_learner_file(folder, learner_id)
    else:
        candidate = folder / LEARNER_FILE
        if candidate.is_file() and not candidate.is_symlink():
            learner_file = candidate
    run, seconds = _run_coroutine(
        lambda: _execute_async(nb, folder, learner_file, limits, bool(sandbox), judge))
    return Execution(notebook=run.nb, status=run.status, detail=run.detail,
                     seconds=seconds, cells_run=run.cells_run, outcomes=run.outcomes,
                     judge_error=run.judge_error, notes=list(dict.fromkeys(run.notes)))
