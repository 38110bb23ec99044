"""``weakties-grade release ASSIGNMENT [--zip]``: the student version of an assignment.

Runs nbgrader's ``generate_assignment`` on the source assignment (solutions
replaced by stubs, hidden tests removed, outputs cleared, cells locked,
checksums and tests saved in the gradebook) into the course's ``release/``.
With ``--zip`` it also writes ``release/ASSIGNMENT.zip`` for upload to an LMS:
the student notebooks, the data files, and ``README.txt`` telling students
how to work and how to hand in.
"""

from __future__ import annotations

import argparse
import textwrap
import zipfile
from pathlib import Path

from ..engine.converters import run_converter
from ..render.words import N_, number, tr
from .common import UserError, check_assignment, course_of

TITLE = N_("{assignment}: how to work on it and how to hand it in")

#: The README.txt of the zip, for an assignment with one notebook and with several.
README_ONE = N_(
    '{title}\n'
    '{underline}\n'
    '\n'
    'What is in this folder\n'
    '- {notebooks}: the exercise. Open it in JupyterLab (or Jupyter Notebook).\n'
    '{data}\n'
    'Before you start: your learner id\n'
    'Each student works on their own simulated data, built from a learner id.\n'
    'Your learner id must be the student id your instructor gave you; otherwise\n'
    'your answers are computed on other data than the data used for grading,\n'
    'and they will be counted as wrong.\n'
    '- On the course JupyterHub this is automatic.\n'
    '- Elsewhere, create a text file named .weakties-learner in this folder that\n'
    '  holds only your student id, or run once, in a notebook cell:\n'
    '      import weakties.learner; weakties.learner.set_learner("your-student-id")\n'
    "The exercises need the course's Python library (weakties): use the course\n"
    'environment your instructor gave you.\n'
    '\n'
    'While you work\n'
    '- Write your answers in the cells marked "YOUR CODE HERE" or\n'
    '  "YOUR ANSWER HERE", and remove the line "raise NotImplementedError()".\n'
    '- Do not delete, copy or move the other cells: the tests need them.\n'
    '- Run the visible tests: they tell you what was expected, what was found,\n'
    '  and give a hint. More tests are run when your work is graded.\n'
    '- Before you hand in, restart the kernel and run all cells (menu Kernel, then\n'
    '  "Restart Kernel and Run All Cells") to check that everything works.\n'
    '\n'
    'How to hand in\n'
    '- Save the notebook, then upload the notebook ({names}) to the\n'
    '  assignment page of the course. Keep the file name as it is.\n'
    '- Do not upload a zip file, a PDF or an HTML export: only the .ipynb file.\n'
    '- You may upload again before the deadline: the last upload is graded.\n')

README_MANY = N_(
    '{title}\n'
    '{underline}\n'
    '\n'
    'What is in this folder\n'
    '- {notebooks}: the exercises. Open them in JupyterLab (or Jupyter Notebook).\n'
    '{data}\n'
    'Before you start: your learner id\n'
    'Each student works on their own simulated data, built from a learner id.\n'
    'Your learner id must be the student id your instructor gave you; otherwise\n'
    'your answers are computed on other data than the data used for grading,\n'
    'and they will be counted as wrong.\n'
    '- On the course JupyterHub this is automatic.\n'
    '- Elsewhere, create a text file named .weakties-learner in this folder that\n'
    '  holds only your student id, or run once, in a notebook cell:\n'
    '      import weakties.learner; weakties.learner.set_learner("your-student-id")\n'
    "The exercises need the course's Python library (weakties): use the course\n"
    'environment your instructor gave you.\n'
    '\n'
    'While you work\n'
    '- Write your answers in the cells marked "YOUR CODE HERE" or\n'
    '  "YOUR ANSWER HERE", and remove the line "raise NotImplementedError()".\n'
    '- Do not delete, copy or move the other cells: the tests need them.\n'
    '- Run the visible tests: they tell you what was expected, what was found,\n'
    '  and give a hint. More tests are run when your work is graded.\n'
    '- Before you hand in, restart the kernel and run all cells (menu Kernel, then\n'
    '  "Restart Kernel and Run All Cells") to check that everything works.\n'
    '\n'
    'How to hand in\n'
    '- Save the notebook, then upload the notebooks ({names}) to the\n'
    '  assignment page of the course. Keep the file names as they are.\n'
    '- Do not upload a zip file, a PDF or an HTML export: only the .ipynb files.\n'
    '- You may upload again before the deadline: the last upload is graded.\n')

#: The line on data files: one file, or several (next to one notebook or several).
DATA_ONE = N_("- {files}: data the exercise reads; keep it next to the notebook.")
DATA_MANY = N_("- {files}: data the exercise reads; keep them next to the notebook.")
DATA_MANY_NOTEBOOKS = N_("- {files}: data the exercise reads; keep them next to the "
                         "notebooks.")


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        Make the student version of an assignment with nbgrader's generate_assignment:
        solutions are replaced by stubs, hidden tests are removed, outputs are cleared,
        and the tests are saved in the gradebook for autograding. The result goes to
        COURSE/release/ASSIGNMENT/. Running it again regenerates the student version
        (nbgrader refuses changes that would lose grades, such as removing a graded
        cell after submissions were graded).

        With --zip, also write COURSE/release/ASSIGNMENT.zip to upload to an LMS such as
        Moodle: the student notebook(s), any data files, and a README.txt that tells
        students how to work and how to hand in.""")
    parser.epilog = textwrap.dedent("""\
        example:
          weakties-grade release 01-your-network --zip""")
    parser.add_argument("assignment", metavar="ASSIGNMENT",
                        help="name of the assignment (a folder of exercises/)")
    parser.add_argument("--zip", action="store_true",
                        help="also write a zip for upload to an LMS")


def release(course, assignment: str, *, make_zip: bool = False) -> dict:
    """Generate the student version; return ``{"folder": Path, "zip": Path | None, "files": [...]}``."""
    from nbgrader.converters import GenerateAssignment

    check_assignment(course, assignment)
    run_converter(GenerateAssignment, course, assignment, what="generating the student version",
                  force=True, create_assignment=True)
    folder = course.release / assignment
    if not folder.is_dir() or not any(folder.glob("*.ipynb")):
        raise UserError(tr(N_("nbgrader wrote no student notebook for {assignment} in "
                              "{folder}: check that the source notebooks are nbgrader "
                              "assignments (cells marked with the Create Assignment toolbar)."),
                           assignment=assignment, folder=folder))
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    result = {"folder": folder, "zip": None, "files": files}
    if make_zip:
        result["zip"] = write_zip(folder, assignment, course.release / f"{assignment}.zip")
    return result


def student_readme(assignment: str, files: list[str]) -> str:
    """The README.txt of the LMS zip.

    Examples
    --------
    >>> text = student_readme("ps1", ["ps1.ipynb", "data/people.csv"])
    >>> "upload the notebook (ps1.ipynb)" in text
    True
    """
    notebooks = [f for f in files if f.endswith(".ipynb")]
    others = [f for f in files if not f.endswith(".ipynb")]
    one = len(notebooks) == 1
    data = ""
    if others:
        line = DATA_ONE if len(others) == 1 else DATA_MANY if one else DATA_MANY_NOTEBOOKS
        data = tr(line, files=", ".join(others)) + "\n"
    title = tr(TITLE, assignment=assignment)
    return tr(README_ONE if one else README_MANY, title=title, underline="=" * len(title),
              notebooks=", ".join(notebooks), data=data, names=", ".join(notebooks))


def write_zip(folder: Path, assignment: str, dest: Path) -> Path:
    """Zip the student version ``folder`` with a README into ``dest`` (atomically)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()
                   and ".ipynb_checkpoints" not in p.parts)
    rel = [p.relative_to(folder).as_posix() for p in files]
    tmp = dest.with_name(dest.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path, name in zip(files, rel):
            zf.write(path, f"{assignment}/{name}")
        zf.writestr(f"{assignment}/README.txt", student_readme(assignment, rel))
    tmp.replace(dest)
    return dest


def run(args) -> int:
    course = course_of(args)
    result = release(course, args.assignment, make_zip=args.zip)
    notebooks = [f for f in result["files"] if f.endswith(".ipynb")]
    print(tr(N_("Student version of {assignment}: {folder} ({notebooks} notebook(s), "
                "{others} other file(s))"), assignment=args.assignment, folder=result["folder"],
             notebooks=number(len(notebooks)),
             others=number(len(result["files"]) - len(notebooks))))
    if result["zip"]:
        print(tr(N_("Zip for the LMS: {path}"), path=result["zip"]))
    return 0
