"""A new passphrase typed twice, with a plain strength hint: the one group that choosing a
caseload's, a new caseload's or a handover's passphrase all use.

Not a container widget: ``add_rows`` puts its three rows into the dialog's own form, so the
labels line up with the dialog's other rows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel

from iro_desktop.gui.widgets.dialog_parts import password_field
from iro_desktop.i18n import _
from iro_desktop.services.passphrases import MIN_SCORE, passphrase_strength


class NewPassphrase(QObject):
    """The new passphrase (``first``), the same again (``again``) and the hint (``strength``).

    ``changed`` fires on any typing; the dialog then calls ``assess`` to show the hint and
    learn whether the passphrase may be used."""

    changed = Signal()

    def __init__(
        self,
        accessible_name: str,
        *,
        differ: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._differ = _("The two passphrases differ.") if differ is None else differ
        self.first = password_field(accessible_name)
        self.again = password_field(
            _("%(accessible_name)s again") % {"accessible_name": accessible_name}
        )
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.first.textChanged.connect(self.changed)
        self.again.textChanged.connect(self.changed)

    def add_rows(self, form: QFormLayout, label: str | None = None) -> None:
        form.addRow(_("&Passphrase:") if label is None else label, self.first)
        form.addRow(_("&Again:"), self.again)
        form.addRow("", self.strength)

    def text(self) -> str:
        return self.first.text()

    def set_enabled(self, enabled: bool) -> None:
        self.first.setEnabled(enabled)
        self.again.setEnabled(enabled)

    def assess(self, *, current: str | None = None) -> bool:
        """Show the strength hint; True when the passphrase is hard enough to guess (zxcvbn's
        score 3 of 4 or more), typed the same twice and (given ``current``, the passphrase it
        replaces) not the same as before."""
        text = self.first.text()
        score, hint = passphrase_strength(text)
        matches = text == self.again.text()
        if score >= MIN_SCORE and self.again.text() and not matches:
            hint += f" {self._differ}"
        if current is not None and text and text == current:
            hint += _(" It is the same as the current one.")
        self.strength.setText(_("Strength: %(hint)s") % {"hint": hint} if text else hint)
        return score >= MIN_SCORE and matches and (current is None or text != current)
