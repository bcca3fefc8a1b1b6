"""The letter to the child as structured content: sections of blocks (paragraphs, bullets, the
child's or the IRO's typed words, the what/who/by-when table), in one language and version.
Rendering to Word is ``render.py``'s job; building it, ``content.py``'s."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from iro_desktop.errors import UserError


class Version(StrEnum):
    READ_ALOUD = "read_aloud"  # written to the child, read to them by their carer
    STANDARD = "standard"
    YOUNG_PERSON = "young_person"
    EASY_READ = "easy_read"


# Older names still accepted on the command line: the under-4s letter is now read-aloud.
VERSION_ALIASES = {"under4": "read_aloud"}


def parse_version(value: str) -> Version:
    """A version by name, old names included ("under4" is the read-aloud letter now)."""
    return Version(VERSION_ALIASES.get(value, value))


class LetterLanguage(StrEnum):
    EN = "en"
    CY = "cy"
    BOTH = "both"


SECTION_ICONS = {
    "review": "review",
    "views": "views",
    "going_well": "going_well",
    "worries": "worries",
    "next_steps": "next_steps",
    "adult_life": "adult_life",
    "next_review": "next_review",
    "reach_me": "reach_me",
    "rights": "rights",
    "carer_note": "carer_note",
    "plan": "next_steps",
    "answers": "views",
    "learned": "going_well",
    "interpreter": "reach_me",
}


class LetterError(UserError):
    """The letter cannot be built from the record: the message says what to record first."""


@dataclass(frozen=True)
class Row:
    what: str
    who: str
    by_when: str


@dataclass(frozen=True)
class Block:
    """One thing in a section: ``para`` (the letter's words), ``lead`` (words leading into a
    list, quote or table), ``bullet``, ``typed`` (what the IRO or child said, as typed) or
    ``table`` (what/who/by when)."""

    kind: str
    text: str = ""
    rows: tuple[Row, ...] = ()

    @property
    def is_typed(self) -> bool:
        return self.kind == "typed"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    blocks: tuple[Block, ...]
    icon: str = ""


@dataclass(frozen=True)
class Letter:
    language: str  # "en" | "cy": one language; a bilingual letter is two of these
    version: str
    title: str
    date_line: str
    greeting: str
    sections: tuple[Section, ...]
    closing: str
    signature: str
    signature_role: str
    welsh_welcome: str
    table_headings: tuple[str, str, str]
    review_date: date
    next_review: date | None
    child_ref: str
    initials: str
    language_note: str = ""  # "this letter is in Welsh and English" on a bilingual letter
    warnings: tuple[str, ...] = field(default=())
    # The separate "your rights" page, printed when it is due (or asked for); empty otherwise.
    rights: tuple[Section, ...] = field(default=())
    rights_title: str = ""
    # What the child should hear about, as (key, child-facing text): the sensitive check reads it.
    items: tuple[tuple[str, str], ...] = field(default=())
    # The professional text each item speaks for, (key, text): a sensitive topic there needs
    # confirming too, however gently the child's sentence puts it.
    sources: tuple[tuple[str, str], ...] = field(default=())
    child_name: str = ""
    # Each item left out for want of wording: (warning, kind, item_key) (the dialog's fix).
    missing: tuple[tuple[str, str, str], ...] = field(default=())

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def texts(self, *, typed: bool = True) -> list[str]:
        """Every piece of text in reading order (``typed=False`` leaves out the IRO's words)."""
        out = [self.title, self.date_line, self.language_note, self.greeting]
        for section in self.sections:
            out.append(section.heading)
            for block in section.blocks:
                if block.kind == "table":
                    out.extend(self.table_headings)
                    for row in block.rows:
                        out.extend((row.what, row.who, row.by_when) if typed else (row.by_when,))
                elif typed or not block.is_typed:
                    out.append(block.text)
        out.extend((self.closing, self.signature, self.signature_role, self.welsh_welcome))
        if self.rights:
            out.append(self.rights_title)
        for section in self.rights:
            out.append(section.heading)
            out.extend(block.text for block in section.blocks if block.text)
        return [t for t in out if t]

    def prose(self) -> list[str]:
        """The running sentences (not headings, lists or table cells): what a reading-level
        formula can fairly measure."""
        return [
            block.text
            for section in self.sections
            for block in section.blocks
            if block.kind in ("para", "lead", "typed") and block.text
        ]

    def own_texts(self) -> list[str]:
        """The letter's own wording only: what the plain-language check reads for tone."""
        return self.texts(typed=False)
