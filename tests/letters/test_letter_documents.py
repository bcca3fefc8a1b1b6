"""Every version of the letter, in English, Welsh and both, written and read back as text."""

import re
from datetime import date
from functools import lru_cache

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from docx import Document

from iro_desktop.letters.choices import next_review_date, pick_review
from iro_desktop.letters.model import Version
from iro_desktop.letters.resources import translations_folder
from iro_desktop.services.child import child_detail
from iro_desktop.services.letters import preview_letter, write_letter
from tests.letters.conftest import demo_child
from tests.raw import raw_db

TODAY = date(2026, 11, 23)  # the demo caseload's day (conftest.py)
VERSIONS = [v.value for v in Version]
LANGUAGES = ["en", "cy", "both"]
PLACEHOLDER = re.compile(r"%\(\w+\)s")
MARKS = ("{{", "}}", "{%", "%}", "%(", "None")
ENGLISH_MONTHS = [format_date(date(2026, m, 1), "MMMM", locale="en_GB") for m in range(1, 13)]


def document_texts(path) -> list[str]:
    """Every paragraph's text, in the body and in (nested) tables."""
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    texts.extend(p.text for p in cell.paragraphs)
                    cells(cell.tables)

    cells(document.tables)
    return [t for t in texts if t.strip()]


@lru_cache(maxsize=2)
def catalogue(lang):
    with (translations_folder() / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale="en_GB" if lang == "en" else lang)


def english_fragments() -> list[str]:
    """The English catalogue's wording, cut at placeholders: pieces of two words or more."""
    out = []
    for message in catalogue("en"):
        if not message.id:
            continue
        for piece in PLACEHOLDER.split(message.string):
            piece = piece.strip(" ,.:;")
            if len(piece.split()) >= 2:
                out.append(piece)
    return out


def typed_values(detail, review) -> list[str]:
    """What the IRO typed (and settings hold): these may be in any language."""
    values = [review.going_well, review.worries, review.child_words, review.venue]
    values += list(review.attendees)
    values += [d.what for d in detail.record.decisions] + [d.who for d in detail.record.decisions]
    values += [line for v in list(values) for line in v.splitlines()]
    settings = detail.settings
    values += [settings.iro_name, settings.iro_email, settings.council_name]
    return sorted((v for v in values if v), key=len, reverse=True)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("band", ["under4", "standard", "young_person", "easy_read", "welsh"])
def test_every_version_in_every_language(demo, demo_children, tmp_path, band, version, lang):
    ref = demo_child(demo_children, band)
    out = tmp_path / "letter.docx"
    preview = preview_letter(demo, ref, None, lang, version, today=TODAY, use_suggestions=True)
    written = write_letter(
        demo, ref, None, lang, version, out, TODAY, use_suggestions=True, confirm_sensitive=True
    )
    texts = document_texts(written.path)
    whole = "\n".join(texts)

    for mark in MARKS:
        assert mark not in whole, f"{mark!r} left in the {band} {version} {lang} letter"

    # Every section the content has is in the document, each under its heading.
    for letter in preview.letters:
        for section in letter.sections:
            assert not section.heading or section.heading in [t.strip() for t in texts]
            for block in section.blocks:
                if block.text:
                    assert block.text in whole
                for row in block.rows:
                    assert row.what in whole and row.by_when in whole

    detail = child_detail(demo, ref, TODAY)
    review = pick_review(detail.record)
    keys = {s.key for s in preview.letters[0].sections}
    # Rights are on a page of their own now, never in the letter's body.
    assert "rights" not in keys
    if version != "read_aloud":
        assert "reach_me" in keys and "carer_note" not in keys
    else:
        assert "carer_note" in keys and "reach_me" not in keys

    # The next review's date is the schedule's, in each language's own words.
    expected = next_review_date(detail.record, detail.schedule, review)
    assert expected == detail.schedule.next_due.hold_by
    for code in ["cy", "en"] if lang == "both" else [lang]:
        if code == "cy":
            assert format_date(expected, "d MMMM y", locale="cy") in whole
            assert format_date(TODAY, "full", locale="cy") in whole
        else:
            assert format_date(expected, "full", locale="en_GB") in whole
            assert format_date(TODAY, "full", locale="en_GB") in whole

    if lang == "both":  # Welsh first
        assert whole.index("Annwyl" if version != "easy_read" else "Helo") < whole.index(
            "Dear" if version != "easy_read" else "Hello"
        )
    if lang == "cy":
        own = whole
        for typed in typed_values(detail, review):
            own = own.replace(typed, "")
        left = [piece for piece in english_fragments() if piece in own]
        assert left == [], f"English wording in a Welsh letter: {left}"
        assert not any(month in own for month in ENGLISH_MONTHS)
        assert "Mae croeso i ti ysgrifennu" in whole  # correspondence in Welsh is welcome


def test_written_letter_is_recorded_not_sent(demo, demo_children, tmp_path):
    ref = demo_children["standard"]
    before = pick_review(child_detail(demo, ref, TODAY).record)
    out = tmp_path / "Maya Smith letter.docx"
    written = write_letter(demo, ref, None, "en", None, out, TODAY, confirm_sensitive=True)
    row = raw_db(demo)["letters"].get(written.letter_ids[0])
    record = child_detail(demo, ref, TODAY).record
    assert row["kind"] == "letter" and row["review_id"] == before.id
    assert row["written_on"] == TODAY.isoformat()
    for name in (record.child.first_name, record.child.last_name):
        assert name.lower() not in row["file_name"].lower()
    assert pick_review(record).letter_sent_on == before.letter_sent_on


def test_language_and_version_follow_the_record(demo, demo_children):
    welsh = preview_letter(demo, demo_children["welsh"], today=TODAY)
    assert welsh.language == "cy" and welsh.language_was_chosen
    baby = preview_letter(demo, demo_children["under4"], today=TODAY)
    assert baby.version == "read_aloud" and baby.version_was_chosen
    assert preview_letter(demo, demo_children["young_person"], today=TODAY).version == (
        "young_person"
    )
    overridden = preview_letter(
        demo, demo_children["welsh"], lang="both", version="easy_read", today=TODAY
    )
    assert [letter.language for letter in overridden.letters] == ["cy", "en"]
    assert overridden.version == "easy_read" and not overridden.version_was_chosen


def test_welsh_catalogue_keeps_every_placeholder():
    english = {m.id: m for m in catalogue("en") if m.id}
    welsh = [m for m in catalogue("cy") if m.id]
    assert {m.id for m in welsh} == set(english)
    for message in welsh:
        assert message.string, f"no Welsh for {message.id!r}"
        assert "fuzzy" not in message.flags
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(
            PLACEHOLDER.findall(message.id)
        ), message.id
        assert sorted(PLACEHOLDER.findall(english[message.id].string)) == sorted(
            PLACEHOLDER.findall(message.id)
        )


def test_compiled_catalogues_are_up_to_date():
    from babel.messages.mofile import read_mo

    for lang in ("en", "cy"):
        mo = translations_folder() / lang / "LC_MESSAGES" / "messages.mo"
        with mo.open("rb") as handle:
            compiled = {m.id: m.string for m in read_mo(handle) if m.id}
        source = {m.id: m.string for m in catalogue(lang) if m.id}
        assert compiled == source, f"run resources/translations/catalogues.py ({lang})"
