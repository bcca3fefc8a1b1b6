"""Shared test set-up. Qt must run offscreen before it is first imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep every test away from the real user folders.
os.environ.pop("IRO_DESKTOP_PASSPHRASE", None)

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """platformdirs reads XDG_* on Linux: point them at a fresh folder for each test."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("IRO_DESKTOP_PASSPHRASE", raising=False)
    yield


@pytest.fixture
def store(tmp_path: Path):
    from iro_desktop.storage.opening import open_store

    opened = open_store(tmp_path / "caseload.iro.db", "correct horse battery", create=True)
    yield opened
    opened.close()
