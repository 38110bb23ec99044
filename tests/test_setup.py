"""The project's setup files agree with each other and with the README."""

import re
import tomllib
from pathlib import Path

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


def test_readme_quick_start_has_exactly_two_commands():
    commands = _quick_start_commands()
    assert commands == ["python3 start.py", "python3 start.py test"], commands


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = _quick_start_commands()[1]
    assert test_command in ci
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
