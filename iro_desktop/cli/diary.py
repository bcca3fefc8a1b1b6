"""``iro-desktop calendar``: the IRO's diary as a calendar file (.ics) for Outlook, Google or
Apple calendars: booked reviews, pre-review meetings and the IRO's own deadlines, or with
``--child`` one child's booked review as a single entry.

iro-desktop calendar --db FILE --out diary.ics [--within DAYS]
iro-desktop calendar --demo --child REF --out review.ics
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from iro_desktop.cli.common import UsageError, open_store_for, say_demo, store_options, today_from
from iro_desktop.i18n import _
from iro_desktop.services import diary as service


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("%(text)s is not a number of days: write a whole number such as 28.")
            % {"text": text}
        ) from None
    if days < 0:
        raise argparse.ArgumentTypeError(_("--within counts days from today: use 0 or more."))
    return days


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "calendar",
        help=_("save your diary as a calendar file (.ics) for Outlook, Google or Apple"),
        description=_(
            "Save booked reviews, pre-review meetings and your own deadlines (reviews to hold, "
            "consultation papers, midpoint checks, decisions and letters to send) as a "
            "calendar file to import into Outlook, Google or Apple calendars. Entries name "
            "each child by initials and reference only. Importing a newer file updates the "
            "entries it holds instead of adding them again."
        ),
    )
    store_options(parser)
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FILE.ics", help=_("the calendar file to write")
    )
    parser.add_argument(
        "--within",
        type=_days,
        metavar="DAYS",
        help=_("only what is due up to DAYS days from today, and what is overdue (default: all)"),
    )
    parser.add_argument(
        "--child",
        metavar="REF",
        help=_("only this child's booked review, as a single entry (an invite with no guests)"),
    )
    parser.set_defaults(handler=cmd_calendar)


def cmd_calendar(args: argparse.Namespace) -> int:
    if args.child and args.within is not None:
        raise UsageError(_("--within goes with the whole diary: leave it out with --child."))
    store = open_store_for(args)
    today = today_from(args)
    if args.child:
        written = service.export_booking_invite(store, args.child, args.out, today)
    else:
        written = service.export_diary(store, args.out, today, args.within)
    if args.json:
        out = {"path": str(written.path), "entries": written.entries, "timed": written.timed}
        print(json.dumps(out, indent=2))
        return 0
    say_demo(store, args)
    print(written.message(), file=sys.stdout)
    return 0
