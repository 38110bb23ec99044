"""Grading one notebook: small steps composed into a pipeline.

::

    load -> sanitize -> scan -> prepare -> execute (kernel + judge) -> score

- :func:`load` reads the submitted file; a file that is not a notebook is a
  failure with its reason, never an exception out of the batch.
- :func:`sanitize` compares the submission's cells with the source (a
  :class:`Reference` built with nbgrader's own preprocessors): duplicated
  grade ids, deleted, moved or stripped cells, altered grading metadata
  (flags, points, type) and edited locked or test cells are put back as
  they are in the source, the way nbgrader's ``OverwriteCells`` with
  ``add_missing_cells`` would, and each repair is recorded as a flag. It
  never stops.
- :func:`scan` is the static scan of :mod:`grader.engine.tamper`: what it
  finds flags the submission for the instructor's review and changes no
  point.
- :func:`working_copy` prepares a private working folder outside the course
  folder with the submission's other files.
- :func:`grader.engine.execute.execute` runs the student's cells (answers,
  added cells, and the source's locked cells) in the sandboxed kernel, and
  hands every test cell to the judge (:func:`judge_plan`,
  :mod:`grader.engine.judge`): the tests run in a separate process that has
  never run student code, on plain data read from the kernel.
- :func:`score` turns the judge's outcomes into points per grade cell; what
  the student's kernel printed never counts.

:func:`grade_notebook` runs them all and returns a :class:`NotebookResult`.
The autograde command calls it once per notebook (in worker processes) and
the self-check command calls it directly, with no gradebook.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import tamper

__all__ = ["RefCell", "Reference", "CellResult", "NotebookResult", "NotebookUnreadable",
           "load", "sanitize", "scan", "working_copy", "judge_plan", "score", "grade_notebook",
           "GRADED", "FLAGGED", "FAILED"]

GRADED, FLAGGED, FAILED = "graded", "flagged", "failed"

# Files of a submission never copied into the working folder (nbgrader's
# CourseDirectory.ignore, plus the learner id file the grader writes itself).
IGNORED = (".ipynb_checkpoints", "__pycache__", "feedback", ".weakties-learner",
           "timestamp.txt")
MAX_EXTRA_BYTES = 200 * 1024 * 1024


class NotebookUnreadable(ValueError):
    """The submitted file is not a notebook; the message says why, for the instructor."""


# ---------------------------------------------------------------------------
# The reference: what the source says each managed cell is
# ---------------------------------------------------------------------------


@dataclass
class RefCell:
    """One nbgrader cell of the source, as the grader uses it.

    ``source`` is the grading version (solutions replaced by their stub,
    hidden tests kept, as nbgrader stores it in the gradebook); ``released``
    is what the student received (hidden tests removed).
    """

    grade_id: str
    cell_type: str
    source: str
    released: str
    grade: bool
    solution: bool
    locked: bool
    task: bool
    points: float | None
    checksum: str
    cell: dict

    @property
    def is_test(self) -> bool:
        """An autograded test: a code grade cell that is not an answer."""
        return self.grade and not self.solution and self.cell_type == "code"


def _run_preprocessors(nb, classes, config=None):
    resources: dict = {}
    for cls in classes:
        pp = cls(config=config) if config is not None else cls()
        nb, resources = pp.preprocess(nb, resources)
    return nb


def _clear_hidden(source: str, config=None) -> str:
    from nbgrader.preprocessors import ClearHiddenTests

    cell = nbformat.v4.new_code_cell(source)
    pp = ClearHiddenTests(config=config) if config is not None else ClearHiddenTests()
    pp._remove_hidden_test_region(cell)
    return cell.source


@dataclass
class Reference:
    """The source of one notebook, as nbgrader sees it when it grades.

    Build it with :meth:`from_notebook` (the instructor's source notebook,
    with solutions and hidden tests) and, for autograding, align it with
    what ``generate_assignment`` stored in the gradebook with
    :meth:`use_gradebook`.
    """

    name: str
    cells: list
    metadata: dict

    @classmethod
    def from_notebook(cls, nb, name: str = "notebook", config=None) -> "Reference":
        """The reference of a source notebook (a path or a NotebookNode)."""
        from nbgrader.nbgraderformat import MetadataValidator
        from nbgrader.preprocessors import (ClearHiddenTests, ClearMarkScheme, ClearOutput,
                                            ClearSolutions, ComputeChecksums, LockCells)

        if isinstance(nb, (str, os.PathLike)):
            name = Path(nb).stem if name == "notebook" else name
            nb = nbformat.read(nb, as_version=4)
        nb = nbformat.from_dict(copy.deepcopy(dict(nb)))
        MetadataValidator().upgrade_notebook_metadata(nb)
        grading = _run_preprocessors(nb, (LockCells, ClearSolutions, ClearOutput,
                                          ComputeChecksums), config)
        released = _run_preprocessors(copy.deepcopy(grading),
                                      (ClearHiddenTests, ClearMarkScheme), config)
        cells = []
        for cell, rel in zip(grading.cells, released.cells):
            meta = cell.metadata.get("nbgrader")
            if not meta or not (meta.get("grade") or meta.get("solution") or meta.get("locked")
                                or meta.get("task")):
                continue
            cells.append(RefCell(
                grade_id=meta["grade_id"], cell_type=cell.cell_type, source=cell.source,
                released=rel.source, grade=bool(meta.get("grade")),
                solution=bool(meta.get("solution")), locked=bool(meta.get("locked")),
                task=bool(meta.get("task")),
                points=float(meta["points"]) if meta.get("grade") or meta.get("task") else None,
                checksum=meta.get("checksum", ""), cell=dict(copy.deepcopy(cell))))
        return cls(name=name, cells=cells, metadata=dict(grading.metadata))

    def use_gradebook(self, gb, assignment: str, config=None) -> "Reference":
        """Take the test sources, checksums and points that nbgrader stored at release.

        Raises ValueError if the source's grade cells differ from the
        gradebook's (the source changed since ``generate_assignment``).
        """
        record = gb.find_notebook(self.name, assignment)
        db_grade = {c.name: c for c in record.grade_cells}
        db_task = {c.name: c for c in record.task_cells}
        db_source = {c.name: c for c in record.source_cells}
        mine = {c.grade_id for c in self.cells if c.grade and not c.task}
        if mine != set(db_grade):
            added = sorted(mine - set(db_grade))
            removed = sorted(set(db_grade) - mine)
            raise ValueError(
                f"the graded cells of {assignment}/{self.name}.ipynb changed since the "
                f"assignment was released (new: {', '.join(added) or 'none'}; gone: "
                f"{', '.join(removed) or 'none'}). Release it again with `weakties-grade "
                f"release {assignment}` (before any submission is graded), or restore the source.")
        for cell in self.cells:
            stored = db_source.get(cell.grade_id)
            if stored is not None and stored.locked:
                cell.source = stored.source
                cell.released = _clear_hidden(stored.source, config)
                cell.checksum = stored.checksum
                cell.cell["source"] = stored.source
                cell.cell["metadata"]["nbgrader"]["checksum"] = stored.checksum
            graded = db_grade.get(cell.grade_id) or db_task.get(cell.grade_id)
            if graded is not None:
                cell.points = float(graded.max_score)
                cell.cell["metadata"]["nbgrader"]["points"] = cell.points
        return self

    # -- what the grader derives from it ------------------------------------

    def by_id(self) -> dict:
        return {c.grade_id: c for c in self.cells}

    @property
    def max_score(self) -> float:
        return float(sum(c.points or 0 for c in self.cells if c.grade or c.task))

    def digest(self) -> str:
        """A hash of what grading depends on (test sources, points, flags)."""
        h = hashlib.sha256()
        for c in self.cells:
            h.update(json.dumps([c.grade_id, c.cell_type, c.source if c.locked else "",
                                 c.grade, c.solution, c.locked, c.task, c.points]).encode())
        return h.hexdigest()

    def helper_names(self) -> tuple[set, dict]:
        """Names the tests rely on, from the locked code cells (see :class:`tamper.Scanner`).

        A test cell protects the functions, classes and imports it defines and
        its private names (a leading underscore); other locked cells protect
        the functions, classes and imports they define *that a test cell
        uses* (a learner may copy a worked example's function into an answer
        and change it). Names an answer cell of the source defines are never
        protected.
        """
        names, imports, answers = set(), {}, set()
        used = set()
        for c in self.cells:
            if c.cell_type == "code" and c.is_test:
                try:
                    used.update(n.id for n in ast.walk(ast.parse(c.source))
                                if isinstance(n, ast.Name))
                except SyntaxError:
                    continue
        for c in self.cells:
            if c.cell_type != "code":
                continue
            try:
                tree = ast.parse(c.source)
            except SyntaxError:
                continue
            for node in tree.body:
                bound = []
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    bound = [node.name]
                elif isinstance(node, (ast.Import, ast.ImportFrom)):
                    for a in node.names:
                        if a.name == "*":
                            continue
                        full = (f"{node.module}.{a.name}" if isinstance(node, ast.ImportFrom)
                                else (a.name if a.asname else a.name.split(".")[0]))
                        key = a.asname or (a.name if isinstance(node, ast.ImportFrom)
                                           else a.name.split(".")[0])
                        imports[key] = full
                        bound.append(key)
                elif c.is_test and isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    bound = [n.id for t in targets for n in ast.walk(t)
                             if isinstance(n, ast.Name) and n.id.startswith("_")]
                if c.solution:
                    answers.update(bound)
                elif c.is_test:
                    names.update(bound)
                elif c.locked:
                    names.update(b for b in bound if b in used)
        names -= answers
        return names, {k: v for k, v in imports.items() if k in names}


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass
class CellResult:
    """The outcome of one grade cell.

    ``points`` is ``None`` when a person must grade the cell (a written
    answer, a task, or a notebook that could not be graded).
    """

    grade_id: str
    kind: str                  # "test", "manual" or "task"
    max_points: float
    points: float | None
    passed: bool | None
    message: str
    tampered: bool = False


@dataclass
class NotebookResult:
    """What :func:`grade_notebook` found for one notebook.

    ``status`` is ``"graded"``, ``"flagged"`` (graded, with reasons for the
    instructor in ``flags``) or ``"failed"`` (not graded; ``failure`` says
    why). ``notebook`` is the executed notebook without the grader's proof
    markers (``None`` if nothing ran). ``answered`` tells, for each answer
    cell, whether the student changed it (nbgrader's "No response." comment).
    """

    name: str
    status: str
    cells: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    failure: str | None = None
    notebook: object = None
    findings: list = field(default_factory=list)
    execution: str = ""
    seconds: float = 0.0
    answered: dict = field(default_factory=dict)   # answer cell grade id -> changed from the stub
    missing: bool = False                          # the notebook was not submitted at all

    @property
    def score(self) -> float:
        return float(sum(c.points or 0 for c in self.cells))

    @property
    def max_score(self) -> float:
        return float(sum(c.max_points for c in self.cells))

    def by_id(self) -> dict:
        return {c.grade_id: c for c in self.cells}


# ---------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------


def load(submitted):
    """Read a submitted notebook; returns ``(notebook, flags)``.

    Accepts a path, a JSON text or a notebook dict. A notebook whose cells
    are readable but whose format has errors is read leniently (and
    flagged). Raises :class:`NotebookUnreadable` otherwise.
    """
    name = "the notebook"
    if isinstance(submitted, (str, os.PathLike)) and not str(submitted).lstrip().startswith("{"):
        path = Path(submitted)
        name = path.name
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise NotebookUnreadable(f"{name} could not be read ({exc.strerror or exc})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NotebookUnreadable(f"{name} is not a text file (it is not UTF-8): it is not "
                                     "a notebook") from None
    elif isinstance(submitted, str):
        text = submitted
    elif isinstance(submitted, dict):
        text = json.dumps(submitted)
    else:
        raise TypeError(f"a submitted notebook is a path, a JSON text or a dict, not "
                        f"{type(submitted).__name__}")
    if not text.strip():
        raise NotebookUnreadable(f"{name} is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookUnreadable(f"{name} is not valid JSON (line {exc.lineno}, column "
                                 f"{exc.colno}: {exc.msg}); it may have been cut off or edited "
                                 "outside Jupyter") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells", data.get("worksheets")),
                                                    list):
        raise NotebookUnreadable(f"{name} is JSON but not a notebook (it has no list of cells)")
    flags = []
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception:  # noqa: BLE001 - any format problem: read the cells leniently
        nb = _lenient(data)
        flags.append(f"{name} had format errors; its cells were read leniently")
    return nb, flags


def _lenient(data: dict):
    cells = []
    for raw in data.get("cells") or []:
        if not isinstance(raw, dict):
            continue
        kind = raw.get("cell_type")
        source = raw.get("source", "")
        if isinstance(source, list):
            source = "".join(str(s) for s in source)
        if not isinstance(source, str):
            continue
        metadata = raw.get("metadata") if isinstance(raw.get("metadata"), dict) else {}
        if kind == "code":
            cell = nbformat.v4.new_code_cell(source)
        elif kind == "markdown":
            cell = nbformat.v4.new_markdown_cell(source)
        elif kind == "raw":
            cell = nbformat.v4.new_raw_cell(source)
        else:
            continue
        cell.metadata = nbformat.from_dict(metadata)
        cells.append(cell)
    if not cells:
        raise NotebookUnreadable("the notebook has no readable cells")
    return nbformat.v4.new_notebook(cells=cells)


def _meta(cell) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta if isinstance(meta, dict) else {}


def _managed_id(cell) -> str | None:
    meta = _meta(cell)
    if meta.get("grade") or meta.get("solution") or meta.get("locked") or meta.get("task"):
        gid = meta.get("grade_id")
        return gid if isinstance(gid, str) and gid else None
    return None


def _norm(text: str) -> str:
    return "\n".join(line.rstrip() for line in (text or "").strip().splitlines())


def sanitize(nb, ref: Reference):
    """Put the submission back into the shape of the source; returns ``(notebook, flags)``.

    The result holds every managed cell of the source exactly once, in the
    source's order, with the source's grading metadata; locked cells
    (instructions, setup, tests) hold the source's content, hidden tests
    included; answer cells hold the student's answer (a deleted answer cell
    comes back as the stub the student received). Cells the student added
    keep their place after the managed cell they followed. ``nb`` is not
    modified.
    """
    flags: list[str] = []
    cells = [copy.deepcopy(c) for c in nb.cells]
    refs = ref.by_id()
    order = {c.grade_id: i for i, c in enumerate(ref.cells)}

    # Which submitted cell stands for each managed cell of the source.
    positions: dict[str, list[int]] = {}
    for i, cell in enumerate(cells):
        gid = _managed_id(cell)
        if gid is not None:
            positions.setdefault(gid, []).append(i)
    chosen: dict[str, int] = {}
    demoted: set[int] = set()      # copies turned into ordinary cells
    dropped: set[int] = set()      # copies of locked cells, removed
    for gid, where in positions.items():
        if gid not in refs:
            continue
        if len(where) > 1:
            kind = "answer" if refs[gid].solution else "locked"
            flags.append(f"the cell '{gid}' appears {len(where)} times (a copied cell); "
                         + ("the last copy is graded, the others run as ordinary cells"
                            if kind == "answer" else "one copy is kept, from the source"))
        keep = where[-1] if refs[gid].solution else where[0]
        chosen[gid] = keep
        for i in where:
            if i != keep:
                (demoted if refs[gid].solution else dropped).add(i)

    free = [i for i, c in enumerate(cells) if i not in chosen.values() and i not in dropped]
    # A test cell whose grading metadata was stripped: recognise it by its content.
    for gid, r in ((c.grade_id, c) for c in ref.cells):
        if gid in chosen or r.solution:
            continue
        for i in free:
            cell = cells[i]
            if _managed_id(cell) is None and i not in demoted and cell.get("cell_type") == \
                    r.cell_type and _norm(cell.get("source", "")) == _norm(r.released) \
                    and _norm(r.released):
                chosen[gid] = i
                flags.append(f"the grading settings of cell '{gid}' were removed; they were "
                             "put back from the source")
                break
        free = [i for i in free if i not in chosen.values()]

    for i in free:
        gid = _managed_id(cells[i])
        if gid is not None and gid not in refs:
            flags.append(f"a cell claims the grade id '{gid}', which the source does not have; "
                         "its grading settings were removed")

    missing = [c.grade_id for c in ref.cells if c.grade_id not in chosen]
    if missing and len(missing) == len(ref.cells):
        flags.append("none of the assignment's cells were found: is this the right notebook? "
                     "Every cell of the source was put back")
    else:
        for gid in missing:
            what = "test " if refs[gid].is_test else ("answer " if refs[gid].solution else "")
            flags.append(f"the {what}cell '{gid}' was deleted; it was put back from the source")

    kept = sorted(chosen, key=lambda g: chosen[g])
    if [order[g] for g in kept] != sorted(order[g] for g in kept):
        moved = [g for g, h in zip(kept, sorted(kept, key=order.get)) if g != h]
        flags.append(f"cells were moved ({', '.join(moved[:4])}); the source's order was "
                     "restored")

    # Free cells follow the managed cell that came before them in the submission.
    anchor_of: dict[int, str | None] = {}
    current = None
    by_position = {i: g for g, i in chosen.items()}
    for i in range(len(cells)):
        if i in by_position:
            current = by_position[i]
        elif i in free or i in demoted:
            anchor_of[i] = current
    following: dict[str | None, list[int]] = {}
    for i, a in anchor_of.items():
        following.setdefault(a, []).append(i)

    out_cells = [_free_cell(cells[i]) for i in following.get(None, [])]
    for r in ref.cells:
        if r.grade_id in chosen:
            cell, notes = _restore(cells[chosen[r.grade_id]], r)
            flags.extend(notes)
        else:
            cell = _missing_cell(r)
        out_cells.append(cell)
        out_cells.extend(_free_cell(cells[i]) for i in following.get(r.grade_id, []))

    _unique_ids(out_cells)
    out = nbformat.v4.new_notebook(cells=out_cells)
    out.metadata = nbformat.from_dict(copy.deepcopy(ref.metadata))
    return out, flags


def _free_cell(cell):
    """An ordinary cell: no grading metadata, no outputs."""
    kind = cell.get("cell_type")
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(source)
    metadata = {k: v for k, v in (cell.get("metadata") or {}).items() if k != "nbgrader"}
    if kind == "code":
        new = nbformat.v4.new_code_cell(source)
    elif kind == "raw":
        new = nbformat.v4.new_raw_cell(source)
    else:
        new = nbformat.v4.new_markdown_cell(source)
        if cell.get("attachments"):
            new.attachments = copy.deepcopy(cell["attachments"])
    new.metadata.update(nbformat.from_dict(metadata))
    if cell.get("id"):
        new.id = cell["id"]
    return new


def _restore(cell, r: RefCell):
    """The submitted cell standing for ``r``, with the source's metadata; and the repairs made."""
    notes = []
    meta = _meta(cell)
    changed = [k for k in ("grade", "solution", "locked", "task")
               if bool(meta.get(k)) != bool(getattr(r, k))]
    if changed:
        notes.append(f"the grading settings of cell '{r.grade_id}' were changed ("
                     + ", ".join(f"{k}: {bool(getattr(r, k))} -> {bool(meta.get(k))}"
                                 for k in changed) + "); the source's were put back")
    if r.grade and not changed:
        try:
            points = float(meta.get("points"))
        except (TypeError, ValueError):
            points = None
        if points != r.points:
            notes.append(f"the points of cell '{r.grade_id}' were changed ({r.points:g} -> "
                         f"{meta.get('points')}); the source's were put back")
    if cell.get("cell_type") != r.cell_type:
        notes.append(f"the cell '{r.grade_id}' was turned from {r.cell_type} into "
                     f"{cell.get('cell_type')}; its type was put back")
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(source)
    if not r.solution:
        if _norm(source) != _norm(r.released):
            what = "test" if r.is_test else "locked"
            notes.append(f"the {what} cell '{r.grade_id}' was edited; the source's content "
                         "was put back")
        source = r.source
    new = nbformat.from_dict(copy.deepcopy(r.cell))
    new.source = source
    extra = {k: v for k, v in (cell.get("metadata") or {}).items()
             if k not in ("nbgrader", "editable", "deletable", "trusted")}
    new.metadata.update(nbformat.from_dict(extra))
    if r.cell_type == "code":
        new.outputs = []
        new.execution_count = None
    if cell.get("id"):
        new.id = cell["id"]
    return new, notes


def _missing_cell(r: RefCell):
    new = nbformat.from_dict(copy.deepcopy(r.cell))
    if r.solution:
        new.source = r.released
    if r.cell_type == "code":
        new.outputs = []
        new.execution_count = None
    return new


def _unique_ids(cells) -> None:
    import uuid

    seen = set()
    for cell in cells:
        cid = cell.get("id")
        if not cid or cid in seen or not isinstance(cid, str) or len(cid) > 64:
            cid = uuid.uuid4().hex[:12]
            cell.id = cid
        seen.add(cid)


def autograded_cells(nb, ref: Reference) -> list[int]:
    """Indices of the cells of a sanitized notebook that are autograded tests."""
    refs = ref.by_id()
    return [i for i, c in enumerate(nb.cells)
            if (gid := _managed_id(c)) in refs and refs[gid].is_test]


def _student_cells(nb, ref: Reference):
    """Indices of the code cells the student wrote (answers and added cells)."""
    refs = ref.by_id()
    for i, c in enumerate(nb.cells):
        if c.get("cell_type") != "code":
            continue
        gid = _managed_id(c)
        if gid is None or (gid in refs and refs[gid].solution):
            yield i


def _extra_items(extra_files):
    """(relative name, path) of every regular file in ``extra_files``."""
    for item in extra_files:
        if isinstance(item, tuple):
            rel, path = item
            yield str(rel), Path(path)
            continue
        path = Path(item)
        if path.is_dir() and not path.is_symlink():
            for sub in sorted(path.rglob("*")):
                yield str(sub.relative_to(path.parent)), sub
        else:
            yield path.name, path


def scan(nb, ref: Reference, extra_files=()) -> list[tamper.Finding]:
    """Static tamper scan of the student's cells and Python files (see :mod:`grader.engine.tamper`).

    Locked cells are read for their imports but not judged (they come from
    the source).
    """
    names, imports = ref.helper_names()
    modules = {Path(rel).stem: (rel, p) for rel, p in _extra_items(extra_files)
               if rel.endswith(".py") and p.is_file() and not p.is_symlink()}
    scanner = tamper.Scanner(names, imports, files=modules)
    student = set(_student_cells(nb, ref))
    for i, cell in enumerate(nb.cells):
        if cell.get("cell_type") == "code":
            scanner.scan_cell(i, cell.source, trusted=i not in student)
    found = list(scanner.findings)
    for module, (rel, path) in sorted(modules.items()):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        # A file's code runs from the first cell that imports it (or anywhere: -1).
        first = scanner.imports_of.get(module, -1)
        found += [tamper.Finding(f.rule, f.severity, f.reason, first, f.where, f.line)
                  for f in scanner.scan_file(rel, text)]
    return found


def _on_rm_error(func, path, exc_info):
    try:
        os.chmod(path, stat.S_IRWXU)
        parent = os.path.dirname(path)
        os.chmod(parent, stat.S_IRWXU)
        func(path)
    except OSError:
        pass


_BINARY = (".so", ".pyd", ".dll", ".dylib", ".pth")


def _unsafe_file(rel: str) -> str | None:
    """Why a file of the submission must not reach the kernel's folder (``None``: it may)."""
    import importlib.util
    import sys

    parts = Path(rel).parts
    if rel.endswith(_BINARY):
        return "compiled code and path files are not accepted in a submission"
    if not parts[-1].endswith((".py", ".pyc")):
        return None
    # A module file, or Python code in a folder (a package, or a portion of a namespace
    # package that an import of the real module would also search).
    name = parts[0].rsplit(".", 1)[0] if len(parts) == 1 else parts[0]
    if name in sys.stdlib_module_names or name in sys.builtin_module_names:
        return f"it has the name of the standard module {name}, which it would replace"
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if found:
        return f"it has the name of the installed module {name}, which it would replace"
    return None


@contextlib.contextmanager
def working_copy(extra_files=(), *, trusted_files=(), base=None):
    """A private working folder holding the submission's other files; removed afterwards.

    Only regular files are copied (a symbolic link could point at the
    gradebook or the source); notebooks, checkpoints and the learner id file
    are left out, and so are compiled code and files that would replace a
    Python module (a ``weakties.py`` or ``numpy/`` of the submission).
    ``trusted_files`` (the source assignment's own files) are copied last,
    replacing the submission's. The folder is created in ``base`` (default:
    the system temporary folder), never in the course folder. Yields ``(folder, notes)``
    where ``notes`` lists the files left out for the instructor.
    """
    folder = Path(tempfile.mkdtemp(prefix="work-", dir=base))
    notes = []
    total = 0
    items = [(rel, path, False) for rel, path in _extra_items(extra_files)]
    items += [(rel, path, True) for rel, path in _extra_items(trusted_files)]
    try:
        for rel, path, trusted in items:
            parts = Path(rel).parts
            if any(p in IGNORED for p in parts) or rel.endswith(".ipynb") or ".." in parts \
                    or Path(rel).is_absolute():
                continue
            if path.is_symlink():
                notes.append(f"the submission holds a symbolic link ({rel}); it was left out")
                continue
            why = None if trusted else _unsafe_file(rel)
            if why:
                notes.append(f"{rel} was left out: {why}")
                continue
            if not path.is_file():
                continue
            size = path.stat().st_size
            if total + size > MAX_EXTRA_BYTES:
                notes.append(f"the submission's files are larger than "
                             f"{MAX_EXTRA_BYTES // 2**20} MB; {rel} was left out")
                continue
            total += size
            dest = folder / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
        yield folder, notes
    finally:
        shutil.rmtree(folder, onerror=_on_rm_error)


def judge_plan(nb, ref: Reference, *, learner_id, server=None, files=(),
               cpu_seconds: float = 30.0):
    """What the judge runs for the sanitized notebook ``nb``: a :class:`~grader.engine.judge.JudgePlan`.

    The locked code cells and the test cells, with the **source's** code
    (hidden tests included), at their index in ``nb``; never a cell the
    student wrote. ``files`` are the assignment's trusted files.
    """
    from .judge import JudgePlan

    refs = ref.by_id()
    cells = []
    for index, cell in enumerate(nb.cells):
        gid = _managed_id(cell)
        r = refs.get(gid)
        if r is None or r.cell_type != "code" or r.solution:
            continue
        if r.is_test:
            cells.append({"index": index, "kind": "test", "source": r.source})
        elif r.locked:
            cells.append({"index": index, "kind": "locked", "source": r.source})
    return JudgePlan(server=server, learner_id=learner_id, cells=cells,
                     files=[(str(rel), str(path)) for rel, path in _extra_items(files)],
                     cpu_seconds=cpu_seconds)


def _message_for_error(outputs) -> str | None:
    for out in outputs:
        if out.get("output_type") == "error":
            ename = out.get("ename", "Error")
            evalue = (out.get("evalue") or "").strip()
            if ename == "AssertionError" and not evalue:
                return "A check of this test failed."
            if ename == "AssertionError":
                text = evalue
            else:
                text = f"{ename}: {evalue}" if evalue else ename
            return text if len(text) <= 600 else text[:597] + "..."
    return None


def score(nb, executed, ref: Reference, outcomes: dict):
    """Points per grade cell of the sanitized notebook ``nb``, from the judge's ``outcomes``.

    A test earns its points only if the judge ran it and it passed (a
    partial grade when the test's last expression is a number, as in
    nbgrader); nothing the student's kernel printed counts.
    """
    from nbgrader import utils

    refs = ref.by_id()
    results = []
    for index, cell in enumerate(nb.cells):
        gid = _managed_id(cell)
        r = refs.get(gid)
        if r is None or not (r.grade or r.task):
            continue
        max_points = float(r.points or 0)
        if r.task or not r.grade:
            results.append(CellResult(gid, "task", max_points, None, None,
                                      "Graded by your instructor."))
            continue
        if r.solution:
            points, _ = utils.determine_grade(cell)
            message = ("No answer was given." if points == 0 else
                       "Graded by your instructor.")
            results.append(CellResult(gid, "manual", max_points, points,
                                      None if points is None else False, message))
            continue
        outcome = outcomes.get(index)
        if outcome is None:
            results.append(CellResult(gid, "test", max_points, 0.0, False,
                                      "This test did not run, so it earns no points."))
            continue
        if not outcome.passed:
            message = _message_for_error(outcome.outputs) or \
                (outcome.setup_error or "This test did not pass.")
            results.append(CellResult(gid, "test", max_points, 0.0, False, message))
            continue
        points = max_points
        shown = [o for o in outcome.outputs if o.get("output_type") == "execute_result"]
        if shown:
            try:
                points = float(utils.get_partial_grade(nbformat.from_dict(shown[0]), max_points))
            except (ValueError, KeyError, TypeError):
                points = max_points
        points = min(max(points, 0.0), max_points)
        message = "Passed." if points == max_points else (
            f"Partly passed: {points:g} of {max_points:g} points.")
        results.append(CellResult(gid, "test", max_points, points, True, message))
    return results


def _failed(ref: Reference, name: str, why: str, flags=()) -> NotebookResult:
    cells = []
    for r in ref.cells:
        if r.grade or r.task:
            kind = "test" if r.is_test else ("manual" if r.grade and r.solution else "task")
            cells.append(CellResult(r.grade_id, kind, float(r.points or 0), None, None,
                                    f"Not graded: {why}."))
    return NotebookResult(name=name, status=FAILED, cells=cells, flags=list(flags),
                          failure=why)


def grade_notebook(submitted, source, *, learner_id, limits=None, sandbox=True,
                   extra_files=(), source_files=(), reference: Reference | None = None,
                   config=None, name: str | None = None, judge=None) -> NotebookResult:
    """Grade one submitted notebook against its source.

    Parameters
    ----------
    submitted : path, JSON text or dict
        The student's notebook.
    source : path or NotebookNode
        The instructor's notebook, with solutions and hidden tests (ignored
        when ``reference`` is given).
    learner_id : str or None
        The student's id: the exercise builds the student's own data from it,
        in the student's kernel and, independently, in the judge.
    limits : grader.engine.execute.Limits, optional
    sandbox : bool
        Run the kernel and the judge in the sandbox (default). ``False`` only
        for trusted notebooks.
    extra_files : iterable
        The submission's other files: paths (files or folders) or
        ``(relative name, path)`` pairs, copied into the working folder.
    source_files : iterable
        The source assignment's own files (data, helper modules), in the same
        forms; copied after the submission's, replacing them; the judge gets
        these alone.
    reference : Reference, optional
        A prepared reference (the autograde command aligns it with the
        gradebook once per notebook).
    judge : grader.engine.judge.JudgeServer, optional
        A running judge (the autograde batch shares one); by default this
        process's own (:func:`grader.engine.judge.shared_server`).

    Returns
    -------
    NotebookResult

    Raises
    ------
    grader.engine.execute.SandboxUnavailable
        ``sandbox=True`` and the sandbox cannot run here.
    """
    from .execute import Limits, SandboxUnavailable, execute, sandbox_problem
    from .judge import JudgeUnavailable, shared_server

    started = time.monotonic()
    ref = reference or Reference.from_notebook(source, config=config)
    name = name or ref.name
    limits = limits or Limits()
    try:
        nb, flags = load(submitted)
    except NotebookUnreadable as exc:
        return _failed(ref, name, str(exc))
    try:
        nb, repairs = sanitize(nb, ref)
    except Exception as exc:  # noqa: BLE001 - never stop: report it
        return _failed(ref, name, f"the notebook could not be compared with the source ({exc})",
                       flags)
    flags.extend(repairs)
    findings = scan(nb, ref, extra_files)
    if sandbox:
        problem = sandbox_problem()
        if problem is not None:
            raise SandboxUnavailable(problem)
    try:
        server = judge or shared_server(sandbox=sandbox)
    except JudgeUnavailable as exc:
        return _failed(ref, name, f"the judge could not start ({exc})", flags)
    plan = judge_plan(nb, ref, learner_id=learner_id, server=server, files=source_files,
                      cpu_seconds=limits.cell_timeout)
    try:
        with working_copy(extra_files, trusted_files=source_files) as (folder, notes):
            flags.extend(notes)
            run = execute(nb, folder, learner_id=learner_id, limits=limits, sandbox=sandbox,
                          judge=plan)
    except SandboxUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken run is this notebook's failure
        return _failed(ref, name, f"the notebook could not be run ({type(exc).__name__}: {exc})",
                       flags)
    if run.status == "kernel_failed":
        return _failed(ref, name, run.detail or "the kernel did not start", flags)
    cells = score(nb, run.notebook, ref, run.outcomes)
    if run.status != "ok" or run.detail:
        flags.append(run.detail)
    flags.extend(run.notes)
    if run.judge_error:
        flags.append(f"the exercise's own code failed in the judge, not the student's: "
                     f"{run.judge_error}")
    broken = sorted({o.setup_error for o in run.outcomes.values()
                     if not o.outputs and o.setup_error})
    flags.extend(f"the judge stopped: {why}" for why in broken)
    flags.extend(f"to review: {f.describe()}" for f in findings)
    # Nothing the student wrote may run where the graded notebook is shown (the formgrader,
    # feedback): what a browser would run is removed now, and the instructor told.
    from ..render.html import sanitize_notebook

    shown, removed = sanitize_notebook(run.notebook)
    if removed:
        flags.append("to review: what would run in a browser was removed from the graded "
                     "notebook: " + "; ".join(removed[:5]) + ("; ..." if len(removed) > 5 else ""))
    return NotebookResult(name=name, status=FLAGGED if flags else GRADED, cells=cells,
                          flags=list(dict.fromkeys(flags)), notebook=shown,
                          findings=findings, execution=run.status,
                          seconds=time.monotonic() - started, answered=_answered(nb, ref))


def _answered(nb, ref: Reference) -> dict:
    """{grade id of an answer cell: whether the student changed the stub}."""
    from nbgrader.utils import compute_checksum

    refs = ref.by_id()
    return {gid: compute_checksum(c) != refs[gid].checksum for c in nb.cells
            if (gid := _managed_id(c)) in refs and refs[gid].solution}
