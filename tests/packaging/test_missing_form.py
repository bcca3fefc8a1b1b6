"""A form that cannot be read says so in the window (issue 15: Ctrl+T and Ctrl+R did nothing
visible when the forms were missing; the error went only to stderr)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from iro_desktop.package_files import council_forms_folder
from tests.conftest import DEMO_DAY

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "Designer: An error has occurred"
)


def test_a_form_that_cannot_be_read_is_reported_in_a_dialog_naming_it(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    council = council_forms_folder()
    council.mkdir(parents=True)
    (council / "child_form.ui").write_text("not a Designer file", encoding="utf-8")
    window = launch(demo_file, False, DEMO_DAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dueLoaded, timeout=10_000):
        pass

    window.recording.open_form("child")

    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    shown = [b for b in boxes if b.isVisible()]
    assert shown, "no message was shown"
    assert str(council / "child_form.ui") in shown[0].text()
    assert not window.recording.live_forms()
    for box in shown:
        box.close()
    window.recording.allow_quit()
    window.close()
