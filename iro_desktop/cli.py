"""The ``iro-desktop`` command: the caseload from a terminal, and the way into the app.

Passphrases: an interactive prompt, or the environment variable IRO_DESKTOP_PASSPHRASE for
scripted use. A demo file opens without one. ``--on YYYY-MM-DD`` sets "today".
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from iro_desktop import __version__
from iro_desktop.domain.model import Child
from iro_desktop.domain.tasks import GROUP_LABELS, TASK_LABELS, TaskGroup, group_for
from iro_desktop.exchange.errors import ExchangeError
from iro_desktop.services import caseload as caseload_service
from iro_desktop.services.stores import (
    PASSPHRASE_ENV,
    create_caseload,
    create_demo,
    env_passphrase,
    open_caseload,
)
from iro_desktop.storage.database import Store
from iro_desktop.storage.errors import StoreError
from iro_desktop.storage.locations import default_demo_path, default_store_path
from iro_desktop.storage.settings_store import load_settings

DEMO_BANNER = "DEMO DATA: fictional children made up for trying IRO Desktop, not a real caseload."

EPILOG = f"""\
Passphrase: asked for at a prompt; for scripts set the environment variable
{PASSPHRASE_ENV}. The demo caseload opens without one.
Files: your caseload is kept encrypted at {default_store_path()}
(change with --db); the demo at {default_demo_path()}.
"""


class UsageError(Exception):
    """A mistake in how the command was called: the message says how to call it."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD"
        ) from None


def _store_options(parser: argparse.ArgumentParser, *, with_json: bool = True) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help="the caseload file (default: your own caseload)")
    where.add_argument("--demo", action="store_true", help="use the built-in demo caseload")
    parser.add_argument(
        "--on", type=_iso_date, metavar="YYYY-MM-DD", help="treat this date as today"
    )
    if with_json:
        parser.add_argument("--json", action="store_true", help="print JSON for other tools")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iro-desktop",
        description="An Independent Reviewing Officer's caseload: what is due, to the day.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"iro-desktop {__version__}")
    _store_options(parser, with_json=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="write the built-in demo caseload (fictional)")
    demo.add_argument("--db", type=Path, help="write the demo here instead of its own file")
    demo.add_argument("--on", type=_iso_date, metavar="YYYY-MM-DD", help="build it as of this day")

    init = commands.add_parser("init", help="create a new, empty encrypted caseload file")
    init.add_argument("--db", type=Path, help="where to create it (default: your caseload)")

    imp = commands.add_parser(
        "import-903", help="import the DfE SSDA903 CSVs (header, episodes, reviews, uasc)"
    )
    _store_options(imp)
    imp.add_argument("folder", type=Path, metavar="DIR", help="folder holding the 903 CSV files")

    due = commands.add_parser("due", help="what is overdue and due soon")
    _store_options(due)
    due.add_argument(
        "--within",
        type=int,
        default=28,
        metavar="DAYS",
        help="show tasks due up to DAYS days ahead, plus everything overdue (default 28)",
    )

    schedule = commands.add_parser("schedule", help="each child's review schedule")
    _store_options(schedule)
    schedule.add_argument("--child", metavar="REF", help="only this child (their reference)")
    return parser


def _today(args: argparse.Namespace) -> date:
    return args.on or date.today()


def _ask_passphrase() -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            f"A passphrase is needed. Set {PASSPHRASE_ENV} for scripted use, "
            "or run the command in a terminal to be asked."
        )
    return getpass.getpass("Passphrase for your caseload: ")


def _open(args: argparse.Namespace) -> Store:
    if getattr(args, "demo", False):
        path = default_demo_path()
        if not path.exists():
            create_demo(_today(args), path)
    else:
        path = args.db or default_store_path()
    return open_caseload(path, _ask_passphrase)


def _say_demo(store: Store, args: argparse.Namespace) -> None:
    if store.is_demo and not getattr(args, "json", False):
        print(DEMO_BANNER)


def _short_name(child: Child) -> str:
    """First name and initial: enough for the IRO to know the child on a shared screen."""
    return f"{child.known_as} {child.last_name[:1]}".strip()


def _fmt(day: date) -> str:
    return f"{day:%a} {day.day:>2} {day:%b %Y}"


def cmd_demo(args: argparse.Namespace) -> int:
    path, count = create_demo(_today(args), args.db)
    print(DEMO_BANNER)
    print(f"Wrote {count} fictional children as of {_fmt(_today(args))} to {path}.")
    print("Try: iro-desktop due --demo   or   iro-desktop schedule --demo")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    path = args.db or default_store_path()
    passphrase = env_passphrase()
    if passphrase is None:
        if not sys.stdin.isatty():
            raise UsageError(f"Set {PASSPHRASE_ENV} or run in a terminal to choose a passphrase.")
        passphrase = getpass.getpass("Choose a passphrase (8 characters or more): ")
        if getpass.getpass("Type it again: ") != passphrase:
            raise UsageError("The two passphrases differ; nothing was created. Try again.")
    create_caseload(path, passphrase).close()
    print(f"Created an empty encrypted caseload at {path}.")
    print("Keep the passphrase safe: without it nobody, including IT, can open the file.")
    return 0


def cmd_import_903(args: argparse.Namespace) -> int:
    from iro_desktop.exchange.ssda903_import import import_903

    store = _open(args)
    report = import_903(store, args.folder, today=_today(args))
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        _say_demo(store, args)
        print("\n".join(report.summary_lines()))
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    if args.within < 0:
        raise UsageError("--within takes a number of days, 0 or more.")
    store = _open(args)
    today = _today(args)
    tasks = caseload_service.due_list(store, today, args.within)
    if args.json:
        print(json.dumps([caseload_service.task_as_json(t, today) for t in tasks], indent=2))
        return 0
    _say_demo(store, args)
    names = {
        o.record.child.child_ref: _short_name(o.record.child)
        for o in caseload_service.caseload(store, today)
    }
    print(f"What is due on {_fmt(today)}: everything overdue, and the next {args.within} days.")
    if not tasks:
        print("\nNothing is due. Enjoy the quiet.")
    for group in TaskGroup:
        in_group = [t for t in tasks if group_for(t.due, today) == group]
        if not in_group:
            continue
        print(f"\n{GROUP_LABELS[group]} ({len(in_group)})")
        print(f"  {'Due':<15} {'Hold by':<15} {'Child':<24} {'Task':<43} Days")
        for t in in_group:
            days = (t.due - today).days
            when = f"{-days} overdue" if days < 0 else ("today" if days == 0 else f"in {days}")
            child = f"{t.child_ref} {names.get(t.child_ref, '')}"[:24]
            print(
                f"  {_fmt(t.due):<15} {_fmt(t.hold_by):<15} {child:<24} "
                f"{TASK_LABELS[t.task]:<43} {when}"
            )
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    store = _open(args)
    today = _today(args)
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
    _say_demo(store, args)
    for overview, row in zip(overviews, rows, strict=True):
        child = overview.record.child
        print(f"\n{child.child_ref}  {child.known_as} {child.last_name}".rstrip())
        for review in overview.schedule.reviews:
            verdict = "in time" if review.in_time else "LATE"
            print(
                f"  review {review.number} ({review.regime.value}): held {_fmt(review.held)}, "
                f"due {_fmt(review.due.due)}: {verdict}"
            )
        if overview.schedule.next_due:
            print(
                f"  next review due {_fmt(overview.schedule.next_due.due)} "
                f"(hold by {_fmt(overview.schedule.next_due.hold_by)})"
            )
            print(f"    why: {overview.schedule.next_due.explanation}")
            if row["local_due"]:
                print(f"    local practice: by {row['local_due']}")
        else:
            print(f"  no review due: {overview.schedule.why_none_due}")
    return 0


def cmd_launch(args: argparse.Namespace) -> int:
    """With no command: open the desktop app (Qt is imported only now, never by the CLI)."""
    from iro_desktop.gui.app import run_gui

    return run_gui(args.db, args.demo, args.on)


COMMANDS = {
    "demo": cmd_demo,
    "init": cmd_init,
    "import-903": cmd_import_903,
    "due": cmd_due,
    "schedule": cmd_schedule,
    None: cmd_launch,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (StoreError, ExchangeError, UsageError) as error:  # each says what to do
        print(f"iro-desktop: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("\nStopped; nothing half-written was kept.", file=sys.stderr)
        return 130
