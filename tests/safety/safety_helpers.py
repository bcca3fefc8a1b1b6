"""Helpers shared by the data-safety tests."""

from __future__ import annotations

from pathlib import Path

from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from tests.raw import raw_db

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "a different long passphrase"
FIXTURE_903 = Path(__file__).parent.parent / "fixtures" / "903" / "basic"


def add_child(store: Store, ref: str = "S000001", first: str = "Zephyrine", **extra) -> int:
    values = {"child_ref": ref, "first_name": first, "last_name": "Quillfeather"}
    values.setdefault("dob", "2014-05-06")
    values.update(extra)
    return history.insert(store, "children", values)


def table_dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table: to compare a store before and after."""
    return {
        name: sorted(
            map(tuple, raw_db(store).execute(f'SELECT * FROM "{name}"').fetchall()), key=repr
        )
        for name in raw_db(store).table_names()
    }
