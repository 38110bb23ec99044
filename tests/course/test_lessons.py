"""Every lesson: built from its source, shaped as the lesson guide asks, run with its widgets.

One parametrised test per rule of ``course/LESSON-GUIDE.md``, over every
lesson notebook (English in ``course/``, other languages in
``course/<lang>/``):

- the stored notebook is exactly what ``python -m course.build`` makes from
  its source now, and every claim of its text holds (so a library change
  that makes a sentence false, or a hand edit, fails here);
- structure: title, duration, objectives, recap, sources (every citation
  listed), a prediction, picture descriptions, a reflection naming the
  exercise, cell ids ``lNN-...``;
- the rules of the converted format: no learner-visible code cell over 8
  lines, no quiz or prediction answer in any cell, glossary links at first
  use, a prediction's picture described only after it runs;
- (slow) the lesson runs top to bottom in a fresh kernel, every widget
  responds, and every picture is followed by its description.

Lessons still built by the old scripts (``course/build/lessons_*.py``) do
not meet the rules of the converted format yet: they are listed in
:data:`NOT_YET_CONVERTED`, and those rules are expected to fail for them.
Converting a lesson removes it from the list (a test checks that the list
matches the sources).
"""

import json
import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from grader.engine.kernelclient import SteppedKernelManager
from weakties.lessons import build, lesson_module
from weakties.lessons._core import split_key

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course"

#: Lessons not converted to a MyST source yet (course/LESSON-GUIDE.md, "Converting a
#: lesson"). The rules in NEW_RULES are expected to fail for them. Shrinks to nothing.
NOT_YET_CONVERTED = []

#: The rules only converted lessons meet.
NEW_RULES = ("short-code", "hidden-answers", "glossary", "described-after-run")

NOTEBOOKS = sorted(COURSE.glob("[0-9][0-9]-*.ipynb")) + sorted(COURSE.glob("[a-z][a-z]/[0-9][0-9]-*.ipynb"))
YEAR = r"(?:19|20)\d\d"
MAX_LINES = 8


def _id(path):
    return str(path.relative_to(COURSE).with_suffix(""))


def _number(path):
    return path.name[:2]


def _lang(path):
    return "en" if path.parent == COURSE else path.parent.name


#: The words a lesson's structure is recognised by, in each language (the French edition:
#: course/LESSON-GUIDE.md, "Translating a lesson").
WORDS = {
    "en": {"sections": ("duration", "learning objectives", "## recap", "## sources"),
           "description": r"\*Picture description:\*", "reflection": "## Reflection",
           "first_used": r"First used in lesson (\d\d)"},
    "fr": {"sections": ("durée", "objectifs", "## récapitulatif", "## sources"),
           "description": r"\*Description de l['’]image\s*:\*", "reflection": "## Réflexion",
           "first_used": r"Première utilisation dans la leçon (\d\d)"},
}


def _is_description(text, lang):
    """Whether a text cell starts as a picture's description in ``lang``."""
    return re.match(WORDS[lang]["description"], text) is not None


def _read(path):
    return nbformat.read(path, as_version=4)


def _md(nb):
    return [c for c in nb.cells if c.cell_type == "markdown"]


def _visible_code(nb):
    return [c for c in nb.cells if c.cell_type == "code"
            and not c.metadata.get("jupyter", {}).get("source_hidden")]


# --------------------------------------------------------------------------
# Which lessons exist, and which are converted

def test_twelve_lessons():
    numbers = sorted(int(_number(p)) for p in NOTEBOOKS if _lang(p) == "en")
    assert numbers == list(range(12)), f"expected lessons 00 to 11, found {numbers}"


def test_the_list_of_lessons_to_convert_matches_the_sources():
    converted = {n for (lang, n) in build.sources(ROOT) if lang == "en"}
    legacy = set(build.legacy_lessons(ROOT))
    listed = set(NOT_YET_CONVERTED)
    assert not converted & listed, (
        f"lessons {sorted(converted & listed)} have a source in course/sources/en/: remove them "
        "from NOT_YET_CONVERTED in this file")
    assert listed <= legacy, (f"lessons {sorted(listed - legacy)} are listed as not converted "
                              "but no old script builds them")
    assert not converted & legacy, (f"lessons {sorted(converted & legacy)} have a source and "
                                    "are still in an old build script: remove them from it")


# --------------------------------------------------------------------------
# Built from the source, every claim true

@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_notebook_is_what_its_source_builds_and_its_claims_hold(path):
    made = build.build_all(ROOT, [_number(path)], _lang(path))
    made = [b for b in made if b.path == path]
    assert len(made) == 1, f"{_id(path)}: no source and no old script builds it"
    b = made[0]
    assert not b.problems, "\n".join(b.problems)
    stored = path.read_text(encoding="utf-8")
    assert stored == b.text, (
        f"{_id(path)} differs from what {b.source or b.legacy} builds (first at "
        f"{build.first_difference(b.text, stored)}): a library change may have moved a number, "
        f"or the notebook was edited by hand. Run `.venv/bin/python -m course.build "
        f"{_number(path)}`, read the new numbers, and commit the notebook with its source.")


# --------------------------------------------------------------------------
# Structure, as the lesson guide asks

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


def rule_title(nb, path):
    first = nb.cells[0]
    if not (first.cell_type == "markdown"
            and re.match(rf"#\s+\w+\s+{_number(path)}\s*:", first.source)):
        return [f"the first cell must be the title '# Lesson {_number(path)}: ...'"]
    return []


def rule_sections(nb, path):
    text = "\n".join(c.source for c in _md(nb)).lower()
    wanted = WORDS[_lang(path)]["sections"]
    return [f"no '{w}' section" for w in wanted if w not in text]


def rule_prediction(nb, path):
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    if "predict(" not in code and "Prediction(" not in code:
        return ["no prediction (predict, then see): every lesson has one"]
    return []


def rule_picture_descriptions(nb, path):
    if not any(_is_description(c.source, _lang(path)) for c in _md(nb)):
        return ["no '*Picture description:*' cell: every picture needs its text alternative"]
    return []


def rule_cell_ids(nb, path):
    ids = [c.get("id") for c in nb.cells]
    wrong = [i for i in ids if not (i or "").startswith(f"l{_number(path)}-")]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    return ([f"cell ids not prefixed l{_number(path)}-: {wrong}"] if wrong else []) + \
        ([f"duplicated cell ids {dup}"] if dup else [])


def rule_citations(nb, path):
    sources = [c.source for c in _md(nb) if c.source.startswith("## Sources")]
    if len(sources) != 1:
        return ["expected one '## Sources' cell"]
    entries = [e for e in re.split(r"\n- ", sources[0]) if re.search(YEAR, e)]
    text = "\n".join(c.source for c in nb.cells if not c.source.startswith("## Sources"))
    cited = _citations(text)
    missing = sorted((name, year) for name, year in cited
                     if not any(name in e and f"({year})" in e for e in entries))
    return [f"cited but not under Sources: {missing}"] if missing else []


def _edition_folder(english: str, lang: str) -> str:
    """The exercise folder of ``english``'s edition in ``lang`` (notebook metadata)."""
    for nb_path in sorted((ROOT / "exercises").glob("[0-9][0-9]-*/[0-9][0-9]-*.ipynb")):
        meta = json.loads(nb_path.read_text(encoding="utf-8"))["metadata"].get("weakties", {})
        if meta.get("lang") == lang and meta.get("edition_of") == english:
            return f"exercises/{nb_path.parent.name}/"
    return f"exercises/<the {lang} edition of {english}>/"


def rule_reflection(nb, path):
    if _number(path) in ("00", "11"):
        return []
    english = sorted(COURSE.glob(f"{_number(path)}-*.ipynb"))  # the exercise's folder
    folder = f"exercises/{(english[0] if english else path).stem}/"
    if _lang(path) != "en":  # the exercise's edition in the lesson's language
        folder = _edition_folder(english[0].stem if english else path.stem, _lang(path))
    reflection = [c.source for c in _md(nb)
                  if c.source.startswith(WORDS[_lang(path)]["reflection"])]
    if not reflection or folder not in reflection[0]:
        return [f"the reflection should name {folder}"]
    return []


def rule_short_code(nb, path):
    long = [(c.id, len(c.source.splitlines())) for c in _visible_code(nb)
            if len(c.source.splitlines()) > MAX_LINES]
    return [f"code cells over {MAX_LINES} lines (id, lines): {long}: move the code into the "
            "library and call it in one line"] if long else []


def _used_keys(nb, function):
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return re.findall(rf"\b{function}\(\s*[\"'](\d\d-[a-z0-9-]+)[\"']", code)


def _answer_texts(nb):
    """Answers, explanations and hints of the quizzes and predictions the lesson calls."""
    texts = []
    for key in _used_keys(nb, "quiz"):
        number, name = split_key(key)
        q = lesson_module(number).QUIZZES[name]
        texts += [("answer", q.answer), ("explanation", q.explanation)]
        texts += [("hint", h) for h in q.hints.values()]
    for key in _used_keys(nb, "predict"):
        number, name = split_key(key)
        p = lesson_module(number).PREDICTIONS[name]
        texts += [("explanation", p.explanation)] if p.explanation else []
    return texts


def rule_hidden_answers(nb, path):
    problems = []
    for c in nb.cells:
        if c.cell_type == "code" and re.search(r"\b(Quiz|Prediction)\(|\banswer\s*=", c.source):
            problems.append(f"cell {c.id} writes a quiz or prediction in the notebook: call "
                            "quiz('NN-name') or predict('NN-name', ...) from the lesson module")
    cells = "\n".join(c.source for c in nb.cells)
    flat = re.sub(r"\s+", " ", cells)
    for kind, text in _answer_texts(nb):
        if re.sub(r"\s+", " ", text) in flat:
            problems.append(f"the {kind} {text[:50]!r}... stands in a cell")
    if not _used_keys(nb, "quiz"):
        problems.append("no quiz('NN-name') call: quizzes come from the lesson module")
    return problems


def _glossary(lang):
    path = (COURSE if lang == "en" else COURSE / lang) / build.GLOSSARY[lang]
    text = path.read_text(encoding="utf-8")
    entries = re.split(r"^### ", text, flags=re.M)[1:]
    first_use = {}
    for entry in entries:
        term = entry.splitlines()[0].strip()
        used = re.search(WORDS[lang]["first_used"], entry)
        first_use[build.anchor(term)] = used.group(1) if used else None
    return build.GLOSSARY[lang], first_use


def rule_glossary(nb, path):
    name, first_use = _glossary(_lang(path))
    text = "\n".join(c.source for c in _md(nb))
    links = re.findall(rf"\]\({re.escape(name)}#([^)\s]+)\)", text)
    problems = [] if links else [f"no link to a term of the glossary ({name}#term)"]
    unknown = sorted(set(links) - set(first_use))
    if unknown:
        problems.append(f"links to terms the glossary lacks: {unknown}")
    due = sorted(t for t, n in first_use.items() if n == _number(path))
    missing = [t for t in due if t not in links]
    if missing:
        problems.append(f"the glossary says these terms are first used here, but the lesson does "
                        f"not link them: {missing} (write {{term}}`word` at first use)")
    return problems


def rule_described_after_run(nb, path):
    problems = []
    for cell, below in zip(nb.cells, nb.cells[1:]):
        if (cell.cell_type == "code" and "predict(" in cell.source
                and below.cell_type == "markdown"
                and _is_description(below.source, _lang(path))):
            problems.append(f"cell {below.id} describes the picture of prediction {cell.id} "
                            "above the result: the prediction shows its description after it "
                            "runs (the run function of its PredictionData returns it)")
    if "Prediction(" in "\n".join(c.source for c in nb.cells):
        problems.append("a Prediction is written in the notebook: use predict('NN-name', ...)")
    return problems


RULES = {"title": rule_title, "sections": rule_sections, "prediction": rule_prediction,
         "picture-descriptions": rule_picture_descriptions, "cell-ids": rule_cell_ids,
         "citations": rule_citations, "reflection": rule_reflection,
         "short-code": rule_short_code, "hidden-answers": rule_hidden_answers,
         "glossary": rule_glossary, "described-after-run": rule_described_after_run}


def _rule_cases():
    for path in NOTEBOOKS:
        for rule in RULES:
            marks = []
            if rule in NEW_RULES and _number(path) in NOT_YET_CONVERTED:
                marks = [pytest.mark.xfail(reason=f"lesson {_number(path)} is not converted "
                                                  "yet", strict=True)]
            yield pytest.param(path, rule, marks=marks, id=f"{_id(path)}-{rule}")


@pytest.mark.parametrize("path, rule", list(_rule_cases()))
def test_lesson_follows_the_guide(path, rule):
    problems = RULES[rule](_read(path), path)
    assert not problems, f"{_id(path)}: " + "; ".join(problems)


# --------------------------------------------------------------------------
# Executed, widgets exercised

EXERCISE_CELL = (
    "import json as _json, weakties.widgets as _w\n"
    "print('EXERCISE-REPORT ' + _json.dumps(_w.exercise_all()))"
)


def _shows_picture(cell, report):
    """Whether a cell shows a picture: an image, or an Explorer that draws one."""
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "image/png" in data or "image/svg+xml" in data:
            return True
        view = data.get("application/vnd.jupyter.widget-view+json") or {}
        if report["views"].get(view.get("model_id")) == "Explorer" and \
                view.get("model_id") in report["pictures"]:
            return True
    return False


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if _lang(p) == "en"], ids=_id)
def test_lesson_executes_and_widgets_respond(path, tmp_path, monkeypatch):
    work = tmp_path / "course"
    shutil.copytree(COURSE, work, ignore=shutil.ignore_patterns("sources", "build"))
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WEAKTIES_LANG", _lang(path))  # as start.py sets it for the edition
    notebook = work / path.relative_to(COURSE)
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(EXERCISE_CELL))
    client = NotebookClient(nb, timeout=180, kernel_name="python3",
                            kernel_manager_class=SteppedKernelManager,
                            resources={"metadata": {"path": str(notebook.parent)}})
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    errors = [(c.get("id"), o.get("ename"), o.get("evalue")) for c in nb.cells
              if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{_id(path)}: cells raised {errors}"
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    match = re.search(r"EXERCISE-REPORT (\{.*\})", text)
    assert match, f"{_id(path)}: the widget exercise did not report: {text!r}"
    report = json.loads(match.group(1))
    assert report["problems"] == [], f"{_id(path)}: widget problems: {report['problems']}"
    for kind in ("Explorer", "Prediction", "Quiz"):
        assert report.get(kind, 0) >= 1, f"{_id(path)}: no {kind} was created when run"
    cells = nb.cells[:-1]
    undescribed = [c.id for c, below in zip(cells, cells[1:] + [None])
                   if _shows_picture(c, report)
                   and not (below is not None and below.cell_type == "markdown"
                            and _is_description(below.source, _lang(path)))]
    assert not undescribed, (f"{_id(path)}: cells {undescribed} show a picture but the next cell "
                             "is not its '*Picture description:*'")
    if _number(path) not in NOT_YET_CONVERTED:
        assert report["undescribed"] == [], (
            f"{_id(path)}: predictions show a picture without its description after the run: "
            f"{report['undescribed']}")
    print(f"{_id(path)} executed in {seconds:.1f} s")
