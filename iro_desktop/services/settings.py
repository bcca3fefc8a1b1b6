"""The council's settings, as the front ends load and save them (kept in the encrypted file,
every change with its history: see ``storage.settings_store``)."""

from __future__ import annotations

from iro_desktop.domain.settings import Settings
from iro_desktop.storage import settings_store
from iro_desktop.storage.database import Store

__all__ = ["Settings", "load_settings", "save_settings"]


def load_settings(store: Store) -> Settings:
    return settings_store.load_settings(store)


def save_settings(store: Store, settings: Settings) -> list[str]:
    """Write every setting that changed, with its history, in one transaction; returns the
    names of the settings that changed."""
    return settings_store.save_settings(store, settings)
