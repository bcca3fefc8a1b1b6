"""Reading the caseload: ``due`` (what is overdue and due soon) and ``schedule`` (each
child's reviews and the next one due, with why)."""

from __future__ import annotations

import argparse
import json

from iro_desktop.cli.common import (
    UsageError,
    fmt_day,
    open_store_for,
    say_demo,
    short_name,
    store_options,
    today_from,
)
from iro_desktop.domain.tasks import (
    GROUP_LABELS,
    SECTION_LABELS,
    TASK_LABELS,
    Task,
    TaskGroup,
    TaskKind,
    TaskOwner,
    group_for,
    summary_line,
)
from iro_desktop.i18n import _, ngettext
from iro_desktop.services import caseload as caseload_service
from iro_desktop.services.settings import load_settings


def register(commands: argparse._SubParsersAction) -> None:
    due = commands.add_parser("due", help=_("what is overdue and due soon"))
    store_options(due)
    due.add_argument(
        "--within",
        type=int,
        default=28,
        metavar="DAYS",
        help=_("show tasks due up to DAYS days ahead, plus everything overdue (default 28)"),
    )
    due.set_defaults(handler=cmd_due)

    schedule = commands.add_parser("schedule", help=_("each child's review schedule"))
    store_options(schedule)
    schedule.add_argument("--child", metavar="REF", help=_("only this child (their reference)"))
    schedule.set_defaults(handler=cmd_schedule)


def cmd_due(args: argparse.Namespace) -> int:
    if args.within < 0:
        raise UsageError(_("--within takes a number of days, 0 or more."))
    store = open_store_for(args)
    today = today_from(args)
    tasks = caseload_service.due_list(store, today, args.within)
    if args.json:
        print(json.dumps([caseload_service.task_as_json(t, today) for t in tasks], indent=2))
        return 0
    say_demo(store, args)
    names = {
        o.record.child.child_ref: short_name(o.record.child)
        for o in caseload_service.caseload(store, today)
    }
    print(
        ngettext(
            "What is due on %(day)s: everything overdue, and the next %(count)d day.",
            "What is due on %(day)s: everything overdue, and the next %(count)d days.",
            args.within,
        )
        % {"day": fmt_day(today), "count": args.within}
    )
    if not tasks:
        print("\n" + _("Nothing is due. Enjoy the quiet."))
        return 0
    print(summary_line(tasks, today) + ".")
    # Dates are 15 characters in English ("Wed 21 Jan 2026"); Welsh days and months can be
    # longer ("Gwen 13 Tach 2026"), so the date columns take the longest date shown.
    days = [fmt_day(day) for t in tasks for day in (t.due, t.hold_by)]
    date_width = max([_WIDTHS[0], *(len(text) for text in days)])
    widths = (date_width, date_width, *_WIDTHS[2:])
    for owner in TaskOwner:  # the IRO's own statutory work first, then what others owe
        for group in TaskGroup:
            in_group = sorted(
                (t for t in tasks if t.owner == owner and group_for(t.due, today) == group),
                key=Task.reviews_first_key,
            )
            if not in_group:
                continue
            section, heading = _(SECTION_LABELS[owner]), _(GROUP_LABELS[group])
            print(f"\n{section}: {heading} ({len(in_group)})")
            headings = (_("Due"), _("Hold by"), _("Child"), _("Task"), _("Days"))
            print("  " + _row(widths, *headings))
            for t in in_group:
                child = f"{t.child_ref} {names.get(t.child_ref, '')}"
                what = _(TASK_LABELS[t.task])
                if t.task == TaskKind.DECISION:
                    what = _("Decision: %(what)s") % {"what": t.detail}
                when = _days_words((t.due - today).days, t.hold_by_passed(today))
                print("  " + _row(widths, fmt_day(t.due), fmt_day(t.hold_by), child, what, when))
                if t.task != TaskKind.DECISION:
                    why = _("why: %(why)s") % {"why": t.detail}
                    print("  " + _row(widths, "", "", "", why, "", last=True))
    return 0


# The due table's columns: Due, Hold by, Child, Task (cut to fit); then Days.
_WIDTHS = (15, 15, 24, 43)


def _row(
    widths: tuple[int, ...],
    due: str,
    hold_by: str,
    child: str,
    task: str,
    days: str,
    *,
    last: bool = False,
) -> str:
    """One line of the due table; with ``last``, the task column's text runs on (the "why")."""
    cells = [due, hold_by, child]
    line = " ".join(text[:width].ljust(width) for text, width in zip(cells, widths, strict=False))
    if last:
        return f"{line} {task}"
    return f"{line} {task[: widths[3]].ljust(widths[3])} {days}".rstrip()


def _days_words(days: int, hold_by_passed: bool) -> str:
    """ "3 overdue", "today", "in 5"; ", hold by passed" when the last working day has gone."""
    if days < 0:
        when = ngettext("%(count)d overdue", "%(count)d overdue", -days) % {"count": -days}
    elif days == 0:
        when = _("today")
    else:
        when = ngettext("in %(count)d", "in %(count)d", days) % {"count": days}
    if hold_by_passed:
        when += _(", hold by passed")
    return when


def cmd_schedule(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    today = today_from(args)
    settings = load_settings(store)
    overviews = caseload_service.caseload(store, today, settings)
    if args.child:
        overviews = [o for o in overviews if o.record.child.child_ref == args.child]
        if not overviews:
            raise UsageError(
                _("No child with reference %(ref)s in this caseload.") % {"ref": args.child}
            )
    rows = [caseload_service.schedule_as_json(o, settings) for o in overviews]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    say_demo(store, args)
    for overview in overviews:
        child = overview.record.child
        print(f"\n{child.child_ref}  {child.known_as} {child.last_name}".rstrip())
        for review in overview.schedule.reviews:
            verdict = _("in time") if review.in_time else _("LATE")
            line = _("review %(number)s (%(regime)s): held %(held)s, due %(due)s: %(verdict)s")
            values = {
                "number": review.number,
                "regime": review.regime.value,
                "held": fmt_day(review.held),
                "due": fmt_day(review.due.due),
                "verdict": verdict,
            }
            print("  " + line % values)
        next_due = overview.schedule.next_due
        if next_due:
            print(
                "  "
                + _("next review due %(due)s (hold by %(hold_by)s)")
                % {"due": fmt_day(next_due.due), "hold_by": fmt_day(next_due.hold_by)}
            )
            print("    " + _("why: %(why)s") % {"why": next_due.explanation})
            if overview.schedule.local_due:
                local = fmt_day(overview.schedule.local_due)
                print("    " + _("local practice: by %(date)s") % {"date": local})
        else:
            why = overview.schedule.why_none_due
            print("  " + _("no review due: %(why)s") % {"why": why})
    return 0
