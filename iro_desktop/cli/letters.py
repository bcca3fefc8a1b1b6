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
from iro_desktop.i18n import _, ngettext
from iro_desktop.services import letter_status
from iro_desktop.services import letters as service

LANGUAGES = ("en", "cy", "both", "auto")
# "under4" is kept for old scripts: it is the read-aloud letter now.
VERSIONS = ("under4", "read_aloud", "standard", "young_person", "easy_read", "auto")
SENSITIVE_EXIT = 3  # the letter speaks of sensitive things the IRO has not confirmed


def register(commands: argparse._SubParsersAction) -> None:
    letter = commands.add_parser(
        "letter",
        help=_("write the review letter to the child (Word; PDF with --pdf)"),
        description=(
            _(
                "Write the letter to the child about their review, from what was "
                "recorded. The language follows the child's recorded preference "
                "(both languages where it is not known in Wales) and the version "
                "their age and needs, unless you choose."
            )
        ),
    )
    store_options(letter, with_json=False)
    _child_and_review_options(letter)
    letter.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_(
            "en, cy (Cymraeg), both (the Welsh letter, then the English one) "
            "or auto (the child's recorded language; the default)"
        ),
    )
    letter.add_argument(
        "--version",
        choices=VERSIONS,
        help=_(
            "which version of the letter: auto (the default: the child's "
            "preferred format, else read-aloud for young children, easy read "
            "for a learning need, by age otherwise); under4 is the read-aloud "
            "letter"
        ),
    )
    letter.add_argument(
        "--use-suggestions",
        action="store_true",
        help=_(
            "use suggested child-facing wording not yet confirmed (otherwise "
            "those items are left out, with a warning)"
        ),
    )
    letter.add_argument(
        "--with-rights",
        action="store_true",
        default=None,
        help=_(
            "add the 'your rights' page (it is added anyway when due: first "
            "review, a move, or a year since it was last sent)"
        ),
    )
    letter.add_argument(
        "--without-rights",
        dest="with_rights",
        action="store_false",
        help=_("leave the 'your rights' page out even when it is due"),
    )
    letter.add_argument(
        "--confirm-sensitive",
        action="store_true",
        help=_(
            "you have checked that the child may read the sensitive items "
            "listed and that the letter is safe to post (without it, such a "
            "letter is not written)"
        ),
    )
    _out_options(letter)
    letter.set_defaults(handler=cmd_letter)

    read = commands.add_parser(
        "letter-read",
        help=_("record that a letter was read through with the child and an interpreter"),
        description=(
            _(
                "Record the day a letter was read through with the child and an "
                "interpreter (the app never translates a letter itself). Without "
                "--letter, the child's latest letter."
            )
        ),
    )
    store_options(read, with_json=False)
    read.add_argument("--child", required=True, metavar="REF", help=_("the child's reference"))
    read.add_argument("--letter", type=int, metavar="ID", help=_("the letter's id (Letters tab)"))
    read.add_argument(
        "--read-on",
        required=True,
        type=iso_date,
        metavar="DD/MM/YYYY",
        help=_("the day it was read through"),
    )
    read.set_defaults(handler=cmd_letter_read)

    decisions = commands.add_parser(
        "decisions",
        help=_("write the review's decisions record for the social worker and manager"),
        description=(
            _(
                "Write the formal record of a review's decisions, with the date it "
                "must be circulated by. Writing it does not mark the decisions as "
                "circulated."
            )
        ),
    )
    store_options(decisions, with_json=False)
    _child_and_review_options(decisions)
    _out_options(decisions)
    decisions.set_defaults(handler=cmd_decisions)

    briefing = commands.add_parser(
        "briefing",
        help=_("write a briefing pack for a day's reviews and visits (personal data)"),
        description=(
            _(
                "Write a short briefing for each child you see on a day: last "
                "decisions, open challenges, the child's words last time, key "
                "dates, who will be there, what to check. It holds personal data: "
                "it is written only to the file you name."
            )
        ),
    )
    store_options(briefing, with_json=False)
    briefing.add_argument(
        "--date", required=True, type=iso_date, metavar="DD/MM/YYYY", help=_("the day")
    )
    briefing.add_argument(
        "--out", required=True, type=Path, metavar="FILE.docx", help=_("where to write it")
    )
    briefing.set_defaults(handler=cmd_briefing)


def _child_and_review_options(parser: argparse.ArgumentParser) -> None:
    """Which child, and which of their reviews (the letter's and the decisions record's)."""
    parser.add_argument("--child", required=True, metavar="REF", help=_("the child's reference"))
    parser.add_argument(
        "--review",
        type=iso_date,
        metavar="DD/MM/YYYY",
        help=_("the review held on this date (default: the latest review)"),
    )


def _out_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE.docx", help=_("where to write it")
    )
    parser.add_argument(
        "--pdf", action="store_true", help=_("also write a PDF beside it (needs LibreOffice)")
    )


def _check_out(path: Path) -> Path:
    if path.suffix.lower() != ".docx":
        raise UsageError(
            _("--out %(path)s should end in .docx: the document is a Word file.") % {"path": path}
        )
    return path


def _report(written: service.Written) -> None:
    for warning in written.warnings:
        print(_("warning: %(warning)s") % {"warning": warning}, file=sys.stderr)
    print(_("Wrote %(path)s") % {"path": written.path})
    if written.pdf_path:
        print(_("Wrote %(path)s") % {"path": written.pdf_path})
    if written.pdf_problem:
        print(written.pdf_problem, file=sys.stderr)


def cmd_letter(args: argparse.Namespace) -> int:
    out = _check_out(args.out)
    store = open_store_for(args)
    say_demo(store, args)
    try:
        written = service.write_letter(
            store,
            args.child,
            args.review,
            args.lang,
            args.version,
            out,
            today_from(args),
            pdf=args.pdf,
            use_suggestions=args.use_suggestions,
            with_rights=args.with_rights,
            confirm_sensitive=args.confirm_sensitive,
        )
    except service.SensitiveNotConfirmed as blocked:
        print(f"iro-desktop: {blocked}", file=sys.stderr)
        return SENSITIVE_EXIT
    _report(written)
    print(_("Read it through before it goes to the child. Writing it does not mark it sent."))
    return 0


def cmd_letter_read(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    say_demo(store, args)
    letter_id = args.letter or letter_status.latest_letter_id(store, args.child)
    if letter_id is None:
        raise UsageError(
            _("No letter has been written for %(child)s yet: write it first.")
            % {"child": args.child}
        )
    letter_status.record_read_with_interpreter(store, args.child, letter_id, args.read_on)
    day = args.read_on.isoformat()
    print(
        _("Recorded: letter %(letter_id)s was read with an interpreter on %(day)s.")
        % {"letter_id": letter_id, "day": day}
    )
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
        ngettext(
            "It briefs %(count)d child: %(child_refs)s.",
            "It briefs %(count)d children: %(child_refs)s.",
            count,
        )
        % {"count": count, "child_refs": ", ".join(written.child_refs)}
    )
    print(
        _(
            "This file holds personal data about children in care. Keep it "
            "only where it is safe, and delete it when you no longer need it."
        )
    )
    return 0
