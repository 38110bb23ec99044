"""``weakties-grade report``: success rate per task and cell, distributions, statuses."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from cli_fixtures import support

from grader.cli import main
from grader.commands.report import write_report

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")]


class _Rows(HTMLParser):
    """Rows of the report's tables, by their data-* attribute."""

    def __init__(self):
        super().__init__()
        self.rows, self._key, self._cells, self._in = {}, None, [], False
        self.images = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self._key = attrs.get("data-task") or attrs.get("data-cell") or attrs.get("data-status")
            self._cells = []
        elif tag in ("td", "th"):
            self._in = True
            self._cells.append("")
        elif tag == "img":
            self.images.append(attrs.get("src", ""))

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._in = False
        elif tag == "tr" and self._key:
            self.rows[self._key] = [c.strip() for c in self._cells]
            self._key = None

    def handle_data(self, data):
        if self._in:
            self._cells[-1] += data


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    course = support.graded_class(tmp_path_factory.mktemp("rep") / "course")
    path = write_report(course, "ps1")
    parser = _Rows()
    text = path.read_text(encoding="utf-8")
    parser.feed(text)
    return course, path, text, parser


def test_success_rate_per_cell_and_task(report):
    # Counted: graded and needs_grading = full, half, nototal, blank, pending (5).
    # square-hidden earns full points for full, nototal, pending: 3 of 5.
    # total-hidden for full, half, pending: 3 of 5 ... blank and nototal fail it.
    # The reflection (manual) is graded for full (2/2), half (1/2), nototal and blank
    # (0, unchanged answer); pending is not graded yet: 1 of 4.
    _, _, _, parsed = report
    rows = parsed.rows
    assert rows["ps1/square-hidden"][3] == "60%" and rows["ps1/square-hidden"][5] == "5"
    assert rows["ps1/total-hidden"][3] == "60%"
    assert rows["ps1/reflection"][3] == "25%" and rows["ps1/reflection"][5] == "4"
    assert "ps1/square-selfcheck" not in rows           # 0 points: not counted
    assert rows["Task 3: reflection"][3] == "25%"
    # mean score of total-hidden: 3 of 5 submissions earned 3 points -> 60%
    assert rows["ps1/total-hidden"][4] == "60%"


def test_hardest_task_is_named(report):
    _, _, text, _ = report
    assert re.search(r'id="hardest">Hardest task: Task 3: reflection \(25%', text)


def test_statuses_are_counted_apart(report):
    _, _, _, parsed = report
    counts = {k: int(v[1]) for k, v in parsed.rows.items() if k in (
        "graded", "needs_grading", "flagged", "failed", "not_autograded", "missing")}
    assert counts == {"graded": 4, "needs_grading": 1, "flagged": 0, "failed": 0,
                      "not_autograded": 1, "missing": 1}


def test_page_is_self_contained(report):
    _, path, text, parsed = report
    assert path.parent.name == "reports"
    assert len(parsed.images) == 2
    assert all(src.startswith("data:image/png;base64,") for src in parsed.images)
    assert not re.search(r'(src|href)="(http|/|\.)', text)


def test_failed_and_flagged_are_not_zeros(tmp_path, monkeypatch, capsys):
    course = support.graded_class(tmp_path / "course")
    support.patch_status(monkeypatch, {
        ("blank", "ps1"): {"status": "failed", "reasons": ["the kernel died"]},
        ("nototal", "ps1"): {"status": "flagged", "reasons": ["tests did not run"]},
    })
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "report", "ps1"])
    printed = capsys.readouterr().out.strip()
    assert code == 0 and printed == str(course.reports / "ps1.html")
    parsed = _Rows()
    text = (course.reports / "ps1.html").read_text(encoding="utf-8")
    parsed.feed(text)
    # without blank and nototal: full, half, pending counted; square-hidden: full, pending
    assert parsed.rows["ps1/square-hidden"][3] == "67%"
    assert parsed.rows["ps1/square-hidden"][5] == "3"
    assert parsed.rows["failed"][1] == "1" and parsed.rows["flagged"][1] == "1"
    assert "the kernel died" in text and "tests did not run" in text
