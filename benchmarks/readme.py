"""Copy the benchmark figures from ``benchmarks/results/`` into the README.

Run from the project folder after rerunning a benchmark:

    .venv/bin/python benchmarks/readme.py            # rewrite the README's section
    .venv/bin/python benchmarks/readme.py --check    # exit 1 if the README is stale

The section between ``<!-- benchmarks:start -->`` and ``<!-- benchmarks:end -->``
gets, for each results file, its title, its tables and its headline (the
paragraph with a figure in bold), with a link to the whole file. The suite
checks that the README matches the results files (``tests/test_setup.py``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RESULTS = ROOT / "benchmarks" / "results"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"

#: The results files, in the README's order, with the one-line question each answers.
SECTIONS = (
    ("population.md", "How long and how much memory to build a population, and one "
                      "person's ego report against networkx (issue 2)."),
    ("scenarios.md", "Each scenario at the lesson's size and five times it, as a multiple "
                     "of building the population (issue 3)."),
    ("autograde.md", "Grading 60 submissions: `weakties-grade autograde` against stock "
                     "sequential `nbgrader autograde` (issues 5 and 12)."),
    ("sandbox.md", "What the grading sandbox costs against a plain kernel (issue 7)."),
    ("widgets.md", "How fast each lesson's explorers redraw when a control moves, against "
                   "the lessons before their conversion (issue 13)."),
    ("hub.md", "Thirty students fetching and handing in at once through the course's "
               "JupyterHub, against one student alone (issue 15)."),
)


def _blocks(text: str) -> list[str]:
    """The file's paragraphs and tables, split on blank lines."""
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def summary(name: str, question: str) -> str:
    """The README's part for one results file."""
    path = RESULTS / name
    if not path.is_file():
        raise SystemExit(f"benchmarks/readme.py: {path.relative_to(ROOT)} is missing; run its "
                         "benchmark first (see the top of its benchmarks/bench_*.py).")
    blocks = _blocks(path.read_text(encoding="utf-8"))
    title = blocks[0].lstrip("# ").strip()
    kept = [b for b in blocks[1:] if b.startswith("|") or "**" in b]
    return "\n\n".join([f"### {title}", f"{question} Details, machine and command: "
                        f"[`benchmarks/results/{name}`](benchmarks/results/{name}).", *kept])


def section() -> str:
    return "\n\n".join(summary(name, question) for name, question in SECTIONS)


def updated(readme: str) -> str:
    """``readme`` with its benchmark section replaced by the current figures."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"benchmarks/readme.py: README.md lacks the markers {START} and {END}.")
    return readme[:start + len(START)] + "\n" + section() + "\n" + readme[end:]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the README matches the results files")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if args.check:
        if new != text:
            print("README.md's benchmark figures differ from benchmarks/results/: run "
                  "`.venv/bin/python benchmarks/readme.py`.", file=sys.stderr)
            return 1
        return 0
    if new != text:
        README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
