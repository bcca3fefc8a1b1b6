"""About the review, and what the child told the IRO with the IRO's answer."""

from __future__ import annotations

from iro_desktop.domain.model import PlanType, WordingKind
from iro_desktop.letters.blocks import joined, para, section
from iro_desktop.letters.language_check import sentence_language
from iro_desktop.letters.model import Block, Section, Version
from iro_desktop.letters.people import as_child_knows, carer_names
from iro_desktop.letters.sections.context import LetterContext
from iro_desktop.letters.sections.support import interpreter_offer

CARER_ROLES = {"carer", "carers", "foster carer", "foster carers", "kinship carer"}


def _venue(c: LetterContext) -> str:
    """The venue as typed, only when it was typed in the letter's language (a Welsh letter
    does not carry an English venue); otherwise left out with a warning."""
    venue = c.review.venue.strip() or next((p.venue for p in c.review.parts if p.venue), "")
    if not venue:
        return ""
    typed_in = c.review.text_language or "en"
    looks = sentence_language(venue)  # a review recorded in Welsh may still name "Foster home"
    if looks in ("en", "cy") and looks != c.language:
        typed_in = looks
    if typed_in != c.language:
        c.warnings.append(
            f"Where the review was held is recorded in {_lang(typed_in)}, so the "
            f"{_lang(c.language)} letter leaves it out. Add it to the letter by hand if it helps."
        )
        return ""
    return venue


def _lang(code: str) -> str:
    return "Welsh" if code == "cy" else "English"


def review_section(c: LetterContext) -> Section:
    _ = c.words
    iro = c.settings.iro_name.strip()
    day = _.inline_date(c.held_on)
    me = (
        _("I am %(iro)s, your Independent Reviewing Officer.", iro=iro)
        if iro
        else _("I am your Independent Reviewing Officer.")
    )
    blocks: list[Block] = []
    if c.version == Version.READ_ALOUD:
        blocks.append(
            joined(_("This letter is for you. A grown-up who looks after you will read it to you."))
        )
        blocks.append(joined(me, _("I help to make sure you are safe and happy.")))
    elif c.version == Version.EASY_READ:
        blocks += [para(me), para(_("I check that your plan is right for you."))]
    else:
        blocks.append(joined(me, _("My job is to check that your plan is right for you.")))
    venue = _venue(c)
    met = (
        _("We had your review on %(date)s at %(place)s.", date=day, place=venue)
        if venue
        else _("We had your review on %(date)s.", date=day)
    )
    carers = carer_names(c.record.people, _)
    people = [
        carers
        if carers and a.strip().lower() in CARER_ROLES
        else as_child_knows(a, _, c.record.people)
        for a in c.review.attendees
        if a.strip()
    ]
    people = list(dict.fromkeys(people))
    people = [p for p in people if p != _("you") and p != _("me")]
    came = _came(c, people)
    took_part = _participation(c) if c.review.child_words.strip() else ""
    if c.version == Version.EASY_READ:
        blocks += [para(met), para(came), para(took_part)]
    else:
        blocks.append(joined(met, came, took_part))
    if c.adoption and c.review.plan_type != PlanType.ADOPTION:  # else the plan says it
        blocks.append(para(_("You now live with the family who are going to adopt you.")))
    offer = interpreter_offer(c)
    if offer and c.version != Version.READ_ALOUD:  # first, for a child who reads little English
        blocks.insert(0, para(offer))
    # The opening follows the greeting with no heading of its own (room on the one page);
    # easy read keeps one, to sit beside its symbol.
    heading = _("About your review") if c.version == Version.EASY_READ else ""
    return section("review", heading, blocks)


def _came(c: LetterContext, people: list[str]) -> str:
    """Who came, three to a sentence (a long list is a sentence too long to read)."""
    _ = c.words
    groups = [people[i : i + 3] for i in range(0, len(people), 3)]
    out = []
    for n, group in enumerate(groups):
        text = (
            _("%(people)s came.", people=_list(c, group))
            if n == 0
            else _("%(people)s came too.", people=_list(c, group))
        )
        out.append(text[:1].upper() + text[1:])
    return " ".join(out)


def _list(c: LetterContext, names: list[str]) -> str:
    _ = c.words
    # In a list, "your social worker, Priya" loses its comma: "your social worker Priya".
    names = [n.replace(", ", " ") for n in names] if len(names) > 1 else names
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(second)s", first=", ".join(names[:-1]), second=names[-1])


def _participation(c: LetterContext) -> str:
    _ = c.words
    # Each literal is here so that the catalogues pick it up.
    texts = {
        "PN1": _("You came to the review and told us what you think."),
        "PN2": _("You came to the review, and your advocate spoke for you."),
        "PN3": _("You came to the review and showed us what you think."),
        "PN4": _("You came to the review. You chose not to say much this time, and that is OK."),
        "PN5": _("You did not come, but you told your advocate what to say for you."),
        "PN6": _("You did not come, but you sent me your views before it."),
    }
    return texts.get(c.review.review_code.strip().upper(), "")


def answers_section(c: LetterContext) -> Section | None:
    """ "You told me ... — here is my answer": each thing the child said or asked, with the
    IRO's reply; or, for a child who did not take part, a warm word and when the IRO will be
    in touch."""
    _ = c.words
    code = c.review.review_code.strip().upper()
    if c.version == Version.READ_ALOUD or code == "PN0":
        return None
    blocks: list[Block] = []
    said = [c.said(i) for i in c.of_kind(WordingKind.CHILD_SAID)]
    said = [(text, reply) for text, reply in said if text or reply]
    how = _participation(c)
    if said:  # how they took part is said in the first section
        for text, reply in said:
            if text:  # the child's own words, quoted, are theirs as typed
                blocks.append(Block("typed" if text.startswith("\u201c") else "said", text))
            if reply:
                blocks.append(Block("reply" if text else "para", reply))
        return section("answers", _("What you told me, and my answer"), blocks)
    if code in ("PN4", "PN7") or not c.review.child_words.strip():
        blocks.append(
            para(
                _("I am sorry I did not hear from you this time.")
                if code == "PN7"
                else how or _("I would like to hear what you think.")
            )
        )
        blocks.append(
            para(_("Your views matter to me. You can tell me what you think at any time."))
        )
        contact = c.review.next_contact_on
        passed = contact is not None and c.today is not None and contact < c.today
        if contact is not None and not passed:
            when = _.inline_date(contact)
            blocks.append(para(_("I will come to see you or call you by %(date)s.", date=when)))
        elif passed:  # a date before the letter's own would read as a promise broken
            c.warnings.append(
                f"The visit or call recorded for {c.name} ({contact}) has passed: record the "
                "new date (next contact on the review) so the letter can say when."
            )
        elif code in ("PN4", "PN7"):
            c.warnings.append(
                f"{c.name} did not take part: record when you will next visit or call "
                "(next contact on the review) so the letter can say when."
            )
        return section("answers", _("Hearing from you"), blocks)
    return None
