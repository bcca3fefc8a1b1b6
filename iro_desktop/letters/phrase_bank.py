"""The phrase bank: child-facing sentences the IRO can start from (issue 13).

``resources/phrases/phrases.csv`` holds, for each theme (life story work, family time, school,
moving home, the type of plan ...) and kind (``plan``, ``decision``, ``worry``,
``going_well``), a sentence written to the child in English and in Welsh, with the ages it
suits. A council edits its own copy: a ``phrases.csv`` in its folder (the letter template
folder in Settings) replaces the shipped rows of each (theme, kind) it has rows for and adds
new themes; the rest of the shipped bank stays. Placeholders in braces ({carer}, {worker},
{person}, {adviser}) are filled with the names the child uses; one left unfilled stays
visible so the IRO sees it. A suggestion is only a start: the letter uses it only once the IRO
confirms or edits it, or chooses to use suggested wording.

The ``check`` column says what a Welsh speaker should still confirm in the Welsh ("confirm":
the whole sentence; empty once confirmed).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from iro_desktop.letters.resources import resource_file

KINDS = ("plan", "decision", "worry", "going_well")
PLACEHOLDERS = ("carer", "worker", "person", "adviser")

# Themes, with the words the IRO reads; the type-of-plan themes come first.
PLAN_THEMES = {
    "staying_here": "staying here while you grow up",
    "going_home": "going home",
    "adoption": "adoption",
    "special_guardianship": "special guardianship",
    "staying_put": "staying put",
    "living_on_your_own": "getting ready to live on your own",
    "other": "other",
}
THEMES = {
    **PLAN_THEMES,
    "life_story_work": "life story work",
    "family_time": "contact with family",
    "school_pep": "school and the school plan (PEP)",
    "health_assessment": "health assessment",
    "dental": "dentist",
    "moving_home": "moving home",
    "pathway_plan": "pathway plan",
    "personal_adviser": "personal adviser",
    "age_assessment": "age assessment",
    "independent_visitor": "independent visitor",
    "advocacy": "advocacy",
    "keeping_safe": "keeping safe",
    "interpreter": "interpreter",
}

FILE_NAME = "phrases.csv"


@dataclass(frozen=True)
class Phrase:
    id: str
    theme: str
    kind: str
    en: str
    cy: str
    min_age: int | None
    max_age: int | None
    check: str  # what a Welsh speaker should still confirm; empty once confirmed
    notes: str
    from_council: bool = False

    def text(self, language: str) -> str:
        return self.cy if language == "cy" else self.en

    def suits(self, age: int | None) -> bool:
        if age is None:
            return True
        return (self.min_age is None or age >= self.min_age) and (
            self.max_age is None or age <= self.max_age
        )


@dataclass(frozen=True)
class Suggestion:
    """One suggested sentence, in one language, for the IRO to confirm or edit."""

    id: str
    theme: str
    kind: str
    language: str
    text: str
    needs_welsh_check: bool  # Welsh a native speaker has not yet confirmed

    def filled(self, **names: str) -> str:
        return fill(self.text, **names)


def shipped_phrases_path() -> Path:
    return resource_file("phrases", FILE_NAME)


def _age(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


def read_phrases(path: Path, from_council: bool = False) -> tuple[Phrase, ...]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for number, row in enumerate(rows, start=2):
        theme, kind = (row.get("theme") or "").strip(), (row.get("kind") or "").strip()
        if not theme or kind not in KINDS:
            raise ValueError(
                f"{path}, line {number}: each row needs a theme and a kind "
                f"({', '.join(KINDS)}), not {kind!r}."
            )
        out.append(
            Phrase(
                id=(row.get("id") or "").strip() or f"{theme}.{kind}.line{number}",
                theme=theme,
                kind=kind,
                en=(row.get("en") or "").strip(),
                cy=(row.get("cy") or "").strip(),
                min_age=_age(row.get("min_age")),
                max_age=_age(row.get("max_age")),
                check=(row.get("check") or "").strip(),
                notes=(row.get("notes") or "").strip(),
                from_council=from_council,
            )
        )
    return tuple(out)


def _council_file(council_folder: str | Path | None) -> Path | None:
    if not council_folder or not str(council_folder).strip():
        return None
    folder = Path(council_folder).expanduser()
    for candidate in (folder / FILE_NAME, folder / "phrases" / FILE_NAME):
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=8)
def _load(council_file: Path | None, stamp: float) -> tuple[Phrase, ...]:
    shipped = read_phrases(shipped_phrases_path())
    if council_file is None:
        return shipped
    council = read_phrases(council_file, from_council=True)
    replaced = {(p.theme, p.kind) for p in council}
    return tuple(p for p in shipped if (p.theme, p.kind) not in replaced) + council


def load_phrases(council_folder: str | Path | None = None) -> tuple[Phrase, ...]:
    """The shipped bank, with a council's own ``phrases.csv`` (in ``council_folder`` or its
    ``phrases/`` subfolder) replacing the rows of each (theme, kind) it covers."""
    council = _council_file(council_folder)
    stamp = council.stat().st_mtime if council else 0.0  # a council's edit is seen at once
    return _load(council, stamp)


def suggest(
    theme: str,
    kind: str,
    language: str,
    age: int | None = None,
    council_folder: str | Path | None = None,
) -> list[Suggestion]:
    """Sentences for ``theme`` and ``kind`` in ``language`` ("en" or "cy") that suit a child
    of ``age`` (any age when None), council rows first; rows without that language are left
    out (the app never translates)."""
    phrases = sorted(
        (
            p
            for p in load_phrases(council_folder)
            if p.theme == theme and p.kind == kind and p.suits(age) and p.text(language)
        ),
        key=lambda p: not p.from_council,
    )
    return [
        Suggestion(
            id=p.id,
            theme=p.theme,
            kind=p.kind,
            language=language,
            text=p.text(language),
            needs_welsh_check=language == "cy" and bool(p.check),
        )
        for p in phrases
    ]


def plan_sentence(
    plan: str, language: str, age: int | None = None, council_folder: str | Path | None = None
) -> Suggestion | None:
    """The one sentence that says the type of plan ("staying_here", "going_home", ...)."""
    found = suggest(plan, "plan", language, age, council_folder)
    return found[0] if found else None


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, **names: str) -> str:
    """Put the names the child uses in the placeholders; an unknown or empty one is left as
    written ("{carer}") so that the IRO sees what is missing."""
    return _PLACEHOLDER.sub(lambda m: names.get(m.group(1)) or m.group(0), text)


def placeholders(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)
