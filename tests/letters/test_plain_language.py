"""The plain-language check: jargon and long sentences flagged, a plain text left alone."""

from datetime import date

from iro_desktop.letters.plain_language import check_texts, flesch_kincaid_grade, sentences
from iro_desktop.services.letters import preview_letter
from iro_desktop.storage.records import load_child_records

TODAY = date(2026, 11, 23)

JARGON = [
    "Your LAC review looked at your placement and your care plan.",
    "Your PEP and contact with Mum were discussed with the IRO.",
    "The s20 arrangement continues and respite is agreed. The LADO was told.",
    "Because the local authority considered the recommendations of the multi-agency panel "
    "alongside the outcome of the assessment, the arrangements were agreed to continue.",
]
PLAIN = [
    "I am Alex, your Independent Reviewing Officer (IRO).",
    "We met at school. You told me you like swimming.",
    "Your next review will be in March. You can choose who comes.",
]


def test_jargon_and_long_sentences_are_flagged_with_alternatives():
    warnings = check_texts(JARGON, "en", "standard")
    jargon = {w.text: w.suggestion for w in warnings if w.kind == "jargon"}
    for term in ("LAC", "placement", "care plan", "PEP", "contact", "IRO", "s20", "respite"):
        assert term in jargon, term
        assert jargon[term]
    assert "LADO" in jargon
    assert jargon["placement"].startswith("where you live")
    long = [w for w in warnings if w.kind == "long_sentence"]
    assert len(long) == 1 and "over 20" in long[0].message


def test_plain_text_is_left_alone():
    assert check_texts(PLAIN, "en", "standard") == []


def test_iro_is_fine_once_explained_and_pathway_plan_at_16():
    assert check_texts(PLAIN, "en", "easy_read") == []
    text = ["Your pathway plan is your plan for leaving care."]
    assert [w.text for w in check_texts(text, "en", "standard")] == ["pathway plan"]
    assert check_texts(text, "en", "young_person") == []


def test_welsh_reading_level_reads_sentence_and_word_length():
    plain = ["Dw i'n hoffi byw gyda Nain. Mae'r ysgol yn dda."]
    assert check_texts(plain, "cy", "standard") == []
    heavy = [
        "Cynhaliwyd cyfarfodydd amlasiantaethol ynghylch trefniadau gwasanaethau "
        "cymdeithasol cynhwysfawr, gweithdrefnau diogelu, asesiadau gofal cymunedol, "
        "cydweithrediad rhyngadrannol, goruchwyliaeth broffesiynol, adolygiadau "
        "statudol a chynlluniau gweithredu strategol."
    ]
    kinds = [w.kind for w in check_texts(heavy, "cy", "standard")]
    assert "long_sentence" in kinds and kinds.count("reading_level") == 2


def test_reading_level_flags_a_hard_text():
    hard = [
        "Notwithstanding the aforementioned considerations, the multidisciplinary "
        "professionals determined continuation appropriate."
    ]
    assert flesch_kincaid_grade(sentences(hard[0])) > 12
    assert any(w.kind == "reading_level" for w in check_texts(hard, "en", "standard"))


def test_standard_english_demo_letters_meet_their_reading_level(demo):
    checked = 0
    for record in load_child_records(demo):
        if not any(r.is_held for r in record.reviews):
            continue
        preview = preview_letter(demo, record.child.child_ref, None, "en", None, today=TODAY)
        if preview.version != "standard":
            continue
        checked += 1
        level = [w.message for w in preview.warnings if w.kind == "reading_level"]
        assert level == [], (record.child.child_ref, level)
        own = check_texts(preview.letters[0].own_texts(), "en", "standard")
        assert own == [], (record.child.child_ref, own)  # the letter's own words: no warning
    assert checked >= 20
