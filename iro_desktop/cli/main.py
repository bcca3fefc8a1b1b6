"""The ``iro-desktop`` command: the caseload from a terminal, and the way into the app.

This module is the parser and the dispatch only. Each family of commands is a module of this
package with ``register(subparsers)`` (listed in ``FAMILIES``, in the order ``--help`` shows
them); each command sets its ``handler``. With no command, the desktop app starts.

Passphrases: an interactive prompt, or the environment variable IRO_DESKTOP_PASSPHRASE for
scripted use. A demo file opens without one. ``--on YYYY-MM-DD`` sets "today".
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from iro_desktop import __version__
from iro_desktop.cli.common import EPILOG, store_options, today_from
from iro_desktop.errors import UserError
from iro_desktop.logs import configure_logging
from iro_desktop.services.session import start_opening_at_launch

FAMILIES = ("setup", "caseload", "exchange", "figures", "letters", "safety", "self_check")


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
    for name in FAMILIES:
        importlib.import_module(f"iro_desktop.cli.{name}").register(commands)
    parser.set_defaults(handler=cmd_launch)
    return parser


def cmd_launch(args: argparse.Namespace) -> int:
    """With no command: open the desktop app. The caseload starts opening (deriving its key
    takes ~0.2 s by design) on its own thread before Qt loads, so the two overlap.

    The one import from the command line into the GUI, and a lazy one: no other command
    loads Qt."""
    early = start_opening_at_launch(args.db, args.demo, today_from(args))
    from iro_desktop.gui.app import run_gui

    return run_gui(args.db, args.demo, args.on, early)


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except UserError as error:  # each says what happened and what to do
        print(f"iro-desktop: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped listening: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("\nStopped; nothing half-written was kept.", file=sys.stderr)
        return 130
