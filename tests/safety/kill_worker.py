"""The child process the kill tests SIGKILL: one operation on a caseload, with progress
markers on stdout (one per line, flushed) so the parent knows how far it got.

    python kill_worker.py save   DB PASSPHRASE ROWS_PER_BATCH
    python kill_worker.py import DB PASSPHRASE CSV_FOLDER
    python kill_worker.py backup DB PASSPHRASE
    python kill_worker.py rekey  DB OLD NEW

Every operation prints ``ready`` once the store is open (so the random delay falls in the
operation, not in Python's start-up), then its own markers, then ``done`` if it finishes.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

# Run as a script from anywhere: the project root is two folders up.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

TODAY = date(2026, 11, 23)


def say(marker: str) -> None:
    print(marker, flush=True)


def save(db: Path, passphrase: str, rows: int) -> None:
    """Batches of ``rows`` contacts plus one update of the child, each batch one transaction:
    after a kill every batch has 0 or ``rows`` contacts, and the child names the last one."""
    store = open_store(db, passphrase)
    child_id = raw_db(store).execute("SELECT id FROM children ORDER BY id LIMIT 1").fetchone()[0]
    say("ready")
    batch = 0
    while True:
        batch += 1
        with store.atomic():
            for i in range(rows):
                history.insert(
                    store,
                    "contacts",
                    {"child_id": child_id, "on": TODAY, "kind": "visit", "note": f"batch {batch}"},
                )
                if i == rows // 2:
                    history.update(
                        store, "children", child_id, {"communication_needs": f"batch {batch}"}
                    )
        say(f"committed {batch}")


def do_import(db: Path, passphrase: str, folder: Path) -> None:
    from iro_desktop.exchange.ssda903.read import import_903

    store = open_store(db, passphrase)
    say("ready")
    import_903(store, folder, today=TODAY)
    say("done")


def backup(db: Path, passphrase: str) -> None:
    from iro_desktop.storage.backup import take_backup

    store = open_store(db, passphrase)
    say("ready")
    n = 0
    while True:
        n += 1
        take_backup(store, "manual", keep=(2, 1))
        say(f"backup {n}")


def rekey(db: Path, old: str, new: str) -> None:
    from iro_desktop.services.passphrases import change_passphrase

    say("ready")
    change_passphrase(db, old, new)
    say("done")


def main(argv: list[str]) -> None:
    op, db = argv[0], Path(argv[1])
    if op == "save":
        save(db, argv[2], int(argv[3]))
    elif op == "import":
        do_import(db, argv[2], Path(argv[3]))
    elif op == "backup":
        backup(db, argv[2])
    elif op == "rekey":
        rekey(db, argv[2], argv[3])
    else:
        raise SystemExit(f"unknown operation {op}")


if __name__ == "__main__":
    main(sys.argv[1:])
