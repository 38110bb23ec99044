"""The project's setup files agree with each other and with the README."""

import json
import os
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _pyproject():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    reqs = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["test"]
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in reqs}


def _environment():
    data = yaml.safe_load((ROOT / "environment.yml").read_text())
    out = {}
    for dep in data["dependencies"]:
        if isinstance(dep, dict) or dep in ("pip",) or dep.startswith("python"):
            continue
        req = Requirement(dep)
        out[req.name.lower()] = str(req.specifier)
    return out


def test_environment_yml_and_pyproject_list_the_same_packages_and_ranges():
    py, env = _pyproject(), _environment()
    assert set(py) == set(env), (f"only in pyproject: {sorted(set(py) - set(env))}; "
                                 f"only in environment.yml: {sorted(set(env) - set(py))}")
    different = {k: (py[k], env[k]) for k in py if set(py[k].split(",")) != set(env[k].split(","))}
    assert not different, f"version ranges differ (pyproject, environment.yml): {different}"
    assert all(py[k] for k in py), "every dependency has a version range"


def test_python_version_agrees():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert data["project"]["requires-python"] == ">=3.11"
    assert "python>=3.11" in (ROOT / "environment.yml").read_text()


def _quick_start_commands():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:bash|sh|console)?\n(.*?)```", section, flags=re.S)
    return [line.strip() for b in blocks for line in b.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def test_readme_quick_start_has_the_three_commands():
    commands = _quick_start_commands()
    assert commands == ["python3 start.py", "python3 start.py workshop",
                        "python3 start.py test"], commands


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = [c for c in _quick_start_commands() if c.endswith(" test")]
    assert len(test_command) == 1 and test_command[0] in ci
    assert "bubblewrap" in ci and "chromium" in ci


def test_test_files_have_unique_names():
    """pytest imports test files by base name (rootdir-relative folders are not packages):
    two test_x.py in different folders stop the whole collection."""
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"rename these test files so each name is unique: {duplicates}"


def _readme_tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("benchmarks_readme",
                                                  ROOT / "benchmarks" / "readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_shows_the_current_benchmark_figures():
    tool = _readme_tool()
    readme = (ROOT / "README.md").read_text()
    assert readme == tool.updated(readme), (
        "README.md's benchmark section differs from benchmarks/results/; "
        "run `.venv/bin/python benchmarks/readme.py` to copy the figures in.")
    shown = readme.split(tool.START, 1)[1].split(tool.END, 1)[0]
    # Every issue's headline figure is there, not only the headings.
    for expected in ("| 100,000 |", "ego_report (ms)", "| population (baseline) |",
                     "Speed-up of weakties-grade (sandbox on) over stock nbgrader:",
                     "Overhead of the sandbox:"):
        assert expected in shown, f"the README's benchmark section lacks {expected!r}"


def test_readme_tool_replaces_only_its_section():
    tool = _readme_tool()
    text = f"before\n{tool.START}\nold figures\n{tool.END}\nafter\n"
    new = tool.updated(text)
    assert new.startswith(f"before\n{tool.START}\n### ") and new.endswith(f"{tool.END}\nafter\n")
    assert "old figures" not in new and tool.updated(new) == new


# --------------------------------------------------------------------------
# start.py: installing once, running as root, the workshop command

def _start():
    import importlib.util

    spec = importlib.util.spec_from_file_location("start_under_test", ROOT / "start.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FAKE_PYTHON = """#!/bin/sh
# Stands for .venv/bin/python: records each call instead of running pip.
echo "$@" >> "{log}"
"""


@pytest.fixture
def project(tmp_path):
    """A project folder with a pyproject.toml and a .venv whose python is a recorder."""
    (tmp_path / "pyproject.toml").write_text('[project]\\nname = "x"\\n')
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    log = tmp_path / "calls.log"
    log.touch()
    python.write_text(FAKE_PYTHON.format(log=log))
    python.chmod(0o755)
    return tmp_path


def _installs(project):
    """The `pip install -e` calls the recorder saw, in order (their last word: the target)."""
    lines = (project / "calls.log").read_text().splitlines()
    return [line for line in lines if line.startswith("-m pip install") and " -e " in line]


@pytest.mark.skipif(os.name == "nt", reason="the recorder is a shell script")
def test_switching_between_the_commands_does_not_reinstall(project):
    start = _start()
    assert start.install("", root=project) is True
    assert start.install("test", root=project) is True
    for _ in range(3):  # python3 start.py, then python3 start.py test, and again
        assert start.install("", root=project) is False
        assert start.install("test", root=project) is False
    assert [i.split()[-1] for i in _installs(project)] == [".", ".[test]"]


@pytest.mark.skipif(os.name == "nt", reason="the recorder is a shell script")
def test_the_test_tools_include_the_course_so_starting_after_testing_installs_nothing(project):
    start = _start()
    assert start.install("test", root=project) is True
    assert start.install("", root=project) is False
    assert len(_installs(project)) == 1


@pytest.mark.skipif(os.name == "nt", reason="the recorder is a shell script")
def test_a_change_of_pyproject_or_of_the_constraints_installs_again(project):
    start = _start()
    start.install("", root=project)
    start.install("test", root=project)
    (project / "pyproject.toml").write_text('[project]\\nname = "x"\\nversion = "2"\\n')
    assert start.install("", root=project) is True       # the ranges changed
    assert start.install("test", root=project) is True   # and the test tools too
    assert start.install("", root=project) is False
    (project / "constraints.txt").write_text("numpy==2.1.0\\n")
    assert start.install("", root=project) is True       # pinned versions appeared
    (project / "constraints.txt").write_text("numpy==2.1.1\\n")
    assert start.install("test", root=project) is True   # and changed
    assert start.install("", root=project) is False
    installs = _installs(project)
    assert len(installs) == 6
    constraint = f"-c {project / 'constraints.txt'}"
    assert [constraint in i for i in installs] == [False] * 4 + [True] * 2


@pytest.mark.skipif(os.name == "nt", reason="the recorder is a shell script")
def test_a_stamp_of_an_older_start_py_installs_once_more(project):
    start = _start()
    (project / ".venv" / ".weakties-installed").write_text("0123abcd 4567ef")
    assert start.install("", root=project) is True
    assert start.install("", root=project) is False


def test_jupyterlab_is_told_to_allow_root_only_when_run_as_root(monkeypatch):
    start = _start()
    monkeypatch.setattr(start.os, "geteuid", lambda: 0, raising=False)
    assert "--allow-root" in start.lab_command([])
    assert start.lab_command(["--allow-root"]).count("--allow-root") == 1
    monkeypatch.setattr(start.os, "geteuid", lambda: 1000, raising=False)
    command = start.lab_command(["--no-browser"])
    assert "--allow-root" not in command and command[-1] == "--no-browser"
    assert command[1] == "lab" and "course/00-welcome.ipynb" in command


def test_the_workshop_is_served_on_this_computer_only_with_a_token_and_no_code():
    start = _start()
    command = start.workshop_command(8899, "secret-token")
    assert command[0].endswith("voila") and command[1].endswith(os.path.join("course",
                                                                             "workshop"))
    assert "--Voila.ip=127.0.0.1" in command and "--Voila.port=8899" in command
    assert "--Voila.token=secret-token" in command and "--no-browser" in command
    assert "--strip_sources=True" in command  # code cells are not sent to the browser
    allowed = [c.split("=", 1)[1] for c in command if "file_allowlist" in c]
    assert any(re.fullmatch(a, "worksheet.html") for a in allowed)
    assert not any(re.fullmatch(a, "01-who-you-know.ipynb") for a in allowed)
    url = start.workshop_url(8899, "secret-token")
    assert url == "http://127.0.0.1:8899/voila/render/00-home.ipynb?token=secret-token"
    assert (ROOT / start.WORKSHOP / start.WORKSHOP_HOME).is_file()


def test_workshop_options_are_read_and_bad_ones_named(capsys):
    start = _start()
    assert start.workshop_options([]) == {"port": None, "browser": True}
    assert start.workshop_options(["--port", "8901", "--no-browser"]) == {
        "port": 8901, "browser": False}
    assert start.workshop_options(["--port=8902"])["port"] == 8902
    for bad, words in ((["--port", "web"], "--port takes a port number"),
                       (["--colour"], "unknown option '--colour'")):
        with pytest.raises(SystemExit):
            start.workshop_options(bad)
        assert words in capsys.readouterr().err


def test_a_browser_opens_only_where_there_is_a_display(monkeypatch):
    start = _start()
    monkeypatch.setattr(start.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert start.has_display() is False
    monkeypatch.setenv("DISPLAY", ":0")
    assert start.has_display() is True
    monkeypatch.delenv("DISPLAY")
    monkeypatch.setattr(start.sys, "platform", "darwin")
    assert start.has_display() is True


def test_an_unknown_command_is_named_with_the_three_that_exist(capsys):
    start = _start()
    with pytest.raises(SystemExit):
        start.main(["serve"])
    err = capsys.readouterr().err
    assert "unknown command 'serve'" in err
    for command in ("python3 start.py`", "python3 start.py workshop", "python3 start.py test"):
        assert command in err


def test_readme_says_how_versions_are_pinned_and_that_root_works():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "constraints.txt" in section and "pyproject.toml" in section
    assert "root" in section and "workshop" in section


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_python3_start_py_opens_jupyterlab_even_as_root(tmp_path):
    """The real command starts JupyterLab (as root in CI: it needs --allow-root there)."""
    import signal
    import subprocess
    import time
    import urllib.request

    start = _start()
    if not start.is_installed(""):
        pytest.skip("the course is not installed for the current pyproject.toml: run "
                    "`python3 start.py test` first (this test must not run pip)")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "JUPYTER_PATH", "PYTHONPATH")}
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(tmp_path / name.lower())
    port, token = _free_port(), "start-py-test-token"
    python3 = shutil.which("python3") or sys.executable
    process = subprocess.Popen(
        [python3, "start.py", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL,  # no terminal: the language is not asked
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    status = f"http://127.0.0.1:{port}/api/status?token={token}"
    try:
        answered = False
        for _ in range(600):  # up to two minutes on a loaded machine, polled every 0.2 s
            if process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(status, timeout=5) as reply:
                    answered = reply.status == 200
                    break
            except OSError:
                time.sleep(0.2)
        if not answered:
            process.kill()
            output = process.communicate()[0]
            raise AssertionError(f"JupyterLab did not answer (exit {process.returncode}):\\n"
                                 f"{output[-3000:]}")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)   # start.py stops JupyterLab, then exits
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    output = process.stdout.read()
    assert "Running as root is not recommended. Use --allow-root" not in output
    assert process.returncode == 0, output[-3000:]


# --------------------------------------------------------------------------
# start.py: the language of the course (the French edition, issue 16)

def test_lang_option_is_taken_out_of_the_arguments_and_a_bad_one_named(capsys):
    start = _start()
    assert start.split_language(["--lang", "fr", "--no-browser"]) == ("fr", ["--no-browser"])
    assert start.split_language(["--port=1", "--lang=en"]) == ("en", ["--port=1"])
    assert start.split_language(["--no-browser"]) == (None, ["--no-browser"])
    for bad in (["--lang", "de"], ["--lang"]):
        with pytest.raises(SystemExit):
            start.split_language(bad)
        assert "--lang takes fr (Français) or en (English)" in capsys.readouterr().err


def test_the_proposed_language_is_the_systems(monkeypatch):
    start = _start()
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert start.system_language() == "fr"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert start.system_language() == "en"
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")  # LC_ALL wins over LANG
    assert start.system_language() == "fr"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert start.system_language() == "en"


def _answers(*replies):
    replies = list(replies)
    asked = []

    def ask(prompt):
        asked.append(prompt)
        return replies.pop(0)
    return ask, asked


def test_the_language_is_asked_the_first_time_then_remembered(tmp_path, monkeypatch, capsys):
    start = _start()
    monkeypatch.setattr(start, "system_language", lambda: "fr")
    ask, asked = _answers("")  # Enter: the system's language
    assert start.choose_language(None, tmp_path, interactive=True, ask=ask) == "fr"
    assert len(asked) == 1 and "[1]" in asked[0]  # 1. Français is proposed
    out = capsys.readouterr().out
    assert "Français" in out and "English" in out
    ask, asked = _answers("2")
    assert start.choose_language(None, tmp_path, interactive=True, ask=ask) == "fr"
    assert asked == [], "a language already chosen is not asked again"


def test_an_answer_not_understood_is_asked_again(tmp_path, monkeypatch, capsys):
    start = _start()
    monkeypatch.setattr(start, "system_language", lambda: "fr")
    ask, asked = _answers("3", "english?", "2")
    assert start.choose_language(None, tmp_path, interactive=True, ask=ask) == "en"
    assert len(asked) == 3 and "[1]" in asked[0]
    assert "type 1 or 2" in capsys.readouterr().out
    assert start.remembered_language(tmp_path) == "en"


def test_lang_option_wins_and_is_remembered(tmp_path):
    start = _start()
    start.remember_language("en", tmp_path)
    ask, asked = _answers()
    assert start.choose_language("fr", tmp_path, interactive=True, ask=ask) == "fr"
    assert start.choose_language(None, tmp_path, interactive=True, ask=ask) == "fr"
    assert asked == []
    assert start.language_path(tmp_path).is_relative_to(tmp_path / ".venv")


def test_without_a_terminal_the_systems_language_is_used_and_not_remembered(tmp_path,
                                                                           monkeypatch):
    start = _start()
    monkeypatch.setattr(start, "system_language", lambda: "fr")
    ask, asked = _answers()
    assert start.choose_language(None, tmp_path, interactive=False, ask=ask) == "fr"
    assert asked == [] and start.remembered_language(tmp_path) is None


def test_the_french_edition_opens_jupyterlab_in_french_without_touching_user_settings(
        tmp_path, monkeypatch):
    start = _start()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("JUPYTERLAB_SETTINGS_DIR", raising=False)
    project = tmp_path / "project"
    env = start.lab_env("fr", project)
    assert env["WEAKTIES_LANG"] == "fr"
    folder = Path(env["JUPYTERLAB_SETTINGS_DIR"])
    assert folder.is_relative_to(project / ".venv")
    setting = folder / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    assert json.loads(setting.read_text())["locale"] == "fr_FR"
    assert list(home.iterdir()) == [], "the user's own folders are not written"
    # Another setting changed in this edition's JupyterLab is kept; the language is reset.
    setting.write_text('{"locale": "en", "theme": "JupyterLab Dark"}')
    start.lab_env("fr", project)
    assert json.loads(setting.read_text()) == {"locale": "fr_FR", "theme": "JupyterLab Dark"}
    english = start.lab_env("en", project)
    assert english["WEAKTIES_LANG"] == "en" and "JUPYTERLAB_SETTINGS_DIR" not in english


def test_the_french_language_pack_named_is_the_one_installed():
    import importlib.util

    start = _start()
    locale_name = start.LAB_LOCALES["fr"]
    assert importlib.util.find_spec(f"jupyterlab_language_pack_{locale_name}") is not None, (
        f"the JupyterLab language pack for {locale_name} is not installed: it is a dependency "
        "in pyproject.toml (jupyterlab-language-pack-fr-FR)")


def test_the_french_edition_opens_on_the_french_lessons(tmp_path, monkeypatch):
    start = _start()
    monkeypatch.setattr(start.os, "geteuid", lambda: 1000, raising=False)
    command = start.lab_command([], tmp_path, lang="fr")
    assert "--ServerApp.default_url=/lab/tree/course/fr" in command  # not built yet
    (tmp_path / "course" / "fr").mkdir(parents=True)
    (tmp_path / "course" / "fr" / "00-bienvenue.ipynb").write_text("{}")
    command = start.lab_command(["--no-browser"], tmp_path, lang="fr")
    assert "course/fr/00-bienvenue.ipynb" in command and command[-1] == "--no-browser"
    assert "course/00-welcome.ipynb" in start.lab_command([], ROOT, lang="en")


def test_the_french_workshop_is_served_from_its_own_folder():
    start = _start()
    command = start.workshop_command(8899, "t", lang="fr")
    assert command[1].endswith(os.path.join("course", "fr", "workshop"))
    assert start.workshop_command(8899, "t")[1].endswith(os.path.join("course", "workshop"))
    assert start.venv_env(ROOT, "fr")["WEAKTIES_LANG"] == "fr"
    url = start.workshop_url(8899, "t", "fr")
    assert url == "http://127.0.0.1:8899/voila/render/00-accueil.ipynb?token=t"
    assert (ROOT / start.workshop_folder("fr") / start.WORKSHOP_HOMES["fr"]).is_file()


def test_a_wrong_workshop_option_is_named_before_anything_is_installed(monkeypatch, capsys):
    start = _start()
    installed = []
    monkeypatch.setattr(start, "install", lambda extras, root=ROOT: installed.append(extras))
    for argv, words in ((["workshop", "--lang", "it"], "--lang takes fr"),
                        (["workshop", "--lang", "fr", "--colour"], "unknown option '--colour'"),
                        (["--lang", "es"], "--lang takes fr")):
        with pytest.raises(SystemExit):
            start.main(argv)
        assert words in capsys.readouterr().err
    assert installed == []


def test_readme_says_first_how_to_open_the_french_edition_in_both_languages():
    readme = (ROOT / "README.md").read_text()
    top = readme.split("## ", 1)[0]
    assert "python3 start.py --lang fr" in top and "workshop --lang fr" in top
    assert "En français" in top and "French edition" in top
    assert "demande la langue" in top and "asks for the language" in top


def test_the_suite_runs_on_every_core_unless_told_otherwise(monkeypatch):
    start = _start()
    monkeypatch.setattr(start.os, "cpu_count", lambda: 2)
    assert start.test_workers([]) == ["-n", "2", "--dist", "loadgroup"]
    assert start.test_workers(["-k", "ties"]) == ["-n", "2", "--dist", "loadgroup"]
    for chosen in (["-n", "1"], ["-n4"], ["-p", "no:xdist"], ["--collect-only", "-q"]):
        assert start.test_workers(chosen) == [], chosen
    monkeypatch.setattr(start.os, "cpu_count", lambda: 1)
    assert start.test_workers([]) == []
    monkeypatch.setattr(start.os, "cpu_count", lambda: 16)
    assert start.test_workers([])[:2] == ["-n", "4"]


def test_tests_sharing_a_server_stay_on_one_worker(request):
    items = request.session.items
    hub = [i for i in items if "/tests/hub/" in str(i.fspath)]
    browser = [i for i in items if "browser" in i.keywords and i not in hub]
    if not hub or not browser:
        pytest.skip("needs the whole suite collected (tests/hub and the browser tests)")
    for item, group in [(i, "hub") for i in hub] + [(i, "browser") for i in browser]:
        marks = [m.args[0] for m in item.iter_markers("xdist_group")]
        assert marks == [group], f"{item.nodeid}: xdist_group {marks}, expected {group!r}"
