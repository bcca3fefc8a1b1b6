"""Starting a caseload: ``demo`` (the fictional one), ``init`` (an empty encrypted file) and
``import-903`` (filling one from the DfE SSDA903 CSVs)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from iro_desktop.cli.common import (
    DEMO_BANNER,
    UsageError,
    ask_secret,
    fmt_day,
    iso_date,
    open_store_for,
    say_demo,
    store_options,
    today_from,
)
from iro_desktop.i18n import _
from iro_desktop.paths import default_store_path
from iro_desktop.services import exchange
from iro_desktop.services.session import (
    PASSPHRASE_ENV,
    create_caseload,
    create_demo,
)


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help=_("write the built-in demo caseload (fictional)"))
    demo.add_argument("--db", type=Path, help=_("write the demo here instead of its own file"))
    demo.add_argument(
        "--on", type=iso_date, metavar="DD/MM/YYYY", help=_("build it as of this day")
    )
    demo.set_defaults(handler=cmd_demo)

    init = commands.add_parser("init", help=_("create a new, empty encrypted caseload file"))
    init.add_argument("--db", type=Path, help=_("where to create it (default: your caseload)"))
    init.set_defaults(handler=cmd_init)

    imp = commands.add_parser(
        "import-903", help=_("import the DfE SSDA903 CSVs (header, episodes, reviews, uasc)")
    )
    store_options(imp)
    imp.add_argument(
        "folder", type=Path, metavar="DIR", nargs="?", help=_("folder holding the 903 CSV files")
    )
    imp.add_argument("--xml", type=Path, metavar="FILE", help=_("the DfE's 903 XML return instead"))
    imp.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help=_(
            "the collection year ending 31 March YYYY the files are the return "
            "for (default: from their dates)"
        ),
    )
    imp.add_argument(
        "--max-rows", type=int, metavar="N", help=_("the most rows a table may have (250000)")
    )
    imp.set_defaults(handler=cmd_import_903)


def cmd_demo(args: argparse.Namespace) -> int:
    path, count = create_demo(today_from(args), args.db)
    print(_(DEMO_BANNER))
    print(
        _("Wrote %(count)s fictional children as of %(date)s to %(path)s.")
        % {"count": count, "date": fmt_day(today_from(args)), "path": path}
    )
    print(_("Try: iro-desktop due --demo   or   iro-desktop schedule --demo"))
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    path = args.db or default_store_path()
    passphrase = ask_secret(
        PASSPHRASE_ENV,
        _("Choose a passphrase (four or five ordinary words): "),
        not_a_terminal=_("Set %(passphrase_env)s or run in a terminal to choose a passphrase.")
        % {"passphrase_env": PASSPHRASE_ENV},
        again=_("Type it again: "),
        differ=_("The two passphrases differ; nothing was created. Try again."),
    )
    create_caseload(path, passphrase).close()
    print(_("Created an empty encrypted caseload at %(path)s.") % {"path": path})
    print(_("Keep the passphrase safe: without it nobody, including IT, can open the file."))
    return 0


def cmd_import_903(args: argparse.Namespace) -> int:
    if (args.folder is None) == (args.xml is None):
        raise UsageError(_("Give the folder of 903 CSV files, or --xml FILE (one of the two)."))
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise UsageError(_("--year takes the year the collection ends, e.g. --year 2026."))
    store = open_store_for(args)
    report = exchange.import_903(
        store,
        args.xml or args.folder,
        today_from(args),
        year=args.year,
        xml=True if args.xml else None,
        max_rows=args.max_rows,
    )
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        say_demo(store, args)
        print("\n".join(report.summary_lines()))
    return 0
