"""The Welsh wording fixes of issue 13 reach the letters (through the compiled catalogue)."""

from datetime import date

import pytest

from iro_desktop.letters.i18n import Words
from iro_desktop.services.letters import preview_letter

TODAY = date(2026, 11, 23)

FIXED = {
    "This is what people said is going well for you:": (
        "Dywedodd pobl fod y pethau hyn yn mynd yn dda i ti:"
    ),
    "Everyone at the review heard this.": "Clywodd pawb hyn yn yr adolygiad.",
    "The plan below says what we will do about it.": (
        "Mae'r cynllun isod yn dweud beth fyddwn ni'n ei wneud am hyn."
    ),
    "It will be on or before %(date)s.": "Bydd e erbyn %(date)s fan bellaf.",
    "Your next review will be on or before %(date)s.": (
        "Bydd dy adolygiad nesaf erbyn %(date)s fan bellaf."
    ),
    "This is what we noticed about you:": "Dyma beth sylwon ni arno amdanat ti:",
    "We welcome letters and calls in Welsh.": (
        "Mae croeso i ti ysgrifennu aton ni neu ein ffonio ni yn Gymraeg."
    ),
    "your personal adviser": "dy ymgynghorydd personol",
}
GONE = (
    "sy'n mynd yn dda i ti:",
    "yn yr adolygiad hyn",
    "beth byddwn",
    "ar neu cyn",
    "sylwon ni amdanat",
    "Rydym yn croesawu",
    "cynghorydd personol",
)


@pytest.mark.parametrize("english", list(FIXED))
def test_the_corrected_welsh_is_what_the_letters_read(english):
    assert Words("cy")(english) == FIXED[english]


def test_a_welsh_letter_has_none_of_the_old_wording(demo, demo_children):
    preview = preview_letter(demo, demo_children["welsh"], None, "cy", None, today=TODAY)
    whole = "\n".join(t for letter in preview.letters for t in letter.texts() if t)
    assert "fan bellaf" in whole
    assert "Mae croeso i ti ysgrifennu" in whole
    for old in GONE:
        assert old not in whole, old
