"""What the child can count on after the review: getting ready for adult life, the next
review, how to reach the IRO, their rights, and the note for the carers of a child under 4."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.settings import Settings
from iro_desktop.letters.blocks import lead, para, section
from iro_desktop.letters.i18n import Words
from iro_desktop.letters.model import Block, Section, Version


def adult_life_section(_: Words, v: Version) -> Section | None:
    if v != Version.YOUNG_PERSON:
        return None
    blocks = [
        para(
            _(
                "Your pathway plan is your plan for leaving care. It covers where you will "
                "live, money, college or work, and your health."
            )
        ),
        para(_("It should be written with you, and you should have your own copy.")),
        para(_("A personal adviser can help you until you are 25.")),
        para(
            _(
                "If you live with foster carers, you may be able to stay with them after you "
                "are 18. Ask your social worker about this."
            )
        ),
    ]
    return section("adult_life", _("Getting ready for adult life"), blocks)


def next_review_section(_: Words, v: Version, next_review: date | None) -> Section | None:
    if next_review is None:
        return None
    day = _.inline_date(next_review)
    if v == Version.EASY_READ:
        blocks = [
            para(_("It will be on or before %(date)s.", date=day)),
            para(_("You can choose where it is.")),
            para(_("You can choose who comes.")),
        ]
    elif v == Version.UNDER4:
        blocks = [para(_("Your next review will be on or before %(date)s.", date=day))]
    else:
        blocks = [
            para(_("Your next review will be on or before %(date)s.", date=day)),
            para(
                _(
                    "You can choose where it happens and who comes. Tell me or your social "
                    "worker what you would like."
                )
            ),
        ]
    return section("next_review", _("Your next review"), blocks)


def _reach_lines(_: Words, settings: Settings) -> list[Block]:
    lines = []
    if settings.iro_phone.strip():
        lines.append(para(_("Phone: %(phone)s", phone=settings.iro_phone.strip())))
    if settings.iro_email.strip():
        lines.append(para(_("Email: %(email)s", email=settings.iro_email.strip())))
    return lines


def reach_me_section(_: Words, v: Version, settings: Settings) -> Section | None:
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
    return section("reach_me", heading, [para(intro), *lines])


def rights_section(_: Words, v: Version, settings: Settings) -> Section | None:
    if v == Version.UNDER4:
        return None
    advocacy = settings.advocacy_service.strip()
    advocacy_contact = settings.advocacy_contact.strip()
    complaints = settings.complaints_contact.strip()
    visitor = settings.independent_visitor_service.strip()
    blocks: list[Block] = []
    if v == Version.EASY_READ:
        blocks.append(para(_("An advocate can help you say what you want.")))
        if advocacy:
            blocks.append(para(_("Ask %(service)s.", service=advocacy)))
        if advocacy_contact:
            blocks.append(para(advocacy_contact))
        blocks.append(para(_("You can complain if you are not happy.")))
        if complaints:
            blocks.append(para(complaints))
        blocks.append(para(_("An independent visitor is an adult friend who visits you.")))
        if visitor:
            blocks.append(para(_("Ask %(service)s.", service=visitor)))
        return section("rights", _("Help for you"), blocks)
    if advocacy:
        blocks.append(
            para(
                _(
                    "You can have an advocate: someone on your side who helps you say what "
                    "you want. %(service)s can give you one.",
                    service=advocacy,
                )
            )
        )
    else:
        blocks.append(
            para(
                _(
                    "You can have an advocate: someone on your side who helps you say what "
                    "you want. Ask me or your social worker."
                )
            )
        )
    if advocacy_contact:
        blocks.append(para(advocacy_contact))
    if complaints:
        blocks.append(
            para(
                _(
                    "If you are unhappy about how you are looked after, you can complain: "
                    "%(contact)s",
                    contact=complaints,
                )
            )
        )
    else:
        blocks.append(
            para(
                _(
                    "If you are unhappy about how you are looked after, you can complain. I "
                    "can help you do this."
                )
            )
        )
    if visitor:
        blocks.append(
            para(
                _(
                    "You can ask for an independent visitor: an adult friend who spends time "
                    "with you. Ask %(service)s.",
                    service=visitor,
                )
            )
        )
    else:
        blocks.append(
            para(
                _(
                    "You can ask for an independent visitor: an adult friend who spends time "
                    "with you."
                )
            )
        )
    if v == Version.YOUNG_PERSON:
        blocks.append(para(_("You can also ask to see what is written about you.")))
    return section("rights", _("Your rights"), blocks)


def carer_note_section(_: Words, v: Version, name: str, settings: Settings) -> Section | None:
    if v != Version.UNDER4:
        return None
    blocks = [
        para(
            _(
                "Please keep this letter safe with %(name)s's life story book, and read it "
                "with %(name)s when they are older.",
                name=name,
            )
        ),
    ]
    lines = _reach_lines(_, settings)
    if lines:
        blocks.append(lead(_("If you have questions about the plan, you can reach me:")))
        blocks += lines
    return section(
        "carer_note", _("A note for the people who look after %(name)s", name=name), blocks
    )
