"""Fixtures for the data-safety tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_helpers import PASSPHRASE, add_child

from iro_desktop.storage.opening import open_store


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A closed caseload file with one child."""
    path = tmp_path / "caseload.iro.db"
    store = open_store(path, PASSPHRASE, create=True)
    add_child(store)
    store.close()
    return path
