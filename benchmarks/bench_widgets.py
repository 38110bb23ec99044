"""How fast every lesson's Explorer redraws when a learner moves a control.

Run from the project folder (about 15 minutes on the 2-core machine)::

    .venv/bin/python benchmarks/bench_widgets.py              # every lesson
    .venv/bin/python benchmarks/bench_widgets.py 04 08        # some lessons
    .venv/bin/python benchmarks/readme.py                     # copy the figures into the README

Each lesson notebook is executed top to bottom in a fresh kernel (nbclient,
matplotlib's inline backend, as JupyterLab runs it). Then, in that kernel,
every Explorer the lesson made has each of its controls moved through up to
five values (a slider: evenly spaced from its minimum to its maximum; a list:
each option), one at a time, as a learner's hand would; each move's redraw is
timed from the new value to the picture drawn (the inline backend renders
the PNG inside the call). Per lesson: the median and the slowest redraw.
Lessons 06 and 07 precompute the results of moving one control from its
start, which is what this benchmark measures: a learner moving a second
control may wait for a simulation the first time. Explorers show a
picture through ``weakties.widgets.figure_png`` (drawn once, cropped as
the notebook crops it); the baseline's went through the inline backend,
which lays a figure out and then draws it again. Every timed move asks for
a picture not shown before, so the reuse of unchanged pictures (a learner
moving back) never shortens a measurement.

**Baseline**: the lessons as they were before their conversion (commit
``e9964f9``, the state issue 13 measured: medians 0.3 to 0.9 s), extracted
with ``git archive`` and executed in the same run the same way, with that
commit's library on the kernel's path. Bounds asked by issue 13: a median of
at most 0.25 s and a worst case of at most 0.5 s per lesson.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from grader.engine.kernelclient import SteppedKernelManager  # noqa: E402  (waits in steps)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "widgets.md"
BASELINE = "e9964f9"
MEDIAN_BOUND, WORST_BOUND = 0.25, 0.5

PROBE = r'''
import gc as _gc, json as _json, time as _time
def _bench_values(c):
    opts = getattr(c, "options", None)
    if opts:
        vals = [o[1] if isinstance(o, tuple) else o for o in opts]
        if isinstance(c.value, tuple):
            return []
        return [v for v in vals if v != c.value][:5]
    if isinstance(c.value, bool):
        return [not c.value]
    lo, hi = getattr(c, "min", None), getattr(c, "max", None)
    if lo is None or hi is None:
        return []
    step = getattr(c, "step", None) or 1
    out = []
    for i in range(5):
        v = lo + (hi - lo) * i / 4
        v = lo + round((v - lo) / step) * step
        v = type(c.value)(min(max(v, lo), hi))
        if v != c.value and v not in out:
            out.append(v)
    return out
_bench = []
_seen = set()
for _o in list(_gc.get_objects()):
    try:
        _is = type(_o).__name__ == "Explorer" and hasattr(_o, "controls") and id(_o) not in _seen
    except Exception:
        _is = False
    if not _is:
        continue
    _seen.add(id(_o))
    for _name, _c in dict(_o.controls).items():
        _orig = _c.value
        for _v in _bench_values(_c):
            _t = _time.perf_counter()
            _c.value = _v
            _bench.append({"control": _name, "seconds": _time.perf_counter() - _t})
        _c.value = _orig
print("BENCH" + _json.dumps(_bench))
'''


def lesson_times(path: Path, pythonpath: Path, cwd: Path) -> list:
    """Execute one lesson, move every control of every Explorer; the redraw times."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            kernel_manager_class=SteppedKernelManager,
                            resources={"metadata": {"path": str(cwd)}})
    old = dict(os.environ)
    os.environ["PYTHONPATH"] = str(pythonpath)
    os.environ["WEAKTIES_LANG"] = "en"
    try:
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    for out in nb.cells[-1].get("outputs", []):
        text = out.get("text", "")
        for line in text.splitlines():
            if line.startswith("BENCH"):
                return json.loads(line[5:])
    raise RuntimeError(f"{path.name}: the probe printed nothing")


def baseline_tree(tmp: Path) -> Path:
    """The project as of the baseline commit, extracted into ``tmp``."""
    archive = tmp / "baseline.tar"
    subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), BASELINE],
                   check=True)
    with tarfile.open(archive) as t:
        t.extractall(tmp / "baseline", filter="data")
    return tmp / "baseline"


def summarise(times: list) -> tuple:
    s = [t["seconds"] for t in times]
    return (statistics.median(s), max(s), len(s)) if s else (None, None, 0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lesson numbers (default: all)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write results")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the baseline (for a quick look while tuning; implies --no-write)")
    args = parser.parse_args(argv)
    wanted = set(args.lessons)
    rows = []
    if args.no_baseline:
        args.no_write = True
    with tempfile.TemporaryDirectory() as tmp:
        old_root = None if args.no_baseline else baseline_tree(Path(tmp))
        for path in sorted((ROOT / "course").glob("[0-9][0-9]-*.ipynb")):
            n = path.name[:2]
            if wanted and n not in wanted:
                continue
            new = summarise(lesson_times(path, ROOT, ROOT / "course"))
            old_path = old_root / "course" / path.name if old_root else None
            old = summarise(lesson_times(old_path, old_root, old_root / "course")) \
                if old_path and old_path.exists() else (None, None, 0)
            rows.append((path.stem, old, new))
            print(f"{path.stem}: now median {new[0]}, worst {new[1]} ({new[2]} moves); "
                  f"before median {old[0]}, worst {old[1]} ({old[2]} moves)", flush=True)
    if args.no_write:
        return 0

    def f(x):
        return "" if x is None else f"{x:.2f}"

    ok = [r for r in rows if r[2][2]]
    meets = all(r[2][0] <= MEDIAN_BOUND and r[2][1] <= WORST_BOUND for r in ok)
    load = os.getloadavg()
    lines = [
        "# Explorer redraw times, lesson by lesson",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average when done {load[0]:.1f} (other work on "
        "the machine inflates the times). Command: `.venv/bin/python "
        "benchmarks/bench_widgets.py`.",
        "",
        "Each lesson executed in a fresh kernel; every control of every Explorer moved "
        "through up to five values, each redraw timed (PNG rendered). Baseline: the same "
        f"lessons before their conversion (commit `{BASELINE}`), executed in the same run.",
        "",
        "| lesson | moves | median (s) | worst (s) | baseline moves | baseline median (s) "
        "| baseline worst (s) | median speed-up |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for stem, old, new in rows:
        speed = f"{old[0] / new[0]:.1f}x" if old[0] and new[0] else ""
        lines.append(f"| {stem} | {new[2]} | {f(new[0])} | {f(new[1])} | {old[2]} | "
                     f"{f(old[0])} | {f(old[1])} | {speed} |")
    worst_median = max((r[2][0] for r in ok), default=0)
    worst = max((r[2][1] for r in ok), default=0)
    lines += ["", f"**Slowest lesson median {worst_median:.2f} s, slowest redraw "
                  f"{worst:.2f} s** (bounds: median {MEDIAN_BOUND} s, worst {WORST_BOUND} s; "
                  f"{'met' if meets else 'NOT met'})."]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
