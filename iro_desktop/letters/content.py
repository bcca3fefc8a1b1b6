"""The letter to the child as structured content: a pure function of the record.

``build_letter`` takes what the IRO recorded (the child's detail, a review, the settings) and
returns a ``Letter``: sections of blocks (paragraphs, bullets, the child's or the IRO's typed
words, the what/who/by-when table). The wording comes from the catalogues (``i18n.Words``);
what the IRO typed appears as typed. Rendering to Word is ``render.py``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import (
    Child,
    ChildRecord,
    Decision,
    DecisionStatus,
    Region,
    Review,
    ReviewStatus,
)
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.errors import UserError
from iro_desktop.letters.i18n import Words
from iro_desktop.letters.people import as_child_knows


class Version(StrEnum):
    UNDER4 = "under4"
    STANDARD = "standard"
    YOUNG_PERSON = "young_person"
    EASY_READ = "easy_read"


class LetterLanguage(StrEnum):
    EN = "en"
    CY = "cy"
    BOTH = "both"


# Words in the child's communication needs or disability that call for the easy-read version.
EASY_READ_SIGNS = (
    "easy read",
    "easy-read",
    "learning",
    "pecs",
    "makaton",
    "symbol",
    "picture",
    "few words",
    "non-verbal",
    "nonverbal",
    "communication aid",
    "autism",
    "autistic",
    "developmental delay",
)

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


# ---- choices


def needs_easy_read(child: Child) -> bool:
    text = f"{child.communication_needs} {child.disability}".lower()
    return any(sign in text for sign in EASY_READ_SIGNS)


def choose_version(child: Child, on: date) -> Version:
    """Under 4: the under-4s letter; then easy read where the child's needs say so; 16 and
    over: the young person's letter; otherwise the standard letter."""
    age = age_on(child.dob, on)
    if age < 4:
        return Version.UNDER4
    if needs_easy_read(child):
        return Version.EASY_READ
    if age >= 16:
        return Version.YOUNG_PERSON
    return Version.STANDARD


def choose_language(child: Child, settings: Settings) -> LetterLanguage:
    """The child's recorded preference; where it is not known in Wales, both languages."""
    if child.language == "cy":
        return LetterLanguage.CY
    if child.language == "en" and (
        child.language_recorded_on is not None or settings.region == Region.ENGLAND
    ):
        return LetterLanguage.EN
    return LetterLanguage.BOTH


def held_reviews(record: ChildRecord) -> list[Review]:
    held = [r for r in record.reviews if r.is_held and r.archived_on is None]
    return sorted(held, key=lambda r: r.part_dates[0])


def pick_review(record: ChildRecord, held_on: date | None = None) -> Review:
    """The review held on ``held_on`` (any part), or the latest held review."""
    held = held_reviews(record)
    name = record.child.known_as or record.child.child_ref
    if not held:
        raise LetterError(
            f"No review has been held for {record.child.child_ref} yet: record the review "
            "first, then write the letter."
        )
    if held_on is None:
        return held[-1]
    for review in held:
        if held_on in review.part_dates:
            return review
    dates = ", ".join(r.part_dates[0].isoformat() for r in held[-5:])
    raise LetterError(
        f"{name} ({record.child.child_ref}) has no review held on {held_on.isoformat()}. "
        f"Reviews held: {dates}."
    )


def next_review_date(record: ChildRecord, schedule: ChildSchedule, review: Review) -> date | None:
    """When the review after ``review`` is: its booked date if one is booked after this
    review and before it is due, else the schedule's "hold by" date (the last working day on
    or before the due date)."""
    held_on = review.part_dates[0]
    later = [s for s in schedule.reviews if s.held > held_on]
    if later:  # an older review: the next one's due date, as the schedule worked it out
        return later[0].due.hold_by
    if schedule.next_due is None:
        return None
    booked = [
        r.booked_for
        for r in record.reviews
        if r.status == ReviewStatus.BOOKED
        and r.archived_on is None
        and r.booked_for is not None
        and held_on < r.booked_for <= schedule.next_due.due
    ]
    return min(booked) if booked else schedule.next_due.hold_by


def review_decisions(record: ChildRecord, review: Review) -> list[Decision]:
    chosen = [
        d
        for d in record.decisions
        if d.review_id == review.id and d.archived_on is None and d.status != DecisionStatus.DROPPED
    ]
    return sorted(chosen, key=lambda d: (d.by_when or date.max, d.id or 0))


def typed_paragraphs(text: str) -> list[str]:
    """What the IRO typed, split into its own lines; kept exactly as typed otherwise."""
    return [line.strip() for line in re.split(r"\n+", text or "") if line.strip()]


# ---- the letter


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
        _review_section(_, v, review, iro, held_on),
        _views_section(_, v, review),
        _going_well_section(_, v, review),
        _worries_section(_, v, review, bool(review_decisions(record, review))),
        _next_steps_section(_, v, record, review),
        _adult_life_section(_, v),
        _next_review_section(_, v, next_review),
        _reach_me_section(_, v, settings),
        _rights_section(_, v, settings),
        _carer_note_section(_, v, name, settings),
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
    from dataclasses import replace

    return replace(letter, language_note=note)


def _section(key: str, heading: str, blocks: list[Block]) -> Section:
    return Section(key, heading, tuple(b for b in blocks if b.text or b.rows), SECTION_ICONS[key])


def _para(text: str) -> Block:
    return Block("para", text)


def _joined(*sentences: str) -> Block:
    """Short sentences on one idea, as one paragraph."""
    return Block("para", " ".join(t for t in sentences if t))


def _lead(text: str) -> Block:
    """A paragraph that introduces what follows (a list, the child's words, the table):
    kept on the same page as it."""
    return Block("lead", text)


def _typed(text: str) -> list[Block]:
    return [Block("typed", line) for line in typed_paragraphs(text)]


def _review_section(_: Words, v: Version, review: Review, iro: str, held_on: date) -> Section:
    day = _.inline_date(held_on)
    people = [as_child_knows(a, _) for a in review.attendees if a.strip()]
    venue = review.venue.strip() or next((p.venue for p in review.parts if p.venue), "")
    blocks: list[Block] = []
    if v == Version.UNDER4:
        blocks += [
            _joined(
                _("I am %(iro)s, your Independent Reviewing Officer.", iro=iro)
                if iro
                else _("I am your Independent Reviewing Officer."),
                _(
                    "You are very young now, so I have written this letter for you to read "
                    "when you are older."
                ),
            ),
            _para(
                _(
                    "A review is a meeting where the grown-ups who look after you check that "
                    "the plan for you is working."
                )
            ),
            _para(_("Your review was on %(date)s.", date=day)),
        ]
    elif v == Version.EASY_READ:
        blocks += [
            _para(_("I am %(iro)s.", iro=iro)) if iro else None,
            _para(_("I am your Independent Reviewing Officer.")),
            _para(_("I check that your plan is right for you.")),
            _para(_("A review is a meeting about you.")),
            _para(_("Your review was on %(date)s.", date=day)),
        ]
    elif v == Version.YOUNG_PERSON:
        blocks += [
            _para(
                _(
                    "This letter is my record of your review on %(date)s. It is about your "
                    "life and your plans, so I have written it to you.",
                    date=day,
                )
            ),
            _joined(
                _("I am %(iro)s, your Independent Reviewing Officer.", iro=iro)
                if iro
                else _("I am your Independent Reviewing Officer."),
                _("I check that your plan is right for you, and that people do what they agreed."),
            ),
        ]
    else:
        blocks += [
            _joined(
                _("I am %(iro)s, your Independent Reviewing Officer.", iro=iro)
                if iro
                else _("I am your Independent Reviewing Officer."),
                _("My job is to check that your plan is right for you."),
                _("I also check that people do what they say they will do."),
            ),
            _para(_("We had your review on %(date)s.", date=day)),
        ]
    blocks = [b for b in blocks if b is not None]
    if venue:
        blocks.append(_para(_("Where we met: %(place)s", place=venue)))
    if people:
        blocks.append(_lead(_("Who came:")))
        blocks += [Block("bullet", p) for p in people]
    heading = _("About your review")
    return _section("review", heading, blocks)


def _participation(_: Words, code: str) -> str:
    # Each literal is here so that the catalogues pick it up.
    texts = {
        "PN1": _("You came to the review and told us what you think."),
        "PN2": _("You came to the review, and your advocate spoke for you."),
        "PN3": _("You came to the review and showed us what you think."),
        "PN4": _(
            "You came to the review. You chose not to share your views this time, and that is OK."
        ),
        "PN5": _("You did not come to the review, but you told your advocate what to say for you."),
        "PN6": _("You did not come to the review, but you sent me your views before it."),
        "PN7": _("You did not come to the review this time, and we did not hear your views."),
    }
    return texts.get(code, "")


def _views_section(_: Words, v: Version, review: Review) -> Section | None:
    words = review.child_words.strip()
    code = review.review_code.strip().upper()
    blocks: list[Block] = []
    if v == Version.UNDER4:
        blocks.append(
            _para(
                _(
                    "You were too young to tell us what you think. The people who know you "
                    "best told us how you are."
                )
            )
        )
        if words:
            blocks.append(_lead(_("This is what we noticed about you:")))
            blocks += _typed(words)
        return _section("views", _("How we heard about you"), blocks)
    how = _participation(_, code)
    if how:
        blocks.append(_para(how))
    if words:
        if v == Version.EASY_READ:
            blocks.append(_lead(_("You told me:")))
        else:
            blocks.append(_lead(_("This is what you told me, in your own words:")))
        blocks += _typed(words)
        if v == Version.EASY_READ:
            blocks.append(_para(_("Everyone at the review heard this.")))
        else:
            blocks.append(_para(_("I made sure everyone at the review heard this.")))
    elif code in ("PN4", "PN7"):
        if v == Version.EASY_READ:
            blocks.append(_para(_("You can tell me what you think at any time.")))
        else:
            blocks.append(
                _para(
                    _(
                        "I would still like to hear from you. You can tell me what you think "
                        "at any time."
                    )
                )
            )
    if not blocks:
        return None
    heading = _("What you told me") if words else _("How you took part")
    return _section("views", heading, blocks)


def _going_well_section(_: Words, v: Version, review: Review) -> Section | None:
    if not review.going_well.strip():
        return None
    if v == Version.EASY_READ:
        intro = _("These things are going well:")
        heading = _("Good things")
    elif v == Version.UNDER4:
        intro = _("These are the good things people told me about you:")
        heading = _("What is going well")
    elif v == Version.YOUNG_PERSON:
        intro = _("This is what people said is going well for you:")
        heading = _("What is going well")
    else:
        intro = _("Let's start with the good things. People told me:")
        heading = _("What is going well")
    blocks = [_lead(intro), *_typed(review.going_well)]
    if v in (Version.STANDARD, Version.YOUNG_PERSON):
        blocks.append(_para(_("I was really pleased to hear this.")))
    return _section("going_well", heading, blocks)


def _worries_section(_: Words, v: Version, review: Review, has_plan: bool) -> Section | None:
    if not review.worries.strip():
        return None
    if v == Version.EASY_READ:
        blocks = [
            _para(_("Some people are worried.")),
            _lead(_("It is not your fault.")),
            *_typed(review.worries),
        ]
        return _section("worries", _("Worries"), blocks)
    if v == Version.UNDER4:
        intro = [
            _para(_("The grown-ups were also worried about some things.")),
            _lead(_("It was not your fault.")),
        ]
    elif v == Version.YOUNG_PERSON:
        intro = [_lead(_("I want to be honest with you about what people are worried about:"))]
    else:
        intro = [
            _para(_("People are also worried about some things. It is not your fault.")),
            _lead(_("This is what they said:")),
        ]
    blocks = [*intro, *_typed(review.worries)]
    if has_plan:
        blocks.append(_para(_("The plan below says what we will do about it.")))
    return _section("worries", _("What people are worried about"), blocks)


def _next_steps_section(
    _: Words, v: Version, record: ChildRecord, review: Review
) -> Section | None:
    decisions = review_decisions(record, review)
    if not decisions:
        return None
    rows = tuple(
        Row(
            what=d.what.strip(),
            who=as_child_knows(d.who, _) if d.who.strip() else _("to be agreed"),
            by_when=_.short_date(d.by_when) if d.by_when else _("to be agreed"),
        )
        for d in decisions
    )
    if v == Version.EASY_READ:
        intro = _("This is what will happen:")
    elif v == Version.UNDER4:
        intro = _("This is what the grown-ups agreed to do, who will do it, and by when:")
    else:
        intro = _("This is what we agreed, who will do it, and by when:")
    return _section("next_steps", _("What happens next"), [_lead(intro), Block("table", rows=rows)])


def _adult_life_section(_: Words, v: Version) -> Section | None:
    if v != Version.YOUNG_PERSON:
        return None
    blocks = [
        _para(
            _(
                "Your pathway plan is your plan for leaving care. It covers where you will "
                "live, money, college or work, and your health."
            )
        ),
        _para(_("It should be written with you, and you should have your own copy.")),
        _para(_("A personal adviser can help you until you are 25.")),
        _para(
            _(
                "If you live with foster carers, you may be able to stay with them after you "
                "are 18. Ask your social worker about this."
            )
        ),
    ]
    return _section("adult_life", _("Getting ready for adult life"), blocks)


def _next_review_section(_: Words, v: Version, next_review: date | None) -> Section | None:
    if next_review is None:
        return None
    day = _.inline_date(next_review)
    if v == Version.EASY_READ:
        blocks = [
            _para(_("It will be on or before %(date)s.", date=day)),
            _para(_("You can choose where it is.")),
            _para(_("You can choose who comes.")),
        ]
    elif v == Version.UNDER4:
        blocks = [_para(_("Your next review will be on or before %(date)s.", date=day))]
    else:
        blocks = [
            _para(_("Your next review will be on or before %(date)s.", date=day)),
            _para(
                _(
                    "You can choose where it happens and who comes. Tell me or your social "
                    "worker what you would like."
                )
            ),
        ]
    return _section("next_review", _("Your next review"), blocks)


def _reach_lines(_: Words, settings: Settings) -> list[Block]:
    lines = []
    if settings.iro_phone.strip():
        lines.append(_para(_("Phone: %(phone)s", phone=settings.iro_phone.strip())))
    if settings.iro_email.strip():
        lines.append(_para(_("Email: %(email)s", email=settings.iro_email.strip())))
    return lines


def _reach_me_section(_: Words, v: Version, settings: Settings) -> Section | None:
    if v == Version.UNDER4:
        return None  # the carer's note says how to reach the IRO
    lines = _reach_lines(_, settings)
    if not lines:
        return None
    if v == Version.EASY_READ:
        intro = _("You can talk to me at any time.")
        heading = _("Talk to me")
    else:
        intro = _("You can talk to me at any time, not just at your review.")
        heading = _("How to reach me")
    return _section("reach_me", heading, [_para(intro), *lines])


def _rights_section(_: Words, v: Version, settings: Settings) -> Section | None:
    if v == Version.UNDER4:
        return None
    advocacy = settings.advocacy_service.strip()
    advocacy_contact = settings.advocacy_contact.strip()
    complaints = settings.complaints_contact.strip()
    visitor = settings.independent_visitor_service.strip()
    blocks: list[Block] = []
    if v == Version.EASY_READ:
        blocks.append(_para(_("An advocate can help you say what you want.")))
        if advocacy:
            blocks.append(_para(_("Ask %(service)s.", service=advocacy)))
        if advocacy_contact:
            blocks.append(_para(advocacy_contact))
        blocks.append(_para(_("You can complain if you are not happy.")))
        if complaints:
            blocks.append(_para(complaints))
        blocks.append(_para(_("An independent visitor is an adult friend who visits you.")))
        if visitor:
            blocks.append(_para(_("Ask %(service)s.", service=visitor)))
        return _section("rights", _("Help for you"), blocks)
    if advocacy:
        blocks.append(
            _para(
                _(
                    "You can have an advocate: someone on your side who helps you say what "
                    "you want. %(service)s can give you one.",
                    service=advocacy,
                )
            )
        )
    else:
        blocks.append(
            _para(
                _(
                    "You can have an advocate: someone on your side who helps you say what "
                    "you want. Ask me or your social worker."
                )
            )
        )
    if advocacy_contact:
        blocks.append(_para(advocacy_contact))
    if complaints:
        blocks.append(
            _para(
                _(
                    "If you are unhappy about how you are looked after, you can complain: "
                    "%(contact)s",
                    contact=complaints,
                )
            )
        )
    else:
        blocks.append(
            _para(
                _(
                    "If you are unhappy about how you are looked after, you can complain. I "
                    "can help you do this."
                )
            )
        )
    if visitor:
        blocks.append(
            _para(
                _(
                    "You can ask for an independent visitor: an adult friend who spends time "
                    "with you. Ask %(service)s.",
                    service=visitor,
                )
            )
        )
    else:
        blocks.append(
            _para(
                _(
                    "You can ask for an independent visitor: an adult friend who spends time "
                    "with you."
                )
            )
        )
    if v == Version.YOUNG_PERSON:
        blocks.append(_para(_("You can also ask to see what is written about you.")))
    return _section("rights", _("Your rights"), blocks)


def _carer_note_section(_: Words, v: Version, name: str, settings: Settings) -> Section | None:
    if v != Version.UNDER4:
        return None
    blocks = [
        _para(
            _(
                "Please keep this letter safe with %(name)s's life story book, and read it "
                "with %(name)s when they are older.",
                name=name,
            )
        ),
    ]
    lines = _reach_lines(_, settings)
    if lines:
        blocks.append(_lead(_("If you have questions about the plan, you can reach me:")))
        blocks += lines
    return _section(
        "carer_note", _("A note for the people who look after %(name)s", name=name), blocks
    )
