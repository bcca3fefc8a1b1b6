"""The first run: ``iro-desktop`` with no arguments opens the IRO's own caseload, never the demo;
with none, the set-up (passphrase, council, the IRO, services for children) saves everything
it asked into the new caseload's settings, with history, and offers a first step."""

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWizard

from iro_desktop.domain.model import Region
from iro_desktop.domain.settings import Settings
from iro_desktop.gui import startup
from iro_desktop.gui.app import launch
from iro_desktop.gui.dialogs.first_run import FirstRunDialog
from iro_desktop.gui.dialogs.new_caseload import NewCaseloadDialog
from iro_desktop.gui.dialogs.setup_wizard import NEXT_STEPS, SetupWizard
from iro_desktop.gui.dialogs.unlock import UnlockDialog
from iro_desktop.gui.widgets.settings_fields import SETUP_KEYS
from iro_desktop.paths import default_store_path
from iro_desktop.services import early, session
from iro_desktop.services.settings import load_settings
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db
from tests.safety.safety_helpers import FIXTURE_903

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PASSPHRASE = "correct horse battery staple"
TYPED = {
    "council_name": "Anytown Council",
    "iro_name": "Sam Rees",
    "iro_phone": "01234 567890",
    "iro_email": "sam.rees@anytown.gov.uk",
    "advocacy_service": "Anytown Advocacy",
    "advocacy_contact": "Text 07700 900000",
    "complaints_contact": "call 0800 000 0000",
    "independent_visitor_service": "Anytown Visitors",
}


@pytest.fixture
def start(qtbot):
    windows = []

    def starter(db_path=None, demo=False):
        window = launch(db_path, demo, TODAY)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield starter
    for window in windows:
        window.close()


@pytest.fixture
def demo_at_its_place(demo_file, monkeypatch) -> Path:
    for module in (startup, session, early):  # where the demo's place is looked up
        monkeypatch.setattr(module, "default_demo_path", lambda: demo_file)
    return demo_file


def _wait_for(qtbot, window, kind):
    qtbot.waitUntil(lambda: isinstance(window.opener.dialog, kind), timeout=5000)
    qtbot.waitUntil(lambda: window.opener.dialog.isVisible(), timeout=5000)
    return window.opener.dialog


def _create_caseload(qtbot, window, target: Path) -> SetupWizard:
    _wait_for(qtbot, window, FirstRunDialog).new_button.click()
    dialog = _wait_for(qtbot, window, NewCaseloadDialog)
    dialog.path.setText(str(target))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: window.settings_controller.setup is not None, timeout=10000)
    wizard = window.settings_controller.setup
    qtbot.waitUntil(wizard.isVisible, timeout=5000)
    return wizard


# -- what no arguments opens -------------------------------------------------------------------
def test_the_demo_is_never_remembered_so_no_arguments_opens_your_own(demo_at_its_place):
    own = default_store_path()
    own.parent.mkdir(parents=True, exist_ok=True)
    open_store(own, PASSPHRASE, create=True).close()
    session.remember_caseload_path(own)

    session.make_and_open_demo(TODAY, demo_at_its_place).close()  # `iro-desktop --demo`
    assert session.open_unasked(demo_at_its_place).is_demo  # File > Open of the demo file

    assert session.find_startup_file() == own
    assert session.last_caseload_path() == own.resolve()


def test_with_only_the_demo_tried_no_arguments_gives_the_first_run(demo_at_its_place):
    session.make_and_open_demo(TODAY, demo_at_its_place).close()
    opening = session.open_at_launch(None, False, TODAY)
    assert (opening.path, opening.store) == (None, None)


def test_a_demo_remembered_by_an_older_version_is_not_reopened(demo_at_its_place):
    state = session.state_file()
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"last_caseload": str(demo_at_its_place)}), encoding="utf-8")
    assert session.last_caseload_path() is None
    assert session.find_startup_file() is None


def test_after_trying_the_demo_the_app_asks_for_your_own_caseload(qtbot, start, demo_at_its_place):
    own = default_store_path()
    own.parent.mkdir(parents=True, exist_ok=True)
    open_store(own, PASSPHRASE, create=True).close()
    demo_window = start(demo=True)
    with qtbot.waitSignal(demo_window.dueLoaded, timeout=10000):
        pass
    assert demo_window.store.is_demo
    demo_window.close()

    window = start()
    dialog = _wait_for(qtbot, window, UnlockDialog)
    assert dialog.path == own


# -- the set-up ---------------------------------------------------------------------------------
def test_the_set_up_saves_what_it_asked_with_history_and_settings_shows_it(qtbot, start, tmp_path):
    window = start()
    target = tmp_path / "mine.iro.db"
    wizard = _create_caseload(qtbot, window, target)
    assert window.store.path == target and not window.store.is_demo
    assert set(wizard.editors) == set(SETUP_KEYS)

    wizard.editors["region"].set_value(Region.WALES)
    wizard.editors["council_address"].setPlainText("1 High Street\nAnytown\nAN1 1AA")
    wizard.editors["council_logo_path"].edit.setText(str(tmp_path / "logo.png"))
    wizard.editors["iro_photo_path"].edit.setText(str(tmp_path / "me.jpg"))
    for key, text in TYPED.items():
        qtbot.keyClicks(wizard.editors[key], text)
    for _page in range(3):
        wizard.next()
    assert wizard.currentPage().title() == "Your caseload is ready"
    assert {name for name, *_rest in NEXT_STEPS} == set(wizard.next_buttons)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.context.settings.region == Region.WALES, timeout=10000)
    qtbot.waitUntil(lambda: "No children yet?" in window.due_view.summary.text(), timeout=10000)

    assert "Import your tracker (Ctrl+I), add a child (Ctrl+N)" in window.due_view.summary.text()
    saved = load_settings(window.store)
    assert saved.region == Region.WALES
    assert saved.council_address == "1 High Street\nAnytown\nAN1 1AA"
    assert saved.council_logo_path == str(tmp_path / "logo.png")
    assert saved.iro_photo_path == str(tmp_path / "me.jpg")
    for key, text in TYPED.items():
        assert getattr(saved, key) == text
    assert saved.timescales == Settings().timescales  # what it did not ask keeps its default
    history = {
        field: new
        for field, new in raw_db(window.store).execute(
            "SELECT field, new FROM change_log WHERE table_name = 'settings'"
        )
    }
    assert history["iro_name"] == '"Sam Rees"' and history["region"] == '"wales"'

    window.open_settings()  # everything it asked can be changed later
    qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=5000)
    dialog = window.settings_dialog
    assert dialog.editor("council_name").text() == "Anytown Council"
    assert dialog.editor("region").currentText() == "Wales"
    dialog.editor("advocacy_service").setText("Anytown Children's Rights")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(
        lambda: window.context.settings.advocacy_service == "Anytown Children's Rights",
        timeout=10000,
    )
    assert load_settings(window.store).advocacy_service == "Anytown Children's Rights"


def test_a_first_step_from_the_set_up_opens_it(qtbot, start, tmp_path):
    window = start()
    wizard = _create_caseload(qtbot, window, tmp_path / "mine.iro.db")
    qtbot.keyClicks(wizard.editors["iro_name"], "Sam Rees")
    for _page in range(3):
        wizard.next()
    with qtbot.waitSignal(window.actions["new_child"].triggered, timeout=10000):
        wizard.next_buttons["new_child"].click()
    assert load_settings(window.store).iro_name == "Sam Rees"


def test_the_903_step_asks_for_the_folder_and_brings_the_children_in(qtbot, start, tmp_path):
    window = start()
    wizard = _create_caseload(qtbot, window, tmp_path / "mine.iro.db")
    for _page in range(3):
        wizard.next()
    wizard.next_buttons["import_903"].click()
    controller = window.settings_controller
    qtbot.waitUntil(lambda: controller.chooser is not None, timeout=10000)
    assert controller.chooser.isVisible()
    assert controller.chooser.fileMode() == QFileDialog.FileMode.Directory
    controller.chooser.fileSelected.emit(str(FIXTURE_903))
    qtbot.waitUntil(lambda: controller.report_box is not None, timeout=20000)
    assert "children:" in controller.report_box.text()
    assert "903 files imported:" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: sum(window.due_view.model.group_counts().values()) > 0, timeout=10000)
    assert "No children yet?" not in window.due_view.summary.text()
    controller.report_box.accept()


def test_skipping_the_set_up_says_where_to_fill_it_in(qtbot, start, tmp_path):
    window = start()
    wizard = _create_caseload(qtbot, window, tmp_path / "mine.iro.db")
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert "Settings (Ctrl+,)" in window.statusBar().currentMessage()
    assert load_settings(window.store) == Settings()
