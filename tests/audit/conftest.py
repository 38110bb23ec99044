"""Audit tests: each test gets its own configuration folder, so its own pseudonym secret."""

import pytest


@pytest.fixture(autouse=True)
def private_config(tmp_path_factory, monkeypatch):
    """Every test gets its own configuration folder (and so its own secret)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(folder))
    return folder / "weakties"
