"""nbgrader's exchange on a shared server: a submission is collected only from its owner.

Students hand in through nbgrader's exchange: ``nbgrader submit`` (or the
Assignment List's Submit button) copies the notebook into the course's
``inbound/`` folder under the name ``<student>+<assignment>+<time>+<random>``.
The student id in that name is whatever the submitting program says: a
student can write ``nbgrader submit A --student bob``. Stock nbgrader's
collect compares the name with the folder's Unix owner but only *warns*, and
collects the newest submission per name: a student could replace a
classmate's work.

:class:`OwnerCheckedCollect` collects a submission only when its folder
belongs to the Unix user it names; any other is left in ``inbound/`` and
listed in the log, and never hides the named student's own submission.
:mod:`grader.nbgrader_config` uses it whenever the course has a shared
exchange (``deploy/hub/``).
"""

from __future__ import annotations

import os
import pwd

from nbgrader.exchange.default.collect import ExchangeCollect

__all__ = ["OwnerCheckedCollect", "owner_of"]


def owner_of(path: str) -> str | None:
    """The Unix user name that owns ``path`` (``None`` when the uid has no name).

    Examples
    --------
    >>> import os, pwd, tempfile
    >>> owner_of(tempfile.mkdtemp()) == pwd.getpwuid(os.getuid()).pw_name
    True
    """
    try:
        return pwd.getpwuid(os.lstat(path).st_uid).pw_name
    except KeyError:
        return None


class OwnerCheckedCollect(ExchangeCollect):
    """Collect, from a shared exchange, only the submissions owned by the student they name."""

    def _path_to_record(self, path):
        record = super()._path_to_record(path)
        owner = owner_of(os.path.join(self.inbound_path, record["filename"]))
        if owner != record["username"]:
            # In a group of its own, so that it never hides the named student's work.
            record.update(refused_owner=owner, claimed=record["username"],
                          username="\0" + record["filename"])
        return record

    def init_src(self):
        super().init_src()
        kept = []
        for record in self.src_records:
            if "refused_owner" in record:
                self.log.warning(
                    "Not collected: %s names the student %s but belongs to the user %s "
                    "(a student may only hand in their own work).", record["filename"],
                    record["claimed"], record["refused_owner"] or "unknown")
            else:
                kept.append(record)
        self.src_records = kept
