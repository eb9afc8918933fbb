"""How English wire stories date events: an inventory of short sentences of our
own (no corpus wording), each with its publication date and the event, actor
and date a reader gives it — ``None`` when the text does not date that event.

The figure that matters is how many cases get the right date: each case is a
test, and a case Dateline still gets wrong is marked ``xfail`` (strict) with
the reason, so that the count is honest and a fix shows up as an XPASS to
unmark. Run through recorded analyses (the ``backend`` fixture); new texts are
recorded with ``DATELINE_RECORD_SNAPSHOTS=1`` (tests/README.md).
"""

from __future__ import annotations

from datetime import date

import pytest

from event_helpers import check_inventory_case, check_inventory_ids, inventory_params

MON, TUE, WED, THU = date(2023, 9, 11), date(2023, 9, 12), date(2023, 9, 13), date(2023, 9, 14)

# (case id, text, publication date, event type, actor as written, expected date or None)
CASES = [
    # statements dated by a weekday: the last one, or the publication day itself
    ("said_on_tuesday_next_day", "Foreign Minister John Carter said on Tuesday that his country supports the talks.", WED, "announcement", "John Carter", "2023-09-12"),
    ("said_on_tuesday_same_day", "Prime Minister Anna Berg said on Tuesday the budget was ready.", TUE, "announcement", "Anna Berg", "2023-09-12"),
    ("said_bare_sunday", "Interior Minister Mark Hill said Sunday that the border would stay closed.", TUE, "announcement", "Mark Hill", "2023-09-10"),
    ("said_on_thursday_monday_paper", "Trade Minister Sara Lane said on Thursday exports had risen.", MON, "announcement", "Sara Lane", "2023-09-07"),
    ("fronted_on_monday", "On Monday, Interior Minister Mark Hill said police had arrested ten people.", TUE, "announcement", "Mark Hill", "2023-09-11"),
    ("speaking_on_tuesday", "Foreign Minister John Carter, speaking in Geneva on Tuesday, said the talks were useful.", WED, "announcement", "John Carter", "2023-09-12"),
    ("statement_issued_tuesday", "The Defence Ministry said in a statement issued Tuesday that the drills had ended.", WED, "announcement", "Defence Ministry", "2023-09-12"),
    ("a_statement_issued_tuesday_said", "A statement issued Tuesday by the Health Ministry said the outbreak was over.", WED, "announcement", "Health Ministry", "2023-09-12"),
    ("speech_on_monday", "Prime Minister Anna Berg announced new elections in a televised speech on Monday.", TUE, "announcement", "Anna Berg", "2023-09-11"),
    # relative days and periods
    ("said_yesterday", "Defence Minister Paul Grant said yesterday that troops had left the border.", TUE, "announcement", "Paul Grant", "2023-09-11"),
    ("told_reporters_today", "President David Moore told reporters today that the economy was growing.", TUE, "announcement", "David Moore", "2023-09-12"),
    ("earlier_today", "The Health Ministry announced earlier today that schools would reopen.", TUE, "announcement", "Health Ministry", "2023-09-12"),
    ("this_morning", "Interior Minister Mark Hill said this morning that the curfew was lifted.", TUE, "announcement", "Mark Hill", "2023-09-12"),
    ("last_week", "The national oil company announced last week that it had found a new field.", TUE, "announcement", "national oil company", "2023-W36"),
    ("this_month", "President David Moore met the Japanese ambassador earlier this month.", TUE, "meeting", "David Moore", "2023-09"),
    ("last_month", "Prime Minister Anna Berg visited India last month.", TUE, "visit", "Anna Berg", "2023-08"),
    # calendar dates
    ("on_march_3", "Finance Minister Laura Stone said on March 3 that taxes would rise.", TUE, "announcement", "Laura Stone", "2023-03-03"),
    ("march_3_without_on", "Finance Minister Laura Stone said March 3 that taxes would rise.", TUE, "announcement", "Laura Stone", "2023-03-03"),
    ("abbreviated_month", "The Health Ministry announced on Sept. 5 that schools would reopen.", TUE, "announcement", "Health Ministry", "2023-09-05"),
    ("month_day_year", "President David Moore visited Tokyo on Aug. 28, 2023.", TUE, "visit", "David Moore", "2023-08-28"),
    # meetings and movements, past
    ("met_last_thursday_on_thursday", "President David Moore met the Chinese envoy last Thursday.", THU, "meeting", "David Moore", "2023-09-07"),
    ("met_on_thursday_on_thursday", "President David Moore met the Chinese envoy on Thursday.", THU, "meeting", "David Moore", "2023-09-14"),
    ("met_on_wednesday_past", "President David Moore met Egyptian Foreign Minister Sameh Adel on Wednesday.", TUE, "meeting", "David Moore", "2023-09-06"),
    ("talks_held_monday", "The talks between Foreign Minister John Carter and his Iranian counterpart, held Monday in Geneva, ended without agreement.", TUE, "meeting", "John Carter", "2023-09-11"),
    ("arrived_late_on_sunday", "President David Moore arrived in Berlin late on Sunday for a two-day visit.", TUE, "arrival", "David Moore", "2023-09-10"),
    ("left_saturday_night", "Prime Minister Anna Berg left for Moscow on Saturday night.", TUE, "departure", "Anna Berg", "2023-09-09"),
    ("met_late_sunday", "President David Moore met opposition leaders late Sunday.", TUE, "meeting", "David Moore", "2023-09-10"),
    # plans
    ("will_meet_on_friday", "President David Moore will meet his Kenyan counterpart on Friday.", TUE, "meeting", "David Moore", "2023-09-15"),
    ("due_to_arrive_monday", "Prime Minister Anna Berg is due to arrive in Paris Monday.", TUE, "arrival", "Anna Berg", "2023-09-18"),
    ("next_week", "Foreign Minister John Carter will visit Cairo next week.", TUE, "visit", "John Carter", "2023-W38"),
    ("arrive_tomorrow", "Foreign Minister John Carter will arrive in Rome tomorrow.", TUE, "arrival", "John Carter", "2023-09-13"),
    ("visit_in_october", "Prime Minister Anna Berg will visit Brazil in October.", TUE, "visit", "Anna Berg", "2023-10"),
    # the date belongs to another event, or to nothing
    ("reported_talks_date", "Foreign Minister John Carter said the talks would be held Monday.", TUE, "announcement", "John Carter", None),
    ("reported_meeting_said", "Foreign Minister John Carter said he would meet the Iranian envoy on Monday.", TUE, "announcement", "John Carter", None),
    ("reported_meeting_itself", "Foreign Minister John Carter said he would meet the Iranian envoy on Monday.", TUE, "meeting", "John Carter", "2023-09-18"),
    ("reported_action_date", "The army said it killed five militants on Friday.", TUE, "announcement", "army", None),
    ("relative_clause_date", "President David Moore met the delegation that arrived on Sunday.", TUE, "meeting", "David Moore", None),
    ("year_as_modifier", "Foreign Minister John Carter said the 1985 agreement was still valid.", TUE, "announcement", "John Carter", None),
    ("first_quarter_in_content", "The central bank said growth slowed in the first quarter.", TUE, "announcement", "central bank", None),
]

#: Cases Dateline still gets wrong, with the reason (strict: a fix makes them XPASS).
KNOWN_FAILURES: dict[str, str] = {
}


@pytest.mark.parametrize(("text", "published", "type_", "actor", "expected"), list(inventory_params(CASES, KNOWN_FAILURES)))
def test_english_event_date(backend, text, published, type_, actor, expected):
    check_inventory_case(backend, "en", text, published, type_, actor, expected)


def test_the_inventory_is_large_and_its_ids_unique():
    check_inventory_ids(CASES, KNOWN_FAILURES, 30)
