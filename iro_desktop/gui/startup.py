"""Getting a caseload open: the first-run choice, the passphrase and the new-caseload dialogs,
and ``CaseloadOpener``, which runs the opening on the worker and hands the store to the window.

Every file is touched on the worker thread; the dialogs only collect what the IRO types.
"""

from __future__ import annotations

from concurrent.futures import Future
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.widgets.dialog_parts import password_field
from iro_desktop.gui.worker import show_error_dialog, user_message
from iro_desktop.paths import default_demo_path, default_store_path
from iro_desktop.services.opening import (
    LaunchOpening,
    create_and_open,
    find_startup_file,
    make_and_open_demo,
    open_at_launch,
    open_unasked,
    open_with_passphrase,
)
from iro_desktop.storage.database import Store
from iro_desktop.storage.errors import WrongPassphrase

CHOICE_DEMO, CHOICE_NEW, CHOICE_OPEN = "demo", "new", "open"
FILE_FILTER = "IRO Desktop caseloads (*.iro.db);;All files (*)"
MIN_PASSPHRASE = 8
ERROR_STYLE = "color: #a4000f; font-weight: bold;"


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A score from 0 (unusable) to 3 (strong) and a plain hint. Length counts most."""
    if len(passphrase) < MIN_PASSPHRASE:
        return 0, f"Too short: {MIN_PASSPHRASE} characters or more (a short sentence is best)."
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    if len(set(passphrase)) <= 3:
        return 1, "Weak: too many repeated characters."
    if len(passphrase) >= 20 or (len(passphrase) >= 14 and kinds >= 3):
        return 3, "Strong."
    if len(passphrase) >= 12:
        return 2, "Good. A few more words would make it stronger."
    return 1, "Weak: add a few more words; four ordinary words make a strong passphrase."


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


class FirstRunDialog(QDialog):
    """No caseload yet: try the demo, create a caseload, or open a file."""

    choiceMade = Signal(str)  # CHOICE_DEMO, CHOICE_NEW or CHOICE_OPEN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to IRO Desktop")
        intro = QLabel(
            "<h3>Welcome to IRO Desktop</h3>"
            "<p>There is no caseload on this computer yet. What would you like to do?</p>"
        )
        intro.setWordWrap(True)
        self.demo_button = QCommandLinkButton(
            "Open the demo",
            "Fictional children, to try IRO Desktop out. Nothing in it is real.",
        )
        self.new_button = QCommandLinkButton(
            "Create a new caseload",
            "An encrypted file for your own caseload, locked with a passphrase you choose.",
        )
        self.open_button = QCommandLinkButton(
            "Open an existing caseload file",
            "A .iro.db file, for example one copied from your old computer.",
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.demo_button, self.new_button, self.open_button):
            layout.addWidget(button)
        layout.addWidget(buttons)
        self.demo_button.clicked.connect(lambda: self._choose(CHOICE_DEMO))
        self.new_button.clicked.connect(lambda: self._choose(CHOICE_NEW))
        self.open_button.clicked.connect(lambda: self._choose(CHOICE_OPEN))
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def _choose(self, choice: str) -> None:
        self.accept()
        self.choiceMade.emit(choice)


class UnlockDialog(QDialog):
    """Ask for a file's passphrase; stays open (showing why) until one works or they cancel."""

    passphraseEntered = Signal(str)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle("Unlock your caseload")
        intro = QLabel(f"Enter the passphrase for <b>{self.path.name}</b>.")
        where = QLabel(f"in {self.path.parent}")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.passphrase = password_field("Passphrase")
        self.error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = self.buttons.addButton(
            "&Unlock", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_unlock)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)

    def showEvent(self, event) -> None:
        # On show, QDialogButtonBox makes Cancel an auto-default button, and Enter in the
        # passphrase field would cancel: only Unlock may answer Enter.
        super().showEvent(event)
        for button in self.buttons.buttons():
            button.setAutoDefault(button is self.unlock_button)
        self.unlock_button.setDefault(True)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.set_waiting(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def set_waiting(self, waiting: bool) -> None:
        self.unlock_button.setEnabled(not waiting)
        self.passphrase.setEnabled(not waiting)
        self.unlock_button.setText("Checking…" if waiting else "&Unlock")

    @Slot()
    def _on_unlock(self) -> None:
        if not self.passphrase.text():
            self.show_error("Type the passphrase first.")
            return
        self.set_waiting(True)
        self.passphraseEntered.emit(self.passphrase.text())


class NewCaseloadDialog(QDialog):
    """Choose where the new caseload goes and its passphrase (typed twice), with a hint."""

    createRequested = Signal(Path, str)

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New caseload")
        intro = QLabel(
            "Your caseload is kept in one encrypted file. Choose a passphrase you will remember: "
            "without it nobody, including IT, can open the file."
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(str(default_path))
        self.browse_button = QPushButton("C&hoose…")
        self.passphrase = password_field("New passphrase")
        self.again = password_field("New passphrase, again")
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            "C&reate", QDialogButtonBox.ButtonRole.AcceptRole
        )
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse_button)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path)
        form = QFormLayout()
        form.addRow(file_label, where)
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("&Again:", self.again)
        form.addRow("", self.strength)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._on_typed)
        self.again.textChanged.connect(self._on_typed)
        self.browse_button.clicked.connect(self._on_browse)
        self.buttons.accepted.connect(self._on_create)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        self._on_typed()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.create_button.setText("C&reate")
        self._on_typed()

    @Slot()
    def _on_typed(self) -> None:
        score, hint = passphrase_strength(self.passphrase.text())
        matches = self.passphrase.text() == self.again.text()
        if score and self.again.text() and not matches:
            hint += " The two passphrases differ."
        self.strength.setText(f"Strength: {hint}" if self.passphrase.text() else hint)
        self.create_button.setEnabled(score > 0 and matches)

    @Slot()
    def _on_browse(self) -> None:
        chooser = QFileDialog(self, "New caseload file", self.path.text(), FILE_FILTER)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("iro.db")
        chooser.fileSelected.connect(self.path.setText)
        chooser.open()

    @Slot()
    def _on_create(self) -> None:
        self.error.setVisible(False)
        self.create_button.setEnabled(False)
        self.create_button.setText("Creating…")
        self.createRequested.emit(Path(self.path.text().strip()), self.passphrase.text())


def _show_error_in(dialog: UnlockDialog | NewCaseloadDialog, error: BaseException) -> None:
    if shiboken6.isValid(dialog):  # the IRO may have closed it while the worker tried
        dialog.show_error(user_message(error))


class CaseloadOpener(QObject):
    """Runs the ways of opening a caseload and emits ``opened(store)`` when one is open."""

    opened = Signal(object)  # Store
    nothingOpened = Signal()  # the IRO closed a start-up dialog without opening anything

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
        began on its own thread before Qt was loaded (see services.opening)."""
        if early is not None:
            job, args = early.result, ()
        else:
            job, args = open_at_launch, (db_path, demo, self._today)
        self._worker.submit(
            job,
            *args,
            on_result=self._on_launch_opening,
            on_error=lambda error: self._on_launch_failed(db_path, demo, error),
            label="Opening your caseload…",
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
            on_result=self.opened.emit,
            label="Opening the demo caseload (making it the first time)…",
        )

    def open_file(self, path: Path) -> None:
        path = Path(path)
        self._worker.submit(
            open_unasked,
            path,
            on_result=lambda store: self._on_opened_unasked(path, store),
            on_error=lambda error: self._on_unasked_failed(path, error),
            label=f"Opening {path.name}…",
        )

    def choose_file(self) -> None:
        chooser = QFileDialog(
            self._window, "Open a caseload", str(default_store_path().parent), FILE_FILTER
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(lambda name: self.open_file(Path(name)))
        self._show(chooser)

    def new_caseload(self) -> None:
        dialog = NewCaseloadDialog(default_store_path(), self._window)
        dialog.createRequested.connect(
            lambda path, passphrase: self._worker.submit(
                create_and_open,
                path,
                passphrase,
                on_result=lambda store: self._done(dialog, store),
                on_error=lambda error: _show_error_in(dialog, error),
                label="Creating your caseload…",
            )
        )
        self._show(dialog)

    def first_run(self) -> None:
        dialog = FirstRunDialog(self._window)
        dialog.choiceMade.connect(self._on_first_run_choice)
        dialog.rejected.connect(self.nothingOpened.emit)
        self._show(dialog)

    def ask_passphrase(self, path: Path, message: str = "") -> UnlockDialog:
        dialog = UnlockDialog(path, self._window)
        dialog.passphraseEntered.connect(
            lambda passphrase: self._worker.submit(
                open_with_passphrase,
                path,
                passphrase,
                on_result=lambda store: self._done(dialog, store),
                on_error=lambda error: self._on_unlock_failed(dialog, path, passphrase, error),
                label=f"Unlocking {path.name}…",
            )
        )
        dialog.rejected.connect(self.nothingOpened.emit)
        if message:
            dialog.show_error(message)
        self._show(dialog)
        return dialog

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

    # A damaged file: offer its latest good backup (gui/safety_dialogs.py).
    def _offer_backup(self, path: Path | None, passphrase: str | None, error: BaseException):
        from iro_desktop.gui.safety_dialogs import offer_damaged_restore

        if path is None:
            return None
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
        if choice == CHOICE_DEMO:
            self.open_demo()
        elif choice == CHOICE_NEW:
            self.new_caseload()
        else:
            self.choose_file()
