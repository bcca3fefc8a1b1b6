"""Sensitive content in a letter to the child: the items the IRO must confirm the child may
read, and that are safe to post, before the letter is saved (issue 13).

The words live in ``resources/sensitive_words.csv`` (topic, language, phrase, kind, notes) so
a council can add its own. Matching is case-insensitive and whole-word: "court" finds "the
court decided" but not "courtyard"; a phrase ending in ``*`` is a stem ("exploit*" finds
"exploited", "exploitation"). Rows of kind ``ignore`` are taken out of the text before
looking ("tennis court"). "missing" alone is not a sign ("missing tooth", "I miss Mum"): the
list names the ways of going missing ("went missing", "missing from home"). Welsh words are
also found in their mutated forms ("llys" after "y": "y llys"; "i lys"; "cyffuriau" → "gyffuriau",
"nghyffuriau", "chyffuriau"), which the code makes rather than the list spelling them out.
Every language's words are looked for in every item: a Welsh letter may carry English text.
Over-asking is the safe side: the IRO dismisses a false prompt in one click.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from iro_desktop.letters.resources import resource_file

# Topic keys in the data, with the words the IRO reads in the prompt.
TOPICS = {
    "exploitation": "exploitation",
    "missing": "going missing",
    "drugs_alcohol": "drugs or alcohol",
    "self_harm": "self-harm",
    "sexual_harm": "sexual harm",
    "police": "police",
    "court": "court",
}


@dataclass(frozen=True)
class SensitiveWord:
    topic: str
    language: str
    phrase: str
    ignore: bool  # an innocent phrase taken out of the text first ("tennis court")


@dataclass(frozen=True)
class SensitiveItem:
    """One item of the letter that touches a sensitive topic."""

    key: str
    text: str
    topics: tuple[str, ...]  # keys of TOPICS, in TOPICS order
    found: tuple[str, ...]  # the words as written in the text

    def labels(self) -> tuple[str, ...]:
        return tuple(TOPICS.get(t, t) for t in self.topics)


def sensitive_words_path() -> Path:
    return resource_file("sensitive_words.csv")


@lru_cache(maxsize=4)
def load_sensitive_words(path: Path | None = None) -> tuple[SensitiveWord, ...]:
    path = path or sensitive_words_path()
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple(
            SensitiveWord(
                topic=row["topic"].strip(),
                language=row["language"].strip(),
                phrase=row["phrase"].strip(),
                ignore=row["kind"].strip() == "ignore",
            )
            for row in csv.DictReader(handle)
            if row["phrase"].strip()
        )


# Welsh initial mutations: (radical, soft, nasal, aspirate); None where there is none.
_MUTATIONS = (
    ("ll", "l", None, None),
    ("rh", "r", None, None),
    ("p", "b", "mh", "ph"),
    ("t", "d", "nh", "th"),
    ("c", "g", "ngh", "ch"),
    ("b", "f", "m", None),
    ("d", "dd", "n", None),
    ("g", "", "ng", None),
    ("m", "f", None, None),
)


def welsh_mutations(word: str) -> set[str]:
    """The word and its mutated forms: "cyffuriau" -> gyffuriau, nghyffuriau, chyffuriau;
    a word starting with a vowel gains an "h" ("ei harestio")."""
    lower = word.lower()
    forms = {lower}
    if lower[:1] in "aeiouwyâêîôûŵŷ":
        forms.add("h" + lower)
        return forms
    for radical, *mutated in _MUTATIONS:
        if lower.startswith(radical):
            forms.update(m + lower[len(radical) :] for m in mutated if m is not None)
            break
    return forms


def _pattern(word: SensitiveWord) -> re.Pattern[str]:
    phrase = word.phrase
    stem = phrase.endswith("*")
    phrase = phrase.rstrip("*")
    first, _, rest = phrase.partition(" ")
    firsts = welsh_mutations(first) if word.language == "cy" else {first.lower()}
    tail = re.escape(" " + rest) if rest else ""
    body = "(?:" + "|".join(re.escape(f) for f in sorted(firsts, key=len, reverse=True)) + ")"
    body = body + tail.replace(r"\ ", r"\s+")
    end = r"[\w'’-]*" if stem else ""
    return re.compile(rf"(?<![\w'’-]){body}{end}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _compiled(
    words: tuple[SensitiveWord, ...],
) -> tuple[list[re.Pattern[str]], list[tuple[str, re.Pattern[str]]]]:
    ignore = [_pattern(w) for w in words if w.ignore]
    flag = [(w.topic, _pattern(w)) for w in words if not w.ignore]
    return ignore, flag


def sensitive_topics(
    text: str, words: tuple[SensitiveWord, ...] | None = None
) -> dict[str, list[str]]:
    """{topic: [words found]} for one text."""
    ignore, flag = _compiled(load_sensitive_words() if words is None else words)
    for pattern in ignore:
        text = pattern.sub(" ", text)
    found: dict[str, list[str]] = {}
    for topic, pattern in flag:
        for match in pattern.finditer(text):
            seen = found.setdefault(topic, [])
            if match.group(0) not in seen:
                seen.append(match.group(0))
    return found


def find_sensitive(
    items: Iterable[tuple[str, str]], words: tuple[SensitiveWord, ...] | None = None
) -> list[SensitiveItem]:
    """The items (``(key, text)`` pairs, in the letter's order) that touch a sensitive topic,
    each with its topics and the words that showed it."""
    order = list(TOPICS)
    out = []
    for key, text in items:
        found = sensitive_topics(text or "", words)
        if not found:
            continue
        topics = sorted(found, key=lambda t: order.index(t) if t in order else len(order))
        out.append(
            SensitiveItem(
                key=key,
                text=text,
                topics=tuple(topics),
                found=tuple(w for t in topics for w in found[t]),
            )
        )
    return out
