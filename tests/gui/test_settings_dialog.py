"""The settings dialog: every setting edited, saved through the worker with its history, the
due view updated."""

import typing
from dataclasses import fields, replace
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

from iro_desktop.domain.model import Region
from iro_desktop.domain.settings import Settings, Timescales
from iro_desktop.domain.tasks import TaskKind
from iro_desktop.gui.dialogs.settings import SettingsDialog, parse_postcodes
from iro_desktop.gui.models.due_model import TASK_ROLE
from iro_desktop.gui.widgets.settings_fields import GROUPS
from iro_desktop.storage.settings_store import load_settings
from tests.raw import raw_db

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _other_value(name: str, kind: object, default: object) -> object:
    """A value unlike the default for a setting of type ``kind`` (from the model's own type
    hints, so a new setting of a known type is covered without touching this test)."""
    if kind is str:
        return f"{name} value"
    if kind is bool:
        return not default
    if kind is int:
        return default + 1
    if kind == int | None:
        return 3
    if kind is Region:
        return Region.WALES if default == Region.ENGLAND else Region.ENGLAND
    if kind == tuple[str, ...]:
        return ("CF", "NP10")
    if kind == tuple[date, ...]:
        return (date(2027, 5, 3), date(2027, 6, 4))
    raise AssertionError(f"Settings.{name} is of a type the settings dialog has no editor for")


def _all_changed() -> Settings:
    """Every setting and every timescale set to something other than its default."""
    defaults = Settings()
    hints = typing.get_type_hints(Settings)
    values = {}
    for f in fields(Settings):
        if f.name == "timescales":
            continue
        values[f.name] = _other_value(f.name, hints[f.name], getattr(defaults, f.name))
    timescales = {f.name: getattr(defaults.timescales, f.name) + 1 for f in fields(Timescales)}
    return replace(defaults, **values, timescales=Timescales(**timescales))


SAMPLE = _all_changed()


def test_every_setting_and_timescale_has_an_editor(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    names = {f.name for f in fields(Settings) if f.name != "timescales"}
    names |= {f"timescales.{f.name}" for f in fields(Timescales)}
    assert names - set(dialog.editors) == set()


def test_every_setting_changed_in_its_editor_comes_back_from_the_dialog(qtbot):
    """The dialog starts from the defaults; each editor is given the sample's value; what the
    dialog returns is the sample: a setting whose editor is missing or not read back keeps its
    default and fails here."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    for f in fields(Settings):
        if f.name != "timescales":
            dialog.editor(f.name).set_value(getattr(SAMPLE, f.name))
    for f in fields(Timescales):
        dialog.editor(f"timescales.{f.name}").set_value(getattr(SAMPLE.timescales, f.name))
    assert dialog.settings() == SAMPLE


def test_the_dialog_shows_and_returns_every_setting_unchanged(qtbot):
    dialog = SettingsDialog(SAMPLE)
    qtbot.addWidget(dialog)
    assert dialog.settings() == SAMPLE
    assert dialog.editor("region").currentText() == "Wales"
    assert dialog.editor("council_postcodes").text() == "CF, NP10"
    assert dialog.editor("timescales.contact_every_weeks").value() == 13
    shown = [dialog.editor("extra_bank_holidays").list.item(i).text() for i in range(2)]
    assert shown == ["03/05/2027  (Mon 3 May 2027)", "04/06/2027  (Fri 4 Jun 2027)"]


def test_the_settings_are_grouped_in_tabs_that_fit_a_small_laptop_screen(qtbot):
    dialog = SettingsDialog(SAMPLE)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["You", "Your council", "Letters", "Timescales", "Bank holidays", "Safety"]
    assert tabs == list(GROUPS)
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 80  # taskbar and title bar
    for i in range(dialog.tabs.count()):
        assert isinstance(dialog.tabs.widget(i), QScrollArea)  # nothing cut off when taller
    assert dialog.change_passphrase_button.isVisibleTo(dialog.pages["Safety"])


def test_off_means_no_local_under5_interval(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.editor("local_under5_interval_months").text() == "Off (the statutory timing)"
    assert dialog.settings().local_under5_interval_months is None


def test_extra_bank_holidays_are_typed_as_day_month_year(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_group("Bank holidays")
    holidays = dialog.editor("extra_bank_holidays")
    qtbot.keyClicks(holidays.typed, "31/02/2027")
    holidays.add_button.click()
    assert holidays.error.isVisible()
    assert "dd/mm/yyyy" in holidays.error.text()
    assert dialog.settings().extra_bank_holidays == ()
    holidays.typed.clear()
    qtbot.keyClicks(holidays.typed, "3/5/2027")
    holidays.add_button.click()
    holidays.typed.setText("25/12/2026")
    holidays.add_button.click()
    assert not holidays.error.isVisible()
    assert dialog.settings().extra_bank_holidays == (date(2026, 12, 25), date(2027, 5, 3))
    holidays.list.setCurrentRow(0)
    holidays.remove_button.click()
    assert dialog.settings().extra_bank_holidays == (date(2027, 5, 3),)


def test_saving_emits_the_edited_settings(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.editor("region").set_value(Region.WALES)
    dialog.editor("council_name").setText("  Example Council ")
    dialog.editor("council_postcodes").setText("w, nw8 ;sw1,")
    dialog.editor("council_address").setPlainText("\n1 High Street \nAnytown\n\n")
    dialog.editor("judge_review_by_final_part").setChecked(True)
    dialog.editor("local_under5_interval_months").setValue(4)
    dialog.timescales["pre_review_meeting_days_before"].setValue(20)
    dialog.editor("iro_name").setText("Alex Green")
    dialog.editor("advocacy_service").setText("Anytown Advocacy")
    dialog.editor("letter_template_folder").edit.setText("/srv/council/templates")
    dialog.editor("backups_daily_kept").setValue(14)
    dialog.editor("retention_months_after_archive").setValue(24)
    dialog.editor("auto_lock_minutes").setValue(10)
    with qtbot.waitSignal(dialog.settingsAccepted) as saved:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settings = saved.args[0]
    assert settings.region == Region.WALES
    assert settings.council_name == "Example Council"
    assert settings.council_postcodes == ("W", "NW8", "SW1")
    assert settings.council_address == "1 High Street\nAnytown"
    assert settings.judge_review_by_final_part is True
    assert settings.local_under5_interval_months == 4
    assert settings.timescales.pre_review_meeting_days_before == 20
    assert settings.iro_name == "Alex Green"
    assert settings.advocacy_service == "Anytown Advocacy"
    assert settings.letter_template_folder == "/srv/council/templates"
    assert (settings.backups_daily_kept, settings.retention_months_after_archive) == (14, 24)
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
        [(old, new)] = (
            raw_db(window.store)
            .execute(
                "SELECT old, new FROM change_log WHERE table_name = 'settings' "
                "AND field = 'timescales' ORDER BY id DESC LIMIT 1"
            )
            .fetchall()
        )
        assert '"pre_review_meeting_days_before": 20' in new
        assert '"pre_review_meeting_days_before": 20' not in (old or "")
    finally:
        window.close()
