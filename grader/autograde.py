"""``weakties-grade autograde``: grade every submission of an assignment, in parallel, safely.

Works on nbgrader's layout: ``submitted/<student>/<assignment>/`` is read,
``autograded/<student>/<assignment>/`` and the gradebook are written. For
each submission:

1. the submission's files are hashed; a submission graded before with the
   same files and the same tests is skipped (unless ``force``);
2. a worker process grades each notebook with
   :func:`grader.pipeline.grade_notebook` (sanitize, tamper scan, a private
   working copy, the sandboxed kernel, proofs, scores), the learner id being
   the nbgrader student id;
3. the parent process alone writes the results: the executed notebooks into
   ``autograded/``, then the grades, comments and the status record
   (:mod:`grader.status`) into the gradebook in **one transaction** per
   submission, with nbgrader's own Gradebook API and ORM classes (late
   penalties by nbgrader's ``LateSubmissionPlugin``, as configured for the
   course, from ``timestamp.txt`` and the assignment's due date).

One bad submission never stops the batch: it is graded as far as possible
and flagged with its reasons, or recorded as failed with its reason (never
a silent zero). Manual grades given in the formgrader are never touched;
automatic scores that change on a re-run are reported. The gradebook is
backed up before each run (:mod:`grader.gradebook`).

Workers are processes forked from the command once it has loaded what they
need (``--jobs``, default :func:`default_jobs`): a kernel spends much of its
life waiting (start-up, messages), so more workers than cores keep the cores
busy; ``benchmarks/results/autograde.md`` has the measurements.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import multiprocessing
import os
import shutil
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import pipeline
from .course import Course
from .pipeline import FAILED, FLAGGED, GRADED, NotebookResult

__all__ = ["SubmissionOutcome", "autograde", "default_jobs", "configure_parser", "run",
           "SKIPPED"]

SKIPPED = "skipped"


def default_jobs() -> int:
    """Worker processes by default: two per core, plus two; at most one per 512 MB of memory.

    A grading kernel waits much of its life (start-up, messages), so more
    workers than cores keep the cores busy; ``benchmarks/results/autograde.md``
    has the measurements (on 2 cores, 6 workers were the fastest).
    """
    jobs = 2 * (os.cpu_count() or 1) + 2
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        jobs = min(jobs, max(1, memory // (512 * 2**20)))
    except (ValueError, OSError, AttributeError):
        pass
    return int(jobs)


@dataclass
class SubmissionOutcome:
    """What happened to one (student, assignment).

    ``status``: ``"graded"``, ``"flagged"``, ``"failed"`` or ``"skipped"``
    (unchanged since it was graded). ``changes`` lists automatic scores that
    differ from the gradebook's earlier ones; ``kept`` lists manual grades
    left as the instructor gave them.
    """

    student: str
    assignment: str
    status: str
    reasons: list = field(default_factory=list)
    score: float | None = None
    max_score: float | None = None
    notebooks: dict = field(default_factory=dict)   # name -> NotebookResult (notebook dropped)
    changes: list = field(default_factory=list)
    kept: list = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Task:
    student: str
    assignment: str
    folder: str
    notebooks: list
    references: dict
    limits: object
    sandbox: bool
    content_hash: str
    source_files: list


@dataclass
class _Graded:
    task: _Task
    results: dict                  # notebook name -> NotebookResult
    notes: list
    started: str
    finished: str
    seconds: float
    timestamp: str | None


# ---------------------------------------------------------------------------
# Discovery and hashing
# ---------------------------------------------------------------------------


def _regular_files(folder: Path):
    """Regular files below ``folder`` (no symbolic links followed), sorted."""
    out = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in pipeline.IGNORED)
        for name in sorted(files):
            path = Path(root) / name
            if not path.is_symlink() and path.is_file():
                out.append(path)
    return out


def content_hash(folder: Path) -> str:
    """A hash of a submission's files (names and contents)."""
    h = hashlib.sha256()
    for path in _regular_files(folder):
        if path.name in (".weakties-learner",):
            continue
        h.update(str(path.relative_to(folder)).encode() + b"\0")
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                h.update(block)
        h.update(b"\0")
    return h.hexdigest()


def _submissions(course: Course, assignment: str, students=None) -> list[tuple[str, Path]]:
    found = []
    if course.submitted.is_dir():
        for student_dir in sorted(course.submitted.iterdir()):
            folder = student_dir / assignment
            if student_dir.is_dir() and not student_dir.is_symlink() and folder.is_dir() \
                    and not folder.is_symlink():
                found.append((student_dir.name, folder))
    if students:
        wanted = list(dict.fromkeys(students))
        have = {s for s, _ in found}
        missing = [s for s in wanted if s not in have]
        if missing:
            raise ValueError(f"no submission of {assignment} for {', '.join(missing)} in "
                             f"{course.submitted}: collect them first (`weakties-grade collect`).")
        found = [(s, f) for s, f in found if s in set(wanted)]
    return found


# ---------------------------------------------------------------------------
# The worker
# ---------------------------------------------------------------------------


def _notebook_ids(path: Path) -> set:
    try:
        nb, _ = pipeline.load(path)
    except (pipeline.NotebookUnreadable, TypeError):
        return set()
    return {gid for c in nb.cells if (gid := pipeline._managed_id(c))}


def _grade_task(task: _Task) -> _Graded:
    """Grade every notebook of one submission (runs in a worker process)."""
    from . import status
    from .execute import SandboxUnavailable

    started, t0 = status.now(), time.monotonic()
    folder = Path(task.folder)
    notes: list[str] = []
    results: dict[str, NotebookResult] = {}
    extra = [(str(p.relative_to(folder)), p) for p in _regular_files(folder)
             if p.suffix != ".ipynb"]
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            if (Path(root) / name).is_symlink():
                rel = (Path(root) / name).relative_to(folder)
                notes.append(f"the submission holds a symbolic link ({rel}); it was left out")
    submitted = {p.stem: p for p in folder.glob("*.ipynb") if p.is_file() and not p.is_symlink()}
    unknown = sorted(set(submitted) - set(task.notebooks))
    for name in task.notebooks:
        ref = task.references[name]
        path = submitted.get(name)
        if path is None and unknown:
            # A renamed copy ("part-b (1).ipynb"): the unknown notebook sharing most cells.
            ids = {c.grade_id for c in ref.cells}
            best = max(unknown, key=lambda u: len(_notebook_ids(submitted[u]) & ids))
            if _notebook_ids(submitted[best]) & ids:
                path = submitted[best]
                unknown.remove(best)
                notes.append(f"{name}.ipynb was not found; {best}.ipynb, which holds its cells, "
                             "was graded in its place")
        if path is None:
            results[name] = pipeline.NotebookResult(
                name=name, status=FAILED, failure="not submitted", missing=True, cells=[
                    pipeline.CellResult(c.grade_id, "test" if c.is_test else "manual",
                                        float(c.points or 0), 0.0, False,
                                        "This notebook was not submitted.")
                    for c in ref.cells if c.grade or c.task])
            continue
        try:
            results[name] = pipeline.grade_notebook(
                path, None, learner_id=task.student, limits=task.limits, sandbox=task.sandbox,
                extra_files=extra, source_files=[(rel, Path(p)) for rel, p in task.source_files],
                reference=ref, name=name)
        except SandboxUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - a grader bug must not stop the batch
            results[name] = pipeline._failed(ref, name, f"internal error of the grader "
                                                        f"({type(exc).__name__}: {exc})")
    if unknown:
        notes.append("the submission holds notebooks that are not part of the assignment: "
                     + ", ".join(f"{u}.ipynb" for u in unknown))
    stamp = folder / "timestamp.txt"
    timestamp = None
    if stamp.is_file() and not stamp.is_symlink():
        timestamp = stamp.read_text(encoding="utf-8", errors="replace").strip()[:64] or None
    return _Graded(task, results, notes, started, status.now(), time.monotonic() - t0, timestamp)


def _warm_up():
    # The imports every worker needs: done once in the parent, inherited by the workers.
    import IPython.core.inputtransformer2  # noqa: F401
    import nbgrader.utils  # noqa: F401

    from . import execute, tamper  # noqa: F401


# ---------------------------------------------------------------------------
# Writing results (parent process only)
# ---------------------------------------------------------------------------


def _write_autograded(course: Course, graded: _Graded) -> None:
    """Write the executed notebooks and the submission's files to autograded/ (atomically)."""
    import nbformat

    task = graded.task
    dest = course.autograded / task.student / task.assignment
    dest.parent.mkdir(parents=True, exist_ok=True)
    for stale in dest.parent.glob(f".{task.assignment}.*"):     # left by a killed run
        shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{task.assignment}.", dir=dest.parent))
    folder = Path(task.folder)
    for path in _regular_files(folder):
        if path.suffix == ".ipynb":
            continue
        target = tmp / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for rel, path in task.source_files:
        target = tmp / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for name, result in graded.results.items():
        if result.notebook is not None:
            # nbformat's own JSON writer; the schema was checked when the notebook was read.
            (tmp / f"{name}.ipynb").write_text(nbformat.v4.nbjson.writes(result.notebook),
                                               encoding="utf-8")
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{task.assignment}.old.", dir=dest.parent))
        os.replace(dest, old / "x")
    os.replace(tmp, dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _submission_status(graded: _Graded):
    results = graded.results
    reasons = list(graded.notes)
    several = len(results) > 1
    for name, r in results.items():
        prefix = f"{name}.ipynb: " if several else ""
        if r.status == FAILED:
            reasons.append(f"{prefix}{'was not submitted' if r.missing else r.failure}")
        reasons.extend(prefix + f for f in r.flags)
    if all(r.status == FAILED for r in results.values()):
        state = FAILED
    elif reasons:
        state = FLAGGED
    else:
        state = GRADED
    return state, list(dict.fromkeys(reasons))


def _late_penalties(gb, submission, penalties) -> None:
    """nbgrader's late submission penalties (its AssignLatePenalties, with the course's plugin)."""
    seconds = submission.total_seconds_late
    for snb in submission.notebooks:
        if snb.late_submission_penalty is not None:
            snb.late_submission_penalty = None
        if seconds > 0:
            gb.db.flush()
            gb.db.expire(snb)            # reload the score computed by the database
            penalty = penalties.plugin_inst.late_submission_penalty(
                submission.student_id, snb.score, seconds)
            if penalty is not None:
                snb.late_submission_penalty = penalties._check_late_penalty(snb, penalty)


def _rows(db, submission):
    """A submission's grades and comments, {(notebook, cell name): row}, and its notebooks.

    Three queries, where nbgrader's ``find_grade`` makes one join per cell.
    """
    from nbgrader.api import BaseCell, Comment, Grade, Notebook, SubmittedNotebook

    def keyed(model):
        query = (db.query(model, Notebook.name, BaseCell.name)
                 .join(BaseCell, BaseCell.id == model.cell_id)
                 .join(SubmittedNotebook, SubmittedNotebook.id == model.notebook_id)
                 .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
                 .filter(SubmittedNotebook.assignment_id == submission.id))
        return {(notebook, cell): row for row, notebook, cell in query}

    notebooks = {name: snb for snb, name in
                 db.query(SubmittedNotebook, Notebook.name)
                 .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
                 .filter(SubmittedNotebook.assignment_id == submission.id)}
    return keyed(Grade), keyed(Comment), notebooks


def _save(gb, graded: _Graded, state: str, reasons: list, digest: str,
          penalties=None) -> tuple[list, list]:
    """Write one submission's grades, comments and status in one transaction."""
    from nbgrader.api import (Comment, Grade, MissingEntry, Student, SubmittedAssignment,
                              SubmittedNotebook)
    from nbgrader.utils import parse_utc
    from sqlalchemy import text

    from . import status

    task = graded.task
    db = gb.db
    changes, kept = [], []
    try:
        try:
            student = gb.find_student(task.student)
        except MissingEntry:
            student = Student(id=task.student)
            db.add(student)
        try:
            submission = gb.find_submission(task.assignment, task.student)
        except MissingEntry:
            # As Gradebook.add_submission does, but without committing on its own.
            with db.no_autoflush:
                submission = SubmittedAssignment(
                    assignment=gb.find_assignment(task.assignment), student=student)
                rows = [submission]
                for notebook in submission.assignment.notebooks:
                    snb = SubmittedNotebook(notebook=notebook, assignment=submission)
                    rows.append(snb)
                    for cell in notebook.grade_cells:
                        rows.append(Grade(cell_id=cell.id, notebook=snb))
                    for cell in notebook.solution_cells:
                        rows.append(Comment(cell_id=cell.id, notebook=snb))
                    for cell in notebook.task_cells:
                        rows += [Comment(cell_id=cell.id, notebook=snb),
                                 Grade(cell_id=cell.id, notebook=snb)]
                db.add_all(rows)
        if graded.timestamp:
            try:
                submission.timestamp = parse_utc(graded.timestamp)
            except Exception:  # noqa: BLE001 - a bad timestamp.txt is not worth a failure
                pass
        db.flush()
        grades, comments, notebooks = _rows(db, submission)
        for name, result in graded.results.items():
            failed = result.status == FAILED and not result.missing
            for cell in result.cells:
                grade = grades[(name, cell.grade_id)]
                if failed:
                    if grade.auto_score is None:
                        grade.needs_manual_grade = True
                    continue        # keep any earlier automatic score; the status says failed
                new = cell.points
                old = grade.auto_score
                changed = old is not None and new is not None and abs(old - new) > 1e-9
                if changed:
                    changes.append(f"{name}/{cell.grade_id}: {old:g} -> {new:g}")
                grade.auto_score = new
                # A person must look when the grader cannot score the cell (a
                # reflection) and nobody has yet, when its test was tampered with,
                # or when a hand-given score now overrides a different automatic one.
                grade.needs_manual_grade = bool(
                    (new is None and grade.manual_score is None) or cell.tampered
                    or (grade.manual_score is not None and changed))
                if grade.manual_score is not None:
                    kept.append(f"{name}/{cell.grade_id}: manual score {grade.manual_score:g} "
                                "kept")
            for cell in task.references[name].cells:
                if not (cell.solution or cell.task) or failed:
                    continue
                comment = comments[(name, cell.grade_id)]
                comment.auto_comment = ("No response." if cell.solution and
                                        not result.answered.get(cell.grade_id, False) else None)
            if result.status in (FLAGGED, FAILED):     # shown with a flag in the formgrader
                notebooks[name].flagged = True
        if penalties is not None and state != FAILED:
            _late_penalties(gb, submission, penalties)
        score = sum(r.score for r in graded.results.values() if r.status != FAILED or r.missing)
        record = status.StatusRecord(
            task.student, task.assignment, state, reasons, task.content_hash, digest,
            graded.started, graded.finished, round(graded.seconds, 3),
            None if state == FAILED else score,
            sum(task.references[n].max_score for n in graded.results))
        status.write_status(lambda sql, p: db.execute(text(sql), p), record)
        db.commit()
    except Exception:
        db.rollback()
        raise
    return changes, kept


# ---------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------


def _references(course: Course, assignment: str, gb, config) -> dict:
    folder = course.source / assignment
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        raise ValueError(f"there is no assignment {assignment!r} in {course.source} (no "
                         "notebook in that folder).")
    from nbgrader.api import MissingEntry

    try:
        gb.find_assignment(assignment)
    except MissingEntry:
        raise ValueError(f"{assignment} is not in the gradebook yet: release it first "
                         f"(`weakties-grade release {assignment}`).") from None
    refs = {}
    for path in notebooks:
        try:
            gb.find_notebook(path.stem, assignment)
        except MissingEntry:
            raise ValueError(f"{assignment}/{path.name} is not in the gradebook: release the "
                             f"assignment again (`weakties-grade release {assignment}`).") from None
        refs[path.stem] = pipeline.Reference.from_notebook(path, name=path.stem, config=config) \
            .use_gradebook(gb, assignment, config)
    return refs


def _source_files(course: Course, assignment: str) -> list:
    folder = course.source / assignment
    return [(str(p.relative_to(folder)), str(p)) for p in _regular_files(folder)
            if p.suffix != ".ipynb"]


def _outcome(graded: _Graded, state, reasons, changes=(), kept=()) -> SubmissionOutcome:
    results = {}
    for name, r in graded.results.items():
        r.notebook = None          # written to autograded/; not kept in memory
        results[name] = r
    scored = [r for r in results.values() if r.status != FAILED or r.missing]
    return SubmissionOutcome(
        graded.task.student, graded.task.assignment, state, reasons,
        None if state == FAILED else sum(r.score for r in scored),
        sum(graded.task.references[n].max_score for n in results), results, list(changes),
        list(kept), graded.seconds)


def autograde(course, assignment: str, *, students=None, jobs: int | None = None,
              sandbox: bool = True, force: bool = False, progress: bool = True,
              limits=None, keep_backups: int | None = None) -> list[SubmissionOutcome]:
    """Autograde the submissions of ``assignment``; returns one outcome per submission.

    Parameters
    ----------
    course : Course or path
    assignment : str
        An assignment released with nbgrader (in the gradebook).
    students : list of str, optional
        Only these students (each must have a submission).
    jobs : int, optional
        Worker processes (default :func:`default_jobs`).
    sandbox : bool
        Run kernels in the sandbox (default). ``False`` grades without
        isolation: only for submissions one trusts.
    force : bool
        Grade again submissions already graded with the same files and tests.
        Manual grades are kept; changed automatic scores are reported.
    progress : bool
        Show a progress bar (on standard error).
    limits : grader.execute.Limits, optional

    Raises
    ------
    grader.execute.SandboxUnavailable
        ``sandbox`` is on and the sandbox cannot run here (the message says
        how to install it).
    ValueError
        The assignment is unknown or not released, or a named student has no
        submission.
    """
    from sqlalchemy import text
    from weakties.learner import check_learner_id

    from . import gradebook, status
    from .execute import Limits, SandboxUnavailable, sandbox_problem

    course = course if isinstance(course, Course) else Course(course)
    if sandbox:
        problem = sandbox_problem()
        if problem is not None:
            raise SandboxUnavailable(problem)
    config = course.nbgrader_config()
    limits = limits or course_limits(course)
    with gradebook.open_gradebook(course) as gb:
        refs = _references(course, assignment, gb, config)
    digest = hashlib.sha256("".join(refs[n].digest() for n in sorted(refs)).encode()).hexdigest()
    submissions = _submissions(course, assignment, students)
    gradebook.backup(course, keep=keep_backups or gradebook.KEEP)
    previous = status.read_status(course)
    source_files = _source_files(course, assignment)

    outcomes: list[SubmissionOutcome] = []
    todo: list[_Task] = []
    ready: list[_Graded] = []          # failed before grading (an unusable student id)
    for student, folder in submissions:
        h = content_hash(folder)
        before = previous.get((student, assignment))
        if (not force and before is not None and before.status in (GRADED, FLAGGED)
                and before.content_hash == h and before.reference_hash == digest):
            outcomes.append(SubmissionOutcome(student, assignment, SKIPPED,
                                              ["unchanged since it was graded"],
                                              before.score, before.max_score))
            continue
        task = _Task(student, assignment, str(folder), sorted(refs), refs, limits, sandbox, h,
                     source_files)
        try:
            check_learner_id(student)
        except ValueError as exc:
            ready.append(_Graded(task, {n: pipeline._failed(refs[n], n, str(exc)) for n in refs},
                                 [], status.now(), status.now(), 0.0, None))
            continue
        todo.append(task)
    if not todo and not ready:
        return outcomes

    # Workers are forked from this process once it has loaded everything they need
    # (nbgrader, nbclient, IPython: seconds of imports) and checked the sandbox, and
    # before the gradebook is opened for writing or any thread is started.
    _warm_up()
    if sandbox:
        from . import sandbox as _sandbox

        _sandbox.prepare()
    pool = None
    futures: dict = {}
    if todo:
        workers = max(1, min(jobs or default_jobs(), len(todo)))
        pool = cf.ProcessPoolExecutor(max_workers=workers,
                                      mp_context=multiprocessing.get_context("fork"))
        futures = {pool.submit(_grade_task, t): t for t in todo}
    bar = _Progress(len(todo) + len(ready), assignment, enabled=progress)
    from nbgrader.preprocessors import AssignLatePenalties

    penalties = AssignLatePenalties(config=config)
    penalties.init_plugin()
    try:
        with gradebook.open_gradebook(course) as gb:
            status.ensure_table(lambda sql, p: gb.db.execute(text(sql), p))
            gb.db.commit()

            def record(graded: _Graded):
                state, reasons = _submission_status(graded)
                try:
                    _write_autograded(course, graded)
                    changes, kept = _save(gb, graded, state, reasons, digest, penalties)
                except Exception as exc:  # noqa: BLE001 - one bad save must not stop the batch
                    state, reasons = FAILED, reasons + [f"the results could not be saved "
                                                        f"({type(exc).__name__}: {exc})"]
                    changes, kept = [], []
                outcome = _outcome(graded, state, reasons, changes, kept)
                outcomes.append(outcome)
                bar.advance(outcome)

            with bar:
                for graded in ready:
                    record(graded)
                for future in cf.as_completed(futures):
                    task = futures[future]
                    try:
                        graded = future.result()
                    except SandboxUnavailable:
                        raise
                    except Exception as exc:  # noqa: BLE001 - a worker crashed
                        why = f"the grading process stopped ({type(exc).__name__}: {exc})"
                        graded = _Graded(task, {n: pipeline._failed(task.references[n], n, why)
                                                for n in task.notebooks},
                                         [], status.now(), status.now(), 0.0, None)
                    record(graded)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    order = {s: i for i, (s, _) in enumerate(submissions)}
    outcomes.sort(key=lambda o: order.get(o.student, 0))
    return outcomes


class _Progress:
    """A rich progress bar on standard error (nothing when disabled)."""

    def __init__(self, total: int, assignment: str, enabled: bool):
        self.enabled = enabled
        self.total = total
        self.assignment = assignment
        self.progress = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.progress = Progress(
                TextColumn("[bold]autograde {task.fields[assignment]}"), BarColumn(),
                MofNCompleteColumn(), TextColumn("{task.fields[last]}"), TimeElapsedColumn(),
                TimeRemainingColumn(), console=Console(stderr=True), transient=False)
            self.progress.__enter__()
            self.task = self.progress.add_task("grading", total=self.total,
                                               assignment=self.assignment, last="")
        return self

    def advance(self, outcome: SubmissionOutcome):
        if self.progress is not None:
            self.progress.update(self.task, advance=1,
                                 last=f"{outcome.student}: {outcome.status}")

    def __exit__(self, *exc):
        if self.progress is not None:
            self.progress.__exit__(*exc)
        return False


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


def sandbox_refusal(problem: str) -> str:
    """The one-line refusal to grade without the sandbox, shared with selfcheck."""
    return (f"{' '.join(problem.split())} Grading runs student code only inside the sandbox; "
            "to grade without it (trusted submissions only), add --unsafe-no-sandbox.")


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Options of ``weakties-grade autograde``."""
    parser.description = textwrap.dedent("""\
        Grade the collected submissions of an assignment: in parallel, each notebook's
        kernel in a sandbox, the tests proved to have run, the gradebook written safely.

        Reads submitted/<student>/<assignment>/, writes autograded/<student>/<assignment>/
        and the gradebook (backed up first). A submission already graded with the same
        files is skipped unless --force. Manual grades from the formgrader are kept.
        At the end a table lists the graded, flagged (to review, with reasons) and
        failed (not graded, with reasons) submissions.

        Exit code: 0, or 1 when some submission could not be graded at all.

        Example: weakties-grade autograde 01-your-network --jobs 3""")
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="the assignment to grade")
    parser.add_argument("--student", action="append", metavar="ID", dest="students",
                        help="grade only this student (repeat the option for several)")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help=f"worker processes (default: two per core plus two, here "
                             f"{default_jobs()})")
    parser.add_argument("--force", action="store_true",
                        help="grade again submissions already graded with the same files")
    parser.add_argument("--unsafe-no-sandbox", action="store_true", dest="no_sandbox",
                        help="run student code WITHOUT the sandbox: it can then read the "
                             "solutions and the gradebook and delete files. Only for "
                             "submissions you trust")
    parser.add_argument("--cell-timeout", type=float, metavar="SECONDS",
                        help="longest run of one cell (default 30)")
    parser.add_argument("--notebook-timeout", type=float, metavar="SECONDS",
                        help="time budget of one notebook (default 300)")
    parser.add_argument("--memory-mb", type=int, metavar="MB",
                        help="memory limit of one kernel (default 4096)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def course_limits(course: Course, **overrides):
    """The limits for grading ``course``: its nbgrader cell timeout, then ``overrides``."""
    from .execute import Limits

    values = {}
    timeout = course.nbgrader_config().get("Execute", {}).get("timeout")
    if isinstance(timeout, (int, float)) and not isinstance(timeout, bool) and timeout > 0:
        values["cell_timeout"] = float(timeout)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Limits(**values)


def run(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from .cli import UserError, course_of
    from .execute import SandboxUnavailable

    if args.jobs is not None and args.jobs < 1:
        raise UserError(f"--jobs must be 1 or more, not {args.jobs}.")
    course = course_of(args)
    try:
        outcomes = autograde(course, args.assignment, students=args.students, jobs=args.jobs,
                             sandbox=not args.no_sandbox, force=args.force,
                             progress=not args.no_progress,
                             limits=course_limits(course, cell_timeout=args.cell_timeout,
                                                  notebook_timeout=args.notebook_timeout,
                                                  memory_mb=args.memory_mb))
    except SandboxUnavailable as exc:
        raise UserError(sandbox_refusal(str(exc))) from None
    console = Console(width=max(100, Console().width))
    if not outcomes:
        console.print(f"No submission of {args.assignment} in {course.submitted}: collect them "
                      "first (`weakties-grade collect`).")
        return 0
    counts = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    table = Table(title=f"autograde {args.assignment}: "
                        + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    table.add_column("student")
    table.add_column("status")
    table.add_column("score", justify="right")
    table.add_column("reasons")
    for o in outcomes:
        score = "-" if o.score is None else f"{o.score:g} / {o.max_score:g}"
        style = {FAILED: "red", FLAGGED: "yellow"}.get(o.status, "")
        shown = o.reasons if o.status in (FAILED, FLAGGED) else []
        table.add_row(o.student, f"[{style}]{o.status}[/]" if style else o.status, score,
                      "\n".join(f"- {r}" for r in shown[:8])
                      + (f"\n... {len(shown) - 8} more" if len(shown) > 8 else ""))
    console.print(table)
    changed = [(o.student, c) for o in outcomes for c in o.changes]
    if changed:
        console.print("[bold]Automatic scores that changed since the last grading:[/]")
        for student, c in changed:
            console.print(f"  {student}: {c}")
    kept = [(o.student, c) for o in outcomes for c in o.kept]
    if kept:
        console.print(f"{len(kept)} manual grade(s) from the formgrader were kept as given.")
    return 1 if counts.get(FAILED) else 0
