"""The kernel sandbox: bubblewrap around the grading kernel, and nothing else.

Only the kernel that runs a student's code is sandboxed; the grader itself
(nbclient, nbgrader, the gradebook) stays outside and talks to the kernel
over ZeroMQ ``ipc`` sockets in a private folder. :func:`command` builds the
``bwrap`` command line for one kernel; :func:`grader.engine.execute.execute` uses
it. ``grader/SANDBOX.md`` explains the design, what it blocks and how to
install bubblewrap.

The kernel sees (all read-only unless said otherwise):

- the system (``/usr`` and the usual ``/bin``, ``/lib`` links), a few
  files of ``/etc`` that programs need, and synthetic ``passwd``, ``group``
  and ``hosts`` files that name no real user;
- the Python installation, the project's virtual environment and the
  ``weakties`` package folder only (never the project root, which holds the
  source assignments in ``exercises/``);
- the kernel launcher (``grader/kernel/``);
- read-write: the submission's working folder (at ``/home/learner/work``),
  a private ``/tmp`` and ``/dev/shm``, and the private folder that holds the
  kernel's connection file and sockets (all folders of the grader's, whose
  size :func:`grader.engine.execute.execute` watches).

It runs as uid/gid 65534 in new user, PID, network, IPC, UTS and cgroup
namespaces, with no capability, a cleared environment, a seccomp filter that
refuses new processes (threads are allowed), and resource limits set by the
launcher before any student code runs.
"""

from __future__ import annotations

import errno
import fcntl
import functools
import importlib.util
import os
import platform
import shutil
import struct
import subprocess
import sys
import threading
from pathlib import Path

__all__ = ["BWRAP", "INSIDE_WORKDIR", "INSIDE_HOME", "sandbox_problem", "seccomp_filter",
           "command", "judge_command", "kernel_environment", "readonly_roots", "prepare"]

#: Where the submission's working folder appears inside the sandbox.
INSIDE_WORKDIR = "/home/learner/work"
#: The kernel's home folder, inside the private ``/tmp``.
INSIDE_HOME = "/tmp/home"
#: The launcher that sets resource limits, then starts ipykernel.
#: This interpreter's path, normalised: inside the sandbox "bin/../.." leads nowhere.
PYTHON = os.path.abspath(sys.executable)
LAUNCHER = Path(__file__).resolve().parent / "kernel" / "launch.py"
#: The project folder (its ``exercises/`` must stay hidden).
PROJECT = LAUNCHER.parents[3]

BWRAP = "bwrap"
INSTALL_HINT = (
    "Install bubblewrap with `apt-get install bubblewrap` (Debian, Ubuntu), "
    "`dnf install bubblewrap` (Fedora) or `pacman -S bubblewrap` (Arch). Only for "
    "notebooks you trust, weakties-grade can run without it (--unsafe-no-sandbox)"
)

# ---------------------------------------------------------------------------
# seccomp: refuse new processes and a few kernel interfaces a kernel never needs
# ---------------------------------------------------------------------------

# struct seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6]
_OFF_NR, _OFF_ARCH, _OFF_ARG0 = 0, 4, 16
# Classic BPF opcodes.
_LD_W_ABS = 0x00 | 0x00 | 0x20
_JEQ_K = 0x05 | 0x10 | 0x00
_JGE_K = 0x05 | 0x30 | 0x00
_JSET_K = 0x05 | 0x40 | 0x00
_RET_K = 0x06 | 0x00
_RET_ALLOW = 0x7FFF0000
_RET_KILL_PROCESS = 0x80000000
_RET_ERRNO = 0x00050000
_CLONE_THREAD = 0x00010000
_X32_SYSCALL_BIT = 0x40000000

# AUDIT_ARCH_* values and syscall numbers (from the kernel's uapi headers:
# asm/unistd_64.h for x86_64, asm-generic/unistd.h for aarch64).
_ARCHES = {
    "x86_64": {
        "audit": 0xC000003E,
        "clone": 56, "clone3": 435,
        "deny": {
            "fork": 57, "vfork": 58, "unshare": 272, "setns": 308, "ptrace": 101,
            "process_vm_readv": 310, "process_vm_writev": 311, "keyctl": 250,
            "add_key": 248, "request_key": 249, "bpf": 321, "perf_event_open": 298,
            "userfaultfd": 323, "mount": 165, "umount2": 166, "pivot_root": 155,
            "chroot": 161, "io_uring_setup": 425, "io_uring_enter": 426,
            "io_uring_register": 427, "open_tree": 428, "move_mount": 429, "fsopen": 430,
            "fsconfig": 431, "fsmount": 432, "fspick": 433, "mount_setattr": 442,
            "kexec_load": 246, "kexec_file_load": 320, "init_module": 175,
            "finit_module": 313, "delete_module": 176, "acct": 163, "swapon": 167,
            "swapoff": 168, "reboot": 169, "sethostname": 170, "setdomainname": 171,
            "quotactl": 179, "name_to_handle_at": 303, "open_by_handle_at": 304,
        },
    },
    "aarch64": {
        "audit": 0xC00000B7,
        "clone": 220, "clone3": 435,
        "deny": {  # no fork or vfork system calls on aarch64: glibc uses clone
            "unshare": 97, "setns": 268, "ptrace": 117, "process_vm_readv": 270,
            "process_vm_writev": 271, "keyctl": 219, "add_key": 217, "request_key": 218,
            "bpf": 280, "perf_event_open": 241, "userfaultfd": 282, "mount": 40,
            "umount2": 39, "pivot_root": 41, "chroot": 51, "io_uring_setup": 425,
            "io_uring_enter": 426, "io_uring_register": 427, "open_tree": 428,
            "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432,
            "fspick": 433, "mount_setattr": 442, "kexec_load": 104, "kexec_file_load": 294,
            "init_module": 105, "finit_module": 273, "delete_module": 106, "acct": 89,
            "swapon": 224, "swapoff": 225, "reboot": 142, "sethostname": 161,
            "setdomainname": 162, "quotactl": 60, "name_to_handle_at": 264,
            "open_by_handle_at": 265,
        },
    },
}
_ARCH_ALIASES = {"amd64": "x86_64", "arm64": "aarch64"}


def _machine() -> str:
    machine = platform.machine().lower()
    return _ARCH_ALIASES.get(machine, machine)


def _insn(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


def seccomp_filter(arch: str | None = None, *, allow_fork: bool = False) -> bytes:
    """The kernel's seccomp filter, as a classic-BPF program for ``bwrap --seccomp``.

    The filter lets threads be created (``clone`` with ``CLONE_THREAD``) and
    refuses new processes: ``fork``, ``vfork`` and ``clone`` without
    ``CLONE_THREAD`` fail with ``EPERM``; ``clone3``, whose flags a classic
    BPF filter cannot read, fails with ``ENOSYS`` so that the C library
    falls back to ``clone``. It also refuses, with ``EPERM``, mounting,
    namespaces, ``ptrace``, keyrings, BPF, ``io_uring``, module loading and
    similar interfaces that a notebook never needs. A system call from a
    foreign architecture (for example 32-bit calls on x86_64) kills the
    process; x32 system calls are refused.

    Parameters
    ----------
    arch : {"x86_64", "aarch64"}, optional
        Defaults to this machine's architecture.
    allow_fork : bool
        The judge's filter (:func:`judge_command`): new processes are
        allowed (the judge forks a fresh child per notebook), everything
        else is refused as for a kernel.

    Returns
    -------
    bytes
        An array of ``struct sock_filter`` (8 bytes each), native byte order.

    Raises
    ------
    ValueError
        The architecture is not supported.

    Examples
    --------
    >>> program = seccomp_filter("x86_64")
    >>> len(program) % 8
    0
    """
    arch = _ARCH_ALIASES.get(arch, arch) if arch else _machine()
    if arch not in _ARCHES:
        raise ValueError(
            f"the sandbox's seccomp filter supports x86_64 and aarch64, not {arch!r}; "
            "grade on one of those machines."
        )
    table = _ARCHES[arch]
    eperm = _RET_ERRNO | errno.EPERM
    out = [
        _insn(_LD_W_ABS, _OFF_ARCH),
        _insn(_JEQ_K, table["audit"], 1, 0),
        _insn(_RET_K, _RET_KILL_PROCESS),
        _insn(_LD_W_ABS, _OFF_NR),
    ]
    if arch == "x86_64":  # x32 ABI: same arch value, numbers with bit 30 set
        out += [_insn(_JGE_K, _X32_SYSCALL_BIT, 0, 1), _insn(_RET_K, eperm)]
    out += [_insn(_JEQ_K, table["clone3"], 0, 1), _insn(_RET_K, _RET_ERRNO | errno.ENOSYS)]
    for name, number in sorted(table["deny"].items(), key=lambda item: item[1]):
        if allow_fork and name in ("fork", "vfork"):
            continue
        out += [_insn(_JEQ_K, number, 0, 1), _insn(_RET_K, eperm)]
    if allow_fork:
        return b"".join(out + [_insn(_RET_K, _RET_ALLOW)])
    out += [
        _insn(_JEQ_K, table["clone"], 0, 4),
        _insn(_LD_W_ABS, _OFF_ARG0),        # low 32 bits of the flags (little-endian)
        _insn(_JSET_K, _CLONE_THREAD, 0, 1),
        _insn(_RET_K, _RET_ALLOW),
        _insn(_RET_K, eperm),
        _insn(_RET_K, _RET_ALLOW),
    ]
    return b"".join(out)


# ---------------------------------------------------------------------------
# What the kernel may see
# ---------------------------------------------------------------------------

# Files of /etc that programs in the kernel may need (no secrets, no users).
_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "nsswitch.conf", "localtime",
        "timezone", "alternatives", "fonts", "ssl", "mime.types", "gai.conf")
_PASSWD = ("root:x:0:0:root:/root:/usr/sbin/nologin\n"
           f"learner:x:65534:65534:learner:{INSIDE_HOME}:/usr/sbin/nologin\n")
_GROUP = "root:x:0:\nlearner:x:65534:\n"
_HOSTS = "127.0.0.1\tlocalhost\n::1\tlocalhost\n"


def _covered(path: str, roots) -> bool:
    return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)


def _package_dir(name: str) -> str | None:
    """Folder of package ``name`` as the import system finds it (editable finder included)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.submodule_search_locations:
        locations = list(spec.submodule_search_locations)
        return locations[0] if locations else None
    return os.path.dirname(spec.origin) if spec.origin else None


@functools.lru_cache(maxsize=None)
def readonly_roots(python: str = PYTHON) -> tuple[tuple[str, str], ...]:
    """(source, destination) folders bound read-only besides ``/usr`` and ``/etc``.

    The Python installation (``sys.base_prefix``), the virtual environment
    (``sys.prefix``), the ``weakties`` package folder and the kernel
    launcher's folder; each at its own path so that the interpreter, its
    ``pyvenv.cfg`` and the editable-install finder resolve the same paths
    inside as outside. Folders under ``/usr`` are already visible.

    The project is installed editable: its finder maps ``weakties`` to the
    project's ``weakties/`` folder, so that folder alone is bound, never the
    project root that holds ``exercises/``.
    """
    wanted: list[tuple[str, str]] = []
    prefixes = [sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix]
    if python != PYTHON:
        # A different interpreter: its environment is two levels above bin/python.
        prefixes.insert(0, str(Path(python).absolute().parent.parent))
    python_real = os.path.realpath(python)
    prefixes.append(str(Path(python_real).parent.parent))
    package = _package_dir("weakties")
    if package is None:
        raise RuntimeError("the weakties package cannot be found: install the project "
                           "(`python3 start.py`) before grading.")
    for path in [*prefixes, package, str(LAUNCHER.parent)]:
        for dest in dict.fromkeys([os.path.abspath(path), os.path.realpath(path)]):
            wanted.append((os.path.realpath(path), dest))
    roots: list[tuple[str, str]] = []
    seen: list[str] = ["/usr"]
    # Shortest destinations first: a folder inside one already bound is skipped.
    for source, dest in sorted(set(wanted), key=lambda pair: (len(pair[1]), pair[1])):
        if not _covered(dest, seen):
            roots.append((source, dest))
            seen.append(dest)
    # Never bind a folder that holds the solutions or the whole home folder (a
    # virtual environment created in the project root, a Python prefix of "/").
    forbidden = [str(PROJECT / "exercises"), str(Path.home()), "/"]
    for _, dest in roots:
        for path in forbidden:
            if _covered(path, [dest]):
                raise RuntimeError(
                    f"the Python environment folder {dest} contains {path}, which the sandbox "
                    "must hide; create the virtual environment elsewhere (`python3 start.py` "
                    "makes .venv/ in the project) and grade with it.")
    return tuple(roots)


def _bwrap_path() -> str:
    path = os.environ.get("PATH", "")
    cached = _prepared.get("bwrap")
    if cached is None or cached[0] != path:
        cached = (path, shutil.which(BWRAP) or BWRAP)
        _prepared["bwrap"] = cached
    return cached[1]


@functools.lru_cache(maxsize=1)
def _system_args() -> tuple[str, ...]:
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in _ETC:
        path = Path("/etc") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.exists():
            args += ["--ro-bind", str(path), str(path)]
    return tuple(args)


_etc_lock = threading.Lock()


def _synthetic_etc(private: Path) -> str:
    """Folder holding the synthetic passwd, group and hosts (written once per process)."""
    with _etc_lock:
        folder = _prepared.get("etc")
        if folder is None:
            folder = _cache_root() / "etc"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                for name, text in (("passwd", _PASSWD), ("group", _GROUP), ("hosts", _HOSTS)):
                    path = folder / name
                    if not path.is_file() or path.read_text() != text:
                        part = folder / f".{name}.{os.getpid()}"
                        part.write_text(text)
                        os.replace(part, path)
            except OSError:
                folder = None       # not writable: each kernel gets its own copy
            else:
                _prepared["etc"] = folder
    if folder is not None:
        return str(folder)
    etc = private / "etc"
    for name, text in (("passwd", _PASSWD), ("group", _GROUP), ("hosts", _HOSTS)):
        (etc / name).write_text(text)
    return str(etc)


def kernel_environment(python: str = PYTHON) -> dict[str, str]:
    """The kernel's whole environment: only what it needs, nothing about grading.

    Examples
    --------
    >>> env = kernel_environment()
    >>> env["HOME"], env["MPLBACKEND"]
    ('/tmp/home', 'Agg')
    >>> any(key.startswith("NBGRADER") for key in env)
    False
    """
    bindir = str(Path(python).absolute().parent)
    return {
        "PATH": f"{bindir}:/usr/local/bin:/usr/bin:/bin",
        "HOME": INSIDE_HOME,
        "USER": "learner",
        "LOGNAME": "learner",
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": f"{INSIDE_HOME}/.config/matplotlib",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "TERM": "dumb",
        # One thread for numerical libraries: a grading kernel runs one student's
        # small computations next to others', and OpenBLAS's thread pool alone costs
        # more CPU at start-up (about 0.06 s per kernel) than it can ever save.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def command(kernel_argv: list[str], *, workdir: str | os.PathLike, private: str | os.PathLike,
            seccomp_fd: int, learner_file: str | os.PathLike | None = None,
            python: str = PYTHON) -> list[str]:
    """The ``bwrap`` command that runs ``kernel_argv`` in the sandbox.

    Parameters
    ----------
    kernel_argv : list of str
        The kernel's command line as seen inside (absolute paths).
    workdir : path
        The submission's working folder: read-write, the kernel's current
        folder, seen inside as :data:`INSIDE_WORKDIR`.
    private : path
        This kernel's private folder outside the sandbox, with sub-folders
        (created if missing): ``conn`` (connection file and sockets), bound
        read-write at the same path; ``tmp`` and ``shm``, bound read-write
        as ``/tmp`` and ``/dev/shm``; ``etc``, which receives the synthetic
        ``passwd``, ``group`` and ``hosts`` when the shared copy in the cache
        folder cannot be written.
    seccomp_fd : int
        A readable file descriptor holding :func:`seccomp_filter`'s program;
        the caller passes it to the child (``pass_fds``).
    learner_file : path, optional
        ``workdir/.weakties-learner``: bound read-only over itself, so the
        kernel cannot change whose data it is graded on.
    """
    workdir = os.path.realpath(workdir)
    private = Path(private)
    for name in ("conn", "tmp", "shm", "etc"):
        os.makedirs(private / name, mode=0o700, exist_ok=True)
    conn, tmp, shm = (os.path.realpath(private / name) for name in ("conn", "tmp", "shm"))
    etc = _synthetic_etc(private)
    env = kernel_environment(python)
    args = [
        _bwrap_path(),
        "--unshare-all", "--unshare-user", "--disable-userns",
        "--uid", "65534", "--gid", "65534",
        "--hostname", "localhost",
        "--cap-drop", "ALL",
        "--die-with-parent", "--new-session",
        "--clearenv",
        *_system_args(),
    ]
    for name in ("passwd", "group", "hosts"):
        args += ["--ro-bind", str(Path(etc, name)), f"/etc/{name}"]
    args += [
        "--proc", "/proc",
        "--dev", "/dev",
        # The private /tmp and /dev/shm are folders outside (not tmpfs, whose files
        # would use the machine's memory without bound), watched by the grader.
        "--bind", str(shm), "/dev/shm",
        "--remount-ro", "/dev",
        "--bind", str(tmp), "/tmp",
        "--dir", f"{INSIDE_HOME}/.config/matplotlib",
    ]
    # After /tmp: a Python environment that lives under /tmp (a project cloned
    # there) is bound over the private /tmp instead of being hidden by it.
    for source, dest in readonly_roots(python):
        args += ["--ro-bind", source, dest]
    font_cache = _font_cache_file()
    if font_cache is not None:
        args += ["--ro-bind", str(font_cache),
                 f"{INSIDE_HOME}/.config/matplotlib/{font_cache.name}"]
    args += ["--bind", conn, conn, "--bind", workdir, INSIDE_WORKDIR]
    if learner_file is not None:
        inside = f"{INSIDE_WORKDIR}/{Path(learner_file).name}"
        args += ["--ro-bind", os.path.realpath(learner_file), inside]
    args += ["--remount-ro", "/", "--chdir", INSIDE_WORKDIR]
    for key, value in env.items():
        args += ["--setenv", key, value]
    args += ["--seccomp", str(seccomp_fd), "--", *kernel_argv]
    return args


def judge_command(argv: list[str], *, folder: str | os.PathLike, private: str | os.PathLike,
                  seccomp_fd: int, python: str = PYTHON) -> list[str]:
    """The ``bwrap`` command that runs the judge (:mod:`grader.engine.judge_process`).

    The judge never runs student code, but it is sandboxed as well: the same
    isolation as a kernel (own user, PID, network, IPC namespaces; uid 65534;
    no capability; a cleared environment; read-only system and Python), and
    it sees, besides the Python environment and the ``weakties`` package, the
    ``grader`` package (read-only) and its own ``folder`` (read-write: the
    socket the grader connects to, and one sub-folder per notebook with the
    assignment's trusted files and the learner id). It never sees the course
    folder, the submissions, or the student kernels' folders. Its seccomp
    filter (:func:`seccomp_filter` with ``allow_fork=True``) lets it fork
    the child that serves each notebook.
    """
    folder = os.path.realpath(folder)
    private = Path(private)
    for name in ("tmp", "shm", "etc"):
        os.makedirs(private / name, mode=0o700, exist_ok=True)
    tmp, shm = (os.path.realpath(private / name) for name in ("tmp", "shm"))
    etc = _synthetic_etc(private)
    env = kernel_environment(python)
    grader_dir = os.path.realpath(Path(__file__).resolve().parent.parent)
    args = [
        _bwrap_path(),
        "--unshare-all", "--unshare-user", "--disable-userns",
        "--uid", "65534", "--gid", "65534",
        "--hostname", "localhost",
        "--cap-drop", "ALL",
        "--die-with-parent", "--new-session",
        "--clearenv",
        *_system_args(),
    ]
    for name in ("passwd", "group", "hosts"):
        args += ["--ro-bind", str(Path(etc, name)), f"/etc/{name}"]
    args += ["--proc", "/proc", "--dev", "/dev", "--bind", str(shm), "/dev/shm",
             "--remount-ro", "/dev", "--bind", str(tmp), "/tmp",
             "--dir", f"{INSIDE_HOME}/.config/matplotlib"]
    for source, dest in readonly_roots(python):
        args += ["--ro-bind", source, dest]
    font_cache = _font_cache_file()
    if font_cache is not None:
        args += ["--ro-bind", str(font_cache),
                 f"{INSIDE_HOME}/.config/matplotlib/{font_cache.name}"]
    args += ["--ro-bind", grader_dir, grader_dir, "--bind", folder, folder,
             "--remount-ro", "/", "--chdir", folder]
    for key, value in env.items():
        args += ["--setenv", key, value]
    args += ["--seccomp", str(seccomp_fd), "--", *argv]
    return args


# ---------------------------------------------------------------------------
# One-time preparation: byte-compiled files and matplotlib's font cache
# ---------------------------------------------------------------------------

_prepare_lock = threading.Lock()
_prepared: dict[str, object] = {}


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "weakties" / "kernel"


def _font_cache_file() -> Path | None:
    return _prepared.get("font_cache")  # type: ignore[return-value]


def _font_cache_folder() -> Path | None:
    """Cache folder for this matplotlib version (found without importing matplotlib)."""
    from importlib import metadata

    try:
        version = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:
        return None
    return _cache_root() / "matplotlib" / version


def _font_list(folder: Path) -> Path | None:
    found = sorted(folder.glob("fontlist-v*.json")) if folder.is_dir() else []
    return found[-1] if found else None


def prepare(python: str = PYTHON) -> None:
    """Make kernel start-up in the sandbox as quick as outside it (once per process).

    - Byte-compiles the ``weakties`` package folder (the sandbox mounts it
      read-only, so a kernel could not cache its own ``.pyc`` files and would
      recompile on every import). ``start.py`` does the same for the whole
      environment.
    - Builds matplotlib's font list once, *inside* the sandbox so that it
      names exactly the fonts the kernel can see, and keeps it in
      ``~/.cache/weakties/kernel/``; every kernel then gets it read-only
      instead of scanning the system fonts (about a second) at its first plot.

    Failures here are not fatal: kernels still run, only slower.
    """
    with _prepare_lock:
        if _prepared.get("done"):
            return
        package = _package_dir("weakties")
        if package and os.access(package, os.W_OK):
            import compileall
            compileall.compile_dir(package, quiet=2, workers=1)
        folder = _font_cache_folder()
        if folder is not None:
            if _font_list(folder) is None:
                _build_font_cache(folder, python)
            if _font_list(folder) is not None:
                _prepared["font_cache"] = _font_list(folder)
        _prepared["done"] = True


def _build_font_cache(folder: Path, python: str) -> None:
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / ".lock", "w")
    except OSError:
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)   # other grading processes wait for the first
        if _font_list(folder) is not None:
            return
        with tempfile.TemporaryDirectory(prefix="fonts-") as tmp:
            build = Path(tmp) / "build"
            build.mkdir()
            argv = [python, "-c", "import matplotlib.font_manager"]
            read, write = os.pipe()
            try:
                os.write(write, seccomp_filter())
                os.close(write)
                cmd = command(argv, workdir=build, private=tmp, seccomp_fd=read,
                              python=python)
                # Let this one run write its cache to the build folder.
                cmd[cmd.index("--seccomp"):cmd.index("--seccomp")] = [
                    "--setenv", "MPLCONFIGDIR", INSIDE_WORKDIR]
                subprocess.run(cmd, pass_fds=(read,), stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               timeout=300, env={"PATH": "/usr/bin:/bin"}, check=False)
            except (OSError, subprocess.SubprocessError, RuntimeError):
                return
            finally:
                os.close(read)
            built = _font_list(build)
            if built is not None:
                part = folder / (built.name + ".part")
                shutil.copyfile(built, part)
                os.replace(part, folder / built.name)


# ---------------------------------------------------------------------------
# Is the sandbox usable here?
# ---------------------------------------------------------------------------

_NEEDED_OPTIONS = ("--disable-userns", "--size", "--seccomp", "--clearenv", "--remount-ro")


@functools.lru_cache(maxsize=1)
def _problem(python: str) -> str | None:
    bwrap = shutil.which(BWRAP)
    if bwrap is None:
        return f"bubblewrap (bwrap) is not installed, and grading runs student code in it. {INSTALL_HINT}."
    try:
        usage = subprocess.run([bwrap, "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"bubblewrap ({bwrap}) cannot be run: {exc}. {INSTALL_HINT}."
    missing = [opt for opt in _NEEDED_OPTIONS if opt not in usage.stdout + usage.stderr]
    if missing:
        return (f"bubblewrap ({bwrap}) is too old: it lacks {', '.join(missing)}. "
                "Version 0.8 or newer is needed (Debian 12, Ubuntu 24.04 and later have it).")
    try:
        program = seccomp_filter()
    except ValueError as exc:
        return str(exc)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="weakties-check-") as tmp:
        (Path(tmp) / "work").mkdir()
        check = ("import os, sys\n"
                 "assert os.getuid() == 65534, os.getuid()\n"
                 "try:\n    os.fork()\nexcept PermissionError:\n    pass\n"
                 "else:\n    os._exit(7)\n"
                 "print('sandbox-ok')\n")
        read, write = os.pipe()
        try:
            os.write(write, program)
            os.close(write)
            cmd = command([python, "-c", check], workdir=Path(tmp) / "work", private=tmp,
                          seccomp_fd=read, python=python)
            result = subprocess.run(cmd, pass_fds=(read,), capture_output=True, text=True,
                                    timeout=60, env={"PATH": "/usr/bin:/bin"})
        except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
            return f"the sandbox could not be started: {exc}."
        finally:
            os.close(read)
    if result.returncode != 0 or "sandbox-ok" not in result.stdout:
        message = (result.stderr or result.stdout).strip().splitlines()
        why = message[-1] if message else f"exit status {result.returncode}"
        hint = ""
        if "namespace" in why.lower() or "permission" in why.lower():
            hint = (" User namespaces seem disabled: allow them with "
                    "`sysctl kernel.unprivileged_userns_clone=1`, or on Ubuntu 24.04 "
                    "`sysctl kernel.apparmor_restrict_unprivileged_userns=0`"
                    " (or an AppArmor profile for bwrap).")
        return f"bubblewrap is installed but the sandbox does not work here: {why}.{hint}"
    return None


def sandbox_problem(*, refresh: bool = False) -> str | None:
    """``None`` when the kernel sandbox works here, else why not and how to fix it.

    The check runs a tiny program in the real sandbox (once per process;
    ``refresh=True`` checks again): bubblewrap must be installed and recent
    enough, user namespaces allowed, and the seccomp filter effective.

    Examples
    --------
    >>> problem = sandbox_problem()
    >>> problem is None or "bubblewrap" in problem or "sandbox" in problem
    True
    """
    if refresh:
        _problem.cache_clear()
    return _problem(PYTHON)
