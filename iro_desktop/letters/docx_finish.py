"""The finishing touches a Word file needs to be usable: its title, author (the IRO) and
date; each paragraph and run tagged British English or Welsh (so Word checks the spelling in
the right language and a screen reader speaks it right); and alt text on every picture."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import PurePath

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from iro_desktop.letters.model import Letter

LANG_TAGS = {"en": "en-GB", "cy": "cy-GB"}
IMAGE_NAMES = {"logo": "council logo", "photo": "photo"}


def _set_lang(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), tag)


def _paragraph_languages(document: Document, letters: Sequence[Letter]) -> list[tuple]:
    """Each body paragraph (tables' too) with its letter's language: a paragraph whose text
    belongs to only one letter's texts takes that language; any other (a phone number, a
    name) the language of the paragraph before it."""
    texts = {letter.language: set(letter.texts()) for letter in letters}
    current = letters[0].language
    out = []
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
        owners = [lang for lang, known in texts.items() if text in known]
        if len(owners) == 1:
            current = owners[0]
        out.append((p, current))
    return out


def tag_document_language(document: Document, language: str) -> None:
    """The whole document's language (``en`` or ``cy``): its properties, the default run
    properties and every style, so Word checks the spelling and a screen reader speaks it in
    that language (a decisions record follows its review's)."""
    document.core_properties.language = LANG_TAGS[language]
    _tag_defaults(document, LANG_TAGS[language])


def tag_languages(document: Document, letters: Sequence[Letter]) -> None:
    _tag_defaults(document, LANG_TAGS[letters[0].language])
    for p, language in _paragraph_languages(document, letters):
        tag = LANG_TAGS[language]
        ppr = p.get_or_add_pPr()
        _set_lang(ppr.get_or_add_rPr() if hasattr(ppr, "get_or_add_rPr") else _mark_rpr(ppr), tag)
        for run in p.iter(qn("w:r")):
            _set_lang(run.get_or_add_rPr(), tag)


def _tag_defaults(document: Document, first: str) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                _set_lang(rpr, first)
    for style in document.styles:
        element = style.element
        if element.find(qn("w:rPr")) is not None:
            _set_lang(element.find(qn("w:rPr")), first)


def _mark_rpr(ppr):
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    return rpr


def describe_pictures(document: Document, describe: dict[str, str], default: str) -> None:
    """Alt text on every picture: by the image file's name (``describe``), else the text of
    the paragraph it sits in (an easy-read symbol beside its heading), else ``default``."""
    # Headers and footers from the relationships themselves: docxtpl swaps in the rendered
    # part there, where a cached lookup would still find the template's.
    parts = [document.part] + [
        rel.target_part
        for rel in document.part.rels.values()
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer"))
    ]
    for part in parts:
        for inline in part.element.iter(qn("wp:inline"), qn("wp:anchor")):
            doc_pr = inline.find(qn("wp:docPr"))
            if doc_pr is None:
                continue
            blip = next(inline.iter(qn("a:blip")), None)
            name = ""
            if blip is not None:
                related = part.related_parts.get(blip.get(qn("r:embed")))
                name = PurePath(getattr(related, "filename", "") or "").stem
            text = describe.get(name, "")
            if not text:
                paragraph = inline
                while paragraph is not None and paragraph.tag != qn("w:p"):
                    paragraph = paragraph.getparent()
                if paragraph is not None:
                    text = "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()
            doc_pr.set("descr", text or default)
            doc_pr.set("title", text or default)


def finish_letter(
    document: Document,
    letters: Sequence[Letter],
    iro_name: str,
    logo_file: str,
    photo_file: str,
    written_on: date,
) -> None:
    props = document.core_properties
    props.title = letters[0].title
    props.subject = "letter"
    props.author = iro_name or "Independent Reviewing Officer"
    props.last_modified_by = props.author
    props.comments = ""
    props.keywords = ""
    props.language = LANG_TAGS[letters[0].language]
    props.created = props.modified = datetime.combine(written_on, time(12, 0))
    props.revision = 1
    describe = {}
    if logo_file:
        describe[PurePath(logo_file).stem] = "Council logo"
    if photo_file:
        describe[PurePath(photo_file).stem] = f"Photo of {iro_name}" if iro_name else "Photo"
    tag_languages(document, letters)
    describe_pictures(document, describe, letters[0].title)
