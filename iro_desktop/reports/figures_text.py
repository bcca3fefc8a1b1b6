"""The words and cell texts the figures files, the Word summary, the Figures view and the
command line share, so that each shows a figure the same way."""

from __future__ import annotations

from iro_desktop.domain.figures.model import Figures
from iro_desktop.domain.schedule import format_date

__all__ = ["WHO_COUNTS", "format_cell", "period_text"]

WHO_COUNTS = (
    "Each child counts for the IRO holding them at the end of the period (a child handed "
    "over during the period counts for the IRO who received them)."
)


def format_cell(value: str | int | float | None, column: str) -> str:
    """A table cell as text: percentages with one decimal and a % sign, blank for None."""
    if value is None:
        return ""
    if isinstance(value, float) or column.lower().startswith("per cent"):
        return f"{value:.1f}%"
    return str(value)


def period_text(fig: Figures) -> str:
    text = f"{format_date(fig.period_from)} to {format_date(fig.period_to)}"
    if not fig.period_complete:
        text += f" (the period is running: counted to {format_date(fig.counted_to)})"
    return text
