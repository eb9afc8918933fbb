"""Arabic event coverage (issue 15): general rules and lexicon data checked on
short Arabic sentences of our own, through recorded analyses (``backend``)."""

from __future__ import annotations

import pytest
from event_helpers import fixture_events

from extractors import lexicon
from extractors.events.triggers import find_triggers
from extractors.records import Span, Word


def events_of(backend, text: str):
    return fixture_events(backend, text, "ar")


def actors(events, type_: str) -> list:
    return [e.actor for e in events if e.type == type_]


def test_a_noun_after_a_preposition_is_no_speaker(backend):
    """'عبروا عن شكرهم' / 'أكد على أهمية الحوار': the thanks and the importance say nothing."""
    for text in ("وعبروا عن شكرهم للحكومة.", "وأكد على أهمية الحوار بين الأطراف."):
        found = actors(events_of(backend, text), "announcement")
        assert not any(a and ("شكر" in a or "أهمية" in a) for a in found), (text, found)


def test_a_described_speaker_after_the_verb_is_still_found(backend):
    e = [x for x in events_of(backend, "وأكدت وزارة الصحة أن الوضع مستقر.") if x.type == "announcement"]
    assert [x.actor for x in e] == ["وزارة الصحة"]


def test_accusing_is_a_statement(backend):
    """'اتهم' is one of the statement verbs of the annotation guidelines."""
    events = events_of(backend, "واتهم الرئيس الأمريكي جو بايدن روسيا بتهديد الأمن الأوروبي.")
    assert actors(events, "announcement") == ["جو بايدن"]


def test_receiving_someone_is_a_meeting_of_the_possessor(backend):
    """'خلال استقباله': the possessor clitic is the subject of the sentence's verb."""
    text = "وأكد الرئيس التونسي قيس سعيد خلال استقباله وزير الخارجية الفرنسي جان إيف لودريان أن العلاقات متينة."
    meeting = [e for e in events_of(backend, text) if e.type == "meeting"]
    assert [(e.actor, e.counterpart) for e in meeting] == [("قيس سعيد", "جان إيف لودريان")]


def test_a_possessor_clitic_with_no_earlier_event_gives_no_actor(backend):
    assert actors(events_of(backend, "وتمت زيارته للمصنع في ظروف جيدة."), "visit") == []


def test_a_verb_the_tokenizer_split_wrongly_is_found_by_its_written_form(backend):
    """Stanza splits 'ويتوجه' into 'و' + 'يتوج' + 'ه' (lemma 'توجج'): the token, without
    its proclitic and person prefix, is 'توجه' (travel with a destination)."""
    events = events_of(backend, "ويتوجه وزير الخارجية محمد علي غدا إلى باريس.")
    assert [(e.type, e.actor, e.destination) for e in events] == [("departure", "محمد علي", "باريس")]


def _word(index: int, text: str, lemma: str, upos: str, token: int, at: int) -> Word:
    return Word(index, text, lemma, upos, None, 0, "root" if index == 1 else "dep", Span(at, at + len(text)), token)


def test_a_form_only_a_verb_has_is_a_trigger_whatever_its_tag():
    """'عبروا' tagged a noun (lemma 'عبر' also means 'across'): the plural ending makes it a verb;
    'عبر' tagged a noun stays no trigger, and a trusted lemma keeps 'تبين' (it appeared) no statement."""
    lex = {**lexicon.load("ar", "events"), "lang": "ar"}
    tagged_noun = [_word(1, "و", "و", "CCONJ", 0, 0), _word(2, "عبروا", "عبر", "NOUN", 0, 1)]
    assert find_triggers(tagged_noun, lex) == [(1, "announcement", False)]
    via = [_word(1, "عبر", "عبر", "NOUN", 0, 0)]
    assert find_triggers(via, lex) == []
    appeared = [_word(1, "وتبين", "تبين", "VERB", 0, 0)]
    assert find_triggers(appeared, lex) == []


def test_a_forecast_is_a_statement_dated_by_its_own_clause(backend):
    """'توقع' (forecast) is a statement verb of the guidelines; 'اليوم الخميس' under it dates it."""
    events = events_of(backend, "وتوقع البنك المركزي التونسي اليوم الخميس ارتفاع نسبة النمو.")
    assert [(e.type, e.actor, e.date_text) for e in events] == [("announcement", "البنك المركزي التونسي", "اليوم الخميس")]


def test_a_plural_verb_carries_its_subject_so_the_noun_after_it_is_an_object(backend):
    """A verb before its subject is singular in Arabic: after 'دعوا' (they called on), 'جميع الأطراف'
    is whom they called on; the speakers are those of the sentence's earlier event, or no one."""
    assert actors(events_of(backend, "ودعوا جميع الأطراف إلى الحوار."), "announcement") == []
    text = "واجتمع وزراء الخارجية العرب في القاهرة ودعوا جميع الأطراف إلى الحوار."
    assert actors(events_of(backend, text), "announcement") == ["وزراء الخارجية العرب"]


def test_a_participle_of_speaking_says_how_not_who(backend):
    """'وأضافت قائلة إن …' (she added, saying that …): 'قائلة' is no speaker."""
    found = actors(events_of(backend, "وأضافت قائلة إن الحكومة ستواصل الإصلاحات."), "announcement")
    assert not any(a and "قائل" in a for a in found), found


def test_an_indefinite_accusative_is_a_complement_not_the_speaker(backend):
    """'يعتبر مؤشرا إيجابيا' (is considered a good sign): the tagger says nominative
    subject, the written accusative ending says otherwise."""
    assert actors(events_of(backend, "ويعتبر مؤشرا إيجابيا على تحسن الاقتصاد."), "announcement") == []


def test_a_quotation_after_the_verb_is_what_was_written_not_who_wrote_it(backend):
    assert actors(events_of(backend, 'وكتب "الوطن أولا" على صفحته.'), "announcement") == []


def test_a_name_inside_a_prepositional_phrase_of_the_verb_is_not_its_speaker(backend):
    """'قال في مقال بصحيفة "لوموند"': the newspaper is where it was said; with no
    subject and no earlier event the statement has no actor."""
    for text in ('وقال في مقال بصحيفة "لوموند" إن الوضع صعب.', 'وأضاف في تصريح لموقع "رويترز" أن الوضع صعب.'):
        assert actors(events_of(backend, text), "announcement") == [], text


def test_upon_receiving_someone_belongs_to_the_subject_it_is_said_of(backend):
    """'أن رئيس الحكومة عند استقباله وزير التربية لم يتحدث …': the head of government received
    the minister, not the source who reports it."""
    text = "وأوضح المصدر أن رئيس الحكومة عند استقباله وزير التربية لم يتحدث عن الإقالة."
    assert actors(events_of(backend, text), "meeting") == ["رئيس الحكومة"]


@pytest.mark.parametrize("text", [
    "وشدد الوزير سامي الهادي على أهمية الحوار بين النقابات والحكومة.",
    "ولاحظ الوزير سامي الهادي أن الأسعار ارتفعت خلال الشهر الماضي.",
    "وحذر الوزير سامي الهادي من ارتفاع الأسعار خلال الصيف.",
    "وتطرقت الوزيرة سامية الهادي إلى وضع المستشفيات في الجهة.",
])
def test_stressing_noting_warning_and_addressing_are_statements(backend, text):
    """The guidelines count any statement attributed to an actor: stressed, noted, warned, addressed
    (English has "note" and "warn" too)."""
    speakers = actors(events_of(backend, text), "announcement")
    assert len(speakers) == 1 and "سامي" in speakers[0]  # the recorded entity may be the first name only


def test_a_participle_of_stressing_is_said_by_the_subject_before_it(backend):
    """'…، مشددا على': how the subject of the verb before it spoke."""
    text = "وقررت النقابة تأجيل الإضراب، مشددة على ضرورة الحوار مع الحكومة."
    assert actors(events_of(backend, text), "announcement") == ["النقابة"]


def test_a_meeting_that_is_only_possible_is_not_asserted(backend):
    """'يمكن للجنة أن تجتمع': the committee can meet, like "could meet"; control: it met."""
    possible = "وقال الوزير سامي الهادي إنه يمكن للجنة أن تجتمع دون رئيسها."
    held = "وقال الوزير سامي الهادي إن اللجنة اجتمعت دون رئيسها."
    assert [e.modality for e in events_of(backend, possible) if e.type == "meeting"] in ([], ["planned"])
    assert [e.modality for e in events_of(backend, held) if e.type == "meeting"] in (["asserted"], ["reported"])


def test_went_to_is_a_departure_and_turned_into_is_not(backend):
    """'تحوّل إلى مطار' (went to the airport), found by its written form V even when the lemmatizer
    gives the form II root 'حوّل'; 'تحولت الاحتجاجات إلى مواجهات' (turned into) has no place to go to."""
    went = events_of(backend, "تحوّل والي صفاقس سامي الهادي مساء أمس إلى ميناء المدينة التجاري.")
    assert [e.type for e in went] == ["departure"]
    assert [e.type for e in events_of(backend, "وتحولت الاحتجاجات إلى مواجهات عنيفة مع قوات الأمن.")] == []


def test_a_form_v_statement_verb_is_found_by_its_written_form(backend):
    """'وتطرق' (addressed): the lemmatizer gives the root's form I 'طرق' (knocked)."""
    speakers = actors(events_of(backend, "وتطرق الوزير سامي الهادي إلى وضع المستشفيات في الجهة."), "announcement")
    assert len(speakers) == 1 and "سامي" in speakers[0]


@pytest.mark.parametrize("text, speaker", [
    ("وندد الاتحاد الجهوي للشغل بقرار غلق المصنع.", "الاتحاد الجهوي"),
    ("وأشادت جمعية القضاة بقرار المحكمة.", "جمعية القضاة"),
    ("واستنكرت نقابة الصحفيين الاعتداء على المصور.", "نقابة الصحفيين"),
])
def test_condemning_and_praising_are_statements(backend, text, speaker):
    """Guidelines: criticizing is a statement; so are condemning (ندد، استنكر، أدان) and praising (أشاد، رحب)."""
    found = actors(events_of(backend, text), "announcement")
    assert any(a and speaker in a for a in found), found


def test_pointing_out_is_a_statement_only_with_what_is_pointed_out(backend):
    """'وأبرز الوزير أن …' points something out; 'أبرز عناوين الأخبار' is the superlative 'the main headlines'."""
    assert actors(events_of(backend, "وأبرز وزير الفلاحة أن الموسم سيكون جيدا."), "announcement") == ["وزير الفلاحة"]
    assert actors(events_of(backend, "أبرز عناوين الأخبار الوطنية والدولية لهذا اليوم."), "announcement") == []


def test_a_preposition_the_tagger_took_for_an_adjective_ends_the_speaker(backend):
    """'لفتت سامية الورتاني الى أن': the speaker is the name, not 'الورتاني الى'."""
    found = actors(events_of(backend, "ولفتت سامية الورتاني الى أن الجانب التونسي سيستفيد من التجربة."), "announcement")
    assert found == ["سامية الورتاني"]
