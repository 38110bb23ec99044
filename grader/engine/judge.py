"""The judge, seen from the grader: start it, open a session per notebook, run each test there.

The hidden tests of an exercise never run where the student's code ran.
:class:`JudgeServer` starts the judge process (:mod:`grader.engine.judge_process`,
sandboxed unless grading runs with ``--unsafe-no-sandbox``) once per grading
process; the autograde batch starts it before its workers are forked, and
every worker connects to it. For each notebook, :class:`JudgePlan` says
which cells the judge runs (the locked cells of the source, and its tests),
for which learner and with which trusted files; the executor
(:func:`grader.engine.execute.execute`) opens a :class:`JudgeSession` and, at
each test cell, lets the judge run the test while it answers the judge's
questions about the student's notebook from the student's kernel (see
:mod:`grader.engine.wire` for the only form those answers can take).

Examples
--------
>>> plan = JudgePlan(server=None, learner_id="alice", cells=[
...     {"index": 2, "kind": "locked", "source": "x = 1"},
...     {"index": 5, "kind": "test", "source": "assert answer == x"}])
>>> sorted(plan.tests)
[5]
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["JudgeServer", "JudgeUnavailable", "JudgePlan", "JudgeSession", "TestOutcome",
           "shared_server"]

MAX_FRAME = 64 * 1024 * 1024
LEARNER_FILE = ".weakties-learner"


class JudgeUnavailable(RuntimeError):
    """The judge process could not be started or stopped answering; the message says why."""


@dataclass
class TestOutcome:
    """What the judge said about one test cell."""

    index: int
    passed: bool
    outputs: list
    setup_error: str | None = None


def _clean_outputs(outputs) -> list:
    """The judge's outputs, kept only in the three forms it writes (defence in depth)."""
    kept = []
    for out in outputs if isinstance(outputs, list) else []:
        if not isinstance(out, dict):
            continue
        kind = out.get("output_type")
        if kind == "stream" and isinstance(out.get("text"), str):
            kept.append({"output_type": "stream", "name": "stdout", "text": out["text"]})
        elif kind == "error":
            ename, evalue = str(out.get("ename", "Error"))[:80], str(out.get("evalue", ""))[:4000]
            kept.append({"output_type": "error", "ename": ename, "evalue": evalue,
                         "traceback": [f"{ename}: {evalue}"]})
        elif kind == "execute_result" and isinstance(out.get("data"), dict):
            text = out["data"].get("text/plain")
            if isinstance(text, str):
                kept.append({"output_type": "execute_result", "execution_count": None,
                             "metadata": {}, "data": {"text/plain": text[:1000]}})
    return kept


class JudgeServer:
    """The judge process: started once, it forks a fresh child for each notebook.

    Parameters
    ----------
    sandbox : bool
        Run it in bubblewrap (default; :func:`grader.engine.sandbox.judge_command`).
    memory_mb : int
        Address-space limit of the judge and of each child.
    startup_timeout : float
        Longest wait for it to be ready (it imports the library first).
    """

    def __init__(self, *, sandbox: bool = True, memory_mb: int = 4096,
                 startup_timeout: float = 120.0):
        self.sandbox = sandbox
        self.memory_mb = memory_mb
        self.startup_timeout = startup_timeout
        self.folder: Path | None = None
        self.process = None
        self.owner = None
        self.ready = False

    @property
    def socket_path(self) -> str:
        return str(self.folder / "judge.sock")

    def start(self) -> "JudgeServer":
        """Start the judge and wait until it is ready (:meth:`launch`, then :meth:`wait_ready`)."""
        return self.launch().wait_ready()

    def launch(self) -> "JudgeServer":
        """Start the judge process without waiting for it.

        It imports the library first (about a second of one core); the caller
        does its own work meanwhile and calls :meth:`wait_ready` before anyone
        connects. Raises :class:`JudgeUnavailable` if the process cannot start.
        """
        from . import sandbox as _sandbox

        if self.process is not None:
            return self
        self.folder = Path(tempfile.mkdtemp(prefix="judge-"))
        os.chmod(self.folder, 0o700)
        (self.folder / "sessions").mkdir()
        private = Path(tempfile.mkdtemp(prefix="judge-private-"))
        self.private = private
        argv = [_sandbox.PYTHON, "-c",
                "import resource, runpy, sys\n"
                f"limit = {int(self.memory_mb) * 1024 * 1024}\n"
                "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
                "resource.setrlimit(resource.RLIMIT_CORE, (0, 0))\n"
                "sys.argv = ['judge', '--socket', sys.argv[1]]\n"
                "runpy.run_module('grader.engine.judge_process', run_name='__main__')\n",
                self.socket_path]
        log = open(private / "judge.log", "wb")
        pass_fds: tuple = ()
        read = None
        try:
            if self.sandbox:
                read, write = os.pipe()
                os.write(write, _sandbox.seccomp_filter(allow_fork=True))
                os.close(write)
                pass_fds = (read,)
                cmd = _sandbox.judge_command(argv, folder=self.folder, private=private,
                                             seccomp_fd=read)
                env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
            else:
                cmd = argv
                env = {k: v for k, v in os.environ.items()
                       if not k.startswith(("NBGRADER", "JPY_", "JUPYTER", "JUPYTERHUB"))}
                env.update({"MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1",
                            "OMP_NUM_THREADS": "1", "PYTHONPATH": str(
                                Path(__file__).resolve().parents[2])})
            self.process = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                pass_fds=pass_fds, env=env, cwd=str(self.folder), start_new_session=True)
        except OSError as exc:
            for folder in (self.folder, private):
                shutil.rmtree(folder, ignore_errors=True)
            raise JudgeUnavailable(f"the judge process could not be started ({exc})") from None
        finally:
            log.close()
            if read is not None:
                os.close(read)
        self.owner = os.getpid()
        self.ready = False
        return self

    def wait_ready(self) -> "JudgeServer":
        """Wait until the launched judge accepts sessions; :class:`JudgeUnavailable` if it
        stopped or did not get ready in ``startup_timeout`` seconds (it is then stopped)."""
        if self.process is None:
            raise JudgeUnavailable("the judge process was not started")
        if self.ready:
            return self
        line = self._ready_line()
        if line != b"ready\n":
            tail = (self.private / "judge.log").read_bytes()[-2000:].decode("utf-8", "replace")
            self.stop()
            raise JudgeUnavailable("the judge process did not start"
                                   + (f": {tail.strip().splitlines()[-1]}" if tail.strip()
                                      else ""))
        self.ready = True
        return self

    def _ready_line(self) -> bytes:
        result: list = []

        def read():
            try:
                result.append(self.process.stdout.readline())
            except Exception:  # noqa: BLE001
                result.append(b"")

        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        thread.join(self.startup_timeout)
        return result[0] if result else b""

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """Stop the judge and remove its folders (only in the process that started it)."""
        if self.process is None or self.owner not in (None, os.getpid()):
            return
        # The judge keeps nothing worth a graceful exit (tearing down its imports takes
        # a third of a second); its sessions are over when the grader stops it.
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            pass
        self.process.wait()
        self.process = None
        for folder in (self.folder, getattr(self, "private", None)):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    def session_folder(self, learner_id: str | None, files=()) -> Path:
        """A new folder for one notebook: the trusted files, and the learner id file."""
        folder = Path(tempfile.mkdtemp(prefix="s-", dir=self.folder / "sessions"))
        for rel, path in files:
            dest = folder / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
        if learner_id is not None:
            (folder / LEARNER_FILE).write_text(learner_id, encoding="utf-8")
        os.chmod(folder, 0o700)
        return folder


_shared: dict = {}
_shared_lock = threading.Lock()


def shared_server(*, sandbox: bool = True) -> JudgeServer:
    """A judge server for this process, started on first use and stopped at exit."""
    with _shared_lock:
        server = _shared.get(sandbox)
        if server is None or not server.alive() or server.owner != os.getpid():
            server = JudgeServer(sandbox=sandbox).start()
            _shared[sandbox] = server
            atexit.register(server.stop)
        return server


@dataclass
class JudgePlan:
    """What the judge runs for one notebook.

    ``cells``: ``{"index", "kind", "source"}`` for every locked code cell of
    the source (``"locked"``) and every test cell (``"test"``), with their
    index in the notebook the executor runs. ``files``: ``(relative name,
    path)`` of the assignment's trusted files (never the student's).
    """

    server: JudgeServer | None
    learner_id: str | None
    cells: list
    files: list = field(default_factory=list)
    cpu_seconds: float = 30.0

    @property
    def tests(self) -> set:
        return {c["index"] for c in self.cells if c["kind"] == "test"}


class JudgeSession:
    """One notebook's conversation with the judge (asyncio; in the executor's loop)."""

    def __init__(self, plan: JudgePlan):
        self.plan = plan
        self.reader = self.writer = None
        self.folder: Path | None = None
        self.broken: str | None = None

    async def open(self) -> None:
        server = self.plan.server
        if server is None:
            raise JudgeUnavailable("no judge server")
        self.folder = server.session_folder(self.plan.learner_id, self.plan.files)
        try:
            self.reader, self.writer = await asyncio.open_unix_connection(
                server.socket_path, limit=MAX_FRAME)
        except OSError as exc:
            raise JudgeUnavailable(f"the judge cannot be reached ({exc})") from None
        await self._send({"op": "open", "folder": str(self.folder), "cells": self.plan.cells,
                          "cpu_seconds": self.plan.cpu_seconds})

    async def _send(self, message: dict) -> None:
        data = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.writer.write(struct.pack(">I", len(data)) + data)
        await self.writer.drain()

    async def _recv(self, timeout: float) -> dict:
        header = await asyncio.wait_for(self.reader.readexactly(4), timeout)
        (size,) = struct.unpack(">I", header)
        if size > MAX_FRAME:
            raise JudgeUnavailable("the judge sent a frame larger than allowed")
        data = await asyncio.wait_for(self.reader.readexactly(size), timeout)
        message = json.loads(data.decode("utf-8"))
        if not isinstance(message, dict):
            raise JudgeUnavailable("the judge sent something that is not a message")
        return message

    async def run_test(self, index: int, kernel, timeout: float) -> TestOutcome:
        """Run the test at ``index``; ``kernel`` answers the judge's questions.

        ``kernel`` has ``async fetch(names) -> (text | None, why)`` and
        ``async call(name, args) -> (text | None, why)``. ``timeout`` bounds
        the judge's own silence (the kernel's answers have their own limits).
        """
        if self.broken:
            return TestOutcome(index, False, [], self.broken)
        try:
            await self._send({"op": "test", "index": index})
            while True:
                started = time.monotonic()
                message = await self._recv(timeout)
                op = message.get("op")
                if op == "done":
                    return TestOutcome(index, bool(message.get("passed")),
                                       _clean_outputs(message.get("outputs")),
                                       message.get("setup_error"))
                if op == "need":
                    names = [n for n in message.get("names", []) if isinstance(n, str)]
                    text, why = await kernel.fetch(names)
                elif op == "call" and isinstance(message.get("name"), str) \
                        and isinstance(message.get("args"), str):
                    text, why = await kernel.call(message["name"], message["args"])
                else:
                    raise JudgeUnavailable(f"the judge sent an unexpected {op!r}")
                reply = {"op": "data", "text": text} if text is not None else \
                    {"op": "data", "unavailable": why or "the notebook did not answer"}
                await self._send(reply)
                timeout = max(timeout, time.monotonic() - started)
        except (asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError,
                ValueError, JudgeUnavailable) as exc:
            why = ("the judge did not answer in time" if isinstance(exc, asyncio.TimeoutError)
                   else f"the judge stopped ({type(exc).__name__}: {exc})")
            self.broken = why
            return TestOutcome(index, False, [], why)

    async def close(self) -> None:
        if self.writer is not None:
            try:
                await self._send({"op": "close"})
                self.writer.close()
                await self.writer.wait_closed()
            except Exception:  # noqa: BLE001
                pass
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run the judge with `python -m grader.engine.judge_process`")
