"""Errors that a user can fix, shown as one line without a traceback."""

from extractors.errors import DatelineError


class UserError(DatelineError):
    """An expected CLI failure with an actionable, one-line message."""
