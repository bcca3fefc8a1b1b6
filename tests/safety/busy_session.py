"""A busy session on the demo caseload with logging on, run by test_logs.py in its own process
(its data, log and temp folders are the test's). Deliberately also logs the way careless code
would (names in a message, an exception quoting a date of birth) to prove they are withheld.

    python busy_session.py WORK_FOLDER
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from iro_desktop.cli import main as cli
from iro_desktop.exchange.ssda903.write import write_903_csvs
from iro_desktop.logs import configure_logging, get_logger, log_event
from iro_desktop.paths import default_demo_path
from iro_desktop.services import caseload, child, safety
from iro_desktop.services.session import create_demo, open_caseload
from iro_desktop.storage.settings_store import load_settings, save_settings
from tests.raw import raw_db

ON = "2026-11-23"
TODAY = date.fromisoformat(ON)


def main(work: Path) -> None:
    configure_logging()
    create_demo(TODAY)
    store = open_caseload(default_demo_path(), lambda: "")
    caseload.due_list(store, TODAY, 28)
    refs = [o.record.child.child_ref for o in caseload.caseload(store, TODAY)]
    for ref in refs[:10]:
        child.child_detail(store, ref, TODAY)
    first = raw_db(store).execute("SELECT first_name, last_name, dob FROM children").fetchone()
    log = get_logger("iro_desktop.careless")
    log.warning("opened %s %s born %s", *first)
    log.info(f"child {first[0]} {first[1]} ({first[2]})")
    try:
        raise ValueError(f"{first[0]} {first[1]} was born on {first[2]}")
    except ValueError:
        log.exception("failed for %s", first[0])
        log_event(log, "careless.event", 40, ref=first[0] + " " + first[1], note=first[2])
    logging.getLogger("some.library").error("library message about %s", first[1])
    safety.backup_now(store)
    safety.subject_access_export(store, refs[0], work / "out" / "sar.docx", TODAY)
    store.close()

    csv_folder = work / "csv"
    store = open_caseload(default_demo_path(), lambda: "")
    write_903_csvs(store, csv_folder)
    # Retention of 0 months: the demo's archived children are due, so the purge runs.
    save_settings(store, replace(load_settings(store), retention_months_after_archive=0))
    store.close()
    for argv in (
        ["due", "--demo", "--on", ON],
        ["schedule", "--demo", "--on", ON],
        ["import-903", "--demo", "--on", ON, str(csv_folder)],
        ["backup", "--demo", "--on", ON],
        ["backup", "--demo", "--list"],
        ["subject-access", "--demo", "--child", refs[1], "--out", str(work / "out" / "b.docx")],
        ["purge", "--demo", "--on", ON, "--yes"],
        ["due", "--db", str(work / "missing.iro.db")],
    ):
        cli(argv)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
