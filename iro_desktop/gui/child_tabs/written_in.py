"""The "Written in" column of the child's tables (issue 19): which records' text is in Welsh,
so a Welsh-language child's record kept in Welsh shows as such, record by record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from iro_desktop.gui.formatting import language_text
from iro_desktop.gui.models.records_model import Column
from iro_desktop.i18n import N_

WRITTEN_IN = N_("Written in")


def written_in(language_of: Callable[[Any], str]) -> Column:
    """A column saying the language of each row's text ("English", "Welsh (Cymraeg)")."""
    return Column(
        WRITTEN_IN,
        lambda row: language_text(language_of(row) or "en"),
        header_tooltip=N_("The language the record's text is written in"),
    )
