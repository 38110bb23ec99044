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
    for item in items:
        if "sandbox" in item.keywords and not have_bwrap:
            item.add_marker(no_bwrap)


# --doctest-modules would import every conftest.py as a module named "conftest"
# and trip over the others; they hold no doctests, so they are not collected.
collect_ignore = ["conftest.py"]
collect_ignore_glob = ["*/conftest.py"]
