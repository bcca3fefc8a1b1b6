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
from iro_desktop.services import caseload as caseload_service
from iro_desktop.services.settings import load_settings


def register(commands: argparse._SubParsersAction) -> None:
    due = commands.add_parser("due", help="what is overdue and due soon")
    store_options(due)
    due.add_argument(
        "--within",
        type=int,
        default=28,
        metavar="DAYS",
        help="show tasks due up to DAYS days ahead, plus everything overdue (default 28)",
    )
    due.set_defaults(handler=cmd_due)

    schedule = commands.add_parser("schedule", help="each child's review schedule")
    store_options(schedule)
    schedule.add_argument("--child", metavar="REF", help="only this child (their reference)")
    schedule.set_defaults(handler=cmd_schedule)


def cmd_due(args: argparse.Namespace) -> int:
    if args.within < 0:
        raise UsageError("--within takes a number of days, 0 or more.")
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
    print(f"What is due on {fmt_day(today)}: everything overdue, and the next {args.within} days.")
    if not tasks:
        print("\nNothing is due. Enjoy the quiet.")
        return 0
    print(summary_line(tasks, today) + ".")
    for owner in TaskOwner:  # the IRO's own statutory work first, then what others owe
        for group in TaskGroup:
            in_group = sorted(
                (t for t in tasks if t.owner == owner and group_for(t.due, today) == group),
                key=Task.reviews_first_key,
            )
            if not in_group:
                continue
            print(f"\n{SECTION_LABELS[owner]}: {GROUP_LABELS[group]} ({len(in_group)})")
            print(f"  {'Due':<15} {'Hold by':<15} {'Child':<24} {'Task':<43} Days")
            for t in in_group:
                days = (t.due - today).days
                when = f"{-days} overdue" if days < 0 else ("today" if days == 0 else f"in {days}")
                if t.hold_by_passed(today):
                    when += ", hold by passed"
                child = f"{t.child_ref} {names.get(t.child_ref, '')}"[:24]
                what = TASK_LABELS[t.task]
                if t.task == TaskKind.DECISION:
                    what = f"Decision: {t.detail}"[:43]
                print(
                    f"  {fmt_day(t.due):<15} {fmt_day(t.hold_by):<15} {child:<24} {what:<43} {when}"
                )
                if t.task != TaskKind.DECISION:
                    print(f"  {'':<15} {'':<15} {'':<24} why: {t.detail}")
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    today = today_from(args)
    settings = load_settings(store)
    overviews = caseload_service.caseload(store, today, settings)
    if args.child:
        overviews = [o for o in overviews if o.record.child.child_ref == args.child]
        if not overviews:
            raise UsageError(f"No child with reference {args.child} in this caseload.")
    rows = [caseload_service.schedule_as_json(o, settings) for o in overviews]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    say_demo(store, args)
    for overview, row in zip(overviews, rows, strict=True):
        child = overview.record.child
        print(f"\n{child.child_ref}  {child.known_as} {child.last_name}".rstrip())
        for review in overview.schedule.reviews:
            verdict = "in time" if review.in_time else "LATE"
            print(
                f"  review {review.number} ({review.regime.value}): held {fmt_day(review.held)}, "
                f"due {fmt_day(review.due.due)}: {verdict}"
            )
        if overview.schedule.next_due:
            print(
                f"  next review due {fmt_day(overview.schedule.next_due.due)} "
                f"(hold by {fmt_day(overview.schedule.next_due.hold_by)})"
            )
            print(f"    why: {overview.schedule.next_due.explanation}")
            if row["local_due"]:
                print(f"    local practice: by {row['local_due']}")
        else:
            print(f"  no review due: {overview.schedule.why_none_due}")
    return 0
