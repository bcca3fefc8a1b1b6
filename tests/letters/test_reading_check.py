"""The reading check for a letter to the child: dictionary syllables, every line measured,
grade 4 (easy read 2), and the child talked to rather than about."""

import subprocess
import sys

from iro_desktop.letters.plain_language import (
    check_letter,
    reading_grade,
    syllables,
    vowel_group_syllables,
)

PROFESSIONAL = (
    "Support the young person to access CAMHS and continue the therapeutic intervention "
    "identified through the multi-agency strategy meeting."
)
CHILD_FRIENDLY = ["Hello Kezia,", "You like your new school. You have made a good friend."]


def kinds(warnings):
    return [w.kind for w in warnings]


def test_syllables_come_from_a_dictionary_not_hyphenation_points():
    # pyphen's hyphenation points gave one syllable each, flattering every grade.
    assert (syllables("happy"), syllables("people"), syllables("every")) == (2, 2, 3)
    assert syllables("independent") == 4
    assert syllables("paediatrician") >= 4  # a British spelling the dictionary has as American
    assert syllables("well-known") == 2


def test_words_the_dictionary_lacks_fall_back_to_vowel_groups():
    assert vowel_group_syllables("happy") == 2
    assert vowel_group_syllables("people") == 2
    assert vowel_group_syllables("every") == 3
    assert vowel_group_syllables("Zorblet") == 2
    assert vowel_group_syllables("make") == 1
    assert syllables("Zorblet") == 2


def test_the_dictionary_is_read_without_the_network():
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket = refuse; socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from iro_desktop.letters.plain_language import syllables\n"
        "assert syllables('people') == 2\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_professional_sentence_fails_the_check():
    assert reading_grade([PROFESSIONAL]) > 4
    warnings = check_letter([PROFESSIONAL], "standard", "Kezia")
    level = [w for w in warnings if w.kind == "reading_level"]
    assert level and "grade 4" in level[0].message


def test_a_short_child_friendly_letter_passes():
    assert reading_grade(CHILD_FRIENDLY) <= 2
    for version in ("standard", "young_person", "read_aloud", "easy_read"):
        assert check_letter(CHILD_FRIENDLY, version, "Kezia") == [], version


def test_table_cells_are_measured_too():
    prose = ["You like your new school.", "You see Mum on Saturdays."]
    cells = ["Arrange a comprehensive multidisciplinary health assessment", "Social worker"]
    assert check_letter(prose, "standard", "Kezia") == []
    level = [
        w for w in check_letter(prose + cells, "standard", "Kezia") if w.kind == "reading_level"
    ]
    assert level


def test_easy_read_aims_lower_than_standard():
    text = ["Your teacher told me you are reading really well now."]
    grade = reading_grade(text)
    assert 2 < grade <= 4
    assert "reading_level" not in kinds(check_letter(text, "standard", "Kezia"))
    assert "reading_level" in kinds(check_letter(text, "easy_read", "Kezia"))


def test_the_child_named_in_the_third_person_is_flagged_but_greetings_are_not():
    greeting = [
        "Dear Kezia,",
        "Well done, Kezia!",
        "Kezia, this letter is for you.",
        "A letter for Kezia",
        "Thank you for talking to me, Kezia.",
    ]
    assert "third_person" not in kinds(check_letter(greeting, "standard", "Kezia"))
    third = check_letter(["Kezia is settled at home."], "standard", "Kezia")
    flagged = [w for w in third if w.kind == "third_person"]
    assert len(flagged) == 1 and flagged[0].suggestion == "you"
    assert "Kezia is settled" in flagged[0].message


def test_talking_about_the_young_person_or_the_iro_is_flagged():
    lines = [
        "Support the young person to go to school.",
        "Share it with the IRO.",
        "The child's views were heard.",
    ]
    found = {
        w.text.lower(): w.suggestion
        for w in check_letter(lines, "standard", "Sam")
        if w.kind == "third_person"
    }
    assert found == {"the young person": "you", "the iro": "I", "the child": "you"}
    welsh = check_letter(
        ["Mae'r person ifanc yn hapus.", "Mae y plentyn yn iawn."], "standard", "Sam", "cy"
    )
    assert [w.text for w in welsh if w.kind == "third_person"] == ["y plentyn"]


def test_new_glossary_terms_are_flagged_with_plain_explanations():
    terms = [
        "life story work",
        "parenting assessment",
        "paediatrician",
        "health assessment",
        "communication passport",
        "age assessment",
        "Home Office",
        "supported accommodation",
        "key worker",
        "family tracing",
        "PEP",
        "strategy meeting",
    ]
    lines = [f"We talked about {term}." for term in terms]
    # easy read: "your key worker, Tom" is fine from 8 upwards, where the child uses the word
    jargon = {
        w.text.lower(): w.suggestion
        for w in check_letter(lines, "easy_read", "Sam")
        if w.kind == "jargon"
    }
    for term in terms:
        assert term.lower() in jargon, term
        assert jargon[term.lower()] and term.lower() not in jargon[term.lower()].lower()
