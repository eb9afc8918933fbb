"""The event stage: who did what, with whom, where and when, with the evidence.

    Article + Analysis (resolved entities) + TimeExpression* → Event*

:mod:`.triggers` finds event words on lemmas (``extractors/lang/<lang>/events.toml``);
:mod:`.clause` bounds each trigger's clause; :mod:`.actors` and :mod:`.places`
fill its arguments from the parse (:mod:`.tree`) with positional fallbacks
(:mod:`.fallback`, :mod:`.relative`, :mod:`.names`, :mod:`.phrases`; :mod:`.aliases`
lets a bare title name an earlier person);
:mod:`.modality` says asserted, planned, negated or reported; :mod:`.dates`
attaches time expressions; :mod:`.merge` joins mentions of one event and
scores it (:mod:`.confidence`). :mod:`.extract` runs them in that order.
"""

from extractors.events.extract import extract_events
from extractors.events.merge import iso_date

__all__ = ["extract_events", "iso_date"]
