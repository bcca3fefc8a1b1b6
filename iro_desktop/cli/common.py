"""What every subcommand of ``iro-desktop`` shares: options, opening a caseload, today, output.

Each family module of this package defines ``register(commands)``, adding its subcommands
with ``set_defaults(handler=...)``; ``cli.main`` lists the families, so a new family never
edits another's module. Commands call services only (``services.session`` opens the file).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from datetime import date
from pathlib import Path

from iro_desktop.domain import display
from iro_desktop.domain.model import Child
from iro_desktop.errors import UserError
from iro_desktop.i18n import N_, _
from iro_desktop.paths import default_demo_path, default_store_path
from iro_desktop.services.passphrases import wrong_try_delay
from iro_desktop.services.session import (
    PASSPHRASE_ENV,
    OldPassphrase,
    Store,
    WrongPassphrase,
    env_passphrase,
    open_caseload,
    open_demo,
)

PROMPT_TRIES = 3

DEMO_BANNER = N_(
    "DEMO DATA: fictional children made up for trying IRO Desktop, not a real caseload."
)


def epilog() -> str:
    """The end of ``iro-desktop --help``, in the IRO's language."""
    return _(
        'Dates: DD/MM/YYYY (25/12/2026), D/M/YY, YYYY-MM-DD or "today".\n'
        "Passphrase: asked for at a prompt; for scripts set the environment variable\n"
        "%(variable)s. The demo caseload opens without one.\n"
        "Files: your caseload is kept encrypted at %(store)s\n"
        "(change with --db); the demo at %(demo)s.\n"
    ) % {
        "variable": PASSPHRASE_ENV,
        "store": default_store_path(),
        "demo": default_demo_path(),
    }


class UsageError(UserError):
    """A mistake in how the command was called: the message says how to call it."""


def iso_date(text: str) -> date:
    """A date on the command line: DD/MM/YYYY as on the forms, D/M/YY, YYYY-MM-DD or
    "today"; a bad one is refused saying precisely what is wrong ("2026-13-01: there is no
    month 13"). The name is kept: other families import it."""
    try:
        return display.read_date(text, date.today())
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def store_options(parser: argparse.ArgumentParser, *, with_json: bool = True) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help=_("the caseload file (default: your own caseload)"))
    where.add_argument("--demo", action="store_true", help=_("use the built-in demo caseload"))
    parser.add_argument(
        "--on", type=iso_date, metavar="DD/MM/YYYY", help=_("treat this date as today")
    )
    if with_json:
        parser.add_argument(
            "--json",
            action="store_true",
            help=_("print JSON for other tools (always in English)"),
        )


def today_from(args: argparse.Namespace) -> date:
    return args.on or date.today()


def ask_secret(
    env: str | None,
    prompt: str,
    *,
    not_a_terminal: str,
    again: str = "",
    differ: str = "",
) -> str:
    """A passphrase from the environment variable ``env`` when set, else typed at ``prompt``
    (and once more at ``again`` when given: UsageError ``differ`` if the two differ). With
    neither a terminal nor the variable: UsageError ``not_a_terminal``."""
    from_env = os.environ.get(env) if env else None
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UsageError(not_a_terminal)
    secret = getpass.getpass(prompt)
    if again and getpass.getpass(again) != secret:
        raise UsageError(differ)
    return secret


def ask_passphrase() -> str:
    """The caseload's passphrase at a prompt (``services.session`` tried the environment's)."""
    return ask_secret(
        None,
        _("Passphrase for your caseload: "),
        not_a_terminal=_(
            "A passphrase is needed. Set %(variable)s for scripted use, "
            "or run the command in a terminal to be asked."
        )
        % {"variable": PASSPHRASE_ENV},
    )


def open_store_for(args: argparse.Namespace) -> Store:
    if getattr(args, "demo", False):
        return open_demo(today_from(args))
    path = args.db or default_store_path()
    store = _open_asking(path)
    if store is None:  # ask_passphrase answers or raises; kept for honest types
        raise UsageError(_("A passphrase is needed to open %(file)s.") % {"file": path.name})
    return store


def _open_asking(path) -> Store | None:
    """Open ``path``; at a terminal, a wrong passphrase is asked again (three tries), each
    retry after a growing delay, so guessing at the prompt is slow."""
    wrong = 0
    while True:
        try:
            return open_caseload(path, ask_passphrase)
        except OldPassphrase:
            raise
        except WrongPassphrase as error:
            wrong += 1
            if env_passphrase() is not None or not sys.stdin.isatty() or wrong >= PROMPT_TRIES:
                raise
            print(f"iro-desktop: {error}", file=sys.stderr)
            time.sleep(wrong_try_delay(wrong))


def say_demo(store: Store, args: argparse.Namespace) -> None:
    if store.is_demo and not getattr(args, "json", False):
        print(_(DEMO_BANNER))


def short_name(child: Child) -> str:
    """First name and initial: enough for the IRO to know the child on a shared screen."""
    return f"{child.known_as} {child.last_name[:1]}".strip()


def fmt_day(day: date) -> str:
    return display.format_date(day, "column")
