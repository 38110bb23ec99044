"""Who is the learner? Each learner gets their own simulated data from their id.

Exercises give every learner a different population, seeded from their
learner id, so that a learner who copies someone else's numbers gets them
wrong on their own data. The id is found, in this order:

1. a file named ``.weakties-learner`` in the notebook's folder or one of
   its parents (up to three levels). The grader writes it, read-only, next
   to each submission with the nbgrader student id; ``weakties-grade
   workspace --name NAME`` writes it in a self-learner's ``my-work/``;
2. the ``JUPYTERHUB_USER`` environment variable, on a JupyterHub (where it
   is also the nbgrader student id);
3. the file ``learner`` in the user's weakties configuration folder
   (:func:`config_dir`), written by :func:`set_learner`.

If none is found, :func:`learner_id` raises an error that says how to set
one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["LEARNER_FILE", "learner_id", "set_learner", "config_dir", "check_learner_id"]

#: Name of the file that holds the learner id next to a notebook.
LEARNER_FILE = ".weakties-learner"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")


def config_dir() -> Path:
    """The learner's own weakties configuration folder (created if missing).

    ``$WEAKTIES_CONFIG_DIR`` if set, else ``$XDG_CONFIG_HOME/weakties``, else
    ``~/.config/weakties`` (``%APPDATA%\\weakties`` on Windows). It holds
    the learner name and the secret used to pseudonymise contacts; it is
    never inside the project or a notebook.

    Examples
    --------
    >>> config_dir().name
    'weakties'
    """
    if os.environ.get("WEAKTIES_CONFIG_DIR"):
        path = Path(os.environ["WEAKTIES_CONFIG_DIR"]) / "weakties"
    elif os.name == "nt" and os.environ.get("APPDATA"):
        path = Path(os.environ["APPDATA"]) / "weakties"
    else:
        base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
        path = Path(base) / "weakties"
    return path


def check_learner_id(value: str) -> str:
    """Return a cleaned learner id, or raise ValueError saying what is allowed.

    Examples
    --------
    >>> check_learner_id("  alice.martin ")
    'alice.martin'
    >>> check_learner_id("a b")
    Traceback (most recent call last):
    ...
    ValueError: 'a b' is not a valid learner id: use 1 to 64 letters, digits, '.', '_', '-', '@' or '+', starting with a letter or digit (no spaces).
    """
    if not isinstance(value, str):
        raise TypeError(f"a learner id is a text, not {type(value).__name__}.")
    cleaned = value.strip()
    if not _ID.match(cleaned):
        raise ValueError(
            f"{value!r} is not a valid learner id: use 1 to 64 letters, digits, '.', '_', "
            "'-', '@' or '+', starting with a letter or digit (no spaces)."
        )
    return cleaned


def _from_file(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def learner_id(start: str | os.PathLike | None = None) -> str:
    """The current learner's id (see the module documentation for the order).

    Parameters
    ----------
    start : path, optional
        Folder to start looking for ``.weakties-learner`` (default: the
        current folder, which in Jupyter is the notebook's folder).

    Raises
    ------
    LookupError
        No id is set; the message says how to set one.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".weakties-learner").write_text("alice")
    >>> learner_id(folder)
    'alice'
    """
    here = Path(start) if start is not None else Path.cwd()
    for folder in [here, *list(here.resolve().parents)[:3]]:
        value = _from_file(folder / LEARNER_FILE)
        if value:
            return check_learner_id(value)
    if os.environ.get("JUPYTERHUB_USER"):
        return check_learner_id(os.environ["JUPYTERHUB_USER"])
    value = _from_file(config_dir() / "learner")
    if value:
        return check_learner_id(value)
    raise LookupError(
        "No learner id is set, so the exercise cannot build your own data. "
        "Set one once with `weakties.learner.set_learner('your-name')` in a cell, or "
        "`weakties-grade workspace --name your-name` in a terminal. On a course "
        "JupyterHub this is automatic."
    )


def set_learner(name: str) -> Path:
    """Remember ``name`` as this learner's id, in the configuration folder.

    Returns the path of the file written.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> path = set_learner("bob")
    >>> path.read_text()
    'bob'
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    value = check_learner_id(name)
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "learner"
    path.write_text(value, encoding="utf-8")
    return path
