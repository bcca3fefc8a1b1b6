"""Private by default (issue 14): the data folder 0700 and every file the app writes 0600,
whatever the user's umask; LibreOffice gets a minimal environment (no passphrases); partial
files a killed write left behind are removed at the next start and whenever the folder is
written, but never one another process is still writing."""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from safety_helpers import PASSPHRASE, add_child

from iro_desktop.letters import pdf
from iro_desktop.services import session
from iro_desktop.storage import files
from iro_desktop.storage.opening import open_store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _cli(*argv: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("IRO_DESKTOP_", "XDG_"))}
    clean.update(
        PYTHONPATH=str(ROOT),
        IRO_DESKTOP_PASSPHRASE=PASSPHRASE,
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "iro_desktop", *argv],
        capture_output=True,
        text=True,
        env=clean,
        cwd=ROOT,
        timeout=180,
        preexec_fn=lambda: os.umask(0o022),  # a permissive umask, as many desktops have
    )


def test_every_file_the_command_line_writes_is_the_users_alone(tmp_path):
    home = tmp_path / "home"
    folder = tmp_path / "work" / "new folder"
    db = folder / "caseload.iro.db"
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    made = _cli("init", "--db", str(db), home=home)
    assert made.returncode == 0, made.stderr
    store = open_store(db, PASSPHRASE)
    add_child(store, ref="C000001")
    store.close()
    for argv in (
        ["backup", "--db", str(db)],
        ["subject-access", "--db", str(db), "--child", "C000001", "--out", str(out / "s.docx")],
        ["export-903", "--db", str(db), "--all-years", "--anyway", "--out", str(out / "903")],
        ["demo", "--db", str(tmp_path / "work" / "demo.iro.db")],
    ):
        result = _cli(*argv, home=home)
        assert result.returncode == 0, (argv, result.stderr)
    env = {"IRO_DESKTOP_HANDOVER_PASSPHRASE": "handover passphrase for the next officer"}
    handed = _cli(
        "handover",
        "--db",
        str(db),
        "--child",
        "C000001",
        "--out",
        str(out / "h.iro"),
        home=home,
        **env,
    )
    assert handed.returncode == 0, handed.stderr
    assert _mode(folder) == 0o700  # the folder init made for the caseload
    written = [p for p in (tmp_path / "work").rglob("*") if p.is_file()]
    written += [p for p in out.rglob("*") if p.is_file()]
    assert len(written) >= 8
    loose = {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in written if _mode(p) & 0o077}
    assert loose == {}
    folders = [p for p in (tmp_path / "work").rglob("*") if p.is_dir()]
    assert all(_mode(p) == 0o700 for p in folders), {str(p): oct(_mode(p)) for p in folders}


def test_the_guis_new_caseload_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        store = session.create_and_open(tmp_path / "mine" / "caseload.iro.db", PASSPHRASE)
        store.close()
    finally:
        os.umask(old)
    assert _mode(tmp_path / "mine" / "caseload.iro.db") == 0o600
    assert _mode(tmp_path / "mine") == 0o700


def test_a_partial_file_is_private_while_it_is_written(tmp_path):
    old = os.umask(0o022)
    try:
        with files.writing(tmp_path / "letter.docx") as partial:
            assert _mode(partial) == 0o600
            partial.write_bytes(b"about a child")
            assert _mode(partial) == 0o600
    finally:
        os.umask(old)
    assert _mode(tmp_path / "letter.docx") == 0o600


def test_libreoffice_gets_no_passphrase_nor_anything_of_ours(tmp_path, monkeypatch):
    seen = tmp_path / "env.txt"
    fake = tmp_path / "soffice"
    fake.write_text(
        "#!/bin/sh\n"
        f"env > '{seen}'\n"
        'for a in "$@"; do last="$a"; done\n'
        'out="${last%.docx}.pdf"\n'
        ': > "$out"\n'
    )
    fake.chmod(0o700)
    monkeypatch.setenv("IRO_DESKTOP_SOFFICE", str(fake))
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", "the caseload passphrase")
    monkeypatch.setenv("IRO_DESKTOP_HANDOVER_PASSPHRASE", "the handover passphrase")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not for LibreOffice")
    docx = tmp_path / "letter.docx"
    docx.write_bytes(b"x")
    made = pdf.convert_to_pdf(docx)
    assert made.exists() and _mode(made) == 0o600
    env = seen.read_text()
    assert "passphrase" not in env
    assert "IRO_DESKTOP" not in env and "AWS_SECRET" not in env
    assert "PATH=" in env


def test_leftover_partials_go_at_the_next_start_and_when_the_folder_is_written(tmp_path):
    home = tmp_path / "home"
    data = home / "data" / "IRO Desktop"
    data.mkdir(parents=True)
    leftover = data / ".Zephyrine Q letter.docx.partial"  # a kill during a document write
    leftover.write_bytes(b"name, date of birth, placement")
    result = _cli("due", "--demo", "--on", "2026-11-23", home=home)
    assert result.returncode == 0, result.stderr
    assert not leftover.exists()
    # ... and when another file is written to a folder that has one.
    documents = tmp_path / "documents"
    documents.mkdir()
    stale = documents / ".old letter.docx.partial"
    stale.write_bytes(b"x")
    files.write_text(documents / "new.txt", "hello")
    assert not stale.exists()


def test_a_partial_file_another_process_is_writing_is_left_alone(tmp_path):
    busy = tmp_path / ".being-written.docx.partial"
    busy.write_bytes(b"x")
    code = (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(busy)!r}, os.O_RDWR)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "ready"
        assert files.remove_leftover_partials(tmp_path) == []
        assert busy.exists()
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)
    assert files.remove_leftover_partials(tmp_path) == [busy]
    assert fcntl  # the lock the writer holds is flock(2), as storage.files takes it
