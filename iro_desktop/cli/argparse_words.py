"""argparse's own words ("usage:", "options", "the following arguments are required") in the
IRO's language.

argparse asks ``gettext`` for them through its module's ``_``; Python ships no Welsh for them,
so ``speak_the_chosen_language`` points that ``_`` at the app's catalogue for the few words a
person meets (marked here), and passes every other string through unchanged. In English the
words are argparse's own.
"""

from __future__ import annotations

import argparse

from iro_desktop.i18n import N_, _

ARGPARSE_WORDS = frozenset(
    {
        N_("usage: "),
        N_("positional arguments"),
        N_("options"),
        N_("show this help message and exit"),
        N_("the following arguments are required: %s"),
        N_("one of the arguments %s is required"),
        N_("unrecognized arguments: %s"),
        N_("expected one argument"),
        N_("invalid choice: %(value)r (choose from %(choices)s)"),
        N_("invalid %(type)s value: %(value)r"),
        N_("argument %(argument_name)s: %(message)s"),
        N_("not allowed with argument %s"),
        N_("ambiguous option: %(option)s could match %(matches)s"),
        N_("%(prog)s: error: %(message)s\n"),
    }
)


def _argparse_gettext(message: str) -> str:
    return _(message) if message in ARGPARSE_WORDS else message


def speak_the_chosen_language() -> None:
    """From now on argparse's words come from the app's catalogue (call before building the
    parser: some are read when it is built)."""
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
