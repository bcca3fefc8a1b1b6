"""What the app remembers between runs: the path of the caseload last opened, nothing more.

Kept as a small JSON file in the user's config folder (platformdirs). It holds a file path only:
no names, no passphrase, nothing about a child.
"""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs

from iro_desktop.paths import APP_AUTHOR, APP_NAME

STATE_FILE_NAME = "app-state.json"
LAST_CASELOAD_KEY = "last_caseload"


def state_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / STATE_FILE_NAME


def _read_state() -> dict:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_caseload_path() -> Path | None:
    """The caseload file opened last time, if it is remembered and still there."""
    text = _read_state().get(LAST_CASELOAD_KEY)
    if not isinstance(text, str) or not text:
        return None
    path = Path(text)
    return path if path.exists() else None


def remember_caseload_path(path: Path) -> None:
    """Remember ``path`` for next time (written to a temporary file, then moved into place)."""
    state = _read_state()
    state[LAST_CASELOAD_KEY] = str(Path(path).resolve())
    target = state_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(state, indent=2), encoding="utf-8")
    partial.replace(target)
