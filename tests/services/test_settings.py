"""Settings are kept in the caseload like any record: saved through the service, read back the
same, and every change written to the change history (what, old and new, when, from where)."""

from dataclasses import replace
from datetime import date

from iro_desktop.domain.model import Region
from iro_desktop.domain.settings import Settings, Timescales
from iro_desktop.services.settings import load_settings, save_settings
from tests.raw import raw_db


def _settings_history(store) -> list[dict]:
    rows = raw_db(store).execute(
        "SELECT field, old, new, action, source, changed_at FROM change_log "
        "WHERE table_name = 'settings' ORDER BY id"
    )
    names = [d[0] for d in rows.description]
    return [dict(zip(names, row, strict=True)) for row in rows.fetchall()]


def test_a_new_caseload_reads_the_defaults(store):
    assert load_settings(store) == Settings()


def test_every_setting_round_trips_through_the_file(store):
    settings = Settings(
        region=Region.WALES,
        council_name="Cyngor Sir Enghraifft",
        council_address="1 Heol Fawr\nCaerdydd",
        extra_bank_holidays=(date(2027, 5, 3),),
        timescales=Timescales(contact_every_weeks=8),
        iro_photo_path="/home/iro/me.png",
        advocacy_service="Tros Gynnal Plant",
        backups_daily_kept=14,
        retention_months_after_archive=24,
        read_aloud_under_age=7,
    )
    save_settings(store, settings)
    assert load_settings(store) == settings


def test_each_change_is_kept_in_the_history_with_old_and_new(store):
    first = Settings(iro_name="Sam Rees", advocacy_service="Anytown Advocacy")
    save_settings(store, first)
    before = len(_settings_history(store))

    changed = save_settings(
        store,
        replace(
            first,
            advocacy_service="Anytown Children's Rights",
            extra_bank_holidays=(date(2027, 5, 3),),
            timescales=replace(first.timescales, letter_working_days_after=15),
        ),
    )

    assert sorted(changed) == ["advocacy_service", "extra_bank_holidays", "timescales"]
    new = _settings_history(store)[before:]
    by_field = {entry["field"]: entry for entry in new}
    assert set(by_field) == set(changed)
    assert by_field["advocacy_service"]["old"] == '"Anytown Advocacy"'
    assert by_field["advocacy_service"]["new"] == '"Anytown Children\'s Rights"'
    assert by_field["extra_bank_holidays"]["old"] == "[]"
    assert by_field["extra_bank_holidays"]["new"] == '["2027-05-03"]'
    assert '"letter_working_days_after": 15' in by_field["timescales"]["new"]
    assert '"letter_working_days_after": 20' in by_field["timescales"]["old"]
    assert {entry["source"] for entry in new} == {"app"}
    assert all(entry["changed_at"] for entry in new)


def test_saving_the_same_settings_again_writes_no_history(store):
    settings = Settings(iro_name="Sam Rees")
    save_settings(store, settings)
    before = len(_settings_history(store))
    assert save_settings(store, settings) == []
    assert len(_settings_history(store)) == before
