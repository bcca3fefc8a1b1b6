"""The decisions record of a review, for the social worker and their manager: a pure function
from the record to a ``Page``.

It follows the language of the review (``Review.text_language``), not the window's: its
fixed wording (title, labels, headings, sentences) comes from the app's catalogue through
``i18n.translator`` and its dates from babel's locale for that language, so a Welsh review's
record is in Welsh throughout, around the IRO's Welsh text."""

from __future__ import annotations

from datetime import date

from iro_desktop.domain.codes import participation_meaning
from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import ChildRecord, DecisionStatus, Review
from iro_desktop.domain.schedule_types import ChildSchedule, ScheduledReview
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import WorkingDayCalendar
from iro_desktop.i18n import N_, Translator, translator
from iro_desktop.letters.choices import review_decisions
from iro_desktop.letters.model import Block, Section
from iro_desktop.reports.pages import (
    TABLE_HEADINGS,
    Page,
    bullet_section,
    day_text,
    decision_table,
    full_name,
    long_day,
    make_facts,
    typed_section,
)
from iro_desktop.reports.plan_view import (
    checkpoints_section,
    plan_view_section,
    recommendations_section,
    views_given_text,
)

# What the schedule calls a review and its regime, as the record says them.
REVIEW_KINDS = {
    "first": N_("First review (%(regime)s)"),
    "second": N_("Second review (%(regime)s)"),
    "subsequent": N_("Subsequent review (%(regime)s)"),
}
REGIMES = {
    "looked_after": N_("looked after"),
    "short_breaks": N_("short breaks"),
    "adoption": N_("adoption"),
}


def scheduled(schedule: ChildSchedule, review: Review) -> ScheduledReview | None:
    return next((s for s in schedule.reviews if s.review_id == review.id), None)


def circulate_by(review: Review, settings: Settings, calendar: WorkingDayCalendar) -> date:
    """The decisions go out within the set working days after the review (5 by default)."""
    held = review.part_dates[0]
    return calendar.add_working_days(held, settings.timescales.decisions_working_days_after)[0]


def record_language(review: Review) -> str:
    """The language the record is written in: its review's (English when not recorded)."""
    return "cy" if review.text_language == "cy" else "en"


def record_translator(review: Review) -> Translator:
    return translator(record_language(review))


def build_decisions_record(
    record: ChildRecord,
    schedule: ChildSchedule,
    review: Review,
    settings: Settings,
    calendar: WorkingDayCalendar,
    today: date,
) -> Page:
    _ = record_translator(review)
    child = record.child
    held = review.part_dates
    judged = scheduled(schedule, review)
    due_out = circulate_by(review, settings, calendar)
    days = settings.timescales.decisions_working_days_after
    if review.decisions_circulated_on:
        notice = _("Circulated on %(day)s.") % {"day": long_day(review.decisions_circulated_on, _)}
    else:
        notice = _(
            "Circulate by %(day)s: %(days)s working days after the review, to the social "
            "worker and their manager."
        ) % {"day": long_day(due_out, _), "days": days}
    later = [s for s in schedule.reviews if s.held > held[0]]
    if later:
        next_due = _("%(due)s (held %(held)s)") % {
            "due": day_text(later[0].due.due, _),
            "held": day_text(later[0].held, _),
        }
    elif schedule.next_due:
        next_due = _("%(due)s (hold by %(hold_by)s)") % {
            "due": day_text(schedule.next_due.due, _),
            "hold_by": day_text(schedule.next_due.hold_by, _),
        }
    else:
        why = schedule.why_none_due
        next_due = _("none due: %(why)s") % {"why": why} if why else ""  # why: English (domain)
    review_kind = ""
    timeliness = ""
    if judged is not None:
        regime = judged.regime.value
        review_kind = _(REVIEW_KINDS[judged.kind]) % {
            "regime": _(REGIMES[regime]) if regime in REGIMES else regime.replace("_", " ")
        }
        due_words = {"day": day_text(judged.due.due, _)}
        timeliness = (_("In time: due %(day)s") if judged.in_time else _("Late: due %(day)s")) % (
            due_words
        )
    code = review.review_code.strip().upper()
    social_worker = ", ".join(x for x in (child.social_worker, child.social_worker_team) if x)
    facts = make_facts(
        (_("Child"), full_name(record)),
        (_("Child reference"), child.child_ref),
        (
            _("Date of birth"),
            _("%(day)s (age %(age)s at the review)")
            % {"day": day_text(child.dob, _), "age": age_on(child.dob, held[0])},
        ),
        (_("Review held"), ", ".join(day_text(d, _) for d in held)),
        (_("Review"), review_kind),
        (_("Timeliness"), timeliness),
        (_("Where"), review.venue),
        (
            _("Chaired by"),
            _("%(name)s, Independent Reviewing Officer") % {"name": settings.iro_name}
            if settings.iro_name
            else "",
        ),
        (_("Social worker"), social_worker),
        (
            _("Participation"),
            f"{code}: {_(participation_meaning(code))}" if code else "",
        ),
        (_("How the child gave their views"), views_given_text(review, _)),
        (_("How the child's views were shared"), review.views_how),
        (_("Parents' participation"), review.parents_participation),
        (_("Next review due"), next_due),
        (_("Decisions circulate by"), day_text(due_out, _)),
    )
    earlier_open = [
        d
        for d in record.decisions
        if d.review_id != review.id and d.archived_on is None and d.status == DecisionStatus.OPEN
    ]
    decided = _("Decisions of this review")
    sections = [
        bullet_section("attendees", _("Who attended"), list(review.attendees)),
        typed_section("child_words", _("The child's views, in their words"), review.child_words),
        typed_section("going_well", _("What is going well"), review.going_well),
        typed_section("worries", _("Worries"), review.worries),
        plan_view_section(child.dob, review, _),
        decision_table("decisions", decided, review_decisions(record, review), today, _=_)
        or Section(
            "decisions",
            decided,
            (Block("para", _("No decisions were recorded for this review.")),),
        ),
        decision_table(
            "earlier",
            _("Earlier decisions still open"),
            earlier_open,
            today,
            _(
                "Still open from earlier reviews: to be checked at the midpoint and the next "
                "review."
            ),
            _,
        ),
        recommendations_section(review, _=_),
        checkpoints_section(child.dob, review, _("Health and education"), _),
        typed_section("timing", _("Why the review was held early or late"), review.timing_reason),
    ]
    signer = settings.iro_name or _("the Independent Reviewing Officer")
    return Page(
        title=_("Review decisions record"),
        subtitle=_("%(name)s (%(ref)s): review held %(day)s")
        % {"name": full_name(record), "ref": child.child_ref, "day": long_day(held[0], _)},
        facts=facts,
        sections=tuple(s for s in sections if s is not None),
        notice=notice,
        footer=_(
            "Written by %(signer)s on %(day)s. This record is confidential: share it only "
            "with the people who need it."
        )
        % {"signer": signer, "day": long_day(today, _)},
        child_ref=child.child_ref,
        table_headings=tuple(_(h) for h in TABLE_HEADINGS),
        language=_.lang,
    )
