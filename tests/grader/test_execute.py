"""grader.engine.execute: statuses, limits, outputs and the sandbox check.

Most tests run the ordinary local kernel (``sandbox=False``) so that they run
everywhere; the behaviour they check is the same inside the sandbox, and the
tests parametrised with ``sandboxed`` run both ways (the sandboxed half is
skipped without bubblewrap). Attacks on the sandbox itself are in
``test_sandbox.py``.
"""

from __future__ import annotations

import concurrent.futures
import copy
import errno
import os
import resource
import stat
import struct

import nbformat
import pytest
from sandbox_cases import FAST, all_text, errors, notebook, text

import grader.engine.execute as execute_module
from grader.engine import sandbox as sandbox_module
from grader.engine.execute import (STATUSES, Execution, Limits, SandboxUnavailable, execute,
                            sandbox_problem)

MODES = [pytest.param(False, id="plain"),
         pytest.param(True, id="sandboxed", marks=pytest.mark.sandbox)]

HONEST = [
    "import numpy as np\nimport pandas as pd\nimport networkx as nx\n"
    "import matplotlib.pyplot as plt\nimport weakties\nfrom weakties.learner import learner_id",
    "me = learner_id()\nG = weakties.population(250, seed=me)\n"
    "print(me, G.number_of_nodes(), G.number_of_edges())",
    "ego = max(G.nodes, key=G.degree)\nreport = weakties.ego_report(G, ego)\n"
    "print(report.size == G.degree(ego), round(nx.density(G), 4))",
    "frame = pd.DataFrame({'strength': [G.edges[ego, v]['strength'] for v in G[ego]]})\n"
    "print(len(frame), round(float(frame.strength.mean()), 4))",
    "fig, ax = plt.subplots()\nax.hist(frame.strength)\nax.set_title('ties')\n"
    "fig.savefig('ties.png')\nprint(plt.get_backend())",
]


# ---------------------------------------------------------------------------
# An honest notebook, both ways
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("sandboxed", MODES)
def test_honest_notebook_runs_on_the_learners_own_data(tmp_path, sandboxed):
    result = execute(notebook(*HONEST), tmp_path, learner_id="chloe.martin",
                     sandbox=sandboxed, limits=FAST)
    assert isinstance(result, Execution)
    assert (result.status, result.detail, result.cells_run) == ("ok", "", len(HONEST))
    assert not any(errors(c) for c in result.notebook.cells)
    # The same numbers as the learner's population built here, outside any kernel.
    import networkx as nx

    import weakties
    G = weakties.population(250, seed="chloe.martin")
    ego = max(G.nodes, key=G.degree)
    mean = sum(G.edges[ego, v]["strength"] for v in G[ego]) / G.degree(ego)
    assert text(result.notebook.cells[1]).split() == [
        "chloe.martin", "250", str(G.number_of_edges())]
    assert text(result.notebook.cells[2]).split() == ["True", str(round(nx.density(G), 4))]
    assert text(result.notebook.cells[3]).split() == [str(G.degree(ego)), str(round(mean, 4))]
    assert text(result.notebook.cells[4]).strip().lower() == "agg"
    assert (tmp_path / "ties.png").stat().st_size > 1000
    assert result.seconds > 0


# ---------------------------------------------------------------------------
# Outputs and cells
# ---------------------------------------------------------------------------


def test_failing_cells_are_recorded_and_later_cells_still_run(tmp_path):
    nb = notebook("x = 1", "1 / 0", "", "print(x + 1)")
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("# A heading"))
    result = execute(nb, tmp_path, sandbox=False, limits=FAST)
    cells = result.notebook.cells
    assert result.status == "ok"
    assert errors(cells[2]) == ["ZeroDivisionError"]
    assert text(cells[4]).strip() == "2"
    assert result.cells_run == 3        # the empty cell is not run
    assert [c.get("execution_count") for c in cells if c.cell_type == "code"] == [1, 2, None, 3]


def test_input_is_not_modified_and_stored_outputs_are_cleared(tmp_path):
    nb = notebook("print('fresh')", "import os\nos._exit(3)", "assert False")
    # A submission that stores a passing-looking output in a cell that will not run.
    for cell in nb.cells:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="FAKE PASS\n")]
    original = copy.deepcopy(nb)
    result = execute(nb, tmp_path, sandbox=False, limits=FAST)
    assert nb == original
    assert "FAKE PASS" not in all_text(result.notebook)
    assert text(result.notebook.cells[0]).strip() == "fresh"
    assert errors(result.notebook.cells[2]) == ["CellNotRunError"]


def test_empty_notebook_needs_no_kernel(tmp_path, monkeypatch):
    nb = notebook("", "   ")
    nb.cells.append(nbformat.v4.new_markdown_cell("text"))

    async def no_kernel(self):
        raise AssertionError("a kernel was started for a notebook without code")

    monkeypatch.setattr(execute_module._Run, "start", no_kernel)
    result = execute(nb, tmp_path, sandbox=False)
    assert (result.status, result.cells_run) == ("ok", 0)


def test_notebook_can_be_given_as_a_path(tmp_path):
    path = tmp_path / "exercise.ipynb"
    nbformat.write(notebook("print(2 + 2)"), path)
    result = execute(path, tmp_path, sandbox=False, limits=FAST)
    assert text(result.notebook.cells[0]).strip() == "4"


def test_output_flood_is_capped(tmp_path):
    nb = notebook("while True:\n    print('x' * 200)", "print('next cell')")
    result = execute(nb, tmp_path, sandbox=False,
                     limits=Limits(cell_timeout=1.5, output_mb=1, interrupt_grace=2))
    assert result.status == "cell_timeout"
    size = len(all_text(result.notebook))
    assert size < 1024**2 + 2 * execute_module.CELL_ALLOWANCE
    assert "Output dropped" in all_text(result.notebook)
    assert "next cell" in text(result.notebook.cells[1])   # later cells keep a little output
    assert "MB" in result.detail


def test_failure_is_read_from_the_reply_when_outputs_are_lost(tmp_path, monkeypatch):
    # The submission silences the kernel's output channel, hoping that a failing
    # test cell then shows no error and counts as passed.
    monkeypatch.setattr(execute_module, "IOPUB_WAIT", 1.0)
    nb = notebook("get_ipython().kernel.iopub_thread.socket.close()", "assert 1 == 2, 'hidden test'",
                  "x = 1")
    result = execute(nb, tmp_path, sandbox=False, limits=FAST)
    cells = result.notebook.cells
    assert errors(cells[1]) == ["AssertionError"]
    assert errors(cells[2]) == []
    assert "may be missing" in text(cells[1])


# ---------------------------------------------------------------------------
# Timeouts and dead kernels
# ---------------------------------------------------------------------------


def test_endless_loop_is_interrupted_and_later_cells_run(tmp_path):
    nb = notebook("print('before')", "while True:\n    pass", "print('after')")
    result = execute(nb, tmp_path, sandbox=False,
                     limits=Limits(cell_timeout=1.5, interrupt_grace=2))
    cells = result.notebook.cells
    assert result.status == "cell_timeout"
    assert result.detail.startswith("Cell 2 ran longer than 1.5 s")
    assert "CellTimeoutError" in errors(cells[1])
    assert text(cells[2]).strip() == "after"
    assert result.cells_run == 3


def test_interrupt_ignoring_loop_stops_the_kernel_quickly(tmp_path):
    # In the same cell: ipykernel restores its SIGINT handler before each cell.
    nb = notebook("print('first')", "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                  "while True:\n    pass", *["print('never')"] * 20)
    result = execute(nb, tmp_path, sandbox=False,
                     limits=Limits(cell_timeout=1, interrupt_grace=1, notebook_timeout=60))
    assert result.status == "cell_timeout"
    assert "did not stop when interrupted" in result.detail
    assert "20 later code cells did not run" in result.detail
    # Not one timeout per remaining cell: the kernel was stopped, the rest never sent to it.
    assert result.cells_run == 2
    assert all(errors(c) == ["CellNotRunError"] for c in result.notebook.cells[2:])


def test_notebook_budget_bounds_many_slow_cells(tmp_path):
    nb = notebook(*["import time\ntime.sleep(1.5)"] * 8)
    result = execute(nb, tmp_path, sandbox=False,
                     limits=Limits(cell_timeout=2, notebook_timeout=2.5))
    assert result.status == "notebook_timeout"
    assert result.detail.startswith("The notebook used its whole time budget of 2.5 s during cell 2")
    assert result.cells_run == 1
    assert errors(result.notebook.cells[1]) == ["NotebookTimeoutError"]
    assert all(errors(c) == ["CellNotRunError"] for c in result.notebook.cells[2:])


@pytest.mark.parametrize("sandboxed", MODES)
def test_cpu_limit_stops_the_kernel(tmp_path, sandboxed):
    nb = notebook("print('started')", "while True:\n    pass")
    result = execute(nb, tmp_path, sandbox=sandboxed,
                     limits=Limits(cpu_seconds=2, cell_timeout=30))
    assert result.status == "kernel_died"
    assert "CPU time limit of 2 s" in result.detail
    assert text(result.notebook.cells[0]).strip() == "started"


def test_kernel_exit_is_reported_with_earlier_outputs(tmp_path):
    nb = notebook("print('kept')", "import os\nos._exit(1)", "print('never')")
    result = execute(nb, tmp_path, sandbox=False, limits=FAST)
    assert result.status == "kernel_died"
    assert result.detail == ("The kernel stopped while running cell 2 (it exited with status 1, "
                             "for example by os._exit or sys.exit in a cell); 1 later code cell "
                             "did not run.")
    assert text(result.notebook.cells[0]).strip() == "kept"
    assert errors(result.notebook.cells[1]) == ["KernelDiedError"]


def test_kernel_that_cannot_start_is_kernel_failed(tmp_path):
    result = execute(notebook("print(1)"), tmp_path, sandbox=False,
                     limits=Limits(memory_mb=8, startup_timeout=20))
    assert result.status == "kernel_failed"
    assert result.detail.startswith("The kernel did not start (")
    assert errors(result.notebook.cells[0]) == ["CellNotRunError"]
    assert result.cells_run == 0


def test_cell_names_use_nbgrader_grade_ids(tmp_path):
    nb = notebook("print(1)", "import os\nos.kill(os.getpid(), 9)")
    nb.cells[1].metadata["nbgrader"] = {"grade_id": "task-2-tests", "grade": True, "points": 2}
    result = execute(nb, tmp_path, sandbox=False, limits=FAST)
    assert "cell 2 ('task-2-tests')" in result.detail
    assert "signal 9 (SIGKILL)" in result.detail


# ---------------------------------------------------------------------------
# Limits, learner file, concurrency
# ---------------------------------------------------------------------------


def test_limits_reach_the_kernel(tmp_path):
    limits = Limits(memory_mb=3000, cpu_seconds=123, file_size_mb=7, open_files=200)
    nb = notebook("import resource as r\nfor name in ('RLIMIT_AS', 'RLIMIT_CPU', 'RLIMIT_FSIZE',"
                  " 'RLIMIT_NOFILE', 'RLIMIT_CORE'):\n    print(*r.getrlimit(getattr(r, name)))")
    result = execute(nb, tmp_path, sandbox=False, limits=limits)
    mb = 1024 * 1024
    assert text(result.notebook.cells[0]).split("\n")[:5] == [
        f"{3000 * mb} {3000 * mb}", "123 124", f"{7 * mb} {7 * mb}", "200 200", "0 0"]


@pytest.mark.parametrize("sandboxed", MODES)
def test_grading_kernel_starts_without_its_debugger(tmp_path, sandboxed):
    # The launcher keeps ipykernel from importing debugpy (start-up cost only).
    nb = notebook("import sys\nprint(sys.modules.get('debugpy', 'absent'))\n"
                  "from ipykernel.debugger import _is_debugpy_available\n"
                  "print(_is_debugpy_available)",
                  "try:\n    import debugpy\nexcept ImportError:\n    print('no debugpy')")
    result = execute(nb, tmp_path, sandbox=sandboxed, limits=FAST)
    assert result.status == "ok", result.detail
    assert text(result.notebook.cells[0]).split() == ["None", "False"]
    assert text(result.notebook.cells[1]).strip() == "no debugpy"


@pytest.mark.parametrize("bad", [{"cell_timeout": 0}, {"memory_mb": -1},
                                 {"open_files": "many"}, {"notebook_timeout": True}])
def test_limits_must_be_positive_numbers(bad):
    name = next(iter(bad))
    with pytest.raises(ValueError, match=f"Limits.{name} must be a positive number"):
        Limits(**bad)


def test_learner_file_replaces_the_submissions_own(tmp_path):
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("keep me")
    work = tmp_path / "work"
    work.mkdir()
    (work / ".weakties-learner").symlink_to(victim)
    nb = notebook("from weakties.learner import learner_id\nprint(learner_id())")
    result = execute(nb, work, learner_id="eve", sandbox=False, limits=FAST)
    assert text(result.notebook.cells[0]).strip() == "eve"
    assert victim.read_text() == "keep me"
    learner = work / ".weakties-learner"
    assert not learner.is_symlink() and learner.read_text() == "eve"
    assert not stat.S_IMODE(learner.stat().st_mode) & 0o222


def test_callers_mistakes_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="does not exist or is not a folder"):
        execute(notebook("1"), tmp_path / "missing", sandbox=False)
    with pytest.raises(ValueError, match="not a valid learner id"):
        execute(notebook("1"), tmp_path, learner_id="two words", sandbox=False)
    with pytest.raises(TypeError, match="needs a notebook"):
        execute(["print(1)"], tmp_path, sandbox=False)
    with pytest.raises(TypeError, match="Limits"):
        execute(notebook("1"), tmp_path, sandbox=False, limits={"cell_timeout": 1})


def test_concurrent_calls_from_threads(tmp_path):
    def one(name):
        folder = tmp_path / name
        folder.mkdir()
        nb = notebook("from weakties.learner import learner_id\nimport time\ntime.sleep(0.3)\n"
                      "print(learner_id())")
        return name, execute(nb, folder, learner_id=name, sandbox=False, limits=FAST)

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(one, ["a1", "b2", "c3", "d4"]))
    assert [text(r.notebook.cells[0]).strip() for _, r in results] == ["a1", "b2", "c3", "d4"]
    assert all(r.status == "ok" for _, r in results)


def test_statuses_are_the_documented_ones():
    assert STATUSES == ("ok", "cell_timeout", "notebook_timeout", "kernel_died", "kernel_failed")


# ---------------------------------------------------------------------------
# The sandbox check
# ---------------------------------------------------------------------------


def _fake_bwrap(folder, script):
    path = folder / "bwrap"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)
    return path


@pytest.fixture
def fresh_check(monkeypatch):
    """Check the sandbox again after the test, with the real PATH back."""
    yield
    monkeypatch.undo()
    sandbox_problem(refresh=True)


def test_missing_bubblewrap_says_how_to_install_it(tmp_path, monkeypatch, fresh_check):
    monkeypatch.setenv("PATH", str(tmp_path))
    problem = sandbox_problem(refresh=True)
    assert "not installed" in problem and "apt-get install bubblewrap" in problem
    with pytest.raises(SandboxUnavailable, match="apt-get install bubblewrap"):
        execute(notebook("1"), tmp_path, sandbox=True)
    # The explicit opt-out still works.
    assert execute(notebook("1"), tmp_path, sandbox=False, limits=FAST).status == "ok"


def test_too_old_bubblewrap_is_named(tmp_path, monkeypatch, fresh_check):
    _fake_bwrap(tmp_path, "echo 'usage: bwrap [OPTIONS...] [--] COMMAND [ARGS...]'\n"
                          "echo '    --seccomp FD   Load and use seccomp rules from FD'\n")
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    problem = sandbox_problem(refresh=True)
    assert "too old" in problem and "--disable-userns" in problem


def test_bubblewrap_without_user_namespaces_gives_the_reason(tmp_path, monkeypatch, fresh_check):
    options = " ".join(sandbox_module._NEEDED_OPTIONS)
    _fake_bwrap(tmp_path, f'if [ "$1" = --help ]; then echo "{options}"; exit 0; fi\n'
                          "echo 'bwrap: No permissions to create new namespace' >&2\nexit 1\n")
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    problem = sandbox_problem(refresh=True)
    assert "does not work here" in problem and "No permissions to create new namespace" in problem
    assert "user namespaces" in problem.lower()


# ---------------------------------------------------------------------------
# The seccomp filter, run through a small classic-BPF interpreter
# ---------------------------------------------------------------------------

ALLOW, ERRNO, KILL = 0x7FFF0000, 0x00050000, 0x80000000
# Flags from clone(2) and glibc: what pthread_create, fork() and posix_spawn pass.
THREAD_FLAGS = 0x3D0F00        # CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID
FORK_FLAGS = 0x1200011         # CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD
SPAWN_FLAGS = 0x4111           # CLONE_VM|CLONE_VFORK|SIGCHLD


def run_filter(program: bytes, nr: int, arch: int, arg0: int = 0) -> int:
    """Evaluate a classic-BPF seccomp program on one system call (only the opcodes it uses)."""
    insns = [struct.unpack_from("=HBBI", program, i) for i in range(0, len(program), 8)]
    data = struct.pack("=iIQ6Q", nr, arch, 0, arg0, 0, 0, 0, 0, 0)
    pc, acc = 0, 0
    for _ in range(len(insns) + 1):
        code, jt, jf, k = insns[pc]
        if code == 0x20:                       # BPF_LD | BPF_W | BPF_ABS
            acc = struct.unpack_from("=I", data, k)[0]
            pc += 1
        elif code in (0x15, 0x35, 0x45):      # JEQ, JGE, JSET
            taken = {0x15: acc == k, 0x35: acc >= k, 0x45: bool(acc & k)}[code]
            pc += 1 + (jt if taken else jf)
        elif code == 0x06:                     # BPF_RET | BPF_K
            return k
        else:
            raise AssertionError(f"unexpected opcode {code:#x}")
    raise AssertionError("the program did not return")


X86_64, AARCH64, I386 = 0xC000003E, 0xC00000B7, 0x40000003


@pytest.mark.parametrize("call, expected", [
    ((0, X86_64), ALLOW),                               # read
    ((202, X86_64), ALLOW),                             # futex
    ((59, X86_64), ALLOW),                              # execve (replaces the kernel itself)
    ((56, X86_64, THREAD_FLAGS), ALLOW),                # clone for a thread
    ((56, X86_64, FORK_FLAGS), ERRNO | errno.EPERM),    # clone for fork()
    ((56, X86_64, SPAWN_FLAGS), ERRNO | errno.EPERM),   # clone for posix_spawn / subprocess
    ((57, X86_64), ERRNO | errno.EPERM),                # fork
    ((58, X86_64), ERRNO | errno.EPERM),                # vfork
    ((435, X86_64), ERRNO | errno.ENOSYS),              # clone3: glibc falls back to clone
    ((272, X86_64), ERRNO | errno.EPERM),               # unshare
    ((165, X86_64), ERRNO | errno.EPERM),               # mount
    ((101, X86_64), ERRNO | errno.EPERM),               # ptrace
    ((0x40000000 | 57, X86_64), ERRNO | errno.EPERM),   # fork through the x32 ABI
    ((2, I386), KILL),                                  # a 32-bit system call
])
def test_seccomp_filter_x86_64(call, expected):
    assert run_filter(sandbox_module.seccomp_filter("x86_64"), *call) == expected


@pytest.mark.parametrize("call, expected", [
    ((63, AARCH64), ALLOW),                             # read
    ((220, AARCH64, THREAD_FLAGS), ALLOW),              # clone for a thread
    ((220, AARCH64, FORK_FLAGS), ERRNO | errno.EPERM),  # clone for fork()
    ((435, AARCH64), ERRNO | errno.ENOSYS),             # clone3
    ((97, AARCH64), ERRNO | errno.EPERM),               # unshare
    ((56, X86_64), KILL),                               # another architecture
])
def test_seccomp_filter_aarch64(call, expected):
    assert run_filter(sandbox_module.seccomp_filter("aarch64"), *call) == expected


def test_seccomp_filter_names_unsupported_machines():
    with pytest.raises(ValueError, match="supports x86_64 and aarch64"):
        sandbox_module.seccomp_filter("riscv64")


def test_kernel_environment_is_minimal():
    env = sandbox_module.kernel_environment()
    assert set(env) == {"PATH", "HOME", "USER", "LOGNAME", "LANG", "TMPDIR", "MPLBACKEND",
                        "MPLCONFIGDIR", "PYTHONDONTWRITEBYTECODE", "PYTHONNOUSERSITE", "TERM",
                        "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}
    # One thread for numerical libraries: no thread pool per grading kernel.
    assert {env[k] for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")} == {"1"}
    assert env["HOME"].startswith("/tmp/") and env["MPLCONFIGDIR"].startswith(env["HOME"])


def test_readonly_roots_bind_the_package_not_the_project():
    from grader.stores.course import PROJECT
    dests = [dest for _, dest in sandbox_module.readonly_roots()]
    assert str(PROJECT) not in dests
    assert str(PROJECT / "weakties") in dests
    assert not any(d == str(PROJECT / "exercises") or d.startswith(str(PROJECT / "exercises") + "/")
                   for d in dests)
    assert not any(d == str(PROJECT / "grader") for d in dests)


def test_no_resource_leak_between_calls(tmp_path):
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(2):
        execute(notebook("1"), tmp_path, sandbox=False, limits=FAST)
    assert len(os.listdir("/proc/self/fd")) <= before + 2
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY  # ours untouched


def test_an_environment_holding_the_solutions_is_refused(monkeypatch):
    # A virtual environment created in the project root would mount exercises/.
    import sys

    from grader.stores.course import PROJECT
    monkeypatch.setattr(sys, "prefix", str(PROJECT))
    sandbox_module.readonly_roots.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="contains .*exercises, which the sandbox must hide"):
            sandbox_module.readonly_roots()
    finally:
        monkeypatch.undo()
        sandbox_module.readonly_roots.cache_clear()
    assert sandbox_module.readonly_roots()


def test_folders_of_killed_graders_are_removed(tmp_path, monkeypatch):
    # A grading process killed with kill -9 cannot clean up its kernels' private folders;
    # the next one removes those whose owner is dead, and only those.
    import subprocess
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(execute_module, "_swept", False)
    dead = subprocess.Popen(["true"])
    dead.wait()
    folders = {}
    for name, owner in (("dead", str(dead.pid)), ("alive", str(os.getpid())), ("foreign", None)):
        folder = tmp_path / f"{execute_module.PRIVATE_PREFIX}{name}"
        (folder / "tmp").mkdir(parents=True)
        if owner is not None:
            (folder / execute_module.OWNER_FILE).write_text(owner)
        folders[name] = folder
    work = tmp_path / "work"
    work.mkdir()
    assert execute(notebook("1"), work, sandbox=False, limits=FAST).status == "ok"
    assert not folders["dead"].exists()
    assert folders["alive"].exists() and folders["foreign"].exists()
    assert sorted(p.name for p in tmp_path.glob(execute_module.PRIVATE_PREFIX + "*")) == [
        "kernel-alive", "kernel-foreign"]


@pytest.mark.parametrize("breaking", ["import sys\nsys.stdout = None",
                                      "import sys\nsys.stderr = None"])
def test_a_kernel_whose_output_is_broken_is_stopped_not_timed_out(tmp_path, breaking):
    # After `sys.stdout = None` ipykernel goes idle without ever replying to a cell:
    # waiting for the reply would cost one cell timeout per remaining cell.
    nb = notebook("print('first')", breaking, *["print('never')"] * 10)
    result = execute(nb, tmp_path, sandbox=False,
                     limits=Limits(cell_timeout=60, notebook_timeout=600))
    assert result.status == "kernel_died"
    assert "broke the kernel's output" in result.detail
    assert result.detail.startswith("When cell 3 was sent")
    assert "9 later code cells did not run" in result.detail
    assert text(result.notebook.cells[0]).strip() == "first"
    assert errors(result.notebook.cells[2]) == ["KernelDiedError"]
    assert all(errors(c) == ["CellNotRunError"] for c in result.notebook.cells[3:])
    # Not a single cell timeout: the cells after the broken one were never sent.
    assert "CellTimeoutError" not in {e for c in result.notebook.cells for e in errors(c)}
