"""The workshop's pages: built from their sources, shaped for job seekers, run without errors.

- every page (``course/workshop/NN-slug.ipynb``) and the glossary page are
  exactly what ``python -m course.build workshop`` makes, and every claim of
  their text holds; the build keeps the pages apart from the lessons;
- the rules of the lessons that a page without code must keep: no code cell
  over 8 lines, no quiz or prediction answer in a cell, glossary links that
  lead somewhere, every citation under Sources;
- the home page lists the pages in order with the durations the pages give,
  two hours in all, and the syllabus's two-hour plan says the same, with the
  LinkedIn export to request the day before;
- the printable worksheet prints on A4 and holds what the pages ask of it;
- (slow) every page runs top to bottom in a fresh kernel, its widgets
  respond, and every picture has its description.
"""

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from weakties.lessons import build, workshop

ROOT = Path(__file__).resolve().parents[2]
PAGES_DIR = ROOT / "course" / "workshop"
PAGES = sorted(PAGES_DIR.glob("[0-9][0-9]-*.ipynb"))
SOURCES = ROOT / "course" / "sources" / "en" / "workshop"
YEAR = r"(?:19|20)\d\d"


def _id(path):
    return path.stem


def _read(path):
    return nbformat.read(path, as_version=4)


def _md(nb):
    return [c for c in nb.cells if c.cell_type == "markdown"]


def _text(nb):
    return "\n".join(c.source for c in _md(nb))


def _duration(nb):
    match = re.search(r"\*\*Duration:\*\* about (\d+) minutes", nb.cells[0].source)
    return int(match.group(1)) if match else None


def test_there_is_a_page_for_each_source_and_module():
    assert [p.stem for p in PAGES] == [p.stem for p in sorted(SOURCES.glob("*.md"))]
    assert [p.name[:2] for p in PAGES] == list(workshop.pages())


# --------------------------------------------------------------------------
# Built from the sources, every claim true

def test_pages_are_what_their_sources_build_and_their_claims_hold():
    made = build.build_all(ROOT, ["workshop"], "en")  # French pages: tests/course/test_french.py
    assert {b.path for b in made} == set(PAGES) | {PAGES_DIR / "glossary.ipynb"}
    for b in made:
        assert not b.problems, "\n".join(b.problems)
        stored = b.path.read_text(encoding="utf-8")
        assert stored == b.text, (
            f"{b.path.name} differs from what its source builds (first at "
            f"{build.first_difference(b.text, stored)}): run `.venv/bin/python -m course.build "
            "workshop` and commit the pages with their sources.")


@pytest.fixture
def project(tmp_path):
    """A project folder with the course's glossary and the workshop's sources, nothing else."""
    (tmp_path / "course" / "sources" / "en").mkdir(parents=True)
    shutil.copy(ROOT / "course" / "GLOSSARY.md", tmp_path / "course" / "GLOSSARY.md")
    shutil.copytree(SOURCES, tmp_path / "course" / "sources" / "en" / "workshop")
    return tmp_path


def test_the_build_command_makes_the_pages_apart_from_the_lessons(project, capsys):
    assert build.main(["workshop"], root=project) == 0
    written = sorted(p.relative_to(project).as_posix()
                     for p in (project / "course").rglob("*.ipynb"))
    assert written == sorted([f"course/workshop/{p.name}" for p in PAGES]
                             + ["course/workshop/glossary.ipynb"])
    nb = _read(project / "course" / "workshop" / PAGES[1].name)
    assert all(c.id.startswith("w01-") for c in nb.cells)
    assert build.main(["--check", "workshop"], root=project) == 0

    # A hand edit, or a library change that moves a number, fails the check by name.
    path = project / "course" / "workshop" / PAGES[1].name
    nb.cells[0].source += "\nedited by hand"
    nbformat.write(nb, path)
    capsys.readouterr()
    assert build.main(["--check"], root=project) == 1
    err = capsys.readouterr().err
    assert f"course/workshop/{PAGES[1].name} differs" in err
    assert "python -m course.build workshop" in err


def test_a_false_claim_of_a_page_stops_its_build_and_names_it(project, monkeypatch):
    module = workshop.page_module("03")
    real = module.facts

    def facts(G):
        f = real(G)
        f["weak_share"] = 0.3  # as if strong ties brought most jobs
        return f

    monkeypatch.setattr(module, "facts", facts)
    monkeypatch.setattr(build, "_FACTS", {})
    built = build.build_lesson(project / "course/sources/en/workshop/03-where-jobs-come-from.md",
                               root=project)
    assert any("workshop page 03" in p and "claim weak_ties_bring_most_jobs no longer holds"
               in p for p in built.problems), built.problems


def test_the_command_line_names_what_it_builds(project, capsys):
    with pytest.raises(SystemExit):
        build.main(["workshops"], root=project)
    assert "or the word workshop" in capsys.readouterr().err


def test_the_glossary_page_holds_every_linked_term_in_order_of_first_use():
    glossary = _read(PAGES_DIR / "glossary.ipynb")
    headings = [c.source.splitlines()[0][4:] for c in glossary.cells
                if c.source.startswith("### ")]
    linked = []
    for page in PAGES:
        for anchor in re.findall(r"\]\(glossary\.ipynb#([^)\s]+)\)", _text(_read(page))):
            if anchor not in linked:
                linked.append(anchor)
    assert [build.anchor(h) for h in headings] == linked
    course = (ROOT / "course" / "GLOSSARY.md").read_text(encoding="utf-8")
    for cell in glossary.cells:
        if cell.source.startswith("### "):
            term, body = cell.source[4:].split("\n\n", 1)
            entry = course.split(f"### {term}\n", 1)[1].split("\n### ", 1)[0]
            assert " ".join(body.split()) in " ".join(entry.split())  # copied, not rewritten
            assert "First used" not in body


# --------------------------------------------------------------------------
# Pages for people who do not program

def _used_keys(nb, function):
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return re.findall(rf"\b{function}\(\s*[\"'](\d\d-[a-z0-9-]+)[\"']", code)


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_no_code_cell_is_long_and_no_answer_stands_in_a_cell(path):
    nb = _read(path)
    long = [c.id for c in nb.cells if c.cell_type == "code" and len(c.source.splitlines()) > 8]
    assert not long, f"{path.name}: code cells over 8 lines: {long}"
    flat = re.sub(r"\s+", " ", "\n".join(c.source for c in nb.cells))
    for key in _used_keys(nb, "quiz") + _used_keys(nb, "predict"):
        assert key[:2] == path.name[:2], f"{path.name} calls {key}, a key of another page"
    for key in _used_keys(nb, "quiz"):
        q = workshop._data(key, "QUIZZES")
        for text in [q.answer, q.explanation, *q.hints.values()]:
            assert re.sub(r"\s+", " ", text) not in flat, f"{path.name}: {text[:40]!r}"
    for key in _used_keys(nb, "predict"):
        p = workshop._data(key, "PREDICTIONS")
        assert re.sub(r"\s+", " ", p.explanation) not in flat
    assert not re.search(r"\b(Quiz|Prediction)\(|\banswer\s*=", flat)


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_links_lead_to_pages_that_exist(path):
    nb = _read(path)
    targets = re.findall(r"\]\(([^)\s]+)\)", _text(nb))
    assert targets
    glossary = {build.anchor(c.source.splitlines()[0][4:])
                for c in _read(PAGES_DIR / "glossary.ipynb").cells if c.source.startswith("###")}
    for target in targets:
        assert "://" not in target, f"{path.name}: a page links outside the workshop: {target}"
        file, _, anchor = target.partition("#")
        assert (PAGES_DIR / file).is_file(), f"{path.name}: {target} leads nowhere"
        if file == "glossary.ipynb" and anchor:
            assert anchor in glossary, f"{path.name}: the glossary page has no {anchor!r}"
    number = int(path.name[:2])
    if number:
        assert "00-home.ipynb" in targets, f"{path.name} does not lead back to the home page"
        assert "glossary.ipynb" in targets
    following = [p.name for p in PAGES if int(p.name[:2]) == number + 1]
    if following:
        assert following[0] in targets, f"{path.name} does not lead to the next page"


def _citations(text):
    """(surname, year) of every "(Author year)" or "Author (year)" citation in ``text``."""
    found = set()
    for inside in re.finditer(r"\(([^()]*?)\)", text):
        for part in inside.group(1).split(";"):
            for year in re.finditer(YEAR, part):
                words = re.findall(r"[A-Z][\w'-]+", part[:year.start()])
                if words:
                    found.add((words[0], year.group()))
                else:  # "Burt (2004)": the name stands before the bracket
                    before = re.search(r"([A-Z][\w'-]+)(?: et al\.|,? [A-Z][\w'-]+ and "
                                       r"[A-Z][\w'-]+| and [A-Z][\w'-]+)?\s*$",
                                       text[max(0, inside.start() - 40):inside.start()])
                    if before:
                        found.add((before.group(1), year.group()))
    return found


def test_the_citation_finder_reads_the_forms_the_pages_use():
    text = ("as shown (Granovetter 1973, 1974) and Rajkumar et al. (2022); Gee, Jones and "
            "Burke (2017) found (Dunbar 1998; Zhou et al. 2005); (2,000 people)")
    assert _citations(text) == {("Granovetter", "1973"), ("Granovetter", "1974"),
                                ("Rajkumar", "2022"), ("Gee", "2017"), ("Dunbar", "1998"),
                                ("Zhou", "2005")}


@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_every_source_quoted_is_listed(path):
    nb = _read(path)
    sources = [c.source for c in _md(nb) if c.source.startswith("## Sources")]
    text = "\n".join(c.source for c in _md(nb) if not c.source.startswith("## Sources"))
    cited = _citations(text)
    if not cited:
        return
    assert len(sources) == 1, f"{path.name} quotes {sorted(cited)} but has no Sources"
    missing = sorted((n, y) for n, y in cited if not re.search(
        rf"{n}[^\n]*\n?[^\n]*\({y}\)", sources[0]))
    assert not missing, f"{path.name}: quoted but not under Sources: {missing}"


# --------------------------------------------------------------------------
# Two hours: the home page and the syllabus agree with the pages

def _home_rows():
    home = _read(PAGES_DIR / "00-home.ipynb")
    table = next(c.source for c in _md(home) if "| Duration |" in c.source)
    rows = []
    for line in [x for x in table.splitlines() if x.startswith("|")][2:]:
        cells = [x.strip() for x in line.strip("|").split("|")]
        link = re.search(r"\]\(([^)]+)\)", cells[0])
        rows.append((cells[0], link.group(1) if link else None,
                     int(re.match(r"(\d+) minutes", cells[-1]).group(1))))
    return rows


def test_the_home_page_lists_the_pages_in_order_with_their_own_durations():
    rows = _home_rows()
    linked = [r for r in rows if r[1]]
    assert [r[1] for r in linked] == [p.name for p in PAGES[1:]]
    for label, target, minutes in linked:
        page = _read(PAGES_DIR / target)
        assert minutes == _duration(page), f"{target}: {minutes} on the home page"
        title = page.cells[0].source.splitlines()[0]
        assert label.split("](")[0].lstrip("[") in title.replace("Page ", "").replace(":", ".")
    assert sum(r[2] for r in rows) == 120  # the pages, the welcome and a break: two hours
    assert any(r[0] == "Break" for r in rows)


def test_the_syllabus_two_hour_plan_is_the_workshop_and_says_what_to_do_the_day_before():
    text = (ROOT / "course" / "README.md").read_text(encoding="utf-8")
    plan = text.split("## A 2-hour workshop for job seekers", 1)[1].split("\n## ", 1)[0]
    flat = " ".join(plan.split())
    assert "python3 start.py workshop" in flat
    assert "Settings > Data privacy > Get a copy of your data > Connections" in flat
    assert "The day before" in flat and "up to a day" in flat
    assert "workshop/worksheet.html" in flat and "on paper" in flat and "lesson 11" in flat
    rows = re.findall(r"^\| (\d):(\d\d)-(\d):(\d\d) \| ([^|]+) \|", plan, flags=re.M)
    minutes = [(int(c) * 60 + int(d)) - (int(a) * 60 + int(b)) for a, b, c, d, _ in rows]
    starts = [int(a) * 60 + int(b) for a, b, *_ in rows]
    assert starts[0] == 0 and starts[-1] + minutes[-1] == 120
    assert all(s + m == n for s, m, n in zip(starts, minutes, starts[1:])), "gaps in the plan"
    assert minutes == [r[2] for r in _home_rows()]
    names = [r[4].strip() for r in rows]
    pages = [r[0].split("](")[0].lstrip("[") for r in _home_rows()]
    assert names[0] == "Home page" and names[1:] == pages[1:]


# --------------------------------------------------------------------------
# The printable worksheet

def test_the_worksheet_prints_on_a4_with_the_map_and_the_plan():
    html = (PAGES_DIR / "worksheet.html").read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", html)
    assert html.count('<section class="sheet"') == 2  # two pages
    assert re.search(r"@media print\s*\{.*page-break-after:\s*always", html, re.S)
    assert html.count('class="ring"') == 4  # the four rings of closeness
    assert "stroke-dasharray" in html and "strong tie" in html and "weak tie" in html
    assert "Sector" in html and "How we met" in html
    assert [s for s in ("step-1", "step-2", "step-3") if f'id="{s}"' in html] == [
        "step-1", "step-2", "step-3"]
    assert not re.search(r"(src|href)=\"https?://", html)  # nothing fetched from elsewhere
    assert "<desc" in html  # the map has a text alternative


# --------------------------------------------------------------------------
# Every page runs, its widgets respond, its pictures are described

EXERCISE_CELL = (
    "import json as _json, weakties.widgets as _w\n"
    "print('EXERCISE-REPORT ' + _json.dumps(_w.exercise_all()))"
)


def _bundles(value):
    """Every output bundle (``data``) of an executed notebook, widget outputs included."""
    if isinstance(value, dict):
        if "output_type" in value and isinstance(value.get("data"), dict):
            yield value["data"]
        for v in value.values():
            yield from _bundles(v)
    elif isinstance(value, list):
        for v in value:
            yield from _bundles(v)


def _pictures(cell):
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "image/png" in data or "data:image/png" in str(data.get("text/html", "")):
            yield out


@pytest.mark.slow
@pytest.mark.parametrize("path", PAGES, ids=_id)
def test_page_executes_and_its_widgets_respond(path, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    from grader.engine.kernelclient import SteppedKernelManager

    work = tmp_path / "workshop"
    shutil.copytree(PAGES_DIR, work)
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    # The kernel draws as in Voilà and JupyterLab (Jupyter's inline backend), not with
    # the test process's Agg: a figure the notebook cannot draw then shows as its name.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = _read(work / path.name)
    nb.cells.append(nbformat.v4.new_code_cell(EXERCISE_CELL))
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   kernel_manager_class=SteppedKernelManager,
                   resources={"metadata": {"path": str(work)}}).execute()
    errors = [(c.id, o.get("ename"), o.get("evalue")) for c in nb.cells if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"
              or (o.output_type == "stream" and o.get("name") == "stderr")]
    assert not errors, f"{path.name}: {errors}"
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    report = json.loads(re.search(r"EXERCISE-REPORT (\{.*\})", text).group(1))
    assert report["problems"] == [] and report["undescribed"] == [], report
    undrawn = [b["text/plain"] for b in _bundles(json.loads(nbformat.writes(nb)))
               if str(b.get("text/plain", "")).startswith("<Figure") and "image/png" not in b]
    assert not undrawn, f"{path.name}: figures shown as their name, not drawn: {undrawn}"
    cells = nb.cells[:-1]
    if path.name.startswith("00"):
        assert not [c for c in cells if c.cell_type == "code"]
        return
    assert report["Quiz"] >= 1 and report["Explorer"] + report["Prediction"] + \
        report.get("MapMyNetwork", 0) >= 1
    for cell, below in zip(cells, cells[1:] + [None]):
        for out in _pictures(cell):
            described = ("Picture description:" in str(out.get("data", {}).get("text/html", ""))
                         or (below is not None and below.cell_type == "markdown"
                             and below.source.startswith("*Picture description:*")))
            assert described, f"{path.name}: cell {cell.id} shows a picture without description"
        view = [o.get("data", {}).get("application/vnd.jupyter.widget-view+json", {})
                .get("model_id") for o in cell.get("outputs", [])]
        if any(report["views"].get(v) == "Explorer" and v in report["pictures"] for v in view):
            assert below is not None and below.source.startswith("*Picture description:*"), \
                f"{path.name}: the explorer of cell {cell.id} has no picture description"
