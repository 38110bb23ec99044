"""Student text printed by the commands is inert: no terminal control, no rich markup."""

from __future__ import annotations

import re

import pytest
from cli_fixtures import support

from grader.cli import main
from grader.engine.batch import SubmissionOutcome
from grader.render.text import inert

#: Anything a terminal acts on: ESC, the 8-bit C1 controls, other C0 controls
#: except newline, and the bidi controls that reorder text.
ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")

OSC52 = "\x1b]52;c;" + "cm0gLXJmIH4=" + "\x07"          # writes the clipboard
TITLE = "\x1b]0;owned\x1b\\"                              # sets the window title
HOSTILE = [f"[/]", "[bold red]x[/bold red]", f"Ada{OSC52}", f"{TITLE}Bob", "\x1b[2J\x1b[H",
           "evil\u202egnp.exe", "a\rb\nc\x00d\x9b31m", "[link=file:///etc/passwd]x[/link]",
           ":warning: [/]["]


@pytest.mark.parametrize("text", HOSTILE)
def test_inert_leaves_nothing_a_terminal_acts_on(text):
    out = inert(text)
    assert not ACTIVE.search(out), repr(out)
    assert "\n" not in out
    assert "\n" not in inert(text, markup=True)


def test_inert_keeps_ordinary_text_and_names_readable():
    for name in ["Chloé Nguyen", "Łukasz Żółć", "محمد", "O'Neill-Smith", "李雷", "a+b@x.org"]:
        assert inert(name) == name
    assert inert("line one\nline two", multiline=True) == "line one\nline two"
    # the visible parts of a hostile string stay visible
    assert inert(f"Ada{OSC52} Lovelace") == "Ada Lovelace"
    assert inert(f"{TITLE}Bob") == "Bob"


def test_inert_markup_is_shown_literally_by_rich():
    from rich.console import Console

    console = Console(record=True, width=200, color_system=None)
    for text in HOSTILE:
        console.print(inert(text, markup=True))
    shown = console.export_text()
    assert "[/]" in shown and "[bold red]x[/bold red]" in shown


def _outcomes(student_reason):
    return [
        SubmissionOutcome("h01", "ps1", "graded", [], 7.0, 7.0),
        SubmissionOutcome("x01", "ps1", "flagged", [student_reason], 0.0, 7.0,
                          changes=[f"ps1/{student_reason}: 1 -> 0"]),
    ]


@pytest.mark.parametrize("reason", [
    "a cell claims the grade id '[/]', which the source does not have",
    f"a cell claims the grade id 'x{OSC52}[bold]', which the source does not have",
])
def test_autograde_summary_survives_student_text(tmp_path, monkeypatch, capsys, reason):
    """A grade id with rich markup crashed the summary after the grades were saved."""
    import grader.commands.autograde as command

    course = support.make_course(tmp_path / "course")
    monkeypatch.setattr(command, "autograde", lambda *a, **k: _outcomes(reason))
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "autograde",
                 "ps1", "--no-progress"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "x01" in out and "flagged" in out
    assert "[/]" in out or "[bold]" in out          # shown literally, not read as markup
    assert not ACTIVE.search(out.replace("\n", "")), repr(out)


def test_progress_bar_shows_student_ids_as_text():
    import io

    from rich.console import Console

    from grader.render.progress import Progress

    console = Console(file=io.StringIO(), force_terminal=True, color_system=None, width=200)
    bar = Progress(2, "ps1[/]", enabled=True, console=console)
    with bar:
        bar.advance(SubmissionOutcome(f"x[/]{OSC52}", "ps1", "flagged[/]"))
        bar.advance(SubmissionOutcome("h01", "ps1", "graded"))
        bar.progress.refresh()
        text = console.file.getvalue()
    assert "ps1[/]" in text
    assert "\x1b]52" not in text


def test_collect_prints_hostile_file_names_inert(tmp_path, capsys):
    course = support.make_course(tmp_path / "course")
    roster = support.write_roster(tmp_path / "roster.csv", [
        "ada,Ada,Lovelace,ada@example.org,,1001"])
    data = support.notebook_bytes(course)
    files = {
        "Ada Lovelace_1001_assignsubmission_file_/ps1.ipynb": data,
        f"Eve{OSC52}_2002_assignsubmission_file_/ps1.ipynb": data,     # unknown student
        f"Ada Lovelace_1001_assignsubmission_file_/notes{TITLE}[/].txt": b"x",
        "Ada Lovelace_1001_assignsubmission_file_/\u202eexe.ipynb.txt": b"x",
    }
    zipped = support.moodle_zip(tmp_path / "moodle.zip", files)
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "collect",
                 "ps1", "--from", str(zipped), "--roster", str(roster)])
    out = capsys.readouterr().out
    assert code == 1                      # some files could not be collected, and say why
    assert "Eve" in out and "notes" in out and "[/]" in out
    assert not ACTIVE.search(out.replace("\n", "")), repr(out)
