"""Opening the IRO's store or the demo store, the way both the GUI and the command line do."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from iro_desktop.paths import default_demo_path
from iro_desktop.services.safety import open_with_safety
from iro_desktop.storage.database import DEMO_PASSPHRASE, Store
from iro_desktop.storage.errors import StoreError, WrongPassphrase
from iro_desktop.storage.opening import open_store

PASSPHRASE_ENV = "IRO_DESKTOP_PASSPHRASE"


class NotADemoFile(StoreError):
    pass


def env_passphrase() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def open_demo_if_demo(path: Path) -> Store | None:
    """A demo file opens without a passphrase: try the demo's public key first."""
    try:
        return open_store(path, DEMO_PASSPHRASE, is_demo=True)
    except WrongPassphrase:
        return None


def open_caseload(path: Path, ask_passphrase: Callable[[], str | None]) -> Store | None:
    """Open a caseload file: a demo file unasked, or with the environment's passphrase, or
    with the one ``ask_passphrase`` returns (None from it: nothing opened, ask elsewhere).

    Each try derives a key (~0.2 s by design), so the likelier one goes first: with a
    passphrase in the environment, that one, unless the file is at the demo's own place."""
    path = Path(path)
    passphrase = env_passphrase()
    if passphrase is not None and path != default_demo_path():
        try:
            return open_with_safety(path, passphrase)
        except WrongPassphrase:
            demo = open_demo_if_demo(path)
            if demo is None:
                raise
            return demo
    demo = open_demo_if_demo(path)
    if demo is not None:
        return demo
    if passphrase is None:
        passphrase = ask_passphrase()
        if passphrase is None:
            return None
    return open_with_safety(path, passphrase)


def create_caseload(path: Path, passphrase: str) -> Store:
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"{path} already exists. Choose another file name, or open it instead.")
    if len(passphrase) < 8:
        raise StoreError("Choose a passphrase of at least 8 characters (a short sentence is best).")
    return open_store(path, passphrase, create=True)


def create_demo(today: date, path: Path | None = None) -> tuple[Path, int]:
    """Write the demo caseload to its own file (replacing an older demo, never a real store).

    Written to a temporary file first and moved into place, so a half-made demo never
    replaces a good one."""
    from iro_desktop.demo.caseload import write_demo_caseload

    path = Path(path) if path else default_demo_path()
    if path.exists() and path.stat().st_size > 0:
        existing = open_demo_if_demo(path)
        if existing is None:
            raise NotADemoFile(
                f"{path} is not a demo file (it needs a passphrase), so the demo will not "
                "overwrite it. Give another --db file for the demo."
            )
        existing.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    store = open_store(partial, DEMO_PASSPHRASE, create=True, is_demo=True)
    try:
        count = write_demo_caseload(store, today)
    finally:
        store.close()
    os.replace(partial, path)
    return path, count
