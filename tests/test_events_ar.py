"""Arabic events: VSO actors, titles in apposition, glued names, clitic modality."""

from event_helpers import fixture_events, only


def events_of(backend, text):
    return fixture_events(backend, text, "ar")


def test_meeting_with_counterpart_behind_a_title(backend):
    text = "والتقى الرئيس عبد الفتاح السيسي بنظيره الأمريكي جو بايدن في شرم الشيخ يوم الجمعة."
    e = only(events_of(backend, text), "meeting")
    assert (e.actor, e.counterpart, e.date, e.modality) == ("عبد الفتاح السيسي", "جو بايدن", "2023-09-08", "asserted")


def test_described_speaker_stops_before_the_object(backend):
    e = only(events_of(backend, "نفى وزير الداخلية وجود أي قضية جارية ضد الصحفي."), "announcement")
    assert e.actor == "وزير الداخلية"


def test_speaker_named_after_his_title(backend):
    text = "لكن المتحدث باسم الكرملين ديمتري بيسكوف أكد يوم الاثنين أن الزيارة ستتم."
    e = only(events_of(backend, text), "announcement")
    assert (e.actor, e.date) == ("ديمتري بيسكوف", "2023-09-11")


def test_visit_is_planned_and_the_country_is_its_destination(backend):
    text = "وقال وزير الخارجية الفرنسي جان إيف لودريان يوم الأربعاء إن الرئيس سيزور الجزائر الشهر المقبل."
    events = events_of(backend, text)
    said, visit = only(events, "announcement"), only(events, "visit")
    assert (said.actor, said.date) == ("جان إيف لودريان", "2023-09-06")
    assert (visit.destination, visit.modality, visit.date) == ("الجزائر", "planned", "2023-10")
    assert visit.actor != "الجزائر"


def test_names_glued_across_a_preposition_are_cut(backend):
    e = only(events_of(backend, "ولن يلتقي ماكرون ببوتين خلال القمة المقبلة."), "meeting")
    assert (e.actor, e.counterpart, e.modality) == ("ماكرون", "بوتين", "negated")


def test_talks_held_by_the_subject_of_the_light_verb(backend):
    text = "وعقد وزير الخارجية الأمريكي أنتوني بلينكن محادثات مع نظيره الصيني وانغ يي في بكين يوم الأحد."
    e = only(events_of(backend, text), "meeting")
    assert (e.actor, e.counterpart, e.location, e.date) == ("أنتوني بلينكن", "وانغ يي", "بكين", "2023-09-10")
