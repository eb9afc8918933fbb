"""Trigger words used in another sense: a lemma that names an event only in
some of its uses. Each test is a fact of the language, its words data in the
``[senses]`` table of ``extractors/lang/<lang>/events.toml`` (empty lists for
a language that needs none):

* ``context_nouns``: a noun whose other sense the sentence gives away — لقاء
  between two teams is a match when the sentence speaks of a stadium, a
  round or football (``sport_words``);
* ``place_name_heads``: a verb right after the head word of a place name is
  part of the name ("وادي زار", the valley of Zar), not a verb;
* ``verbs_with_preposition``: verbs that are statements only with their
  preposition ("علّق على" commented on, but "علّق الإضراب" suspended the
  strike; "نادى بـ" called for);
* ``perfect_only``: verbs that report a statement in the perfect but mean
  "is considered" in the imperfective ("اعتبر" vs "تعتبر هذه المجالات …");
* ``left_memberships``: a departure verb whose object is a group, a post or
  life itself means leaving that, not a place ("غادر X فريق حملة …", "غادر
  الحكومة", "غادر الحياة"); read on the words right after the verb and its
  subject, since compact models parse and tag such sentences poorly.

* ``other_verb_forms``: written forms of a different verb that the lemmatizer
  gives a trigger's lemma (form IV "ألقى/يلقي", threw or delivered — "يلقي اللوم",
  "ألقى كلمة" — is lemmatized like form I "لقي", met): never that event;
* ``admission_nouns`` / ``admitted_objects``: receiving injured people, patients,
  flights or files ("استقبال 3 مصابين", "استقبال الطلبات", "استقبل المطار رحلة")
  is admitting them, not meeting anyone; a number may stand between ("استقبال 5
  جرحى"); a verb's parsed object counts too.

* ``nominal_object_verbs``: statement verbs that report speech only without a
  nominal object ("he added", "added that …", but "would add caution to
  trading", "added 5 pct"): with a noun as object they do something else;

* ``verbs_with_content``: statement verbs only when reported content opens
  after them in their sentence (a word of ``dates.statement_content``, a colon
  or a quotation mark): "وأبرز الوزير أن …" points something out, "أبرز
  عناوين الأخبار" is the superlative "the main headlines";

* ``objects_of_other_sense``: a verb whose object (or, for "easier to meet",
  the subject its clause is said of) is one of the listed nouns means
  something else ("meet goals", "meet demand", "regulations are easy to
  meet": no one met anyone);

* ``misread_nouns``: a feminine noun with a possessive pronoun that a tokenizer
  splits into a conjunction and a verb ("وزارته", his ministry → و + زارت + ه,
  "and she visited him"): a verb trigger inside such a token is that noun.

Whatever the language, a word joined by a hyphen to the next ("left-wing") is
part of a compound, and an event noun that depends on a verb of its own type
names how that verb's event was done, not a second event, when a preposition
of means makes it so (``medium_prepositions``: "قال في بيان", "أعلنت في بلاغ
أنه", "عبرت عبر بلاغ"); "ذكّر بإعلان X" (recalled X's announcement) stays one.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.entities.keys import normalize
from extractors.events.triggers import lemma_listed, surfacenormalized_set
from extractors.events.wordsets import normalized_set
from extractors.records import Word

#: Words after a departure verb its object may stand at, behind the subject ("غادر سامي الهادي فريق …").
OBJECT_REACH = 4
#: Features of a noun in the construct state, whose next noun is its genitive ("رئيس الحكومة").
CONSTRUCT_FEATS = ("Definite=Red", "Definite=Cons")


def other_sense(words: Sequence[Word], position: int, event_type: str, is_noun: bool, lex: dict) -> bool:
    """The trigger at ``position`` is used in a sense that names no event of ``event_type``."""
    senses, lang = lex.get("senses", {}), lex["lang"]
    if not senses:
        return False
    word = words[position]
    lemma = word.lemma or word.text
    if _hyphenated(words, position):
        return True  # "left-wing leaders", "a meeting-room": part of a compound word, no event
    if is_noun and medium_of_verb(words, word, event_type, lex):
        return True
    if _is(lemma, senses["admission_nouns"], lang, senses):
        if _admits(words, position, senses, lang) or (not is_noun and any(
                _is(w.lemma or w.text, senses["admitted_objects"], lang, senses) for w in _objects(words, word))):
            return True  # "استقبال 3 مصابين", "استقبل مطار النفيضة رحلة سياحية"
    if is_noun:
        return _is(lemma, senses["context_nouns"], lang, senses) and any(_is(w.text, senses["sport_words"], lang, senses) for w in words)
    if _misread_noun(words, word, senses, lang) or _is(word.text, senses["other_verb_forms"], lang, senses):
        return True
    if position > 0 and _is(words[position - 1].text, senses["place_name_heads"], lang, senses):
        return True
    if _is(lemma, senses["perfect_only"], lang, senses) and ("Aspect=Imp" in (word.feats or "") or _written_imperfective(word, lemma, lex)):
        return True
    if _is(lemma, senses["nominal_object_verbs"], lang, senses) and any(
            w.head == word.index and w.deprel == "obj" and w.upos in ("NOUN", "NUM") for w in words):
        return True
    if _is(lemma, senses.get("verbs_with_content", ()), lang, senses) and not _content_after(words, position, lex):
        return True
    objects = next((v for k, v in senses.get("objects_of_other_sense", {}).items() if _is(lemma, (k,), lang, senses)), None)
    if objects and any(_is(w.lemma or w.text, objects, lang, senses) for w in _objects(words, word)):
        return True
    needed = next((v for k, v in senses["verbs_with_preposition"].items() if _is(lemma, (k,), lang, senses)), None)
    if needed is not None and not _preposition_after(words, position, needed, lex):
        return True
    return event_type == "departure" and _left_membership(words, position, senses, lang)


def _hyphenated(words: Sequence[Word], position: int) -> bool:
    """The word is joined by a hyphen to the next one, with no space between."""
    if position + 2 > len(words) - 1:
        return False
    hyphen, after = words[position + 1], words[position + 2]
    return hyphen.text == "-" and hyphen.span.start == words[position].span.end and after.span.start == hyphen.span.end


def _objects(words: Sequence[Word], verb: Word) -> list[Word]:
    """What the verb does something to: its object or passive subject, the
    noun its participle, infinitive or relative clause modifies ("goals to
    meet", "requirements, which it failed to meet"), or the subject of the
    adjective it complements ("regulations are easier to meet")."""
    found = [w for w in words if w.head == verb.index and w.deprel in ("obj", "nsubj:pass")]
    if not found and "Voice=Pass" in (verb.feats or ""):  # "unless the demands were met", the subject misparsed
        at = words.index(verb) - 1
        while at >= 0 and words[at].head == verb.index and words[at].deprel.startswith("aux"):
            at -= 1
        found = [words[at]] if at >= 0 and words[at].upos == "NOUN" else []
    head = next((w for w in words if w.index == verb.head), None)
    while head is not None and verb.deprel == "xcomp" and head.upos in ("VERB", "AUX"):  # "which it failed to meet"
        verb, head = head, next((w for w in words if w.index == head.head), None)
    relative = next((w for w in words if w.head == verb.index and "PronType=Rel" in (w.feats or "")), None)
    if relative is not None:  # the relative pronoun stands for the noun right before it, whatever the parse
        before = [w for w in words[: words.index(relative)] if w.upos != "PUNCT"]
        found += before[-1:] if before and before[-1].upos == "NOUN" else []
    if head is not None and verb.deprel in ("acl", "acl:relcl") and head.upos == "NOUN":
        found.append(head)
    if head is not None and verb.deprel in ("xcomp", "ccomp") and head.upos == "ADJ":
        found += [w for w in words if w.head == head.index and w.deprel.startswith("nsubj")]
    return found


def medium_of_verb(words: Sequence[Word], noun: Word, event_type: str, lex: dict) -> bool:
    """The noun hangs, by a preposition of means, from a verb trigger of the same type."""
    marks = {w.text for w in words if w.head == noun.index and w.deprel == "case"}
    if not marks & set(lex.get("senses", {}).get("medium_prepositions", ())):
        return False
    head = next((w for w in words if w.index == noun.head), None)
    if head is None or head.upos not in lex["syntax"]["verb_upos"]:
        return False
    entry = lex["types"][event_type]
    verbs = tuple(entry["verbs"]) + tuple(entry.get("verbs_with_destination", ()))
    return lemma_listed(head, verbs, lex["syntax"], lex["lang"])


def _admits(words: Sequence[Word], position: int, senses: dict, lang: str) -> bool:
    """One of the next few words, numbers aside, is someone or something admitted."""
    after = [w for w in words[position + 1 : position + 1 + OBJECT_REACH] if w.upos != "NUM"][:2]
    return any(_is(w.text, senses["admitted_objects"], lang, senses) for w in after)


def _misread_noun(words: Sequence[Word], word: Word, senses: dict, lang: str) -> bool:
    """The written token is a listed feminine noun, its ة written ت before a possessive pronoun,
    after at most one proclitic ("وزارته", "بوزارتها")."""
    token = normalize("".join(w.text for w in words if w.token_index == word.token_index), lang)
    stems = {normalize(n, lang)[:-1] + "ت" for n in senses.get("misread_nouns", ())}
    for suffix in senses.get("possessive_suffixes", ()):
        if token.endswith(suffix) and len(token) > len(suffix):
            bare = token[: -len(suffix)]
            if bare in stems or any(bare.startswith(c) and bare[len(c) :] in stems for c in senses["proclitics"]):
                return True
    return False


def _written_imperfective(word: Word, lemma: str, lex: dict) -> bool:
    """The written verb is the imperfective whatever the tagger says ("تُعتبر" tagged perfect): taking off
    its proclitics and person prefix (``syntax.verb_prefixes``) leaves the lemma's stem without its first
    alif ("اعتبر" → "عتبر"), which no perfect form of it is written as."""
    stem = normalize(lemma, lex["lang"]).lstrip("اأإ")
    return len(stem) >= 3 and stem in surfacenormalized_set(word, lex["syntax"], lex["lang"])


#: How far after a verb of ``verbs_with_content`` its content may open.
CONTENT_REACH = 10


def _content_after(words: Sequence[Word], position: int, lex: dict) -> bool:
    """Reported content opens within :data:`CONTENT_REACH` words after the verb, before a full stop."""
    openers = {w.casefold() for w in lex["dates"]["statement_content"]} | {":"} | set(lex["actors"]["quote_marks"])
    for word in words[position + 1 : position + 1 + CONTENT_REACH]:
        if word.text in (".", "؛", ";"):
            return False
        if word.text.casefold() in openers:
            return True
    return False


def _preposition_after(words: Sequence[Word], position: int, prepositions: Sequence[str], lex: dict) -> bool:
    """One of ``prepositions`` after the verb in its clause ("علّق X … على التحوير")."""
    breaks = set(lex["syntax"]["clause_breaks"])
    for word in words[position + 1 :]:
        if word.text.casefold() in breaks:
            return False
        if word.text in prepositions:
            return True
    return False


def _left_membership(words: Sequence[Word], position: int, senses: dict, lang: str) -> bool:
    """A group, post or life among the few words after the verb, before any preposition
    or punctuation, that is no genitive of a noun before it ("غادر رئيس الحكومة" moves)."""
    for at in range(position + 1, min(len(words), position + 1 + OBJECT_REACH)):
        word, previous = words[at], words[at - 1]
        if word.upos in ("ADP", "PUNCT", "VERB", "AUX"):
            return False
        construct = previous.upos == "NOUN" and any(f in (previous.feats or "") for f in CONSTRUCT_FEATS)
        if not construct and _is(word.text, senses["left_memberships"], lang, senses):
            return True
    return False


def forms(text: str, lang: str, senses: dict) -> set[str]:
    """The canonical word and its readings without up to two proclitics and the
    article ("بملعب" → "ملعب", "بوادي" → "وادي", "الحكومة" → "حكومه"), keeping
    at least three letters: several, since a leading letter may be the word's own."""
    found = {normalize(text, lang)}
    for _ in range(2):
        found |= {f[len(c) :] for f in found for c in senses["proclitics"] if f.startswith(c) and len(f) - len(c) >= 3}
    return found | {f[len(a) :] for f in found for a in senses["articles"] if f.startswith(a) and len(f) - len(a) >= 3}


def _is(text: str, words: Sequence[str], lang: str, senses: dict) -> bool:
    return bool(forms(text, lang, senses) & normalized_set(tuple(words), lang))
