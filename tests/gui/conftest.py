"""GUI tests run offscreen (set in tests/conftest.py) on a copy of the demo caseload."""

import shutil
from datetime import date
from pathlib import Path

import pytest

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def demo_file_template(tmp_path_factory) -> Path:
    """The demo caseload, built once per test session."""
    from iro_desktop.services.session import create_demo

    path, _ = create_demo(TODAY, tmp_path_factory.mktemp("demo") / "demo.iro.db")
    return path


@pytest.fixture
def demo_file(demo_file_template, tmp_path) -> Path:
    """A fresh copy for each test, so writes in one test never leak into another."""
    copy = tmp_path / "demo.iro.db"
    shutil.copy2(demo_file_template, copy)
    return copy


@pytest.fixture
def demo_store(demo_file):
    from iro_desktop.services.session import open_demo_if_demo

    store = open_demo_if_demo(demo_file)
    yield store
    store.close()
