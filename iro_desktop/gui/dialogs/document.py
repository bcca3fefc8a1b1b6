"""What the letter, decisions-record and briefing dialogs share: preview, save, open.

Each dialog first asks the worker for a preview (nothing written), shows it, then on "Save as
Word document…" asks where (a save dialog defaulting to a name with initials and reference
only), writes through the worker with a busy bar, says where it went and offers to open it in
the system's word processor. Errors from the services (``UserError``) are shown in the dialog
in their own words; the dialog stays open so the IRO can put it right.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.accessibility import order_button_boxes, reading_order
from iro_desktop.gui.child_tabs.common import StatusLine
from iro_desktop.gui.models.records_model import ICON_OK, ICON_WARNING
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.dialog_parts import (
    default_folder,
)  # re-exported: callers import it here
from iro_desktop.gui.widgets.file_job import FileJob
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import N_, _
from iro_desktop.services.session import Store

WORD_FILTER = N_("Word document (*.docx)")


def ask_save_path(parent: QWidget, caption: str, suggested: Path) -> Path | None:
    """Where to save: the platform's save dialog (tests replace this function)."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, caption, str(suggested), _(WORD_FILTER))
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".docx" else path.with_suffix(".docx")


def open_in_word_processor(path: Path) -> bool:
    """Open the file in the program the system uses for it (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class DocumentDialog(QDialog):
    """Preview, then save as Word (and PDF), then open. Subclasses fill ``body``."""

    written = Signal(object)  # the services' Written, after a document has been written
    previewShown = Signal()  # a preview has arrived and is on screen
    failed = Signal(str)  # a preview or write failed: the message shown

    SAVE_CAPTION = N_("Save the document")
    WRITING_LABEL = N_("Writing the document…")
    PDF_OFFERED = True

    def __init__(
        self, worker: Worker, store: Store, today, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.worker = worker
        self.store = store
        self.today = today
        self.suggested_name = "document.docx"
        self.written_path: Path | None = None
        self._writing = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(_("About this document"))
        self.body = QVBoxLayout()
        self.pdf_box = QCheckBox(_("Also make a &PDF (needs LibreOffice)"), self)
        self.pdf_box.setVisible(self.PDF_OFFERED)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(_("Writing"))
        self.busy.setMaximumHeight(12)
        self.busy.setVisible(False)
        self.result = StatusLine(_("Result"), self)
        self.result.hide()

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(_("&Save as Word document…"), self)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.open_button = QPushButton(_("&Open in word processor"), self)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        name_standard_buttons(self.buttons)
        self.open_button.hide()  # (adding it to the box shows it) until something is written

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.pdf_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

        # The preview shows no busy bar; writing shows one and keeps Save off meanwhile.
        self._previewer = FileJob(self, worker, None, self.show_problem)
        self._writer = FileJob(self, worker, _Writing(self), self.show_problem)
        self.save_button.clicked.connect(self.save)
        self.open_button.clicked.connect(self.open_document)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 640, 520)

    def showEvent(self, event: QShowEvent) -> None:
        # The subclass builds its body after this class made the buttons: Tab reaches the
        # body, then "Also make a PDF", then the buttons, as they are laid out.
        for first, second in itertools.pairwise(reading_order(self.layout())):
            QWidget.setTabOrder(first, second)
        order_button_boxes(self)
        super().showEvent(event)

    # -- the subclass's part ---------------------------------------------------------------
    def write_job(self, path: Path) -> tuple[Callable[..., Any], tuple[Any, ...], dict]:
        """(function, args, kwargs) that write the document to ``path`` on the worker."""
        raise NotImplementedError

    # -- public ----------------------------------------------------------------------------
    def problem_text(self) -> str:
        return self.result.text() if self.result.isVisible() else ""

    @Slot()
    def save(self) -> None:
        """Ask where, then write there through the worker."""
        if self._writing:
            return
        path = ask_save_path(self, _(self.SAVE_CAPTION), default_folder() / self.suggested_name)
        if path is None:
            return
        self.write_to(path)

    def write_to(self, path: Path) -> None:
        function, args, kwargs = self.write_job(path)
        self._writer.run(
            function, *args, label=_(self.WRITING_LABEL), on_result=self._on_written, **kwargs
        )

    @Slot()
    def open_document(self) -> None:
        if self.written_path is not None and not open_in_word_processor(self.written_path):
            self.result.set_status(
                _("No program on this computer opened %(name)s. Open it from %(parent)s yourself.")
                % {"name": self.written_path.name, "parent": self.written_path.parent},
                ICON_WARNING,
            )

    # -- helpers for subclasses ------------------------------------------------------------
    def preview(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.save_button.setEnabled(False)
        self._previewer.run(
            function,
            *args,
            label=_("Preparing the preview…"),
            on_result=self._on_preview,
            latest="preview",  # an earlier choice's preview: another is on its way
            **kwargs,
        )

    def show_preview(self, preview: Any) -> None:
        raise NotImplementedError

    def show_problem(self, message: str) -> None:
        self.result.set_status(message, ICON_WARNING, alert=True)
        self.result.show()
        self.failed.emit(message)

    # -- results ---------------------------------------------------------------------------
    def _on_preview(self, preview: Any) -> None:
        self.show_preview(preview)
        self.save_button.setEnabled(True)
        self.previewShown.emit()

    def _on_written(self, written: Any) -> None:
        self.written_path = Path(written.path)
        lines = [_("Saved to %(written_path)s.") % {"written_path": self.written_path}]
        if written.pdf_path is not None:
            lines.append(_("PDF saved to %(pdf_path)s.") % {"pdf_path": written.pdf_path})
        elif written.pdf_problem:
            lines.append(_("No PDF: %(pdf_problem)s") % {"pdf_problem": written.pdf_problem})
        if written.warnings:
            lines.append(_("Check in Word: %(notes)s") % {"notes": " ".join(written.warnings)})
        self.result.set_status("\n".join(lines), ICON_OK)
        self.result.show()
        self.open_button.setVisible(True)
        self.open_button.setDefault(True)
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.save_button.setText(_("&Save again…"))
        self.save_button.setDefault(False)
        self.written.emit(written)

    def set_writing(self, writing: bool) -> None:
        self._writing = writing
        self.busy.setVisible(writing)
        self.save_button.setEnabled(not writing)


class _Writing:
    """The document dialog's busy state (``file_job.Busy``): its bar, and Save kept off."""

    def __init__(self, dialog: DocumentDialog) -> None:
        self._dialog = dialog

    def start(self, _text: str) -> None:
        self._dialog.set_writing(True)

    def stop(self) -> None:
        self._dialog.set_writing(False)
