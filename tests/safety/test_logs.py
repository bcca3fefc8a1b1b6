"""Logs hold no names, dates of birth or free text: a busy session on the demo, then every
demo child's names and dates of birth are looked for in the log folder, the temp folder and
the data folder's files (all but the encrypted caseloads and backups)."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from iro_desktop.logs import PrivacyFormatter, configure_logging, log_event, stop_logging
from iro_desktop.storage.database import DEMO_PASSPHRASE
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

SESSION = Path(__file__).with_name("busy_session.py")
ENCRYPTED = (".iro.db", ".iro-backup", "-journal")


def _record(msg, *args, exc=None, **extra) -> logging.LogRecord:
    record = logging.LogRecord("iro_desktop.x", logging.ERROR, __file__, 1, msg, args, exc)
    record.__dict__.update(extra)
    return record


def test_formatter_writes_events_and_withholds_text():
    fmt = PrivacyFormatter()
    line = fmt.format(_record("child %s", "Zephyrine"))
    assert "Zephyrine" not in line and "message-withheld" in line
    try:
        raise ValueError("Zephyrine Quillfeather 2014-05-06")
    except ValueError:
        line = fmt.format(_record("x", exc=sys.exc_info()))
    assert "Zephyrine" not in line and "2014-05-06" not in line and "error=ValueError" in line
    line = fmt.format(
        _record(
            "e",
            iro_event="backup.taken",
            iro_fields={
                "ref": "DB000123",
                "initials": "ZQ",
                "count": 3,
                "note": "Zephyrine",
                "initials2": "Zephyrine",
            },
        )
    )
    assert "backup.taken" in line and "ref=DB000123" in line and "initials=ZQ" in line
    assert "count=3" in line and "Zephyrine" not in line and "note=<withheld>" in line
    assert (
        fmt.format(_record("e", iro_fields={"ref": "Zephyrine Quillfeather"})).count("<withheld>")
        == 1
    )


def test_configure_logging_writes_a_rotating_file(tmp_path):
    path = configure_logging(tmp_path / "logs")
    try:
        log_event(logging.getLogger("iro_desktop.test"), "test.event", count=2)
        configure_logging(tmp_path / "logs")  # twice: still one handler
        log_event(logging.getLogger("iro_desktop.test"), "test.event", count=3)
    finally:
        stop_logging()
    lines = path.read_text().splitlines()
    assert [line.split()[-1] for line in lines] == ["count=2", "count=3"]


def _demo_people(data: Path) -> tuple[set[str], set[str]]:
    store = open_store(data / "demo-caseload.iro.db", DEMO_PASSPHRASE, is_demo=True)
    rows = raw_db(store).execute(
        "SELECT first_name, last_name, preferred_name, dob FROM children"
    ).fetchall()
    store.close()
    names = {n for first, last, preferred, _ in rows for n in (first, last, preferred) if n}
    dobs = set()
    for *_, dob in rows:
        day = date.fromisoformat(dob)
        dobs |= {dob, f"{day:%d/%m/%Y}", f"{day.day} {day:%B %Y}"}
    return names, dobs


def test_busy_session_leaves_no_names_or_dates_of_birth_behind(tmp_path):
    home = tmp_path / "home"
    temp = tmp_path / "temp"
    temp.mkdir(parents=True)
    env = dict(os.environ)
    env.update(
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        TMPDIR=str(temp),
        TEMP=str(temp),
        TMP=str(temp),
    )
    env.pop("IRO_DESKTOP_PASSPHRASE", None)
    work = tmp_path / "work"
    done = subprocess.run(
        [sys.executable, str(SESSION), str(work)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = home / "data" / "IRO Desktop"
    logs = home / "state" / "IRO Desktop" / "log"
    log_files = list(logs.glob("iro-desktop.log*"))
    assert log_files, "the session wrote a log"
    log_text = "\n".join(p.read_text() for p in log_files)
    for event in ("backup.taken", "subject_access.exported", "purge.done", "message-withheld"):
        assert event in log_text, event
    assert (work / "out" / "sar.docx").exists()

    names, dobs = _demo_people(data)
    assert len(names) > 100 and len(dobs) > 100
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(n) for n in sorted(names | dobs, key=len, reverse=True))
        + r")\b"
    )
    searched = []
    for folder in (logs, temp, data, home / "config", home / "cache"):
        for path in folder.rglob("*") if folder.exists() else ():
            if not path.is_file() or path.name.endswith(ENCRYPTED):
                continue
            searched.append(path)
            text = path.read_bytes().decode("utf-8", "replace")
            found = pattern.findall(text)
            assert not found, f"{path}: {sorted(set(found))[:10]}"
    assert any(p.parent == logs for p in searched)
