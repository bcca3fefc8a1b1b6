"""The first thing the desktop app does: start deriving the key of the caseload it is about to
open (``storage.early_key``), before Qt, the window or the rest of the services load.

Light on purpose: this module loads only the app's paths, the file it remembers (the caseload
opened last) and SQLCipher's driver. The key is begun only when it is plain which file and
which passphrase the opening will use (the demo and its public passphrase; the environment's
passphrase for any other file); otherwise the opening derives it as it always has.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from iro_desktop.paths import APP_AUTHOR, APP_NAME, default_demo_path
from iro_desktop.storage import early_key

PASSPHRASE_ENV = "IRO_DESKTOP_PASSPHRASE"
DEMO_PASSPHRASE = early_key.DEMO_PASSPHRASE  # public: the demo's own (its raw key)

# -- the file opened last (the app's one remembered thing: a path, nothing about a child) -----
STATE_FILE_NAME = "app-state.json"
LAST_CASELOAD_KEY = "last_caseload"


def state_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / STATE_FILE_NAME


def read_state() -> dict:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_demo_place(path: Path) -> bool:
    return Path(path).resolve() == default_demo_path().resolve()


def begin_key_at_launch(db_path: Path | None, demo: bool) -> None:
    """Start deriving the key the launch's opening will need, on a thread, and return."""
    if demo:
        early_key.begin(default_demo_path(), DEMO_PASSPHRASE)
        return
    path = db_path
    if path is None:
        remembered = read_state().get(LAST_CASELOAD_KEY)
        path = Path(remembered) if isinstance(remembered, str) and remembered else None
    if path is None:
        return
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    if is_demo_place(path):
        early_key.begin(path, DEMO_PASSPHRASE)
    elif passphrase is not None:
        early_key.begin(path, passphrase)


# The options ``iro-desktop`` takes without a command (cli.common.store_options), and whether
# each takes a value: anything else on the line is a command, whose opening is its own.
_LAUNCH_OPTIONS = {"--db": True, "--on": True, "--demo": False}


def begin_key_for_arguments(arguments: list[str]) -> None:
    """``iro-desktop [--db FILE | --demo] [--on DAY]`` opens the app: begin its key. Any other
    command line (a command, --help, an unknown option) begins nothing."""
    db_path: Path | None = None
    demo = False
    words = iter(arguments)
    for word in words:
        name, equals, value = word.partition("=")
        if name not in _LAUNCH_OPTIONS:
            return
        if _LAUNCH_OPTIONS[name] and not equals:
            value = next(words, "")
        if name == "--db":
            db_path = Path(value) if value else None
        demo = demo or name == "--demo"
    begin_key_at_launch(db_path, demo)
