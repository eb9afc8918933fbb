"""Mentions of one event merged into one :class:`Event` row with its evidence.

Two mentions are one event when type, actor (resolved name) and factuality
agree, their counterparts do not conflict and their dates overlap. Statements
are one event per speaker and day: repeated "said" of one speaker merge unless
their dates conflict or one reports an earlier, dated statement of the speaker
("said it announced on February 25"), and the event keeps every mention as evidence. A short
form of a name of the article ("Thatcher", "the spokesman", "الوزيرة") is the
speaker of the one longer name it belongs to (:mod:`.speakers`); the event
then shows the fullest name its mentions give.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from extractors import EXTRACTOR_VERSION
from extractors.events.clause import Argument
from extractors.events.confidence import Evidence, score
from extractors.events.draft import Draft
from extractors.events.speakers import same_speaker, speaker_keys
from extractors.events.tree import descendants
from extractors.records import Article, Event, EventMention, TimeExpression

#: Modalities whose mentions may describe the same event; "planned" and
#: "negated" never merge with what happened.
#: Date bases from the most to the least telling: a merged event takes the best.
BASIS_RANK = ("explicit", "sentence", "context", "publication", "none")
MERGEABLE = {"asserted": "factual", "reported": "factual", "planned": "planned", "negated": "negated"}


def merge(article: Article, lang: str, drafts: Sequence[Draft], names: Sequence[str] = (), articles: Sequence[str] = ()) -> list[Event]:
    """``names`` are the article's other names of people and organizations, and
    ``articles`` the language's definite articles, for :func:`speaker_keys`."""
    keys = speaker_keys([_name(d.actor) for d in drafts] + list(names), lang, articles)
    groups: list[list[Draft]] = []
    for d in drafts:
        group = next((g for g in groups if _same_event(g[0], d, keys)
                      and all(_dates_agree(x, d) and not _reports_earlier(x, d, article) and not _reports_earlier(d, x, article) for x in g)), None)
        if group is None:
            groups.append([d])
        else:
            group.append(d)
    return [_event(article, lang, g) for g in groups]


def _name(actor: Argument) -> str:
    return actor.resolved or actor.text


def _same_event(a: Draft, b: Draft, keys: dict) -> bool:
    if a.type != b.type or not same_speaker(keys, _name(a.actor), _name(b.actor)) or MERGEABLE[a.modality] != MERGEABLE[b.modality]:
        return False
    ca, cb = (x.roles.get("counterpart") for x in (a, b))
    if ca and cb and ca.resolved != cb.resolved:
        return False
    if a.time and b.time:
        return a.time.date_start <= b.time.date_end and b.time.date_start <= a.time.date_end
    return True


def _dates_agree(a: Draft, b: Draft) -> bool:
    """No conflict of dates: one undated, or overlapping ranges."""
    if a.time is None or b.time is None:
        return True
    return a.time.date_start <= b.time.date_end and b.time.date_start <= a.time.date_end


def _reports_earlier(outer: Draft, inner: Draft, article: Article) -> bool:
    """``inner`` is a statement verb dated before the publication day that
    ``outer``, undated, reports ("THL said it announced on February 25 its
    intention …"): an earlier statement, not a mention of the one being made
    (a statement noun, "في تصريح اليوم", is the one being made)."""
    return (outer.time is None and inner.date_basis == "explicit" and inner.type == "announcement" and not inner.is_noun
            and article.published is not None and inner.time.date_end < article.published and reported_by(outer, inner))


def reported_by(outer: Draft, inner: Draft) -> bool:
    """``inner`` lies below the statement verb ``outer`` in their sentence: in what ``outer`` reports."""
    return (outer is not inner and outer.type == "announcement" and not outer.is_noun and outer.sentence is inner.sentence
            and inner.trigger.index in descendants(outer.sentence.words, outer.trigger) - {outer.trigger.index})


def _event(article: Article, lang: str, group: list[Draft]) -> Event:
    first = group[0]
    named = max(group, key=lambda d: len(_name(d.actor).split()))  # the fullest name of the speaker
    dated = min((d for d in group if d.time), key=lambda d: BASIS_RANK.index(d.date_basis), default=None)
    modality_ = "asserted" if any(d.modality == "asserted" for d in group) else first.modality
    role = lambda name: next((d.roles[name] for d in group if d.roles.get(name)), None)  # noqa: E731
    counterpart = role("counterpart")
    evidence = Evidence(
        trigger_pos="noun" if first.is_noun else "verb",
        actor_source=first.actor.source,
        actor_type_fits=first.actor.label in ("PER", "ORG"),
        date_basis=dated.date_basis if dated else "none",
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
        actor=_text(named.actor),
        actor_resolved=named.actor.resolved,
        counterpart=_text(counterpart),
        counterpart_resolved=counterpart.resolved if counterpart else None,
        origin=_text(role("origin")),
        destination=_text(role("destination")),
        location=_text(role("location")),
        date=iso_date(t) if t else None,
        date_start=t.date_start if t else None,
        date_end=t.date_end if t else None,
        granularity=t.granularity if t else None,
        date_text=(t.text or None) if t else None,
        date_basis=dated.date_basis if dated else "none",
        extractor_version=EXTRACTOR_VERSION,
        mentions=tuple(
            EventMention(d.trigger.text, d.trigger.span, d.sentence.index, d.modality, (d.time.text or None) if d.time else None)
            for d in group
        ),
    )


def _text(argument: Argument | None) -> str | None:
    """A name on one line: one the wire wrapped ("Dairy Farm International Holdings\nLtd") is one name."""
    return " ".join(argument.text.split()) if argument else None


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
