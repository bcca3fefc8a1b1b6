"""The ``iro-desktop`` command: the caseload from a terminal, and the way into the app.

This module is the parser and the dispatch only. Each family of commands is a module of this
package with ``register(subparsers)`` (listed in ``FAMILIES``, in the order ``--help`` shows
them); each command sets its ``handler``. With no command, the desktop app starts.

Passphrases: an interactive prompt, or the environment variable IRO_DESKTOP_PASSPHRASE for
scripted use. A demo file opens without one. ``--on YYYY-MM-DD`` sets "today".

Language: ``--ui-lang cy|en`` anywhere on the line (before or after the command), else
``IRO_DESKTOP_LANG``, else the choice in Settings, else the system's locale. It is taken out
of the arguments before argparse reads them, because the parser's own help is already in the
chosen language. ``--json`` output is for other tools and stays English whatever the language.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from iro_desktop import __version__
from iro_desktop.cli.argparse_words import speak_the_chosen_language
from iro_desktop.cli.common import epilog, store_options, today_from
from iro_desktop.errors import UserError
from iro_desktop.i18n import LANGUAGES, _, in_language
from iro_desktop.logs import configure_logging, get_logger, log_event
from iro_desktop.services.session import (
    announce_process,
    explain,
    start_opening_at_launch,
    tidy_data_folder,
)
from iro_desktop.services.settings import start_in_chosen_language

FAMILIES = ("setup", "caseload", "exchange", "figures", "letters", "diary", "safety", "self_check")
# Commands that bring records in: the note they leave on the file says "an import is running".
IMPORTS = ("import-903", "import-sheet", "receive")
# Files the app writes are the user's alone (0600, folders 0700), whoever writes them.
PRIVATE_UMASK = 0o077
DEBUG_ENV = "IRO_DESKTOP_DEBUG"
UI_LANG = "--ui-lang"

log = get_logger(__name__)


def build_parser() -> argparse.ArgumentParser:
    speak_the_chosen_language()  # argparse's own words ("usage:", "options") too
    parser = argparse.ArgumentParser(
        prog="iro-desktop",
        description=_("An Independent Reviewing Officer's caseload: what is due, to the day."),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"iro-desktop {__version__}",
        help=_("show the version and exit"),
    )
    # Read by take_ui_lang before parsing (so it works after the command too); here for --help.
    parser.add_argument(
        UI_LANG,
        choices=LANGUAGES,
        help=_(
            "the language of the app and of this command's output: cy (Cymraeg) or en "
            "(English); also IRO_DESKTOP_LANG (default: your choice in Settings, else the "
            "system's language)"
        ),
    )
    parser.add_argument(
        "--high-contrast",
        action="store_true",
        help=_(
            "open the window in high contrast, white on black (also IRO_DESKTOP_HIGH_CONTRAST=1 "
            "or Settings)"
        ),
    )
    store_options(parser, with_json=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in FAMILIES:
        importlib.import_module(f"iro_desktop.cli.{name}").register(commands)
    parser.set_defaults(handler=cmd_launch)
    return parser


def cmd_launch(args: argparse.Namespace) -> int:
    """With no command: open the desktop app. The caseload starts opening (deriving its key
    takes 0.10 s of a core, measured) on its own thread before Qt loads, so the two overlap.

    The one import from the command line into the GUI, and a lazy one: no other command
    loads Qt."""
    announce_process("app")
    if getattr(args, "high_contrast", False):  # read by gui.accessibility at start
        os.environ["IRO_DESKTOP_HIGH_CONTRAST"] = "1"
    early = start_opening_at_launch(args.db, args.demo, today_from(args))
    from iro_desktop.gui.app import run_gui

    return run_gui(args.db, args.demo, args.on, early)


def take_ui_lang(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--ui-lang X`` (or ``--ui-lang=X``) from anywhere before ``--``, and the rest of the
    arguments. UsageError for a missing or unknown language."""
    rest: list[str] = []
    asked: str | None = None
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        if item == "--":
            rest.extend(items[index:])
            break
        if item == UI_LANG or item.startswith(UI_LANG + "="):
            if item == UI_LANG:
                index += 1
                value = items[index] if index < len(items) else ""
            else:
                value = item.split("=", 1)[1]
            if value.strip().lower() not in LANGUAGES:
                raise UserError(
                    _("--ui-lang takes cy (Cymraeg) or en (English), not %(value)s.")
                    % {"value": repr(value)}
                )
            asked = value.strip().lower()
        else:
            rest.append(item)
        index += 1
    return asked, rest


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(PRIVATE_UMASK)
    configure_logging()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        asked, arguments = take_ui_lang(arguments)
    except UserError as error:
        start_in_chosen_language()
        print(f"iro-desktop: {error}", file=sys.stderr)
        return 2
    start_in_chosen_language(asked)  # before the parser: its help is in the language
    try:
        parser = build_parser()  # loads each family of commands (and the files they read)
    except UserError as error:  # a broken install: say which file, never a traceback
        print(f"iro-desktop: {error}", file=sys.stderr)
        return 1
    args = parser.parse_args(arguments)
    announce_process("import" if args.command in IMPORTS else "command")
    tidy_data_folder()
    if getattr(args, "json", False):  # for other tools: the same words whatever the language
        with in_language("en"):
            return _run(args)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args)
    except UserError as error:  # each says what happened and what to do
        print(f"iro-desktop: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("\n" + _("Stopped; nothing half-written was kept."), file=sys.stderr)
        return 130
    except Exception as error:  # a message, never a traceback (it could quote a record)
        if os.environ.get(DEBUG_ENV):
            raise
        known = explain(error)
        if known is not None:
            print(f"iro-desktop: {known}", file=sys.stderr)
            return 1
        log_event(log, "command.failed", 40, command=args.command or "", error=type(error).__name__)
        message = _(
            "something went wrong (%(error)s). Nothing half-written was kept. If it happens "
            "again, tell your IT support what you were doing (set %(variable)s=1 to see the "
            "details; they may quote a record)."
        ) % {"error": type(error).__name__, "variable": DEBUG_ENV}
        print(f"iro-desktop: {message}", file=sys.stderr)
        return 2
