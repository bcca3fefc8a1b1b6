"""The council's settings, kept in the encrypted file with a history of every change."""

from __future__ import annotations

import json

from iro_desktop.domain.settings import Settings
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import SOURCE_APP, now_stamp

SETTINGS_ROW_ID = 0  # change_log rows for settings use this row id


def load_settings(store: Store) -> Settings:
    stored = {row["key"]: json.loads(row["value"]) for row in store._db["settings"].rows}
    return Settings.from_dict(stored)


def save_settings(store: Store, settings: Settings, source: str = SOURCE_APP) -> list[str]:
    """Write every setting that changed, with its history, in one transaction.
    Returns the names of the settings that changed."""
    stamp = now_stamp()
    current = {row["key"]: row["value"] for row in store._db["settings"].rows}
    changed = []
    with store.atomic():
        for key, value in settings.to_dict().items():
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            if current.get(key) == text:
                continue
            store._db["settings"].upsert({"key": key, "value": text, "updated_at": stamp}, pk="key")
            store._db["change_log"].insert(
                {
                    "table_name": "settings",
                    "row_id": SETTINGS_ROW_ID,
                    "action": "update",
                    "field": key,
                    "old": current.get(key),
                    "new": text,
                    "changed_at": stamp,
                    "source": source,
                }
            )
            changed.append(key)
    return changed
