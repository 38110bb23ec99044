"""Where grading happens: the course folder, outside the project's tracked tree.

nbgrader keeps its working folders (release, submitted, autograded,
feedback) and its gradebook under one *course root*. This project keeps the
source assignments in the repository (``exercises/``) and everything that
holds student work outside it, in a folder the instructor chooses:

1. the ``--course`` option of ``weakties-grade``;
2. else the ``WEAKTIES_GRADING_DIR`` environment variable;
3. else ``~/weakties-grading``.

The course root holds a symbolic link ``source`` to the repository's
``exercises/`` and an ``nbgrader_config.py`` that loads
:mod:`grader.nbgrader_config`, so that ``nbgrader`` and its formgrader, run
from the course root, see the same configuration as ``weakties-grade``.

The gradebook is ``gradebook.db`` (SQLite) in the course root, unless the
course says otherwise: on a shared server (``deploy/hub/``) it is a
PostgreSQL database, and nbgrader's exchange is a shared folder. The course
settings file ``course.ini`` in the course root says so (see
:func:`course_settings`); the environment variables ``WEAKTIES_DB_URL`` and
``WEAKTIES_EXCHANGE_ROOT`` override it::

    [gradebook]
    url = postgresql://grader-weakties@/weakties?host=/srv/weakties-hub/pg/run

    [exchange]
    root = /srv/weakties-hub/exchange

``weakties-grade`` and nbgrader (through :mod:`grader.nbgrader_config`)
read the same settings, so both always use the same database.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
EXERCISES = PROJECT / "exercises"

_CONFIG_STUB = '''\
# Written by weakties-grade: loads the course's nbgrader configuration.
# Edit grader/nbgrader_config.py in the project, not this file.
import sys
sys.path.insert(0, {project!r})
from grader.nbgrader_config import configure
configure(c, course_root={root!r})
'''


#: The course settings file in the course root (see :func:`course_settings`).
SETTINGS = "course.ini"


def course_settings(root) -> dict:
    """The gradebook URL and exchange root of the course at ``root`` (``None``: the default).

    Read from ``WEAKTIES_DB_URL`` and ``WEAKTIES_EXCHANGE_ROOT`` when set,
    else from ``course.ini`` in the course root (sections ``[gradebook]``,
    key ``url``, and ``[exchange]``, key ``root``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> course_settings(root)
    {'db_url': None, 'exchange_root': None}
    >>> _ = (root / "course.ini").write_text("[gradebook]\\nurl = postgresql://me@/grades\\n")
    >>> course_settings(root)["db_url"]
    'postgresql+psycopg://me@/grades'
    """
    path = Path(root) / SETTINGS
    parser = configparser.ConfigParser(interpolation=None)
    if path.is_file():
        try:
            parser.read(path, encoding="utf-8")
        except configparser.Error as exc:
            raise ValueError(f"{path} is not a valid settings file ({exc}); fix it or remove "
                             "it (see grader/README.md, On a JupyterHub).") from None
    url = os.environ.get("WEAKTIES_DB_URL") or parser.get("gradebook", "url", fallback=None)
    exchange = (os.environ.get("WEAKTIES_EXCHANGE_ROOT")
                or parser.get("exchange", "root", fallback=None))
    return {"db_url": normalise_db_url(url) if url and url.strip() else None,
            "exchange_root": exchange.strip() if exchange and exchange.strip() else None}


def normalise_db_url(url: str) -> str:
    """An SQLAlchemy URL for nbgrader and ``weakties-grade``: PostgreSQL through psycopg 3.

    Examples
    --------
    >>> normalise_db_url("postgresql://grader@/weakties?host=/run/pg")
    'postgresql+psycopg://grader@/weakties?host=/run/pg'
    >>> normalise_db_url("sqlite:////srv/course/gradebook.db")
    'sqlite:////srv/course/gradebook.db'
    >>> normalise_db_url("mysql://x@y/z")
    Traceback (most recent call last):
    ...
    ValueError: the gradebook URL 'mysql://x@y/z' is neither SQLite ... nor PostgreSQL ...
    """
    url = url.strip()
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith(("postgresql+psycopg://", "sqlite:///")):
        return url
    raise ValueError(f"the gradebook URL {url!r} is neither SQLite (sqlite:///PATH) nor "
                     "PostgreSQL (postgresql://USER@HOST/DATABASE): fix WEAKTIES_DB_URL or the "
                     f"[gradebook] url of {SETTINGS}.")


def default_root() -> Path:
    """The course root when none is given (see the module documentation)."""
    env = os.environ.get("WEAKTIES_GRADING_DIR")
    return Path(env).expanduser() if env else Path.home() / "weakties-grading"


@dataclass(frozen=True)
class Course:
    """The folders of one course. All paths are absolute.

    Examples
    --------
    >>> c = Course("/tmp/my-course")
    >>> c.submitted
    PosixPath('/tmp/my-course/submitted')
    >>> c.submission("alice", "01-your-network")
    PosixPath('/tmp/my-course/submitted/alice/01-your-network')
    """

    root: Path = field(default_factory=default_root)
    source: Path = EXERCISES

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root).expanduser().resolve())
        object.__setattr__(self, "source", Path(self.source).expanduser().resolve())
        try:
            self.root.relative_to(PROJECT)
            inside = True
        except ValueError:
            inside = False
        if inside:
            raise ValueError(
                f"the course folder {self.root} is inside the project: student work must "
                "stay outside the tracked tree. Choose another folder with --course or "
                "WEAKTIES_GRADING_DIR."
            )

    @property
    def release(self) -> Path:
        return self.root / "release"

    @property
    def submitted(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback"

    @property
    def gradebook(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def db_url(self) -> str:
        """The gradebook's SQLAlchemy URL: the course setting, else ``gradebook.db`` (SQLite)."""
        return course_settings(self.root)["db_url"] or f"sqlite:///{self.gradebook}"

    @property
    def sqlite(self) -> bool:
        """Whether the gradebook is an SQLite file (else a PostgreSQL database)."""
        return self.db_url.startswith("sqlite:")

    @property
    def exchange(self) -> Path:
        """nbgrader's exchange: the course setting, else ``exchange/`` in the course root."""
        return Path(course_settings(self.root)["exchange_root"] or self.root / "exchange")

    def gradebook_label(self) -> str:
        """Where the gradebook is, for messages: its file, or its URL without a password."""
        if self.sqlite:
            return str(Path(self.db_url[len("sqlite:///"):]))
        from sqlalchemy.engine import make_url

        return make_url(self.db_url).render_as_string(hide_password=True)

    def has_gradebook(self) -> bool:
        """Whether the gradebook exists (PostgreSQL: whether the database has nbgrader's tables)."""
        if self.sqlite:
            return Path(self.db_url[len("sqlite:///"):]).is_file()
        from .gradebook import table_names

        return "assignment" in table_names(self)

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def submission(self, student: str, assignment: str) -> Path:
        return self.submitted / student / assignment

    def assignments(self) -> list[str]:
        """Source assignments: folders of ``exercises/`` holding a notebook."""
        if not self.source.is_dir():
            return []
        return sorted(p.name for p in self.source.iterdir()
                      if p.is_dir() and any(p.glob("*.ipynb")))

    def ensure(self) -> "Course":
        """Create the course root, its ``source`` link and ``nbgrader_config.py``."""
        self.root.mkdir(parents=True, exist_ok=True)
        link = self.root / "source"
        if link.is_symlink() and link.resolve() != self.source:
            link.unlink()
        if not link.exists():
            link.symlink_to(self.source, target_is_directory=True)
        stub = _CONFIG_STUB.format(project=str(PROJECT), root=str(self.root))
        cfg = self.root / "nbgrader_config.py"
        if not cfg.exists() or cfg.read_text() != stub:
            cfg.write_text(stub)
        return self

    def nbgrader_config(self):
        """A traitlets Config for nbgrader apps run on this course."""
        from traitlets.config import Config

        from ..nbgrader_config import configure

        c = Config()
        configure(c, course_root=str(self.root))
        return c


def released_notebooks(course: Course, assignment: str) -> list[str]:
    """Names (without ``.ipynb``) of the notebooks of ``assignment``, from its source."""
    folder = course.source / assignment
    return sorted(p.stem for p in folder.glob("*.ipynb"))
