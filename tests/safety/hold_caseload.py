"""A second process that holds a caseload open, for the two-process tests:

    python hold_caseload.py DB PASSPHRASE KIND [write SECONDS]

It opens DB as KIND ("app" stands in for the desktop app, "import" for an import), prints
``ready`` and waits until its standard input closes (or it is killed). With ``write SECONDS``
it also holds a write transaction (SQLite's EXCLUSIVE lock) that long, as a long import does.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from iro_desktop.services.session import announce_process, open_with_safety
from tests.raw import raw_db


def main(db: str, passphrase: str, kind: str, *rest: str) -> None:
    announce_process(kind)
    store = open_with_safety(Path(db), passphrase)
    if rest and rest[0] == "write":
        conn = raw_db(store).conn
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE children SET first_name = first_name")
        print("ready", flush=True)
        time.sleep(float(rest[1]))
        conn.execute("COMMIT")
    else:
        print("ready", flush=True)
    sys.stdin.read()
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
