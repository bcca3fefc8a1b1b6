"""The language of the app in Settings: the IRO's own choice, kept outside the caseload (it is
needed before a caseload is open), taking effect at the next start."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from iro_desktop import i18n
from iro_desktop.domain.settings import Settings
from iro_desktop.gui.dialogs.settings import SettingsDialog
from iro_desktop.services.settings import (
    save_ui_language,
    saved_ui_language,
    start_in_chosen_language,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _english_after(monkeypatch):
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    yield
    i18n.set_language("en")


def test_the_choice_is_saved_and_used_at_the_next_start(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.chosen_ui_language() is None  # as the computer is set
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("takes effect the next time IRO Desktop starts" in text for text in notes)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("cy"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert saved_ui_language() == "cy"
    assert i18n.language() == "en"  # this session stays as it started
    assert start_in_chosen_language() == "cy"  # the next start is in Welsh

    again = SettingsDialog(Settings())
    qtbot.addWidget(again)
    assert again.chosen_ui_language() == "cy"
    assert again.windowTitle() == "Gosodiadau"


def test_cancel_keeps_the_saved_choice(qtbot):
    save_ui_language("en")
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("cy"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert saved_ui_language() == "en"


def test_a_damaged_saved_choice_is_passed_over():
    from iro_desktop.services.session import state_file

    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_text('{"ui_language": "klingon", "last_caseload": "x"}')
    assert saved_ui_language() is None
    assert start_in_chosen_language() == "en"
    save_ui_language("cy")  # the rest of the file is kept
    assert '"last_caseload": "x"' in state_file().read_text()
