"""The one exception every layer may raise for a mistake the user can fix."""

from __future__ import annotations

__all__ = ["UserError"]


class UserError(Exception):
    """A mistake the user can fix: the message names the problem and the fix."""
