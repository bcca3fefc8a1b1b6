"""Building the letter to the child: a pure function of the record.

``build_letter`` takes what the IRO recorded (the child's detail, a review, the settings) and
returns a ``Letter`` (``model.py``). The letter is built ONLY from the child-facing layer
(``ChildWording``, paired with each item in ``items.py``) and the catalogues' own wording
(``i18n.Words``): an item with no wording the letter may use is left out and named in a
warning; the professional text is never pasted in. Each section's wording is in
``sections/``; the choice of version, language, review and life events in ``choices.py``.
Rendering to Word is ``render.py``'s job.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import ChildRecord, Review
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.letters.choices import (
    is_placed_for_adoption,
    is_short_breaks,
    last_review_before_18,
    midpoint,
    moved_since,
    next_review_date,
)
from iro_desktop.letters.i18n import Words
from iro_desktop.letters.items import review_items
from iro_desktop.letters.model import Letter, LetterLanguage, Version, parse_version
from iro_desktop.letters.sections.context import LetterContext
from iro_desktop.letters.sections.plan import (
    decided_section,
    going_well_section,
    learned_section,
    next_steps_section,
    worries_section,
)
from iro_desktop.letters.sections.review import answers_section, review_section
from iro_desktop.letters.sections.support import (
    adult_life_section,
    carer_note_section,
    next_review_section,
    reach_me_section,
    rights_sections,
)


def build_letter(
    record: ChildRecord,
    schedule: ChildSchedule,
    review: Review,
    settings: Settings,
    language: str,
    version: str,
    today: date,
    *,
    use_suggestions: bool = False,
    with_rights: bool = False,
) -> Letter:
    """The letter in one language (``"en"`` or ``"cy"``) and one version."""
    _ = Words(language)
    v = parse_version(version)
    child = record.child
    name = child.known_as or child.first_name or child.child_ref
    held_on = review.part_dates[0]
    next_review = next_review_date(record, schedule, review)
    c = LetterContext(
        words=_,
        version=v,
        record=record,
        review=review,
        settings=settings,
        items=review_items(record, review),
        use_suggestions=use_suggestions,
        name=name,
        held_on=held_on,
        next_review=next_review,
        check_by=midpoint(held_on, next_review),
        age=age_on(child.dob, held_on),
        short_breaks=is_short_breaks(record, held_on),
        adoption=is_placed_for_adoption(record, today),
        last_before_18=last_review_before_18(child, held_on, next_review),
        today=today,
    )
    iro = settings.iro_name.strip()
    if not iro:
        c.warnings.append(
            "The IRO's name is not in the settings: the letter is signed without a name."
        )
    moved = moved_since(record, review, today)
    if moved is not None:
        c.warnings.append(
            f"{name} moved on {moved.isoformat()}, after this review. Read the letter for "
            "anything that describes the old home as where they live now before you send it."
        )

    sections = [
        review_section(c),
        decided_section(c),
        answers_section(c),
        going_well_section(c),
        worries_section(c),
        next_steps_section(c),
        learned_section(c),
        adult_life_section(c),
        next_review_section(c),
        reach_me_section(c),
        carer_note_section(c),
    ]
    kept = tuple(s for s in sections if s is not None and s.blocks)
    rights = rights_sections(c) if with_rights and v != Version.READ_ALOUD else ()

    greeting = (
        _("Hello %(name)s,", name=name)
        if v == Version.EASY_READ
        else _("Dear %(name)s,", name=name)
    )
    if v == Version.EASY_READ:
        title = _("Your review")
    else:
        title = _("Your review on %(date)s", date=_.short_date(held_on))
    closing = _("Best wishes,") if v == Version.YOUNG_PERSON else _("Take care,")
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
        welsh_welcome=_("We welcome letters and calls in Welsh.") if c.wales else "",
        table_headings=(_("What"), _("Who"), _("By when")),
        review_date=held_on,
        next_review=next_review,
        child_ref=child.child_ref,
        initials=child.initials,
        warnings=tuple(dict.fromkeys(c.warnings)),
        rights=rights,
        rights_title=_("Your rights") if rights else "",
        items=tuple(c.used),
        sources=tuple(c.sources),
        child_name=name,
        missing=tuple(dict.fromkeys(c.missing)),
    )


def build_letters(
    record: ChildRecord,
    schedule: ChildSchedule,
    review: Review,
    settings: Settings,
    language: str,
    version: str,
    today: date,
    *,
    use_suggestions: bool = False,
    with_rights: bool = False,
) -> list[Letter]:
    """One letter, or for ``"both"`` the Welsh letter then the English one (two pages, each
    a whole letter: the app calls it what it is, not a side-by-side translation)."""
    lang = LetterLanguage(language)
    options = {"use_suggestions": use_suggestions, "with_rights": with_rights}
    if lang != LetterLanguage.BOTH:
        return [build_letter(record, schedule, review, settings, lang, version, today, **options)]
    out = []
    for code in ("cy", "en"):
        letter = build_letter(record, schedule, review, settings, code, version, today, **options)
        words = Words(code)
        note = words("This letter is in Welsh and in English. The Welsh comes first.")
        out.append(replace(letter, language_note=note))
    return out
