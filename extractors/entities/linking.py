"""One name, many mentions: surnames propagated, labels settled by evidence
(a title, the gazetteer, an organization head), short mentions linked to the
full name of the same article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extractors import lexicon
from extractors.entities.gazetteer import NAME_UPOS, canonical, is_place
from extractors.entities.keys import matching, normalize
from extractors.entities.mentions import new_entity, sentence_words
from extractors.entities.organizations import has_org_head
from extractors.records import Entity, Sentence, Span, Word


def complete_given_names(entities: Sequence[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> list[Entity]:
    """A person the model named by one word, right before a word the article
    uses again on its own ("رئيس الحكومة يوسف الشاهد … وقال الشاهد"): that word
    is the surname the model cut off, so the name takes it (and
    :func:`propagate_surnames` then finds its later bare mentions). Not a
    title, a place or another entity."""
    data = matching(lang)
    if not data.get("complete_given_names"):
        return list(entities)
    proclitics = "".join(data.get("proclitics", ()))
    prefix = f"[{re.escape(proclitics)}]?" if proclitics else ""
    titles, out = title_keys(lang), []
    for e in entities:
        nxt = _next_word(sentences, e) if e.label == "PER" and len(e.text.split()) == 1 else None
        if nxt is None or nxt.upos not in ("NOUN", "ADJ", "PROPN", "X") or len(nxt.text) < 3 or text[e.span.end : nxt.span.start].strip():
            out.append(e)
            continue
        elsewhere = any(m.end() <= e.span.start or m.start() >= nxt.span.end for m in re.finditer(rf"(?<!\w){prefix}{re.escape(nxt.text)}(?!\w)", text))
        taken = any(o is not e and o.span.overlaps(nxt.span) for o in entities)
        if not elsewhere or taken or normalize(nxt.text, lang) in titles or is_place(canonical(nxt.text, lang), lang):
            out.append(e)
            continue
        out.append(new_entity(text, Span(e.span.start, nxt.span.end), "PER", sentences, lang, e.origin))
    return out


def _next_word(sentences: Sequence[Sentence], entity: Entity) -> Word | None:
    words = sentence_words(sentences, entity.sentence_index)
    return next((w for w in words if w.span.start >= entity.span.end), None)


def propagate_surnames(entities: Sequence[Entity], sentences: Sequence[Sentence], text: str, lang: str) -> list[Entity]:
    """Later bare mentions of a person's surname that the model missed.

    Once "أندريه لانكوف" is known, "وقال لانكوف" names him too; such mentions
    are added with ``origin="propagated"``.
    """
    proclitics = "".join(matching(lang).get("proclitics", ()))
    surnames = {e.text.split()[-1] for e in entities if e.label == "PER" and len(e.text.split()) >= 2 and len(e.text.split()[-1]) >= 3}
    taken = [e.span for e in entities]
    added = []
    for surname in sorted(surnames):
        prefix = f"[{re.escape(proclitics)}]?" if proclitics else ""
        for m in re.finditer(rf"(?<!\w){prefix}({re.escape(surname)})(?!\w)", text):
            span = Span(m.start(1), m.end(1))
            if any(span.overlaps(t) for t in taken):
                continue
            taken.append(span)
            added.append(new_entity(text, span, "PER", sentences, lang, "propagated"))
    return added


def apply_title_cue(entity: Entity, sentences: Sequence[Sentence], lang: str) -> Entity:
    """A name right after a person's title ("leader Kim Jong Un", "الزعيم
    الكوري الشمالي كيم") is a person, whatever the model said — unless the
    gazetteer knows it as a place."""
    if entity.label == "PER" or entity.origin != "model" or is_place(entity.canonical, lang):
        return entity
    words = sentence_words(sentences, entity.sentence_index)
    if not _name_like(words, entity.span, lang):
        return entity  # "الرئيس الروسي": an adjective after a title is no person
    before = [w for w in words if w.span.end <= entity.span.start]
    i = len(before)
    while i > 0 and len(before) - i < 3 and before[i - 1].upos == "ADJ":
        i -= 1  # "الزعيم الكوري الشمالي": adjectives between title and name
    titles = title_keys(lang)
    for n in (1, 2, 3):
        if i - n >= 0 and normalize(" ".join(w.text for w in before[i - n : i]), lang) in titles:
            return replace(entity, label="PER")
    return entity


def _name_like(words: Sequence[Word], span: Span, lang: str) -> bool:
    """Some word of the span is a name (PROPN, or X as Arabic foreign names
    are tagged) and none carries the definite article."""
    inside = [w for w in words if span.contains(w.span)]
    definite = tuple(matching(lang).get("definite_prefixes", ()))
    return any(w.upos in NAME_UPOS for w in inside) and not (definite and any(w.text.startswith(definite) for w in inside))


@cache
def title_keys(lang: str) -> frozenset[str]:
    return frozenset(normalize(t, lang) for t in lexicon.load(lang, "entities").get("mentions", {}).get("titles", ()))


# --- linking -----------------------------------------------------------------


def link_mentions(entities: Sequence[Entity], lang: str) -> tuple[Entity, ...]:
    """Resolve short mentions to the full name they abbreviate, then settle
    each name's label.

    A mention resolves to a longer mention (same article) whose words begin or
    end with its words — "كيم" → "كيم جونغ أون", "Putin" → "Vladimir Putin";
    among several, the most frequent, then the first. Places are neither linked
    nor link targets ("Korea" may be North or South; "يانغ" is not "بيونغ يانغ").
    """
    places = {e.canonical for e in entities if e.label == "LOC"}
    counts = Counter(e.canonical for e in entities if e.canonical not in places)
    names = sorted(counts, key=lambda c: (-len(c.split()), -counts[c]))
    first_seen: dict[str, int] = {}
    for e in entities:
        first_seen.setdefault(e.canonical, e.span.start)
    linked = [
        e if e.label == "LOC" else replace(e, resolved=_full_name(e.canonical, names, counts, first_seen))
        for e in entities
    ]
    organizations = [e.resolved for e in linked if e.label == "ORG"]
    linked = [replace(e, resolved=_expanded(e, organizations, lang)) if e.resolved == e.canonical else e for e in linked]
    return tuple(_settle_labels(linked, lang))


def _expanded(entity: Entity, organizations: Sequence[str], lang: str) -> str:
    """An acronym in capitals resolves to the organization of the article whose words, its company
    suffix aside, it is the initials of ("GM" → "General Motors Corp"; the first such name)."""
    if entity.label == "LOC":
        return entity.resolved
    return expand_acronym(entity.text, organizations, lang) or entity.resolved


def expand_acronym(text: str, organizations: Sequence[str], lang: str) -> str | None:
    """The first of ``organizations`` (resolved names) whose words, the company suffix aside, ``text``
    (2 to 5 capitals) is the initials of."""
    letters = text.replace(".", "")
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return None
    heads = {normalize(h, lang) for h in lexicon.load(lang, "entities").get("organizations", {}).get("heads", ())}
    for name in organizations:
        words = [w for w in name.split() if w not in heads]
        if len(words) == len(letters) and "".join(w[0] for w in words) == letters.casefold():
            return name
    return None


def _full_name(name: str, names: Sequence[str], counts: Counter, first_seen: dict) -> str:
    words = name.split()
    candidates = [
        n
        for n in names
        if len(n.split()) > len(words) and (n.split()[: len(words)] == words or n.split()[-len(words) :] == words)
    ]
    if not candidates:
        return name
    return min(candidates, key=lambda n: (-counts[n], first_seen[n]))


def _settle_labels(entities: list[Entity], lang: str) -> list[Entity]:
    """One label per name: the gazetteer wins for places; a PER mention wins
    for people (compact NER calls rare personal names ORG) unless the name
    carries an organization head noun; else the majority."""
    groups: dict[str, list[Entity]] = {}
    for e in entities:
        groups.setdefault(e.resolved, []).append(e)
    label_of = {}
    for name, mentions in groups.items():
        labels = Counter(e.label for e in mentions)
        if any(e.origin == "gazetteer" for e in mentions) or is_place(name, lang):
            label_of[name] = "LOC"
        elif labels["PER"] and has_org_head(name, lang):
            label_of[name] = "ORG"  # "Schult Homes Corp", "وزارة ..." called PER
        elif labels["PER"]:
            label_of[name] = "PER"
        else:
            label_of[name] = labels.most_common(1)[0][0]
    return [replace(e, label=label_of[e.resolved]) for e in entities]


#: Brackets a wire service puts around a company's stock symbol after its name: "Malayan Banking Bhd <MBKM.SI>".
TICKER_BRACKETS = ("<", ">")
#: The rest of a stock symbol after the part a mention covers: an exchange suffix ("<ANGL.J>"), then the bracket.
_TICKER_END = re.compile(r"(?:\.[A-Z]{1,3})?>")
#: What may stand between a name and its stock symbol: spaces, and one word the name left out ("Inc").
_SUFFIX_GAP = re.compile(r"\s*(?:[\w.&]+\s*)?")


def whole_hyphenated(entities: Sequence[Entity], text: str, lang: str) -> list[Entity]:
    """A name the recognizer started after a hyphen inside a word ("K-Tron
    International Inc" found as "Tron International Inc") starts with the word,
    unless what stands before the hyphen is a name of its own ("the
    Baker-Chung meeting": two people)."""
    out = []
    for e in _double_barrelled(entities, text, lang):
        start = e.span.start
        if start > 1 and text[start - 1] == "-" and text[start - 2].isalnum() and not any(
                n.span.start < start - 1 <= n.span.end for n in entities if n is not e):
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                start -= 1
            e = _respan(e, Span(start, e.span.end), text[start : e.span.end], lang)
        out.append(e)
    return out


def _double_barrelled(entities: Sequence[Entity], text: str, lang: str) -> list[Entity]:
    """"John Kingsley-Jones" found as "John Kingsley" and "Jones": a person named with a first name whose
    surname runs on over a hyphen into one word is one person (not "the Baker-Chung meeting": one word
    each side, two people)."""
    people = sorted((e for e in entities if e.label == "PER"), key=lambda e: e.span.start)
    joined: dict[int, Entity] = {}
    gone: set[int] = set()
    for a, b in zip(people, people[1:]):
        if b.span.start == a.span.end + 1 and text[a.span.end] == "-" and len(a.text.split()) >= 2 and len(b.text.split()) == 1:
            joined[id(a)] = _respan(a, Span(a.span.start, b.span.end), text[a.span.start : b.span.end], lang)
            gone.add(id(b))
    return [joined.get(id(e), e) for e in entities if id(e) not in gone]


def cut_tickers(entities: Sequence[Entity], lang: str) -> list[Entity]:
    """A name the recognizer ran into the bracketed stock symbol after it
    ("Malayan Banking Bhd <MBKM.SI") ends before the bracket."""
    out = []
    for e in entities:
        k = e.text.find(TICKER_BRACKETS[0])
        if k > 0 and e.text[:k].strip():
            surface = e.text[:k].rstrip()
            e = _respan(e, Span(e.span.start, e.span.start + len(surface)), surface, lang)
        out.append(e)
    return out


def _respan(entity: Entity, span: Span, surface: str, lang: str) -> Entity:
    """The mention over another stretch of text, keyed afresh (its links are made after)."""
    key = canonical(surface, lang)
    return replace(entity, text=surface, span=span, canonical=key, resolved=key)


def resolve_tickers(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """A stock symbol in brackets right after a company's name is no mention of
    its own ("Life Investors Inc <LINV.O> said": the speaker is Life
    Investors): it is dropped when a name stands right before it."""
    opening = TICKER_BRACKETS[0]
    kept = []
    for e in entities:
        start, end = e.span.start, e.span.end
        if start > 0 and text[start - 1] == opening and _TICKER_END.match(text, end):  # "<ANGL.J>": an exchange suffix too
            if any(n is not e and n.span.end < start and _SUFFIX_GAP.fullmatch(text[n.span.end : start - 1]) for n in entities):
                continue  # "Life Investors Inc <LINV.O>": the name may leave out a company suffix
        kept.append(e)
    return tuple(kept)
