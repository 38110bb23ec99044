"""Shared test configuration: headless plotting, paths, and skip rules."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    """The project folder."""
    return ROOT


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the pyplot figures a test leaves open, so none leaks into the next."""
    yield
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")


def pytest_collection_modifyitems(config, items):
    no_bwrap = pytest.mark.skip(reason="bubblewrap (bwrap) is not installed: "
                                "`apt-get install bubblewrap` to run the sandbox tests")
    have_bwrap = shutil.which("bwrap") is not None
    hub_dir = Path(__file__).resolve().parent / "hub"
    for item in items:
        # With pytest-xdist (`--dist loadgroup`, as `start.py test` runs it), the tests that
        # share the running hub stack stay on one worker, and the browser journeys (a
        # JupyterLab server and Chromium each) on one worker, one after another.
        if Path(str(item.fspath)).resolve().parent == hub_dir:
            item.add_marker(pytest.mark.xdist_group("hub"))
        elif "browser" in item.keywords:
            item.add_marker(pytest.mark.xdist_group("browser"))
        if "sandbox" in item.keywords and not have_bwrap:
            item.add_marker(no_bwrap)


# --doctest-modules would import every conftest.py as a module named "conftest"
# and trip over the others; they hold no doctests, so they are not collected.
collect_ignore = ["conftest.py"]
collect_ignore_glob = ["*/conftest.py"]
