"""Real attacks against the sandboxed kernel, each checking that its effect did not happen.

The submissions here do what ``shared/GRADING-NOTES.md`` reproduced against
stock nbgrader (read the solutions and the gradebook, ``rmtree('../..')``,
delete the gradebook, look for ``NBGRADER_EXECUTION``) and what else a
student could try: the network, the learner id file, memory, disk, files,
processes, endless loops, killing the kernel, poisoning the next kernel.
Every test needs bubblewrap (skipped with the reason otherwise).
"""

from __future__ import annotations

import concurrent.futures
import json
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest
from sandbox_cases import FAST, all_text, errors, notebook, snapshot, text

from grader.engine import sandbox as sandbox_module
from grader.stores.course import EXERCISES, PROJECT
from grader.engine.execute import Limits, execute, sandbox_problem

pytestmark = pytest.mark.sandbox

SECRET = "TOP-SECRET-7f3a9c"

PROBE = '''
import json, os
def probe(path):
    try:
        if os.path.isdir(path):
            return "LISTED:" + ",".join(sorted(os.listdir(path)))
        with open(path, "rb") as handle:
            return "READ:" + handle.read().decode("latin-1")
    except OSError as exc:
        return "DENIED:" + type(exc).__name__
'''


@pytest.fixture
def course(tmp_path):
    """A grading folder as an attacker would hope to find it next to the submission."""
    root = tmp_path / "grading"
    solution = root / "source" / "ps1" / "ps1.ipynb"
    gradebook = root / "gradebook.db"
    other = root / "autograded" / "bob" / "ps1" / "answers.txt"
    home = tmp_path / "instructor-home"
    key = home / ".ssh" / "id_rsa"
    workdir = root / "autograded" / "alice" / "ps1"
    for path, content in ((solution, f"solution {SECRET}"), (gradebook, f"grades {SECRET}"),
                          (other, f"bob's answers {SECRET}"), (key, f"key {SECRET}"),
                          (workdir / "ps1.ipynb", "alice's notebook")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return {"root": root, "solution": solution, "gradebook": gradebook, "other": other,
            "home": home, "key": key, "workdir": workdir, "tmp": tmp_path}


def test_sandbox_works_here():
    assert sandbox_problem() is None


def test_cannot_read_solutions_gradebook_other_students_or_home(course):
    targets = [str(course[k]) for k in ("solution", "gradebook", "other", "key")]
    relative = ["../../../source/ps1/ps1.ipynb", "../../../gradebook.db",
                "../../bob/ps1/answers.txt"]
    exercises = str(EXERCISES)
    nb = notebook(
        PROBE,
        f"print(json.dumps({{p: probe(p) for p in {targets + relative + [exercises]!r}}}))",
        f"print(json.dumps({{'home': probe({str(Path.home())!r}), 'project': probe({str(PROJECT)!r}),"
        f" 'grader': probe({str(PROJECT / 'grader')!r}),"
        f" 'engine': probe({str(PROJECT / 'grader' / 'engine')!r}),"
        f" 'course': probe({str(course['root'])!r}),"
        f" 'tmp': probe({str(course['tmp'])!r}), 'proc': [p for p in os.listdir('/proc') if p.isdigit()]}}))",
    )
    result = execute(nb, course["workdir"], learner_id="alice", limits=FAST)
    assert result.status == "ok", result.detail
    assert SECRET not in all_text(result.notebook)
    probes = json.loads(text(result.notebook.cells[1]))
    assert all(v.startswith("DENIED:") for v in probes.values()), probes
    seen = json.loads(text(result.notebook.cells[2]))
    # The project root shows only what was bound: never exercises/ or the grader's code.
    listed = set(seen["project"].removeprefix("LISTED:").split(","))
    assert listed <= {".venv", "weakties", "grader"}, listed
    # Of the grader, only the kernel launcher's folder (grader/engine/kernel/).
    assert seen["grader"] == "LISTED:engine"
    assert seen["engine"] == "LISTED:kernel"
    # The instructor's home shows at most the path down to the Python installation.
    allowed = {Path(dest).relative_to(Path.home()).parts[0]
               for _, dest in sandbox_module.readonly_roots()
               if Path(dest).is_relative_to(Path.home())}
    if seen["home"].startswith("LISTED:"):
        assert set(filter(None, seen["home"].removeprefix("LISTED:").split(","))) <= allowed
    assert seen["course"].startswith("DENIED:") and seen["tmp"].startswith("DENIED:")
    # A PID namespace of its own: the grader and other kernels are invisible.
    assert len(seen["proc"]) <= 3, seen["proc"]


def test_cannot_write_or_delete_outside_the_working_folder(course):
    before = snapshot(course["tmp"], skip=course["workdir"])
    site = Path(sandbox_module.readonly_roots()[0][1])
    targets = [str(course[k]) for k in ("solution", "gradebook", "other", "key")]
    poison = [str(PROJECT / "weakties" / "evil.py"), str(PROJECT / "weakties" / "__init__.py"),
              str(site / "sitecustomize.py"), "/usr/lib/python3/evil.py"]
    nb = notebook(
        "import os, shutil\nshutil.rmtree('../..', ignore_errors=True)",
        f"report = {{}}\nfor p in {targets!r}:\n"
        "    for attempt in (os.remove, lambda q: open(q, 'w').write('pwned'),"
        " lambda q: shutil.rmtree(os.path.dirname(q))):\n"
        "        try:\n            attempt(p)\n            report[p] = 'DONE'\n"
        "        except OSError as exc:\n            report.setdefault(p, type(exc).__name__)\n"
        "print(report)",
        f"for p in {poison!r}:\n    try:\n        open(p, 'a').write('import os')\n"
        "        print('WROTE', p)\n    except OSError as exc:\n        print('REFUSED', p, exc.errno)",
        "open('/tmp/planted-by-student', 'w').write('x')\nshutil.rmtree('/', ignore_errors=True)\n"
        "print('still here')",
    )
    # rmtree('/') walks every read-only file the sandbox shows (tens of thousands
    # in the virtual environment and /usr): slow on a cold disk, hence more time.
    slow_walk = Limits(cell_timeout=60, notebook_timeout=180, interrupt_grace=1)
    result = execute(nb, course["workdir"], learner_id="alice", limits=slow_walk)
    assert result.status == "ok", result.detail
    out = all_text(result.notebook)
    assert "WROTE" not in out and out.count("REFUSED") == 4
    assert "still here" in text(result.notebook.cells[3])
    after = snapshot(course["tmp"], skip=course["workdir"])
    assert after == before
    for path in ("solution", "gradebook", "other", "key"):
        assert SECRET in course[path].read_text()
    assert not (PROJECT / "weakties" / "evil.py").exists()
    assert not (site / "sitecustomize.py").exists()
    assert not Path(tempfile.gettempdir(), "planted-by-student").exists()
    # The learner id survives even rmtree('/') inside.
    assert (course["workdir"] / ".weakties-learner").read_text() == "alice"


def test_no_network_even_to_a_server_on_this_machine(tmp_path):
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.settimeout(0.2)
    port, udp_port = server.getsockname()[1], udp.getsockname()[1]
    received = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            for sock, receive in ((server, server.accept), (udp, lambda: udp.recvfrom(100))):
                try:
                    received.append(receive())
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    nb = notebook(
        "import socket\nresults = []\n"
        f"for host in ('127.0.0.1', 'localhost', '1.1.1.1', 'pypi.org'):\n"
        "    try:\n"
        f"        socket.create_connection((host, {port}), timeout=2).send(b'hello')\n"
        "        results.append('CONNECTED')\n"
        "    except OSError as exc:\n        results.append(type(exc).__name__)\n"
        "try:\n    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        f"    s.sendto(b'hello', ('127.0.0.1', {udp_port}))\n    results.append('SENT')\n"
        "except OSError as exc:\n    results.append(type(exc).__name__)\nprint(results)",
        "import time; time.sleep(0.5)",
    )
    try:
        result = execute(nb, tmp_path, learner_id="alice", limits=FAST)
    finally:
        stop.set()
        thread.join()
        server.close()
        udp.close()
    assert result.status == "ok", result.detail
    assert "CONNECTED" not in text(result.notebook.cells[0])
    assert received == []


def test_environment_says_nothing_about_grading(tmp_path, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.setenv("WEAKTIES_GRADING_DIR", str(tmp_path))
    monkeypatch.setenv("INSTRUCTOR_API_TOKEN", SECRET)
    workdir = tmp_path / "autograded" / "alice" / "ps1"
    workdir.mkdir(parents=True)
    nb = notebook("import os, json\nprint(json.dumps({'env': dict(os.environ), 'cwd': os.getcwd()}))")
    result = execute(nb, workdir, learner_id="alice", limits=FAST)
    seen = json.loads(text(result.notebook.cells[0]))
    env = seen["env"]
    assert not any(key.startswith(("NBGRADER", "JPY", "JUPYTER")) for key in env)
    # Besides what the sandbox sets, only what IPython and ipykernel set for any kernel.
    ipython_own = {"PWD", "PAGER", "GIT_PAGER", "CLICOLOR", "CLICOLOR_FORCE", "FORCE_COLOR",
                   "PYDEVD_USE_FRAME_EVAL"}
    assert set(env) <= set(sandbox_module.kernel_environment()) | ipython_own, env
    dumped = json.dumps(seen)
    assert SECRET not in dumped and "autograded" not in dumped and str(tmp_path) not in dumped
    assert env["HOME"].startswith("/tmp/") and env["MPLBACKEND"] == "Agg"


def test_learner_file_is_read_only_and_decides_the_data(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    workdir = tmp_path / "work"
    workdir.mkdir()
    # The submission brings its own learner file, as a link to another file.
    (workdir / ".weakties-learner").symlink_to(victim)
    nb = notebook(
        "import os\nfor attempt in (lambda: open('.weakties-learner', 'w').write('bob'),"
        " lambda: os.remove('.weakties-learner'), lambda: os.rename('.weakties-learner', 'x'),"
        " lambda: os.chmod('.weakties-learner', 0o666)):\n"
        "    try:\n        attempt()\n        print('CHANGED')\n"
        "    except OSError as exc:\n        print('refused', exc.errno)",
        "from weakties.learner import learner_id\nprint(learner_id())",
        "import weakties\nG = weakties.population(60, seed=learner_id())\nprint(sorted(G.degree())[:5])",
    )
    result = execute(nb, workdir, learner_id="alice", limits=FAST)
    assert result.status == "ok", result.detail
    assert "CHANGED" not in text(result.notebook.cells[0])
    assert text(result.notebook.cells[1]).strip() == "alice"
    assert (workdir / ".weakties-learner").read_text() == "alice"
    assert not (workdir / ".weakties-learner").is_symlink()
    assert victim.read_text() == "untouched"
    # The data is alice's: the same numbers as alice's population built here.
    import weakties
    expected = sorted(weakties.population(60, seed="alice").degree())[:5]
    assert text(result.notebook.cells[2]).strip() == str(expected)


def test_memory_bomb_is_stopped_and_the_batch_goes_on(tmp_path):
    nb = notebook(
        "big = bytearray(3 * 1024**3)",
        "import numpy as np\nhuge = np.ones((30000, 30000))",
        "chunks = []\nwhile True:\n    chunks.append(bytearray(64 * 1024**2))",
        "del chunks\nprint('alive')",
    )
    result = execute(nb, tmp_path, learner_id="alice",
                     limits=Limits(memory_mb=1536, cell_timeout=20, notebook_timeout=60))
    assert result.status in ("ok", "kernel_died"), result.detail
    cells = result.notebook.cells
    assert errors(cells[0]) == ["MemoryError"]
    assert any("MemoryError" in name for name in errors(cells[1]))
    if result.status == "ok":
        assert text(cells[3]).strip() == "alive"
    follow = execute(notebook("print(6 * 7)"), tmp_path, learner_id="alice", limits=FAST)
    assert follow.status == "ok" and text(follow.notebook.cells[0]).strip() == "42"


def test_file_size_is_bounded(tmp_path):
    nb = notebook("open('big.bin', 'wb').write(b'x' * (20 * 1024**2))", "print('next')")
    result = execute(nb, tmp_path, learner_id="alice", limits=Limits(file_size_mb=4))
    assert result.status == "ok", result.detail
    assert errors(result.notebook.cells[0]) == ["OSError"]
    assert "File too large" in all_text(result.notebook)
    assert (tmp_path / "big.bin").stat().st_size <= 4 * 1024**2
    assert text(result.notebook.cells[1]).strip() == "next"


@pytest.mark.parametrize("attack, why", [
    # Many files of the largest allowed size, in the private /tmp.
    ("for i in range(1000):\n    open(f'/tmp/part{i}', 'wb').write(b'x' * (3 * 1024**2))",
     "more than 20 MB"),
    # Millions of empty files (each costs an inode), in /dev/shm.
    ("i = 0\nwhile True:\n    open(f'/dev/shm/f{i}', 'w').close()\n    i += 1",
     "more than 2000 files"),
])
def test_disk_use_is_bounded(tmp_path, attack, why):
    result = execute(notebook("print('before')", attack, "print('never')"), tmp_path,
                     learner_id="alice", limits=Limits(disk_mb=20, disk_files=2000))
    assert result.status == "kernel_died"
    assert f"it wrote {why}" in result.detail and "over its disk limit" in result.detail
    assert text(result.notebook.cells[0]).strip() == "before"
    assert errors(result.notebook.cells[2]) == ["CellNotRunError"]


def test_open_files_are_limited(tmp_path):
    # The files are closed before printing: while every descriptor is taken,
    # the kernel cannot send the cell's output (it was lost in one CI run).
    nb = notebook("files = []\ntry:\n    while True:\n        files.append(open('/dev/null'))\n"
                  "except OSError as exc:\n    opened, code = len(files), exc.errno\n"
                  "for f in files:\n    f.close()\nprint(opened, code)")
    result = execute(nb, tmp_path, learner_id="alice", limits=Limits(open_files=128))
    opened, code = map(int, text(result.notebook.cells[0]).split())
    assert code == 24 and opened < 128      # EMFILE


def test_processes_are_refused_and_threads_still_work(tmp_path):
    nb = notebook(
        "import os\ntry:\n    pid = os.fork()\nexcept OSError as exc:\n    print('fork', exc.errno)\n"
        "else:\n    if pid == 0:\n        open('forked-child', 'w').write('x')\n        os._exit(0)",
        "try:\n    while True:\n        os.fork()\nexcept OSError as exc:\n    print('bomb', exc.errno)",
        "import subprocess\ntry:\n    subprocess.run(['touch', 'made-by-subprocess'])\n"
        "except OSError as exc:\n    print('subprocess', exc.errno)",
        "import multiprocessing\ntry:\n    p = multiprocessing.Process(target=print)\n    p.start()\n"
        "except OSError as exc:\n    print('multiprocessing', exc.errno)",
        "import ctypes\nprint('libc fork', ctypes.CDLL(None).fork())",
        "from concurrent.futures import ThreadPoolExecutor\n"
        "with ThreadPoolExecutor(8) as pool:\n    print('threads', sum(pool.map(lambda i: i * i, range(100))))\n"
        "import numpy as np\nm = np.random.default_rng(1).random((300, 300))\n"
        "print('blas', (m @ m).shape)",
    )
    result = execute(nb, tmp_path, learner_id="alice", limits=FAST)
    assert result.status == "ok", result.detail
    out = [text(c).strip() for c in result.notebook.cells]
    assert out[:4] == ["fork 1", "bomb 1", "subprocess 1", "multiprocessing 1"]
    assert out[4] == "libc fork -1"
    assert out[5] == f"threads {sum(i * i for i in range(100))}\nblas (300, 300)"
    assert not (tmp_path / "forked-child").exists()
    assert not (tmp_path / "made-by-subprocess").exists()


def test_kernel_runs_as_an_unprivileged_user(tmp_path):
    nb = notebook("import os\nprint(os.getuid(), os.getgid(), os.geteuid())\n"
                  "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('CapEff')][0])\n"
                  "try:\n    os.setuid(0)\n    print('became root')\nexcept OSError as exc:\n"
                  "    print('setuid refused')\nprint(os.getuid())")
    result = execute(nb, tmp_path, learner_id="alice", limits=FAST)
    assert text(result.notebook.cells[0]).split() == [
        "65534", "65534", "65534", "0000000000000000", "setuid", "refused", "65534"]


def test_endless_loops_cost_a_bounded_time(tmp_path):
    nb = notebook(
        "print('first')",
        "while True:\n    pass",
        "print('after the loop')",
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nimport time\n"
        "while True:\n    open('beat', 'a').write('.')\n    time.sleep(0.01)",
        *["print('never')"] * 12,
    )
    limits = Limits(cell_timeout=1.5, interrupt_grace=1, notebook_timeout=30)
    result = execute(nb, tmp_path, learner_id="alice", limits=limits)
    cells = result.notebook.cells
    assert result.status == "cell_timeout"
    assert "did not stop when interrupted" in result.detail
    assert result.detail.startswith("Cell 4 ")
    assert "CellTimeoutError" in errors(cells[1])
    assert text(cells[2]).strip() == "after the loop"
    assert all(errors(c) == ["CellNotRunError"] for c in cells[4:])
    # Not one timeout per remaining cell: the kernel was stopped and the rest never sent.
    assert result.cells_run == 4
    size = (tmp_path / "beat").stat().st_size
    time.sleep(0.5)
    assert (tmp_path / "beat").stat().st_size == size, "the loop outlived execute()"


@pytest.mark.parametrize("kill", ["import os\nos._exit(1)", "import os\nos.kill(os.getpid(), 9)"])
def test_a_kernel_that_kills_itself_keeps_the_earlier_outputs(tmp_path, kill):
    nb = notebook("print('kept')", kill, "print('never')")
    result = execute(nb, tmp_path, learner_id="alice", limits=FAST)
    cells = result.notebook.cells
    assert result.status == "kernel_died"
    assert text(cells[0]).strip() == "kept"
    assert errors(cells[1]) == ["KernelDiedError"] and errors(cells[2]) == ["CellNotRunError"]
    assert result.cells_run == 1
    assert ("status 1" if "_exit" in kill else "signal 9") in result.detail


def test_one_submission_cannot_poison_the_next_kernel(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    attack = notebook(
        "import os, pathlib\n"
        "startup = pathlib.Path.home() / '.ipython/profile_default/startup'\n"
        "startup.mkdir(parents=True, exist_ok=True)\n(startup / '00-evil.py').write_text('print(\"EVIL\")')\n"
        "open('/tmp/shared', 'w').write('EVIL')\nprint(os.path.exists(startup / '00-evil.py'))")
    result = execute(attack, first, learner_id="mallory", limits=FAST)
    assert text(result.notebook.cells[0]).strip() == "True"
    victim = execute(notebook("import os\nprint(os.path.exists('/tmp/shared'))"), second,
                     learner_id="alice", limits=FAST)
    assert victim.status == "ok"
    assert "EVIL" not in all_text(victim.notebook)
    assert text(victim.notebook.cells[0]).strip() == "False"


def test_concurrent_sandboxed_kernels_stay_apart(tmp_path):
    def one(name):
        folder = tmp_path / name
        folder.mkdir()
        nb = notebook("from weakties.learner import learner_id\nimport os\n"
                      "open('mine.txt', 'w').write(learner_id())\n"
                      "print(learner_id(), sorted(os.listdir('..')), sorted(os.listdir('.')))")
        return name, execute(nb, folder, learner_id=name, limits=FAST)

    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        results = list(pool.map(one, ["ann", "ben", "cat"]))
    for name, result in results:
        assert result.status == "ok", result.detail
        assert text(result.notebook.cells[0]).strip() == (
            f"{name} ['work'] ['.weakties-learner', 'mine.txt']")
        assert (tmp_path / name / "mine.txt").read_text() == name


def test_imports_use_prebuilt_caches(tmp_path):
    # The environment is read-only inside: modules must come from .pyc files compiled
    # beforehand, and matplotlib must find its font list instead of scanning fonts.
    nb = notebook(
        "import os, importlib.util, matplotlib.pyplot as plt, weakties, weakties.ties\n"
        "print(sorted(os.listdir(os.environ['MPLCONFIGDIR'])))\n"
        "print(all(os.path.exists(importlib.util.cache_from_source(m.__file__))"
        " for m in (weakties, weakties.ties, plt)))")
    result = execute(nb, tmp_path, learner_id="alice", limits=FAST)
    cell = result.notebook.cells[0]
    assert [o.get("name") for o in cell.outputs if o.output_type == "stream"] == ["stdout"]
    lines = text(cell).splitlines()
    assert lines[0].startswith("['fontlist-v") and lines[0].count(",") == 0
    assert lines[1] == "True"


@pytest.mark.sandbox
def test_a_python_environment_under_tmp_is_visible_inside(tmp_path):
    """A project cloned under /tmp has its .venv there: the sandbox's private
    /tmp must not hide the interpreter (it did, before the binds were reordered)."""
    import subprocess
    import sys
    from pathlib import Path

    venv = tmp_path / "venv"
    venv.symlink_to(Path(sys.prefix).resolve(), target_is_directory=True)
    code = ("import nbformat, tempfile, pathlib, sys\n"
            "from grader.engine.execute import execute\n"
            "nb = nbformat.v4.new_notebook()\n"
            "nb.cells = [nbformat.v4.new_code_cell('import sys, weakties; print(sys.prefix)')]\n"
            "r = execute(nb, pathlib.Path(tempfile.mkdtemp()), sandbox=True)\n"
            "print(r.status, r.notebook.cells[0].outputs[0]['text'].strip())\n")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True,
                         text=True, timeout=180,
                         env={**__import__("os").environ,
                              "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert out.stdout.split()[-2:] == ["ok", str(venv)], out.stderr[-2000:]


def test_python_started_through_a_path_with_dotdot(tmp_path):
    """`../../.venv/bin/python` is a valid way to start the grader; the sandbox must cope."""
    import subprocess
    import sys
    from pathlib import Path

    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    python = Path(sys.executable)
    dotted = "/".join([".."] * len(deep.parts[1:])) + str(python)
    code = ("import nbformat, tempfile, pathlib\n"
            "from grader.engine.execute import execute\n"
            "nb = nbformat.v4.new_notebook()\n"
            "nb.cells = [nbformat.v4.new_code_cell('print(6 * 7)')]\n"
            "r = execute(nb, pathlib.Path(tempfile.mkdtemp()), sandbox=True)\n"
            "print(r.status, r.notebook.cells[0].outputs[0]['text'].strip())\n")
    out = subprocess.run([dotted, "-c", code], cwd=deep, capture_output=True, text=True,
                         env={**__import__("os").environ,
                              "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
                         timeout=180)
    assert out.stdout.split()[-2:] == ["ok", "42"], out.stderr[-2000:]
