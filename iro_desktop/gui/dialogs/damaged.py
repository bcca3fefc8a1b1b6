"""A caseload file that cannot be used as it is: damaged (it failed its integrity check), or
missing or empty with backups beside it. The IRO is offered a backup, restored and opened on
the worker (``services.session.restore_damaged``) only if they pick it deliberately: the
default button is always the safe one ("Not now"), and the file a restore replaces is kept.

A busy, locked or read-only file, a full disk and a wrong or old passphrase never come here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from iro_desktop.gui.dialogs.unlock import UnlockDialog
from iro_desktop.gui.worker import Worker, show_error_dialog, user_message
from iro_desktop.i18n import _
from iro_desktop.services.session import (
    BadBackup,
    DamagedStore,
    MissingWithBackups,
    Store,
    backup_description,
    restore_damaged,
)

_offers: set[QWidget] = set()


def _keep(widget: QWidget) -> None:
    """A dialog with no parent that would hold it must outlive the function that opened it."""
    _offers.add(widget)
    widget.finished.connect(lambda _result: _offers.discard(widget))


def _backup_to_offer(error: BaseException) -> Path | None:
    if isinstance(error, DamagedStore) and error.latest_good_backup is not None:
        return Path(error.latest_good_backup)
    if isinstance(error, MissingWithBackups) and error.backups:
        return Path(error.backups[0].path)
    return None


def offer_damaged_restore(
    parent: QWidget,
    worker: Worker,
    path: Path,
    passphrase: str | None,
    error: BaseException,
    on_opened: Callable[[Store], None],
) -> QMessageBox | None:
    """When ``error`` is a damaged file with a good backup, or a missing/empty file with
    backups, offer the backup (the default answer: Not now). Returns the question on screen,
    or None when there is nothing to offer."""
    backup = _backup_to_offer(error)
    if backup is None:
        return None
    when = backup_description(backup)
    name = Path(path).name
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    if isinstance(error, DamagedStore):
        box.setWindowTitle(_("Damaged caseload file"))
        box.setText(
            _(
                "%(name)s is damaged (it failed its integrity check), so IRO Desktop "
                "will not write to it. Your latest good backup is from %(when)s."
            )
            % {"name": name, "when": when}
        )
    else:
        box.setWindowTitle(_("Caseload file missing"))
        box.setText(
            _("%(name)s is missing or empty. Your latest backup is from %(when)s.")
            % {"name": name, "when": when}
        )
    box.setInformativeText(
        _(
            "You can restore that backup: anything recorded after it will not be "
            "in the caseload, and %(name)s as it is now is kept in the backups "
            "folder. If you are not sure, choose Not now and ask your IT "
            "department."
        )
        % {"name": name}
    )
    box.setDetailedText(str(error))
    restore = box.addButton(_("&Restore this backup…"), QMessageBox.ButtonRole.ActionRole)
    not_now = box.addButton(_("&Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(not_now)  # a restore is picked deliberately, never by Enter
    box.setEscapeButton(not_now)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    restore.clicked.connect(
        lambda: _restore(parent, worker, Path(path), backup, passphrase, on_opened)
    )
    _keep(box)
    box.open()
    return box


def _restore(
    parent: QWidget,
    worker: Worker,
    path: Path,
    backup: Path,
    passphrase: str | None,
    on_opened: Callable[[Store], None],
) -> None:
    """With the passphrase typed (else the environment's, or the demo's); when none of them
    opens the backup, ask for the one it was made with."""
    worker.submit(
        restore_damaged,
        path,
        backup,
        passphrase,
        on_result=on_opened,
        on_error=lambda error: (
            _ask_and_restore(parent, worker, path, backup, on_opened)
            if isinstance(error, BadBackup) and not passphrase
            else show_error_dialog(error)
        ),
        label=_("Restoring the backup…"),
    )


def _ask_and_restore(
    parent: QWidget,
    worker: Worker,
    path: Path,
    backup: Path,
    on_opened: Callable[[Store], None],
) -> None:
    ask = UnlockDialog(backup, parent)  # the passphrase the backup was made with
    ask.setWindowTitle(_("Passphrase of the backup"))

    def opened(store: Store) -> None:
        ask.accept()
        on_opened(store)

    ask.passphraseEntered.connect(
        lambda typed: worker.submit(
            restore_damaged,
            path,
            backup,
            typed,
            on_result=opened,
            on_error=lambda error: ask.show_error(user_message(error)),
            label=_("Restoring the backup…"),
        )
    )
    ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _keep(ask)
    ask.open()
