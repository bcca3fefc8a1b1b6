"""The recording rules: each says what to put right (IRO-BRIEF.md §3, DfE rules 440/441)."""

from datetime import date

import pytest

from iro_desktop.domain.validation import (
    BookingEntry,
    ChallengeEntry,
    ChildEntry,
    DecisionStep,
    NewDecision,
    PartEntry,
    PersonEntry,
    ReviewEntry,
    StageEntry,
    StepAction,
    booking_problems,
    challenge_problems,
    child_problems,
    code_problems,
    escalation_problems,
    proposed_code,
    review_problems,
)

TODAY = date(2026, 11, 23)
DOB_10 = date(2016, 5, 6)
DOB_2 = date(2024, 3, 1)


def _review(*days, code="PN1", **kwargs):
    return ReviewEntry(parts=tuple(PartEntry(d, "Home") for d in days), review_code=code, **kwargs)


def _messages(problems):
    return [p.message for p in problems]


def test_pn0_is_proposed_under_4_and_not_from_the_4th_birthday():
    dob = date(2022, 11, 23)
    assert proposed_code(dob, date(2026, 11, 22)) == "PN0"
    assert proposed_code(dob, date(2026, 11, 23)) is None  # the 4th birthday
    assert proposed_code(DOB_2, TODAY) == "PN0"


@pytest.mark.parametrize(
    ("dob", "on", "code", "refused"),
    [
        (DOB_10, TODAY, "PN0", True),  # rule 440: PN0 for a child of 4 or over
        (DOB_10, TODAY, "PN1", False),
        (DOB_2, TODAY, "PN0", False),
        (DOB_2, TODAY, "PN5", True),  # rule 441: PN1-PN7 under 4
        (date(2022, 11, 23), date(2026, 11, 23), "PN0", True),  # on the 4th birthday
        (date(2022, 11, 23), date(2026, 11, 23), "PN1", False),
        (date(2022, 11, 23), date(2026, 11, 22), "PN1", True),  # the day before
    ],
)
def test_pn_code_fits_the_age_on_the_review_date(dob, on, code, refused):
    assert bool(code_problems(dob, on, code)) is refused


def test_pn0_refusal_says_what_to_choose():
    [problem] = code_problems(DOB_10, TODAY, "PN0", "Mason")
    assert problem.field == "review_code"
    assert "Mason was 10 on Mon 23 Nov 2026" in problem.message
    assert "choose PN1 to PN7" in problem.message


def test_a_missing_code_is_a_required_field():
    [problem] = code_problems(DOB_10, TODAY, "")
    assert problem.required


def test_a_review_before_the_childs_birth_is_refused():
    problems = review_problems(_review(date(2016, 1, 1)), DOB_10, TODAY, name="Mason")
    assert any("before Mason's date of birth" in m for m in _messages(problems))


def test_a_review_in_the_future_is_refused():
    problems = review_problems(_review(date(2026, 12, 1)), DOB_10, TODAY)
    assert any("after today" in m for m in _messages(problems))


def test_a_part_after_the_next_part_is_refused_and_ordered_parts_pass():
    problems = review_problems(_review(date(2026, 11, 20), date(2026, 11, 10)), DOB_10, TODAY)
    assert [p.field for p in problems] == ["parts.0.held_on"]
    assert "Part 1 (Fri 20 Nov 2026) is after part 2 (Tue 10 Nov 2026)" in problems[0].message
    assert review_problems(_review(date(2026, 11, 10), date(2026, 11, 20)), DOB_10, TODAY) == []


def test_a_new_decisions_date_in_the_past_is_refused():
    entry = _review(
        date(2026, 11, 20),
        decisions=(NewDecision("Book dentist", "Carer", date(2026, 11, 1)),),
    )
    [problem] = review_problems(entry, DOB_10, TODAY)
    assert problem.field == "decisions.0.by_when"
    assert "in the past" in problem.message


def test_a_new_decision_needs_what_who_and_when():
    entry = _review(date(2026, 11, 20), decisions=(NewDecision("", "", None),))
    fields = {p.field for p in review_problems(entry, DOB_10, TODAY)}
    assert fields == {"decisions.0.what", "decisions.0.who", "decisions.0.by_when"}


def test_a_late_review_needs_its_reason():
    entry = _review(date(2026, 11, 20))
    problems = review_problems(entry, DOB_10, TODAY, due=date(2026, 11, 8))
    assert [p.field for p in problems] == ["timing_reason"]
    late = _review(date(2026, 11, 20), timing_reason="Child in hospital")
    assert review_problems(late, DOB_10, TODAY, due=date(2026, 11, 8)) == []


def test_carried_decisions_need_a_new_date_and_dropped_ones_a_reason():
    entry = _review(
        date(2026, 11, 20),
        steps=(
            DecisionStep(4, StepAction.CARRY),
            DecisionStep(5, StepAction.CARRY, date(2026, 1, 1)),
            DecisionStep(6, StepAction.DROP),
            DecisionStep(7, StepAction.DONE),
        ),
    )
    fields = [p.field for p in review_problems(entry, DOB_10, TODAY)]
    assert fields == ["steps.4.new_by_when", "steps.5.new_by_when", "steps.6.note"]


def test_welsh_text_is_allowed():
    entry = _review(date(2026, 11, 20), text_language="cy", child_words="Dw i'n hapus")
    assert review_problems(entry, DOB_10, TODAY) == []


def test_child_required_fields_and_taken_reference():
    entry = ChildEntry("DB1", "", "", None, people=(PersonEntry("mother", ""),))
    problems = child_problems(entry, TODAY, taken_refs=["DB1"])
    fields = {p.field for p in problems}
    assert {"child_ref", "first_name", "last_name", "dob", "people.0.name"} <= fields
    assert any("already on your caseload" in m for m in _messages(problems))


def test_booking_in_the_past_is_refused():
    [problem] = booking_problems(BookingEntry(date(2026, 11, 1)), DOB_10, TODAY)
    assert "Record review" in problem.message


def test_challenge_stage_bounds_and_escalation():
    ok = ChallengeEntry("Care plan implementation", 0, TODAY, "Team manager")
    assert challenge_problems(ok, TODAY, 3) == []
    assert challenge_problems(ChallengeEntry("x", 4, TODAY, "y"), TODAY, 3)
    assert escalation_problems(StageEntry(1, TODAY, "Head of service"), 0, TODAY, TODAY, 3) == []
    assert escalation_problems(StageEntry(1, TODAY, "Head"), 1, TODAY, TODAY, 3)
    [last] = escalation_problems(StageEntry(4, TODAY, "Director"), 3, TODAY, TODAY, 3)
    assert "last formal stage" in last.message
