"""Where the IRO's files live: the platform's user data and log folders (platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "IRO Desktop"
APP_AUTHOR = "IRO Desktop"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_store_path() -> Path:
    return data_dir() / "caseload.iro.db"


def default_demo_path() -> Path:
    """The demo caseload lives in its own file, never the IRO's real store."""
    return data_dir() / "demo-caseload.iro.db"
