"""English arguments, senses and dates that survive the compact models' parse
errors (issue 15), on short sentences of our own run through recorded analyses
(the ``backend`` fixture). Each case names the parse error it survives."""

from __future__ import annotations

import pytest
from event_helpers import fixture_events, only


def events_of(backend, text: str):
    return fixture_events(backend, text, "en")


def test_a_time_word_parsed_as_the_predicate_gives_the_participle_back(backend):
    """"is today visiting": the tagger calls "today" an adjective and the parse
    makes it the predicate, with "visiting" below it. The visit is the
    delegation's, not Cairo's (no "today visiting Cairo" noun phrase), and today's."""
    visit = only(events_of(backend, "The whole delegation is today visiting Cairo, once a close ally."), "visit")
    assert (visit.actor, visit.date, visit.date_basis) == ("whole delegation", "2023-09-12", "explicit")
    assert visit.destination == "Cairo"


def test_a_name_before_its_title_speaks_when_the_parse_makes_the_title_the_subject(backend):
    """"NAME, a TITLE at ORG, said": the subject's phrase ends at the comma right
    before the verb; that comma is the apposition's, not a clause break."""
    said = only(events_of(backend, "Mark Dole, a vice president at Hollis Brothers, said the new rules will cut back on panic buying."), "announcement")
    assert said.actor == "Mark Dole"


def test_a_passive_statement_is_made_by_its_agent_not_by_what_was_said(backend):
    said = only(events_of(backend, "The plan was announced by the ministry on Monday."), "announcement")
    assert (said.actor, said.modality, said.date) == ("ministry", "asserted", "2023-09-11")


def test_an_agentless_passive_has_no_speaker(backend):
    events = events_of(backend, "More names could be added to the register, officials said.")
    assert [(e.trigger, e.actor) for e in events] == [("said", "officials")]


def test_add_with_a_noun_as_object_is_no_statement(backend):
    events = events_of(backend, "Brokers said the new rule would add risk to lending.")
    assert [(e.trigger, e.actor) for e in events] == [("said", "Brokers")]


def test_a_date_in_a_reduced_relative_is_not_the_statement_s(backend):
    """"the cereals launched yesterday by Hallam Mills": yesterday is when they
    were launched, not when Norvik Foods spoke."""
    said = only(events_of(backend, "Norvik Foods said the new cereals launched yesterday by Hallam Mills would hardly dent its sales."), "announcement")
    assert (said.actor, said.date, said.date_basis) == ("Norvik Foods", None, "none")


def test_proposed_acknowledged_and_accused_are_statements_as_the_guidelines_list(backend):
    events = events_of(backend, "Senator Ann Vale proposed a freeze on farm prices on Friday. "
                                "The ministry acknowledged the plan would fail. Ruth Oduya accused the board of waste.")
    said = [(e.trigger, e.actor, e.date) for e in events if e.type == "announcement"]
    assert said == [("proposed", "Ann Vale", "2023-09-08"), ("acknowledged", "ministry", None), ("accused", "Ruth Oduya", None)]


def test_a_proposed_merger_is_no_statement(backend):
    assert [e for e in events_of(backend, "The proposed merger of the two banks was approved by shareholders.") if e.type == "announcement"] == []


def test_a_share_of_those_polled_is_no_speaker(backend):
    events = events_of(backend, "Some 52 pct said they would vote for the mayor, the pollster said.")
    assert [(e.trigger, e.actor) for e in events] == [("said", "pollster")]


def _words(rows):
    from extractors.records import Span, Word

    out, at = [], 0
    for index, (text, upos, feats, head, deprel) in enumerate(rows, start=1):
        out.append(Word(index, text, text, upos, feats, head, deprel, Span(at, at + len(text)), index - 1))
        at += len(text) + 1
    return out


def test_only_a_passive_verb_has_an_agent():
    """"officers met with the advisor", misparsed with the advisor as an agent:
    an active verb keeps its subject; "was received by X" is X's."""
    from extractors.events.tree import passive_agents

    active = _words([("officers", "NOUN", "", 2, "nsubj"), ("met", "VERB", "VerbForm=Part", 0, "root"),
                     ("with", "ADP", "", 4, "case"), ("advisor", "NOUN", "", 2, "obl:agent")])
    assert passive_agents(active, active[1], [active[0]]) == [active[0]]
    passive = _words([("envoy", "NOUN", "", 3, "nsubj:pass"), ("was", "AUX", "", 3, "aux:pass"),
                      ("received", "VERB", "VerbForm=Part|Voice=Pass", 0, "root"), ("by", "ADP", "", 5, "case"),
                      ("king", "NOUN", "", 3, "obl:agent")])
    assert passive_agents(passive, passive[2], [passive[0]]) == [passive[4]]


def test_a_possessive_day_dates_its_noun_not_the_verb_above(backend):
    """"for today's Evening Courier": today is the newspaper's day, not the survey's statement's."""
    said = only(events_of(backend, "The survey, by Morland Polls for today's Evening Courier, said voters backed the mayor."), "announcement")
    assert (said.actor, said.date) == ("Morland Polls", None)


def test_a_day_the_recognizer_calls_a_person_is_no_actor(backend):
    events = events_of(backend, "Monday's meeting between the two leaders went well, officials said.")
    assert not any((e.actor or "").startswith("Monday") for e in events), [(e.type, e.actor) for e in events]


def test_likely_could_and_agreed_to_plan_an_event_that_has_not_happened(backend):
    """Guidelines: "is likely to visit" and an agreement to hold talks are plans;
    "could meet" may never happen."""
    visit = only(events_of(backend, "Foreign Minister Lea Marsh is likely to visit Oslo soon, officials said."), "visit")
    meeting = only(events_of(backend, "Dan Ortiz could meet the mayor next week."), "meeting")
    talks = only(events_of(backend, "Ana Ruiz agreed to talks with Tom Hale on Friday."), "meeting")
    assert [e.modality for e in (visit, meeting, talks)] == ["planned"] * 3


def test_a_quarter_is_what_a_statement_reports_on_not_when_it_was_made(backend):
    said = only(events_of(backend, "Halden Stores said net income in the quarter totaled 90.6 mln dlrs."), "announcement")
    assert (said.actor, said.date) == ("Halden Stores", None)


def test_a_year_after_the_verb_is_the_period_of_what_was_said(backend):
    said = only(events_of(backend, "Halden Stores reported a loss for 2022."), "announcement")
    assert (said.actor, said.date) == ("Halden Stores", None)
    arabic = only(fixture_events(backend, "وأعلنت الوزارة حصيلة الصادرات هذا العام.", "ar"), "announcement")
    assert arabic.date is None
    earlier = only(events_of(backend, "Earlier this year, Halden Stores said its output rose."), "announcement")
    assert earlier.date == "2023"


def test_a_verb_with_its_own_subject_is_a_clause_however_the_parse_attaches_it(backend):
    """"…, ministry officials told Reuters", parsed as a relative clause of a noun
    before it: the verb's own subject speaks, never the one told."""
    text = "Trade Minister Ada Kell has left for Oslo to discuss a loan facility of up to 2 billion crowns, ministry officials told Reuters."
    told = only(events_of(backend, text), "announcement")
    assert told.actor == "ministry officials"


def test_a_relative_clause_verb_with_a_subject_of_its_own_is_plausible():
    """The tree of "…, ministry officials told Reuters" when "told" is attached
    as a relative clause of the noun before it: its own subject makes it a clause
    to read, unlike "met" hanging subjectless on "group"."""
    from extractors.events.fallback import implausible

    with_subject = _words([("loan", "NOUN", "", 0, "root"), ("officials", "NOUN", "", 3, "nsubj"),
                           ("told", "VERB", "VerbForm=Fin", 1, "acl:relcl"), ("Reuters", "PROPN", "", 3, "obj")])
    assert not implausible(with_subject, with_subject[2])
    subjectless = _words([("group", "NOUN", "", 0, "root"), ("met", "VERB", "VerbForm=Fin", 1, "acl:relcl"),
                          ("Reuters", "PROPN", "", 2, "obj")])
    assert implausible(subjectless, subjectless[1])


def test_a_planning_word_in_a_title_plans_nothing(backend):
    departure = only(events_of(backend, "Finance and Planning Minister Ana Vale has left for Washington to discuss a loan."), "departure")
    assert (departure.actor, departure.modality) == ("Ana Vale", "asserted")


def test_a_name_in_apposition_before_the_verb_speaks_whatever_the_parse_hangs_it_on(backend):
    """The parse makes "leader" an oblique and the name its modifier: the name closed by the comma
    right before the verb is still the subject's."""
    text = "The mission's head, Pedro Alves, told reporters last night the talks had gone well."
    told = only(events_of(backend, text), "announcement")
    assert (told.actor, told.date) == ("Pedro Alves", "2023-09-11")


def test_a_departure_in_the_progressive_is_a_schedule(backend):
    """"was leaving", "is arriving": the progressive of a verb naming a moment has not happened yet;
    control: the simple past left."""
    leaving = events_of(backend, "Pedro Alves told reporters last night he was leaving for Madrid.")
    assert [e.modality for e in leaving if e.type == "departure"] == ["planned"]
    left = events_of(backend, "Pedro Alves told reporters last night he left for Madrid.")
    assert [e.modality for e in left if e.type == "departure"] in (["asserted"], ["reported"])


@pytest.mark.parametrize("text,speaker", [
    ("Bank of Portugal Governor Pedro Alves said inflation would slow.", "Pedro Alves"),
    ("Lisbon Dairy Board spokesman Pedro Alves said prices would rise.", "Pedro Alves"),
])
def test_the_person_after_an_organization_and_a_title_speaks(backend, text, speaker):
    """"<organization> <title> <person> said": the parse may make the organization's word the subject;
    the person named last, right before the verb, is who spoke."""
    assert only(events_of(backend, text), "announcement").actor == speaker


def test_an_organization_split_by_the_tagger_stays_the_speaker():
    """No title between the two parts: "American Can" is one company's name, which the tagger split
    into an organization and a person; the person rule leaves it alone."""
    from extractors import lexicon
    from extractors.events.clause import Clause, Query
    from extractors.events.subjects import subject_actor
    from extractors.records import Entity, Span, Word

    text = "American Can said"
    words = [Word(1, "American", "American", "PROPN", None, 3, "nsubj", Span(0, 8), 0),
             Word(2, "Can", "Can", "PROPN", None, 1, "flat", Span(9, 12), 1),
             Word(3, "said", "say", "VERB", None, 0, "root", Span(13, 17), 2)]
    entities = [Entity("American", "ORG", Span(0, 8), 0, "american", "american"), Entity("Can", "PER", Span(9, 12), 0, "can", "can")]
    lex = {**lexicon.load("en", "events"), "lang": "en"}
    clause = Clause(words, 2, 0, 3, text, ())
    actor = subject_actor(clause, [words[0]], entities, Query("announcement", False, lex, "en"))
    assert actor.text == "American"


def test_no_name_after_a_passive_statement_verb_is_its_speaker(backend):
    """"After the rule was criticized the board changed it": no quote inversion after a passive;
    control: "…, said Ana Costa" still inverts."""
    passive = events_of(backend, "After the rule was criticized the Lisbon Dairy Board changed it.")
    assert [e.actor for e in passive if e.type == "announcement"] == []
    inverted = events_of(backend, "The dairy rule will change next year, said Ana Costa.")
    assert [e.actor for e in inverted if e.type == "announcement"] == ["Ana Costa"]


@pytest.mark.parametrize("text,speaker", [
    ("Fairfield Paper Products Ltd said it plans a 40 mln dlr expansion of its mill. Fairfield said the work starts soon.",
     "Fairfield Paper Products Ltd"),
    ("Lakeside Mutual Insurance Co said its stockholders approved a three-for-two stock split.", "Lakeside Mutual Insurance Co"),
    ("Northern Timber\nResources Ltd said it has received a feasibility study for its mine.", "Northern Timber Resources Ltd"),  # wrapped
])
def test_a_company_whose_name_the_sentence_splitter_cut_before_its_suffix_speaks_whole(backend, text, speaker):
    """The English splitter cuts "X Products | Ltd said …": the company is the whole name, not "Ltd", and
    its short name later is the same speaker."""
    said = [e for e in fixture_events(backend, text, "en") if e.type == "announcement"]
    assert [e.actor for e in said] == [speaker]


RELATIVE_THEN_STATEMENT = ("Smith, who met again this morning with senior bank executive William Rhodes and representatives "
                           "of Morgan Guaranty Trust Co and Lloyds Bank Plc, told the banks that the government was preparing a telex.")


def test_the_verb_after_who_is_the_person_s_whatever_the_parse(backend):
    """"Smith, who met …": the parse makes "met" the root with "who" its only
    subject, so no antecedent is found on the tree; "who" names the person
    right before it (extractors/lang/en/events.toml, actors.relative_words)."""
    meeting = only(events_of(backend, RELATIVE_THEN_STATEMENT), "meeting")
    assert (meeting.actor, meeting.counterpart, meeting.date) == ("Smith", "William Rhodes", "2023-09-12")


def test_the_verb_after_the_comma_closing_a_relative_clause_has_its_antecedent_as_subject(backend):
    """"…, who met … Lloyds Bank Plc, told the banks": the parse makes the last
    company of the relative clause the subject of "told"."""
    told = only(events_of(backend, RELATIVE_THEN_STATEMENT), "announcement")
    assert told.actor == "Smith"


HART = "Jim Hart, chairman of Delta Mining Corp, who visited Lima on Monday, said output would rise."


def test_a_person_named_before_who_comes_before_the_company_of_his_title(backend):
    """"who" refers to a person: "Jim Hart, chairman of Delta Mining Corp, who
    visited …" is Hart's visit, not the company's (his name starts before the
    eight words looked back over)."""
    visit = only(events_of(backend, HART), "visit")
    assert (visit.actor, visit.date) == ("Jim Hart", "2023-09-11")


def test_the_day_of_a_relative_clause_stays_in_it(backend):
    """The parse makes "said" a conjunct of "visited"; Monday is the visit's,
    set off by the commas of the relative clause, not the statement's."""
    said = only(events_of(backend, HART), "announcement")
    assert (said.actor, said.date) == ("Jim Hart", None)


def test_a_nationality_adjective_is_nobody_s_name(backend):
    """"reports which said …": with no subject on the tree, the fallback looks
    for a name near the verb; "British" in "British anger" only describes the
    anger (NER tags it MISC)."""
    events = events_of(backend, "She declined comment on local press reports which said the ministry would back a plan to calm British anger.")
    assert [e.actor for e in events if e.type == "announcement"] in ([], [None])


def test_a_name_before_an_apposition_set_off_by_commas_speaks(backend):
    """"Marsh, a Republican, said": the parse gives "said" both words as
    subjects; the apposition ends right before the verb, the name is who spoke."""
    said = [e for e in events_of(backend, "Marsh, a Republican, said he agrees but said others may want changes.") if e.type == "announcement"]
    assert [e.actor for e in said] == ["Marsh"]


def test_a_meeting_of_a_group_is_held_by_it_and_dated_at_the_end_of_its_phrase(backend):
    """"said the meeting of six major industrial nations in Paris last month did
    not …": the plural noun after "of" holds the meeting (not the speaker's
    ministry), and "last month", which the parse makes the subject of "did not
    set", ends the phrase that is that verb's subject: the meeting's date, not
    the statement's."""
    events = events_of(backend, "Lee said the meeting of six major industrial nations in Paris last month did not set a target for the dollar.")
    meeting, said = only(events, "meeting"), only(events, "announcement")
    assert (meeting.actor, meeting.date) == ("six major industrial nations", "2023-08")
    assert (said.actor, said.date) == ("Lee", None)


@pytest.mark.parametrize("text,actor", [
    ("Delta Ridge Corp, which owns the Killington and Mount Snow ski resorts in Vt., said the new area is in the San Bernardino mountains.",
     "Delta Ridge Corp"),
    ("In a filing with the Securities and Exchange Commission, the group, which also includes individual investors and a foundation, "
     "said it bought the stake as an investment.", "group"),
])
def test_the_verb_after_a_which_clause_is_said_by_what_comes_before_it(backend, text, actor):
    """"X, which owns …, said": the parse makes "said" a parataxis of "owns";
    the company before "which" spoke, and a common noun right before it ("the
    group") rather than a name further back (the commission it filed with)."""
    said = only(events_of(backend, text), "announcement")
    assert said.actor == actor


def test_a_pronoun_the_recognizer_calls_a_person_speaks_for_no_one(backend):
    """"As I've said before": the model tags "I've" as a person; a pronoun is no
    name, so there is no speaker "I" beside the one quoted."""
    said = [e for e in events_of(backend, 'Baker said the mood was disturbing. "As I\'ve said before, we see ourselves as engaged here in a '
                                          'real struggle," he said.') if e.type == "announcement"]
    assert [e.actor for e in said] == ["Baker"]


def test_the_noun_after_for_is_the_subject_of_the_infinitive_and_of_his_trip(backend):
    """"no plans for … Pedro Alves to meet commercial bankers during his trip":
    the parse gives "meet" no subject, and climbing to "said" made the bankers
    meet and travel; "for X to" names who would (actors.infinitive_subjects),
    and such an infinitive states no fact."""
    events = events_of(backend, "Bankers said there are no plans for Brazilian finance minister Pedro Alves to meet commercial bankers "
                                "during his trip to Madrid on Friday and Saturday.")
    meet, trip = only(events, "meeting"), only(events, "visit")
    assert (meet.actor, meet.modality) == ("Pedro Alves", "planned")
    assert (trip.actor, trip.modality, trip.date) == ("Pedro Alves", "planned", "2023-09-15")


def test_a_date_between_a_determiner_and_an_event_noun_is_the_noun_s(backend):
    """"After the June 8-10 summit, Reagan will travel … on June 12": the parse
    hangs "June 8" on "travel"; written inside "the … summit" it is the summit's,
    and the trip (and the meeting conjoined to it) is on June 12."""
    events = events_of(backend, "After the June 8-10 summit, Reagan will travel to West Berlin on June 12 and will meet West German "
                                "Chancellor Helmut Kohl in Bonn.")
    summit = next(e for e in events if e.trigger == "summit")
    travel, meet = only(events, "departure"), next(e for e in events if e.trigger == "meet")
    assert (summit.date, travel.date, meet.date) == ("2024-06-08/2024-06-10", "2024-06-12", "2024-06-12")


def test_a_described_traveller_before_that_is_the_actor_of_its_trip(backend):
    """"a Japanese team that left for Washington today": no one is named, but a
    team (actors.travellers) travels; a thing before "that" would not."""
    left = only(events_of(backend, "Japan has little chance, despite the efforts of a Japanese team that left for Washington today."), "departure")
    assert (left.actor, left.destination, left.date) == ("team", "Washington", "2023-09-12")


@pytest.mark.parametrize("text", [
    "Delta Systems, of which the unit is a part, said in a statement a decision would be reached in November about when the "
    "Norwegian firm would take over the operation.",
    "The agency, received in London, said the accord was reached between the Iranian oil minister and a visiting Ghanaian "
    "delegation headed by the foreign minister.",
])
def test_a_nationality_before_a_noun_is_nobody_s_name(backend, text):
    """"the Norwegian firm", "a visiting Ghanaian delegation": a nationality the
    recognizer tags MISC, set before a common noun, describes it; when the tree
    gives the statement no subject it is not who spoke."""
    assert [e.actor for e in events_of(backend, text) if e.type == "announcement"] == []


def test_whom_a_speaker_tells_is_never_the_speaker(backend):
    """"Kenneth Marsh, President of …, told a House Agriculture subcommittee": the
    parse makes the name the root and "told" hangs subjectless; the name after
    "told" is whom he told (actors.recipient_verbs), not an inverted speaker."""
    told = only(events_of(backend, "Kenneth Marsh, President of Holly Farms Poultry Industries and a director of the National Broiler "
                                   "Council, told a House Agriculture subcommittee the incidence of salmonella has not increased."), "announcement")
    assert told.actor == "Kenneth Marsh"
