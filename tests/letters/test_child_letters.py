"""Issue 13's acceptance for the letter itself, on children built in code (situations.py):
built only from the child-facing layer, in every version and language, readable, Welsh
letters all Welsh, the life events each with their own words, sensitive items caught."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from iro_desktop.domain.model import LetterFormat, WordingKind
from iro_desktop.letters.checks import checked_lines, letter_warnings, sensitive_items
from iro_desktop.letters.choices import choose_version
from iro_desktop.letters.language_check import foreign_sentences
from iro_desktop.letters.model import parse_version
from iro_desktop.letters.plain_language import (
    LETTER_GRADE_TARGETS,
    reading_grade,
    third_person_warnings,
)
from tests.letters.situations import PROFESSIONAL, TODAY, situations
from tests.letters.situations import letter_for as build

VERSIONS = ["read_aloud", "standard", "young_person", "easy_read"]
LANGUAGES = ["en", "cy", "both"]
ALL = situations()


def _whole(letters) -> str:
    return "\n".join(t for letter in letters for t in letter.texts())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", ["age12", "welsh_both", "kinship"])
def test_every_version_and_language_speaks_only_to_the_child(name, version, lang):
    situation = ALL[name]
    letters = build(situation, version=version, language=lang, with_rights=True)
    whole = _whole(letters)
    # No professional field verbatim where it has child-facing wording.
    for text in situation.professional:
        assert text not in whole, text
    # The false promise is gone for good.
    assert "The plan below says" not in whole
    for letter in letters:
        lines = checked_lines(letter)
        assert "young person" not in "\n".join(lines).lower()
        assert "the IRO" not in "\n".join(lines)
        # The child's name only where it greets or names them.
        assert third_person_warnings(lines, letter.child_name, letter.language) == []
        if letter.language == "en":
            assert reading_grade(lines) <= LETTER_GRADE_TARGETS[letter.version], letter.version
        # Welsh letters with no English sentence, English ones with no Welsh.
        assert foreign_sentences(_without_contacts(letter.texts()), letter.language) == []


def _without_contacts(texts):
    return [t.replace("sam.okafor@council.example", "") for t in texts]


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_situation_reads_within_its_target(name):
    for letter in build(ALL[name]):
        if letter.language == "en":
            grade = reading_grade(checked_lines(letter))
            assert grade <= LETTER_GRADE_TARGETS[letter.version], (name, grade)
        assert foreign_sentences(_without_contacts(letter.texts()), letter.language) == []


def test_what_i_decided_and_why_says_the_plan_in_one_sentence_with_its_reasons():
    letter = build(ALL["age7"])[0]
    decided = letter.section("plan")
    texts = [b.text for b in decided.blocks]
    assert decided.heading == "What I decided, and why"
    assert "The plan is for you to stay with Stacey while you grow up." in texts
    assert "You are safe and happy here." in texts
    # The second reason has no child-facing wording: left out, and named in a warning.
    assert PROFESSIONAL["reasons"].split("\n")[1] not in _whole([letter])
    assert any(
        w.startswith("Not yet written for Kezia: the reason for the plan") for w in letter.warnings
    )


def test_what_the_child_said_is_answered():
    blocks = build(ALL["age7"])[0].section("answers").blocks
    pairs = [(b.kind, b.text) for b in blocks]
    assert ("said", "You told me you want to see Leo more.") in pairs
    i = pairs.index(("said", "You told me you want to see Leo more."))
    assert pairs[i + 1] == ("reply", "I agree. You will see him every two weeks.")
    assert "I made sure everyone at the review heard this." not in _whole(build(ALL["age7"]))


def test_each_worry_is_answered_by_its_decision_or_honestly_with_the_midpoint():
    worries = [b.text for b in build(ALL["age7"])[0].section("worries").blocks]
    sunday = worries.index("Sunday nights can feel hard after you see your mum.")
    assert worries[sunday + 1] == (
        "We will help with this. Priya will help you find someone to talk to about your feelings."
    )
    dentist = worries.index("You have not seen the dentist for a while.")
    # Held 10 March, next review by 10 September: the midpoint is 10 June.
    assert worries[dentist + 1] == (
        "We are still working on this. I will check by Wednesday, 10 June 2026."
    )


def test_the_table_keeps_only_decisions_written_for_the_child():
    letter = build(ALL["age7"])[0]
    rows = [r for b in letter.section("next_steps").blocks for r in b.rows]
    assert [r.what for r in rows] == [
        "You will see Leo every two weeks.",
        "Priya will help you find someone to talk to about your feelings.",
    ]
    assert rows[0].who == "Your social worker, Priya"
    assert "strategy meeting" not in _whole([letter])
    assert any("Hold a strategy meeting" in w for w in letter.warnings)


def test_suggestions_are_used_only_when_the_iro_chooses():
    record = ALL["age7"].record
    suggested = tuple(
        replace(w, confirmed=False) if w.kind == WordingKind.LEARNED else w for w in record.wordings
    )
    situation = replace(ALL["age7"], record=replace(record, wordings=suggested))
    without = build(situation)[0]
    assert without.section("learned") is None
    assert any("A suggested sentence is waiting" in w for w in without.warnings) is False
    assert build(situation, use_suggestions=True)[0].section("learned") is not None
    # A suggested decision wording: left out with a warning that says a suggestion waits.
    decision = tuple(
        replace(w, confirmed=False) if w.item_key == "decision:11" else w for w in record.wordings
    )
    letter = build(replace(situation, record=replace(record, wordings=decision)))[0]
    assert "You will see Leo every two weeks." not in [
        r.what for b in letter.section("next_steps").blocks for r in b.rows
    ]
    assert any("A suggested sentence is waiting" in w for w in letter.warnings)


def test_the_rights_page_goes_only_when_asked_and_keeps_one_line_in_the_letter():
    plain = build(ALL["age12"])[0]
    assert plain.rights == ()
    reach = " ".join(b.text for b in plain.section("reach_me").blocks)
    assert "advocate" in reach and "complain" in reach
    with_rights = build(ALL["age12"], with_rights=True)[0]
    headings = [s.heading for s in with_rights.rights]
    assert with_rights.rights_title == "Your rights"
    assert "Someone on your side" in headings and "An adult friend" in headings


def test_wales_has_the_active_offer_the_commissioner_and_meic():
    letters = build(ALL["welsh_both"], with_rights=True)
    english = letters[1]
    reach = " ".join(b.text for b in english.section("reach_me").blocks)
    assert "Tell me and I will get you one." in reach  # the active offer of advocacy
    rights = " ".join(b.text for s in english.rights for b in s.blocks)
    assert "Children's Commissioner for Wales" in rights and "Meic" in rights
    welsh = " ".join(b.text for s in letters[0].rights for b in s.blocks)
    assert "Comisiynydd Plant Cymru" in welsh


def test_welsh_letters_use_only_welsh_wording_and_names():
    letter = build(ALL["welsh_cy"])[0]
    whole = _whole([letter])
    assert "Rwyt ti'n saff ac yn hapus yma." in whole
    assert "You are safe and happy here." not in whole
    assert "Stacey a Nain" in whole  # the kinship name the child uses, joined in Welsh
    # Wording with no Welsh is left out and named, never the English put in its place.
    english_only = build(ALL["age7"], language="cy")[0]
    assert "You are safe and happy here." not in _whole([english_only])
    assert any(w.startswith("Not yet written for Kezia in Welsh") for w in english_only.warnings)


def test_the_venue_in_another_language_is_left_out_with_a_warning():
    letter = build(ALL["welsh_both"])[0]  # the Welsh half; the venue was typed in English
    assert "your home" not in _whole([letter])
    assert any("Where the review was held is recorded in English" in w for w in letter.warnings)


def test_english_in_a_welsh_letter_is_a_warning():
    record = ALL["welsh_cy"].record
    mixed = tuple(
        replace(w, text_cy="You are safe and happy here.")
        if w.kind == WordingKind.PLAN_REASON
        else w
        for w in record.wordings
    )
    letters = build(replace(ALL["welsh_cy"], record=replace(record, wordings=mixed)))
    kinds = [(w.kind, w.text) for w in letter_warnings(letters, record.reviews[-1])]
    assert ("language", "You are safe and happy here.") in kinds


def test_choosing_the_version():
    s = ALL["age7"].record.child
    on = date(2026, 3, 10)
    assert choose_version(replace(s, dob=date(2021, 1, 1)), on) == "read_aloud"  # 5
    assert choose_version(replace(s, dob=date(2021, 1, 1)), on, read_aloud_under_age=5) == (
        "standard"
    )
    assert choose_version(replace(s, communication_needs="uses a communication aid"), on) == (
        "standard"
    )
    assert choose_version(replace(s, communication_needs="autism"), on) == "standard"
    assert choose_version(replace(s, learning_need=True), on) == "easy_read"
    assert choose_version(replace(s, letter_format=LetterFormat.EASY_READ), on) == "easy_read"
    assert choose_version(replace(s, letter_format=LetterFormat.YOUNG_PERSON), on) == (
        "young_person"
    )
    assert choose_version(replace(s, dob=date(2009, 1, 1)), on) == "young_person"
    assert parse_version("under4") == "read_aloud"


def test_read_aloud_is_written_to_the_child_with_a_note_for_the_grown_up():
    letter = build(ALL["toddler"])[0]
    assert letter.version == "read_aloud"
    assert letter.greeting == "Dear Kezia,"
    assert "A grown-up who looks after you will read it to you." in _whole([letter])
    assert letter.section("carer_note").heading == "A note for the grown-up"
    assert letter.section("answers") is None  # PN0: no "you told me"


def test_placed_for_adoption_is_said_as_where_the_child_lives_now():
    whole = _whole(build(ALL["adoption"]))
    assert "You now live with Stacey. They will adopt you and be your family." in whole
    assert whole.count("You now live with") == 1


def test_short_breaks_have_no_visitor_or_after_18_text():
    letter = build(ALL["short_breaks"], with_rights=True)[0]
    whole = _whole([letter])
    assert "independent visitor" not in whole and "18" not in whole.replace("2018", "")
    older = replace(
        ALL["short_breaks"],
        record=replace(
            ALL["short_breaks"].record,
            child=replace(ALL["short_breaks"].record.child, dob=date(2009, 1, 1)),
        ),
    )
    assert "When you turn 18" not in _whole(build(older, with_rights=True))


def test_the_last_review_before_18_says_what_happens_then():
    letter = build(ALL["last_before_18"])[0]
    adult = letter.section("adult_life")
    assert adult is not None and adult.heading == "When you turn 18"
    text = " ".join(b.text for b in adult.blocks)
    assert "personal adviser" in text and "25" in text
    assert build(ALL["age12"])[0].section("adult_life") is None


def test_a_child_who_did_not_take_part_gets_a_warm_word_and_a_date():
    letter = build(ALL["did_not_take_part"])[0]
    answers = [b.text for b in letter.section("answers").blocks]
    assert "I am sorry I did not hear from you this time." in answers
    assert "I will come to see you or call you by Wednesday, 15 April 2026." in answers
    assert "We did not hear your views" not in _whole([letter])
    no_date = replace(
        ALL["did_not_take_part"],
        record=replace(
            ALL["did_not_take_part"].record,
            reviews=(
                ALL["did_not_take_part"].record.reviews[0],
                replace(ALL["did_not_take_part"].record.reviews[-1], next_contact_on=None),
            ),
        ),
    )
    assert any("record when you will next visit or call" in w for w in build(no_date)[0].warnings)
    # A visit date before the letter's own date is no promise to make: a warning instead.
    review = ALL["did_not_take_part"].record.reviews[-1]
    passed = replace(
        ALL["did_not_take_part"],
        record=replace(
            ALL["did_not_take_part"].record,
            reviews=(
                ALL["did_not_take_part"].record.reviews[0],
                replace(review, next_contact_on=TODAY - timedelta(days=1)),
            ),
        ),
    )
    late = build(passed)[0]
    assert "I will come to see you or call you by" not in _whole([late])
    assert any("has passed: record the new date" in w for w in late.warnings)


def test_an_interpreter_typed_with_their_language_is_an_interpreter_to_the_child():
    from iro_desktop.letters.i18n import Words
    from iro_desktop.letters.people import as_child_knows

    assert as_child_knows("Interpreter (Albanian)", Words("en")) == "an interpreter"


def test_kinship_care_names_the_relationship_the_child_uses():
    whole = _whole(build(ALL["kinship"]))
    assert "Grandma" in whole and "your carer, Eirlys" not in whole
    assert "The plan is for you to stay with Grandma while you grow up." in whole


def test_a_move_since_the_review_is_a_warning():
    from tests.domain.builders import episode

    record = ALL["age7"].record
    moved = replace(record, episodes=(*record.episodes, episode(date(2026, 3, 15), rne="P")))
    letter = build(replace(ALL["age7"], record=moved))[0]
    assert any("moved on 2026-03-15, after this review" in w for w in letter.warnings)


def test_an_interpreter_is_offered_in_the_childs_first_language():
    letter = build(ALL["uasc16"])[0]
    first = letter.sections[0].blocks[0].text
    assert first == (
        "I can read this letter with you and an interpreter who speaks Tigrinya. Just ask."
    )
    assert "interpreter" not in _whole(build(ALL["age7"]))


def test_sensitive_items_are_found_in_the_child_words_or_behind_them():
    found = sensitive_items(build(ALL["sensitive"]))
    assert [i.text for i in found] == [
        "Some grown-ups will meet to keep you safe from people who use children for money."
    ]
    assert found[0].topics == ("exploitation",)  # from the professional text it speaks for
    assert sensitive_items(build(ALL["age7"])) == []


def test_an_english_venue_on_a_review_recorded_in_welsh_is_left_out_of_the_welsh_letter():
    situation = ALL["welsh_cy"]
    review = replace(situation.record.reviews[-1], venue="Foster home")
    reviews = (*situation.record.reviews[:-1], review)
    letter = build(replace(situation, record=replace(situation.record, reviews=reviews)))[0]
    assert letter.language == "cy" and "Foster home" not in _whole([letter])
    assert any("Where the review was held is recorded in English" in w for w in letter.warnings)


def test_the_childs_own_words_are_quoted_back_but_a_note_about_them_is_not():
    situation = ALL["age12"]
    said = [w for w in situation.record.wordings if w.kind == "child_said"]
    own, note = said[0], said[1]
    review = replace(
        situation.record.reviews[-1],
        child_words="I want to see Leo more.\nPointed to the school on the map.",
    )
    wordings = tuple(
        replace(w, text_en="") if w in (own, note) else w for w in situation.record.wordings
    )
    record = replace(
        situation.record, reviews=(*situation.record.reviews[:-1], review), wordings=wordings
    )
    letter = build(replace(situation, record=record))[0]
    texts = [b.text for b in letter.section("answers").blocks]
    assert "\u201cI want to see Leo more.\u201d" in texts  # theirs, with the answer below
    assert own.reply_en in texts and note.reply_en in texts
    assert not any("Pointed to" in t for t in texts)  # a note about them is never pasted
