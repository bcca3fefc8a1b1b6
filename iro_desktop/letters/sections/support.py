"""What the child can count on after the review: the next review and visit, how to reach
the IRO (with one line on advocacy and complaints), an interpreter, what happens at 18, the
note for the grown-up reading a read-aloud letter, and the separate "your rights" page."""

from __future__ import annotations

from iro_desktop.letters.blocks import joined, para, section
from iro_desktop.letters.model import Block, Section, Version
from iro_desktop.letters.sections.context import LetterContext

ENGLISH_LANGUAGES = {"", "en", "english", "saesneg"}
WELSH_LANGUAGES = {"cy", "welsh", "cymraeg"}


def next_review_section(c: LetterContext) -> Section | None:
    _ = c.words
    if c.next_review is None:
        return None
    day = _.inline_date(c.next_review)
    when = _("Your next review will be by %(date)s.", date=day)
    if c.version == Version.EASY_READ:
        blocks = [
            para(when),
            para(_("You can choose where it is.")),
            para(_("You can choose who comes.")),
        ]
    elif c.version == Version.READ_ALOUD:
        blocks = [para(when)]
    else:
        blocks = [joined(when, _("You can choose where it is and who comes. Just tell me."))]
    return section("next_review", _("Your next review"), blocks)


def _reach_lines(c: LetterContext) -> str:
    _ = c.words
    s = c.settings
    parts = []
    if s.iro_phone.strip():
        parts.append(_("Phone: %(phone)s", phone=s.iro_phone.strip()))
    if s.iro_email.strip():
        parts.append(_("Email: %(email)s", email=s.iro_email.strip()))
    return " ".join(f"{p}." if not p.endswith(".") else p for p in parts) if parts else ""


def _help_line(c: LetterContext) -> str:
    """One line on reaching an advocate and complaining; in Wales, the active offer."""
    _ = c.words
    s = c.settings
    if c.wales:
        advocacy = _(
            "You have the right to an advocate, someone on your "
            "side. Tell me and I will get you one."
        )
    elif s.advocacy_service.strip():
        advocacy = _(
            "An advocate is someone on your side. Ask %(service)s for one.",
            service=s.advocacy_service.strip(),
        )
    else:
        advocacy = _("An advocate is someone on your side. Ask me for one.")
    complain = _("If you are not happy, you can complain. I can help.")
    return f"{advocacy} {complain}"


def reach_me_section(c: LetterContext) -> Section | None:
    _ = c.words
    if c.version == Version.READ_ALOUD:
        return None  # the note to the grown-up says how to reach the IRO
    lines = _reach_lines(c)
    blocks: list[Block] = [joined(_("You can talk to me at any time."), lines)]
    blocks.append(para(_help_line(c)))
    heading = _("Talk to me") if c.version == Version.EASY_READ else _("How to reach me")
    return section("reach_me", heading, blocks)


def interpreter_offer(c: LetterContext) -> str:
    """An offer to read the letter with an interpreter in the child's first language (the
    app never translates the letter itself)."""
    _ = c.words
    child = c.record.child
    first = child.first_language.strip()
    if not child.interpreter_needed and not (
        first and first.lower() not in ENGLISH_LANGUAGES | WELSH_LANGUAGES
    ):
        return ""
    if first and first.lower() not in ENGLISH_LANGUAGES | WELSH_LANGUAGES:
        text = _(
            "I can read this letter with you and an interpreter who speaks %(language)s. Just ask.",
            language=first,
        )
    else:
        text = _("I can read this letter with you and an interpreter. Just ask.")
    return text


def adult_life_section(c: LetterContext) -> Section | None:
    """The last review before 18: what happens then, in a few lines (the rights page has
    more)."""
    _ = c.words
    if not c.last_before_18 or c.short_breaks:
        return None
    blocks = [
        para(
            _(
                "You will be 18 soon. Your plan "
                "for leaving care says how we will help you."
            )
        ),
        para(_("A personal adviser will help you until you are 25.")),
        para(
            _(
                "You may be able to stay with your carers after 18, or live close by. Ask me "
                "or your social worker."
            )
        ),
    ]
    return section("adult_life", _("When you turn 18"), blocks)


def carer_note_section(c: LetterContext) -> Section | None:
    _ = c.words
    if c.version != Version.READ_ALOUD:
        return None
    blocks = [
        para(
            _(
                "For the grown-up reading this: please read it aloud, slowly, and talk about "
                "it together. Keep it safe with the life story book."
            )
        )
    ]
    lines = _reach_lines(c)
    if lines:
        blocks.append(para(_("You can reach me: %(how)s", how=lines)))
    offer = interpreter_offer(c)
    if offer:
        blocks.append(para(offer))
    return section("carer_note", _("A note for the grown-up"), blocks)


def rights_sections(c: LetterContext) -> tuple[Section, ...]:
    """The "your rights" page: advocacy, complaints, an independent visitor (not for short
    breaks), seeing your records, what happens at 18 (from 15, not for short breaks), and in
    Wales the Children's Commissioner for Wales and Meic."""
    _ = c.words
    s = c.settings
    out: list[Section] = []
    advocate = [
        para(
            _(
                "You have the right to an advocate. An advocate is someone on "
                "your side who helps you say what you want."
            )
        )
    ]
    if c.wales:
        advocate.append(para(_("In Wales you are offered an advocate. You can say yes or no.")))
    if s.advocacy_service.strip():
        advocate.append(para(_("Ask %(service)s.", service=s.advocacy_service.strip())))
    if s.advocacy_contact.strip():
        advocate.append(para(s.advocacy_contact.strip()))
    out.append(section("rights", _("Someone on your side"), advocate))
    complain = [
        para(
            _(
                "If you are not happy with how you are looked after, you "
                "can complain. I can help you do this."
            )
        )
    ]
    if s.complaints_contact.strip():
        complain.append(para(s.complaints_contact.strip()))
    out.append(section("rights", _("If you are not happy"), complain))
    if not c.short_breaks:
        visitor = [
            para(
                _(
                    "You can ask for an independent visitor: an adult "
                    "friend who spends time with you."
                )
            )
        ]
        if s.independent_visitor_service.strip():
            visitor.append(
                para(_("Ask %(service)s.", service=s.independent_visitor_service.strip()))
            )
        out.append(section("rights", _("An adult friend"), visitor))
    if c.age >= 12:
        out.append(
            section(
                "rights",
                _("What is written about you"),
                [para(_("You can ask to see what is written about you."))],
            )
        )
    if c.age >= 15 and not c.short_breaks:
        out.append(
            section(
                "adult_life",
                _("When you turn 18"),
                [
                    para(
                        _(
                            "Your pathway plan is your plan for leaving "
                            "care. It is written with you."
                        )
                        if c.version == Version.YOUNG_PERSON
                        else _("You will have a plan for leaving care. It is written with you.")
                    ),
                    para(_("A personal adviser can help you until you are 25.")),
                    para(
                        _(
                            "You may be able to stay with your carers after "
                            "18. Ask your social worker."
                        )
                    ),
                ],
            )
        )
    if c.wales:
        out.append(
            section(
                "rights",
                _("More help in Wales"),
                [
                    para(
                        _("The Children's Commissioner for Wales stands up for children's rights.")
                    ),
                    para(_("Meic is a free helpline for young people in Wales: 080880 23456.")),
                ],
            )
        )
    return tuple(out)
