"""Shared test set-up. Qt must run offscreen before it is first imported."""

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep every test away from the real user folders.
os.environ.pop("IRO_DESKTOP_PASSPHRASE", None)

import shutil
from datetime import date
from pathlib import Path

import pytest

# The day the shared demo caseload is built for; tests that use it read "today" from here.
DEMO_DAY = date(2026, 11, 23)


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
    collecting = gc.isenabled()
    yield
    if collecting:  # a desktop window hands collection to its GUI thread's timer; undo that
        _stop_gui_thread_collector()
        gc.enable()


def _stop_gui_thread_collector() -> None:
    import sys

    if "iro_desktop.gui.collector" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication

    from iro_desktop.gui.collector import GuiThreadCollector

    app = QCoreApplication.instance()
    found = app.findChild(GuiThreadCollector, "iroGuiThreadCollector") if app else None
    if found is not None:
        found.stop()


@pytest.fixture
def store(tmp_path: Path):
    from iro_desktop.storage.opening import open_store

    opened = open_store(tmp_path / "caseload.iro.db", "correct horse battery", create=True)
    yield opened
    opened.close()


# --- the demo caseload: built once per session, copied for each user ---------------------------


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo caseload built once for the whole session (on DEMO_DAY). Never open this file:
    take a copy (demo_file, demo_module_file) so one test's writes never reach another."""
    from iro_desktop.services.session import create_demo

    home = tmp_path_factory.mktemp("demo-home")
    with pytest.MonkeyPatch.context() as patch:  # the per-test isolation is not active yet
        for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            patch.setenv(var, str(home / var.lower()))
        path, _ = create_demo(DEMO_DAY, tmp_path_factory.mktemp("demo") / "demo.iro.db")
    return path


def _copy_demo(template: Path, folder: Path) -> Path:
    copy = folder / "demo.iro.db"
    shutil.copy2(template, copy)
    return copy


@pytest.fixture
def demo_file(demo_template, tmp_path) -> Path:
    """A fresh writable copy of the demo caseload for one test."""
    return _copy_demo(demo_template, tmp_path)


@pytest.fixture(scope="module")
def demo_module_file(demo_template, tmp_path_factory) -> Path:
    """One copy shared by a module's tests (for modules that only read, or that build on
    each other's writes in order)."""
    return _copy_demo(demo_template, tmp_path_factory.mktemp("demo-module"))


@pytest.fixture
def demo_store(demo_file):
    """The test's own copy of the demo caseload, opened as the app opens a demo."""
    from iro_desktop.services.session import open_demo_if_demo

    store = open_demo_if_demo(demo_file)
    yield store
    store.close()
