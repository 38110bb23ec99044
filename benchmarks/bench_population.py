"""Benchmark: building populations, and one person's ego report against networkx.

Run from the project folder:

    .venv/bin/python benchmarks/bench_population.py            # n = 1,000, 10,000, 100,000
    .venv/bin/python benchmarks/bench_population.py --quick    # n = 1,000 and 10,000 only

Each measurement runs in a fresh Python process, so that its peak memory
(maximum resident set size) is its own. Baselines, measured in the same run:

- building a population is compared with ``networkx.gnm_random_graph`` with
  the same number of people and ties (a bare random graph, no attributes);
- ``weakties.ego_report(G, ego)`` is compared with networkx's own
  ``constraint(G, [ego], weight="strength")`` plus
  ``effective_size(G, [ego], weight="strength")`` for the same person on a
  20,000-person population.

The table is written to ``benchmarks/results/population.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "population.md"

BUILD = """
import json, resource, time, sys
n, kind = int(sys.argv[1]), sys.argv[2]
import networkx as nx, weakties
c = time.process_time()
if kind == "population":
    t = time.perf_counter(); G = weakties.population(n, seed=1); s = time.perf_counter() - t
else:
    m = int(sys.argv[3])
    t = time.perf_counter(); G = nx.gnm_random_graph(n, m, seed=1); s = time.perf_counter() - t
cpu = time.process_time() - c
print(json.dumps({"seconds": s, "cpu": cpu, "edges": G.number_of_edges(),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_build(n, kind, m=0):
    out = subprocess.run([sys.executable, "-c", BUILD, str(n), kind, str(m)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def ego_ratio(n=20_000, egos=(0, 1, 2, 3, 4)):
    import networkx as nx

    import weakties

    G = weakties.population(n, seed=1)
    ours, theirs = [], []
    for ego in egos:
        t = time.perf_counter()
        report = weakties.ego_report(G, ego)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        c = nx.constraint(G, [ego], weight="strength")[ego]
        e = nx.effective_size(G, [ego], weight="strength")[ego]
        theirs.append(time.perf_counter() - t)
        assert abs(c - report.constraint) < 1e-9 and abs(e - report.effective_size) < 1e-9
    return statistics.median(ours), statistics.median(theirs)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip n = 100,000")
    args = parser.parse_args(argv)
    sizes = [1_000, 10_000] + ([] if args.quick else [100_000])
    load_start = os.getloadavg()
    rows = []
    for n in sizes:
        pop = min((run_build(n, "population") for _ in range(2 if n < 100_000 else 1)),
                  key=lambda r: r["seconds"])
        base = min((run_build(n, "gnm", pop["edges"]) for _ in range(2)),
                   key=lambda r: r["seconds"])
        rows.append((n, pop, base))
        print(f"n={n:>7,}: population {pop['seconds']:.2f} s (CPU {pop['cpu']:.2f} s), "
              f"{pop['peak_mb']:.0f} MB; gnm {base['seconds']:.2f} s (CPU {base['cpu']:.2f} s), "
              f"{base['peak_mb']:.0f} MB", flush=True)
    ours, theirs = ego_ratio()
    print(f"ego_report {ours * 1000:.1f} ms, networkx {theirs * 1000:.0f} ms: "
          f"{theirs / ours:.0f}x faster", flush=True)

    load_end = os.getloadavg()
    lines = [
        "# Population benchmark",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Command: `.venv/bin/python "
        "benchmarks/bench_population.py`.",
        "",
        "Load average (1, 5 and 15 minutes) when the run started: "
        + ", ".join(f"{x:.1f}" for x in load_start) + "; when it ended: "
        + ", ".join(f"{x:.1f}" for x in load_end) + f" ({os.cpu_count()} cores). Other work "
        "on the machine slows both columns, not always equally: compare runs made at a "
        "low load.",
        "",
        "Building a population (seed 1, default options) against the baseline "
        "`networkx.gnm_random_graph` with the same numbers of people and ties, each in its "
        "own process (peak memory = maximum resident set size of that process, Python and "
        "imports included). Seconds are wall-clock time; CPU seconds count only the time "
        "the process itself ran, so they vary less when other work shares the machine "
        "(on a quiet machine the two agree).",
        "",
        "| people | ties | population (s) | baseline (s) | time ratio | population CPU (s) "
        "| baseline CPU (s) | population peak (MB) | baseline peak (MB) | memory ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, pop, base in rows:
        lines.append(
            f"| {n:,} | {pop['edges']:,} | {pop['seconds']:.2f} | {base['seconds']:.2f} | "
            f"{pop['seconds'] / base['seconds']:.1f}x | {pop['cpu']:.2f} | {base['cpu']:.2f} | "
            f"{pop['peak_mb']:.0f} | {base['peak_mb']:.0f} | "
            f"{pop['peak_mb'] / base['peak_mb']:.1f}x |")
    lines += [
        "",
        "One person's ego report on a 20,000-person population (median of 5 people), "
        "against networkx's `constraint` plus `effective_size` for the same person "
        "(same values to 1e-9):",
        "",
        "| ego_report (ms) | networkx (ms) | speed-up |",
        "|---:|---:|---:|",
        f"| {ours * 1000:.1f} | {theirs * 1000:.0f} | {theirs / ours:.0f}x |",
        "",
    ]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
