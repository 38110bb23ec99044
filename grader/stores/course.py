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
"""

from __future__ import annotations

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
        return f"sqlite:///{self.gradebook}"

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
