"""``weakties-grade workspace``: a self-learner's own folder of exercises.

Creates ``my-work/`` (in the project folder by default; git ignores it) with
the student version of every assignment of ``exercises/``: nbgrader's
``generate_assignment`` runs in a temporary course, and its ``release/``
folders are copied in. The learner's name is written to
``my-work/.weakties-learner``, where the exercises find it
(:func:`weakties.learner.learner_id`): it seeds the learner's own data.

Existing work is never overwritten: a file that is already in ``my-work/``
is kept as it is, and only what is missing (a new assignment, a deleted data
file) is added. Run it again after pulling new exercises.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import textwrap
from pathlib import Path

from weakties.learner import LEARNER_FILE, check_learner_id, learner_id

from ..stores.course import PROJECT, Course
from .common import UserError

__all__ = ["setup_workspace", "configure_parser", "run"]


def _learner_name(path: Path, name: str | None) -> str:
    file = path / LEARNER_FILE
    existing = file.read_text(encoding="utf-8").strip() if file.is_file() else ""
    if name is not None:
        name = check_learner_id(name)
        if existing and existing != name:
            raise UserError(
                f"{path} is already set up for the learner {existing!r}, and your answers there "
                f"were computed on that learner's data. Keep that name (leave out --name), or "
                f"use another folder with --path. To change the name anyway, delete {file}.")
        return name
    if existing:
        return check_learner_id(existing)
    try:
        return learner_id(path)
    except LookupError:
        raise UserError("choose your learner name with --name, for example "
                        "`weakties-grade workspace --name alex.martin`: it builds your own "
                        "data in every exercise.") from None


def _generate(source: Path, assignments: list[str]) -> tuple[Path, dict[str, str]]:
    """Student versions of ``assignments`` in a temporary course; (release folder, errors)."""
    from nbgrader.converters import GenerateAssignment
    from traitlets.config import Config

    from ..engine.converters import run_converter

    tmp = Path(tempfile.mkdtemp(prefix="weakties-workspace-"))
    course = Course(tmp / "course", source=source).ensure()
    config = course.nbgrader_config()
    extra = Config()
    extra.SaveCells.enabled = False            # nbgrader's --no-db: no gradebook needed
    extra.GenerateAssignment.no_database = True
    config.merge(extra)
    errors = {}
    for name in assignments:
        try:
            run_converter(GenerateAssignment, course, name, config=config,
                          what="generating the student version", force=True)
        except UserError as exc:
            errors[name] = str(exc)
    return course.release, errors


def setup_workspace(path=None, *, name: str | None = None, source=None) -> dict:
    """Create or complete the workspace; return what was added and kept.

    Returns ``{"path", "learner", "added": {assignment: [files]}, "kept": {assignment: [files]},
    "errors": {assignment: message}}``.
    """
    path = Path(path) if path is not None else PROJECT / "my-work"
    path = path.expanduser().resolve()
    source = Path(source) if source is not None else PROJECT / "exercises"
    if path.exists() and not path.is_dir():
        raise UserError(f"{path} is a file, not a folder: choose another --path.")
    learner = _learner_name(path, name)
    assignments = sorted(p.name for p in source.iterdir()
                         if p.is_dir() and any(p.glob("*.ipynb"))) if source.is_dir() else []
    if not assignments:
        raise UserError(f"there are no exercises in {source}: check the project folder "
                        "(or --source).")
    release, errors = _generate(source, assignments)
    added: dict[str, list[str]] = {}
    kept: dict[str, list[str]] = {}
    try:
        path.mkdir(parents=True, exist_ok=True)
        for name_ in assignments:
            folder = release / name_
            if name_ in errors or not folder.is_dir():
                continue
            for src in sorted(folder.rglob("*")):
                if not src.is_file():
                    continue
                rel = src.relative_to(folder)
                dest = path / name_ / rel
                if dest.exists() or dest.is_symlink():
                    kept.setdefault(name_, []).append(rel.as_posix())
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
                added.setdefault(name_, []).append(rel.as_posix())
    finally:
        shutil.rmtree(release.parent.parent, ignore_errors=True)
    file = path / LEARNER_FILE
    if not file.is_file() or file.read_text(encoding="utf-8").strip() != learner:
        file.write_text(learner + "\n", encoding="utf-8")
    return {"path": path, "learner": learner, "added": added, "kept": kept, "errors": errors}


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        For self-learners: set up your own workspace, my-work/ in the project folder (git
        ignores it), with the student version of every exercise, and remember your learner
        name in my-work/.weakties-learner. The name builds your own simulated data in every
        exercise, so keep the same one.

        Your work is never overwritten: files already in my-work/ are kept; only missing
        exercises and files are added. Run it again after updating the project to get new
        exercises. Check an exercise with `weakties-grade selfcheck`.""")
    parser.epilog = textwrap.dedent("""\
        examples:
          weakties-grade workspace --name alex.martin
          weakties-grade workspace                 # later: adds new exercises only""")
    parser.add_argument("--name", metavar="NAME",
                        help="your learner name (letters, digits, '.', '_', '-'; no spaces)")
    parser.add_argument("--path", metavar="FOLDER",
                        help="where to create the workspace (default: my-work in the project)")


def run(args) -> int:
    from ..render.text import inert

    result = setup_workspace(args.path, name=args.name, source=args.source)
    path = result["path"]
    print(f"Workspace {path} for the learner {result['learner']!r}.")
    for name, files in sorted(result["added"].items()):
        print(inert(f"  added {name}: {', '.join(files)}"))
    kept = sorted(result["kept"])
    if kept:
        print(inert(f"  kept as they were (your work): {', '.join(kept)}"))
    for name, message in sorted(result["errors"].items()):
        print(inert(f"  could not prepare {name}: {message}"))
    if not result["added"] and not result["errors"]:
        print("  nothing to add: every exercise is already there.")
    print(f"Open it with: jupyter lab {path}")
    return 1 if result["errors"] else 0
