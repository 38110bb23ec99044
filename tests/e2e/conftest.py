"""Fixtures of the browser tests: Chromium through Playwright, and JupyterLab servers.

Every test here is marked ``browser``. Without ``/usr/bin/chromium`` or the
``playwright`` package they are skipped with the reason, and the rest of
the suite runs as usual. Each journey starts its own JupyterLab in its own
temporary folder (see ``e2e_support.JupyterLab``), stopped at the end of the
test whether it passed or not; screenshots go to ``test-artifacts/e2e/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings

import pytest

import e2e_support as support


def pytest_collection_modifyitems(config, items):
    problem = support.browser_problem()
    if problem is None:
        return
    skip = pytest.mark.skip(reason=f"browser test skipped: {problem}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser).

    One per journey module: Playwright's synchronous API keeps an asyncio loop
    running in the main thread while it is open, which would break every later
    test that starts its own loop (``asyncio.run``) if it stayed open.
    """
    problem = support.browser_problem()
    if problem:
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(support.CHROMIUM),
                                      args=support.CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def journey(request):
    """The journey's name (the test module's ``JOURNEY``); its old screenshots are removed."""
    name = getattr(request.module, "JOURNEY")
    for old in support.ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    return name


@pytest.fixture
def page(browser, request, journey):
    """A fresh browser context and page; a screenshot ``<journey>-failure.png`` if the test fails.

    The page's uncaught JavaScript errors are collected in :func:`page_errors`.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  device_scale_factor=1)
    context.set_default_timeout(60_000)
    page = context.new_page()
    request.node.page_errors = []
    page.on("pageerror", lambda error: request.node.page_errors.append(str(error)))
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        try:
            support.screenshot(page, journey, "failure")
        except Exception as exc:   # the page may be gone
            warnings.warn(f"no failure screenshot: {exc}")
        for line in request.node.page_errors:
            print(f"page error: {line}")
    context.close()


@pytest.fixture
def page_errors(page, request):
    """The uncaught JavaScript errors of :func:`page` so far (a list that grows)."""
    return request.node.page_errors


@pytest.fixture
def start_lab(request, tmp_path):
    """``start_lab(root, **options)`` starts a :class:`e2e_support.JupyterLab` for this test.

    Every server started is stopped at the end of the test, also when it
    fails (its log is then printed).
    """
    servers = []

    def start(root, **options):
        base = tmp_path / f"lab{len(servers)}"
        base.mkdir()
        lab = support.JupyterLab(base, root, **options)
        servers.append(lab)
        return lab.start()

    yield start
    failed = getattr(request.node, "rep_call", None)
    for lab in servers:
        if failed is not None and failed.failed:
            print(f"--- JupyterLab log ({lab.log_path}) ---\n{lab.log_tail()}")
        lab.stop()


def weakties_grade(*args, env=None, check=True, timeout=600) -> subprocess.CompletedProcess:
    """Run the instructor's command line, ``weakties-grade ARGS``, as a user would."""
    command = [str(support.VENV_BIN / "weakties-grade"), *map(str, args)]
    if not shutil.which(command[0]):
        command = [sys.executable, "-m", "grader.cli", *map(str, args)]
    if env is None:   # nbgrader runs `alembic`, next to this interpreter
        env = dict(os.environ, PATH=f"{support.VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} exited with {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def grade():
    """The ``weakties-grade`` runner (see :func:`weakties_grade`)."""
    return weakties_grade


@pytest.fixture(scope="session")
def released(tmp_path_factory):
    """A course folder where ``weakties-grade release 01-your-network --zip`` ran.

    Made once per session (nbgrader's start-up costs seconds); journeys copy
    what they need and never change it.
    """
    if support.browser_problem():
        pytest.skip(support.browser_problem())
    root = tmp_path_factory.mktemp("released") / "course"
    weakties_grade("--course", root, "release", support.ASSIGNMENT, "--zip")
    zip_path = root / "release" / f"{support.ASSIGNMENT}.zip"
    assert zip_path.is_file()
    return root
