"""Letters, decisions records, briefing packs and the figures, for the window.

Opens the document dialogs (from the Record menu, the Reviews and Letters tabs and the due
view), marks letters sent, fills the Letters tab's list of what was written, and runs the
Figures view: loads the figures for the chosen period and exports them. Every piece of store
work goes through the window's worker; the services do the work.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from iro_desktop.domain.figures import Figures, FigureTable
from iro_desktop.domain.tasks import TaskKind
from iro_desktop.gui.child_tabs.letters import ACTION_DECISIONS, ACTION_LETTER, ACTION_MARK_SENT
from iro_desktop.gui.dialogs.briefing import BriefingDialog
from iro_desktop.gui.dialogs.decisions_record import DecisionsRecordDialog
from iro_desktop.gui.dialogs.document import default_folder
from iro_desktop.gui.dialogs.letter import LetterDialog
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.views.figures import EXPORT_CSV, EXPORT_JSON, EXPORT_WORD
from iro_desktop.gui.worker import user_message
from iro_desktop.services import figures as figures_service
from iro_desktop.services.letter_status import mark_letter_sent
from iro_desktop.services.letters import letters_written
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import load_settings

if TYPE_CHECKING:
    from matplotlib.figure import Figure as ChartFigure

    from iro_desktop.gui.main_window import MainWindow

FiguresResult: TypeAlias = "tuple[Figures, list[FigureTable], dict[str, ChartFigure]]"


# -- jobs: each runs on the worker thread ----------------------------------------------------
def load_figures(store: Store, start: date, end: date, today: date) -> FiguresResult:
    """The figures, their tables and their charts (matplotlib figures; no Qt here)."""
    fig = figures_service.figures_for(store, start, end, today=today)
    from iro_desktop.reports.figures_charts import charts_for  # matplotlib: on first use

    return fig, figures_service.tables(fig), charts_for(fig)


def export_figures_word(store: Store, fig: Figures, path: Path) -> list[Path]:
    settings = load_settings(store)
    subtitle = ", ".join(x for x in (settings.council_name, settings.iro_name) if x)
    if store.is_demo:
        subtitle = ("DEMO DATA (fictional children). " + subtitle).strip()
    return [figures_service.export_word(fig, path, subtitle=subtitle)]


def export_figures_csv(_store: Store, fig: Figures, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return figures_service.export_csv(fig, folder)


def export_figures_json(_store: Store, fig: Figures, path: Path) -> list[Path]:
    return [figures_service.export_json(fig, path)]


EXPORTS = {
    EXPORT_WORD: (export_figures_word, "Writing the Word summary…"),
    EXPORT_CSV: (export_figures_csv, "Writing the CSV files…"),
    EXPORT_JSON: (export_figures_json, "Writing the JSON figures file…"),
}


def ask_export_path(parent: QWidget, kind: str, suggested: Path) -> Path | None:
    """Where to export (the platform's dialogs; tests replace this function)."""
    if kind == EXPORT_CSV:
        chosen = QFileDialog.getExistingDirectory(
            parent, "Choose a folder for the CSV files", str(suggested.parent)
        )
        return Path(chosen) if chosen else None
    name_filter = "Word document (*.docx)" if kind == EXPORT_WORD else "JSON file (*.json)"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Export the figures", str(suggested), name_filter
    )
    return Path(chosen) if chosen else None


def export_file_name(fig: Figures, kind: str) -> str:
    stem = f"iro-figures-{fig.period_from.isoformat()}-to-{fig.period_to.isoformat()}"
    return stem + {EXPORT_WORD: ".docx", EXPORT_JSON: ".json", EXPORT_CSV: ""}[kind]


class DocumentsController(QObject):
    dialogOpened = Signal(object)  # the document dialog now on screen
    letterMarkedSent = Signal(int)  # review id
    figuresShown = Signal()  # the Figures view has new figures on screen
    figuresExported = Signal(object)  # list of paths written

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: list[QDialog] = []
        self._figures_wanted = False
        self._loading_figures = False
        view = window.figures_view
        view.set_today(window.today)
        view.periodChosen.connect(self.load_figures)
        view.exportRequested.connect(self.export_figures)
        tabs = window.child_view.tabs
        tabs["reviews"].documentRequested.connect(self._on_document_requested)
        tabs["letters"].documentRequested.connect(self._on_document_requested)
        tabs["letters"].writtenWanted.connect(self._on_written_wanted)
        window.due_view.briefingRequested.connect(self.open_briefing)
        window.storeChanged.connect(self._on_store_changed)
        window.dueLoaded.connect(self._on_refreshed)

    def action_handlers(self):
        return {
            "show_figures": self.show_figures,
            "write_letter": lambda: self.open_letter(*self._current_review()),
            "write_decisions_record": lambda: self.open_decisions_record(*self._current_review()),
            "mark_letter_sent": lambda: self.mark_sent(*self._current_review()),
            "briefing": self.open_briefing,
        }

    @property
    def today(self) -> date:
        return self.window.today

    # -- dialogs ---------------------------------------------------------------------------
    def open_letter(self, child_ref: str | None, review_id: int | None) -> LetterDialog | None:
        store = self._store_for(child_ref)
        if store is None or child_ref is None:
            return None
        dialog = LetterDialog(
            self.window.worker,
            store,
            child_ref,
            review_id,
            self.today,
            self._child_name(child_ref),
            self.window,
        )
        return self._show(dialog)

    def open_decisions_record(
        self, child_ref: str | None, review_id: int | None
    ) -> DecisionsRecordDialog | None:
        store = self._store_for(child_ref)
        if store is None or child_ref is None:
            return None
        dialog = DecisionsRecordDialog(
            self.window.worker,
            store,
            child_ref,
            review_id,
            self.today,
            self._child_name(child_ref),
            self.window,
        )
        return self._show(dialog)

    def open_briefing(self, day: date | None = None) -> BriefingDialog | None:
        store = self.window.store
        if store is None:
            self._say("Open a caseload first.")
            return None
        task = self.window.due_view.current_task()
        if day is None and task is not None and task.due >= self.today:
            day = task.due
        dialog = BriefingDialog(self.window.worker, store, self.today, day, self.window)
        return self._show(dialog)

    def mark_sent(self, child_ref: str | None, review_id: int | None) -> None:
        store = self._store_for(child_ref)
        if store is None:
            return
        if not review_id:
            self._say("Choose the review on the child's Letters tab first, then Mark letter sent.")
            return
        self.window.worker.submit(
            mark_letter_sent,
            store,
            review_id,
            self.today,
            on_result=lambda _r: self._on_marked_sent(review_id),
            label="Marking the letter sent…",
        )

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(self._on_written)  # type: ignore[attr-defined]
        dialog.destroyed.connect(self._forget_dead_dialogs)
        self.dialogs.append(dialog)
        dialog.open()
        self.dialogOpened.emit(dialog)
        return dialog

    # -- the figures -----------------------------------------------------------------------
    def show_figures(self) -> None:
        self.window.stack.setCurrentWidget(self.window.figures_view)
        self.window.figures_view.focus_period()
        if self.window.store is None:
            self.window.figures_view.clear()
            return
        if self.window.figures_view.figures is None or self._figures_wanted:
            self.load_figures(*self.window.figures_view.period())

    @Slot(object, object)
    def load_figures(self, start: date, end: date) -> None:
        store = self.window.store
        if store is None:
            return
        self._figures_wanted = False
        self.window.figures_view.set_loading(start, end)
        self.window.worker.submit(
            load_figures,
            store,
            start,
            end,
            self.today,
            on_result=self._on_figures,
            on_error=lambda error: self.window.figures_view.show_problem(user_message(error)),
            label="Working out your figures…",
        )

    def _on_figures(self, result: FiguresResult) -> None:
        self.window.figures_view.set_figures(*result)
        self.figuresShown.emit()

    @Slot(str)
    def export_figures(self, kind: str) -> None:
        view, store = self.window.figures_view, self.window.store
        if view.figures is None or store is None:
            return
        fig = view.figures
        path = ask_export_path(self.window, kind, default_folder() / export_file_name(fig, kind))
        if path is None:
            return
        function, label = EXPORTS[kind]
        view.set_exporting(True, label)
        self.window.worker.submit(
            function,
            store,
            fig,
            path,
            on_result=self._on_exported,
            on_error=lambda error: view.set_exporting(False, user_message(error)),
            label=label,
        )

    def _on_exported(self, paths: list[Path]) -> None:
        if len(paths) == 1:
            message = f"Saved to {paths[0]}."
        else:
            message = (
                f"Saved {len(paths)} files in {paths[0].parent}." if paths else "Nothing saved."
            )
        self.window.figures_view.set_exporting(False, message)
        self.window.statusBar().showMessage(message, 8000)
        self.figuresExported.emit(paths)

    # -- results and signals ---------------------------------------------------------------
    @Slot(str, int)
    def _on_document_requested(self, action: str, review_id: int) -> None:
        child_ref = self.window.child_view.current_child_ref()
        if action == ACTION_LETTER:
            self.open_letter(child_ref, review_id or None)
        elif action == ACTION_DECISIONS:
            self.open_decisions_record(child_ref, review_id or None)
        elif action == ACTION_MARK_SENT:
            self.mark_sent(child_ref, review_id)

    @Slot(str)
    def _on_written_wanted(self, child_ref: str) -> None:
        store = self.window.store
        if store is None:
            return
        tab = self.window.child_view.tabs["letters"]
        self.window.worker.submit(
            letters_written,
            store,
            child_ref,
            on_result=lambda rows: tab.set_written(child_ref, rows),  # type: ignore[attr-defined]
            label="Reading the letters written…",
        )

    def _on_written(self, written) -> None:
        what = {"letter": "Letter", "decisions_record": "Decisions record"}.get(
            written.kind, "Briefing pack"
        )
        self._say(f"{what} saved to {written.path}.")
        self._figures_wanted = True
        self.window.refresh()

    def _on_marked_sent(self, review_id: int) -> None:
        self._say(f"Letter marked sent today ({format_date(self.today)}).")
        self._figures_wanted = True
        self.letterMarkedSent.emit(review_id)
        self.window.refresh()

    @Slot()
    def _on_store_changed(self) -> None:
        self._figures_wanted = True
        if self.window.stack.currentWidget() is not self.window.figures_view:
            self.window.figures_view.clear("Press Ctrl+4 to see the figures for this caseload.")

    @Slot()
    def _on_refreshed(self) -> None:
        """After any change: the figures are read again now if on screen, else when shown."""
        self._figures_wanted = True
        if self.window.stack.currentWidget() is self.window.figures_view:
            self.load_figures(*self.window.figures_view.period())

    def _forget_dead_dialogs(self, *_args) -> None:
        import shiboken6

        self.dialogs = [d for d in self.dialogs if shiboken6.isValid(d)]

    # -- helpers ---------------------------------------------------------------------------
    def _current_review(self) -> tuple[str | None, int | None]:
        """The child and review the IRO is looking at: the due list's letter task, the
        Letters or Reviews tab's chosen review, or the child's latest review."""
        window = self.window
        if window.stack.currentWidget() is window.due_view:
            task = window.due_view.current_task()
            if task is not None:
                review_id = None
                _kind, _, number = task.ref.partition(":")
                if task.task in (TaskKind.LETTER, TaskKind.DECISIONS) and number.isdigit():
                    review_id = int(number)
                return task.child_ref, review_id
        child_ref = window.recording.current_child_ref()
        if child_ref and child_ref == window.child_view.current_child_ref():
            letters_tab = window.child_view.tabs["letters"]
            review = letters_tab.chosen_review()  # type: ignore[attr-defined]
            if window.child_view.current_tab() == "letters" and review is not None:
                return child_ref, review.id
        return child_ref, None

    def _store_for(self, child_ref: str | None) -> Store | None:
        store = self.window.store
        if store is None:
            self._say("Open a caseload first.")
            return None
        if not child_ref:
            self._say("Choose a child first (on the due list, the caseload or the child view).")
            return None
        return store

    def _child_name(self, child_ref: str) -> str:
        detail = self.window.child_view._detail
        if detail is not None and detail.record.child.child_ref == child_ref:
            return detail.record.child.known_as or child_ref
        return ""

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
