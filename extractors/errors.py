"""Expected failures, each with a one-line, actionable message.

They live here (not in the CLI) so that pure extractor code can raise them; the
CLI prints ``str(exc)`` as one line and never a traceback.
"""


class DatelineError(Exception):
    """Base of every failure a user can act on."""


class ModelsMissing(DatelineError):
    """Stanza models for a language are not in the model directory."""


class UnsupportedLanguage(DatelineError):
    """No language data or models for an article's language."""


class DatabaseBusy(DatelineError):
    """Another process holds the DuckDB file."""


class TimeBudgetExceeded(DatelineError):
    """One article took longer than its time budget (recorded as ``too_slow``)."""
