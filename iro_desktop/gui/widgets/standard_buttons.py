"""Qt's standard buttons (Cancel, Close, OK, Save, Yes, No) in the app's language.

Qt names its standard buttons through its own translations, which have no Welsh; so each
dialog names them from the app's catalogue instead (the English words are Qt's own)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from iro_desktop.i18n import N_, _

_BOX = QDialogButtonBox.StandardButton
_MESSAGE = QMessageBox.StandardButton
# Qt's English texts, with the same mnemonics, so nothing changes in English.
_DIALOG_WORDS = {
    _BOX.Ok: N_("OK"),
    _BOX.Cancel: N_("Cancel"),
    _BOX.Close: N_("Close"),
    _BOX.Save: N_("Save"),
    _BOX.Yes: N_("&Yes"),
    _BOX.No: N_("&No"),
}
_MESSAGE_WORDS = {
    _MESSAGE.Ok: N_("OK"),
    _MESSAGE.Cancel: N_("Cancel"),
    _MESSAGE.Close: N_("Close"),
    _MESSAGE.Save: N_("Save"),
    _MESSAGE.Yes: N_("&Yes"),
    _MESSAGE.No: N_("&No"),
}


def name_standard_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Give ``box``'s standard buttons their words in the language in use."""
    words = _DIALOG_WORDS if isinstance(box, QDialogButtonBox) else _MESSAGE_WORDS
    for which, text in words.items():
        button = box.button(which)  # type: ignore[arg-type]
        if button is not None:
            button.setText(_(text))
