"""Which time expression dates which event mention, and on what basis.

``date_basis`` says where a mention's date comes from:

* ``explicit``: a time expression of the event's own clause — read off the
  dependency tree (:mod:`.attach`), or, without a parse, the nearest
  expression in the trigger's surface clause;
* ``sentence``: inherited from the event predicate it depends on in its
  sentence ("left Moscow on Monday and arrived in Beijing");
* ``context``: carried from an earlier sentence about the same actor and
  event chain ("X is in Washington today … He will meet Y");
* ``publication``: a present-tense report of a movement or meeting with no
  expression ("De Zeeuw goes to Ottawa"), dated the day of publication;
* ``none``: no date. Statements are never dated by publication or context:
  undated quotes stay undated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from extractors.events.attach import Predicate, attach, expression_head, governor, has_tree
from extractors.events.cues import DateCues, during, is_word
from extractors.events.draft import Draft
from extractors.events.merge import MERGEABLE
from extractors.events.noun_dates import noun_before
from extractors.records import Span, TimeExpression

DATED_KINDS = ("date", "time")
#: Rules of numbers read as years with no word saying so ("للأمم 2017"): they date no event.
BARE_YEAR_RULES = ("year_bare",)
#: Sentences back over which a date may be carried (``context``).
CONTEXT_SENTENCES = 2
#: Granularities precise enough to carry to the next sentences.
CARRIED_GRANULARITIES = ("day", "time")
#: Rule endings of a day or month whose year the expressions chose with no tense to go by.
UNTENSED = ("_past_default", "_nearest")


def attach_dates(drafts: Sequence[Draft], times: Sequence[TimeExpression], names: Sequence[Span] = (),
                 cues: DateCues = DateCues()) -> None:
    """Date the mentions of one sentence (all of ``drafts`` share it);
    ``names`` are the spans of its named entities, ``cues`` the language's
    statement and occasion words. A bare year (a number alone) dates nothing."""
    times = [t for t in times if t.rule not in BARE_YEAR_RULES]
    if not drafts or not times:
        return
    words = drafts[0].sentence.words
    if not has_tree(words):
        _by_surface(drafts, times)
        return
    predicates = predicates_of(drafts)
    owned = attach(words, predicates, [t.span for t in times], names, cues, [t.granularity for t in times])
    for t, n in owned.items():
        drafts[n].time, drafts[n].date_basis = times[t], "explicit"
    _share_with_noun_before(drafts, [times[t] for t in owned])
    free = [t for n, t in enumerate(times) if n not in owned]
    _share_with_statement_during(drafts, cues, free)
    inherit(drafts, predicates)


def _share_with_statement_during(drafts: Sequence[Draft], cues: DateCues, free: Sequence[TimeExpression] = ()) -> None:
    """A statement made during an event or occasion ("قال خلال زيارة أداها
    اليوم إلى … إن", "said during a visit to Sfax on Tuesday that", "أضافت على
    هامش وقفة احتجاجية نظمها اليوم الائتلاف") is dated by its day when the tree
    gave the statement none: what is said on a visit is said that day. The day
    is an asserted event noun's own, or an expression no event took inside the
    occasion's phrase (its relative clause with a subject of its own). The noun
    must follow the verb with no other verb between (content often opens
    without "that": "said she had met him during talks") and come before the
    content's opening word."""
    words = drafts[0].sentence.words
    by_index = {w.index: i for i, w in enumerate(words)}
    for d in drafts:
        if d.type != "announcement" or d.is_noun or d.time is not None:
            continue
        content = next((i for i in range(d.position + 1, len(words)) if is_word(words[i], cues.statement_content)), len(words))
        around = lambda at: (d.position < at < content and during(words, at, cues)  # noqa: E731
                             and not any(w.upos in ("VERB", "AUX") for w in words[d.position + 1 : at]))
        days = [e.time for e in drafts if e.is_noun and e.type != "announcement" and e.date_basis == "explicit"
                and e.modality == "asserted" and around(e.position)]
        days += [t for t in free if _occasion_of(words, t.span, by_index, around) is not None]
        day = next((t for t in days if t.granularity == "day"), None)
        if day is not None:
            d.time, d.date_basis = day, "sentence"


def _occasion_of(words, span: Span, by_index, around, reach: int = 4) -> int | None:
    """Position of the noun above the expression, at most ``reach`` steps up the tree, for which ``around`` holds."""
    node = expression_head(words, span)
    for _ in range(reach):
        if node is None or words[node].head not in by_index:
            return None
        node = by_index[words[node].head]
        if around(node):
            return node
    return None


def _share_with_noun_before(drafts: Sequence[Draft], owned: Sequence[TimeExpression]) -> None:
    """An event noun written right before an expression another predicate owns
    is dated by it too ("قال خلال زيارته أمس إن …", "said during his visit
    today"): a noun and the time word after it form one phrase, whatever the
    parse made of it, and the predicate keeps the date it was given."""
    words = drafts[0].sentence.words
    for t in owned:
        undated = {d.position: d for d in drafts if d.is_noun and d.time is None}
        noun = noun_before(words, t.span, list(undated), gap=1) if undated else None
        if noun is not None and words[noun].span.end <= t.span.start:
            undated[noun].time, undated[noun].date_basis = t, "explicit"


#: The value of an expression that points ahead without a date ("soon", "خلال الأيام المقبلة").
FUTURE_REFERENCE = "FUTURE_REF"


def plans_by_reference(drafts: Sequence[Draft], times: Sequence[TimeExpression], names: Sequence[Span] = (),
                       cues: DateCues = DateCues()) -> None:
    """An asserted event that an undated future reference belongs to ("يزور
    الرئيس الجزائر خلال الأيام المقبلة", "will soon visit") is a plan with no
    date: planned, so that no publication day is given to its present verb."""
    refs = [t for t in times if t.value == FUTURE_REFERENCE]
    if not drafts or not refs or not has_tree(drafts[0].sentence.words):
        return
    predicates = predicates_of(drafts)
    for n in attach(drafts[0].sentence.words, predicates, [t.span for t in refs], names, cues).values():
        if drafts[n].modality == "asserted" and drafts[n].type != "announcement" and drafts[n].time is None:
            drafts[n].modality = "planned"


def recurring(drafts: Sequence[Draft], times: Sequence[TimeExpression], names: Sequence[Span] = (),
              cues: DateCues = DateCues()) -> None:
    """An event a recurring expression belongs to ("يجتمع المجلس مرة كل ثلاثة
    أشهر", "meets every week") is a habit: no publication day, no date carried
    to it from context."""
    sets = [t for t in times if t.kind == "set"]
    if not drafts or not sets or not has_tree(drafts[0].sentence.words):
        return
    for n in attach(drafts[0].sentence.words, predicates_of(drafts), [t.span for t in sets], names, cues).values():
        drafts[n].recurring = True


def inherit(drafts: Sequence[Draft], predicates: Sequence[Predicate]) -> None:
    """Undated predicates take the date of the event they depend on (chains
    too), when both are facts or both plans: a plan hanging on a past event
    ("left on Sunday for Russia, where he is expected to meet") is not dated by it."""
    words = drafts[0].sentence.words
    for _ in range(len(drafts)):
        changed = False
        for n, d in enumerate(drafts):
            if d.time is not None:
                continue
            g = governor(words, predicates, n)
            if g is not None and drafts[g].time is not None and MERGEABLE[drafts[g].modality] == MERGEABLE[d.modality]:
                d.time, d.date_basis, changed = drafts[g].time, "sentence", True
        if not changed:
            return


def _by_surface(drafts: Sequence[Draft], times: Sequence[TimeExpression]) -> None:
    """Without a parse: the nearest expression of the trigger's surface clause."""
    used: set[Span] = set()
    for d in drafts:
        lo, hi = d.clause.words[d.clause.start].span.start, d.clause.words[d.clause.end - 1].span.end
        inside = [t for t in times if lo <= t.span.start and t.span.end <= hi and t.span not in used]
        if inside:
            d.time = min(inside, key=lambda t: abs(t.span.start - d.trigger.span.start))
            d.date_basis = "explicit"
            used.add(d.time.span)


def carry_context(drafts: Sequence[Draft]) -> None:
    """An undated movement or meeting takes the day-precise date of the latest
    dated event of the same actor in the previous sentences, when nothing
    between them (another dated event of that actor) breaks the chain."""
    for i, d in enumerate(drafts):
        if d.time is not None or d.type == "announcement" or d.modality == "negated" or d.actor is None or d.recurring:
            continue
        for earlier in reversed(drafts[:i]):
            gap = d.sentence.index - earlier.sentence.index
            if gap > CONTEXT_SENTENCES:
                break
            if gap == 0 or earlier.actor is None or earlier.actor.resolved != d.actor.resolved:
                continue
            if earlier.time is not None and earlier.date_basis in ("explicit", "sentence"):
                if earlier.time.granularity in CARRIED_GRANULARITIES and earlier.type != "announcement":
                    d.time, d.date_basis = earlier.time, "context"
                break


def publication_dates(drafts: Sequence[Draft], published: date | None, present_feats: Sequence[str]) -> None:
    """A present-tense, asserted movement or meeting with no date happens on
    the day of publication ("De Zeeuw goes to Ottawa", "يتوجه الوزير إلى")."""
    if published is None or not present_feats:
        return
    for d in drafts:
        if d.time is not None or d.is_noun or d.type == "announcement" or d.modality != "asserted" or d.recurring:
            continue
        feats = set((d.trigger.feats or "").split("|"))
        if all(f in feats for f in present_feats):
            d.time, d.date_basis = publication_day(published), "publication"


def scheduled_present(drafts: Sequence[Draft], published: date | None, present_feats: Sequence[str]) -> None:
    """A present-tense movement or meeting with a date of its own is a
    schedule, as news writes them ("X meets Y on Friday", "goes to Canada later
    this week"): a weekday read as the past one is the coming one, so is a day
    or month put before publication with no tense to go by ("ministers meet
    again in September", read in June), and a date that starts after
    publication (the time expressions say "later this week" is the rest of the
    week) makes the event planned, never asserted."""
    if published is None or not present_feats:
        return
    for d in drafts:
        if d.time is None or d.date_basis != "explicit" or d.is_noun or d.type == "announcement" or d.modality != "asserted":
            continue
        if not all(f in (d.trigger.feats or "").split("|") for f in present_feats):
            continue
        d.time = t = _coming(d.time, published, weekday_of_publication=True)  # "ministers meet again in September", read in June
        if t.date_start is not None and t.date_start > published:
            d.modality = "planned"


def future_is_planned(drafts: Sequence[Draft], published: date | None) -> None:
    """A movement or meeting that its own expression dates after publication
    has not happened when the article is written: planned, whatever the verb
    ("يؤدي الوزير غدا زيارة", a visit carried by a present-tense light verb;
    "talks on Friday" read on a Tuesday). Run after the dates are final."""
    for d in drafts:
        if d.modality == "asserted" and d.type != "announcement" and d.date_basis == "explicit" and _after(d, published):
            d.modality = "planned"


def statements_by_publication(drafts: Sequence[Draft], published: date | None) -> None:
    """A statement the article reports as made was made by publication: a later day is what it is about
    ("دعت إلى تحرك يوم 21 مارس الجاري"), never its date. Run after the dates are final."""
    for d in drafts:
        if d.type == "announcement" and d.modality in ("asserted", "reported") and _after(d, published):
            d.time, d.date_basis = None, "none"


def _after(d: Draft, published: date | None) -> bool:
    return published is not None and d.time is not None and d.time.date_start is not None and d.time.date_start > published


def plans_ahead(drafts: Sequence[Draft], published: date | None) -> None:
    """A planned event's day or month that the time expressions put before
    publication only for want of a tense ("a special meeting expected in June",
    "is likely to visit Madrid in June" read in September) is the coming one: a
    plan is for later. Only dates the expressions chose with no tense to go by
    (:data:`UNTENSED`, a bare weekday) move; a past the text states ("last
    June") stays."""
    if published is None:
        return
    for d in drafts:
        if d.time is not None and d.modality == "planned" and d.date_basis in ("explicit", "sentence"):
            d.time = _coming(d.time, published)


def _coming(t: TimeExpression, published: date, weekday_of_publication: bool = False) -> TimeExpression:
    """The coming occurrence of a date the expressions put before publication
    with no tense to go by: a bare weekday a week on (also the publication's own
    weekday when ``weekday_of_publication``), a day or month of :data:`UNTENSED`
    a year on; any other date as it is."""
    if t.date_start is None:
        return t
    before = t.date_start < published
    if t.rule.startswith("weekday_past") and (before or weekday_of_publication):
        return _week_later(t)
    if before and t.rule.endswith(UNTENSED) and t.granularity in ("day", "month"):
        return _year_later(t)
    return t


def _year_later(t: TimeExpression) -> TimeExpression:
    """The same day or month a year on."""
    start, end = (x.replace(year=x.year + 1) if not (x.month == 2 and x.day == 29) else x.replace(year=x.year + 1, day=28)
                  for x in (t.date_start, t.date_end))
    value = f"{start.year}{t.value[4:]}"
    base = t.rule.removesuffix("_past_default").removesuffix("_nearest")
    return replace(t, value=value, date_start=start, date_end=end, rule=base + "_future")


def _week_later(t: TimeExpression) -> TimeExpression:
    """The same weekday a week on: the coming one rather than the past one."""
    start = t.date_start + timedelta(days=7)
    return replace(t, value=start.isoformat() + t.value[10:], date_start=start, date_end=start, rule=t.rule.replace("past", "future"))


def publication_day(published: date) -> TimeExpression:
    """The publication day as a date with no text of its own."""
    return TimeExpression("", Span(0, 0), "date", published.isoformat(), "day", published, published, "publication", published)


def predicates_of(drafts: Sequence[Draft]) -> list[Predicate]:
    """The drafts as the attachment sees them: position, noun or verb, statement or not."""
    return [Predicate(d.position, d.is_noun, d.type == "announcement") for d in drafts]
