"""Start an IPython kernel under resource limits (the grading kernel's launcher).

Usage::

    python launch.py --limits as=BYTES,cpu=SECONDS,fsize=BYTES,nofile=N -- -f CONNECTION_FILE

The limits are set on this process before ipykernel is imported, so that
no student code ever runs without them, and they cannot be raised again
(soft and hard limits are equal; raising a hard limit needs a capability
the sandbox drops). Then the arguments after ``--`` go to ipykernel, as with
``python -m ipykernel_launcher``.

- ``as``: address space (virtual memory). Allocations beyond it fail with
  ``MemoryError`` in the cell.
- ``cpu``: CPU seconds for the kernel's whole life; beyond it the kernel is
  killed (SIGXCPU, then SIGKILL one second later).
- ``fsize``: largest file the kernel may write; beyond it writes fail with
  ``OSError: [Errno 27] File too large`` (Python ignores SIGXFSZ).
- ``nofile``: open files and sockets at once (the kernel itself uses about 30).

Core dumps are turned off. The kernel starts without its debugger: ipykernel
imports ``debugpy`` when it can (about 0.06 s of CPU per kernel: 0.62 -> 0.57 s
for one that builds a 150-person population) only to answer a front end's
debug requests, which grading never sends; so ``import debugpy`` fails in a
grading kernel, and ipykernel reports ``debugger: false``.

This file runs inside the sandbox with only the standard library, and must
stay importable by any Python 3.8+.
"""

import os
import resource
import runpy
import sys

_LIMITS = {
    "as": resource.RLIMIT_AS,
    "cpu": resource.RLIMIT_CPU,
    "fsize": resource.RLIMIT_FSIZE,
    "nofile": resource.RLIMIT_NOFILE,
}


def parse_limits(text):
    """``"as=1,cpu=2"`` -> ``{"as": 1, "cpu": 2}``; unknown names are an error."""
    limits = {}
    for item in filter(None, text.split(",")):
        name, _, value = item.partition("=")
        if name not in _LIMITS:
            raise SystemExit(f"launch.py: unknown limit {name!r}; known: {', '.join(_LIMITS)}")
        limits[name] = int(value)
    return limits


def apply_limits(limits):
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for name, value in limits.items():
        if value <= 0:
            continue
        soft = hard = value
        if name == "cpu":
            hard = value + 1          # SIGXCPU at the soft limit, SIGKILL one second later
        current_soft, current_hard = resource.getrlimit(_LIMITS[name])
        if current_hard != resource.RLIM_INFINITY:
            hard = min(hard, current_hard)
            soft = min(soft, hard)
        resource.setrlimit(_LIMITS[name], (soft, hard))


def main(argv):
    limits = {}
    if argv[:1] == ["--limits"]:
        limits = parse_limits(argv[1])
        argv = argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    apply_limits(limits)
    # An entry of None makes every later ``import debugpy`` raise ImportError,
    # which ipykernel expects (the debugger is optional).
    sys.modules["debugpy"] = None
    # As `python -m ipykernel_launcher`: the current folder first on sys.path,
    # so that a submission's own modules import; not this launcher's folder.
    sys.path[0] = os.getcwd()
    sys.argv = ["ipykernel_launcher", *argv]
    runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
