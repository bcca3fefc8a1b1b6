"""The ``iro-desktop`` command: the caseload from a terminal, and the way into the app.

Passphrases: an interactive prompt, or the environment variable IRO_DESKTOP_PASSPHRASE for
scripted use. A demo file opens without one. ``--on YYYY-MM-DD`` sets "today".
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from iro_desktop import __version__
from iro_desktop.cli.common import (
    DEMO_BANNER,
    EPILOG,
    UsageError,
    fmt_day,
    iso_date,
    open_store_for,
    say_demo,
    short_name,
    store_options,
    today_from,
)
from iro_desktop.domain.tasks import GROUP_LABELS, TASK_LABELS, TaskGroup, group_for
from iro_desktop.errors import UserError
from iro_desktop.logs import configure_logging
from iro_desktop.paths import default_store_path
from iro_desktop.services import caseload as caseload_service
from iro_desktop.services.stores import (
    PASSPHRASE_ENV,
    create_caseload,
    create_demo,
    env_passphrase,
)
from iro_desktop.storage.settings_store import load_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iro-desktop",
        description="An Independent Reviewing Officer's caseload: what is due, to the day.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"iro-desktop {__version__}")
    store_options(parser, with_json=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="write the built-in demo caseload (fictional)")
    demo.add_argument("--db", type=Path, help="write the demo here instead of its own file")
    demo.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="build it as of this day")

    init = commands.add_parser("init", help="create a new, empty encrypted caseload file")
    init.add_argument("--db", type=Path, help="where to create it (default: your caseload)")

    imp = commands.add_parser(
        "import-903", help="import the DfE SSDA903 CSVs (header, episodes, reviews, uasc)"
    )
    store_options(imp)
    imp.add_argument("folder", type=Path, metavar="DIR", help="folder holding the 903 CSV files")

    due = commands.add_parser("due", help="what is overdue and due soon")
    store_options(due)
    due.add_argument(
        "--within",
        type=int,
        default=28,
        metavar="DAYS",
        help="show tasks due up to DAYS days ahead, plus everything overdue (default 28)",
    )

    schedule = commands.add_parser("schedule", help="each child's review schedule")
    store_options(schedule)
    schedule.add_argument("--child", metavar="REF", help="only this child (their reference)")
    for feature in _feature_modules():
        feature.register(commands)
    return parser


FEATURE_MODULES = ("exchange", "figures", "letters", "safety")


def _feature_modules() -> list:
    """Each family of commands is a module of this package with ``register(subparsers)``."""
    return [importlib.import_module(f"iro_desktop.cli.{name}") for name in FEATURE_MODULES]


def cmd_demo(args: argparse.Namespace) -> int:
    path, count = create_demo(today_from(args), args.db)
    print(DEMO_BANNER)
    print(f"Wrote {count} fictional children as of {fmt_day(today_from(args))} to {path}.")
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
    from iro_desktop.exchange.ssda903.read import import_903

    store = open_store_for(args)
    report = import_903(store, args.folder, today=today_from(args))
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        say_demo(store, args)
        print("\n".join(report.summary_lines()))
    return 0


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
                f"  {fmt_day(t.due):<15} {fmt_day(t.hold_by):<15} {child:<24} "
                f"{TASK_LABELS[t.task]:<43} {when}"
            )
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


def cmd_launch(args: argparse.Namespace) -> int:
    """With no command: open the desktop app. The caseload starts opening (deriving its key
    takes ~0.2 s by design) on its own thread before Qt loads, so the two overlap."""
    from iro_desktop.services.opening import start_opening_at_launch

    early = start_opening_at_launch(args.db, args.demo, today_from(args))
    from iro_desktop.gui.app import run_gui

    return run_gui(args.db, args.demo, args.on, early)


COMMANDS = {
    "demo": cmd_demo,
    "init": cmd_init,
    "import-903": cmd_import_903,
    "due": cmd_due,
    "schedule": cmd_schedule,
    None: cmd_launch,
}


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        return handler(args)
    except UserError as error:  # each says what happened and what to do
        print(f"iro-desktop: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("\nStopped; nothing half-written was kept.", file=sys.stderr)
        return 130
