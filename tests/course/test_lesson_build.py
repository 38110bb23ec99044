"""The lesson build (python -m course.build): placeholders, glossary links, claims, checks.

Most tests build small lessons in a temporary project folder, from the worked
example of ``course/LESSON-GUIDE.md`` (so that the guide stays true) or from
variations of it that each break one rule, and require the build to say
which lesson, which cell or claim, and what to do.
"""

import re
import shutil
import statistics
import types
from pathlib import Path

import jupytext
import nbformat
import pytest

import weakties
from weakties.i18n import percent
from weakties.lessons import build

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "course" / "LESSON-GUIDE.md"


def _guide_examples():
    """{path: text} of the example files the lesson guide shows."""
    text = GUIDE.read_text(encoding="utf-8")
    found = {}
    for match in re.finditer(r"<!-- example: (\S+) -->\n(`{3,})\w*\n(.*?)\n\2\n", text, re.S):
        found[match.group(1)] = match.group(3) + "\n"
    return found


EXAMPLES = _guide_examples()
SOURCE_NAME = "course/sources/en/12-first-event.md"
MODULE_NAME = "weakties/lessons/first_event.py"


def _module(code=None, name="guide_example_first_event"):
    module = types.ModuleType(name)
    exec(compile(code or EXAMPLES[MODULE_NAME], MODULE_NAME, "exec"), module.__dict__)
    return module


@pytest.fixture(scope="module")
def example():
    return _module()


@pytest.fixture(scope="module")
def G():
    return weakties.population(2000, seed=7)


@pytest.fixture()
def project(tmp_path):
    """A project folder with the course's glossary and the guide's example source."""
    (tmp_path / "course" / "sources" / "en").mkdir(parents=True)
    shutil.copy(ROOT / "course" / "GLOSSARY.md", tmp_path / "course" / "GLOSSARY.md")
    (tmp_path / SOURCE_NAME).write_text(EXAMPLES[SOURCE_NAME], encoding="utf-8")
    return tmp_path


def _cells(built):
    return {c.id: c for c in nbformat.reads(built.text, as_version=4).cells}


# --------------------------------------------------------------------------
# The guide's worked example

def test_the_guide_shows_both_example_files():
    assert set(EXAMPLES) == {SOURCE_NAME, MODULE_NAME}


def test_guide_example_builds_with_its_facts_in_the_text(project, example, G):
    built = build.build_lesson(project / SOURCE_NAME, module=example, root=project)
    assert built.problems == []
    assert built.path == project / "course" / "12-first-event.ipynb"
    cells = _cells(built)
    assert list(cells)[:3] == ["l12-title", "l12-setup-md", "l12-setup"]
    events = sum(1 for _, _, d in G.edges(data=True) if d["context"] == "event")
    share = percent(events / G.number_of_edges())
    assert f"{share} of all [ties](GLOSSARY.md#tie)" in cells["l12-events"].source
    assert "% claim" not in built.text and "{{" not in built.text
    assert "[seed](GLOSSARY.md#seed)" in cells["l12-setup-md"].source
    assert cells["l12-predict"].source == 'predict("12-event-ties", G)'
    nb = nbformat.reads(built.text, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)
    assert nb.metadata.kernelspec.name == "python3"


def test_guide_example_prediction_answers_what_the_population_shows(example, G):
    index, figure, description = example.PREDICTIONS["event-ties"].run(G)
    shares = [sum(1 for q in G[p] if G[p][q]["context"] == "event") / G.degree(p) for p in G]
    typical = statistics.median(shares)
    assert index == (0 if typical < 0.1 else 1)
    assert percent(typical) in description
    assert figure.axes[0].get_title()


def test_a_claim_that_no_longer_holds_stops_the_build_and_says_which(project, example):
    facts = dict(example.facts(weakties.population(2000, seed=7)), event_share=0.33)
    built = build.build_lesson(project / SOURCE_NAME, module=example, root=project, facts=facts)
    assert len(built.problems) == 1
    problem = built.problems[0]
    assert problem.startswith("lesson 12 (course/sources/en/12-first-event.md)")
    assert "claim events_are_a_small_share no longer holds" in problem
    assert "ties made at events are a small share of all ties" in problem
    assert "0.33" in problem and "% claim: events_are_a_small_share" in problem


# --------------------------------------------------------------------------
# Text: placeholders, filters, glossary links, comments

def test_placeholders_take_their_format_from_the_filter_and_the_language():
    facts = {"n": 29201, "share": 0.4523, "name": "Lucie", "circles": [1.49, 3.46],
             "loose": {"years": 26.0}}
    text = ("{{ n }} {{ share | percent }} {{ share | percent(1) }} {{ share | decimal }} "
            "{{ circles.1 | decimal(1) }} {{ loose.years }} {{ name }}")
    en, _, problems = build.render_text(text, facts, lang="en", anchors={})
    assert problems == [] and en == "29,201 45% 45.2% 0.45 3.5 26 Lucie"
    fr, _, _ = build.render_text(text, facts, lang="fr", anchors={})
    assert fr == "29\u202f201 45\u00a0% 45,2\u00a0% 0,45 3,5 26 Lucie"


@pytest.mark.parametrize("text, expected", [
    ("{{ missing }}", "names no fact: the facts are n, share"),
    ("{{ share }}", "'| number', '| decimal(1)' or '| percent'"),
    ("{{ share | bold }}", "unknown filter 'bold'"),
    ("{{ share | percent", "a '{{' or '}}' is left"),
    ("{term}`sociogram`", "the glossary (GLOSSARY.md) has no term 'sociogram'"),
])
def test_text_problems_are_named_with_their_fix(text, expected):
    _, _, problems = build.render_text(text, {"n": 3, "share": 0.5}, anchors={"tie": "tie"})
    assert len(problems) == 1 and expected in problems[0], problems


def test_comments_vanish_and_claim_lines_name_their_claims():
    text, claims, problems = build.render_text(
        "A sentence.\n% claim: first, second\n% a note for authors\nThe end.\n% claims: third",
        {}, anchors={})
    assert text == "A sentence.\nThe end."
    assert claims == ["first", "second", "third"] and problems == []


def test_glossary_links_show_the_words_and_point_at_the_entry(tmp_path):
    glossary = tmp_path / "GLOSSAIRE.md"
    glossary.write_text("# Glossary\n\n### kernel\n\n### weak tie\n\n### Blau index\n")
    anchors = build.glossary_anchors(glossary)
    assert anchors == {"kernel": "kernel", "weak-tie": "weak-tie", "blau-index": "Blau-index"}
    text, _, problems = build.render_text(
        "{term}`kernel` and {term}`weak ties <weak tie>` and {term}`blau index`", {},
        glossary="GLOSSAIRE.md", anchors=anchors)
    assert problems == []
    assert text == ("[kernel](GLOSSAIRE.md#kernel) and [weak ties](GLOSSAIRE.md#weak-tie) and "
                    "[blau index](GLOSSAIRE.md#Blau-index)")


def test_glossary_entries_leave_out_the_line_of_first_use_in_english_and_french(tmp_path):
    glossary = tmp_path / "GLOSSAIRE.md"
    glossary.write_text("# Glossaire\n\n### graine\n\nUn nombre qui fixe le hasard.\n"
                        "*Première utilisation dans la leçon 00 (en anglais : seed,\n"
                        "[voir l'entrée anglaise](../GLOSSARY.md#seed)).*\n\n"
                        "### lien\n\nCe qui relie deux personnes. *First used in lesson 00.*\n",
                        encoding="utf-8")
    assert build._glossary_entries(glossary) == {
        "graine": ("graine", "Un nombre qui fixe le hasard."),
        "lien": ("lien", "Ce qui relie deux personnes.")}


def test_facts_are_computed_in_the_language_of_the_lesson(monkeypatch):
    from weakties import i18n
    from weakties.lessons import Lesson

    module = types.ModuleType("weakties.lessons.speaks")
    module.LESSON = Lesson("42", "speaks", population=None)
    module.facts = lambda: {"lang": i18n.language()}
    monkeypatch.setattr(build, "_FACTS", {})
    assert build.lesson_facts(module)["lang"] == "en"
    assert build.lesson_facts(module, "fr")["lang"] == "fr"
    assert i18n.language() == "en"   # set back afterwards


# --------------------------------------------------------------------------
# A lesson that breaks a rule is named, with the place and the fix

def _variant(project, old, new):
    path = project / SOURCE_NAME
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, expected", [
    ('+++ {"id": "events"}', "+++", "cell 4 has no key"),
    ('+++ {"id": "events"}', '+++ {"id": "setup-md"}', "cell 'setup-md': the key is used twice"),
    (":id: quiz-1", ":id: Quiz 1", "has no key"),
    ("quiz(\"12-why-events\")", "quiz(\"12-why-events\")  # {{ people }}",
     "a code cell holds a placeholder"),
    ("% claim: events_are_a_small_share", "% claim: events_are_rare",
     "claim 'events_are_rare' is not a claim of"),
    ("% claim: events_are_a_small_share", "",
     "claim 'events_are_a_small_share' of guide_example_first_event is stated nowhere"),
    ("weakties.population(2000, seed=7)", "weakties.population(2000, seed=8)",
     "no code cell builds the lesson's population with weakties.population(2000, seed=7)"),
])
def test_a_broken_source_is_reported_with_the_cell_and_the_fix(project, example, old, new,
                                                                expected):
    source = _variant(project, old, new)
    problems = build.build_lesson(source, module=example, root=project).problems
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("lesson 12 (") for p in problems)


def test_source_names_must_follow_the_lesson(project, example):
    wrong = project / "course" / "sources" / "en" / "12-events.md"
    (project / SOURCE_NAME).rename(wrong)
    with pytest.raises(build.BuildError, match="must be named 12-first-event.md"):
        build.build_lesson(wrong, module=example, root=project)
    odd = project / "course" / "sources" / "en" / "first-event.md"
    wrong.rename(odd)
    with pytest.raises(build.BuildError, match="named NN-slug.md"):
        build.build_lesson(odd, module=example, root=project)


def test_a_missing_glossary_is_reported(project, example):
    (project / "course" / "GLOSSARY.md").unlink()
    problems = build.build_lesson(project / SOURCE_NAME, module=example, root=project).problems
    assert any("there is no glossary course/GLOSSARY.md" in p for p in problems)


def test_other_languages_build_beside_english_with_their_own_glossary(project, example):
    fr = project / "course" / "sources" / "fr" / "12-premier-evenement.md"
    fr.parent.mkdir()
    fr.write_text(EXAMPLES[SOURCE_NAME].replace("{term}`seed`", "{term}`graine`"),
                  encoding="utf-8")
    (project / "course" / "fr").mkdir()
    (project / "course" / "fr" / "GLOSSAIRE.md").write_text("### graine\n\n### lien\n",
                                                          encoding="utf-8")
    built = build.build_lesson(fr, lang="fr", module=example, root=project)
    assert built.path == project / "course" / "fr" / "12-premier-evenement.ipynb"
    assert "[graine](GLOSSAIRE.md#graine)" in built.text
    assert any("no term 'tie'" in p for p in built.problems)  # {term}`ties <tie>` untranslated
    assert re.search(r"^In this population, \d+\u00a0% of all", _cells(built)["l12-events"].source,
                     re.M)


# --------------------------------------------------------------------------
# The command line

@pytest.fixture()
def command(project, example, monkeypatch):
    monkeypatch.setattr(build, "lesson_module", lambda n: example)

    def run(*args):
        return build.main(list(args), root=project)

    return run


def test_check_fails_until_built_then_passes_then_catches_a_hand_edit(project, command, capsys):
    assert command("--check") == 1
    err = capsys.readouterr().err
    assert "lesson 12: course/12-first-event.ipynb is missing" in err
    assert "`.venv/bin/python -m course.build 12`" in err
    assert command() == 0
    assert "wrote course/12-first-event.ipynb" in capsys.readouterr().out
    assert command("--check") == 0
    notebook = project / "course" / "12-first-event.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells[3].source += " Edited by hand."
    nbformat.write(nb, notebook)
    assert command("--check", "12") == 1
    assert f"first at cell '{nb.cells[3].id}'" in capsys.readouterr().err


def test_a_false_claim_fails_the_build_and_writes_nothing(project, command, example, capsys,
                                                          monkeypatch):
    monkeypatch.setitem(build._FACTS, example.__name__, dict(people=2000, event_share=0.5))
    assert command() == 1
    assert "claim events_are_a_small_share no longer holds" in capsys.readouterr().err
    assert not (project / "course" / "12-first-event.ipynb").exists()


def test_command_line_refuses_what_it_cannot_do(project, command, capsys):
    with pytest.raises(SystemExit):
        command("7")
    assert "two digits" in capsys.readouterr().err
    assert command("13") == 1
    assert "no lesson 13" in capsys.readouterr().err


def test_start_source_keys_each_cell_by_its_id(project, command, capsys):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Lesson 13: Old", id="l13-title"),
                nbformat.v4.new_code_cell("x = 1", id="l13-setup")]
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                              "language": "python"}
    nbformat.write(nb, project / "course" / "13-old-lesson.ipynb")
    assert command("--start-source", "13") == 0
    source = project / "course" / "sources" / "en" / "13-old-lesson.md"
    cells = jupytext.read(source, fmt="md:myst").cells
    assert [(c.cell_type, c.metadata["id"], c.source) for c in cells] == [
        ("markdown", "title", "# Lesson 13: Old"), ("code", "setup", "x = 1")]
    assert command("--start-source", "13") == 1
    assert "exists already" in capsys.readouterr().err


# --------------------------------------------------------------------------
# The real sources

SOURCES = sorted((ROOT / "course" / "sources").glob("*/[0-9][0-9]-*.md"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_sources_read_back_the_same_through_jupytext(path):
    """Saving a source from JupyterLab (jupytext) keeps every cell, key and line."""
    first = jupytext.read(path, fmt="md:myst")
    again = jupytext.reads(jupytext.writes(first, fmt="md:myst"), fmt="md:myst")
    assert [(c.cell_type, dict(c.metadata), c.source) for c in first.cells] == \
        [(c.cell_type, dict(c.metadata), c.source) for c in again.cells]
    assert all("id" in c.metadata for c in first.cells)


def test_a_lesson_of_an_old_script_is_built_by_it_and_its_failures_are_reported(tmp_path):
    scripts = tmp_path / "course" / "build"
    scripts.mkdir(parents=True)
    (scripts / "lessons_old.py").write_text(
        "from pathlib import Path\n"
        "BUILDERS = {'13': 'lesson_13', '14': 'lesson_14'}\n"
        "def build(numbers):\n"
        "    if numbers == ['14']:\n"
        "        raise AssertionError(\"lesson 14 says 'most ties are weak', but the simulation "
        "no longer shows it\")\n"
        f"    return {{Path({str(tmp_path)!r}) / 'course' / '13-old.ipynb': 'TEXT'}}\n")
    assert build.legacy_lessons(tmp_path) == {"13": scripts / "lessons_old.py",
                                              "14": scripts / "lessons_old.py"}
    made = {b.number: b for b in build.build_all(tmp_path)}
    assert made["13"].text == "TEXT" and made["13"].problems == []
    assert made["13"].legacy == "course/build/lessons_old.py"
    assert made["14"].problems == [
        "lesson 14 (course/build/lessons_old.py, not converted yet): AssertionError: lesson 14 "
        "says 'most ties are weak', but the simulation no longer shows it"]
