"""Arabic news failures seen on new articles, each a general fact of the language
(``extractors/lang/ar/events.toml``): a hospital admitting the injured is no meeting, a
hypothetical ("if", "whether", "it is possible") event is not asserted, blaming someone
("ألقى اللوم") is a statement and no meeting. Short sentences of our own, through recorded
analyses (``backend``); each has a control where the event stays."""

from __future__ import annotations

from event_helpers import fixture_events


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
