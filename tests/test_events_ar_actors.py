"""Arabic actors beyond the verb's own subject: relative clauses, a title's name
after the verb, a speaker continued from the previous sentence, the holder of a
meeting noun. Short sentences of our own, through recorded analyses (``backend``)."""

from __future__ import annotations

from event_helpers import fixture_events, only


def events_of(backend, text: str):
    return fixture_events(backend, text, "ar")


def actors(events, type_: str) -> list:
    return [e.actor for e in events if e.type == type_]


def test_a_relative_clause_takes_the_name_it_modifies(backend):
    """'… محمد علي، الذي اتهمه بالفساد': the party leader accused him, not the minister who replied."""
    text = "ورد الوزير على تصريحات رئيس الحزب محمد علي، الذي اتهمه بالفساد."
    assert "محمد علي" in actors(events_of(backend, text), "announcement")


def test_a_relative_clause_whose_verb_disagrees_keeps_its_own_subject(backend):
    """'القرار الذي أعلنت عنه وزارة الصحة': a feminine verb after a masculine relative has its own subject."""
    text = "وشمل القرار الذي أعلنت عنه وزارة الصحة عشرة مستشفيات."
    assert actors(events_of(backend, text), "announcement") == ["وزارة الصحة"]


def test_an_indefinite_noun_and_its_verb_are_a_clause_of_their_own(backend):
    """'سائحة ألمانية زارت تونس': the tourist visited, not the minister who met her; a described
    traveller is no actor of ours, so there is no visit."""
    text = "وقالت الوزيرة ليلى سالم خلال لقائها سائحة ألمانية زارت تونس عشرين مرة إن الموسم جيد."
    assert actors(events_of(backend, text), "visit") == []


def test_the_name_after_a_title_and_a_comma_is_the_speaker(backend):
    text = "قال وزير الصحة والشؤون الاجتماعية، محمد علي، إن الوضع مستقر."
    assert actors(events_of(backend, text), "announcement") == ["محمد علي"]


def test_a_subjectless_statement_continues_the_previous_speaker(backend):
    """'وأضاف أن …' with no subject: the same speaker, one statement with both mentions."""
    text = "قال وزير الصحة محمد علي إن الوضع مستقر. وأضاف أن المستشفيات جاهزة لاستقبال المرضى."
    said = [e for e in events_of(backend, text) if e.type == "announcement"]
    assert [(e.actor, len(e.mentions)) for e in said] == [("محمد علي", 2)]


def test_a_noun_after_there_is_no_speaker(backend):
    """'وقال هناك دراسة …' (he said there is a study): the study said nothing."""
    text = "قال وزير الصحة محمد علي إن الوضع مستقر. وقال هناك دراسة جديدة حول المرض."
    assert actors(events_of(backend, text), "announcement") == ["محمد علي"]


def test_a_meeting_noun_is_held_by_its_genitive(backend):
    """'عقب اجتماع اللجنة': the committee met."""
    text = "وأعلنت الحكومة القرار عقب اجتماع اللجنة الوطنية للصحة."
    assert actors(events_of(backend, text), "meeting") == ["اللجنة الوطنية"]


def test_a_possessive_visit_noun_refers_to_the_previous_actor(backend):
    """'زيارته' in the next sentence: the president who arrived."""
    text = "ووصل الرئيس التونسي قيس سعيد إلى باريس يوم الأحد. وتستمر زيارته ثلاثة أيام."
    assert actors(events_of(backend, text), "visit") == ["قيس سعيد"]


def test_a_bare_title_later_names_the_person_introduced_with_it(backend):
    """'وأكد الوزير' after 'قال وزير الخارجية الفرنسي جان إيف لودريان': one speaker, one statement."""
    text = "قال وزير الخارجية الفرنسي جان إيف لودريان إن الوضع خطير. وأكد الوزير أن المفاوضات مستمرة."
    said = [e for e in events_of(backend, text) if e.type == "announcement"]
    assert [(e.actor_resolved, len(e.mentions)) for e in said] == [(said[0].actor_resolved, 2)]
    assert said[0].actor == "جان إيف لودريان"


def test_a_subjectless_verb_continues_the_name_after_a_complementizer(backend):
    """'أن محمد علي رفض … وكشف … وقال': he revealed and said it, not the sources reporting it."""
    text = "وأوضحت المصادر أن محمد علي لم يقبل المقترح، فبادر بالاتصال بالصحفيين وكشف عن مضمون اللقاء وقال إن الحكومة أخطأت."
    assert "محمد علي" in actors(events_of(backend, text), "announcement")


def test_the_genitive_of_a_reception_is_received_not_the_host(backend):
    """'استقبال الطلبة الأجانب': admitting the students; nobody named hosts them, so no meeting."""
    text = "وتضمن القرار إعادة هيكلة المعهد مع استقبال الطلبة الأجانب للدراسة."
    assert actors(events_of(backend, text), "meeting") == []


def test_a_reception_with_its_host_stays_a_meeting(backend):
    text = "وقال وزير الصحة محمد علي لدى استقباله سفير فرنسا إن العلاقات متينة."
    assert actors(events_of(backend, text), "meeting") == ["محمد علي"]


def test_a_described_subject_holds_an_event_noun_only_through_a_light_verb(backend):
    """'السائح الألماني يفضل زيارة الجنوب': the tourist prefers visiting, no visit took place."""
    text = "وقال الوزير إن السائح الألماني يفضل زيارة الجنوب في الشتاء."
    assert actors(events_of(backend, text), "visit") == []


def test_a_complementizer_without_hamza_ends_the_speakers_clause(backend):
    """'واضاف انه سيتم تعيين …': the name after "انه" (أنه without hamza) is what was said, not who said it."""
    text = "قال وزير الصحة محمد علي إن الوضع مستقر. واضاف انه سيتم تعيين أحمد الطاهر مديرا للمستشفى."
    assert actors(events_of(backend, text), "announcement") == ["محمد علي"]


def test_what_a_statement_denies_is_not_its_speaker(backend):
    """'ونفى وجود أي إصابات': the existence was denied; the speaker is the minister of the sentence before."""
    text = "قال وزير الصحة محمد علي إن الوضع مستقر. ونفى وجود أي إصابات جديدة في المستشفى."
    assert actors(events_of(backend, text), "announcement") == ["محمد علي"]


def test_a_quoted_programme_name_is_not_the_speaker(backend):
    """'… خلال مشاركتها في برنامج "بوليتيكو"': the programme hosted her; she spoke."""
    text = 'قالت وزيرة السياحة سلوى الهادي خلال مشاركتها في برنامج "بوليتيكو" إن الموسم ناجح.'
    assert "بوليتيكو" not in actors(events_of(backend, text), "announcement")


def test_the_one_told_is_not_the_speaker(backend):
    """'وأكد مصدر أمني لوكالة "رويترز"': the agency was told; the source spoke."""
    text = 'وأكد مصدر أمني لوكالة "رويترز" أن الوضع هادئ.'
    assert actors(events_of(backend, text), "announcement") == ["مصدر أمني"]


def test_the_subject_of_kana_is_the_speaker_of_the_verb_after_it(backend):
    """'وكان المتحدث … قد أكد': the spokesman had said it, not the agency of the sentence before."""
    texts = ["ذكرت وكالة الأنباء الرسمية أن عدد الضحايا بلغ عشرة. وكان المتحدث الرسمي لرئاسة شؤون الحج والعمرة قد أكد أن الوضع تحت السيطرة.",
             "ذكرت وكالة الأنباء الرسمية أن عدد الضحايا بلغ عشرة. وكان رئيس بلدية المدينة القديمة قد أكد أن الوضع تحت السيطرة.",
             "ذكرت وكالة الأنباء الرسمية أن عدد الضحايا بلغ عشرة. وكان المدير العام للحماية المدنية والإنقاذ قد أكد أن الأمطار الغزيرة تسببت في الحادث."]
    for text in texts:
        speakers = actors(events_of(backend, text), "announcement")
        assert len(speakers) == 2 and speakers[0] == "وكالة الأنباء الرسمية", speakers


def test_a_plural_verb_takes_the_coordinated_subject_of_the_verb_before(backend):
    """'وقدم كل من X و Y التعازي … وعبروا': they are X and Y, not the ministry of the sentence before."""
    text = "وأعلنت وزارة الخارجية الحداد. وقدم كل من الوزير محمد علي والسفير أحمد الطاهر التعازي لعائلات الضحايا وعبروا عن تضامنهم."
    expressed = [e.actor for e in events_of(backend, text) if "عبروا" in e.trigger]
    assert len(expressed) == 1 and expressed[0] in "الوزير محمد علي والسفير أحمد الطاهر", expressed


def test_the_name_between_commas_after_a_title_and_its_phrase_speaks(backend):
    """'أفاد المتحدث الرسمي باسم وزارة الصحة، الدكتور سامي الهادي، أن': the title governs a phrase
    with a preposition, then the person comes between commas, after a word of rank."""
    text = "أفاد المتحدث الرسمي باسم وزارة الصحة، الدكتور سامي الهادي، أن المستشفى استقبل 11 مريضا."
    assert [a for a in actors(events_of(backend, text), "announcement")] == ["سامي الهادي"]


def test_a_name_told_something_after_the_title_does_not_speak(backend):
    """Control: 'لنظيره الفرنسي X' with no comma is the one told, not the name of the title."""
    text = "وقال وزير الخارجية التونسي لنظيره الفرنسي جان إيف لودريان إن الزيارة ستتم قريبا."
    assert "لودريان" not in " ".join(a or "" for a in actors(events_of(backend, text), "announcement"))


def test_a_plural_possessive_is_not_the_one_speaker_before_it(backend):
    """'ولدى وصولهم' (on their arrival) after a single source's statement: the arrival is the
    patrol's, not the source's; control: 'ولدى وصوله' (his) continues him."""
    theirs = "وقال مصدر أمني إن الدورية تحركت ليلا. ولدى وصولهم إلى المكان وجدوا القارب معطلا."
    assert [e for e in events_of(backend, theirs) if e.type == "arrival" and e.actor] == []
    his = "وقال الوزير سامي الهادي إنه تحرك ليلا. ولدى وصوله إلى المكان وجد القارب معطلا."
    assert ["سامي" in (e.actor or "") for e in events_of(backend, his) if e.type == "arrival"] == [True]


def test_a_name_the_recognizer_missed_is_still_the_parsed_speaker(backend):
    """'وأكد بوغديري أن …': a subject the tagger knows only as a name (X or PROPN) speaks, not the noun after it."""
    assert actors(events_of(backend, "وأكد بوغديري أن الاتحاد سيواصل التفاوض مع الحكومة."), "announcement") == ["بوغديري"]


def test_what_a_speaker_called_something_is_no_second_speaker(backend):
    """'ما اعتبره التهميش': after "what", a verb of two objects has its subject dropped (he considered
    it marginalization); the noun after it is the second object, not someone who spoke."""
    found = actors(events_of(backend, "وأدان قيقة ما اعتبره التهميش الممنهج من المكتب التنفيذي."), "announcement")
    assert "التهميش الممنهج" not in found and found


def test_the_title_after_a_misread_name_speaks_with_its_date(backend):
    """'قال علي بوعزيزي، الناطق الرسمي …، اليوم، إن': the tagger reads "علي" as the preposition "على", but the
    title in apposition after the comma is the verb's parsed subject: the spokesman spoke today."""
    events = events_of(backend, "قال علي بوعزيزي، الناطق الرسمي باسم وزارة الداخلية، اليوم، إن الوحدات الأمنية أوقفت المشتبه به.")
    assert [(e.actor, e.date) for e in events if e.trigger == "قال"] == [("الناطق الرسمي", "2023-09-12")]


def test_a_thing_before_the_relative_word_is_no_speaker(backend):
    """'يواصل … إضراب الجوع الذي قال إنه …': "الذي" refers to the strike, whose clause has its own
    dropped subject (he said); only a phrase that names someone speaks through a relative word."""
    text = "يشار إلى أن الطالب سامي الهادي يواصل اضراب الجوع الذي قال إنه لن يوقفه قبل تسوية وضعيته."
    assert actors(events_of(backend, text), "announcement") == ["سامي الهادي"]


def test_the_person_named_after_a_possessed_title_speaks(backend):
    """'اعلن رئيسها التنفيذي، ميشال توماس بيرتي،': the title with its possessive clitic is followed by its
    holder between commas; he announced, not "رئيس"."""
    text = "ومن بين الشركات شركة كوستا للرحلات التي اعلن رئيسها التنفيذي، ميشال توماس بيرتي، الخميس بتونس عودة رحلاتها."
    assert actors(events_of(backend, text), "announcement") == ["ميشال توماس بيرتي"]


def test_a_first_name_takes_the_surname_the_article_uses_alone(backend):
    """The model names "يوسف" of "يوسف الشاهد"; the article says "الشاهد" alone later, so that word is his
    surname: one speaker, one statement, with his full name."""
    text = "قال رئيس الحكومة يوسف الشاهد اليوم الأحد إن الحكومة ستواصل الإصلاحات. وأضاف الشاهد أن الوضع الاقتصادي صعب."
    assert actors(events_of(backend, text), "announcement") == ["يوسف الشاهد"]


def test_a_recognized_person_after_a_rank_speaks_even_past_a_split_letter(backend):
    """'أكد المقدم بلحسن X الناطق الرسمي …': the tokenizer splits the name's first letter off as the
    preposition ب and the parse hangs the name on the verb; the rank (lieutenant colonel) before a
    recognized person is his, and the person goes on into his own title."""
    text = "أكد المقدم بلحسن الوسلاتي الناطق الرسمي باسم وزارة الدفاع أن الوحدات عادت اليوم."
    assert actors(events_of(backend, text), "announcement") == ["لحسن الوسلاتي"]


def test_the_person_after_a_title_s_complements_speaks_and_the_bare_title_later_is_her(backend):
    """'قالت المندوبة الجهوية للتربية بسوسة NAME، إن': the title runs on with its sector and town, then
    names its holder with no comma; later "المندوبة" alone is the same person, one statement."""
    text = ("قالت المندوبة الجهوية للتربية بسوسة سميرة بن خضر، إن الامتحانات ستنطلق في موعدها. "
            "وأكدت المندوبة أنه تم اتخاذ كل الإجراءات اللازمة.")
    assert actors(events_of(backend, text), "announcement") == ["سميرة بن خضر"]


def test_the_name_between_commas_after_a_title_of_an_organization_with_and_speaks(backend):
    """'الناطق الرسمي باسم الإدارة العامة للديوانة والجباية، NAME،': the organization's "and" is part of the
    title's phrase; a phrase that runs on into what was spoken about does not reach the name after it."""
    text = "قال الناطق الرسمي باسم الإدارة العامة للديوانة والجباية، هشام الرزقي، إن المصالح لا تقبل الاتهامات."
    assert actors(events_of(backend, text), "announcement") == ["هشام الرزقي"]
    text = "تحدث مراسل الإذاعة عن تفاصيل جديدة بشأن إصابة مهاجم النادي الإفريقي، سامي الطرابلسي."
    assert actors(events_of(backend, text), "announcement") == ["مراسل الإذاعة"]


def test_a_title_whose_holder_the_recognizer_missed_is_the_name_another_event_has(backend):
    """'أكد وزير تكنولوجيا الاتصال والاقتصاد الرقمي منعم الزواري في تصريح …' with the name unrecognized
    (and split by the tokenizer), then 'وأضاف منعم الزواري': the same words stand after the title, so the
    minister is Mr Zouari, one speaker and one statement."""
    text = ("أكد وزير تكنولوجيا الاتصال والاقتصاد الرقمي منعم الزواري في تصريح لإذاعة محلية أن الشبكة ستتوسع قريبا. "
            "وأضاف منعم الزواري أن الكلفة مرتفعة.")
    assert actors(events_of(backend, text), "announcement") == ["منعم الزواري"]


def test_what_a_speaker_affirms_ends_the_speaker_s_phrase(backend):
    """'وأكد رئيس السنغال وقوف بلده مع …': "standing by" is what he affirmed, even when the tokenizer
    splits it into a conjunction and a noun the parse hangs on the speaker; with its article the same
    kind of word is a title's genitive ("وزيرة الصحة": health, not the truth of something)."""
    assert actors(events_of(backend, "وأكد رئيس السنغال وقوف بلده مع غامبيا ووحدتها."), "announcement") == ["رئيس السنغال"]
    assert actors(events_of(backend, "وأكد أمير قطر وقوف بلده مع تونس ووحدتها متمنيا لها الاستقرار."), "announcement") == ["أمير قطر"]
    assert actors(events_of(backend, "وأكدت وزيرة الصحة أن الوضع مستقر في كل الجهات."), "announcement") == ["وزيرة الصحة"]


def test_a_thing_right_before_a_statement_verb_makes_it_an_adjectival_passive_not_a_speaker(backend):
    """'دون اشكال يذكر' (without a problem worth mentioning), 'لافتات تدعو إلى' (banners calling for): with no
    relative word, an indefinite thing before the verb is described by it; no one made a statement."""
    text = "وأوضح المدير أن الرحلة الأولى أقلعت في حدود الساعة التاسعة دون اشكال يذكر، في حين تأخرت الرحلة الثانية."
    assert actors(events_of(backend, text), "announcement") == ["المدير"]
    assert actors(events_of(backend, "رفع المحتجون لافتات تدعو إلى إطلاق سراح الموقوفين."), "announcement") == []


def test_the_data_that_indicate_something_made_no_statement_and_lend_none_to_the_speaker_before(backend):
    """'وتفيد المعطيات الأولية أنه …': the preliminary data indicate; nobody said it (events.toml evidence_nouns)."""
    text = "وقال المدرب إن اللاعب غادر المستشفى. وتفيد المعطيات الأولية أنه تعرض لإصابة خفيفة على مستوى الكتف."
    assert [(e.actor, e.trigger) for e in events_of(backend, text) if e.type == "announcement"] == [("المدرب", "قال")]


def test_the_person_right_after_a_title_and_its_organization_speaks_not_the_organization(backend):
    """'أكد رئيس مجموعة البنك الإفريقي للتنمية NAME دعمه …': no comma between the title's organization and
    its holder; the president speaks, and his surname later is the same speaker."""
    text = "أكد رئيس مجموعة البنك الإفريقي للتنمية أكينوومي أديسينا دعمه القوي لتونس في مسارها الاقتصادي. ودعا أديسينا إلى إصلاحات سريعة."
    assert actors(events_of(backend, text), "announcement") == ["أكينوومي أديسينا"]


def test_a_name_past_a_time_adverbial_is_the_object_s_not_the_subject_s_apposition(backend):
    """'التقى رئيس الحكومة X اليوم الخميس الرئيس البرتغالي السابق وزعيم حزب الاشتراكيين NAME': the party after the
    day is whom he met; the prime minister (whose name the recognizer missed) holds the meeting."""
    text = "التقى رئيس الحكومة الحبيب قايد الصيد اليوم الخميس الرئيس البرتغالي السابق وزعيم حزب الاشتراكيين ماريو سواريش."
    assert [a.startswith("رئيس الحكومة") for a in actors(events_of(backend, text), "meeting")] == [True]


def test_a_name_right_after_a_noun_with_a_possessive_clitic_is_the_verb_s_subject(backend):
    """"أعلن عن تركيبتها سامي الفرجاني": the parse hangs the name on "تركيبتها"
    as its genitive, inside the verb's prepositional phrase; a noun that already
    has a possessive pronoun takes no genitive, so the name is the subject."""
    said = only(fixture_events(backend, "قررت الهيئة مساندة الحكومة التي أعلن عن تركيبتها سامي الفرجاني، لكن بشروط.", "ar"), "announcement")
    assert said.actor == "سامي الفرجاني"
