"""Opening a caseload at launch and from the start-up dialogs: Qt-free, so the command line
can begin opening (the key derivation takes ~0.2 s by design) on a thread of its own while
the GUI is still loading, and the dialogs run the same steps on the worker thread."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from iro_desktop.paths import default_demo_path, default_store_path
from iro_desktop.services.app_state import last_caseload_path, remember_caseload_path
from iro_desktop.services.safety import open_with_safety
from iro_desktop.services.stores import (
    NotADemoFile,
    create_caseload,
    create_demo,
    open_caseload,
    open_demo_if_demo,
)
from iro_desktop.storage.database import Store
from iro_desktop.storage.errors import WrongPassphrase


def find_startup_file() -> Path | None:
    """The caseload to open at start: the last one opened, else one at the default place."""
    last = last_caseload_path()
    if last is not None:
        return last
    default = default_store_path()
    return default if default.exists() else None


def open_unasked(path: Path) -> Store | None:
    """Open a demo file, or a file with the environment's passphrase; None: ask for one."""
    store = open_caseload(path, lambda: None)
    if store is not None:
        remember_caseload_path(path)
    return store


def open_with_passphrase(path: Path, passphrase: str) -> Store:
    store = open_with_safety(path, passphrase)
    remember_caseload_path(path)
    return store


def make_and_open_demo(today: date, path: Path) -> Store:
    """Open the demo, writing it first if it is not there yet."""
    if not path.exists():
        create_demo(today, path)
    store = open_demo_if_demo(path)
    if store is None:  # an IRO's own file at the demo's place: never overwritten
        raise NotADemoFile(f"{path.name} is not the demo caseload, so it was left alone.")
    remember_caseload_path(path)
    return store


def create_and_open(path: Path, passphrase: str) -> Store:
    store = create_caseload(path, passphrase)
    remember_caseload_path(path)
    return store


@dataclass(frozen=True)
class LaunchOpening:
    """What opening at launch found: an open store; or a file that needs its passphrase
    (with why, when the environment's one was wrong); or nothing yet (first run)."""

    path: Path | None
    store: Store | None
    message: str = ""


def open_at_launch(db_path: Path | None, demo: bool, today: date) -> LaunchOpening:
    if demo:
        path = default_demo_path()
        return LaunchOpening(path, make_and_open_demo(today, path))
    path = Path(db_path) if db_path is not None else find_startup_file()
    if path is None:
        return LaunchOpening(None, None)
    try:
        return LaunchOpening(path, open_unasked(path))
    except WrongPassphrase as error:  # the environment's passphrase did not fit: ask
        return LaunchOpening(path, None, str(error))


def start_opening_at_launch(db_path: Path | None, demo: bool, today: date) -> Future[LaunchOpening]:
    """Begin ``open_at_launch`` on a thread of its own and return at once."""
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="iro-desktop-open")
    future = executor.submit(open_at_launch, db_path, demo, today)
    executor.shutdown(wait=False)
    return future
