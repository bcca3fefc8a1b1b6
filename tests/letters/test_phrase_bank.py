"""The phrase bank: every suggestion is written to the child, plain, and in its language."""

import re

import pytest

from iro_desktop.letters.language_check import sentence_language
from iro_desktop.letters.phrase_bank import (
    KINDS,
    PLACEHOLDERS,
    PLAN_THEMES,
    THEMES,
    fill,
    load_phrases,
    placeholders,
    plan_sentence,
    suggest,
)
from iro_desktop.letters.plain_language import (
    LONG_SENTENCE_WORDS,
    check_letter,
    reading_grade,
    sentences,
    words_in,
)

NAMES = {"carer": "Stacey", "worker": "Grace", "person": "Mum", "adviser": "Tariq"}
WELSH_NAMES = {**NAMES, "person": "Mam"}
PHRASES = load_phrases()


def test_every_theme_has_sentences_in_both_languages():
    for theme in THEMES:
        rows = [p for p in PHRASES if p.theme == theme]
        assert rows, theme
        assert all(p.en and p.cy for p in rows), theme
    for theme in PLAN_THEMES:
        assert plan_sentence(theme, "en", 17) is not None, theme
        assert plan_sentence(theme, "cy", 17) is not None, theme
    assert {p.kind for p in PHRASES} <= set(KINDS)
    assert len({p.id for p in PHRASES}) == len(PHRASES)


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.id)
def test_every_english_phrase_passes_the_reading_check(phrase):
    text = fill(phrase.en, **NAMES)
    assert round(reading_grade([text]), 1) <= 4, text
    assert check_letter([text], "standard", "Kezia") == [], text
    assert re.search(r"\b(you|your)\b", text, re.IGNORECASE), f"not written to the child: {text}"


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.id)
def test_every_welsh_phrase_reads_as_welsh_and_speaks_to_the_child_as_ti(phrase):
    text = fill(phrase.cy, **WELSH_NAMES)
    for sentence in sentences(text):
        assert sentence_language(sentence) == "cy", sentence
        assert len(words_in(sentence)) <= LONG_SENTENCE_WORDS, sentence
    # jargon, long or third-person sentences (one sentence is no letter to average)
    assert [
        w for w in check_letter([text], "standard", "Kezia", "cy") if w.kind != "reading_level"
    ] == []
    assert not re.search(r"\beich\b", text), text  # "eich" is formal or plural, not the child
    if re.search(r"\b(chi|byddwch)\b", text, re.IGNORECASE):
        assert "plural" in phrase.check, f"'chi' must be a plural you, marked to check: {text}"


def test_placeholders_are_the_known_ones():
    for phrase in PHRASES:
        for name in placeholders(phrase.en) + placeholders(phrase.cy):
            assert name in PLACEHOLDERS, (phrase.id, name)
        assert sorted(placeholders(phrase.en)) == sorted(placeholders(phrase.cy)), phrase.id


def test_suggestions_suit_the_childs_age():
    assert suggest("personal_adviser", "decision", "en", 11) == []
    assert suggest("personal_adviser", "decision", "en", 17)
    assert suggest("staying_put", "plan", "en", 12) == []
    found = suggest("school_pep", "going_well", "en", 9)
    assert "You are doing well at school." in [s.text for s in found]


def test_welsh_suggestions_say_what_a_welsh_speaker_should_confirm():
    welsh = suggest("family_time", "worry", "cy", 10)
    assert welsh and all(s.needs_welsh_check for s in welsh)
    assert not any(s.needs_welsh_check for s in suggest("family_time", "worry", "en", 10))


def test_fill_leaves_a_missing_name_visible():
    text = suggest("staying_here", "plan", "en")[0].text
    assert (
        fill(text, carer="Stacey") == "The plan is for you to stay with Stacey while you grow up."
    )
    assert "{carer}" in fill(text)


def test_a_council_bank_replaces_its_themes_and_keeps_the_rest(tmp_path):
    (tmp_path / "phrases.csv").write_text(
        "id,theme,kind,en,cy,min_age,max_age,check,notes\n"
        "c1,family_time,decision,You will see {person} on Sundays.,"
        "Byddi di'n gweld {person} ar ddydd Sul.,,,,\n"
        "c2,short_breaks,going_well,You enjoy your short breaks.,,,,,\n",
        encoding="utf-8",
    )
    own = suggest("family_time", "decision", "en", 8, council_folder=tmp_path)
    assert [s.text for s in own] == ["You will see {person} on Sundays."]
    assert suggest("short_breaks", "going_well", "en", 8, council_folder=tmp_path)
    assert suggest("short_breaks", "going_well", "cy", 8, council_folder=tmp_path) == []
    assert suggest("family_time", "worry", "en", 8, council_folder=tmp_path)  # shipped, kept
    assert len(suggest("family_time", "decision", "en", 8)) == 2  # the shipped bank unchanged


def test_a_broken_council_row_says_where(tmp_path):
    (tmp_path / "phrases.csv").write_text(
        "id,theme,kind,en,cy\nx,school_pep,wish,You like school.,\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="line 2"):
        load_phrases(tmp_path)
