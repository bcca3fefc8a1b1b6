"""The settings dialog: every setting edited, saved through the worker, due view updated."""

from dataclasses import fields
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from iro_desktop.domain.model import Region
from iro_desktop.domain.settings import Settings, Timescales
from iro_desktop.domain.tasks import TaskKind
from iro_desktop.gui.dialogs.settings import TIMESCALE_FIELDS, SettingsDialog, parse_postcodes
from iro_desktop.gui.models.due_model import TASK_ROLE
from iro_desktop.storage.settings_store import load_settings

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SAMPLE = Settings(
    region=Region.WALES,
    council_postcodes=("CF", "NP10"),
    council_name="Cyngor Sir Enghraifft",
    judge_review_by_final_part=True,
    local_under5_interval_months=3,
    timescales=Timescales(
        consultation_working_days_before=21,
        pre_review_meeting_days_before=16,
        decisions_working_days_after=4,
        letter_working_days_after=19,
        informal_challenge_working_days=9,
        formal_stage_working_days=6,
        formal_process_working_days=25,
        contact_every_weeks=10,
    ),
    iro_name="Sam Rees",
    iro_phone="029 2000 0000",
    iro_email="sam.rees@example.org",
    auto_lock_minutes=7,
)


def test_every_timescale_has_a_field():
    assert set(TIMESCALE_FIELDS) == {f.name for f in fields(Timescales)}


def test_the_dialog_shows_and_returns_every_setting_unchanged(qtbot):
    dialog = SettingsDialog(SAMPLE)
    qtbot.addWidget(dialog)
    assert dialog.settings() == SAMPLE
    assert dialog.region.currentText() == "Wales"
    assert dialog.council_postcodes.text() == "CF, NP10"
    assert dialog.timescales["contact_every_weeks"].value() == 10


def test_off_means_no_local_under5_interval(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.under5_interval.text() == "Off (the statutory timing)"
    assert dialog.settings().local_under5_interval_months is None


def test_saving_emits_the_edited_settings(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.region.setCurrentIndex(dialog.region.findData(Region.WALES))
    dialog.council_name.setText("  Example Council ")
    dialog.council_postcodes.setText("w, nw8 ;sw1,")
    dialog.judge_by_final_part.setChecked(True)
    dialog.under5_interval.setValue(4)
    dialog.timescales["pre_review_meeting_days_before"].setValue(20)
    dialog.iro_name.setText("Alex Green")
    dialog.iro_phone.setText("020 7946 0000")
    dialog.iro_email.setText("alex.green@example.org")
    dialog.auto_lock_minutes.setValue(10)
    with qtbot.waitSignal(dialog.settingsAccepted) as saved:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settings = saved.args[0]
    assert settings.region == Region.WALES
    assert settings.council_name == "Example Council"
    assert settings.council_postcodes == ("W", "NW8", "SW1")
    assert settings.judge_review_by_final_part is True
    assert settings.local_under5_interval_months == 4
    assert settings.timescales.pre_review_meeting_days_before == 20
    assert (settings.iro_name, settings.iro_phone, settings.iro_email) == (
        "Alex Green",
        "020 7946 0000",
        "alex.green@example.org",
    )
    assert settings.auto_lock_minutes == 10


def test_parse_postcodes():
    assert parse_postcodes("") == ()
    assert parse_postcodes(" cf10 , np ") == ("CF10", "NP")


def test_changing_pre_review_meeting_days_updates_the_due_view(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    window = launch(demo_file, False, TODAY)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.dueLoaded, timeout=10000):
            pass

        def meetings():
            model = window.due_view.model
            found = {}
            for group_row in range(model.rowCount()):
                group = model.index(group_row, 0)
                for row in range(model.rowCount(group)):
                    task = model.index(row, 0, group).data(TASK_ROLE)
                    if task.task == TaskKind.PRE_REVIEW_MEETING:
                        found[(task.child_ref, task.ref)] = task.due
            return found

        before = meetings()
        assert before
        window.open_settings()
        qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=5000)
        dialog = window.settings_dialog
        assert dialog.timescales["pre_review_meeting_days_before"].value() == 15
        dialog.timescales["pre_review_meeting_days_before"].setValue(20)
        with qtbot.waitSignal(window.dueLoaded, timeout=10000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        after = meetings()
        assert after == {key: due - timedelta(days=5) for key, due in before.items()}
        assert load_settings(window.store).timescales.pre_review_meeting_days_before == 20
    finally:
        window.close()
