"""``iro-desktop figures``: the IRO's figures for a period, and the service roll-up.

iro-desktop figures --db FILE --from 2025-04-01 --to 2026-03-31 --json
iro-desktop figures --demo --word figures.docx --csv figures-csv --out-json figures.json
iro-desktop figures --merge a.json b.json --out service.docx [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from iro_desktop.cli.common import (
    UsageError,
    iso_date,
    open_store_for,
    say_demo,
    store_options,
    today_from,
)
from iro_desktop.domain.figures.model import Figures
from iro_desktop.i18n import N_, _
from iro_desktop.services import figures as service
from iro_desktop.services.settings import load_settings

HELP = N_(
    "the IRO's figures for a period (tables, charts, Word, CSV, JSON) and the service roll-up"
)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "figures",
        help=_(HELP),
        description=(
            _(
                "Your figures for any period (both dates included; by default the "
                "April-March reporting year containing --on or today): reviews in "
                "time, late and missed, participation codes, preparation and "
                "follow-up, challenges and the caseload at the period's end. With "
                "--merge, add up several IROs' JSON figures files."
            )
        ),
    )
    store_options(parser)
    parser.add_argument(
        "--from",
        dest="period_from",
        type=iso_date,
        metavar="DD/MM/YYYY",
        help=_("first day of the period (included)"),
    )
    parser.add_argument(
        "--to",
        dest="period_to",
        type=iso_date,
        metavar="DD/MM/YYYY",
        help=_("last day of the period (included)"),
    )
    parser.add_argument("--word", type=Path, metavar="FILE.docx", help=_("write a Word summary"))
    parser.add_argument("--csv", type=Path, metavar="DIR", help=_("write one CSV file per table"))
    parser.add_argument(
        "--out-json", type=Path, metavar="FILE.json", help=_("write the JSON figures file")
    )
    parser.add_argument(
        "--merge",
        type=Path,
        nargs="+",
        metavar="FILE.json",
        help=_("add up these IROs' JSON figures files (the service roll-up)"),
    )
    parser.add_argument(
        "--out", type=Path, metavar="FILE.docx", help=_("with --merge: the service's Word summary")
    )
    parser.set_defaults(handler=cmd_figures)


def cmd_figures(args: argparse.Namespace) -> int:
    if args.merge:
        return _merge(args)
    if args.out is not None:
        raise UsageError(_("--out goes with --merge; for your own figures use --word FILE.docx."))
    store = open_store_for(args)
    today = today_from(args)
    if args.period_from and args.period_to and args.period_to < args.period_from:
        raise UsageError(_("--to is before --from: give the period's first day as --from."))
    fig = service.figures_for(store, args.period_from, args.period_to, today=today)
    settings = load_settings(store)
    subtitle = ", ".join(x for x in (settings.council_name, settings.iro_name) if x)
    if store.is_demo:
        subtitle = (_("DEMO DATA (fictional children).") + " " + subtitle).strip()
    written = _exports(args, fig, subtitle=subtitle, note="")
    if args.json:
        print(json.dumps(service.figures_as_json(fig), indent=2))
        return 0
    say_demo(store, args)
    if not written:
        _print_tables(fig)
    for path in written:
        print(_("Wrote %(path)s") % {"path": path})
    return 0


def _merge(args: argparse.Namespace) -> int:
    if args.word is not None:
        raise UsageError(_("With --merge, name the Word file with --out FILE.docx."))
    if args.period_from or args.period_to or args.db or args.demo:
        raise UsageError(
            _("--merge adds up figures files as they are: leave out --from, --to, --db and --demo.")
        )
    fig = service.merge(args.merge)
    note = service.merged_note(fig)
    args.word = args.out
    written = _exports(args, fig, subtitle="", note=note)
    if args.json:
        data = service.figures_as_json(fig)
        data["merged_from"] = len(args.merge)
        data["note"] = note
        print(json.dumps(data, indent=2))
        return 0
    print(note)
    if not written:
        _print_tables(fig)
    for path in written:
        print(_("Wrote %(path)s") % {"path": path})
    return 0


def _exports(args: argparse.Namespace, fig: Figures, *, subtitle: str, note: str) -> list[Path]:
    written: list[Path] = []
    if args.out_json is not None:
        written.append(service.export_json(fig, args.out_json))
    if args.csv is not None:
        service.export_csv(fig, args.csv)
        written.append(args.csv)
    if args.word is not None:
        written.append(service.export_word(fig, args.word, subtitle=subtitle, note=note))
    if args.json:  # keep stdout pure JSON: say what was written on stderr
        for path in written:
            print(_("Wrote %(path)s") % {"path": path}, file=sys.stderr)
    return written


def _print_tables(fig: Figures) -> None:
    dates = {"start": fig.period_from.isoformat(), "end": fig.period_to.isoformat()}
    period = _("%(start)s to %(end)s") % dates
    if not fig.period_complete:
        period += _(" (running: counted to %(date)s)") % {"date": fig.counted_to.isoformat()}
    print(_("Figures for %(period)s") % {"period": period})
    for table in service.tables(fig):
        print(f"\n{table.title}")
        texts = [
            [service.format_cell(v, table.columns[i]) for i, v in enumerate(r)] for r in table.rows
        ]
        widths = [
            max(len(table.columns[i]), *(len(r[i]) for r in texts)) if texts else 0
            for i in range(len(table.columns))
        ]
        widths[0] = min(widths[0], 60)
        print("  " + "  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)))
        for row in texts:
            cells = [row[0][:60].ljust(widths[0])]
            cells += [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
            print("  " + "  ".join(cells))
