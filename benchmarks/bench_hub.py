"""Benchmark: thirty students fetch and hand in at once through the course's JupyterHub.

Run as root from the project folder (PostgreSQL, npm's configurable-http-proxy
and the test extras installed, as ``.ci/run`` does); everything stays on
127.0.0.1, and the stack is removed afterwards:

    .venv/bin/python benchmarks/bench_hub.py

It starts the stack of ``deploy/hub`` (its own accounts, prefixed ``whb``),
releases ``03-alter-ego-network`` through the exchange, then:

1. **baseline**: one student alone (their server already running) fetches
   the assignment through the hub (the Assignment List's endpoint), saves a
   change through Jupyter's contents API and submits;
2. **batch**: thirty students do the same at the same moment, each with
   their own server, started through the hub's REST API beforehand (the
   start-up time is reported apart);
3. the grading account collects (``nbgrader collect``), and the submissions
   are checked: thirty, one each, each holding its own student's change.

The table is written to ``benchmarks/results/hub.md``; the headline is the
batch's time as a multiple of the lone student's time measured in the same
run (thirty students served one after another would take thirty times).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "hub"))
RESULTS = HERE / "results" / "hub.md"

A = "03-alter-ego-network"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the table")
    args = parser.parse_args(argv)
    os.environ["PYTEST_XDIST_WORKER"] = ""
    import hub_support as support

    problem = support.hub_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    support.prefix = lambda: "whb"          # accounts of their own, apart from the tests'
    load_start = os.getloadavg()[0]
    t0 = time.monotonic()
    hub = support.start_stack()
    stack_start = time.monotonic() - t0
    try:
        hub.grade("release", A)
        hub.nbgrader("release_assignment", A, "--force")
        hub.start_server("ada")
        hub.wait_ready(["ada"])
        token = hub.token_for("ada")
        t1 = time.monotonic()
        alone = support.fetch_and_submit(hub, "ada", token, A, support.marker_of(hub, "ada"))
        baseline = time.monotonic() - t1
        hub.stop_server("ada")
        result = support.class_batch(hub, support.LOAD_STUDENTS, A)
        t2 = time.monotonic()
        hub.nbgrader("collect", A)
        collect = time.monotonic() - t2
        submitted = hub.course / "submitted"
        names = [hub.user(s) for s in support.LOAD_STUDENTS] + [hub.user("ada")]
        collected = sorted(p.parent.name for p in submitted.glob(f"*/{A}"))
        assert collected == sorted(names), collected
        for name in support.LOAD_STUDENTS + ["ada"]:
            text = (submitted / hub.user(name) / A / f"{A}.ipynb").read_text()
            assert support.marker_of(hub, name) in text, name
    finally:
        support.remove_stack(hub)
    load_end = os.getloadavg()[0]

    steps = result["steps"]
    each = [sum(s.values()) for s in steps.values()]
    rows = [("one student alone (baseline)", baseline, alone["fetch"], alone["submit"]),
            ("30 students at once", result["batch"],
             statistics.median(s["fetch"] for s in steps.values()),
             statistics.median(s["submit"] for s in steps.values()))]
    ratio = result["batch"] / baseline
    lines = [
        "# Hub load benchmark",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Command: `.venv/bin/python benchmarks/bench_hub.py` (as root).",
        "",
        f"The stack of `deploy/hub` on 127.0.0.1 (JupyterHub, configurable-http-proxy, "
        f"PostgreSQL, the formgrader service). Each student has their own JupyterLab; "
        f"through the hub they fetch `{A}` (the Assignment List's endpoint), save a change "
        "with Jupyter's contents API and submit it to nbgrader's exchange. Baseline: one "
        "student doing the same alone, measured in the same run.",
        "",
        "| what | wall (s) | fetch, median (s) | submit, median (s) |",
        "|---|---:|---:|---:|",
        *[f"| {name} | {wall:.2f} | {fetch:.2f} | {submit:.2f} |"
          for name, wall, fetch, submit in rows],
        "",
        f"Thirty students fetching and handing in at the same moment took "
        f"**{result['batch']:.1f} s, "
        f"{ratio:.1f}x one student's time alone** ({baseline:.2f} s; thirty served one after "
        f"another would take 30x); the slowest student waited {max(each):.1f} s from fetch "
        f"to submitted. All 30 submissions (and the baseline's) were collected, one each, "
        "each with its own student's change.",
        "",
        f"Not in the batch time: starting the 30 servers through the hub's REST API took "
        f"{result['spawn']:.1f} s (each server is a JupyterLab with nbgrader's extensions); "
        f"collecting the 31 submissions (`nbgrader collect`) took {collect:.1f} s; starting the "
        f"whole stack (34 accounts, PostgreSQL cluster, hub) took {stack_start:.1f} s.",
        "",
        f"Load average (one minute) at the start and end of the run: {load_start:.1f} and "
        f"{load_end:.1f} on {os.cpu_count()} cores; above the number of cores, other work was "
        "running on the machine and the wall times carry its noise.",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
