"""What was decided and why, what is going well, the worries and what answers them, what
happens next (only the decisions written for the child), and something the IRO learned."""

from __future__ import annotations

from iro_desktop.domain.model import PlanType, WordingKind
from iro_desktop.domain.wording import PLAN_THEMES
from iro_desktop.letters.blocks import para, section
from iro_desktop.letters.items import ChildItem
from iro_desktop.letters.model import Block, Row, Section, Version
from iro_desktop.letters.people import as_child_knows, carer_names, parent_names
from iro_desktop.letters.phrase_bank import fill, placeholders, plan_sentence, suggest
from iro_desktop.letters.sections.context import LetterContext


def _plan(c: LetterContext) -> str:
    plan = c.review.plan_type or PlanType.NOT_RECORDED
    if plan == PlanType.NOT_RECORDED:
        c.warnings.append(
            f"The type of plan is not recorded on this review, so the letter cannot tell "
            f"{c.name} what was decided. Choose it on the review."
        )
        return ""
    theme = PLAN_THEMES.get(PlanType(plan), str(plan))
    council = c.settings.letter_template_folder or None
    found = plan_sentence(theme, c.language, c.age, council)
    if c.adoption and PlanType(plan) == PlanType.ADOPTION:
        # Placed with the family who will adopt them: said as where they live now.
        placed = [
            s for s in suggest(theme, "plan", c.language, c.age, council) if "{carer}" in s.text
        ]
        found = placed[0] if placed else found
    if found is None:
        c.warnings.append(
            f"The phrase bank has no sentence for the plan ({plan}) in this language."
        )
        return ""
    text = fill(
        found.text,
        carer=carer_names(c.record.people, c.words),
        person=parent_names(c.record.people, c.words),
    )
    if placeholders(text):
        c.warnings.append(
            "The plan's sentence needs the carer's name: record the carer (and what the "
            f"child calls them) on {c.name}'s people. It says: {text}"
        )
    c.used.append(("plan", text))
    return text


def decided_section(c: LetterContext) -> Section | None:
    _ = c.words
    plan = _plan(c)
    reasons = [t for t in (c.text(i) for i in c.of_kind(WordingKind.PLAN_REASON)) if t]
    if not plan and not reasons:
        return None
    blocks: list[Block] = []
    if plan:
        blocks.append(para(plan))
    if reasons:
        blocks.append(Block("lead", _("This is because:")))
        blocks += [Block("bullet", r) for r in reasons]
    return section("plan", _("What I decided, and why"), blocks)


def going_well_section(c: LetterContext) -> Section | None:
    _ = c.words
    good = [t for t in (c.text(i) for i in c.of_kind(WordingKind.GOING_WELL)) if t]
    if not good:
        return None
    blocks: list[Block] = [Block("bullet", t) for t in good]
    if c.version in (Version.STANDARD, Version.YOUNG_PERSON) and len(good) > 1:
        blocks.append(para(_("I was really pleased to hear this.")))
    heading = _("Good things") if c.version == Version.EASY_READ else _("What is going well")
    return section("going_well", heading, blocks)


def _decision_texts(c: LetterContext) -> dict[str, str]:
    """Each decision's child-facing sentence by its item_key (only those the child may read)."""
    return {
        i.key: i.text(c.language, c.use_suggestions)
        for i in c.of_kind(WordingKind.DECISION)
        if i.text(c.language, c.use_suggestions)
    }


def worries_section(c: LetterContext) -> Section | None:
    """Each worry, then what answers it: the decisions the IRO linked to it, or honestly
    that it is still being worked on and when the IRO will check (the midpoint)."""
    _ = c.words
    decided = _decision_texts(c)
    blocks: list[Block] = []
    for item in c.of_kind(WordingKind.WORRY):
        text = c.text(item)
        if not text:
            continue
        blocks.append(Block("bullet", text))
        answers = [
            decided[k] for k in (item.wording.answers if item.wording else ()) if k in decided
        ]
        if answers:
            blocks.append(Block("reply", " ".join([_("We will help with this."), *answers])))
        elif c.check_by is not None:
            blocks.append(
                Block(
                    "reply",
                    _(
                        "We are still working on this. I will check by %(date)s.",
                        date=_.inline_date(c.check_by),
                    ),
                )
            )
        else:
            blocks.append(Block("reply", _("We are still working on this. I will keep checking.")))
    if not blocks:
        return None
    blocks.insert(0, para(_("Some people are worried about some things. It is not your fault.")))
    heading = _("Worries") if c.version == Version.EASY_READ else _("What people are worried about")
    return section("worries", heading, blocks)


def _row(c: LetterContext, item: ChildItem, text: str) -> Row:
    _ = c.words
    who = as_child_knows(item.who, _, c.record.people) if item.who.strip() else _("to be agreed")
    when = _.short_date(item.by_when) if item.by_when else _("to be agreed")  # type: ignore[arg-type]
    return Row(what=text, who=who[:1].upper() + who[1:], by_when=when)


def next_steps_section(c: LetterContext) -> Section | None:
    _ = c.words
    rows = []
    for item in c.of_kind(WordingKind.DECISION):
        text = c.text(item)
        if text:
            rows.append(_row(c, item, text))
    if not rows:
        return None
    heading = _("What happens next")
    if c.version == Version.EASY_READ:  # no tables in easy read: one idea to a line
        blocks = [
            Block("bullet", _("%(item)s By %(date)s.", item=r.what, date=r.by_when)) for r in rows
        ]
        return section("next_steps", heading, blocks)
    return section("next_steps", heading, [Block("table", rows=tuple(rows))])


def learned_section(c: LetterContext) -> Section | None:
    _ = c.words
    items = c.of_kind(WordingKind.LEARNED)
    texts = [t for t in (i.text(c.language, c.use_suggestions) for i in items) if t]
    if not texts:
        return None  # optional: no warning when the IRO chose not to write one
    c.used.append(("learned:", texts[0]))
    return section("learned", _("Something I learned about you"), [para(texts[0])])
