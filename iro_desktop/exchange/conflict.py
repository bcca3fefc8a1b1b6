"""A value the IRO recorded in the app that a file (903, tracker, handover) has differently."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Conflict:
    """A field the IRO changed in the app that the file has differently: the app value is kept."""

    child_ref: str
    table: str
    field: str
    app_value: Any
    file_value: Any
