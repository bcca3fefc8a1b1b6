"""Closing a form without losing anything: closing, Esc or Cancel with unsaved changes asks
first (save, keep as a draft, discard, or keep editing); closing with nothing changed removes
any draft it came from; once the form is closing for good, it closes without asking."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from iro_desktop.gui.forms.drafts import DraftKeeper
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import _
from iro_desktop.services.drafts import DraftSlot, discard_slot
from iro_desktop.services.session import Store


class _Host(Protocol):
    worker: Worker
    store: Store


class ClosableForm(Protocol):
    """What closing needs of a form (``RecordForm`` is one); named here, not imported, so
    that the form and its guard do not import each other."""

    TITLE: str
    slot: DraftSlot
    drafts: DraftKeeper
    host: _Host
    closedForGood: SignalInstance

    def is_dirty(self) -> bool: ...
    def is_valid(self) -> bool: ...
    def save_and_close(self) -> None: ...
    def autosave(self, force: bool = False) -> None: ...
    def close(self) -> bool: ...


class CloseGuard:
    def __init__(self, form: ClosableForm) -> None:
        self._form = form
        self.closing_ok = False  # saved, discarded or kept: close without asking again
        self.prompt: QMessageBox | None = None  # the question on screen, if any

    def request_close(self) -> None:
        form = self._form
        if self.closing_ok:
            return
        if not form.is_dirty():
            self.finish(discard=form.slot.id is not None)
            return
        self._ask_about_changes()

    def finish(self, *, discard: bool) -> None:
        """Close for good (``discard``: remove the form's draft too)."""
        form = self._form
        self.closing_ok = True
        form.drafts.timer.stop()
        if discard:
            form.host.worker.submit(
                discard_slot, form.slot, form.host.store, label=_("Discarding the draft…")
            )
        form.closedForGood.emit()
        form.close()

    def _ask_about_changes(self) -> None:
        form = self._form
        box = QMessageBox(form)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Unsaved changes"))
        box.setText(_("You have unsaved changes in “%(title)s”.") % {"title": _(form.TITLE)})
        box.setInformativeText(
            _(
                "Save them to the record, keep them as a draft to finish later (it is offered "
                "back when you next open IRO Desktop), or discard them?"
            )
        )
        save = box.addButton(_("&Save"), QMessageBox.ButtonRole.AcceptRole)
        save.setEnabled(form.is_valid())
        keep = box.addButton(_("&Keep as draft"), QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton(_("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(_("Keep &editing"), QMessageBox.ButtonRole.RejectRole)
        # Alt+S, Alt+K, Alt+D, Alt+E (letters unique in the box); Esc is "Keep editing".
        for button, name in (
            (save, _("Save")),
            (keep, _("Keep as draft")),
            (discard, _("Discard")),
            (back, _("Keep editing")),
        ):
            button.setAccessibleName(name)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        self.prompt = box

        def chosen(button: QAbstractButton) -> None:
            self.prompt = None
            if button is save:
                form.save_and_close()
            elif button is keep:
                form.autosave(force=True)
                self.finish(discard=False)
            elif button is discard:
                self.finish(discard=True)

        box.buttonClicked.connect(chosen)
        box.open()
