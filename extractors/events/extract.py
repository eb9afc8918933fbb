"""Dated events from an analyzed article: who did what, with whom, where, when.

For each sentence: triggers are found on lemmas and parts of speech
(``extractors/lang/<lang>/events.toml``), their arguments in the trigger's
clause (:mod:`.actors`, :mod:`.places`), their modality (:mod:`.modality`)
and their date (:mod:`.dates`) — the time expression in the trigger's clause,
else one in its sentence that no other event took (less sure), else none:
never the publication date by default. Mentions of one event are then merged
(:mod:`.merge`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors import lexicon
from extractors.entities import canonical
from extractors.events.actors import find_actor
from extractors.events.holders import issued_document, verb_with_subject
from extractors.events.aliases import name_titles, resolve_titles, speak_for_organizations
from extractors.events.clause import NO_ACTOR, Argument, Clause, Query, from_entity
from extractors.events.cues import DateCues
from extractors.events.fallback import complement_topic
from extractors.events.dates import (
    DATED_KINDS, attach_dates, carry_context, future_is_planned, plans_ahead, plans_by_reference, publication_dates, recurring, scheduled_present,
    statements_by_publication,
)
from extractors.events.draft import Draft
from extractors.events.merge import merge, reported_by
from extractors.events.modality import governed_modality, modality, plans_below, scheduled_progressive
from extractors.events.places import figurative_motion, find_places_and_counterpart
from extractors.events.senses import other_sense
from extractors.events.sources import source_drafts
from extractors.events.time_heads import free_time_heads
from extractors.events.tree import possessor_clitic
from extractors.events.wordsets import canonical_set
from extractors.events.triggers import find_triggers, is_manner_word, needs_destination
from extractors.records import Analysis, Article, Entity, Event, TimeExpression


#: Publication dates too weak to date a present-tense report.
GUESSED_PUBLICATION = ("mtime", "none")


def extract_events(article: Article, analysis: Analysis, times: Sequence[TimeExpression]) -> tuple[Event, ...]:
    lex = lexicon.load(analysis.lang, "events")
    if not lex:
        return ()
    lex = {**lex, "lang": analysis.lang, "date_cues": DateCues.of(lex["dates"])}
    times = _outside_names(times, analysis.entities)
    drafts: list[Draft] = []
    dated = [t.span for t in times if t.kind in DATED_KINDS]
    for sentence in analysis.sentences:
        sentence = free_time_heads(sentence, [s for s in dated if sentence.span.contains(s)])
        previous = _inherited(drafts) if lex["actors"]["continue_across_sentences"] else None
        drafts += _sentence_events(article.text, sentence, analysis.entities, times, lex, analysis.lang, previous)
    _resolve_anaphors(drafts, analysis.entities, lex, analysis.lang)
    resolve_titles(drafts, lex, analysis.lang)
    name_titles(drafts, lex, analysis.lang)
    speak_for_organizations(drafts, analysis.entities, lex, analysis.lang)
    kept = [d for d in drafts if d.actor is not None]
    carry_context(kept)
    if article.published_source not in GUESSED_PUBLICATION:
        scheduled_present(kept, article.published, lex["dates"]["present_feats"])
        plans_ahead(kept, article.published)
        future_is_planned(kept, article.published)
        statements_by_publication(kept, article.published)
        publication_dates(kept, article.published, lex["dates"]["present_feats"])
    names = [e.resolved or e.text for e in analysis.entities if e.label in ("PER", "ORG")]
    return tuple(merge(article, analysis.lang, kept, names, lex.get("senses", {}).get("articles", ())))


def _outside_names(times: Sequence[TimeExpression], entities: Sequence[Entity]) -> list[TimeExpression]:
    """Time expressions that are no part of a longer person or organization name: "Daily" in "The
    China Daily said", "Sunday" in "the Sunday Times" name a paper, not when anything happened."""
    names = [e.span for e in entities if e.label in ("PER", "ORG")]
    return [t for t in times if not any(n.start <= t.span.start and t.span.end <= n.end and (n.end - n.start) > (t.span.end - t.span.start) for n in names)]


# --- per sentence ------------------------------------------------------------


def _sentence_events(text, sentence, entities, times, lex, lang, previous: Argument | None = None) -> list[Draft]:
    """The events of one sentence; ``previous`` is the actor a subjectless verb
    continues when no earlier event of the sentence has one (pro-drop languages)."""
    words = sentence.words
    in_sentence = [t for t in times if sentence.span.contains(t.span)]
    sentence_times = tuple(t.span for t in in_sentence)
    inside = lambda e: sentence.span.start <= e.span.start < sentence.span.end or sentence.span.start < e.span.end <= sentence.span.end  # noqa: E731
    ents = [e for e in entities if inside(e)  # a name the splitter cut ("Hanover Insurance | Co said") ends here
            and not any(e.span.overlaps(t) for t in sentence_times)]  # "Monday's" tagged as a person is a day
    drafts = []
    triggers = list(find_triggers(words, lex))
    said_by = {words[p].index for p, t, noun in triggers if t == "announcement" and not noun}
    for position, event_type, is_noun in triggers:
        if other_sense(words, position, event_type, is_noun, lex):
            continue  # "لقاء" of two teams, "وادي زار", "علّق الإضراب"
        if is_noun and words[position].head in said_by and words[position].deprel in ("nsubj", "nsubj:pass") \
                and issued_document(words[position], lex, lang):
            continue  # "أفاد بيان للوزارة": the document is the verb's statement, not a second one
        start, end = _clause_bounds(words, position, lex)
        clause = Clause(words, position, start, end, text, sentence_times)
        if not is_noun and figurative_motion(clause, ents, event_type, lex):
            continue
        draft = Draft(event_type, sentence, position, is_noun, clause)
        actor = find_actor(clause, ents, Query(event_type, is_noun, lex, lang))
        if actor == "pronoun":
            draft.pronoun_subject = True
        elif isinstance(actor, Argument):
            draft.actor = actor
        pro_drop = lex["actors"]["pro_drop"]
        if actor != NO_ACTOR and draft.actor is None and (draft.pronoun_subject or pro_drop) and (not is_noun or (pro_drop and draft.pronoun_subject) or _pronoun_holds(words, position)):
            continues = event_type == "announcement" or (is_noun and draft.pronoun_subject)  # "وأضاف", "زيارته"
            draft.actor = _continued(drafts, words, position, ents, lex) or (previous if continues else None)  # a possessor clitic too: "أكد X خلال استقباله Y"
            if is_noun and draft.actor is not None and draft.actor.label in ("PER", None) and _plural_possessor(words, position):
                draft.actor = None  # "لدى وصولهم": their arrival is not the one person's or source's said before
        draft.roles = find_places_and_counterpart(clause, ents, event_type, draft.actor, lex)
        if not is_noun and "destination" not in draft.roles and needs_destination(words[position], event_type, lex, words):
            continue  # "goes on", "headed the list": travel only with a destination
        cue_start = _cue_window_start(words, position, lex)
        hearsay = _is_reported(drafts, words, position, lex)
        draft.modality = modality(words, position, (cue_start, end), is_noun, hearsay, lex["modality"])
        if draft.modality == "reported" and event_type == "announcement" and not hearsay:
            draft.modality = "asserted"  # "حسب ما أفاد به X", "according to what X told": X's statement took place
        if draft.modality in ("asserted", "reported") and scheduled_progressive(words, position, event_type):
            draft.modality = "planned"
        governed = governed_modality(words, position, is_noun, lex)  # "postponed the visit", "refused to meet", "قرر أن يزور"
        if governed and (is_noun or draft.modality in ("asserted", "reported")):
            draft.modality = governed
        draft.intended = governed == "planned" and event_type == "announcement"  # "expects to report": no statement yet
        drafts.append(draft)
    names = [e.span for e in ents]
    attach_dates(drafts, [t for t in in_sentence if t.kind in DATED_KINDS and t.date_start], names, lex["date_cues"])
    plans_below(drafts)
    drafts += source_drafts(text, sentence, ents, sentence_times, lex, lang)  # "according to the ministry": no date
    _undate_manner_content(drafts, is_manner_word(lex))
    plans_by_reference(drafts, in_sentence, names, lex["date_cues"])
    recurring(drafts, in_sentence, names, lex["date_cues"])
    return [d for d in drafts if not d.intended]  # kept until now so their expressions date no other event


def _undate_manner_content(drafts: Sequence[Draft], manner) -> None:
    """A circumstantial participle ("مؤكدة رفضها اللعب يوم الثلاثاء") shares its verb's time: a date
    after it is in what was said, never when it was said."""
    for d in drafts:
        if d.time is not None and manner(d.trigger) and d.time.span.start > d.trigger.span.start:
            d.time, d.date_basis = None, "none"


def _plural_possessor(words, position: int) -> bool:
    """The event noun's possessive pronoun is plural ("وصولهم", "their visit")."""
    return any(possessor_clitic(w, words[position]) and "Number=Plur" in (w.feats or "") for w in words)


def _pronoun_holds(words, position: int) -> bool:
    """A pronoun subject holds the event noun through its verb ("said he would
    have contacts", "they held talks"): it continues the sentence's earlier
    actor, as the pronoun subject of a verb trigger does."""
    verb = verb_with_subject(words, words[position])
    return verb is not None and any(w.upos == "PRON" for w in words if w.head == verb.index and w.deprel.startswith("nsubj"))


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
    """Inside the complement of an earlier statement in the same sentence by an unknown or anonymous
    speaker (guidelines: what a named or official source says is asserted; "reported" is hearsay,
    "قال مصدر أمني إن …")."""
    complementizers = set(lex["modality"]["complementizers"])
    anonymous = canonical_set(tuple(lex["modality"].get("anonymous_sources", ())), lex["lang"])
    for d in drafts:
        if d.type != "announcement" or d.position >= position:
            continue
        first = d.actor.resolved.split()[:1] if d.actor is not None else []
        if d.actor is None or (d.actor.label is None and any(canonical(w, lex["lang"]) in anonymous for w in first)):  # hearsay
            between = {w.text.casefold() for w in words[d.position + 1 : position]}
            if between & complementizers:
                return True
    return False


def _continued(drafts: Sequence[Draft], words, position: int, entities, lex: dict) -> Argument | None:
    """The actor a subjectless verb continues: the previous event's, or a name after a
    complementizer that came later ("أن X لم يلتزم … وقال"), in pro-drop languages."""
    topic = complement_topic(words, position, entities, lex["modality"]["complementizers"], lex["lang"]) if lex["actors"]["pro_drop"] else None
    last = next((d for d in reversed(drafts) if d.actor is not None and not d.is_noun), None)
    if topic is not None and (last is None or last.position < topic[0]):
        return replace(from_entity(topic[1], "inherited"))
    return _inherited(drafts)


def _inherited(drafts: Sequence[Draft]) -> Argument | None:
    for d in reversed(drafts):
        if d.actor is not None and not d.is_noun:  # an unexpressed subject continues a verb's
            return replace(d.actor, source="inherited")
    return None


def _resolve_anaphors(drafts: Sequence[Draft], entities: Sequence[Entity], lex: dict, lang: str) -> None:
    """"الوكالة"/"the agency" → the latest earlier organization it names; "وفق ما أفاد البلاغ" (the
    communique, ``actors.issued_nouns``) and "the company said" (``actors.issuer_anaphors``) → the
    organization that made the latest earlier statement."""
    anaphors = {canonical(k, lang): canonical(v, lang) for k, v in lex["actors"].get("anaphors", {}).items()}
    documents = canonical_set(tuple(lex["actors"]["issued_nouns"]) + tuple(lex["actors"]["issuer_anaphors"]), lang)
    articles = ("", *lex["senses"]["articles"])
    for i, d in enumerate(drafts):
        if d.actor is not None and d.actor.label is None and d.type == "announcement" and _bare_document(d.actor.text, documents, articles, lang):
            issuer = next((x.actor for x in reversed(drafts[:i]) if x.type == "announcement" and x.actor and x.actor.label == "ORG"
                           and not any(reported_by(o, x) for o in drafts)), None)  # not one reported: "noted the IMF expressed"
            if issuer is not None:
                d.actor = replace(d.actor, resolved=issuer.resolved, source="anaphor")
            continue
        if d.actor is None or d.actor.label is not None or d.actor.resolved not in anaphors:
            continue
        key = anaphors[d.actor.resolved]
        earlier = [x.actor.resolved for x in drafts[:i] if x.actor and x.actor.resolved != d.actor.resolved]
        earlier += [e.resolved for e in entities if e.label == "ORG" and e.span.end <= d.actor.span.start]
        antecedent = next((name for name in reversed(earlier) if key in name.split()), None)
        if antecedent:
            d.actor = replace(d.actor, resolved=antecedent, source="anaphor")


def _bare_document(text: str, documents: frozenset, articles: Sequence[str], lang: str) -> bool:
    """"البلاغ", "statement" (the phrase of "the statement said"): a document named by its noun alone."""
    words = text.split()
    return len(words) == 1 and any(words[0].startswith(a) and canonical(words[0][len(a):], lang) in documents for a in articles)


# --- merging -----------------------------------------------------------------


