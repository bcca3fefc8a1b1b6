"""How a tracker's cells are read and shown, shared by reading, mapping, dates and the plan."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from iro_desktop.exchange.errors import ExchangeError


class BadSpreadsheet(ExchangeError):
    """The file could not be read as a spreadsheet; nothing was written."""


def norm(text: str) -> str:
    """A heading as it is compared: lower case, words only."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(text).lower()).split())


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: Any) -> str:
    if blank(value):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())
