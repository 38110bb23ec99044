"""``weakties-grade selfcheck NOTEBOOK``: grade your own notebook, with the hidden tests.

For self-learners. The notebook is graded the way an instructor's
``autograde`` grades a submission (:func:`grader.engine.pipeline.grade_notebook`,
in the same sandbox) against the source notebook of the same name in the
project's ``exercises/`` (``exercises/<folder>/<name>.ipynb``, where
``<folder>`` is the notebook's folder, as ``weakties-grade workspace`` lays
it out). The learner id that builds the learner's own data is found from the
notebook's folder (:func:`weakties.learner.learner_id`).

It prints the score, and for each task the outcome of each test with the
test's own message (what was expected, what was found, a hint). The code of
the tests is never shown. Nothing is written to the notebook or its folder.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import nbformat

from ..stores.course import PROJECT
from .common import UserError, sandbox_refusal

__all__ = ["find_source", "selfcheck", "format_result", "configure_parser", "run"]


def find_source(notebook: Path, exercises: Path, assignment: str | None = None) -> Path:
    """The source notebook that ``notebook`` is the student version of."""
    name = notebook.name
    if assignment:
        candidate = exercises / assignment / name
        if candidate.is_file():
            return candidate
        raise UserError(f"there is no {name} in {exercises / assignment}: check --assignment.")
    candidate = exercises / notebook.parent.name / name
    if candidate.is_file():
        return candidate
    found = sorted(exercises.glob(f"*/{name}")) if exercises.is_dir() else []
    if len(found) == 1:
        return found[0]
    if found:
        options = ", ".join(p.parent.name for p in found)
        raise UserError(f"several exercises have a notebook named {name} ({options}): say "
                        "which one with --assignment.")
    raise UserError(f"{name} is not a notebook of the exercises in {exercises}: check the "
                    "notebook's name, and keep it in the folder made by `weakties-grade "
                    "workspace` (my-work/<exercise>/).")


def selfcheck(notebook, *, exercises=None, assignment: str | None = None, sandbox: bool = True):
    """Grade ``notebook``; returns ``(result, source path, learner id)``."""
    from weakties.learner import learner_id

    from ..engine.execute import SandboxUnavailable
    from ..engine.pipeline import grade_notebook

    notebook = Path(notebook).expanduser().resolve()
    if not notebook.is_file():
        raise FileNotFoundError(f"there is no notebook {notebook}: give the path of your "
                                ".ipynb file")
    if notebook.suffix != ".ipynb":
        raise UserError(f"{notebook.name} is not a notebook (.ipynb file).")
    exercises = Path(exercises) if exercises is not None else PROJECT / "exercises"
    source = find_source(notebook, exercises, assignment)
    learner = learner_id(notebook.parent)
    if notebook.resolve() == source.resolve():
        raise UserError(f"{notebook} is the exercise's source (with its solutions), not your "
                        "work: set up your own copy with `weakties-grade workspace`.")
    extra = [(p.relative_to(notebook.parent).as_posix(), p)
             for p in sorted(notebook.parent.rglob("*"))
             if p.is_file() and p.suffix != ".ipynb"]
    extra += [(p.relative_to(source.parent).as_posix(), p)
              for p in sorted(source.parent.rglob("*"))
              if p.is_file() and p.suffix != ".ipynb"]
    if sandbox:
        from ..engine.execute import sandbox_problem

        problem = sandbox_problem()
        if problem is not None:
            raise UserError(sandbox_refusal(problem))
    try:
        result = grade_notebook(notebook, source, learner_id=learner, sandbox=sandbox,
                                extra_files=extra)
    except SandboxUnavailable as exc:
        raise UserError(sandbox_refusal(str(exc))) from None
    return result, source, learner


def format_result(result, source: Path) -> str:
    """The report shown to the learner: score, then each task's tests and messages."""
    from ..stores.results import task_of_cells

    tasks = task_of_cells(nbformat.read(source, as_version=4))
    lines = []
    auto = [c for c in result.cells if c.kind == "test"]
    by_hand = [c for c in result.cells if c.kind != "test"]
    got = sum(c.points or 0 for c in auto)
    out_of = sum(c.max_points for c in auto)
    if result.status == "failed":
        lines.append(f"Your notebook could not be graded: {result.failure}.")
        lines.append("Fix this, save the notebook, and run the self-check again.")
        return "\n".join(lines)
    lines.append(f"Score: {got:g} / {out_of:g} points from the automatic tests.")
    manual_points = sum(c.max_points for c in by_hand)
    if manual_points:
        lines.append(f"{manual_points:g} more point(s) are for written answers, graded by a "
                     "person: compare yours with the rubric in the notebook.")
    current = None
    for cell in result.cells:
        task = tasks.get(cell.grade_id, cell.grade_id)
        if task != current:
            current = task
            cells = [c for c in result.cells if tasks.get(c.grade_id, c.grade_id) == task]
            tests = [c for c in cells if c.kind == "test"]
            if tests and sum(c.max_points for c in tests):
                head = f"{sum(c.points or 0 for c in tests):g} / " \
                       f"{sum(c.max_points for c in tests):g}"
            elif tests:
                head = "self-check"
            else:
                head = "graded by a person"
            lines.append("")
            lines.append(f"{task}: {head}")
        if cell.kind == "test":
            ok = cell.passed and (cell.points or 0) >= cell.max_points
            word = "passed" if ok else "not passed"
            message = "" if cell.message in ("Passed.", "") else \
                " " + cell.message.removeprefix("AssertionError: ")
            points = f" ({cell.max_points:g} point{'s' if cell.max_points != 1 else ''})" \
                if cell.max_points else " (self-check, 0 points)"
            lines.append(f"  - test {cell.grade_id}{points}: {word}.{message}")
        else:
            lines.append(f"  - {cell.grade_id} ({cell.max_points:g} points): graded by a "
                         "person.")
    if result.status == "flagged" and result.flags:
        lines.append("")
        lines.append("Notes from the grader:")
        lines.extend(f"  - {flag}" for flag in result.flags)
    lines.append("")
    lines.append("The code of the hidden tests is not shown; their messages say what was "
                 "expected and give a hint.")
    return "\n".join(lines)


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        For self-learners: grade your own notebook with the exercise's hidden tests, the
        way an instructor's autograde would (same sandbox), and show your score and, for
        each task, which tests passed and what the others expected, with a hint. The code
        of the tests is not shown, and your notebook is not changed.

        The exercise is found by the notebook's name and folder (my-work/<exercise>/ as
        made by `weakties-grade workspace`); your learner id (which builds your own data)
        from the notebook's folder: my-work/.weakties-learner, else JUPYTERHUB_USER, else
        the name saved with weakties.learner.set_learner().

        Student code runs in the bubblewrap sandbox; if bubblewrap is not installed the
        check is refused unless you add --unsafe-no-sandbox.""")
    parser.epilog = textwrap.dedent("""\
        example:
          weakties-grade selfcheck my-work/01-your-network/01-your-network.ipynb""")
    parser.add_argument("notebook", metavar="NOTEBOOK", help="your notebook (.ipynb)")
    parser.add_argument("--assignment", metavar="NAME",
                        help="the exercise (a folder of exercises/), when the notebook's "
                             "folder does not say it")
    parser.add_argument("--unsafe-no-sandbox", action="store_true",
                        help="run the notebook without the sandbox (only your own notebooks)")


def run(args) -> int:
    result, source, learner = selfcheck(args.notebook, exercises=args.source,
                                        assignment=args.assignment,
                                        sandbox=not args.unsafe_no_sandbox)
    if args.unsafe_no_sandbox:
        print("Warning: running without the sandbox (--unsafe-no-sandbox).")
    from ..render.text import inert

    print(inert(f"Self-check of {args.notebook} for the learner {learner!r} "
                f"(exercise {source.parent.name})."))
    # Test messages quote what the learner's code produced: printed inert.
    print("\n".join(inert(line) for line in format_result(result, source).splitlines()))
    return 1 if result.status == "failed" else 0
