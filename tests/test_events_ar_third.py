"""Arabic news failures seen on new articles, each a general fact of the language
(``extractors/lang/ar/events.toml``): a hospital admitting the injured is no meeting, a
hypothetical ("if", "whether", "it is possible") event is not asserted, blaming someone
("ألقى اللوم") is a statement and no meeting. Short sentences of our own, through recorded
analyses (``backend``); each has a control where the event stays."""

from __future__ import annotations

from event_helpers import fixture_events

from extractors.events.clause import Clause, role_of
from extractors.records import Span, Word


def events(backend, text: str):
    return fixture_events(backend, text, "ar")


def types(backend, text: str) -> list[str]:
    return [e.type for e in events(backend, text)]


def test_admitting_injured_people_is_no_meeting(backend):
    """'استقبال 5 جرحى': a hospital admitted five injured people; nobody met."""
    text = "وأكد مدير المستشفى سامي الهادي استقبال 5 جرحى من بين ضحايا حادث المرور."
    assert "meeting" not in types(backend, text)


def test_admitting_patients_is_no_meeting(backend):
    text = "وقال سامي الهادي إن القسم بصدد استقبال المرضى القادمين من الولايات المجاورة."
    assert "meeting" not in types(backend, text)


def test_receiving_a_minister_stays_a_meeting(backend):
    text = "وتولى الرئيس سامي الهادي استقبال وزير الخارجية الفرنسي بقصر قرطاج."
    assert "meeting" in types(backend, text)


def test_a_visit_in_a_whether_question_is_not_asserted(backend):
    """'تساءل عما إذا كانت مدريد ستقبل زيارة': asked whether a visit would be accepted."""
    text = "وتساءل عما إذا كان من الممكن أن تقبل مدريد زيارة وفد تونسي لتقصي الحقائق حول حصول الوزير سامي الهادي على أموال من الخارج."
    assert not [e for e in events(backend, text) if e.type == "visit" and e.modality == "asserted"]


def test_a_visit_under_if_is_not_asserted(backend):
    text = "وقال الوزير سامي الهادي إنه إذا زار الوفد الجزائري العاصمة فسيلتقي رئيس الحكومة."
    assert not [e for e in events(backend, text) if e.type == "visit" and e.modality == "asserted"]


def test_a_past_visit_stays_asserted(backend):
    text = "وقال الوزير سامي الهادي إن الوفد الجزائري زار العاصمة يوم الأحد."
    assert [e for e in events(backend, text) if e.type == "visit" and e.modality == "asserted"]


def test_laying_the_blame_is_no_meeting(backend):
    """'ألقى اللوم على' (blamed): a statement; the root لقي of meeting is a different verb here."""
    found = types(backend, "وقالت صحيفة \"الشروق\" إن المدرب خرج غاضبا وبدأ يلقي اللوم على زميله سامي الهادي.")
    assert "meeting" not in found


def test_delivering_a_speech_is_no_meeting(backend):
    text = "وألقى الرئيس سامي الهادي كلمة أمام البرلمان يوم الأحد."
    assert "meeting" not in types(backend, text)


def test_a_described_delegation_in_an_attributive_clause_is_the_visitor(backend):
    """'وفد برلماني ألماني زار تونس': the delegation visited, not the speaker."""
    text = "وأكد الوزير سامي الهادي أن مسؤولا أمنيا كان بين أعضاء وفد برلماني ألماني زار تونس مؤخرا."
    visits = [e for e in events(backend, text) if e.type == "visit"]
    assert visits and all("وفد" in (e.actor or "") for e in visits)


def test_the_outlet_told_is_no_speaker(backend):
    """'وقال لـ"X"': X is the outlet spoken to; the speaker is the one of the sentence before."""
    text = 'قال سامي الهادي رئيس حزب النور إن الحزب سيشارك في الانتخابات. وقال لـ"موزاييك أف أم" في برنامج "ميدي شو" إنه تم إقصاؤه من الحزب.'
    speakers = {e.actor for e in events(backend, text) if e.type == "announcement"}
    assert speakers and all("موزاييك" not in (s or "") for s in speakers)


def test_the_lengthened_preposition_before_a_quoted_name_gives_its_role():
    """'وقال لـ"الجوهرة"': the stroke and the quotation mark between the preposition and the name
    do not hide the preposition (the parse of a real analysis often hangs it elsewhere)."""
    text = 'وقال لـ"الجوهرة" إن القرار نهائي'
    pieces = [("و", "CCONJ"), ("قال", "VERB"), ("ل", "ADP"), ("ـ", "PUNCT"), ('"', "PUNCT"), ("الجوهرة", "NOUN"), ('"', "PUNCT")]
    words, at = [], 0
    for index, (piece, upos) in enumerate(pieces, 1):
        at = text.index(piece, at)
        words.append(Word(index, piece, piece, upos, None, 0, "dep", Span(at, at + len(piece)), index))
        at += len(piece)
    clause = Clause(words, 1, 0, len(words), text)
    assert role_of(words[5].span.start, clause, {"recipient": ["ل"], "destination": ["إلى"]}) == "recipient"


def test_asking_for_something_is_a_statement(backend):
    """'طلبت النقابة من الوزير …': a request made is a statement, like 'دعا' (called for)."""
    found = [e for e in events(backend, "وطلبت نقابة الأطباء من وزير الصحة تأجيل تطبيق القرار.") if e.type == "announcement"]
    assert found and "نقابة" in (found[0].actor or "")


def test_a_request_noun_is_no_statement(backend):
    """'قدم الطالب طلبا': an application handed in, nobody stated anything."""
    assert "announcement" not in types(backend, "وتم رفض الطلب الذي قدمته الشركة في شهر مارس.")


def test_a_manner_participle_after_a_relative_clause_is_the_main_speaker(backend):
    """'شدد X على القانون الذي سيتم تمريره … مؤكدا': the participle describes X, not the relative clause."""
    text = "وشدد سامي الهادي على تمسكهم بهذا المشروع الذي سيتم تمويله غدا الأربعاء لتوسيع الطريق مؤكدا أنهم سيقدمون مقترحا جديدا."
    speakers = {e.actor for e in events(backend, text) if e.type == "announcement"}
    assert speakers and all("تمويل" not in (s or "") for s in speakers)


def test_a_delegation_after_a_visit_noun_is_the_visitor(backend):
    """'زيارة وفد جزائري': the genitive of a visit is mostly where ('زيارة تونس'), but a delegation
    or committee there is who visits, not a name further on."""
    text = "وأعلنت الوزارة أن زيارة وفد جزائري للتحقيق في حصول الوزير سامي الهادي على أموال تمت يوم الأحد."
    visits = [e for e in events(backend, text) if e.type == "visit"]
    assert visits and all("وفد" in (e.actor or "") for e in visits)


def test_a_meeting_that_brought_him_together_is_his(backend):
    """'لقاء جمعه بـX': a meeting that brought him together with X; 'جمعه' is no holder's name."""
    text = "وكشف سامي الهادي أن رئيس الحزب هدده بالاستقالة في لقاء جمعه بالوزير بقصر قرطاج."
    meetings = [e for e in events(backend, text) if e.type == "meeting"]
    assert meetings and all("جمع" not in (e.actor or "") for e in meetings)
