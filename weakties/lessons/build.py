"""Build the lesson notebooks from their MyST sources, and check that their text is true.

Run from the project folder::

    .venv/bin/python -m course.build             # build every lesson, write what changed
    .venv/bin/python -m course.build 01          # only lesson 01
    .venv/bin/python -m course.build --check     # write nothing; fail on a stale notebook
                                                 # or a claim that no longer holds

A lesson's text is ``course/sources/<lang>/NN-slug.md``, in MyST Markdown
(jupytext's ``md:myst``: it opens as a notebook in JupyterLab). Building it:

1. reads the source; every cell carries a short key in its metadata
   (``+++ {"id": "title"}`` above a text cell, ``:id: setup`` in a code
   cell), which becomes the notebook cell id ``lNN-title``;
2. computes the lesson's facts: ``facts(G)`` of its lesson module
   (:mod:`weakties.lessons.your_network` for lesson 01) on the lesson's
   population, and runs every claim of the module (:func:`weakties.lessons.claim`);
   a claim that no longer holds stops the build, naming the lesson and the claim;
3. writes each fact into the text where a placeholder asks for it
   (``{{ median_share | percent }}``), formatted for the language
   (:mod:`weakties.i18n`), turns ``{term}`kernel``` into a link to the
   glossary, and removes the MyST comments (``% claim: name`` lines, which
   tie a sentence to the claim that checks it);
4. stores the notebook without outputs, nbformat 4.5, kernel ``python3``:
   ``course/NN-slug.ipynb`` for English, ``course/<lang>/NN-slug.ipynb``
   for another language.

Lessons without a source yet are built by the scripts they were first
written with (``course/build/lessons_*.py``, ``course/build/lesson_11.py``)
until they are converted; ``--check`` covers them too.

The workshop's pages (:mod:`weakties.lessons.workshop`) are built the same
way from ``course/sources/<lang>/workshop/NN-slug.md`` into
``course/workshop/NN-slug.ipynb`` (``course/<lang>/workshop/`` for another
language), with the facts and claims of their page module, cell ids
``wNN-key``, and glossary links to ``course/workshop/glossary.ipynb``: a page
holding the glossary's entry of every term the pages link, built with them
(Voilà shows notebooks, not Markdown files). ``python -m course.build
workshop`` builds only them; the build without lesson numbers, and
``--check``, include them.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat

from ..i18n import LANGUAGES, decimal, gettext, number, percent
from ._core import Lesson, claims_of, lesson_module

__all__ = ["BuildError", "Built", "build_lesson", "build_all", "check_claims", "render_text",
           "glossary_anchors", "anchor", "sources", "output_path", "legacy_lessons",
           "start_source", "first_difference", "main", "WORKSHOP", "workshop_sources",
           "build_workshop_glossary"]

#: The project folder (this package is installed in editable mode from it).
ROOT = Path(__file__).resolve().parents[2]

#: The glossary of each language, beside that language's notebooks.
GLOSSARY = {"en": "GLOSSARY.md", "fr": "GLOSSAIRE.md"}
#: The folder of the workshop's pages, under a language's sources and notebooks.
WORKSHOP = "workshop"
#: The workshop's glossary page, beside its pages (their {term} links point to it).
WORKSHOP_GLOSSARY = "glossary.ipynb"

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3",
                 "codemirror_mode": {"name": "ipython", "version": 3},
                 "file_extension": ".py", "mimetype": "text/x-python",
                 "nbconvert_exporter": "python"}

_SOURCE_NAME = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER = re.compile(
    r"\{\{\s*(?P<name>[A-Za-z_][\w.]*)\s*(?:\|\s*(?P<filter>[a-z]+)\s*"
    r"(?:\(\s*(?P<arg>\d+)\s*\))?\s*)?\}\}")
TERM = re.compile(r"\{term\}`(?P<text>[^`<]+?)\s*(?:<(?P<target>[^>`]+)>)?`")
COMMENT = re.compile(r"^%.*(?:\n|$)", re.M)
CLAIM_LINE = re.compile(r"^%\s*claims?:\s*(?P<names>.*?)\s*$", re.M)


class BuildError(Exception):
    """A lesson cannot be built: the message names the lesson, the place and the fix."""


@dataclass
class Built:
    """One lesson built in memory: where it goes and what it is."""

    number: str
    lang: str
    path: Path
    text: str
    source: Path | None = None
    legacy: str | None = None
    problems: list = field(default_factory=list)


def anchor(term: str) -> str:
    """The link anchor of a glossary term: JupyterLab's id for a ``### term`` heading.

    JupyterLab gives a heading the id of its text with each space replaced by
    ``-`` (case kept), and scrolls to it when a lesson's link names it.

    Examples
    --------
    >>> anchor("ego network"), anchor("Blau index"), anchor("liens faibles")
    ('ego-network', 'Blau-index', 'liens-faibles')
    """
    return re.sub(r"\s+", "-", term.strip())


def _key(term: str) -> str:
    return anchor(term).lower()


def glossary_anchors(path: Path) -> dict:
    """``{key: anchor}`` for each ``### term`` heading of a glossary file.

    The key is the anchor in lowercase, so that ``{term}`blau index``` finds
    the entry ``### Blau index`` and links to its anchor ``Blau-index``.
    """
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            found[_key(line[4:])] = anchor(line[4:])
    return found


# --------------------------------------------------------------------------
# Text: placeholders, glossary links, comments

def _lookup(facts: dict, name: str):
    value = facts
    for part in name.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, (list, tuple)) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            raise KeyError(name)
    return value


def _format(value, filter_, arg, lang):
    import numbers

    if callable(value):  # a text written for each language: value(lang)
        value = value(lang)
    if filter_ is None:
        if isinstance(value, str):  # a label marked with N_ shows translated; a name as it is
            return gettext(value, lang)
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            return number(value, lang)
        if isinstance(value, numbers.Real) and float(value).is_integer():
            return number(value, lang)
        raise ValueError(f"{value!r} is not a whole number or a text: choose how to write it "
                         "with a filter, '| number', '| decimal(1)' or '| percent'.")
    if filter_ == "number":
        return number(value, lang)
    if filter_ == "decimal":
        return decimal(value, int(arg) if arg else 2, lang)
    if filter_ == "percent":
        return percent(value, int(arg) if arg else 0, lang)
    raise ValueError(f"unknown filter {filter_!r}: use number, decimal(n) or percent(n).")


def render_text(text: str, facts: dict, *, lang: str = "en", glossary: str = "GLOSSARY.md",
                anchors: dict | None = None) -> tuple[str, list, list]:
    """Fill a markdown cell: placeholders, glossary links; drop MyST comment lines.

    Returns
    -------
    (text, claims, problems)
        The text to store, the claim names its ``% claim:`` lines give,
        and what is wrong (unknown facts or terms), as sentences.

    Examples
    --------
    >>> text, claims, problems = render_text(
    ...     "Most ties are {term}`weak <weak tie>`: {{ share | percent }}.\\n% claim: mostly_weak",
    ...     {"share": 0.83}, anchors={"weak-tie": "weak-tie"})
    >>> text
    'Most ties are [weak](GLOSSARY.md#weak-tie): 83%.'
    >>> claims, problems
    (['mostly_weak'], [])
    """
    problems, claims = [], []
    for match in CLAIM_LINE.finditer(text):
        claims += [c.strip() for c in match.group("names").split(",") if c.strip()]
    text = COMMENT.sub("", text).rstrip("\n")

    def fill(match):
        name = match.group("name")
        try:
            return _format(_lookup(facts, name), match.group("filter"), match.group("arg"), lang)
        except KeyError:
            problems.append(f"the placeholder {match.group(0)!r} names no fact: the facts are "
                            f"{', '.join(sorted(facts))}")
        except (ValueError, TypeError) as exc:
            problems.append(f"the placeholder {match.group(0)!r}: {exc}")
        return match.group(0)

    def link(match):
        words, target = match.group("text").strip(), match.group("target")
        term = (target or words).strip()
        if anchors is None:
            return f"[{words}]({glossary}#{anchor(term)})"
        if _key(term) not in anchors:
            problems.append(f"the glossary ({glossary}) has no term {term!r}: add "
                            f"'### {term}' with its one-sentence definition")
            return f"[{words}]({glossary}#{anchor(term)})"
        return f"[{words}]({glossary}#{anchors[_key(term)]})"

    text = PLACEHOLDER.sub(fill, text)
    text = TERM.sub(link, text)
    rest = PLACEHOLDER.sub("", text)  # placeholders that failed are reported above
    if "{{" in rest or "}}" in rest:
        problems.append("a '{{' or '}}' is left that is not a placeholder like {{ name }} or "
                        "{{ name | percent }}")
    return text, claims, problems


# --------------------------------------------------------------------------
# One lesson

def sources(root: Path = ROOT, lang: str | None = None, part: str | None = None) -> dict:
    """``{(lang, number): path}`` of every lesson source under ``course/sources/``.

    With ``part="workshop"``, the workshop's pages (``course/sources/<lang>/workshop/``).
    """
    found = {}
    base = Path(root) / "course" / "sources"
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        if lang is not None and folder.name != lang:
            continue
        for path in sorted((folder / part if part else folder).glob("*.md")):
            match = _SOURCE_NAME.match(path.name)
            if not match:
                continue
            key = (folder.name, match.group(1))
            if key in found:
                raise BuildError(f"two sources for lesson {match.group(1)} in {folder}: "
                                 f"{found[key].name} and {path.name}; keep one.")
            found[key] = path
    return found


def workshop_sources(root: Path = ROOT, lang: str | None = None) -> dict:
    """``{(lang, number): path}`` of the workshop's pages (``course/sources/<lang>/workshop/``)."""
    return sources(root, lang, WORKSHOP)


def _is_workshop(source: Path) -> bool:
    return Path(source).parent.name == WORKSHOP


def output_path(root: Path, lang: str, source: Path) -> Path:
    """Where the notebook of ``source`` goes: ``course/`` for English, ``course/<lang>/`` else.

    A workshop page goes to the ``workshop/`` folder inside it.
    """
    course = Path(root) / "course"
    folder = course if lang == "en" else course / lang
    if _is_workshop(source):
        folder = folder / WORKSHOP
    return folder / (source.stem + ".ipynb")


@lru_cache(maxsize=4)
def _population(n: int, seed):
    import weakties

    return weakties.population(n, seed=seed)


_FACTS: dict = {}


def lesson_facts(module, lang: str = "en") -> dict:
    """The facts of a lesson module, computed once per run on the lesson's population.

    They are computed with the language set to ``lang``, so that a fact that
    is a text (a picture's description) is written in the lesson's language;
    the numbers are the same in every language.
    """
    from .. import i18n

    key = module.__name__ if lang == "en" else f"{module.__name__}:{lang}"
    if key not in _FACTS:
        lesson: Lesson = module.LESSON
        facts_fn = getattr(module, "facts", None)
        before = i18n._current
        i18n.set_language(lang)
        try:
            if facts_fn is None:
                _FACTS[key] = {}
            elif lesson.population is None:
                _FACTS[key] = dict(facts_fn())
            else:
                _FACTS[key] = dict(facts_fn(_population(*lesson.population)))
        finally:
            i18n.set_language(before)
    return _FACTS[key]


def check_claims(module, facts: dict) -> list:
    """Run every claim of a lesson module; a sentence for each that does not hold."""
    out = []
    for name, c in claims_of(module).items():
        try:
            holds, detail = c.verify(facts)
        except Exception as exc:  # a claim that cannot run is a claim that does not hold
            holds, detail = False, f"the check raised {type(exc).__name__}: {exc}"
        if not holds:
            out.append(f"claim {name} no longer holds: \"{c.description}\""
                       + (f" (measured: {detail})" if detail else "")
                       + ". The simulation changed: rewrite the sentences marked "
                         f"'% claim: {name}' (and any widget text that states it), then the claim.")
    return out


def _read_source(path: Path):
    import jupytext

    try:
        return jupytext.read(path, fmt="md:myst")
    except Exception as exc:
        raise BuildError(f"{path}: not readable as MyST Markdown ({exc}).") from exc


#: The cell a lesson in another language than English runs first (the build adds it, so
#: that both sources keep the same code): the library then shows its widgets, pictures and
#: numbers in that language, in JupyterLab and in Voilà alike, whatever the kernel's
#: environment says.
LANGUAGE_CELL = {
    "fr": 'from weakties.i18n import set_language\n'
          'set_language("fr")   # boutons, images et nombres en français',
}


def build_lesson(source: Path, *, lang: str = "en", module=None, root: Path = ROOT,
                 facts: dict | None = None) -> Built:
    """Build one lesson from its MyST source, in memory.

    Parameters
    ----------
    source : Path
        ``course/sources/<lang>/NN-slug.md``.
    lang : str
        The language of the source (numbers are formatted for it).
    module : module, optional
        The lesson module (default: the one whose ``LESSON.number`` is NN).
    root : Path
        The project folder (for the glossary and the output path).
    facts : dict, optional
        Facts already computed (default: :func:`lesson_facts`).

    Returns
    -------
    Built
        With ``problems``: everything found wrong, each a sentence naming the
        cell and the fix. The notebook text is only meaningful without problems.
    """
    source = Path(source)
    match = _SOURCE_NAME.match(source.name)
    if not match:
        raise BuildError(f"{source.name}: a lesson source is named NN-slug.md, for example "
                         "01-your-network.md.")
    if lang not in LANGUAGES:
        raise BuildError(f"{source}: unknown language folder {lang!r} (known: "
                         f"{', '.join(LANGUAGES)}).")
    number_ = match.group(1)
    workshop = _is_workshop(source)
    if module is None and workshop:
        from .workshop import page_module
        module = page_module(number_)
    module = module or lesson_module(number_)
    lesson: Lesson = module.LESSON
    where = f"{'workshop page' if workshop else 'lesson'} {number_} ({_show(source, root)})"
    if lesson.number != number_:
        raise BuildError(f"{where}: its module {module.__name__} says it is lesson "
                         f"{lesson.number}.")
    if lang == "en" and match.group(2) != lesson.slug:
        raise BuildError(f"{where}: the English source must be named "
                         f"{lesson.name}.md, after LESSON in {module.__name__}.")
    problems = []
    if facts is None:
        try:
            facts = lesson_facts(module, lang)
        except Exception as exc:
            raise BuildError(f"{where}: facts() of {module.__name__} failed: "
                             f"{type(exc).__name__}: {exc}") from exc
    problems += check_claims(module, facts)

    glossary_name = GLOSSARY.get(lang, "GLOSSARY.md")
    out = output_path(root, lang, source)
    glossary_path = (out.parent.parent if workshop else out.parent) / glossary_name
    link_target = WORKSHOP_GLOSSARY if workshop else glossary_name
    anchors = glossary_anchors(glossary_path) if glossary_path.exists() else None
    if anchors is None:
        problems.append(f"there is no glossary {_show(glossary_path, root)} for the "
                        "{term} links")

    nb_source = _read_source(source)
    cells, referenced, keys = [], [], set()
    for i, cell in enumerate(nb_source.cells):
        meta = dict(cell.metadata)
        key = meta.pop("id", None)
        label = f"cell {key!r}" if key else f"cell {i + 1}"
        if not isinstance(key, str) or not _KEY.match(key):
            problems.append(f"{label} has no key: give it one, '+++ {{\"id\": \"name\"}}' above "
                            "a text cell or ':id: name' in a code cell (lowercase words "
                            "joined by '-')")
            continue
        if key in keys:
            problems.append(f"{label}: the key is used twice in the lesson; keys are unique")
            continue
        keys.add(key)
        if cell.cell_type == "markdown":
            text, claims, found = render_text(cell.source, facts, lang=lang,
                                              glossary=link_target, anchors=anchors)
            problems += [f"{label}: {p}" for p in found]
            referenced += [(c, key) for c in claims]
            new = nbformat.v4.new_markdown_cell(text, id=lesson.code_id(key))
        elif cell.cell_type == "code":
            if "{{" in cell.source or CLAIM_LINE.search(cell.source):
                problems.append(f"{label}: a code cell holds a placeholder or a claim: facts "
                                "and claims go in text cells")
            new = nbformat.v4.new_code_cell(cell.source, id=lesson.code_id(key))
        else:
            problems.append(f"{label}: a {cell.cell_type} cell; use text or code cells")
            continue
        new.metadata.update(meta)
        if lang != "en" and new.cell_type == "code" and not any(
                c.cell_type == "code" for c in cells):
            cells.append(nbformat.v4.new_code_cell(LANGUAGE_CELL[lang],
                                                   id=lesson.code_id("language")))
        cells.append(new)

    claims = claims_of(module)
    in_widgets = [(c, f"prediction {name!r}") for name, p in getattr(module, "PREDICTIONS",
                                                                      {}).items()
                  for c in p.claims]
    for name, place in referenced + in_widgets:
        if name not in claims:
            problems.append(f"{place}: claim {name!r} is not a claim of {module.__name__} "
                            f"(its claims: {', '.join(claims) or 'none'})")
    used = {name for name, _ in referenced + in_widgets}
    for name in claims:
        if name not in used:
            problems.append(f"claim {name!r} of {module.__name__} is stated nowhere: mark the "
                            f"sentence that says it with a line '% claim: {name}' under it")
    call = lesson.population_call()
    if call and not any(call in c.source for c in cells if c.cell_type == "code"):
        problems.append(f"no code cell builds the lesson's population with {call}: the "
                        f"facts are computed on that population (LESSON in {module.__name__})")

    nb = nbformat.v4.new_notebook()
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    nb.cells = cells
    try:
        nbformat.validate(nb)
    except Exception as exc:  # pragma: no cover - every cell above is valid
        problems.append(f"the notebook is not valid: {exc}")
    problems = [f"{where}: {p}" for p in problems]
    return Built(number_, lang, out, nbformat.writes(nb) + "\n", source=source,
                 problems=problems)


def _show(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path(root).resolve()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------
# Lessons not converted yet: the scripts they were written with

def _legacy_scripts(root: Path) -> list:
    folder = Path(root) / "course" / "build"
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


@lru_cache(maxsize=None)
def _load_script(path: Path):
    spec = importlib.util.spec_from_file_location(f"_course_build_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def legacy_lessons(root: Path = ROOT) -> dict:
    """``{number: script path}`` of the lessons the old build scripts still make."""
    found = {}
    for path in _legacy_scripts(root):
        script = _load_script(path)
        numbers = list(getattr(script, "BUILDERS", {}))
        if not numbers and hasattr(script, "lesson") and hasattr(script, "LESSON"):
            numbers = [Path(script.LESSON).name[:2]]
        for n in numbers:
            found[n] = path
    return found


def _build_legacy(number_: str, script_path: Path, root: Path) -> Built:
    script = _load_script(script_path)
    if hasattr(script, "BUILDERS"):
        made = script.build([number_])
    else:
        made = {Path(script.LESSON): script.lesson()}
    (path, made_nb), = made.items()
    text = made_nb if isinstance(made_nb, str) else nbformat.writes(made_nb) + "\n"
    return Built(number_, "en", Path(path), text, legacy=_show(script_path, root))


# --------------------------------------------------------------------------
# Every lesson

def build_all(root: Path = ROOT, numbers=None, lang=None) -> list:
    """Build every lesson (or those of ``numbers``, in ``lang``) in memory: a list of Built.

    Problems are gathered, not raised: a lesson whose claim fails is
    returned with its problems, and the others are still built.
    """
    root = Path(root)
    wanted = set(numbers) if numbers else None
    out = []
    found = sources(root, lang)
    legacy = legacy_lessons(root) if lang in (None, "en") else {}
    for (lang_, n), path in sorted(found.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if wanted is not None and n not in wanted:
            continue
        try:
            built = build_lesson(path, lang=lang_, root=root)
        except BuildError as exc:
            built = Built(n, lang_, output_path(root, lang_, path), "", source=path,
                          problems=[str(exc)])
        if lang_ == "en" and n in legacy:
            built.problems.append(
                f"lesson {n} has a source and is still built by "
                f"{_show(legacy[n], root)}: remove the lesson from that script")
        out.append(built)
    if not wanted or WORKSHOP in wanted:
        out += _build_workshop(root, lang)
    if wanted:
        wanted.discard(WORKSHOP)
    converted = {n for (lang_, n) in found if lang_ == "en"}
    for n, script in sorted(legacy.items()):
        if n in converted or (wanted is not None and n not in wanted):
            continue
        try:
            out.append(_build_legacy(n, script, root))
        except Exception as exc:  # an old script's claim() raises AssertionError
            out.append(Built(n, "en", root / "course" / f"{n}.ipynb", "",
                             legacy=_show(script, root),
                             problems=[f"lesson {n} ({_show(script, root)}, not converted yet): "
                                       f"{type(exc).__name__}: {exc}"]))
    return sorted(out, key=lambda b: (b.number, b.lang, str(b.path)))


def _build_workshop(root: Path, lang=None) -> list:
    """Every workshop page of ``lang`` (or of every language), and each language's glossary page."""
    out, by_lang = [], {}
    for (lang_, n), path in sorted(workshop_sources(root, lang).items()):
        try:
            built = build_lesson(path, lang=lang_, root=root)
        except BuildError as exc:
            built = Built(n, lang_, output_path(root, lang_, path), "", source=path,
                          problems=[str(exc)])
        built.number = WORKSHOP
        out.append(built)
        by_lang.setdefault(lang_, []).append(path)
    for lang_, paths in sorted(by_lang.items()):
        out.append(build_workshop_glossary(root, lang_, paths))
    return out


def _glossary_entries(path: Path) -> dict:
    """``{key: (term, definition)}`` of a glossary file, its "First used" lines left out.

    The French glossary's "Première utilisation" lines (with the English term) too.
    """
    entries = {}
    text = path.read_text(encoding="utf-8")
    for part in re.split(r"^### ", text, flags=re.M)[1:]:
        term, _, body = part.partition("\n")
        body = re.sub(r"\s*\*(?:First\s+used\s+in|Première\s+utilisation)\s[^*]*\*", "",
                      body).strip()
        entries[_key(term)] = (term.strip(), body)
    return entries


def build_workshop_glossary(root: Path, lang: str, pages) -> Built:
    """The workshop's glossary page: the entry of each term its pages link, in order of use.

    Voilà shows notebooks, not Markdown files, so the workshop's ``{term}``
    links point to this page, ``course/workshop/glossary.ipynb``, whose
    entries are copied from the course's glossary at build time (a change
    of the glossary shows in ``--check``).
    """
    from ..i18n import N_, gettext

    root = Path(root)
    folder = root / "course" / (WORKSHOP if lang == "en" else f"{lang}/{WORKSHOP}")
    glossary_path = folder.parent / GLOSSARY.get(lang, "GLOSSARY.md")
    out = folder / WORKSHOP_GLOSSARY
    built = Built(WORKSHOP, lang, out, "")
    if not glossary_path.exists():
        built.problems.append(f"workshop glossary: there is no glossary "
                              f"{_show(glossary_path, root)} to copy the terms from")
        return built
    entries = _glossary_entries(glossary_path)
    used = []
    for page in pages:
        for match in TERM.finditer(Path(page).read_text(encoding="utf-8")):
            key = _key((match.group("target") or match.group("text")).strip())
            if key in entries and key not in used:
                used.append(key)
    t = lambda text: gettext(text, lang)  # noqa: E731
    cells = [nbformat.v4.new_markdown_cell(
        t(N_("# Words used in this workshop\n\nEach word the pages link to, with its "
             "meaning, in the order the pages use them. The course's full glossary is "
             "the file {glossary}.")).format(glossary=GLOSSARY.get(lang, "GLOSSARY.md")),
        id="w-glossary-title")]
    for i, key in enumerate(used, 1):
        term, body = entries[key]
        cells.append(nbformat.v4.new_markdown_cell(f"### {term}\n\n{body}",
                                                   id=f"w-glossary-{i:03d}"))
    cells.append(nbformat.v4.new_markdown_cell(
        t(N_("[Back to the workshop's home page]({home})")).format(
            home=next((Path(p).with_suffix(".ipynb").name for p in sorted(pages)
                       if Path(p).name.startswith("00-")), "00-home.ipynb")),
        id="w-glossary-home"))
    nb = nbformat.v4.new_notebook()
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    nb.cells = cells
    built.text = nbformat.writes(nb) + "\n"
    return built


def first_difference(built_text: str, stored_text: str) -> str:
    """Where two notebooks first differ, in words (a cell id, or 'the metadata')."""
    a, b = nbformat.reads(built_text, as_version=4), nbformat.reads(stored_text, as_version=4)
    for x, y in zip(a.cells, b.cells):
        if (x.get("id"), x.cell_type, x.source, dict(x.metadata)) != \
                (y.get("id"), y.cell_type, y.source, dict(y.metadata)):
            return f"cell {x.get('id')!r}" + ("" if x.get("id") == y.get("id")
                                               else f" (stored: {y.get('id')!r})")
    if len(a.cells) != len(b.cells):
        return f"the number of cells ({len(a.cells)} built, {len(b.cells)} stored)"
    return "the notebook's metadata, outputs or formatting"


def start_source(root: Path, number_: str) -> Path:
    """Write a first MyST source for an old lesson, from its stored notebook.

    Each cell keeps its id as its key (``l07-setup`` becomes ``setup``), so
    that the converted lesson keeps its cell ids. The text still holds the
    numbers the old script computed: replace them with placeholders, mark
    the claims, and move quizzes and long code into the lesson module
    (``course/LESSON-GUIDE.md``, "Converting a lesson").
    """
    import jupytext

    root = Path(root)
    stored = sorted((root / "course").glob(f"{number_}-*.ipynb"))
    if len(stored) != 1:
        raise BuildError(f"no notebook course/{number_}-*.ipynb to start from.")
    target = root / "course" / "sources" / "en" / (stored[0].stem + ".md")
    if target.exists():
        raise BuildError(f"{_show(target, root)} exists already: edit it.")
    nb = nbformat.read(stored[0], as_version=4)
    prefix = f"l{number_}-"
    for cell in nb.cells:
        key = cell.get("id", "")
        cell.metadata["id"] = key[len(prefix):] if key.startswith(prefix) else key
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata["jupytext"] = {"formats": "md:myst", "text_representation": {
        "extension": ".md", "format_name": "myst"}}
    nb.metadata.pop("language_info", None)
    target.parent.mkdir(parents=True, exist_ok=True)
    jupytext.write(nb, target, fmt="md:myst")
    return target


def main(argv=None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m course.build",
        description="Build the lesson notebooks from their sources (course/sources/) and "
                    "check the claims their text makes.")
    parser.add_argument("lessons", nargs="*", metavar="NN",
                        help="lesson numbers to build, for example 00 01, or 'workshop' for "
                             "the workshop's pages (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a claim no longer holds or a stored "
                             "notebook differs from what its source builds")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="only the lessons of this language (default: all)")
    parser.add_argument("--start-source", action="store_true",
                        help="write a first MyST source for each old lesson NN from its "
                             "stored notebook (the first step of converting it), then stop")
    args = parser.parse_args(argv)
    bad = [n for n in args.lessons if not re.fullmatch(r"\d\d", n) and n != WORKSHOP]
    if bad:
        parser.error(f"lesson numbers are two digits, like 01, or the word {WORKSHOP} for "
                     f"the workshop's pages: not {', '.join(bad)}")
    root = Path(root)
    if args.start_source:
        if not args.lessons or WORKSHOP in args.lessons:
            parser.error("--start-source needs the lesson numbers, for example --start-source 07")
        try:
            for n in args.lessons:
                print(f"wrote {_show(start_source(root, n), root)}: now follow "
                      "'Converting a lesson' in course/LESSON-GUIDE.md")
        except BuildError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        return 0
    try:
        built = build_all(root, args.lessons or None, args.lang)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.lessons and not built:
        print(f"error: no lesson {', '.join(args.lessons)} found in course/sources/ or "
              "course/build/.", file=sys.stderr)
        return 1
    failures = []
    for b in built:
        if b.problems:
            failures += b.problems
            continue
        stored = b.path.read_text(encoding="utf-8") if b.path.exists() else None
        if stored == b.text:
            continue
        rebuild = f".venv/bin/python -m course.build {b.number}"
        if args.check:
            origin = _show(b.source, root) if b.source else b.legacy
            why = ("is missing" if stored is None
                   else f"differs from what {origin} builds (first at "
                        f"{first_difference(b.text, stored)})")
            failures.append(f"lesson {b.number}: {_show(b.path, root)} {why}: run `{rebuild}` "
                            "and commit the notebook with its source.")
        else:
            b.path.parent.mkdir(parents=True, exist_ok=True)
            b.path.write_text(b.text, encoding="utf-8")
            print(f"wrote {_show(b.path, root)}")
    for f in failures:
        print(f"error: {f}", file=sys.stderr)
    if not failures:
        print(f"{len(built)} lesson notebook(s) "
              + ("up to date, every claim holds." if args.check else "built, every claim holds."))
    return 1 if failures else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
