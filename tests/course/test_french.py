"""The French edition keeps in step with the English one, and speaks French (issue 16).

- every English lesson and workshop page has a French one, built into
  ``course/fr/`` (``course/fr/workshop/``) from ``course/sources/fr/``;
- the two have the same cells: the same keys and types, the same code
  (so the same widgets, quizzes and predictions), the same quoted facts
  (``{{ placeholders }}`` with their filters) and the same claims, cell by
  cell;
- the French workshop pages are what their sources build, every claim
  holds, and their links lead to pages that exist;
- a French notebook shows no English sentence: frequent English function
  words are looked for in its text cells (outside code, link targets, the
  English terms the glossary gives on purpose and the source titles of the
  Sources section), and (slow) in what it shows when run in French: its
  outputs, every widget's labels and choices, and the texts of every
  picture drawn;
- ``python -m weakties.translations check`` finds every string of the
  library translated.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from weakties.lessons import build

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course"
SOURCES = COURSE / "sources"

#: Frequent English words that French never uses as words. Words that are also French
#: ("a", "an", "on", "or", "as", "if", "but", "son", "are") are left out.
ENGLISH = ("the", "and", "with", "your", "you", "this", "that", "which", "when", "of", "is",
           "to", "for", "from", "what", "how", "their", "they", "it", "be", "by", "not",
           "will", "can", "has", "have", "at", "was", "were", "who", "we", "in", "these",
           "those", "there", "here", "should", "would", "does", "our", "its", "than",
           "then", "about", "only", "each", "more", "most")
ENGLISH_WORD = re.compile(r"(?<![\w'’-])(" + "|".join(ENGLISH) + r")(?![\w'’-])", re.I)
PLACEHOLDER = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")
CLAIM = re.compile(r"^%\s*claim:\s*(.+)$", re.M)


def _sources(lang, part=""):
    folder = SOURCES / lang / part if part else SOURCES / lang
    return {p.name[:2]: p for p in sorted(folder.glob("[0-9][0-9]-*.md"))}


def _pairs(part=""):
    return [(n, path) for n, path in _sources("en", part).items()]


def _cells(path):
    """``{key: (type, text)}`` of a MyST source, in order."""
    nb = build._read_source(path)
    out = {}
    for cell in nb.cells:
        out[cell.metadata.get("id")] = (cell.cell_type, cell.source)
    return out


def _placeholders(text):
    """The facts a cell quotes, with their filters (how often each is named may differ)."""
    return {re.sub(r"\s+", "", p) for p in PLACEHOLDER.findall(text)}


def _claims(text):
    return Counter(name.strip() for line in CLAIM.findall(text) for name in line.split(","))


def _french(number, part=""):
    found = _sources("fr", part)
    if number not in found:
        where = f"course/sources/fr/{part + '/' if part else ''}"
        pytest.fail(f"the French edition lacks {'workshop page' if part else 'lesson'} "
                    f"{number}: write {where}{number}-<nom>.md from its English source "
                    "(course/LESSON-GUIDE.md, 'Translating a lesson')")
    return found[number]


# --------------------------------------------------------------------------
# Every lesson and workshop page in both languages, with the same cells

CASES = [pytest.param(n, p, "", id=f"lesson-{n}") for n, p in _pairs()] + \
    [pytest.param(n, p, "workshop", id=f"workshop-{n}") for n, p in _pairs("workshop")]


@pytest.mark.parametrize("number, english, part", CASES)
def test_french_source_has_the_same_cells_code_facts_and_claims(number, english, part):
    french = _french(number, part)
    en, fr = _cells(english), _cells(french)
    assert list(fr) == list(en), (
        f"{french.name}: its cell keys {list(fr)} differ from the English {list(en)}: keep "
        "the keys and their order")
    problems = []
    for key, (kind, text) in en.items():
        fr_kind, fr_text = fr[key]
        if fr_kind != kind:
            problems.append(f"cell {key!r} is {fr_kind} in French, {kind} in English")
        elif kind == "code" and fr_text != text:
            problems.append(f"code cell {key!r} differs from the English one (code cells "
                            "are the same in both languages)")
        elif kind == "markdown":
            if _placeholders(fr_text) != _placeholders(text):
                problems.append(f"cell {key!r} quotes {sorted(_placeholders(fr_text))}, the "
                                f"English {sorted(_placeholders(text))}")
            if _claims(fr_text) != _claims(text):
                problems.append(f"cell {key!r} states claims {dict(_claims(fr_text))}, the "
                                f"English {dict(_claims(text))}")
    assert not problems, f"{french.name}: " + "; ".join(problems)


@pytest.mark.parametrize("number, english, part", CASES)
def test_french_notebook_is_built(number, english, part):
    french = _french(number, part)
    out = build.output_path(ROOT, "fr", french)
    assert out.is_file(), (f"{french.name} is not built: run `.venv/bin/python -m course.build "
                           f"--lang fr {'workshop' if part else number}`")
    assert out.parent == (COURSE / "fr" / part if part else COURSE / "fr")


def test_parity_checks_see_a_changed_fact_code_or_claim(tmp_path):
    english = _pairs("workshop")[1][1]
    en = _cells(english)
    key = next(k for k, (kind, text) in en.items() if kind == "markdown" and "{{" in text)
    text = en[key][1]
    changed = text.replace("{{", "{{ x", 1)
    assert _placeholders(changed) != _placeholders(text)
    assert _placeholders("{{ a | percent }} {{ a|percent }}") == {"a|percent"}
    assert _placeholders("{{ a | percent }}") != _placeholders("{{ a | decimal(1) }}")
    assert _claims(text + "\n% claim: a, b") == _claims(text) + Counter({"a": 1, "b": 1})


# --------------------------------------------------------------------------
# The French workshop pages: built from their sources, links that lead somewhere

FR_WORKSHOP = COURSE / "fr" / "workshop"
FR_PAGES = sorted(FR_WORKSHOP.glob("[0-9][0-9]-*.ipynb"))


def test_french_workshop_pages_are_what_their_sources_build_and_claims_hold():
    made = build.build_all(ROOT, ["workshop"], "fr")
    assert {b.path for b in made} == set(FR_PAGES) | {FR_WORKSHOP / "glossary.ipynb"}
    for b in made:
        assert not b.problems, "\n".join(b.problems)
        assert b.path.read_text(encoding="utf-8") == b.text, (
            f"{b.path.name} differs from what its source builds (first at "
            f"{build.first_difference(b.text, b.path.read_text(encoding='utf-8'))}): run "
            "`.venv/bin/python -m course.build --lang fr workshop`")


@pytest.mark.parametrize("path", FR_PAGES + [FR_WORKSHOP / "glossary.ipynb"],
                         ids=lambda p: p.stem)
def test_french_workshop_links_lead_to_pages_that_exist(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    assert targets
    for target in targets:
        file = target.partition("#")[0]
        assert (path.parent / file).exists(), f"{path.name}: {target} leads nowhere"


def test_the_french_worksheet_is_the_english_one_in_french():
    en = (COURSE / "workshop" / "worksheet.html").read_text(encoding="utf-8")
    fr = (FR_WORKSHOP / "worksheet.html").read_text(encoding="utf-8")
    tags = re.compile(r"<(\w+)[^>]*?(?:id|class)=\"([^\"]+)\"")
    assert tags.findall(fr) == tags.findall(en), "the French worksheet's structure differs"
    assert '<html lang="fr">' in fr
    words = _english_words(re.sub(r"<style>.*?</style>|<[^>]+>", " ", fr, flags=re.S))
    assert not words, f"English words in the French worksheet: {words}"


# --------------------------------------------------------------------------
# No English sentence in a French notebook

def _english_words(text):
    return sorted({w.lower() for w in ENGLISH_WORD.findall(text)})


def _prose(cell_source):
    """The words of a text cell a learner reads as prose (code, links' targets, English
    terms given on purpose, and source titles left out)."""
    text = re.sub(r"```.*?```", " ", cell_source, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)              # link targets
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\(En anglais\s*:[^()]*\)", " ", text)  # the glossary's English terms
    if re.match(r"#+\s*Sources\b", text):                  # source titles stay in English
        text = text.splitlines()[0]
    return text


def test_the_english_word_finder_finds_english_and_spares_french():
    assert _english_words(_prose("Most of the ties are weak, and you know it.")) == [
        "and", "it", "most", "of", "the", "you"]
    french = ("Un an plus tard, on voit son réseau : or, à quoi sert-il ? Il a des liens, "
              "écrit `the code` ou [là](the-link.md), (En anglais : *the tie*).")
    assert _english_words(_prose(french)) == []
    sources = "## Sources\n\n- Granovetter, M. S. (1973). The strength of weak ties."
    assert _english_words(_prose(sources)) == []


FR_NOTEBOOKS = sorted((COURSE / "fr").glob("[0-9][0-9]-*.ipynb")) + FR_PAGES + \
    sorted(FR_WORKSHOP.glob("glossary.ipynb"))


def _nb_id(path):
    return str(path.relative_to(COURSE / "fr").with_suffix(""))


@pytest.mark.parametrize("path", FR_NOTEBOOKS, ids=_nb_id)
def test_french_notebook_text_has_no_english_sentence(path):
    nb = nbformat.read(path, as_version=4)
    found = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            words = _english_words(_prose(cell.source))
            if words:
                found[cell.get("id")] = words
    assert not found, (f"{_nb_id(path)}: English words in text cells (cell: words): {found}. "
                       "Translate the sentence, or put code in `backquotes`.")


# --------------------------------------------------------------------------
# (slow) What a French notebook shows when run: outputs, widgets, pictures

COLLECT_CELL = """\
import json as _json, weakties.widgets as _w, ipywidgets as _iw
_report = _w.exercise_all()
_texts = []
_all = getattr(_iw.Widget, "widgets", None) or _iw.widget._instances
for _m in list(_all.values()):
    for _a in ("description", "tooltip", "placeholder", "_options_labels"):
        _v = getattr(_m, _a, None)
        if isinstance(_v, str):
            _texts.append(_v)
        elif isinstance(_v, (list, tuple)):
            _texts += [str(x) for x in _v]
    if type(_m).__name__ in ("HTML", "Label", "HTMLMath"):
        _texts.append(str(_m.value))
print("FRENCH-REPORT " + _json.dumps({"report": _report, "texts": _texts,
                                      "figures": _FIGURE_TEXTS}))
"""

HOOK_CELL = """\
import matplotlib.backend_bases as _bb, matplotlib.text as _mt
_FIGURE_TEXTS = []
_print_figure = _bb.FigureCanvasBase.print_figure
def _collect(self, *args, **kwargs):
    _FIGURE_TEXTS.extend(t.get_text() for t in self.figure.findobj(_mt.Text) if t.get_text())
    return _print_figure(self, *args, **kwargs)
_bb.FigureCanvasBase.print_figure = _collect
"""


def _sample_data():
    """The companies and job titles of the course's fictional LinkedIn export: data shown as
    they are (like names and places), not sentences of the course."""
    import csv
    import io

    from weakties import audit

    text = Path(audit.SAMPLE_EXPORT).read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO(text[text.index("First Name"):]))
    values = {v.strip() for row in rows for k in ("Company", "Position") if (v := row.get(k))}
    # The simulated population's occupations, sectors and skills are data too.
    from weakties import _france
    for name in dir(_france):
        if name.startswith("_") or not name.isupper():
            continue  # the module's tables only (SECTORS, TRANSVERSAL_SKILLS, ...)
        table = getattr(_france, name)
        if isinstance(table, dict):
            for k, v in table.items():
                values.add(str(k))
                for part in (v if isinstance(v, (list, tuple)) else [v]):
                    if isinstance(part, str):
                        values.add(part)
                    elif isinstance(part, dict):  # SECTORS: {occupation: skills}
                        for occupation, skills in part.items():
                            values.add(occupation)
                            if isinstance(skills, (list, tuple)):
                                values.update(x for x in skills if isinstance(x, str))
        elif isinstance(table, (list, tuple)):
            values.update(x for x in table if isinstance(x, str))
    return sorted((v for v in values if len(v) >= 4), key=len, reverse=True)


#: A citation as the audit's report writes it: "Author (1973), Title, Journal" up to " ;" or
#: the end of the sentence. Source titles keep their original language.
CITATION = re.compile(r"[A-Z][\w'’-]*(?:[ ,-]+(?:et al\.|et|[A-Z][\w'’-]*))* \(\d{4}\), "
                      r"[^;]+?(?= ;|\.\s|\.$|$)")


def _without_data(text, data):
    text = CITATION.sub(" ", text)
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def _output_texts(cells):
    """(cell id, text) of what the cells show. A table shows its headers only: its cells are
    data (the companies and job titles of fictional contacts stay as they are)."""
    for cell in cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                yield cell.get("id"), out.get("text", "")
            data = out.get("data", {})
            html = str(data.get("text/html", ""))
            if 'class="dataframe"' in html:
                headers = re.findall(r"<th[^>]*>(.*?)</th>", html, flags=re.S)
                yield cell.get("id"), " | ".join(h for h in headers if not h.strip().isdigit())
                continue
            if "application/vnd.jupyter.widget-view+json" in data:
                continue  # a widget: its texts are read from the widget itself
            for kind in ("text/plain", "text/html", "text/markdown"):
                value = data.get(kind)
                if value and "<Figure" not in str(value):
                    value = re.sub(r"<style.*?</style>", " ", str(value), flags=re.S)
                    # a Sources paragraph or line: source titles keep their language
                    value = re.sub(r"<(p|div|li)[^>]*>\s*(<[^>]+>\s*)*Sources.*?</\1>", " ",
                                   value, flags=re.S)
                    value = re.sub(r"(?m)^\s*Sources\b.*$", " ", value)
                    yield cell.get("id"), re.sub(r"<[^>]+>", " ", value)


def test_the_sample_exports_job_titles_are_data_not_sentences():
    data = _sample_data()
    assert data and any(" of " in v for v in data)  # "Head of ..." titles exist
    title = next(v for v in data if " of " in v)
    assert _english_words(_without_data(f"<b>{title}</b> · 2026", data)) == []
    assert _english_words(_without_data(f"{title}: the person", data)) == ["the"]


def test_outputs_are_read_as_a_learner_sees_them():
    table = ('<style>.dataframe tbody tr th:only-of-type {}</style><table class="dataframe">'
             "<thead><tr><th></th><th>poste</th></tr></thead>"
             "<tbody><tr><th>0</th><td>Head of Sales</td></tr></tbody></table>")
    cell = nbformat.v4.new_code_cell("x", id="c")
    cell.outputs = [nbformat.v4.new_output("display_data", {"text/html": table,
                                                            "text/plain": "Head of Sales"}),
                    nbformat.v4.new_output("stream", name="stdout", text="Run the simulation"),
                    nbformat.v4.new_output("display_data",
                                           {"text/html": "<style>p:only-of-type {}</style>"
                                                         "<p>Vérifier</p>"})]
    found = [_english_words(text) for _, text in _output_texts([cell])]
    assert found == [[], ["the"], []]


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in FR_NOTEBOOKS if p.stem != "glossary"], ids=_nb_id)
def test_french_notebook_runs_in_french(path, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    from grader.engine.kernelclient import SteppedKernelManager

    work = tmp_path / "course"
    shutil.copytree(COURSE, work, ignore=shutil.ignore_patterns("sources", "build"))
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    # English kernels: the notebook's own first cell (added by the build) must switch it.
    monkeypatch.setenv("WEAKTIES_LANG", "en")
    monkeypatch.delenv("MPLBACKEND", raising=False)
    # The kernel imports the library of this checkout (its catalogs), wherever it is installed.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
    notebook = work / path.relative_to(COURSE)
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(HOOK_CELL))
    nb.cells.append(nbformat.v4.new_code_cell(COLLECT_CELL))
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   kernel_manager_class=SteppedKernelManager,
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()
    errors = [(c.get("id"), o.get("ename"), o.get("evalue")) for c in nb.cells
              if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{_nb_id(path)}: cells raised {errors}"
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    found = json.loads(re.search(r"FRENCH-REPORT (\{.*\})", text).group(1))
    assert found["report"]["problems"] == [], found["report"]["problems"]
    english, data = {}, _sample_data()
    for where, value in _output_texts(nb.cells[1:-1]):
        words = _english_words(_without_data(value, data))
        if words:
            english.setdefault(f"output of {where}", []).append((words, value.strip()[:120]))
    for kind in ("texts", "figures"):
        for value in found[kind]:
            words = _english_words(_without_data(value, data))
            if words:
                english.setdefault(f"widget {kind}" if kind == "texts" else "picture",
                                   []).append((words, value.strip()[:120]))
    assert not english, (f"{_nb_id(path)} shows English when run in French (mark the string "
                         "with N_ in its module and translate it): "
                         + json.dumps(english, ensure_ascii=False, indent=1)[:4000])


# --------------------------------------------------------------------------
# Every string of the library translated

def test_every_library_string_has_a_french_translation():
    """Fails until every module's French catalog is complete; it lists what is missing."""
    done = subprocess.run([sys.executable, "-m", "weakties.translations", "check"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, (
        "strings without a French translation (edit the msgstr lines of "
        "weakties/locale/fr/LC_MESSAGES/<module>.po):\n" + (done.stdout + done.stderr)[-4000:])
