"""Getting a caseload open: ``CaseloadOpener`` runs each way of opening (the services'
``session`` functions) on the worker and hands the store to the window, showing the start-up
dialogs (``gui/dialogs/first_run``, ``unlock``, ``new_caseload``, ``damaged``) as needed.

Every file is touched on the worker thread; the dialogs only collect what the IRO types.
Each dialog is imported when it is first needed: opening a known file imports none of them.

Every opening here leaves the file's integrity check and daily backup until the due list has
been read (``checks_later``); until they pass, the file's writes are held. ``check_after_paint``
queues them on the worker behind the due list's read, so they run while the list is painted
and every later job (any write) waits for them; a damaged file found then emits
``damagedAfterOpening`` (the window closes it and the IRO is offered the latest good backup,
as at launch): it is never written.
"""

from __future__ import annotations

from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from iro_desktop.gui.worker import show_error_dialog, user_message
from iro_desktop.i18n import _
from iro_desktop.paths import default_demo_path, default_store_path
from iro_desktop.services.session import (
    DamagedStore,
    LaunchOpening,
    Store,
    WrongPassphrase,
    create_and_open,
    find_startup_file,
    finish_opening,
    make_and_open_demo,
    open_at_launch,
    open_unasked,
    open_with_passphrase,
    take_checks_due,
)

if TYPE_CHECKING:
    from iro_desktop.gui.dialogs.new_caseload import NewCaseloadDialog
    from iro_desktop.gui.dialogs.unlock import UnlockDialog


def _show_error_in(dialog: UnlockDialog | NewCaseloadDialog, error: BaseException) -> None:
    if shiboken6.isValid(dialog):  # the IRO may have closed it while the worker tried
        dialog.show_error(user_message(error))


LATER = {"checks_later": True}  # the file's checks once the due list is read (see above)


class CaseloadOpener(QObject):
    """Runs the ways of opening a caseload and emits ``opened(store)`` when one is open."""

    opened = Signal(object)  # Store
    nothingOpened = Signal()  # the IRO closed a start-up dialog without opening anything
    created = Signal(object)  # a new caseload (Store), after ``opened``: the set-up follows
    checked = Signal(object)  # the Store whose checks (after the due list's read) passed
    damagedAfterOpening = Signal(object, object)  # the Store, DamagedStore: close it, offer

    def __init__(self, worker, today: date, window: QWidget) -> None:
        super().__init__(window)
        self._worker = worker
        self._today = today
        self._window = window
        self.dialog: QDialog | None = None  # the dialog on screen, for tests and screenshots

    def start(
        self, db_path: Path | None, demo: bool, early: Future[LaunchOpening] | None = None
    ) -> None:
        """What ``iro-desktop`` does on launch. ``early`` is the opening the command line
        began on its own thread before Qt was loaded (see services.session)."""
        if early is not None:
            job, args, later = early.result, (), {}
        else:
            job, args, later = open_at_launch, (db_path, demo, self._today), LATER
        self._worker.submit(
            job,
            *args,
            **later,
            on_result=self._on_launch_opening,
            on_error=lambda error: self._on_launch_failed(db_path, demo, error),
            label=_("Opening your caseload…"),
        )

    def _on_launch_opening(self, opening: LaunchOpening) -> None:
        if opening.store is not None:
            self.opened.emit(opening.store)
        elif opening.path is None:
            self.first_run()
        else:
            self.ask_passphrase(opening.path, opening.message)

    def open_demo(self, path: Path | None = None) -> None:
        self._worker.submit(
            make_and_open_demo,
            self._today,
            Path(path) if path else default_demo_path(),
            **LATER,
            on_result=self.opened.emit,
            label=_("Opening the demo caseload (making it the first time)…"),
        )

    def open_file(self, path: Path) -> None:
        path = Path(path)
        self._worker.submit(
            open_unasked,
            path,
            **LATER,
            on_result=lambda store: self._on_opened_unasked(path, store),
            on_error=lambda error: self._on_unasked_failed(path, error),
            label=_("Opening %(name)s…") % {"name": path.name},
        )

    def choose_file(self) -> None:
        from iro_desktop.gui.dialogs.new_caseload import FILE_FILTER

        chooser = QFileDialog(
            self._window, _("Open a caseload"), str(default_store_path().parent), _(FILE_FILTER)
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(lambda name: self.open_file(Path(name)))
        self._show(chooser)

    def new_caseload(self) -> None:
        from iro_desktop.gui.dialogs.new_caseload import NewCaseloadDialog

        dialog = NewCaseloadDialog(default_store_path(), self._window)
        dialog.createRequested.connect(
            lambda path, passphrase: self._worker.submit(
                create_and_open,
                path,
                passphrase,
                on_result=lambda store: (self._done(dialog, store), self.created.emit(store)),
                on_error=lambda error: _show_error_in(dialog, error),
                label=_("Creating your caseload…"),
            )
        )
        self._show(dialog)

    def first_run(self) -> None:
        from iro_desktop.gui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(self._window)
        dialog.choiceMade.connect(self._on_first_run_choice)
        dialog.rejected.connect(self.nothingOpened.emit)
        self._show(dialog)

    def ask_passphrase(self, path: Path, message: str = "") -> UnlockDialog:
        from iro_desktop.gui.dialogs.unlock import UnlockDialog

        dialog = UnlockDialog(path, self._window)
        dialog.passphraseEntered.connect(
            lambda passphrase: self._worker.submit(
                open_with_passphrase,
                path,
                passphrase,
                **LATER,
                on_result=lambda store: self._done(dialog, store),
                on_error=lambda error: self._on_unlock_failed(dialog, path, passphrase, error),
                label=_("Unlocking %(name)s…") % {"name": path.name},
            )
        )
        dialog.rejected.connect(self.nothingOpened.emit)
        if message:
            dialog.show_error(message)
        self._show(dialog)
        return dialog

    # -- the checks, once the due list is read ---------------------------------------------------
    def check_after_paint(self, store: Store | None) -> None:
        """Queue the file's integrity check and daily backup (once per opening) on the worker,
        after every job already asked for (the due list's read); writes are held till they
        pass, and the jobs asked for later wait behind them."""
        if store is None or not take_checks_due(store):
            return
        self._worker.submit(
            finish_opening,
            store,
            on_result=lambda _none: self._after_checks(store),
            on_error=lambda error: self._on_checks_failed(store, error),
            label="Checking the caseload file…",
        )

    def _after_checks(self, store: Store) -> None:
        self.checked.emit(store)
        if store.is_demo:  # made with its results kept; a day's change is a few children
            return
        # Writes are allowed now: keep what the start worked out, for the next start.
        from iro_desktop.services.caseload import keep_due_results

        self._worker.submit(
            keep_due_results,
            store,
            self._today,
            label="",
            on_error=lambda _error: None,  # derived results: the next start works them out
        )

    def _on_checks_failed(self, store: Store, error: BaseException) -> None:
        if isinstance(error, DamagedStore):
            self.damagedAfterOpening.emit(store, error)
        else:  # busy, unreadable...: said as such; writes stay held until it is reopened
            show_error_dialog(error)

    def offer_restore(self, path: Path, error: BaseException) -> None:
        """A damaged file, now closed: offer its latest good backup, else say what to do."""
        if self._offer_backup(path, None, error) is None:
            show_error_dialog(error)

    # -- results -------------------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _done(self, dialog: QDialog, store: Store) -> None:
        if shiboken6.isValid(dialog):
            dialog.accept()
        self.opened.emit(store)

    @Slot(object)
    def _on_opened_unasked(self, path: Path, store: Store | None) -> None:
        if store is None:
            self.ask_passphrase(path)
        else:
            self.opened.emit(store)

    # A damaged file: offer its latest good backup (gui/dialogs/damaged.py).
    def _offer_backup(self, path: Path | None, passphrase: str | None, error: BaseException):
        if path is None:
            return None
        from iro_desktop.gui.dialogs.damaged import offer_damaged_restore

        return offer_damaged_restore(
            self._window, self._worker, path, passphrase, error, self.opened.emit
        )

    def _on_launch_failed(self, db_path: Path | None, demo: bool, error: BaseException) -> None:
        path = default_demo_path() if demo else (db_path or find_startup_file())
        if self._offer_backup(path, None, error) is None:
            show_error_dialog(error)

    def _on_unlock_failed(
        self, dialog: UnlockDialog, path: Path, passphrase: str, error: BaseException
    ) -> None:
        if self._offer_backup(path, passphrase, error) is not None:
            if shiboken6.isValid(dialog):
                dialog.accept()
            return
        _show_error_in(dialog, error)

    def _on_unasked_failed(self, path: Path, error: BaseException) -> None:
        if self._offer_backup(path, None, error) is not None:
            return
        if isinstance(error, WrongPassphrase):  # the environment's passphrase did not fit
            self.ask_passphrase(path, str(error))
        else:
            show_error_dialog(error)

    @Slot(str)
    def _on_first_run_choice(self, choice: str) -> None:
        from iro_desktop.gui.dialogs.first_run import CHOICE_DEMO, CHOICE_NEW

        if choice == CHOICE_DEMO:
            self.open_demo()
        elif choice == CHOICE_NEW:
            self.new_caseload()
        else:
            self.choose_file()
