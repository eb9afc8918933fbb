"""Arabic actors the tagger hides: a preposition tagged as a noun, a circumstantial
participle's speaker, a described delegation that travels. Short sentences of our
own, through recorded analyses (``backend``)."""

from __future__ import annotations

from event_helpers import fixture_events


def events_of(backend, text: str):
    return fixture_events(backend, text, "ar")


def actors(events, type_: str) -> list:
    return [e.actor for e in events if e.type == type_]


def test_a_preposition_is_never_the_speaker(backend):
    """'ودعا الى الهدوء' without hamza is often tagged a noun; it is never who spoke."""
    texts = ["وعبر النائب عن قلقه من الوضع الامني، ودعا الى الحوار بين الاطراف.",
             "وكشف الوزير عن خطة جديدة للتشغيل، ودعا الى دعم المؤسسات الصغرى."]
    for text in texts:
        speakers = actors(events_of(backend, text), "announcement")
        assert speakers and not any(s is None or s.startswith("الى") for s in speakers), speakers


def test_a_delegation_after_a_time_adverbial_is_who_arrives(backend):
    """'يصل صباح غد … وفد وزاري': the parse makes the time its subject and the delegation an
    adjective of the date; a time is no subject, and a delegation is a described actor of any event."""
    text = "يصل صباح غد الخميس وفد وزاري إلى صفاقس للنظر في مطالب العمال."
    arrivals = [e for e in events_of(backend, text) if e.type == "arrival"]
    assert [(e.actor, e.modality) for e in arrivals] == [("وفد وزاري", "planned")]


def test_a_circumstantial_participle_is_said_by_the_subject_of_the_verb_before_it(backend):
    """'قررت الجامعة … مؤكدة تمسكها': the federation decided, and in doing so stated; the
    weekday after the participle is what it insists on, not when it spoke."""
    text = "قررت الجامعة التونسية لكرة اليد تأجيل المباراة مؤكدة تمسكها بموعد الأحد."
    statements = [e for e in events_of(backend, text) if e.type == "announcement"]
    assert [(e.trigger, e.actor, e.date_start) for e in statements] == [("مؤكدة", "الجامعة التونسية", None)]


def test_a_participle_after_a_statement_only_says_how_it_was_made(backend):
    """'قال … مؤكدا': one statement, the verb's."""
    text = "وقال وزير الفلاحة سمير الطيب إن الموسم جيد، مؤكدا أهمية دعم الفلاحين."
    statements = [e for e in events_of(backend, text) if e.type == "announcement"]
    assert [(e.trigger, e.actor) for e in statements] == [("قال", "سمير الطيب")]


def test_what_a_named_speaker_reports_is_asserted_and_an_anonymous_source_is_hearsay(backend):
    """Guidelines: an event attributed to a named or official source is asserted; 'reported'
    is hearsay, as what 'a security source' says happened."""
    named = "وقال النائب محمد علي إن تصريحات الوزير سمير الطيب أمس كانت خاطئة."
    anonymous = "وقال مصدر أمني إن الوزير سمير الطيب التقى أمس بالسفير الفرنسي."
    said = [e.modality for e in events_of(backend, named) if e.trigger == "تصريحات"]
    met = [e.modality for e in events_of(backend, anonymous) if e.type == "meeting"]
    assert (said, met) == (["asserted"], ["reported"])
