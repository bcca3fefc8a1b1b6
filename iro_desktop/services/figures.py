"""The IRO's figures: work them out from the store, export them, add up several IROs' files.

For the Figures view and the ``figures`` command alike:

* :func:`figures_for` -> ``Figures`` (tables with :func:`tables`, charts with
  ``iro_desktop.reports.figures_charts``);
* :func:`export_word`, :func:`export_csv`, :func:`export_json` write them out;
* :func:`merge` adds up several IROs' JSON figures files (the service roll-up).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from iro_desktop.domain.figures.counting import figures_for as work_out_figures
from iro_desktop.domain.figures.model import Figures, reporting_year
from iro_desktop.domain.figures.tables import FigureTable, figure_tables
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.errors import UserError
from iro_desktop.i18n import _
from iro_desktop.reports import figures_export
from iro_desktop.reports.figures_export import figures_as_json
from iro_desktop.reports.figures_merge import merge_figures
from iro_desktop.reports.figures_text import format_cell
from iro_desktop.storage.database import Store
from iro_desktop.storage.records import KEPT_BEFORE, load_for_figures
from iro_desktop.storage.settings_store import load_settings

__all__ = [
    "KEPT_BEFORE",
    "MERGED_NOTE",
    "FiguresPeriodError",
    "default_period",
    "export_csv",
    "export_json",
    "export_word",
    "figures_as_json",
    "figures_for",
    "format_cell",
    "load_for_figures",
    "merge",
    "merged_note",
    "tables",
]

MERGED_NOTE = (
    "Service roll-up of {n} IROs' figures files. Each child counts for the IRO holding them "
    "at the end of the period, so no child is counted twice."
)


class FiguresPeriodError(UserError):
    pass


def default_period(today: date) -> tuple[date, date]:
    """The April-March reporting year containing ``today``."""
    return reporting_year(today)


def figures_for(
    store: Store,
    period_from: date | None = None,
    period_to: date | None = None,
    *,
    today: date,
) -> Figures:
    """The figures for the period (both dates included; default: the reporting year
    containing ``today``). While the period runs, they count up to the day before ``today``.

    Reads every child's full record (closed decisions and challenges too) and keeps the
    answer until the file next changes."""
    default_from, default_to = default_period(today)
    start = period_from or (default_from if period_to is None else _year_before(period_to))
    end = period_to or (default_to if period_from is None else _year_after(start))
    if end < start:
        raise FiguresPeriodError(
            _(
                "The period ends (%(end)s) before it starts "
                "(%(start)s): give the earlier date as --from."
            )
            % {"end": end.isoformat(), "start": start.isoformat()}
        )
    settings = load_settings(store)

    def compute() -> Figures:
        counted_to = min(end, today - timedelta(days=1))
        records = load_for_figures(
            store, start, counted_to, by_final_part=settings.judge_review_by_final_part
        )
        return work_out_figures(records, settings, calendar_for(settings), start, end, today)

    return store.cached(("figures", start, end, today, settings), compute)


def _year_before(end: date) -> date:
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 Feb
        return date(end.year - 1, 3, 1)


def _year_after(start: date) -> date:
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:  # 29 Feb
        return date(start.year + 1, 2, 28)


def tables(fig: Figures) -> list[FigureTable]:
    """Every table with its definition, as the Figures view shows them."""
    return figure_tables(fig)


def _writable(path: Path, action):
    try:
        return action()
    except OSError as error:
        raise UserError(
            _("Could not write %(path)s: %(error)s. Choose another place.")
            % {"path": path, "error": error.strerror or error}
        ) from None


def export_json(fig: Figures, path: Path) -> Path:
    return _writable(path, lambda: figures_export.write_json(fig, path))


def export_csv(fig: Figures, folder: Path) -> list[Path]:
    return _writable(folder, lambda: figures_export.write_csv(fig, folder))


def export_word(fig: Figures, path: Path, *, subtitle: str = "", note: str = "") -> Path:
    title = "IRO service figures" if fig.iros > 1 else "IRO figures"
    return _writable(
        path,
        lambda: figures_export.write_word(fig, path, title=title, subtitle=subtitle, note=note),
    )


def merged_note(fig: Figures) -> str:
    return MERGED_NOTE.format(n=fig.iros)


def merge(paths: list[Path]) -> Figures:
    """Add up several IROs' JSON figures files (refuses different periods or definitions)."""
    return merge_figures([Path(p) for p in paths])
