"""The language check: English sentences in a Welsh letter, Welsh ones in an English letter."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from iro_desktop.letters.language_check import foreign_sentences, sentence_language
from iro_desktop.letters.plain_language import sentences

PO = Path(__file__).resolve().parents[2] / "resources/translations/cy/LC_MESSAGES/messages.po"


def catalogue_pairs():
    with open(PO, "rb") as handle:
        catalogue = read_po(handle)
    return [(m.id, m.string) for m in catalogue if m.id and m.string]


def test_every_welsh_sentence_of_the_catalogue_is_welsh_or_unsure_never_english():
    verdicts = [
        (sentence_language(s), s) for _, welsh in catalogue_pairs() for s in sentences(welsh)
    ]
    assert [s for verdict, s in verdicts if verdict == "en"] == []
    # Unsure only for labels and greetings ("Mam", "Annwyl %(name)s,"): a function-word
    # method needs a sentence of three words or more to judge.
    judged = [(v, s) for v, s in verdicts if len(s.split()) >= 3]
    welsh = [s for verdict, s in judged if verdict == "cy"]
    assert len(welsh) >= 0.9 * len(judged)


def test_every_english_sentence_of_the_catalogue_is_english_or_unsure_never_welsh():
    verdicts = [
        (sentence_language(s), s) for english, _ in catalogue_pairs() for s in sentences(english)
    ]
    assert [s for verdict, s in verdicts if verdict == "cy"] == []
    assert sum(verdict == "en" for verdict, _ in verdicts) >= 0.9 * len(verdicts)


def test_english_text_in_a_welsh_letter_is_found():
    letter = [
        "Annwyl Cerys,",
        "Dyma beth ddywedaist ti wrtha i, yn dy eiriau dy hun:",
        "Support the young person to access CAMHS.",
        "Rwyt ti'n hoffi byw gyda Nain a Thaid.",
        "Finds the change back home on Sunday hard",
        "Mum",
        "Canolfan Ddinesig Abertawe",
        "Dymuniadau gorau,",
    ]
    assert foreign_sentences(letter, "cy") == [
        "Support the young person to access CAMHS.",
        "Finds the change back home on Sunday hard",
        "Mum",
    ]


def test_welsh_text_in_an_english_letter_is_found_but_welsh_names_are_not():
    letter = [
        "Dear Cerys,",
        "You told me you like living with Nain and Taid in Llanelli.",
        "Dw i eisiau mynd adre at Mam.",
        "Your next review will be at Ysgol Bro Dinefwr.",
    ]
    assert foreign_sentences(letter, "en") == ["Dw i eisiau mynd adre at Mam."]


def test_names_dates_and_single_words_are_not_judged():
    for text in ("Cerys", "15 Ionawr 2027", "Swansea Civic Centre", "Dad"):
        assert sentence_language(text) == "unsure", text


def test_a_bilingual_letter_is_checked_half_by_half():
    with pytest.raises(ValueError):
        foreign_sentences(["Helo"], "both")
