"""``iro-desktop self-check``: is this installation whole? Not listed in ``--help``; for IT
and for the packaging smoke tests (``packaging/ci/``).

It finds every file IRO Desktop ships (forms, letter templates, word lists, catalogues,
icons), writes the demo into a temporary folder, opens the main window offscreen on it and
builds every recording form from its Designer file. Nothing is written outside the temporary
folder, which is removed afterwards. Exit 0 when all is well; otherwise one sentence says
what is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from iro_desktop import __version__
from iro_desktop.cli.common import iso_date, today_from
from iro_desktop.i18n import _
from iro_desktop.package_files import shipped_file, shipped_folder
from iro_desktop.services.session import create_demo

# What the letters and checks read: each must be found, or the install is broken.
SHIPPED_RESOURCES = (
    ("glossary.csv",),
    ("sensitive_words.csv",),
    ("phrases", "phrases.csv"),
    ("letters", "letter.docx"),
    ("letters", "letter-easy_read.docx"),
    ("letters", "decisions-record.docx"),
    ("letters", "briefing.docx"),
    ("translations", "cy", "LC_MESSAGES", "messages.mo"),
    ("translations", "en", "LC_MESSAGES", "messages.mo"),
)


def register(commands: argparse._SubParsersAction) -> None:
    # No help text: argparse then leaves it out of the list of commands in --help.
    check = commands.add_parser(
        "self-check",
        description=_("Check this installation: shipped files, the main window and every form."),
    )
    check.add_argument(
        "--on", type=iso_date, metavar="DD/MM/YYYY", help=_("treat this date as today")
    )
    check.set_defaults(handler=cmd_self_check)


def cmd_self_check(args: argparse.Namespace) -> int:
    print(
        _("IRO Desktop %(version)s (Python %(python)s)")
        % {"version": __version__, "python": sys.version.split()[0]}
    )
    for parts in SHIPPED_RESOURCES:
        shipped_file("resources", *parts)
    forms = sorted(shipped_folder("ui").glob("*.ui"))
    print(
        _(
            "Shipped files found in %(parent)s: %(count)s forms and %(resources)s "
            "letter templates, word lists and catalogues."
        )
        % {
            "parent": shipped_folder("resources").parent,
            "count": len(forms),
            "resources": len(SHIPPED_RESOURCES),
        }
    )
    # The window is checked offscreen: nothing appears, and no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    today = today_from(args)
    with tempfile.TemporaryDirectory(prefix="iro-self-check-") as folder:
        path, count = create_demo(today, Path(folder) / "demo.iro.db")
        print(
            _("Wrote the demo caseload (%(count)s fictional children) to a temporary folder.")
            % {"count": count}
        )
        # The one other import from the command line into the GUI (see pyproject.toml).
        from iro_desktop.gui.self_check import check_window_and_forms

        check_window_and_forms(path, today, print)
    print(_("Self-check passed."))
    return 0
