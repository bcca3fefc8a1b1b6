"""The council's settings, kept in the encrypted file with a history of every change."""

from __future__ import annotations

import json

from iro_desktop.domain.settings import Settings
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import SOURCE_APP, now_stamp

SETTINGS_ROW_ID = 0  # history entries for settings use this row id


def _stored_texts(store: Store) -> dict[str, str]:
    return {row["key"]: row["value"] for row in store._db["settings"].rows}


def load_settings(store: Store) -> Settings:
    stored = {key: json.loads(text) for key, text in _stored_texts(store).items()}
    return Settings.from_dict(stored)


def _put(store: Store, key: str, text: str, old: str | None, stamp: str, source: str) -> None:
    store._db["settings"].upsert({"key": key, "value": text, "updated_at": stamp}, pk="key")
    history.record(
        store, "settings", SETTINGS_ROW_ID, "update",
        field=key, old=old, new=text, source=source, stamp=stamp,
    )  # fmt: skip


def save_settings(store: Store, settings: Settings, source: str = SOURCE_APP) -> list[str]:
    """Write every setting that changed, with its history, in one transaction.
    Returns the names of the settings that changed."""
    stamp = now_stamp()
    current = _stored_texts(store)
    changed = []
    with store.atomic():
        for key, value in settings.to_dict().items():
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            if current.get(key) == text:
                continue
            _put(store, key, text, current.get(key), stamp, source)
            changed.append(key)
    return changed


def load_setting_text(store: Store, key: str) -> str | None:
    """One setting's stored text as it is (``None`` when it was never saved); for a setting
    kept outside ``Settings``, such as the spreadsheet import's remembered mapping."""
    return _stored_texts(store).get(key)


def save_setting_text(store: Store, key: str, text: str, source: str = SOURCE_APP) -> bool:
    """Store one setting's text with its history entry; False when it was already that."""
    old = load_setting_text(store, key)
    if old == text:
        return False
    with store.atomic():
        _put(store, key, text, old, now_stamp(), source)
    return True
