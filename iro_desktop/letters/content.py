"""Building the letter to the child: a pure function of the record.

``build_letter`` takes what the IRO recorded (the child's detail, a review, the settings) and
returns a ``Letter`` (``model.py``): sections of blocks (paragraphs, bullets, the child's or
the IRO's typed words, the what/who/by-when table). The wording comes from the catalogues
(``i18n.Words``); what the IRO typed appears as typed. Each section's wording is in
``sections/``, the choice of version, language and review in ``choices.py``. Rendering to
Word is ``render.py``'s job.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from iro_desktop.domain.model import ChildRecord, Region, Review
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.letters.choices import next_review_date, review_decisions
from iro_desktop.letters.i18n import Words
from iro_desktop.letters.model import Letter, LetterLanguage, Version
from iro_desktop.letters.sections.plan import (
    going_well_section,
    next_steps_section,
    worries_section,
)
from iro_desktop.letters.sections.review import review_section, views_section
from iro_desktop.letters.sections.support import (
    adult_life_section,
    carer_note_section,
    next_review_section,
    reach_me_section,
    rights_section,
)


def build_letter(
    record: ChildRecord,
    schedule: ChildSchedule,
    review: Review,
    settings: Settings,
    language: str,
    version: str,
    today: date,
) -> Letter:
    """The letter in one language (``"en"`` or ``"cy"``) and one version."""
    _ = Words(language)
    v = Version(version)
    child = record.child
    name = child.known_as or child.first_name or child.child_ref
    held_on = review.part_dates[0]
    next_review = next_review_date(record, schedule, review)
    iro = settings.iro_name.strip()
    warnings: list[str] = []
    if not iro:
        warnings.append(
            "The IRO's name is not in the settings: the letter is signed without a name."
        )

    sections = [
        review_section(_, v, review, iro, held_on),
        views_section(_, v, review),
        going_well_section(_, v, review),
        worries_section(_, v, review, bool(review_decisions(record, review))),
        next_steps_section(_, v, record, review),
        adult_life_section(_, v),
        next_review_section(_, v, next_review),
        reach_me_section(_, v, settings),
        rights_section(_, v, settings),
        carer_note_section(_, v, name, settings),
    ]
    kept = tuple(s for s in sections if s is not None and s.blocks)

    if v == Version.EASY_READ:
        greeting = _("Hello %(name)s,", name=name)
    else:
        greeting = _("Dear %(name)s,", name=name)
    if v == Version.UNDER4:
        title = _("A letter for you to read when you are older")
    elif v == Version.EASY_READ:
        title = _("Your review")
    else:
        title = _("Your review on %(date)s", date=_.short_date(held_on))
    closing = _("Best wishes,") if v == Version.YOUNG_PERSON else _("Take care,")
    welsh = language == "cy" or settings.region == Region.WALES
    return Letter(
        language=language,
        version=v.value,
        title=title,
        date_line=_.date(today),
        greeting=greeting,
        sections=kept,
        closing=closing,
        signature=iro,
        signature_role=_("Your Independent Reviewing Officer"),
        welsh_welcome=_("We welcome letters and calls in Welsh.") if welsh else "",
        table_headings=(_("What"), _("Who"), _("By when")),
        review_date=held_on,
        next_review=next_review,
        child_ref=child.child_ref,
        initials=child.initials,
        warnings=tuple(warnings),
    )


def build_letters(
    record: ChildRecord,
    schedule: ChildSchedule,
    review: Review,
    settings: Settings,
    language: str,
    version: str,
    today: date,
) -> list[Letter]:
    """One letter, or for ``"both"`` the Welsh letter then the English one."""
    lang = LetterLanguage(language)
    if lang != LetterLanguage.BOTH:
        return [build_letter(record, schedule, review, settings, lang, version, today)]
    out = []
    for code in ("cy", "en"):
        letter = build_letter(record, schedule, review, settings, code, version, today)
        words = Words(code)
        note = words("This letter is in Welsh and in English. The Welsh comes first.")
        out.append(_with_note(letter, note))
    return out


def _with_note(letter: Letter, note: str) -> Letter:
    return replace(letter, language_note=note)
