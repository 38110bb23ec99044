"""What stock ``nbgrader autograde`` gives the attacks of the corpus (for attacks/README.md).

Run by hand, not by the test suite::

    .venv/bin/python tests/grader/attacks/stock_nbgrader.py

It grades, in a scratch course, every attack that stock nbgrader can run
without harm to this machine (those marked ``sandbox_only`` delete files,
read the gradebook or fork without end: they are left out), one student per
attack, and prints one line per attack: its name, the points stock
nbgrader gave, the points it earns honestly, and whether stock nbgrader
graded it at all.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))     # a script, run by hand: cohort and attacks importable


def main() -> None:
    import cohort
    from attacks import corpus
    from grader.stores.gradebook import open_gradebook

    root = Path(tempfile.mkdtemp(prefix="stock-attacks-")) / "course"
    course = cohort.setup_course(root, assignments=("ties-basics",))
    cohort.write_submission(course, corpus.VICTIM, "ties-basics", "full")
    chosen = {}
    for i, attack in enumerate(corpus.ATTACKS):
        if attack.sandbox_only:
            continue
        student = f"x{i:02d}"
        folder = corpus.write(course, student, attack)
        (folder / ".weakties-learner").write_text(student)
        chosen[student] = attack
    # nbgrader's own steps (the tests in the student's kernel), not the course's judge.
    cohort.use_plain_nbgrader(course)
    nbgrader = Path(sys.executable).parent / "nbgrader"
    for student in chosen:   # one run per student: a bad one stops stock nbgrader's batch
        subprocess.run([str(nbgrader), "autograde", "ties-basics", "--student", student,
                        "--ExecutePreprocessor.timeout=10", "--Execute.timeout=10"],
                       cwd=course.root, capture_output=True, text=True, timeout=600)
    with open_gradebook(course) as gb:
        for student, attack in chosen.items():
            try:
                sub = gb.find_submission("ties-basics", student)
                folder = course.autograded / student / "ties-basics" / "ties-basics.ipynb"
                earned = sum(g.auto_score or 0 for nb in sub.notebooks for g in nb.grades)
                graded = "graded" if folder.exists() else "error, not graded"
            except Exception:  # noqa: BLE001
                earned, graded = 0.0, "error, not graded"
            print(f"{attack.name:28s} stock {earned:4g}  honest {attack.honest_points(student):4g}"
                  f"  {graded}")


if __name__ == "__main__":
    main()
