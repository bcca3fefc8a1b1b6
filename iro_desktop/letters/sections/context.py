"""What every section of the letter reads: the record, the review, the chosen version and
language, the child-facing items, and the life events that change what the letter says."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from iro_desktop.domain.model import ChildRecord, Region, Review, WordingKind
from iro_desktop.domain.settings import Settings
from iro_desktop.letters.i18n import Words
from iro_desktop.letters.items import ChildItem
from iro_desktop.letters.language_check import foreign_sentences
from iro_desktop.letters.model import Version

# What the child said in their own voice ("I want...", "Dw i eisiau..."), not a note about
# them ("Pointed to the trampoline..."): only the former is quoted back.
_OWN_VOICE = re.compile(r"(?<![\w'])(?:i|i'm|i'd|i've|i'll|me|my|fi|fy|dw|dwi|rydw)(?![\w'])", re.I)


def _in_own_voice(words: str) -> bool:
    return bool(_OWN_VOICE.search(words.replace("\u2019", "'")))


@dataclass
class LetterContext:
    words: Words
    version: Version
    record: ChildRecord
    review: Review
    settings: Settings
    items: list[ChildItem]
    use_suggestions: bool
    name: str
    held_on: date
    next_review: date | None
    check_by: date | None  # the midpoint: when the IRO checks on what is still open
    age: int
    short_breaks: bool = False
    adoption: bool = False
    last_before_18: bool = False
    today: date | None = None  # the letter's date
    warnings: list[str] = field(default_factory=list)
    used: list[tuple[str, str]] = field(default_factory=list)  # (key, text) the child reads
    sources: list[tuple[str, str]] = field(default_factory=list)  # (key, professional text)
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # (warning, kind, key)

    @property
    def language(self) -> str:
        return self.words.lang

    @property
    def wales(self) -> bool:
        return self.language == "cy" or self.settings.region == Region.WALES

    def of_kind(self, kind: WordingKind) -> list[ChildItem]:
        return [i for i in self.items if i.kind == kind]

    def text(self, item: ChildItem) -> str:
        """The item's child-facing sentence; "" (and a warning naming it) when there is none
        the letter may use. The professional text is never used instead."""
        text = item.text(self.language, self.use_suggestions)
        if not text:
            warning = item.missing_warning(self.name, self.language)
            self.warnings.append(warning)
            self.missing.append((warning, str(item.kind), item.key))
            return ""
        self.used.append((f"{item.kind}:{item.key}", text))
        if item.professional:
            self.sources.append((f"{item.kind}:{item.key}", item.professional))
        return text

    def said(self, item: ChildItem) -> tuple[str, str]:
        """Something the child said, as (what they said, the IRO's reply). The IRO's reply
        is what the review form asks for: with it, the child's own words are quoted back in
        quotation marks (they are theirs, not the record's), unless a sentence was written
        for them (words typed as a description, "Pointed to the trampoline...") or the
        words are in the letter's other language (then the reply stands alone)."""
        reply = item.reply(self.language, self.use_suggestions)
        if not reply:
            return self.text(item), ""
        text = item.text(self.language, self.use_suggestions)
        own = item.professional.strip()
        if not text and own and _in_own_voice(own) and not foreign_sentences([own], self.language):
            text = f"\u201c{own}\u201d"
        if text:
            self.used.append((f"{item.kind}:{item.key}", text))
        if item.professional:
            self.sources.append((f"{item.kind}:{item.key}", item.professional))
        return text, self.reply(item)

    def reply(self, item: ChildItem) -> str:
        text = item.reply(self.language, self.use_suggestions)
        if text:
            self.used.append((f"{item.kind}:{item.key}:reply", text))
        return text
