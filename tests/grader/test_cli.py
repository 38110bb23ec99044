"""The ``weakties-grade`` command line: subcommands, --help, options and one-line errors."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

import grader.cli as cli
from grader.cli import COMMANDS, main

SCRIPT = Path(sys.executable).parent / "weakties-grade"
MINE = ["release", "collect", "feedback", "export", "report", "lab", "selfcheck", "workspace"]


def test_console_script_lists_every_command():
    proc = subprocess.run([str(SCRIPT), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for name in ("release", "collect", "autograde", "feedback", "export", "report",
                 "selfcheck", "workspace", "lab"):
        assert f"\n    {name} " in proc.stdout, name
    assert "release -> collect -> autograde" in proc.stdout


@pytest.mark.parametrize("name", MINE)
def test_each_command_help_says_what_it_does_with_an_example(name, capsys):
    with pytest.raises(SystemExit) as exc:
        main([name, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: weakties-grade {name}" in out
    assert "example" in out and f"weakties-grade {name}" in out.split("example", 1)[1]
    assert "--course PATH" in out
    description = out.split("\n\n", 1)[1]
    description = description.split("positional arguments:")[0].split("options:")[0]
    assert len(description.split()) >= 25, description


def test_no_command_prints_the_overview(capsys):
    assert main([]) == 0
    assert "COMMAND" in capsys.readouterr().out


def test_a_broken_module_does_not_break_the_others(monkeypatch, capsys):
    monkeypatch.setitem(COMMANDS, "ghost", ("grader.no_such_module", "a command that is gone"))
    assert main(["ghost"]) == 2
    err = capsys.readouterr().err
    assert "not available" in err and err.count("\n") == 1
    with pytest.raises(SystemExit):
        main(["release", "--help"])
    assert "usage: weakties-grade release" in capsys.readouterr().out


def test_only_the_chosen_command_module_is_imported(monkeypatch):
    imported = []
    real = cli.importlib.import_module

    def spy(name, *a, **k):
        imported.append(name)
        return real(name, *a, **k)

    monkeypatch.setattr(cli.importlib, "import_module", spy)
    cli.build_parser("report")
    assert imported == ["grader.commands.report"]


def test_course_option_before_or_after_the_command(monkeypatch, tmp_path):
    seen = []
    fake = types.SimpleNamespace(configure_parser=lambda p: p.add_argument("x"),
                                 run=lambda args: seen.append((args.course, args.source)) or 0)
    monkeypatch.setitem(sys.modules, "grader.fakecmd", fake)
    monkeypatch.setitem(COMMANDS, "fakecmd", ("grader.fakecmd", "test"))
    assert main(["--course", str(tmp_path / "a"), "fakecmd", "1"]) == 0
    assert main(["fakecmd", "1", "--course", str(tmp_path / "b"), "--source", str(tmp_path)]) == 0
    monkeypatch.setenv("WEAKTIES_GRADING_DIR", str(tmp_path / "env"))
    assert main(["fakecmd", "1"]) == 0
    assert seen[0][0] == (tmp_path / "a").resolve()
    assert seen[1] == ((tmp_path / "b").resolve(), tmp_path.resolve())
    assert seen[2][0] == (tmp_path / "env").resolve()
    assert seen[0][1] == cli.EXERCISES


def test_user_errors_are_one_line_and_debug_shows_the_traceback(monkeypatch, tmp_path, capsys):
    def boom(args):
        raise cli.UserError("the thing is wrong: do this instead.")

    monkeypatch.setitem(sys.modules, "grader.fakecmd",
                        types.SimpleNamespace(configure_parser=lambda p: None, run=boom))
    monkeypatch.setitem(COMMANDS, "fakecmd", ("grader.fakecmd", "test"))
    assert main(["fakecmd"]) == 2
    err = capsys.readouterr().err
    assert err == "weakties-grade fakecmd: error: the thing is wrong: do this instead.\n"
    assert main(["--debug", "fakecmd"]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_course_inside_the_project_is_refused(capsys):
    code = main(["--course", str(cli.EXERCISES.parent / "grading"), "release", "x"])
    err = capsys.readouterr().err
    assert code == 2 and "inside the project" in err and "--course" in err


def test_missing_source_folder_is_a_clear_error(tmp_path, capsys):
    code = main(["--course", str(tmp_path / "c"), "--source", str(tmp_path / "nope"),
                 "release", "x"])
    assert code == 2 and "--source" in capsys.readouterr().err


def test_bugs_still_show_a_traceback(monkeypatch):
    def bug(args):
        raise ZeroDivisionError("a bug, not the user's fault")

    monkeypatch.setitem(sys.modules, "grader.fakecmd",
                        types.SimpleNamespace(configure_parser=lambda p: None, run=bug))
    monkeypatch.setitem(COMMANDS, "fakecmd", ("grader.fakecmd", "test"))
    with pytest.raises(ZeroDivisionError):
        main(["fakecmd"])


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")
def test_lab_serves_the_formgrader_with_this_configuration(tmp_path):
    """`weakties-grade lab`: the formgrader lists the assignment and the graded submissions."""
    import json
    import signal
    import socket
    import time
    import urllib.request

    from cli_fixtures import support

    course = support.graded_class(tmp_path / "course")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [str(SCRIPT), "--course", str(course.root), "--source", str(support.SOURCE), "lab",
         "--no-browser", "--port", str(port), "--", "--IdentityProvider.token=secret",
         f"--ServerApp.runtime_dir={tmp_path / 'runtime'}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path)

    def get(path):
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                         headers={"Authorization": "token secret"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                assignments = get("/formgrader/api/assignments")
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.5)
        assert [a["name"] for a in assignments] == ["ps1"]
        # the class, plus "waiting": collected, not autograded yet
        assert assignments[0]["num_submissions"] == len(support.CLASS) + 1
        submissions = {s["student"]: s for s in get("/formgrader/api/submissions/ps1")}
        assert submissions["waiting"]["submitted"] and not submissions["waiting"]["autograded"]
        for student, (_, _, total, status) in support.CLASS.items():
            assert submissions[student]["autograded"] is True
            assert submissions[student]["score"] == pytest.approx(total)
            assert submissions[student]["needs_manual_grade"] is (status == "needs_grading")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    with socket.socket() as s:          # JupyterLab stopped with weakties-grade
        assert s.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("args, code", [([], 0), (["--course", "nowhere", "export"], 2)])
def test_the_command_exits_quickly_but_runs_its_exit_handlers_and_shows_everything(
        tmp_path, args, code):
    """``entry`` skips the interpreter's teardown, never what a command has to finish:
    the exit handlers run (a judge is stopped there) and every line printed arrives."""
    marker = tmp_path / "handler-ran"
    program = ("import atexit, sys\n"
               f"atexit.register(lambda: open({str(marker)!r}, 'w').write('yes'))\n"
               "from grader import cli\n"
               f"sys.argv = ['weakties-grade', *{args!r}]\n"
               "cli.entry()\n"
               "print('never reached')\n")
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert proc.returncode == code, proc.stderr
    assert marker.read_text() == "yes"
    assert "never reached" not in proc.stdout
    if code == 0:
        assert "release -> collect -> autograde" in proc.stdout
    else:
        assert "weakties-grade export: error: there is no gradebook" in proc.stderr
