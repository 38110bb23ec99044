"""Benchmark: the cost of one feedback page for an oversized submission (issue 12).

Run from the project folder:

    .venv/bin/python benchmarks/bench_feedback.py                 # 25,000 cells, 24 MB image
    .venv/bin/python benchmarks/bench_feedback.py --baseline      # also stock nbgrader's page
    .venv/bin/python benchmarks/bench_feedback.py --cells 2000 --image-mb 2

A course is made with the small ``ps1`` assignment of the grader's tests, one
submission is graded (``weakties-grade autograde``, in the sandbox when it
works), and its autograded notebook is then replaced by the same notebook
with ``--cells`` extra cells (markdown and code with a printed line each)
and one ``--image-mb`` MB PNG output: what a hostile student can hand in
(within collect's 50 MB limit). ``weakties-grade feedback ps1`` is timed in
its own process, and its peak resident memory read from the operating
system (``RUSAGE_CHILDREN``). With ``--baseline``, nbgrader's own
``generate_feedback`` (nbconvert's HTML exporter, the page as stock nbgrader
writes it) is measured the same way in the same run.

The figures are quoted in ``grader/SANDBOX.md`` (feedback costs).
"""

from __future__ import annotations

import argparse
import base64
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "grader" / "cli_fixtures" / "source"
BIN = Path(sys.executable).parent


def _run(args, cwd=None):
    """(seconds, peak RSS in MB, completed process) of one command in a fresh process."""
    # RUSAGE_CHILDREN keeps the largest child so far: measure each command in its own
    # helper process, so that one command's peak is not another's.
    helper = ("import resource, subprocess, sys, time, json\n"
              "t = time.perf_counter()\n"
              "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
              "s = time.perf_counter() - t\n"
              "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
              "print(json.dumps([s, m, p.returncode, p.stdout[-2000:], p.stderr[-2000:]]))\n")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    out = subprocess.run([sys.executable, "-c", helper, *map(str, args)], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True)
    import json

    seconds, mb, code, stdout, stderr = json.loads(out.stdout.strip().splitlines()[-1])
    if code != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed ({code}):\n{stdout}\n{stderr}")
    return seconds, mb


def _oversize(path: Path, cells: int, image_mb: float) -> int:
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

    nb = nbformat.read(path, as_version=4)
    extra = []
    for i in range(cells):
        if i % 2:
            cell = new_code_cell(f"print({i})", execution_count=i)
            cell.outputs = [new_output("stream", name="stdout", text=f"{i}\n")]
        else:
            cell = new_markdown_cell(f"A note of mine, number **{i}**.")
        extra.append(cell)
    image = new_code_cell("show()", execution_count=1)
    raw = os.urandom(int(image_mb * 1024 * 1024))
    image.outputs = [new_output("display_data", data={
        "image/png": base64.b64encode(b"\x89PNG\r\n\x1a\n" + raw).decode()})]
    nb.cells = [image] + extra + nb.cells
    nbformat.write(nb, path)
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=25_000)
    parser.add_argument("--image-mb", type=float, default=24.0)
    parser.add_argument("--baseline", action="store_true",
                        help="also time stock nbgrader's generate_feedback on the same notebook")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="weakties-bench-feedback-"))
    try:
        course = tmp / "course"
        grade = [BIN / "weakties-grade", "--course", course, "--source", SOURCE]
        subprocess.run([*grade, "release", "ps1"], check=True, capture_output=True)
        student = course / "submitted" / "big" / "ps1"
        student.mkdir(parents=True)
        shutil.copy(course / "release" / "ps1" / "ps1.ipynb", student / "ps1.ipynb")
        (student / "timestamp.txt").write_text("2026-03-01 10:00:00+00:00")
        from grader.engine.execute import sandbox_problem

        unsafe = ["--unsafe-no-sandbox"] if sandbox_problem() else []
        subprocess.run([*grade, "autograde", "ps1", "--no-progress", *unsafe], check=True,
                       capture_output=True)
        graded = course / "autograded" / "big" / "ps1" / "ps1.ipynb"
        graded.chmod(0o644)
        size = _oversize(graded, args.cells, args.image_mb)
        seconds, mb = _run([*grade, "feedback", "ps1"])
        page = course / "feedback" / "big" / "ps1" / "ps1.html"
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}")
        print(f"autograded notebook: {size / 1e6:.1f} MB, {args.cells:,} extra cells, "
              f"one {args.image_mb:g} MB image")
        print(f"weakties-grade feedback: {seconds:.1f} s, peak {mb:.0f} MB, page "
              f"{page.stat().st_size / 1e6:.2f} MB")
        if args.baseline:
            page.unlink()
            stock = [BIN / "nbgrader", "generate_feedback", "ps1", "--force",
                     "--GenerateFeedback.exporter_class=nbconvert.exporters.HTMLExporter",
                     "--GenerateFeedback.preprocessors=['nbgrader.preprocessors.GetGrades',"
                     "'nbconvert.preprocessors.CSSHTMLHeaderPreprocessor']",
                     "--HTMLExporter.sanitize_html=False"]
            b_seconds, b_mb = _run(stock, cwd=course)
            print(f"stock nbgrader generate_feedback: {b_seconds:.1f} s, peak {b_mb:.0f} MB, "
                  f"page {page.stat().st_size / 1e6:.2f} MB")
            print(f"ratio (stock / weakties): time {b_seconds / seconds:.1f}x, "
                  f"memory {b_mb / mb:.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
