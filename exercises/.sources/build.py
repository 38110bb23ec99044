"""Build the exercises' notebooks from their scripts, or check that they are up to date.

    .venv/bin/python exercises/.sources/build.py                   # every exercise
    .venv/bin/python exercises/.sources/build.py 07-job-search     # one
    .venv/bin/python exercises/.sources/build.py --check           # fail if one is stale

Each script ``NN-slug.py`` of this folder writes ``exercises/NN-slug/NN-slug.ipynb``
(its cells, solutions and hidden tests, with nbgrader's metadata) through
:mod:`authoring`. ``--check`` builds into memory and compares, cell by cell, with
the notebook on disk; ``tests/exercises/test_assignments.py`` runs it.

The French edition's scripts, ``fr/NN-nom.py``, write the French assignments
``exercises/NN-nom/NN-nom.ipynb`` the same way: every command above builds (or
checks) both languages; name a French exercise by its folder (``01-votre-reseau``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import runpy
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))            # the scripts import authoring from this folder

import authoring  # noqa: E402


#: Folders of scripts: the English edition here, each translation in its language's folder.
EDITIONS = {"en": HERE, "fr": HERE / "fr"}


def scripts(names=(), lang=None) -> list[Path]:
    """The build scripts (of one language, or of every language), in name order."""
    langs = [lang] if lang else list(EDITIONS)
    found = sorted((p for k in langs for p in EDITIONS[k].glob("[0-9][0-9]-*.py")),
                   key=lambda p: (p.stem, p.parent.name))
    if names:
        wanted = set(names)
        unknown = wanted - {p.stem for p in found}
        if unknown:
            raise SystemExit(f"build.py: no script for {', '.join(sorted(unknown))} in {HERE}; "
                             f"known: {', '.join(p.stem for p in found)}")
        found = [p for p in found if p.stem in wanted]
    return found


def built(script: Path) -> nbformat.NotebookNode:
    """The notebook that ``script`` builds, without writing it."""
    written: list = []
    original = authoring.Notebook.write

    def capture(self, path=None):
        written.append(self.notebook())
        return Path(path) if path else authoring.EXERCISES / self.assignment / \
            f"{self.assignment}.ipynb"
    authoring.Notebook.write = capture
    try:
        with contextlib.redirect_stdout(io.StringIO()):     # the scripts print their target
            runpy.run_path(str(script), run_name="__main__")
    finally:
        authoring.Notebook.write = original
    if len(written) != 1:
        raise SystemExit(f"build.py: {script.name} must call nb.write() exactly once")
    return written[0]


def _canonical(nb) -> str:
    return json.dumps(nbformat.from_dict(nb), sort_keys=True, indent=1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("exercises", nargs="*", help="names such as 07-job-search (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="fail, naming the exercise, when a notebook differs from its script")
    args = parser.parse_args(argv)
    stale = []
    for script in scripts(args.exercises):
        nb = built(script)
        target = authoring.EXERCISES / script.stem / f"{script.stem}.ipynb"
        if args.check:
            on_disk = nbformat.read(target, as_version=4) if target.exists() else None
            if on_disk is None or _canonical(on_disk) != _canonical(nb):
                stale.append(script.stem)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
        print(f"wrote {target.relative_to(authoring.EXERCISES.parent)}")
    if stale:
        print("build.py: these notebooks differ from their scripts: " + ", ".join(stale)
              + ". Rebuild them with `.venv/bin/python exercises/.sources/build.py "
              + " ".join(stale) + "` (or change the script back).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
