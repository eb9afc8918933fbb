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
