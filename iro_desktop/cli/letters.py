"""``iro-desktop letter``, ``decisions`` and ``briefing``: Word documents from the record.

The plain-language warnings go to stderr, so that the output names only what was written.
"""

from __future__ import annotations

import argparse
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
from iro_desktop.services import letters as service

LANGUAGES = ("en", "cy", "both")
VERSIONS = ("under4", "standard", "young_person", "easy_read")


def register(commands: argparse._SubParsersAction) -> None:
    letter = commands.add_parser(
        "letter",
        help="write the review letter to the child (Word; PDF with --pdf)",
        description=(
            "Write the letter to the child about their review, from what was recorded. The "
            "language follows the child's recorded preference (both languages where it is "
            "not known in Wales) and the version their age and needs, unless you choose."
        ),
    )
    store_options(letter, with_json=False)
    letter.add_argument("--child", required=True, metavar="REF", help="the child's reference")
    letter.add_argument(
        "--review",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the review held on this date (default: the latest review)",
    )
    letter.add_argument("--lang", choices=LANGUAGES, help="en, cy (Cymraeg) or both (Welsh first)")
    letter.add_argument("--version", choices=VERSIONS, help="which version of the letter")
    _out_options(letter)
    letter.set_defaults(handler=cmd_letter)

    decisions = commands.add_parser(
        "decisions",
        help="write the review's decisions record for the social worker and manager",
        description=(
            "Write the formal record of a review's decisions, with the date it must be "
            "circulated by. Writing it does not mark the decisions as circulated."
        ),
    )
    store_options(decisions, with_json=False)
    decisions.add_argument("--child", required=True, metavar="REF", help="the child's reference")
    decisions.add_argument(
        "--review",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the review held on this date (default: the latest review)",
    )
    _out_options(decisions)
    decisions.set_defaults(handler=cmd_decisions)

    briefing = commands.add_parser(
        "briefing",
        help="write a briefing pack for a day's reviews and visits (personal data)",
        description=(
            "Write a short briefing for each child you see on a day: last decisions, open "
            "challenges, the child's words last time, key dates, who will be there, what to "
            "check. It holds personal data: it is written only to the file you name."
        ),
    )
    store_options(briefing, with_json=False)
    briefing.add_argument(
        "--date", required=True, type=iso_date, metavar="YYYY-MM-DD", help="the day"
    )
    briefing.add_argument(
        "--out", required=True, type=Path, metavar="FILE.docx", help="where to write it"
    )
    briefing.set_defaults(handler=cmd_briefing)


def _out_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE.docx", help="where to write it"
    )
    parser.add_argument(
        "--pdf", action="store_true", help="also write a PDF beside it (needs LibreOffice)"
    )


def _check_out(path: Path) -> Path:
    if path.suffix.lower() != ".docx":
        raise UsageError(f"--out {path} should end in .docx: the document is a Word file.")
    return path


def _report(written: service.Written) -> None:
    for warning in written.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Wrote {written.path}")
    if written.pdf_path:
        print(f"Wrote {written.pdf_path}")
    if written.pdf_problem:
        print(written.pdf_problem, file=sys.stderr)


def cmd_letter(args: argparse.Namespace) -> int:
    out = _check_out(args.out)
    store = open_store_for(args)
    say_demo(store, args)
    written = service.write_letter(
        store,
        args.child,
        args.review,
        args.lang,
        args.version,
        out,
        today_from(args),
        pdf=args.pdf,
    )
    _report(written)
    print("Read it through before it goes to the child. Writing it does not mark it sent.")
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    out = _check_out(args.out)
    store = open_store_for(args)
    say_demo(store, args)
    written = service.write_decisions_record(
        store, args.child, args.review, out, today_from(args), pdf=args.pdf
    )
    _report(written)
    return 0


def cmd_briefing(args: argparse.Namespace) -> int:
    out = _check_out(args.out)
    store = open_store_for(args)
    say_demo(store, args)
    written = service.write_briefing(store, args.date, out, today_from(args))
    _report(written)
    count = len(written.child_refs)
    print(
        f"It briefs {count} {'child' if count == 1 else 'children'}: "
        f"{', '.join(written.child_refs)}."
    )
    print(
        "This file holds personal data about children in care. Keep it only where it is "
        "safe, and delete it when you no longer need it."
    )
    return 0
