"""Lessons 00 to 05: built by their script, every picture described, every citation sourced.

The shared tests (tests/course/test_lessons.py) execute the lessons and check
the common structure. These tests add what is specific to the way lessons 00
to 05 are made: the notebooks are exactly what ``course/build/lessons_00_05.py``
builds (so the numbers quoted in the picture descriptions follow the
simulation), every cell that draws is followed by its text alternative, and
every "(Author year)" in the text has its entry under Sources.
"""

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "course" / "build" / "lessons_00_05.py"
SLUGS = {"00": "welcome", "01": "your-network", "02": "strong-and-weak-ties",
         "03": "alter-ego-network", "04": "silos-and-bridges", "05": "encounters-and-events"}
LESSONS = [ROOT / "course" / f"{n}-{slug}.ipynb" for n, slug in SLUGS.items()]
YEAR = r"(?:19|20)\d\d"


def _builder():
    spec = importlib.util.spec_from_file_location("lessons_00_05", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path):
    return nbformat.read(path, as_version=4)


@pytest.mark.slow
def test_notebooks_are_what_the_build_script_makes():
    built = _builder().build()
    assert sorted(p.name for p in built) == sorted(p.name for p in LESSONS)
    stale = [p.name for p, text in built.items() if p.read_text(encoding="utf-8") != text]
    assert not stale, (f"{', '.join(stale)} differ from what course/build/lessons_00_05.py builds "
                       "(the library changed, or a notebook was edited by hand): run "
                       "`.venv/bin/python course/build/lessons_00_05.py` and commit the notebooks.")


def _draws(cell):
    return cell.cell_type == "code" and any(
        k in cell.source for k in ("plt.show()", "Explorer(", "Prediction("))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_picture_has_its_description_right_below(path):
    cells = _read(path).cells
    missing = [c.id for i, c in enumerate(cells) if _draws(c)
               and not (i + 1 < len(cells) and cells[i + 1].cell_type == "markdown"
                        and cells[i + 1].source.startswith("*Picture description:*"))]
    assert not missing, (f"{path.name}: cells {missing} draw a picture but the next cell is not "
                         "its '*Picture description:*'")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_cell_ids_name_the_lesson(path):
    number = path.name[:2]
    ids = [c.id for c in _read(path).cells]
    assert all(i.startswith(f"l{number}-") for i in ids), f"{path.name}: ids {ids}"


def _citations(text):
    """(surname, year) of every "(Author year)" or "Author (year)" citation in ``text``."""
    found = set()
    for inside in re.finditer(r"\(([^()]*?)\)", text):
        for part in inside.group(1).split(";"):
            year = re.search(YEAR, part)
            if not year:
                continue
            words = re.findall(r"[A-Z][\w'-]+", part[:year.start()])
            if words:
                found.add((words[0], year.group()))
            else:  # "Burt (2004)": the name stands before the bracket
                before = re.search(r"([A-Z][\w'-]+)(?: et al\.| and [A-Z][\w'-]+)?\s*$",
                                   text[max(0, inside.start() - 40):inside.start()])
                if before:
                    found.add((before.group(1), year.group()))
    return found


def test_citation_finder_reads_the_forms_the_lessons_use():
    text = ("as shown (Granovetter 1973, p. 1361) and (Feld 1981; McPherson et al. 2001); "
            "Burt (2004) studied managers; what did Ingram and Morris (2007) see? "
            "Rajkumar et al. (2022) found; in the 1980s; (2,000 people)")
    assert _citations(text) == {("Granovetter", "1973"), ("Feld", "1981"),
                                ("McPherson", "2001"), ("Burt", "2004"), ("Ingram", "2007"),
                                ("Rajkumar", "2022")}


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_citation_is_in_the_sources(path):
    cells = _read(path).cells
    sources = [c.source for c in cells if c.source.startswith("## Sources")]
    assert len(sources) == 1, f"{path.name}: expected one '## Sources' cell"
    entries = [e for e in re.split(r"\n- ", sources[0]) if re.search(YEAR, e)]
    text = "\n".join(c.source for c in cells if not c.source.startswith("## Sources"))
    cited = _citations(text)
    assert cited, f"{path.name}: no citation found"
    missing = sorted((name, year) for name, year in cited
                     if not any(name in e and f"({year})" in e for e in entries))
    assert not missing, f"{path.name}: cited but not under Sources: {missing}"


@pytest.mark.parametrize("path", LESSONS[1:], ids=lambda p: p.stem)
def test_reflection_names_the_matching_exercise(path):
    folder = f"exercises/{path.stem}/"
    reflection = [c.source for c in _read(path).cells if c.source.startswith("## Reflection")]
    assert reflection and folder in reflection[0], \
        f"{path.name}: the reflection should name {folder}"
