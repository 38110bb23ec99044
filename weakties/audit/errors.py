"""The errors and warnings of :mod:`weakties.audit`.

Every problem with a file the learner brings is reported as an
:class:`AuditInputError` whose message says what is wrong and how to fix it.
Messages never quote a cell of the file that could hold a person's name,
email or profile address: they point to line and column numbers instead.
"""

from __future__ import annotations

__all__ = ["AuditInputError", "AuditWarning"]


class AuditInputError(ValueError):
    """A file or value given to the audit cannot be used; the message says why and what to do.

    A subclass of :class:`ValueError`, so ``except ValueError`` catches it.

    Examples
    --------
    >>> issubclass(AuditInputError, ValueError)
    True
    """


class AuditWarning(UserWarning):
    """Something in the file was skipped or guessed; the data is still usable.

    Examples
    --------
    >>> issubclass(AuditWarning, UserWarning)
    True
    """
