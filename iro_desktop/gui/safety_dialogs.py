"""Keeping the caseload safe, in the GUI: restore from a backup, change the passphrase, the
subject-access export, the retention purge, and the offer of the latest good backup when a
caseload file is found damaged on opening. (Back up now needs no dialog: see data_actions.)

The dialogs collect and confirm; the work is the services' (services.safety), on the worker.
Restoring and changing the passphrase replace the file, so the job closes the store, does the
work and opens the file again; the window is then given the reopened store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.dialog_parts import (
    WARNING_STYLE,
    BusyBar,
    FileRow,
    alive,
    error_label,
    fill_table,
    note_label,
    password_field,
    text_table,
)
from iro_desktop.gui.startup import passphrase_strength
from iro_desktop.gui.worker import Worker, show_error_dialog, user_message
from iro_desktop.services.safety import (
    DamagedStore,
    change_passphrase,
    list_backups,
    purge,
    purge_candidates,
    restore_backup,
    subject_access_export,
)
from iro_desktop.services.stores import env_passphrase
from iro_desktop.storage.backup import BadBackup, open_read_only, parse_backup_name, verify_backup
from iro_desktop.storage.database import DEMO_PASSPHRASE, Store
from iro_desktop.storage.errors import WrongPassphrase
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.rekey import check_new_passphrase
from iro_desktop.storage.settings_store import load_settings

DOCX_FILTER = "Word documents (*.docx);;All files (*)"


# -- jobs: each runs on the worker thread ------------------------------------------------------
@dataclass
class Reopened:
    """A job that closed the store, replaced the file and opened it again."""

    store: Store | None  # the store, open again (None: it could not be opened)
    result: object = None  # what the service returned
    error: BaseException | None = None  # why it did not happen (the file is as it was)


def _reopen(path: Path, passphrase: str, is_demo: bool) -> Store:
    return open_store(path, passphrase, is_demo=is_demo)


def check_backup(backup: Path, passphrase: str) -> int:
    """Is this backup sound and does the passphrase open it? (Nothing written.)"""
    return verify_backup(backup, passphrase)


def restore_and_reopen(store: Store, backup: Path, passphrase: str, current: str) -> Reopened:
    """Close ``store``, put ``backup`` in its place (checked first), open it again.

    ``current`` opens the store as it is now: used to open it again if the restore fails."""
    path, is_demo = store.path, store.is_demo
    verify_backup(backup, passphrase)  # refused here, the store stays open and untouched
    store.close()
    try:
        result = restore_backup(path, backup, passphrase)
    except Exception as error:  # the file is as it was: open it again and say why
        return Reopened(_reopen(path, current, is_demo), None, error)
    return Reopened(_reopen(path, passphrase, is_demo), result)


def change_and_reopen(store: Store, old: str, new: str) -> Reopened:
    """Check ``old`` opens the store, close it, change the passphrase, open it with ``new``."""
    check_new_passphrase(old, new)
    try:
        open_read_only(store.path, old).close()
    except Exception as error:
        raise WrongPassphrase(
            "That is not the caseload's current passphrase, so nothing was changed. Mind Caps "
            "Lock and try again."
        ) from error
    path, is_demo = store.path, store.is_demo
    store.close()
    try:
        result = change_passphrase(path, old, new)
    except Exception as error:
        return Reopened(_reopen(path, old, is_demo), None, error)
    return Reopened(_reopen(path, new, is_demo), result)


def restore_damaged(path: Path, backup: Path, passphrases: list[str]) -> Store:
    """Put the latest good backup in place of a damaged caseload and open it."""
    last: BaseException | None = None
    for passphrase in passphrases:
        try:
            verify_backup(backup, passphrase)
        except BadBackup as error:
            last = error
            continue
        restore_backup(path, backup, passphrase)
        return _reopen(path, passphrase, passphrase == DEMO_PASSPHRASE)
    raise last or BadBackup("The backup could not be opened. Nothing was replaced.")


def load_purge_candidates(store: Store, today: date):
    return load_settings(store).retention_months_after_archive, purge_candidates(store, today)


# -- restore -----------------------------------------------------------------------------------
class _ReopensTheStore:
    """For dialogs that close the store, act on its file (restore, rekey) and reopen it: the
    window always gets the reopened store; the dialog closes on success or says why not."""

    def _finish_reopening(self, outcome: Reopened, reopened: Signal) -> None:
        if outcome.store is not None:
            reopened.emit(outcome.store)  # the window takes it, whatever else happened
        if not alive_widget(self):
            return
        self.busy.stop()
        if outcome.error is not None:
            self._show_error(outcome.error)
            return
        self.result = outcome.result
        self.accept()

    def _show_error(self, error: BaseException) -> None:
        self._show_error_text(user_message(error))

    def _show_error_text(self, text: str) -> None:
        self.busy.stop()
        self.error.setText(text)
        self.error.setVisible(True)
        self._refresh_buttons()


class RestoreDialog(_ReopensTheStore, QDialog):
    """The caseload's backups, newest first; the chosen one is checked, then (confirmed)
    restored in place of the caseload, which is then opened again."""

    restored = Signal(object)  # the reopened Store

    def __init__(self, worker: Worker, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self._worker = worker
        self._store = store
        self.backups = []
        self.confirm_box: QMessageBox | None = None
        self.result = None

        intro = note_label(
            "Put a backup back in place of your caseload. The backup is checked first; the "
            "file it replaces is kept in the backups folder, so nothing is lost."
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        self.passphrase = password_field("Passphrase of the backup")
        self.passphrase_label = QLabel("&Passphrase:")
        self.passphrase_label.setBuddy(self.passphrase)
        hint = QLabel("The passphrase the caseload had when the backup was taken.")
        hint.setWordWrap(True)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "&Restore…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow("", hint)
        if store.is_demo:  # the demo's passphrase is built in
            self.passphrase.setText(DEMO_PASSPHRASE)
            for widget in (self.passphrase, self.passphrase_label, hint):
                widget.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        list_label = QLabel("&Backups (newest first):")
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._update_button)
        self.passphrase.textChanged.connect(self._update_button)
        self.buttons.accepted.connect(self.check_chosen)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 460)
        self.busy.start("Looking for backups…")
        worker.submit(
            list_backups,
            store.path,
            on_result=alive(self, self._on_listed),
            on_error=alive(self, self._show_error),
            label="Looking for backups…",
        )

    def _on_listed(self, backups) -> None:
        self.busy.stop()
        self.backups = list(backups)
        self.list.clear()
        for info in self.backups:
            item = QListWidgetItem(info.describe())
            item.setData(Qt.ItemDataRole.UserRole, info.path)
            self.list.addItem(item)
        if self.backups:
            self.list.setCurrentRow(0)
        else:
            self._show_error_text("There are no backups of this caseload yet.")

    @Slot()
    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.list.currentRow() >= 0 and bool(self.passphrase.text()))

    def chosen(self):
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    @Slot()
    def check_chosen(self) -> None:
        """Check the chosen backup (nothing replaced), then ask the IRO to confirm."""
        info = self.chosen()
        if info is None:
            return
        self.error.setVisible(False)
        self.restore_button.setEnabled(False)
        self.busy.start("Checking the backup…")
        self._worker.submit(
            check_backup,
            info.path,
            self.passphrase.text(),
            on_result=alive(self, lambda _version: self._confirm(info)),
            on_error=alive(self, self._show_error),
            label="Checking the backup…",
        )

    def _confirm(self, info) -> None:
        self.busy.stop()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Restore this backup?")
        box.setText(f"Replace your caseload with the backup from {info.describe()}?")
        box.setInformativeText(
            "Anything recorded since then will not be in the caseload. The file as it is now "
            "is kept in the backups folder, so you can go back to it."
        )
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore.clicked.connect(lambda: self.restore(info.path))
        box.rejected.connect(self._update_button)
        self.confirm_box = box
        box.open()

    def restore(self, backup: Path) -> None:
        """Restore ``backup`` (confirmed) and open the caseload again."""
        self.restore_button.setEnabled(False)
        self.busy.start("Restoring the backup…")
        passphrase = self.passphrase.text()
        self._worker.submit(
            restore_and_reopen,
            self._store,
            backup,
            passphrase,
            passphrase,
            on_result=self._on_restored,
            on_error=alive(self, self._show_error),
            label="Restoring the backup…",
        )

    def _on_restored(self, outcome: Reopened) -> None:
        self._finish_reopening(outcome, self.restored)

    def _refresh_buttons(self) -> None:
        self._update_button()


# -- passphrase --------------------------------------------------------------------------------
class ChangePassphraseDialog(_ReopensTheStore, QDialog):
    """The current passphrase, the new one twice (with a strength hint)."""

    changed = Signal(object)  # the reopened Store

    def __init__(self, worker: Worker, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change the passphrase")
        self._worker = worker
        self._store = store
        self.result = None
        intro = note_label(
            "The caseload is re-encrypted with the new passphrase, and so are its backups. "
            "Without the passphrase nobody, including IT, can open the file: choose one you "
            "will remember."
        )
        self.old = password_field("Current passphrase")
        self.new = password_field("New passphrase")
        self.again = password_field("New passphrase again")
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = self.buttons.addButton(
            "C&hange", QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow("&Current passphrase:", self.old)
        form.addRow("&New passphrase:", self.new)
        form.addRow("&Again:", self.again)
        form.addRow("", self.strength)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        for field in (self.old, self.new, self.again):
            field.textChanged.connect(self._on_typed)
        self.buttons.accepted.connect(self._on_change)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        if store.is_demo:
            self._show_error_text(
                "The demo caseload's passphrase is built in and cannot be changed. Open your "
                "own caseload to change its passphrase."
            )
            for field in (self.old, self.new, self.again):
                field.setEnabled(False)
        self._on_typed()
        self.strength.setVisible(not store.is_demo)

    @Slot()
    def _on_typed(self) -> None:
        score, hint = passphrase_strength(self.new.text())
        matches = self.new.text() == self.again.text()
        if score and self.again.text() and not matches:
            hint += " The two new passphrases differ."
        if self.new.text() and self.new.text() == self.old.text():
            hint += " It is the same as the current one."
        self.strength.setText(f"Strength: {hint}" if self.new.text() else hint)
        self.change_button.setEnabled(
            not self._store.is_demo
            and bool(self.old.text())
            and score > 0
            and matches
            and self.new.text() != self.old.text()
        )

    @Slot()
    def _on_change(self) -> None:
        self.error.setVisible(False)
        self.change_button.setEnabled(False)
        self.busy.start("Re-encrypting the caseload and its backups…")
        self._worker.submit(
            change_and_reopen,
            self._store,
            self.old.text(),
            self.new.text(),
            on_result=self._on_changed,
            on_error=alive(self, self._show_error),
            label="Changing the passphrase…",
        )

    def _on_changed(self, outcome: Reopened) -> None:
        self._finish_reopening(outcome, self.changed)

    def _refresh_buttons(self) -> None:
        self._on_typed()


# -- subject access ----------------------------------------------------------------------------
class SubjectAccessDialog(QDialog):
    """Everything held about the child, with its change history, as a Word document."""

    exported = Signal(object)  # the SubjectAccessReport

    def __init__(
        self,
        worker: Worker,
        store: Store,
        child_ref: str,
        today: date,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Subject access export: {child_ref}")
        self._worker = worker
        self._store = store
        self._today = today
        self.child_ref = child_ref
        self.report = None
        intro = note_label(
            f"A Word document with everything IRO Desktop holds about child <b>{child_ref}</b>, "
            "with the history of every change, for a subject access request."
        )
        personal = note_label(
            "<b>The document is personal data.</b> Save it only where your council allows, "
            "send it only by a secure route, and delete your copy when the request is done.",
            WARNING_STYLE,
        )
        safe_ref = "".join(ch for ch in child_ref if ch.isalnum() or ch in "-_")
        self.file_row = FileRow(
            "Save the document as", DOCX_FILTER, save=True, default_suffix="docx"
        )
        self.file_row.set_path(Path(folder) / f"subject-access-{safe_ref}-{today.isoformat()}.docx")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow("Save &as:", self.file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(personal)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_export)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(600)

    @Slot()
    def _on_export(self) -> None:
        out = self.file_row.path()
        if out is None:
            self._show_error_text("Choose where to save the document.")
            return
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        self.error.setVisible(False)
        self.export_button.setEnabled(False)
        self.busy.start("Writing the document…")
        self._worker.submit(
            subject_access_export,
            self._store,
            self.child_ref,
            out,
            self._today,
            on_result=alive(self, self._on_exported),
            on_error=alive(self, lambda error: self._show_error_text(user_message(error))),
            label="Writing the subject access document…",
        )

    def _on_exported(self, report) -> None:
        self.busy.stop()
        self.report = report
        rows = sum(report.records.values())
        self.result_label.setText(
            f"Saved {report.path.name} in {report.path.parent}: {rows} record(s) and "
            f"{report.history_entries} history entries. It is personal data: keep it safe."
        )
        self.export_button.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Close")
        self.exported.emit(report)

    def _show_error_text(self, text: str) -> None:
        self.busy.stop()
        self.error.setText(text)
        self.error.setVisible(True)
        self.export_button.setEnabled(True)


# -- retention ---------------------------------------------------------------------------------
class PurgeDialog(QDialog):
    """Who is past the retention period (reference and initials), and the IRO's confirmation
    before the one hard delete in the product."""

    purged = Signal(object)  # the PurgeResult

    def __init__(
        self, worker: Worker, store: Store, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Purge children past retention")
        self._worker = worker
        self._store = store
        self._today = today
        self.candidates = []
        self.result = None
        self.summary = QLabel("Looking for archived children past the retention period…")
        self.summary.setWordWrap(True)
        self.table = text_table(("Child reference", "Initials", "Archived on"), "To be purged")
        self.warning = note_label(
            "<b>This cannot be undone.</b> These children's records and the history of every "
            "change to them are removed from this caseload for good (a backup is taken first, "
            "and it ages out of the backups like any other). The history keeps only a note "
            "that a purge happened, with no personal data.",
            WARNING_STYLE,
        )
        self.confirm = QCheckBox(
            "I &confirm these records should be purged under my council's rule"
        )
        self.error = error_label()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.purge_button = self.buttons.addButton(
            "&Purge", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.purge_button.setEnabled(False)
        for widget in (self.table, self.warning, self.confirm):
            widget.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.confirm)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.confirm.toggled.connect(self._update_button)
        self.purge_button.clicked.connect(self._on_purge)
        self.buttons.rejected.connect(self.reject)
        self.resize(600, 460)
        self.busy.start("Looking for children past the retention period…")
        worker.submit(
            load_purge_candidates,
            store,
            today,
            on_result=alive(self, self._on_candidates),
            on_error=alive(self, self._show_error),
            label="Looking for children past retention…",
        )

    def _on_candidates(self, result) -> None:
        months, candidates = result
        self.busy.stop()
        self.candidates = list(candidates)
        rule = (
            f"Your council's rule (Settings): archived records are kept for {months} month(s) "
            "after the child left your caseload."
        )
        if not self.candidates:
            self.summary.setText(f"No archived child is past the retention period. {rule}")
            return
        self.summary.setText(
            f"{len(self.candidates)} archived child(ren) are past the retention period and "
            f"will be purged. {rule}"
        )
        fill_table(
            self.table,
            [(c.child_ref, c.initials, f"{c.archived_on:%d/%m/%Y}") for c in self.candidates],
        )
        for widget in (self.table, self.warning, self.confirm):
            widget.setVisible(True)

    @Slot()
    def _update_button(self) -> None:
        self.purge_button.setEnabled(bool(self.candidates) and self.confirm.isChecked())

    @Slot()
    def _on_purge(self) -> None:
        if not (self.candidates and self.confirm.isChecked()):
            return
        self.purge_button.setEnabled(False)
        self.confirm.setEnabled(False)
        self.busy.start("Backing up, then purging…")
        self._worker.submit(
            purge,
            self._store,
            self._today,
            [c.child_ref for c in self.candidates],
            on_result=alive(self, self._on_purged),
            on_error=alive(self, self._show_error),
            label="Purging…",
        )

    def _on_purged(self, result) -> None:
        self.busy.stop()
        self.result = result
        self.summary.setText(
            f"Purged {result.children} child(ren): {result.rows} record(s) and "
            f"{result.history_entries} history entries removed."
        )
        for widget in (self.table, self.warning, self.confirm):
            widget.setVisible(False)
        self.purge_button.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Close")
        self.purged.emit(result)

    def _show_error(self, error: BaseException) -> None:
        self.busy.stop()
        self.error.setText(user_message(error))
        self.error.setVisible(True)
        self.confirm.setEnabled(True)
        self._update_button()


# -- a damaged caseload at opening -------------------------------------------------------------
_offers: set[QMessageBox] = set()


def offer_damaged_restore(
    parent: QWidget,
    worker: Worker,
    path: Path,
    passphrase: str | None,
    error: BaseException,
    on_opened: Callable[[Store], None],
) -> QMessageBox | None:
    """When ``error`` is a DamagedStore with a good backup, ask whether to restore it (and open
    it). Returns the question on screen, or None when there is nothing to offer."""
    backup = getattr(error, "latest_good_backup", None)
    if not isinstance(error, DamagedStore) or backup is None:
        return None
    passphrases = [passphrase] if passphrase else []
    passphrases += [p for p in (env_passphrase(), DEMO_PASSPHRASE) if p and p not in passphrases]
    when = _backup_when(Path(backup))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Damaged caseload file")
    box.setText(
        f"This caseload file is damaged ({Path(path).name} failed its integrity check), so "
        f"IRO Desktop will not write to it. Restore the latest good backup from {when}?"
    )
    box.setInformativeText(
        "Anything recorded after that backup will not be in the caseload. The damaged file "
        "is kept in the backups folder for your IT department."
    )
    box.setDetailedText(str(error))
    restore = box.addButton("&Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Not now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def do_restore() -> None:
        worker.submit(
            restore_damaged,
            Path(path),
            Path(backup),
            passphrases,
            on_result=on_opened,
            on_error=show_error_dialog,
            label="Restoring the latest good backup…",
        )

    restore.clicked.connect(do_restore)
    _offers.add(box)
    box.finished.connect(lambda _result: _offers.discard(box))
    box.open()
    return box


def _backup_when(backup: Path) -> str:
    info = parse_backup_name(backup)
    return info.describe() if info is not None else backup.name


def alive_widget(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


__all__ = [
    "ChangePassphraseDialog",
    "PurgeDialog",
    "Reopened",
    "RestoreDialog",
    "SubjectAccessDialog",
    "offer_damaged_restore",
]
