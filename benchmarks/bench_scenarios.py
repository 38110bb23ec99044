"""Time every scenario of weakties.scenarios at n = 2,000 and n = 10,000.

The baseline is the time to build the population itself
(:func:`weakties.population`) at the same size, measured in the same run:
each scenario is reported in seconds and as a ratio to that build, so the
figures compare across machines. Each time is the best of a few runs.

Run it from the project folder::

    .venv/bin/python benchmarks/bench_scenarios.py [--repeat 3] [--sizes 2000 10000]

It writes ``benchmarks/results/scenarios.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import weakties  # noqa: E402
from weakties import scenarios as S  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "scenarios.md"

#: (scenario, call as written in the table, function of the population)
CALLS = [
    ("job_search", "job_search(G, n/10 seekers, strategy='targeted')",
     lambda G: S.job_search(G, range(0, G.number_of_nodes(), 10), seed=1,
                            strategy="targeted")),
    ("job_search", "job_search(G, everyone, strategy='everyone')",
     lambda G: S.job_search(G, list(G), seed=1, strategy="everyone")),
    ("job_search", "tie_experiment(G, everyone, runs=2)",
     lambda G: S.tie_experiment(G, seed=1)),
    ("labour_market", "labour_market(G, months=120)",
     lambda G: S.labour_market(G, seed=1)),
    ("recommend", "recommend(G, policy='mutual', rounds=10)",
     lambda G: S.recommend(G, policy="mutual", seed=1)),
    ("recommend", "recommend(G, policy='similar', rounds=10)",
     lambda G: S.recommend(G, policy="similar", seed=1)),
    ("recommend", "recommend(G, policy='diverse', rounds=10)",
     lambda G: S.recommend(G, policy="diverse", seed=1)),
    ("networking_event", "networking_event(G, 60, format='evening')",
     lambda G: S.networking_event(G, 60, format="evening", seed=1)),
    ("reputation", "reputation(G, ask_share=0.5, periods=24)",
     lambda G: S.reputation(G, ask_share=0.5, seed=1)),
    ("reputation", "reputation(G, ask_share=0.9, periods=24)",
     lambda G: S.reputation(G, ask_share=0.9, seed=1)),
    ("prospecting", "prospecting(G, 0, 300 targets, max_hops=3)",
     lambda G: S.prospecting(G, 0, range(1, 301), seed=1)),
    ("cascade", "cascade(G, 'influencers', model='independent', runs=10)",
     lambda G: S.cascade(G, "influencers", seed=1)),
    ("cascade", "cascade(G, 'influencers', model='threshold', runs=10)",
     lambda G: S.cascade(G, "influencers", model="threshold", seed=1)),
    ("venture", "venture(G, 0, default needs, max_hops=2)",
     lambda G: S.venture(G, 0, seed=1)),
]


def best_of(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best kept)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    build, timings = {}, {}
    for n in args.sizes:
        build[n] = best_of(lambda: weakties.population(n, seed=1), args.repeat)
        G = weakties.population(n, seed=1)
        print(f"n={n:,}: population built in {build[n]:.3f} s", flush=True)
        for i, (_, call, fn) in enumerate(CALLS):
            fn(G)  # warm up: caches and imports
            timings[(i, n)] = best_of(lambda: fn(G), args.repeat)
            print(f"  {call}: {timings[(i, n)]:.3f} s", flush=True)

    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    head = ["scenario", "call"]
    for n in args.sizes:
        head += [f"n={n:,} (s)", f"/ build at {n:,}"]
    lines = [
        "# Scenario timings",
        "",
        f"Best of {args.repeat} runs of each call, seed 1, default options unless shown; "
        "the baseline is the time to build the population at the same size "
        "(`weakties.population(n, seed=1)`), measured in the same run.",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}; load average {load_before:.1f} at the "
        f"start and {load_after:.1f} at the end (other jobs sharing the cores slow "
        "every figure alike; the ratios absorb part of it). Made by "
        "`.venv/bin/python benchmarks/bench_scenarios.py`.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---"] * 2 + ["---:"] * (2 * len(args.sizes))) + "|",
        "| population (baseline) | `weakties.population(n, seed=1)` | " + " | ".join(
            f"{build[n]:.3f} | 1.00" for n in args.sizes) + " |",
    ]
    for i, (name, call, _) in enumerate(CALLS):
        cells = []
        for n in args.sizes:
            t = timings[(i, n)]
            cells += [f"{t:.3f}", f"{t / build[n]:.2f}"]
        lines.append(f"| {name} | `{call}` | " + " | ".join(cells) + " |")
    small = min(args.sizes)
    slowest = max(range(len(CALLS)), key=lambda i: timings[(i, small)])
    lines += ["", f"**At {small:,} people every call takes at most "
              f"{timings[(slowest, small)]:.2f} s ({timings[(slowest, small)] / build[small]:.2f} "
              f"times the build; slowest: `{CALLS[slowest][1]}`).**"]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
