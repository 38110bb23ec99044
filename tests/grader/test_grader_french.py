"""weakties-grade in French (issue 16): feedback pages, the report, the CSV, the README, the CLI.

Each French text is checked for frequent English words outside student data
and code; the English texts are checked to be what they were before the
French edition (same sentences, same numbers).
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from grader.commands import report as report_cmd
from grader.commands.release import student_readme
from grader.plugins.feedback import HideTestCode
from grader.render.pages import environment, feedback_page, render
from grader.render.tables import CSV_COLUMNS, csv_header, csv_rows, write_csv
from grader.render.words import TEMPLATE_WORDS, choose_language, course_language
from grader.stores.results import CellInfo, CellResult, SubmissionResult
from weakties import i18n
from weakties.translations import catalog

#: Words that (almost) never appear in a French sentence but in nearly every English one.
ENGLISH = {"the", "and", "with", "your", "you", "this", "that", "of", "which", "when",
           "is", "are", "was", "not", "has", "have", "be", "to", "for", "from", "by",
           "it", "there", "grade", "graded", "score", "task", "passed", "submission",
           "submissions", "written", "mean", "median", "yet", "hint", "shown"}
#: Text that is the student's (or the data's), shown as it is in every language.
STUDENT = ("Ada <b>Lovelace</b>", "ada-l", "x = 41", "réponse de l'étudiante",
           "weakties-grade")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language(None)


class _Visible(HTMLParser):
    """The words a reader sees on a page: text and alt texts, not style, code or student text."""

    def __init__(self):
        super().__init__()
        self.words, self._skip = [], 0
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in ("style", "pre", "code") or "highlight" in (attrs.get("class") or ""):
            self._skip += 1
        if tag == "img" and attrs.get("alt"):
            self.handle_data(attrs["alt"])

    def handle_endtag(self, tag):
        if tag in ("style", "pre", "code") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.words.append(data)


def english_words(html: str) -> tuple[set, str]:
    parser = _Visible()
    parser.feed(html)
    text = " ".join(parser.words)
    for student in STUDENT:
        text = text.replace(student, " ")
    found = {w for w in WORD.findall(text.lower()) if w in ENGLISH}
    return found, parser.lang


def _graded_notebook():
    answer = new_code_cell("x = 41", metadata={"nbgrader": {
        "solution": True, "grade": False, "grade_id": "answer", "locked": False}})
    passed = new_code_cell("assert True", metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": "check-a", "points": 2, "score": 2}})
    failed = new_code_cell("assert x == 42, 'x : 42 attendu, 41 trouvé'", metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": "check-b", "points": 2, "score": 0}})
    failed.outputs = [new_output("error", ename="AssertionError",
                                 evalue="x : 42 attendu, 41 trouvé", traceback=["secret line"])]
    partly = new_code_cell("pass", metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": "check-c", "points": 2.5, "score": 1.5}})
    intro = new_markdown_cell("réponse de l'étudiante")
    return new_notebook(cells=[intro, answer, passed, failed, partly])


def _page(lang):
    i18n.set_language(lang)
    try:
        nb = _graded_notebook()
        resources = {"nbgrader": {"notebook": "ps1", "score": 3.5, "max_score": 6.5,
                                  "late_penalty": 0.5}}
        nb, resources = HideTestCode().preprocess(nb, resources)
        banner = {"title": "", "text": "", "reasons": []}
        extra = resources["weakties_feedback"]
        return feedback_page(nb, resources, banner=extra["banner"] or None,
                             tasks=extra["tasks"], limits_notes=["x = 41"]), banner
    finally:
        i18n.set_language(None)


def test_french_feedback_page_has_no_english_sentence():
    html, _ = _page("fr")
    found, lang = english_words(html)
    assert lang == "fr"
    assert not found, f"English words on the French feedback page: {sorted(found)}"
    # the French words are there, with French typography (no-break space before ':')
    assert "Vos résultats par tâche" in html and "Note\u00a0: 3,5 / 6,5" in html
    assert "Réussi en partie\u00a0: 1,5 point(s) sur 2,5." in html
    assert "Non réussi\u00a0: x : 42 attendu, 41 trouvé" in html
    assert "secret line" not in html and "assert x == 42" not in html


def test_english_feedback_page_is_unchanged():
    html, _ = _page("en")
    assert '<html lang="en">' in html
    for sentence in ("Your results by task", "<strong>Score: 3.5 / 6.5</strong>",
                     "(after a late submission penalty of 0.5)",
                     "Partly passed: 1.5 of 2.5 points.", "Not passed: x : 42 attendu",
                     "# The code of this test is not shown.", "Passed.",
                     "Each test below says whether it passed and, if not, what was expected "
                     "and a hint. The code of the tests is not shown."):
        assert sentence in html, sentence


def test_french_page_still_escapes_student_text(french):
    page = render("failed.html.j2", title="<script>t</script>", notebook="<img src=x>.ipynb",
                  reasons=["<script>alert(1)</script>"], extra_css="")
    assert "<script>" not in page and "<img src=x>" not in page
    assert "&lt;img src=x&gt;.ipynb" in page and "n&#39;a pas pu être corrigé" in page
    assert not english_words(page.replace("&lt;script&gt;t&lt;/script&gt;", ""))[0]


def _results():
    cells = [CellInfo("ps1", "check-a", 2.0, "test", "Tâche 1", 0),
             CellInfo("ps1", "check-b", 2.0, "manual", "Tâche 2", 1)]

    def result(student, status, scores, reasons=()):
        got = [CellResult(c, s, False) for c, s in zip(cells, scores)]
        total = None if status == "failed" else sum(s or 0 for s in scores)
        return SubmissionResult(student=student, assignment="ps1", status=status,
                                score=total, max_score=4.0, reasons=list(reasons),
                                cells=got, first_name="Ada <b>Lovelace</b>")
    return [result("ada-l", "graded", [2.0, 2.0]), result("b2", "graded", [2.0, 0.5]),
            result("c3", "graded", [0.0, 1.0]), result("d4", "flagged", [2.0, 2.0], ["x = 41"]),
            result("e5", "failed", [None, None], ["x = 41"])]


def test_french_report_has_no_english_sentence(french):
    html = report_cmd.render("ps1", _results(), plots=False)
    found, lang = english_words(html)
    assert lang == "fr" and not found, sorted(found)
    # 3 counted submissions: 100 %, 62,5 %, 25 % of the maximum
    assert "Moyenne 62,5\u00a0%, médiane 62,5\u00a0%, sur 3\u00a0rendu(s)" in html.replace(
        "3 rendu", "3\u00a0rendu")
    assert "en attente de correction manuelle" in html and "signalé pour vérification" in html
    assert "67\u00a0%" in html  # Tâche 1: 2 of 3 counted submissions had full marks


def test_english_report_is_unchanged():
    html = report_cmd.render("ps1", _results(), plots=False)
    assert '<html lang="en">' in html and "<h1>ps1: results</h1>" in html
    assert "Mean 62.5%, median 62.5%, over 3 submission(s)." in html
    assert re.search(r"Written \d{4}-\d\d-\d\d \d\d:\d\d UTC by weakties-grade report\. "
                     r"5 student\(s\) in the gradebook\.", html)
    assert "waiting for manual grading" in html and ">67%<" in html


def test_french_report_plots_have_french_words(french, monkeypatch):
    seen = []
    import weakties.plotting as plotting

    real = plotting.style_axes
    monkeypatch.setattr(plotting, "style_axes",
                        lambda ax, *a, **k: (seen.extend(x for x in a if x), real(ax, *a, **k)))
    report_cmd.render("ps1", _results(), plots=True)
    assert "Répartition des notes" in seen and "Réussite par tâche" in seen
    assert not {w for s in seen for w in WORD.findall(s.lower())} & ENGLISH


def test_csv_header_and_statuses_in_french(french):
    rows = csv_rows(_results())
    buffer = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(buffer):
        write_csv("-", CSV_COLUMNS, rows, labels=csv_header())
    table = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert table[0][:3] == ["devoir", "identifiant", "prénom"] and len(table[0]) == len(CSV_COLUMNS)
    assert [r[6] for r in table[1:]] == ["corrigé", "corrigé", "corrigé", "signalé", "impossible"]


def test_csv_in_english_keeps_its_keys():
    rows = csv_rows(_results())
    assert csv_header(lang="en") == list(CSV_COLUMNS)
    assert [r["status"] for r in rows] == ["graded"] * 3 + ["flagged", "failed"]


def test_student_readme_in_french(french):
    text = student_readme("ps1", ["ps1.ipynb", "data/people.csv"])
    assert text.startswith("ps1\u00a0: comment travailler et comment rendre votre travail\n===")
    assert "data/people.csv\u00a0: les données que lit l'exercice" in text
    assert "déposez-le (ps1.ipynb)" in text
    prose = re.sub(r'"[^"]*"|«[^»]*»|\S+\.\S+', " ", text)   # markers, code and file names
    assert not set(WORD.findall(prose.lower())) & ENGLISH
    several = student_readme("ps1", ["a.ipynb", "b.ipynb"])
    assert "Ouvrez-les" in several and "déposez-les (a.ipynb, b.ipynb)" in several


def test_student_readme_in_english_unchanged():
    text = student_readme("ps1", ["a.ipynb", "b.ipynb", "x.csv", "y.csv"])
    assert "- a.ipynb, b.ipynb: the exercises. Open them in JupyterLab" in text
    assert "- x.csv, y.csv: data the exercise reads; keep them next to the notebooks.\n" in text
    assert "upload the notebooks (a.ipynb, b.ipynb) to the\n  assignment page" in text
    assert "Keep the file names as they are." in text


def test_every_template_sentence_is_in_the_catalogs():
    used = set()
    for name in environment().list_templates():
        source = environment().loader.get_source(environment(), name)[0]
        used |= set(re.findall(r'_\("((?:[^"\\]|\\.)*)"', source))
    assert used, "the templates mark no sentence"
    assert used <= set(TEMPLATE_WORDS), sorted(used - set(TEMPLATE_WORDS))
    french = catalog("fr")
    assert all(french.gettext(s) != s or s in ("Points", "Test") for s in used)


def test_language_is_chosen_from_option_course_then_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("WEAKTIES_LANG", raising=False)
    assert choose_language(None, tmp_path) == "en"
    monkeypatch.setenv("WEAKTIES_LANG", "fr")
    assert choose_language(None, tmp_path) == "fr"
    (tmp_path / "course.ini").write_text("[course]\nlanguage = en\n", encoding="utf-8")
    assert choose_language(None, tmp_path) == "en"
    assert choose_language("fr", tmp_path) == "fr"
    (tmp_path / "course.ini").write_text("[course]\nlanguage = german\n", encoding="utf-8")
    with pytest.raises(ValueError, match="language = fr"):
        course_language(tmp_path)


def test_cli_speaks_french_and_restores_the_language(tmp_path, capsys, monkeypatch):
    from grader.cli import main

    monkeypatch.delenv("WEAKTIES_LANG", raising=False)
    code = main(["--course", str(tmp_path / "course"), "--lang", "fr", "report", "../x"])
    err = capsys.readouterr().err
    assert code == 2 and "weakties-grade report: erreur\u00a0:" in err
    assert i18n.language() == "en"  # the next command (or test) is in English again
    code = main(["--course", str(tmp_path / "course"), "report", "../x"])
    assert code == 2 and "weakties-grade report: error:" in capsys.readouterr().err
