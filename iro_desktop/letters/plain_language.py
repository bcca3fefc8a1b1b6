"""The plain-language check: jargon, long sentences and reading level, before a letter is
written. Warnings only: the IRO decides what to change.

Jargon comes from ``resources/glossary.csv`` with a child-friendly alternative in English and
Welsh. Reading level for English is the Flesch-Kincaid grade, with syllables counted by
pyphen's en_GB hyphenation dictionary (textstat's own fallback). textstat itself is not called:
its syllable counter downloads the CMU dictionary through NLTK at first use, and an offline app
handling children's records must never reach for the network. For Welsh, where no well-kept
readability formula exists, the check reads sentence and word length.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from iro_desktop.letters.resources import glossary_path

LONG_SENTENCE_WORDS = 20

# Flesch-Kincaid grade targets by version (a UK reading age is about the grade plus 5).
# GOV.UK aims at a reading age of 9; the letters allow a little more where they quote
# names and dates, and the young person's letter is for a reader of 16 or more.
GRADE_TARGETS = {"easy_read": 3.0, "under4": 5.0, "standard": 5.0, "young_person": 7.0}
# Welsh: average words per sentence and letters per word, the simple measures that hold.
WELSH_SENTENCE_TARGETS = {"easy_read": 8.0, "under4": 14.0, "standard": 14.0, "young_person": 16.0}
WELSH_WORD_LENGTH_TARGET = 5.5


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    exact: bool  # an acronym: matched as written; otherwise any case
    language: str  # "en", "cy" or "any"
    not_for: tuple[str, ...]  # versions where the term is fine (e.g. "pathway plan" at 16+)
    explained_by: str  # the term is fine where this explanation also appears
    alternative_en: str
    alternative_cy: str

    def pattern(self) -> re.Pattern[str]:
        flags = 0 if self.exact else re.IGNORECASE
        return re.compile(rf"(?<![\w-]){re.escape(self.term)}(?![\w-])", flags)

    def alternative(self, language: str) -> str:
        return self.alternative_cy if language == "cy" else self.alternative_en


@dataclass(frozen=True)
class PlainLanguageWarning:
    kind: str  # "jargon" | "long_sentence" | "reading_level"
    message: str  # for the IRO, in English, one line
    text: str = ""  # the word or sentence concerned
    suggestion: str = ""


@lru_cache(maxsize=4)
def load_glossary(path: Path | None = None) -> tuple[GlossaryTerm, ...]:
    path = path or glossary_path()
    terms = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            terms.append(
                GlossaryTerm(
                    term=row["term"].strip(),
                    exact=row["match"].strip() == "exact",
                    language=row["language"].strip() or "any",
                    not_for=tuple(v for v in row["not_for"].split(";") if v.strip()),
                    explained_by=row["explained_by"].strip(),
                    alternative_en=row["alternative_en"].strip(),
                    alternative_cy=row["alternative_cy"].strip(),
                )
            )
    return tuple(terms)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def words_in(text: str) -> list[str]:
    return _WORD.findall(text)


def check_texts(
    texts: list[str],
    language: str,
    version: str = "standard",
    glossary: tuple[GlossaryTerm, ...] | None = None,
    prose: list[str] | None = None,
) -> list[PlainLanguageWarning]:
    """Check a letter's texts (each a paragraph, bullet or table cell) in one language.

    Jargon and long sentences are looked for everywhere; the reading level is measured on
    ``prose`` (the running sentences; all of ``texts`` when not given), since headings,
    lists and table cells would flatter a formula that counts words per sentence."""
    glossary = load_glossary() if glossary is None else glossary
    whole = "\n".join(texts)
    warnings: list[PlainLanguageWarning] = []
    for term in glossary:
        if term.language not in ("any", language) or version in term.not_for:
            continue
        found = term.pattern().search(whole)
        if not found:
            continue
        if term.explained_by and term.explained_by.lower() in whole.lower():
            continue
        alternative = term.alternative(language)
        warnings.append(
            PlainLanguageWarning(
                "jargon",
                f'"{found.group(0)}" may not mean anything to a child: try "{alternative}".',
                found.group(0),
                alternative,
            )
        )
    every_sentence = [s for text in texts for s in sentences(text)]
    for sentence in every_sentence:
        count = len(words_in(sentence))
        if count > LONG_SENTENCE_WORDS:
            short = sentence if len(sentence) <= 70 else sentence[:67] + "..."
            warnings.append(
                PlainLanguageWarning(
                    "long_sentence",
                    f"A sentence of {count} words (over {LONG_SENTENCE_WORDS}): split it. "
                    f'"{short}"',
                    sentence,
                )
            )
    measured = every_sentence if prose is None else [s for t in prose for s in sentences(t)]
    warnings.extend(_reading_level(measured, language, version))
    return warnings


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


def syllables(word: str) -> int:
    return len(_hyphenator().positions(word.lower())) + 1


def flesch_kincaid_grade(every_sentence: list[str]) -> float:
    """0.39 x words per sentence + 11.8 x syllables per word - 15.59."""
    words = [w for s in every_sentence for w in words_in(s)]
    if not words or not every_sentence:
        return 0.0
    total = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(every_sentence) + 11.8 * total / len(words) - 15.59


def _reading_level(
    every_sentence: list[str], language: str, version: str
) -> list[PlainLanguageWarning]:
    if not every_sentence:
        return []
    # Each piece (a heading, a table cell) counts as a sentence of its own.
    if language == "en":
        target = GRADE_TARGETS.get(version, GRADE_TARGETS["standard"])
        grade = flesch_kincaid_grade(every_sentence)
        if grade > target:
            return [
                PlainLanguageWarning(
                    "reading_level",
                    f"Reading level is about grade {grade:.1f} (reading age {grade + 5:.0f}); "
                    f"this version aims at grade {target:.0f} or below. Use shorter words "
                    "and sentences.",
                    suggestion=f"grade {target:.0f}",
                )
            ]
        return []
    words = [w for s in every_sentence for w in words_in(s)]
    if not words:
        return []
    per_sentence = len(words) / len(every_sentence)
    letters = sum(len(w) for w in words) / len(words)
    target = WELSH_SENTENCE_TARGETS.get(version, WELSH_SENTENCE_TARGETS["standard"])
    out = []
    if per_sentence > target:
        out.append(
            PlainLanguageWarning(
                "reading_level",
                f"Sentences average {per_sentence:.1f} words; this version aims at "
                f"{target:.0f} or fewer. Split the longer ones.",
            )
        )
    if letters > WELSH_WORD_LENGTH_TARGET:
        out.append(
            PlainLanguageWarning(
                "reading_level",
                f"Words average {letters:.1f} letters; aim at {WELSH_WORD_LENGTH_TARGET} or "
                "fewer with shorter, everyday words.",
            )
        )
    return out
