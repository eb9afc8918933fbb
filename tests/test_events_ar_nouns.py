"""Arabic events named by nouns and who holds them: statement nouns (بلاغ، بيان، تصريحات، إعلان)
with their speaker or issuer, a statement noun that is only the means of a statement verb, and
meeting nouns held through the verb they depend on. Short sentences of our own, through recorded
analyses (``backend``); each rule has a control where the other reading stays."""

from __future__ import annotations

from event_helpers import fixture_events


def actors(backend, text: str, type_: str) -> list:
    return [e.actor for e in fixture_events(backend, text, "ar") if e.type == type_]


def test_a_communique_of_a_ministry_is_its_statement(backend):
    """'بلاغ لوزارة الصحة': the ل of a communique names whose it is, not whom it was told to."""
    text = "وجاء في بلاغ لوزارة الصحة أن كل المستشفيات جاهزة لاستقبال المرضى."
    assert actors(backend, text, "announcement") == ["وزارة الصحة"]


def test_a_statement_issued_by_a_body_is_its_statement(backend):
    """'بيان صادر عن وزارة التجارة': issued by the ministry."""
    text = "وارتفعت الأسعار بخمسة بالمائة وفق بيان صادر عن وزارة التجارة."
    assert actors(backend, text, "announcement") == ["وزارة التجارة"]


def test_the_genitive_of_a_statement_noun_is_its_speaker(backend):
    """'تصريحات وزير المالية أحمد العلوي': the minister made the statements the deputy criticized."""
    text = "وانتقد النائب سامي الهادي تصريحات وزير المالية أحمد العلوي حول الميزانية."
    found = actors(backend, text, "announcement")
    assert any("أحمد العلوي" in a for a in found), found


def test_a_statement_noun_after_a_statement_verb_is_its_means(backend):
    """'عبرت تونس عبر بلاغ صادر عن وزارة الخارجية عن …': one statement, made through a
    communique, not a second one of the ministry."""
    text = "وعبرت تونس عبر بلاغ صادر عن وزارة الخارجية عن تضامنها مع ضحايا الفيضانات."
    assert actors(backend, text, "announcement") == ["تونس"]


def test_recalling_an_announcement_keeps_it(backend):
    """'ذكّر الوزير بإعلان رئيس الحكومة': the prime minister's announcement is one of its own."""
    text = "وذكّر الوزير بإعلان رئيس الحكومة محمد علي بشأن الزيادة في الأجور."
    found = actors(backend, text, "announcement")
    assert "الوزير" in found and any(a != "الوزير" and a in "رئيس الحكومة محمد علي" for a in found), found  # NER may cut the name


def test_a_meeting_of_theirs_is_held_by_the_subject_before_its_apposition(backend):
    """'لم تتوصل لجنة المالية، بمجلس النواب، خلال اجتماعها …': the committee met, though
    the commas of its apposition stand between it and its meeting."""
    text = "ولم تتوصل لجنة المالية، بمجلس النواب، خلال اجتماعها يوم الاثنين إلى اتفاق حول الميزانية."
    found = actors(backend, text, "meeting")
    assert any("لجنة المالية" in a for a in found), found


def dated(backend, text: str, type_: str) -> list:
    return [(e.actor, e.date) for e in fixture_events(backend, text, "ar") if e.type == type_]


def test_a_day_after_a_meeting_noun_is_its_date_not_its_holder(backend):
    """'عقدت اللجنة اجتماعا يوم الأحد': "يوم" in the construct state reads as a
    definite genitive, yet a time word is the meeting's day, never who held it."""
    text = "وعقدت اللجنة اجتماعا يوم الأحد."
    assert dated(backend, text, "meeting") == [("اللجنة", "2023-09-10")]


def test_a_bare_oblique_after_a_light_verb_is_its_object(backend):
    """The parse makes the accusative 'اجتماعا' an oblique after a time word: with no
    preposition it is still what the committee held."""
    text = "وعقدت اللجنة يوم الأحد اجتماعا."
    assert dated(backend, text, "meeting") == [("اللجنة", "2023-09-10")]


def test_a_meeting_it_held_is_held_by_the_subject_of_the_sentence(backend):
    """'خلال اجتماع عقدته أمس': the relative light verb drops its subject, the union of
    the verb the phrase belongs to; control: a meeting the relative names its holder of."""
    assert dated(backend, "وأصدرت النقابة خلال اجتماع عقدته أمس بيانا.", "meeting") == [("النقابة", "2023-09-11")]
    assert dated(backend, "وتحدث الوزير خلال اجتماع عقده رئيس الحكومة يوسف الشاهد أمس.", "meeting") == [("يوسف الشاهد", "2023-09-11")]


def test_a_visit_carried_out_is_the_subject_s_visit(backend):
    """'أدى زيارة' and 'قام بزيارة' (performed, carried out a visit) are light verbs; 'رحب بزيارة' (welcomed
    someone's visit) is not: the minister who welcomes it does not visit."""
    assert actors(backend, "أدى وزير الصحة أمس زيارة إلى صفاقس.", "visit") == ["وزير الصحة"]
    assert actors(backend, "قام وزير الصحة أمس بزيارة إلى صفاقس.", "visit") == ["وزير الصحة"]
    assert actors(backend, "ورحب الوزير بزيارة الرئيس الفرنسي.", "visit") != ["الوزير"]


def test_an_adverb_of_time_before_the_event_noun_dates_it_and_a_future_day_makes_it_planned(backend):
    """'يؤدي الوزير غدا زيارة': the tagger makes the visit the genitive of 'غدا', which as an indefinite
    accusative takes none; a visit dated after publication has not happened yet."""
    (visit,) = [e for e in fixture_events(backend, "ويؤدي وزير الخارجية غدا زيارة رسمية إلى الجزائر.", "ar") if e.type == "visit"]
    assert (visit.actor, visit.date, visit.modality) == ("وزير الخارجية", "2023-09-13", "planned")


def test_receiving_a_guest_is_a_meeting_and_receiving_a_flight_is_not(backend):
    """'استقبل الوزير السفير' (received the ambassador) is a meeting (guidelines); an airport receiving a
    flight, a hospital the injured or a country its tourists meets no one."""
    found = [e for e in fixture_events(backend, "واستقبل وزير الخارجية أمس سفير فرنسا بمقر الوزارة.", "ar") if e.type == "meeting"]
    assert [(e.actor, e.date) for e in found] == [("وزير الخارجية", "2023-09-11")]
    for text in ("واستقبل مطار قرطاج أمس رحلة قادمة من باريس.", "واستقبل المستشفى الجهوي أمس 8 مصابين.",
                 "وتستقبل تونس هذا الصيف آلاف السياح الجزائريين."):
        assert actors(backend, text, "meeting") == [], text


def test_an_event_noun_written_with_the_article_takes_no_genitive_holder(backend):
    """'وتناول اللقاء مشاغل القطاع': the meeting discussed the sector's concerns; a noun with 'ال' is complete,
    so the noun after it is the verb's object, not who met. 'اجتماع اللجنة' (no article) is the committee's."""
    assert actors(backend, "وتناول اللقاء مشاغل المهنيين وسبل دعم القطاع.", "meeting") == []
    assert actors(backend, "وأفادت مصادر أنه تقرر خلال هذا اللقاء إعفاء المدير الجهوي.", "meeting") == []
    assert actors(backend, "وقرر اجتماع اللجنة أمس تأجيل النظر في المشروع.", "meeting") == ["اللجنة"]


def test_a_meeting_he_held_is_held_by_the_one_before_not_by_his_contract(backend):
    """'خلال لقاء عقده أمس': the tagger reads the relative verb 'عقده' (that he held) as the noun 'his contract';
    the meeting is the minister's."""
    assert actors(backend, "وأكد الوزير خلال لقاء عقده أمس مع رئيس الاتحاد أن القطاع يحتاج الدعم.", "meeting") == ["الوزير"]


def test_the_visit_a_relative_clause_carries_out_is_its_subject_s_past_a_time(backend):
    """'خلال زيارة ميدانية يؤديها منذ صباح اليوم وزير الدفاع NAME': the time between the verb and its subject
    loses the subject in the parse; the minister visits, not the units of the main clause."""
    text = "نفذت وحدات الجيش اليوم السبت تمرينا خلال زيارة ميدانية يؤديها منذ صباح اليوم وزير الدفاع الوطني مراد الطرابلسي للمنطقة العسكرية."
    assert actors(backend, text, "visit") == ["مراد الطرابلسي"]
