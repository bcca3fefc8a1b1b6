"""Subcommands for data in and out: import-sheet, export-903, handover, receive."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from iro_desktop.cli.common import (
    UsageError,
    ask_secret,
    open_store_for,
    say_demo,
    store_options,
    today_from,
)
from iro_desktop.i18n import N_, _, ngettext
from iro_desktop.services import exchange as service

HANDOVER_PASSPHRASE_ENV = "IRO_DESKTOP_HANDOVER_PASSPHRASE"

# Each command's description, marked for the catalogue and translated where shown.
IMPORT_SHEET_HELP = N_("""\
Reads your own tracker (.xlsx, or .csv in any common layout and encoding), proposes which
column holds what, and previews every row: what it adds or changes, and every row that will be
refused and why. Nothing is written unless you answer yes (or give --yes), and then all rows
or none. Dates are read day-first; a date that could be read two ways (3/4/2025 with nothing
else in its column to show which) or is not a real date is listed, never guessed. Values you
recorded in IRO Desktop are kept and listed as conflicts. The mapping is remembered for next
time.

--mapping FILE.json changes the proposed mapping: an object from a column heading (or column
letter) to a field, or null to leave the column out, e.g.
  {"Ref": "child_ref", "LAC date": "looked_after_from", "Notes": null}
Fields: %(fields)s""")

HANDOVER_HELP = N_("""\
Writes the chosen children's full records (details, episodes, reviews, decisions, meetings,
contacts, challenges, letters' details and every record's history) into one file encrypted
with a passphrase you choose for this handover (AES-256-GCM, key from scrypt). Give the
passphrase to the next IRO separately from the file (by phone, not in the same email).
The passphrase is asked for twice at a prompt; for scripts set %(variable)s.
Name the file with initials and the reference only, e.g. handover-SB-C1234.iro.""")

RECEIVE_HELP = N_("""\
Brings a handover file into this caseload. Receiving the same file again adds nothing twice.
A wrong passphrase, or a file changed or cut short, is refused and nothing is written.
The handover passphrase is asked for at a prompt, or read from %(variable)s.""")

EXPORT_HELP = N_("""\
Writes header.csv, episodes.csv, reviews.csv (and uasc.csv) for the DfE SSDA903 collection
year ending 31 March YYYY, checked against the DfE validation rules first. When a record
breaks a rule the breaches are listed and nothing is written (unless --anyway). Short-break
reviews are left out (rule 399). Fields a record does not hold are left blank, never made up.""")


def register(commands: argparse._SubParsersAction) -> None:
    sheet = commands.add_parser(
        "import-sheet",
        help=_("import your own tracker spreadsheet (.xlsx or .csv), with a preview first"),
        description=_(IMPORT_SHEET_HELP) % {"fields": ", ".join(service.FIELDS)},
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    store_options(sheet)
    sheet.add_argument("sheet", type=Path, metavar="SHEET", help=_("the .xlsx or .csv file"))
    sheet.add_argument("--mapping", type=Path, metavar="FILE.json", help=_("change the mapping"))
    sheet.add_argument("--sheet-name", metavar="NAME", help=_("the workbook's sheet to read"))
    sheet.add_argument("--yes", action="store_true", help=_("import without asking"))
    sheet.set_defaults(handler=cmd_import_sheet)

    export = commands.add_parser(
        "export-903",
        help=_("write the DfE SSDA903 CSVs for a collection year, checked against DfE rules"),
        description=_(EXPORT_HELP),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    store_options(export)
    years = export.add_mutually_exclusive_group(required=True)
    years.add_argument(
        "--year", type=int, metavar="YYYY", help=_("the collection year ending 31 March YYYY")
    )
    years.add_argument(
        "--all-years",
        action="store_true",
        help=_("every record, not one collection year (lossless: short-break reviews included)"),
    )
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help=_("folder to write"))
    export.add_argument(
        "--anyway", action="store_true", help=_("write the files even when rules are broken")
    )
    export.set_defaults(handler=cmd_export_903)

    hand = commands.add_parser(
        "handover",
        help=_("write chosen children's records to one encrypted file for the next IRO"),
        description=_(HANDOVER_HELP) % {"variable": HANDOVER_PASSPHRASE_ENV},
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    store_options(hand)
    hand.add_argument(
        "--child",
        action="append",
        required=True,
        metavar="REF",
        help=_("a child's reference (repeat for more children)"),
    )
    hand.add_argument("--out", type=Path, required=True, metavar="FILE.iro", help=_("the file"))
    hand.set_defaults(handler=cmd_handover)

    receive = commands.add_parser(
        "receive",
        help=_("bring a handover file from another IRO into this caseload"),
        description=_(RECEIVE_HELP) % {"variable": HANDOVER_PASSPHRASE_ENV},
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    store_options(receive)
    receive.add_argument("bundle", type=Path, metavar="FILE.iro", help=_("the handover file"))
    receive.add_argument(
        "--same-reference",
        choices=("refuse", "skip", "keep-mine"),
        default="refuse",
        help=_(
            "a child in the file whose reference is a different child's here: refuse the "
            "file (default), leave those children out, or add their records keeping your "
            "name and date of birth"
        ),
    )
    receive.set_defaults(handler=cmd_receive)


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def cmd_import_sheet(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    today = today_from(args)
    sheet = service.read_spreadsheet(args.sheet, args.sheet_name)
    proposal = service.propose_mapping(store, sheet)
    mapping = proposal.mapping
    if args.mapping:
        try:
            data = json.loads(args.mapping.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as error:
            raise UsageError(
                _("%(mapping)s: cannot read the mapping file (%(error)s).")
                % {"mapping": args.mapping, "error": error}
            ) from None
        if not isinstance(data, dict):
            raise UsageError(
                _("%(mapping)s: the mapping must be a JSON object.") % {"mapping": args.mapping}
            )
        mapping = service.mapping_with_file(sheet, proposal, data)
    preview = service.preview_spreadsheet(store, sheet, mapping, today)
    if args.json and not args.yes:
        _print_json({"mapping": proposal.as_json(), "preview": preview.as_json()})
        return 0 if preview.can_import else 1
    if not args.json:
        say_demo(store, args)
        print(_("Columns of %(name)s:") % {"name": sheet.name})
        for column in proposal.columns:
            field = mapping.get(column.index)
            label = service.FIELDS[field].label if field else _("(not imported)")
            how = column.how if field == column.field else _("from the mapping file")
            print(f"  {column.letter:>3} {column.header[:32]:<32} -> {label:<30} [{how}]")
        print()
        print("\n".join(preview.summary_lines()))
    if not preview.can_import:
        if not args.json:
            print(_("Nothing was imported."))
        else:
            _print_json({"imported": False, "preview": preview.as_json()})
        return 1
    if not args.yes:
        if not sys.stdin.isatty():
            print(_("Nothing was imported: run again with --yes to import."))
            return 0
        answer = input(_("Import these rows? [y/N] ")).strip().lower()
        if answer not in ("y", "yes"):
            print(_("Nothing was imported."))
            return 0
    report = service.import_spreadsheet(store, preview)
    if args.json:
        _print_json({"imported": True, "report": report.as_json()})
    else:
        print("\n".join(report.summary_lines()))
    return 0


def cmd_export_903(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    year = None if args.all_years else args.year
    if year is not None and not 2000 <= year <= 2100:
        raise UsageError(_("--year takes the year the collection ends, e.g. --year 2026."))
    export = service.preview_903(store, year)
    if export.problems and not args.anyway:
        if args.json:
            _print_json({**export.as_json(), "written": False})
        else:
            say_demo(store, args)
            print("\n".join(export.summary_lines()))
            print(
                _("Nothing was written to %(out)s. Use --anyway to write them as they are.")
                % {"out": args.out}
            )
        return 1
    export = service.export_903(store, year, args.out, write_with_problems=args.anyway)
    if args.json:
        _print_json({**export.as_json(), "written": True})
    else:
        say_demo(store, args)
        print("\n".join(export.summary_lines()))
        print("Wrote " + ", ".join(str(p) for p in export.written) + ".")
    return 0


def _handover_passphrase(*, twice: bool) -> str:
    return ask_secret(
        HANDOVER_PASSPHRASE_ENV,
        _("Handover passphrase: "),
        not_a_terminal=(
            _(
                "A handover passphrase is needed. Set %(handover_passphrase_env)s "
                "for scripted use, or run the command in a terminal to be asked."
            )
            % {"handover_passphrase_env": HANDOVER_PASSPHRASE_ENV}
        ),
        again=_("Type it again: ") if twice else "",
        differ=_("The two passphrases differ; nothing was written. Try again."),
    )


def cmd_handover(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    refs = list(dict.fromkeys(args.child))
    passphrase = _handover_passphrase(twice=True)
    bundle = service.make_handover(store, refs, args.out, passphrase)
    counts = bundle.counts()
    if args.json:
        _print_json({"file": str(args.out), "children": bundle.children, "rows": counts})
        return 0
    say_demo(store, args)
    rows = sum(counts.values())
    print(
        ngettext(
            "Wrote %(out)s: %(count)d child (%(refs)s), %(rows)s records.",
            "Wrote %(out)s: %(count)d children (%(refs)s), %(rows)s records.",
            len(refs),
        )
        % {"out": args.out, "count": len(refs), "refs": ", ".join(refs), "rows": rows}
    )
    print(_("Give the passphrase to the next IRO separately from the file."))
    suggested = service.suggested_handover_name(store, refs, today_from(args))
    if args.out.name != suggested and len(refs) == 1:
        print(
            _("(A name with no personal data beyond initials and reference: %(suggested)s)")
            % {"suggested": suggested}
        )
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    passphrase = _handover_passphrase(twice=False)
    bundle = service.open_handover(args.bundle, passphrase)
    report = service.receive_handover(
        store, bundle, today=today_from(args), same_reference=args.same_reference
    )
    if args.json:
        _print_json(report.as_json())
        return 0
    say_demo(store, args)
    print("\n".join(report.summary_lines()))
    return 0
