"""Tests look inside the file to check what was written; the app never does (``storage`` is
its only door, and ``Store`` keeps its database private). This is the one place a test
reaches past that door."""

from __future__ import annotations

import sqlite_utils

from iro_desktop.storage.database import Store


def raw_db(store: Store) -> sqlite_utils.Database:
    """The open store's sqlite-utils Database, for a test's own queries."""
    return store._db
