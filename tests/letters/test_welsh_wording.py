"""The Welsh wording fixes of issue 13 reach the letters (through the compiled catalogue)."""

import pytest
from babel.messages.pofile import read_po

from iro_desktop.letters.i18n import Words
from iro_desktop.letters.resources import translations_folder
from tests.letters.situations import letter_for, situations

PO = translations_folder() / "cy" / "LC_MESSAGES" / "messages.po"

FIXED = {
    "Your next review will be by %(date)s.": "Bydd dy adolygiad nesaf erbyn %(date)s fan bellaf.",
    "We welcome letters and calls in Welsh.": (
        "Mae croeso i ti ysgrifennu aton ni neu ein ffonio ni yn Gymraeg."
    ),
    "your personal adviser": "dy ymgynghorydd personol",
    "A personal adviser will help you until you are 25.": (
        "Bydd ymgynghorydd personol yn dy helpu di nes dy fod di'n 25."
    ),
}
# Wording the letters no longer say at all: the false "The plan below ..." among them.
REMOVED = (
    "The plan below says what we will do about it.",
    "I made sure everyone at the review heard this.",
    "This is what people said is going well for you:",
)
GONE = (
    "sy'n mynd yn dda i ti:",
    "yn yr adolygiad hyn",
    "beth byddwn",
    "ar neu cyn",
    "sylwon ni amdanat",
    "Rydym yn croesawu",
    " cynghorydd personol",
    "Mae'r cynllun isod",
)


@pytest.mark.parametrize("english", list(FIXED))
def test_the_corrected_welsh_is_what_the_letters_read(english):
    assert Words("cy")(english) == FIXED[english]


@pytest.mark.parametrize("english", REMOVED)
def test_the_wording_that_was_false_or_empty_is_gone(english):
    assert english not in {m.id for m in read_po(PO.open("rb")) if m.id}


@pytest.mark.parametrize("name", ["welsh_cy", "welsh_both"])
def test_a_welsh_letter_has_none_of_the_old_wording(name):
    letters = letter_for(situations()[name], with_rights=True)
    whole = "\n".join(t for letter in letters for t in letter.texts() if t)
    assert "fan bellaf" in whole
    assert "Mae croeso i ti ysgrifennu" in whole
    for old in GONE:
        assert old not in whole, old
