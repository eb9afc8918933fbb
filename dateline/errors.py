"""Errors that a user can fix, shown as one line without a traceback."""


class UserError(Exception):
    """An expected failure with an actionable, one-line message."""
