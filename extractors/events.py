"""Dated events from an analyzed article: who did what, with whom, where, when.

For each sentence: triggers are found on lemmas and parts of speech
(``extractors/lang/<lang>/events.toml``), their arguments in the trigger's
clause (:mod:`extractors.event_args`), their modality (:mod:`extractors.modality`)
and their date — the time expression in the trigger's clause, else one in its
sentence that no other event took (less sure), else none: never the
publication date by default. Mentions of one event are then merged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors import EXTRACTOR_VERSION, lexicon
from extractors.confidence import Evidence, score
from extractors.entities import canonical
from extractors.event_args import Argument, Clause, Query, figurative_motion, find_actor, find_places_and_counterpart, tidy_entities
from extractors.event_triggers import find_triggers
from extractors.modality import modality
from extractors.records import Analysis, Article, Entity, Event, EventMention, Sentence, TimeExpression

DATED_KINDS = ("date", "time")
#: Modalities whose mentions may describe the same event; "planned" and
#: "negated" never merge with what happened.
MERGEABLE = {"asserted": "factual", "reported": "factual", "planned": "planned", "negated": "negated"}


@dataclass
class Draft:
    """An event mention while it is being assembled (internal, mutable)."""

    type: str
    sentence: Sentence
    position: int
    is_noun: bool
    clause: Clause
    actor: Argument | None = None
    roles: dict | None = None
    modality: str = "asserted"
    time: TimeExpression | None = None
    date_attachment: str | None = None
    pronoun_subject: bool = False

    @property
    def trigger(self):
        return self.sentence.words[self.position]


def extract_events(article: Article, analysis: Analysis, times: Sequence[TimeExpression]) -> tuple[Event, ...]:
    lex = lexicon.load(analysis.lang, "events")
    if not lex:
        return ()
    lex = {**lex, "lang": analysis.lang}
    drafts: list[Draft] = []
    for sentence in analysis.sentences:
        drafts += _sentence_events(article.text, sentence, analysis.entities, times, lex, analysis.lang)
    _resolve_anaphors(drafts, analysis.entities, lex, analysis.lang)
    kept = [d for d in drafts if d.actor is not None]
    return tuple(_merge(article, analysis.lang, kept))


# --- per sentence ------------------------------------------------------------


def _sentence_events(text, sentence, entities, times, lex, lang) -> list[Draft]:
    words = sentence.words
    ents = tidy_entities([e for e in entities if sentence.span.start <= e.span.start < sentence.span.end], words, text, lex, lang)
    sentence_times = tuple(t.span for t in times if sentence.span.contains(t.span))
    drafts = []
    for position, event_type, is_noun in find_triggers(words, lex):
        start, end = _clause_bounds(words, position, lex)
        clause = Clause(words, position, start, end, text, sentence_times)
        if not is_noun and figurative_motion(clause, ents, event_type, lex):
            continue
        draft = Draft(event_type, sentence, position, is_noun, clause)
        actor = find_actor(clause, ents, Query(event_type, is_noun, lex, lang))
        if actor == "pronoun":
            draft.pronoun_subject = True
        elif actor is not None:
            draft.actor = actor
        if draft.actor is None and (draft.pronoun_subject or lex["actors"]["pro_drop"]) and not is_noun:
            draft.actor = _inherited(drafts)
        draft.roles = find_places_and_counterpart(clause, ents, event_type, draft.actor, lex)
        cue_start = _cue_window_start(words, position, lex)
        draft.modality = modality(words, position, (cue_start, end), is_noun, _is_reported(drafts, words, position, lex), lex["modality"])
        drafts.append(draft)
    _attach_dates(drafts, [t for t in times if sentence.span.contains(t.span) and t.kind in DATED_KINDS and t.date_start])
    return drafts


def _clause_bounds(words, position: int, lex: dict) -> tuple[int, int]:
    breaks = set(lex["syntax"]["clause_breaks"])
    start = position
    while start > 0 and words[start - 1].text.casefold() not in breaks:
        start -= 1
    end = position + 1
    while end < len(words) and words[end].text.casefold() not in breaks:
        end += 1
    return start, end


def _cue_window_start(words, position: int, lex: dict, limit: int = 6) -> int:
    """Where modality cues may start: back over complementizers, not past
    punctuation or another clause break, at most ``limit`` words."""
    breaks = set(lex["syntax"]["clause_breaks"]) - set(lex["modality"]["complementizers"])
    start = position
    while start > 0 and position - start < limit:
        word = words[start - 1]
        if word.upos == "PUNCT" or word.text.casefold() in breaks:
            break
        start -= 1
    return start


def _is_reported(drafts: Sequence[Draft], words, position: int, lex: dict) -> bool:
    """Inside the complement of an earlier statement in the same sentence."""
    complementizers = set(lex["modality"]["complementizers"])
    for d in drafts:
        if d.type == "announcement" and d.position < position:
            between = {w.text.casefold() for w in words[d.position + 1 : position]}
            if between & complementizers:
                return True
    return False


def _inherited(drafts: Sequence[Draft]) -> Argument | None:
    for d in reversed(drafts):
        if d.actor is not None and not d.is_noun:  # an unexpressed subject continues a verb's
            return replace(d.actor, source="inherited")
    return None


def _attach_dates(drafts: Sequence[Draft], times: Sequence[TimeExpression]) -> None:
    """Clause-level dates first; then each unused time goes to the nearest
    event of its sentence that still has none."""
    used = set()
    for d in drafts:
        lo, hi = d.clause.words[d.clause.start].span.start, d.clause.words[d.clause.end - 1].span.end
        inside = [t for t in times if lo <= t.span.start and t.span.end <= hi and t.span not in used]
        if inside:
            d.time = min(inside, key=lambda t: abs(t.span.start - d.trigger.span.start))
            d.date_attachment = "clause"
            used.add(d.time.span)
    for t in times:
        if t.span in used:
            continue
        waiting = [d for d in drafts if d.time is None and not _verb_between(d, t)]
        if waiting:
            d = min(waiting, key=lambda d: abs(t.span.start - d.trigger.span.start))
            d.time, d.date_attachment = t, "sentence"
            used.add(t.span)


def _verb_between(d: Draft, t: TimeExpression) -> bool:
    """A verb between a trigger and a time expression usually owns the time."""
    lo, hi = sorted((d.trigger.span.end, t.span.start if t.span.start >= d.trigger.span.end else t.span.end))
    return any(w.upos in ("VERB", "AUX") and lo <= w.span.start < hi and w is not d.trigger for w in d.sentence.words)


def _resolve_anaphors(drafts: Sequence[Draft], entities: Sequence[Entity], lex: dict, lang: str) -> None:
    """"الوكالة"/"the agency" → the latest earlier organization it names."""
    anaphors = {canonical(k, lang): canonical(v, lang) for k, v in lex["actors"].get("anaphors", {}).items()}
    for i, d in enumerate(drafts):
        if d.actor is None or d.actor.label is not None or d.actor.resolved not in anaphors:
            continue
        key = anaphors[d.actor.resolved]
        earlier = [x.actor.resolved for x in drafts[:i] if x.actor and x.actor.resolved != d.actor.resolved]
        earlier += [e.resolved for e in entities if e.label == "ORG" and e.span.end <= d.actor.span.start]
        antecedent = next((name for name in reversed(earlier) if key in name.split()), None)
        if antecedent:
            d.actor = replace(d.actor, resolved=antecedent, source="anaphor")


# --- merging -----------------------------------------------------------------


def _merge(article: Article, lang: str, drafts: Sequence[Draft]) -> list[Event]:
    groups: list[list[Draft]] = []
    for d in drafts:
        group = next((g for g in groups if _same_event(g[0], d)), None)
        if group is None:
            groups.append([d])
        else:
            group.append(d)
    return [_event(article, lang, g) for g in groups]


def _same_event(a: Draft, b: Draft) -> bool:
    if a.type != b.type or a.actor.resolved != b.actor.resolved or MERGEABLE[a.modality] != MERGEABLE[b.modality]:
        return False
    ca, cb = (x.roles.get("counterpart") for x in (a, b))
    if ca and cb and ca.resolved != cb.resolved:
        return False
    if a.time and b.time:
        return a.time.date_start <= b.time.date_end and b.time.date_start <= a.time.date_end
    return a.type != "announcement"  # statements without dates are too many to merge blindly


def _event(article: Article, lang: str, group: list[Draft]) -> Event:
    first = group[0]
    dated = next((d for d in group if d.time), None)
    modality_ = "asserted" if any(d.modality == "asserted" for d in group) else first.modality
    role = lambda name: next((d.roles[name] for d in group if d.roles.get(name)), None)  # noqa: E731
    counterpart = role("counterpart")
    evidence = Evidence(
        trigger_pos="noun" if first.is_noun else "verb",
        actor_source=first.actor.source,
        actor_type_fits=first.actor.label in ("PER", "ORG"),
        date_attachment=dated.date_attachment if dated else None,
    )
    t = dated.time if dated else None
    return Event(
        event_id=_event_id(article.article_id, first),
        article_id=article.article_id,
        lang=lang,
        type=first.type,
        trigger=first.trigger.text,
        span=first.trigger.span,
        sentence_index=first.sentence.index,
        modality=modality_,
        confidence=score(evidence, mentions=len(group)),
        actor=first.actor.text,
        actor_resolved=first.actor.resolved,
        counterpart=counterpart.text if counterpart else None,
        counterpart_resolved=counterpart.resolved if counterpart else None,
        origin=_text(role("origin")),
        destination=_text(role("destination")),
        location=_text(role("location")),
        date=iso_date(t) if t else None,
        date_start=t.date_start if t else None,
        date_end=t.date_end if t else None,
        granularity=t.granularity if t else None,
        date_text=t.text if t else None,
        extractor_version=EXTRACTOR_VERSION,
        mentions=tuple(
            EventMention(d.trigger.text, d.trigger.span, d.sentence.index, d.modality, d.time.text if d.time else None)
            for d in group
        ),
    )


def _text(argument: Argument | None) -> str | None:
    return argument.text if argument else None


def iso_date(t: TimeExpression) -> str:
    """The date at its granularity: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, an
    ISO week, or a ``start/end`` interval for ranges and decades."""
    if t.granularity in ("day", "time"):
        return t.date_start.isoformat()
    if t.granularity == "month":
        return t.date_start.isoformat()[:7]
    if t.granularity == "year":
        return str(t.date_start.year)
    if t.granularity == "week":
        return t.value
    return f"{t.date_start.isoformat()}/{t.date_end.isoformat()}"


def _event_id(article_id: str, first: Draft) -> str:
    key = f"{article_id}|{first.type}|{first.trigger.span.start}|{first.trigger.span.end}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]
