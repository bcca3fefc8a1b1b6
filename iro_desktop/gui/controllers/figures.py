"""The Figures view's controller: loads the figures for the chosen period and exports them.

The figures are read again after any change, at once when the view is on screen, else when
it is next shown. Every piece of store work goes through the context's worker.

The Figures view, and the figures, charts and exports behind it, are imported and built the
first time the view is shown (``Screens.figures``), not at start.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.controllers.screens import Screens
from iro_desktop.gui.worker import user_message
from iro_desktop.i18n import N_, _, ngettext
from iro_desktop.services.session import Store

if TYPE_CHECKING:
    from matplotlib.figure import Figure as ChartFigure

    from iro_desktop.domain.figures.model import Figures
    from iro_desktop.domain.figures.tables import FigureTable
    from iro_desktop.gui.views.figures import FiguresView

# The Figures view's export kinds (gui/views/figures.py's EXPORT_WORD, _CSV, _JSON).
EXPORT_WORD, EXPORT_CSV, EXPORT_JSON = "word", "csv", "json"

FiguresResult: TypeAlias = "tuple[Figures, list[FigureTable], dict[str, ChartFigure]]"


# -- jobs: each runs on the worker thread ----------------------------------------------------
def load_figures(store: Store, start: date, end: date, today: date) -> FiguresResult:
    """The figures, their tables and their charts (matplotlib figures; no Qt here)."""
    from iro_desktop.reports.figures_charts import charts_for  # matplotlib: on first use
    from iro_desktop.services import figures as figures_service

    fig = figures_service.figures_for(store, start, end, today=today)

    return fig, figures_service.tables(fig), charts_for(fig)


def export_figures_word(store: Store, fig: Figures, path: Path, settings: Settings) -> list[Path]:
    from iro_desktop.services import figures as figures_service

    subtitle = ", ".join(x for x in (settings.council_name, settings.iro_name) if x)
    if store.is_demo:
        subtitle = ("DEMO DATA (fictional children). " + subtitle).strip()
    return [figures_service.export_word(fig, path, subtitle=subtitle)]


def export_figures_csv(_store: Store, fig: Figures, folder: Path, _s: Settings) -> list[Path]:
    from iro_desktop.services import figures as figures_service

    folder.mkdir(parents=True, exist_ok=True)
    return figures_service.export_csv(fig, folder)


def export_figures_json(_store: Store, fig: Figures, path: Path, _s: Settings) -> list[Path]:
    from iro_desktop.services import figures as figures_service

    return [figures_service.export_json(fig, path)]


EXPORTS = {
    EXPORT_WORD: (export_figures_word, N_("Writing the Word summary…")),
    EXPORT_CSV: (export_figures_csv, N_("Writing the CSV files…")),
    EXPORT_JSON: (export_figures_json, N_("Writing the JSON figures file…")),
}


def ask_export_path(parent: QWidget, kind: str, suggested: Path) -> Path | None:
    """Where to export (the platform's dialogs; tests replace this function)."""
    if kind == EXPORT_CSV:
        chosen = QFileDialog.getExistingDirectory(
            parent, _("Choose a folder for the CSV files"), str(suggested.parent)
        )
        return Path(chosen) if chosen else None
    name_filter = _("Word document (*.docx)") if kind == EXPORT_WORD else _("JSON file (*.json)")
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Export the figures"), str(suggested), name_filter
    )
    return Path(chosen) if chosen else None


def export_file_name(fig: Figures, kind: str) -> str:
    stem = f"iro-figures-{fig.period_from.isoformat()}-to-{fig.period_to.isoformat()}"
    return stem + {EXPORT_WORD: ".docx", EXPORT_JSON: ".json", EXPORT_CSV: ""}[kind]


class _Exporting:
    """The Figures view's export line as a ``file_job.Busy``: the label while writing; the
    result or the error (``set_exporting(False, message)``) ends it."""

    def __init__(self, view: FiguresView) -> None:
        self._view = view

    def start(self, text: str) -> None:
        self._view.set_exporting(True, text)

    def stop(self) -> None:
        pass


class FiguresController(QObject):
    figuresShown = Signal()  # the Figures view has new figures on screen
    figuresExported = Signal(object)  # list of paths written

    def __init__(self, context: AppContext, screens: Screens, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.screens = screens
        self._parent = parent
        self._stale = False
        self._exports = None  # FileJob, made with the view
        screens.figuresMade.append(self._on_view_made)
        context.storeChanged.connect(self._on_store_changed)
        context.dataChanged.connect(self._on_data_changed)

    @property
    def view(self) -> FiguresView:
        """The Figures view (built, and its code imported, the first time it is wanted)."""
        return self.screens.figures

    def _on_view_made(self, view: FiguresView) -> None:
        from iro_desktop.gui.widgets.file_job import FileJob

        self._exports = FileJob(
            view,
            self.context.worker,
            _Exporting(view),
            lambda message: view.set_exporting(False, message),
        )
        view.set_today(self.context.today)
        view.periodChosen.connect(self.load_figures)
        view.exportRequested.connect(self.export_figures)

    def action_handlers(self):
        return {"show_figures": self.show_figures}

    def show_figures(self) -> None:
        self.screens.show(self.view)
        self.view.focus_period()
        if self.context.store is None:
            self.view.clear()
            return
        if self.view.figures is None or self._stale:
            self.load_figures(*self.view.period())

    @Slot(object, object)
    def load_figures(self, start: date, end: date) -> None:
        store = self.context.store
        if store is None:
            return
        self._stale = False
        self.view.set_loading(start, end)
        self.context.worker.submit(
            load_figures,
            store,
            start,
            end,
            self.context.today,
            on_result=self._on_figures,
            on_error=lambda error: self.view.show_problem(user_message(error)),
            label=_("Working out your figures…"),
        )

    def _on_figures(self, result: FiguresResult) -> None:
        self.view.set_figures(*result)
        self.figuresShown.emit()

    @Slot(str)
    def export_figures(self, kind: str) -> None:
        view, store = self.view, self.context.store
        if view.figures is None or store is None:
            return
        fig = view.figures
        from iro_desktop.gui.dialogs.document import default_folder

        path = ask_export_path(self._parent, kind, default_folder() / export_file_name(fig, kind))
        if path is None:
            return
        function, label_text = EXPORTS[kind]
        label = _(label_text)
        assert self._exports is not None  # made with the view
        self._exports.run(
            function,
            store,
            fig,
            path,
            self.context.settings,  # the council and IRO under the Word summary's title
            busy=label,
            label=label,
            on_result=self._on_exported,
        )

    def _on_exported(self, paths: list[Path]) -> None:
        if len(paths) == 1:
            message = _("Saved to %(path)s.") % {"path": paths[0]}
        else:
            message = (
                ngettext(
                    "Saved %(count)d file in %(folder)s.",
                    "Saved %(count)d files in %(folder)s.",
                    len(paths),
                )
                % {"count": len(paths), "folder": paths[0].parent}
                if paths
                else _("Nothing saved.")
            )
        self.view.set_exporting(False, message)
        self.context.say(message)
        self.figuresExported.emit(paths)

    @Slot()
    def _on_store_changed(self) -> None:
        self._stale = True
        if self.screens.figures_made and not self.screens.showing(self.view):
            self.view.clear(_("Press Ctrl+4 to see the figures for this caseload."))

    @Slot(object)
    def _on_data_changed(self, _child_ref: str | None) -> None:
        """After any change: the figures are read again now if on screen, else when shown."""
        self._stale = True
        if self.screens.figures_made and self.screens.showing(self.view):
            self.load_figures(*self.view.period())
