"""The council's settings, as the front ends load and save them (kept in the encrypted file,
every change with its history: see ``storage.settings_store``), and the IRO's own choice of
language for the app (kept beside the last file opened, in ``app-state.json``: it is needed
before any caseload is open, to ask for the passphrase in the IRO's language)."""

from __future__ import annotations

from iro_desktop import i18n
from iro_desktop.domain.settings import Settings
from iro_desktop.services.session import read_state, write_state
from iro_desktop.storage import settings_store
from iro_desktop.storage.database import Store

__all__ = [
    "UI_LANGUAGE_KEY",
    "Settings",
    "load_settings",
    "save_high_contrast",
    "save_settings",
    "save_ui_language",
    "saved_high_contrast",
    "saved_ui_language",
    "start_in_chosen_language",
]

UI_LANGUAGE_KEY = "ui_language"
HIGH_CONTRAST_KEY = "high_contrast"


def load_settings(store: Store) -> Settings:
    return settings_store.load_settings(store)


def save_settings(store: Store, settings: Settings) -> list[str]:
    """Write every setting that changed, with its history, in one transaction; returns the
    names of the settings that changed."""
    return settings_store.save_settings(store, settings)


def saved_ui_language() -> str | None:
    """The language the IRO chose in Settings (``en`` or ``cy``), or None: not chosen."""
    value = read_state().get(UI_LANGUAGE_KEY)
    found = i18n.normalised(value) if isinstance(value, str) else None
    return found if found in i18n.LANGUAGES else None


def saved_high_contrast() -> bool:
    """Whether the IRO chose the high-contrast palette in Settings (kept with the language,
    outside any caseload: the unlock window needs it before a caseload is open)."""
    return read_state().get(HIGH_CONTRAST_KEY) is True


def save_high_contrast(on: bool) -> None:
    state = read_state()
    state[HIGH_CONTRAST_KEY] = bool(on)
    write_state(state)


def save_ui_language(lang: str | None) -> None:
    """Keep ``lang`` (``en``, ``cy``; None: follow the system) for the next start."""
    state = read_state()
    if lang is None:
        state.pop(UI_LANGUAGE_KEY, None)
    elif lang in i18n.LANGUAGES:
        state[UI_LANGUAGE_KEY] = lang
    else:
        raise ValueError(f"unknown language {lang!r}")
    write_state(state)


def start_in_chosen_language(asked: str | None = None, *, keep: bool = False) -> str:
    """Set the app's language at start: ``asked`` (``--ui-lang``), else ``IRO_DESKTOP_LANG``,
    else the IRO's choice in Settings, else the system's locale, else English. With ``keep``
    (the desktop app's start), a language already set in this process (the command line set
    it before starting the app) is kept."""
    if keep and i18n.is_chosen():
        return i18n.language()
    return i18n.set_language(i18n.choose_language(asked, saved_ui_language()))
