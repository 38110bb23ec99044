"""Every lesson runs top to bottom headless, and every widget's callbacks work.

Each lesson is executed in a fresh kernel in a temporary copy of the course
folder (so nothing is written into the project); then, in the same kernel,
:func:`weakties.widgets.exercise_all` moves every control and presses every
button, and the test requires that none of that raised or failed to redraw.
The structure the lesson guide asks for (objectives, duration, picture
descriptions, quiz, recap, sources) is checked too.
"""

import json
import re
import shutil
import time

import nbformat
import pytest
from nbclient import NotebookClient

from grader.engine.kernelclient import SteppedKernelManager

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LESSONS = sorted((ROOT / "course").glob("[0-9][0-9]-*.ipynb"))
TIMES = {}

EXERCISE_CELL = (
    "import json as _json, weakties.widgets as _w\n"
    "print('EXERCISE-REPORT ' + _json.dumps(_w.exercise_all()))"
)


def test_twelve_lessons():
    numbers = sorted(int(p.name[:2]) for p in LESSONS)
    assert numbers == list(range(12)), f"expected lessons 00 to 11, found {numbers}"


def _text(nb, kind=None):
    return "\n".join(c.source for c in nb.cells if kind is None or c.cell_type == kind)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_structure(path):
    nb = nbformat.read(path, as_version=4)
    md = _text(nb, "markdown")
    first = nb.cells[0]
    assert first.cell_type == "markdown" and re.match(r"#\s+Lesson\s+\d\d", first.source), \
        f"{path.name}: the first cell must be the title '# Lesson NN: ...'"
    for needed in ("Duration", "Learning objectives", "Recap", "Sources"):
        assert needed.lower() in md.lower(), f"{path.name}: no '{needed}' section"
    code = _text(nb, "code")
    for widget in ("Explorer(", "Prediction(", "Quiz("):
        assert widget in code, f"{path.name}: no {widget[:-1]} (every lesson needs one)"
    assert "*Picture description:*" in md, \
        f"{path.name}: pictures need a text alternative ('*Picture description:*' below them)"
    assert "exercises/" in md or int(path.name[:2]) == 0, \
        f"{path.name}: the reflection should name the matching exercise folder"


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_executes_and_widgets_respond(path, tmp_path, monkeypatch):
    work = tmp_path / "course"
    shutil.copytree(ROOT / "course", work)
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    nb = nbformat.read(work / path.name, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(EXERCISE_CELL))
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            kernel_manager_class=SteppedKernelManager,
                            resources={"metadata": {"path": str(work)}})
    start = time.perf_counter()
    client.execute()
    TIMES[path.stem] = time.perf_counter() - start
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(nb.cells)
              if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{path.name}: cells raised {errors}"
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    match = re.search(r"EXERCISE-REPORT (\{.*\})", text)
    assert match, f"{path.name}: the widget exercise did not report: {text!r}"
    report = json.loads(match.group(1))
    assert report["problems"] == [], f"{path.name}: widget problems: {report['problems']}"
    for kind in ("Explorer", "Prediction", "Quiz"):
        assert report.get(kind, 0) >= 1, f"{path.name}: no {kind} was created when run"
    print(f"{path.stem} executed in {TIMES[path.stem]:.1f} s")
