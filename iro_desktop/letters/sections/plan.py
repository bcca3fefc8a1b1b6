"""The review's findings for the child: what is going well, the worries, and what happens
next (the what/who/by-when table of the review's decisions)."""

from __future__ import annotations

from iro_desktop.domain.model import ChildRecord, Review
from iro_desktop.letters.blocks import lead, para, section, typed
from iro_desktop.letters.choices import review_decisions
from iro_desktop.letters.i18n import Words
from iro_desktop.letters.model import Block, Row, Section, Version
from iro_desktop.letters.people import as_child_knows


def going_well_section(_: Words, v: Version, review: Review) -> Section | None:
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
    blocks = [lead(intro), *typed(review.going_well)]
    if v in (Version.STANDARD, Version.YOUNG_PERSON):
        blocks.append(para(_("I was really pleased to hear this.")))
    return section("going_well", heading, blocks)


def worries_section(_: Words, v: Version, review: Review, has_plan: bool) -> Section | None:
    if not review.worries.strip():
        return None
    if v == Version.EASY_READ:
        blocks = [
            para(_("Some people are worried.")),
            lead(_("It is not your fault.")),
            *typed(review.worries),
        ]
        return section("worries", _("Worries"), blocks)
    if v == Version.UNDER4:
        intro = [
            para(_("The grown-ups were also worried about some things.")),
            lead(_("It was not your fault.")),
        ]
    elif v == Version.YOUNG_PERSON:
        intro = [lead(_("I want to be honest with you about what people are worried about:"))]
    else:
        intro = [
            para(_("People are also worried about some things. It is not your fault.")),
            lead(_("This is what they said:")),
        ]
    blocks = [*intro, *typed(review.worries)]
    if has_plan:
        blocks.append(para(_("The plan below says what we will do about it.")))
    return section("worries", _("What people are worried about"), blocks)


def next_steps_section(_: Words, v: Version, record: ChildRecord, review: Review) -> Section | None:
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
    return section("next_steps", _("What happens next"), [lead(intro), Block("table", rows=rows)])
