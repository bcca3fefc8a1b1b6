"""About the review: who the IRO is, when and where it was, who came, and how the child
took part and what they said."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.model import Review
from iro_desktop.letters.blocks import joined, lead, para, section, typed
from iro_desktop.letters.i18n import Words
from iro_desktop.letters.model import Block, Section, Version
from iro_desktop.letters.people import as_child_knows


def review_section(_: Words, v: Version, review: Review, iro: str, held_on: date) -> Section:
    day = _.inline_date(held_on)
    people = [as_child_knows(a, _) for a in review.attendees if a.strip()]
    venue = review.venue.strip() or next((p.venue for p in review.parts if p.venue), "")
    blocks: list[Block] = []
    if v == Version.UNDER4:
        blocks += [
            joined(
                _("I am %(iro)s, your Independent Reviewing Officer.", iro=iro)
                if iro
                else _("I am your Independent Reviewing Officer."),
                _(
                    "You are very young now, so I have written this letter for you to read "
                    "when you are older."
                ),
            ),
            para(
                _(
                    "A review is a meeting where the grown-ups who look after you check that "
                    "the plan for you is working."
                )
            ),
            para(_("Your review was on %(date)s.", date=day)),
        ]
    elif v == Version.EASY_READ:
        blocks += [
            para(_("I am %(iro)s.", iro=iro)) if iro else None,
            para(_("I am your Independent Reviewing Officer.")),
            para(_("I check that your plan is right for you.")),
            para(_("A review is a meeting about you.")),
            para(_("Your review was on %(date)s.", date=day)),
        ]
    elif v == Version.YOUNG_PERSON:
        blocks += [
            para(
                _(
                    "This letter is my record of your review on %(date)s. It is about your "
                    "life and your plans, so I have written it to you.",
                    date=day,
                )
            ),
            joined(
                _("I am %(iro)s, your Independent Reviewing Officer.", iro=iro)
                if iro
                else _("I am your Independent Reviewing Officer."),
                _("I check that your plan is right for you, and that people do what they agreed."),
            ),
        ]
    else:
        blocks += [
            joined(
                _("I am %(iro)s, your Independent Reviewing Officer.", iro=iro)
                if iro
                else _("I am your Independent Reviewing Officer."),
                _("My job is to check that your plan is right for you."),
                _("I also check that people do what they say they will do."),
            ),
            para(_("We had your review on %(date)s.", date=day)),
        ]
    blocks = [b for b in blocks if b is not None]
    if venue:
        blocks.append(para(_("Where we met: %(place)s", place=venue)))
    if people:
        blocks.append(lead(_("Who came:")))
        blocks += [Block("bullet", p) for p in people]
    heading = _("About your review")
    return section("review", heading, blocks)


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


def views_section(_: Words, v: Version, review: Review) -> Section | None:
    words = review.child_words.strip()
    code = review.review_code.strip().upper()
    blocks: list[Block] = []
    if v == Version.UNDER4:
        blocks.append(
            para(
                _(
                    "You were too young to tell us what you think. The people who know you "
                    "best told us how you are."
                )
            )
        )
        if words:
            blocks.append(lead(_("This is what we noticed about you:")))
            blocks += typed(words)
        return section("views", _("How we heard about you"), blocks)
    how = _participation(_, code)
    if how:
        blocks.append(para(how))
    if words:
        if v == Version.EASY_READ:
            blocks.append(lead(_("You told me:")))
        else:
            blocks.append(lead(_("This is what you told me, in your own words:")))
        blocks += typed(words)
        if v == Version.EASY_READ:
            blocks.append(para(_("Everyone at the review heard this.")))
        else:
            blocks.append(para(_("I made sure everyone at the review heard this.")))
    elif code in ("PN4", "PN7"):
        if v == Version.EASY_READ:
            blocks.append(para(_("You can tell me what you think at any time.")))
        else:
            blocks.append(
                para(
                    _(
                        "I would still like to hear from you. You can tell me what you think "
                        "at any time."
                    )
                )
            )
    if not blocks:
        return None
    heading = _("What you told me") if words else _("How you took part")
    return section("views", heading, blocks)
