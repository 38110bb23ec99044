"""The autograde batch: grade every submission of an assignment, in parallel, safely.

Works on nbgrader's layout: ``submitted/<student>/<assignment>/`` is read,
``autograded/<student>/<assignment>/`` and the gradebook are written. For
each submission:

1. the submission's files are hashed; a submission graded before with the
   same files and the same tests is skipped (unless ``force``);
2. a worker process grades each notebook with
   :func:`grader.engine.pipeline.grade_notebook` (sanitize, tamper scan, a private
   working copy, the sandboxed kernel, proofs, scores), the learner id being
   the nbgrader student id;
3. the parent process alone writes the results: the executed notebooks into
   ``autograded/``, then the grades, comments and the status record
   (:mod:`grader.stores.status`) into the gradebook in **one transaction** per
   submission, with nbgrader's own Gradebook API and ORM classes (late
   penalties by nbgrader's ``LateSubmissionPlugin``, as configured for the
   course, from ``timestamp.txt`` and the assignment's due date).

One bad submission never stops the batch: it is graded as far as possible
and flagged with its reasons, or recorded as failed with its reason (never
a silent zero). Manual grades given in the formgrader are never touched;
automatic scores that change on a re-run are reported. The gradebook is
backed up before each run (:mod:`grader.stores.gradebook`).

Workers are processes forked from the command once it has loaded what they
need (``--jobs``, default :func:`default_jobs`): a kernel spends much of its
life waiting (start-up, messages), so more workers than cores keep the cores
busy; ``benchmarks/results/autograde.md`` has the measurements.
"""

from __future__ import annotations

import concurrent.futures as cf
import gc
import hashlib
import multiprocessing
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..stores.course import Course
from ..stores.grades import regular_files, save, write_autograded
from . import pipeline
from .pipeline import FAILED, FLAGGED, GRADED, NotebookResult

__all__ = ["SubmissionOutcome", "autograde", "default_jobs", "course_limits", "SKIPPED"]


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


def content_hash(folder: Path) -> str:
    """A hash of a submission's files (names and contents)."""
    h = hashlib.sha256()
    for path in regular_files(folder):
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


def _notebook_bytes(task: "_Task") -> int:
    """The size of a submission's notebooks: how long grading it may take, roughly."""
    total = 0
    for path in Path(task.folder).glob("*.ipynb"):
        try:
            total += path.lstat().st_size
        except OSError:
            pass
    return total


def _notebook_ids(path: Path) -> set:
    try:
        nb, _ = pipeline.load(path)
    except (pipeline.NotebookUnreadable, TypeError):
        return set()
    return {gid for c in nb.cells if (gid := pipeline._managed_id(c))}


def _grade_task(task: _Task) -> _Graded:
    """Grade every notebook of one submission (runs in a worker process)."""
    from ..stores import status
    from .execute import SandboxUnavailable

    started, t0 = status.now(), time.monotonic()
    folder = Path(task.folder)
    notes: list[str] = []
    results: dict[str, NotebookResult] = {}
    extra = [(str(p.relative_to(folder)), p) for p in regular_files(folder)
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
                reference=ref, name=name, judge=_JUDGE.get("server"))
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


#: The batch's judge, started by :func:`autograde` before the workers are forked
#: (they inherit it and connect to it; only the parent stops it).
_JUDGE: dict = {}


def _warm_up():
    # The imports every worker needs: done once in the parent, inherited by the workers.
    import IPython.core.inputtransformer2  # noqa: F401
    import nbgrader.utils  # noqa: F401

    from . import execute, tamper  # noqa: F401


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
    return [(str(p.relative_to(folder)), str(p)) for p in regular_files(folder)
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
              limits=None, keep_backups: int | None = None,
              in_process: bool = False, judge=None) -> list[SubmissionOutcome]:
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
    limits : grader.engine.execute.Limits, optional
    in_process : bool
        Grade in this process, one submission after the other, without
        forking workers (nbgrader's entry points, which run inside a
        Jupyter server, use it).
    judge : grader.engine.judge.JudgeServer, optional
        A running judge to use (and leave running); by default the batch
        starts its own and stops it at the end.

    Raises
    ------
    grader.engine.execute.SandboxUnavailable
        ``sandbox`` is on and the sandbox cannot run here (the message says
        how to install it).
    ValueError
        The assignment is unknown or not released, or a named student has no
        submission.
    """
    from .execute import SandboxUnavailable, sandbox_problem

    course = course if isinstance(course, Course) else Course(course)
    if sandbox:
        problem = sandbox_problem()
        if problem is not None:
            raise SandboxUnavailable(problem)
    config = course.nbgrader_config()
    limits = limits or course_limits(course)
    # The judge imports the library (a second of one core) while this process reads
    # the gradebook and prepares the workers; it is waited for just before they start.
    from .judge import JudgeServer, JudgeUnavailable

    server = launch_error = None
    if sandbox:
        from . import sandbox as _sandbox

        _sandbox.prepare()          # byte-compiled files and the font list, for kernels and judge
    if judge is None:
        try:
            server = JudgeServer(sandbox=sandbox, memory_mb=limits.memory_mb).launch()
        except JudgeUnavailable as exc:
            launch_error = exc
    try:
        return _autograde(course, assignment, students, jobs, sandbox, force, progress, limits,
                          keep_backups, in_process, judge, server, launch_error, config)
    finally:
        if server is not None:
            server.stop()
        _JUDGE.pop("server", None)


def _autograde(course, assignment, students, jobs, sandbox, force, progress, limits,
               keep_backups, in_process, judge, server, launch_error, config):
    from sqlalchemy import text

    from weakties.learner import check_learner_id

    from ..stores import gradebook, status
    from .execute import SandboxUnavailable
    from .judge import JudgeUnavailable

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
    # Largest notebooks first: a long submission started last would keep one worker
    # busy while the others are done (longest-first scheduling; size is the guess).
    todo.sort(key=_notebook_bytes, reverse=True)

    # Workers are forked from this process once it has loaded everything they need
    # (nbgrader, nbclient, IPython: seconds of imports) and checked the sandbox, and
    # before the gradebook is opened for writing or any thread is started.
    _warm_up()
    pool = None
    futures: dict = {}
    if todo and judge is not None:
        _JUDGE["server"] = judge
    elif todo:
        try:
            if launch_error is not None:
                raise launch_error
            server.wait_ready()
        except JudgeUnavailable as exc:
            for task in todo:
                ready.append(_Graded(task, {n: pipeline._failed(refs[n], n, str(exc))
                                            for n in refs}, [], status.now(), status.now(),
                                     0.0, None))
            todo = []
        else:
            _JUDGE["server"] = server
    if todo and not in_process:
        workers = max(1, min(jobs or default_jobs(), len(todo)))
        # What the workers inherit is never garbage-collected in them: a collection
        # would visit, and so copy, every page of this process's heap in each worker.
        gc.collect()
        gc.freeze()
        try:
            pool = cf.ProcessPoolExecutor(max_workers=workers,
                                          mp_context=multiprocessing.get_context("fork"))
            futures = {pool.submit(_grade_task, t): t for t in todo}   # forks them all
        finally:
            gc.unfreeze()
    elif todo:
        futures = {_Immediate(_grade_task, t): t for t in todo}
    from ..render.progress import Progress

    bar = Progress(len(todo) + len(ready), assignment, enabled=progress)
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
                    write_autograded(course, graded)
                    changes, kept = save(gb, graded, state, reasons, digest, penalties)
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
                for future in (futures if in_process else cf.as_completed(futures)):
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


class _Immediate:
    """A future that runs its function when its result is asked for (in-process grading)."""

    def __init__(self, func, arg):
        self.func, self.arg = func, arg

    def result(self):
        return self.func(self.arg)


def course_limits(course: Course, **overrides):
    """The limits for grading ``course``: its nbgrader cell timeout, then ``overrides``."""
    from .execute import Limits

    values = {}
    timeout = course.nbgrader_config().get("Execute", {}).get("timeout")
    if isinstance(timeout, (int, float)) and not isinstance(timeout, bool) and timeout > 0:
        values["cell_timeout"] = float(timeout)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Limits(**values)
