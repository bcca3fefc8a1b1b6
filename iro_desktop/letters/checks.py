"""Every check a letter gets before it is saved, as warnings for the IRO: the reading check
at the strict targets on every line (tables and headings included), the child talked about
instead of to, the glossary, English in a Welsh letter (and the reverse), and wording not yet
written for the child."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from iro_desktop.domain.model import Review
from iro_desktop.letters.language_check import foreign_sentences
from iro_desktop.letters.model import Letter
from iro_desktop.letters.plain_language import PlainLanguageWarning, check_letter
from iro_desktop.letters.sensitive import SensitiveItem, find_sensitive

LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
_CONTACT = re.compile(r"\S+@\S+|https?://\S+|\+?\d[\d ]{6,}\d")


def checked_lines(letter: Letter) -> list[str]:
    """The lines the reading check measures: every line the child reads, the IRO's name
    and role aside (a name is not a word to read), and so an email or web address or phone
    number (read off the page, never sounded out as words)."""
    skip = {letter.signature, letter.signature_role}
    return [_CONTACT.sub(" ", t) for t in letter.texts() if t not in skip]


def letter_warnings(letters: Sequence[Letter], review: Review) -> list[PlainLanguageWarning]:
    out: list[PlainLanguageWarning] = []
    seen: set[str] = set()

    def add(warning: PlainLanguageWarning) -> None:
        if warning.message not in seen:
            seen.add(warning.message)
            out.append(warning)

    for letter in letters:
        missing = {line: (kind, key, letter.language) for line, kind, key in letter.missing}
        for line in letter.warnings:
            kind = "not_written" if line.startswith("Not yet written") else "record"
            add(PlainLanguageWarning(kind, line, item=missing.get(line, ())))
        for warning in check_letter(
            checked_lines(letter), letter.version, letter.child_name, letter.language
        ):
            add(warning)
        other = "cy" if letter.language == "en" else "en"
        texts = [_CONTACT.sub(" ", t) for t in letter.texts()]  # an address is no language
        for sentence in foreign_sentences(texts, letter.language):
            short = sentence if len(sentence) <= 70 else sentence[:67] + "..."
            add(
                PlainLanguageWarning(
                    "language",
                    f"This looks {LANGUAGE_NAMES[other]} in the {LANGUAGE_NAMES[letter.language]} "
                    f'letter: write it in {LANGUAGE_NAMES[letter.language]}. "{short}"',
                    sentence,
                )
            )
    return out


def sensitive_items(letters: Sequence[Letter]) -> list[SensitiveItem]:
    """The items of the letter(s) that touch a sensitive topic, in the child's words or in
    the professional text they speak for; each once, shown as the child will read it."""
    seen: dict[str, SensitiveItem] = {}
    for letter in letters:
        professional = dict(letter.sources)
        for key, text in letter.items:
            scan = f"{text}\n{professional.get(key, '')}"
            for found in find_sensitive([(key, scan)]):
                shown = replace(found, text=text)
                if f"{key}:{text}" not in seen:
                    seen[f"{key}:{text}"] = shown
    return list(seen.values())
