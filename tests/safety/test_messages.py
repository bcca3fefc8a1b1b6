"""A message, never a traceback (issue 14): a full disk, a read-only folder, a folder where
the caseload should be, an empty caseload with backups beside it. Each says what to do,
leaves nothing behind and quotes no record on stderr.

The full disk and the read-only folder are real: a tiny tmpfs (mounted when the tests run as
root, as CI does; skipped otherwise), and a fault injected at the safe-write helper."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from safety_helpers import PASSPHRASE, add_child

from iro_desktop.cli import main
from iro_desktop.services import safety
from iro_desktop.storage import files
from iro_desktop.storage.backup import list_backups
from iro_desktop.storage.opening import open_store

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAME = "Zephyrine"  # the child's first name: must never reach stderr


def _cli(*argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IRO_DESKTOP_")}
    env.update(PYTHONPATH=str(ROOT), IRO_DESKTOP_PASSPHRASE=PASSPHRASE)
    env["IRO_DESKTOP_NEW_PASSPHRASE"] = "a different long passphrase"
    env["IRO_DESKTOP_HANDOVER_PASSPHRASE"] = "handover passphrase for the next officer"
    return subprocess.run(
        [sys.executable, "-m", "iro_desktop", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )


def _plain(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and SECRET_NAME not in result.stderr
    assert "Something went wrong" not in result.stderr


@pytest.fixture
def tmpfs(tmp_path):
    """Mount a small tmpfs; yield (folder, remount) and unmount after."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    folder = tmp_path / f"mnt-{uuid.uuid4().hex[:6]}"
    folder.mkdir()

    def mount(options: str) -> None:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)])
        if done.returncode != 0:
            pytest.skip("this machine cannot mount a tmpfs")

    def remount(options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True)

    yield folder, mount, remount
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_init_on_a_full_disk_says_so_and_leaves_nothing(tmpfs):
    folder, mount, _ = tmpfs
    mount("size=48k")
    result = _cli("init", "--db", str(folder / "caseload.iro.db"))
    _plain(result)
    assert "disk is full" in result.stderr and "Free some space" in result.stderr
    left = sorted(p.name for p in folder.iterdir())
    assert [name for name in left if not name.endswith(".lock")] == [], left


def test_handover_and_demo_on_a_full_disk_say_so_and_leave_nothing(tmpfs, saved):
    folder, mount, _ = tmpfs
    mount("size=64k")
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to the last byte
        while os.write(fd, b"\0" * 1024):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    handover = _cli(
        "handover", "--db", str(saved), "--child", "S000001", "--out", str(folder / "h.iro")
    )
    _plain(handover)
    assert "disk is full" in handover.stderr
    demo = _cli("demo", "--db", str(folder / "demo.iro.db"))
    _plain(demo)
    assert "disk is full" in demo.stderr
    left = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))
    assert left == ["filler"]


def test_a_read_only_folder_is_said_plainly_and_reads_still_work(tmpfs, tmp_path):
    folder, mount, remount = tmpfs
    mount("size=8m")
    db = folder / "caseload.iro.db"
    store = open_store(db, PASSPHRASE, create=True)
    add_child(store)
    backup = safety.backup_now(store)
    store.close()
    remount("ro")
    for argv in (
        ["passphrase", "--db", str(db)],
        ["restore", "--db", str(db), str(backup.path)],
        ["backup", "--db", str(db)],
    ):
        result = _cli(*argv)
        _plain(result)
        assert "read-only" in result.stderr, (argv, result.stderr)
    due = _cli("due", "--db", str(db), "--on", "2026-11-23")
    assert due.returncode == 0, due.stderr


def test_a_disk_that_fills_during_a_handover_write_is_said(saved, tmp_path, monkeypatch, capsys):
    def full(_path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_fsync", full)  # the fault, injected at the safe-write helper
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("IRO_DESKTOP_HANDOVER_PASSPHRASE", "handover passphrase for the next one")
    out = tmp_path / "out"
    out.mkdir()
    code = main(["handover", "--db", str(saved), "--child", "S000001", "--out", str(out / "h.iro")])
    err = capsys.readouterr().err
    assert code == 1 and SECRET_NAME not in err and "Traceback" not in err
    assert "disk is full" in err and "Free some space" in err
    assert list(out.iterdir()) == []  # no partial file, no half handover


def test_a_folder_where_the_caseload_should_be(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "caseload.iro.db"
    folder.mkdir()
    assert main(["due", "--db", str(folder)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["init", "--db", str(folder)]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_empty_or_missing_caseload_with_backups_names_them_and_init_keeps_them(
    saved, monkeypatch, capsys, how
):
    store = open_store(saved, PASSPHRASE)
    backup = safety.backup_now(store)
    store.close()
    before = [b.path for b in list_backups(saved)]
    if how == "empty":
        saved.write_bytes(b"")
    else:
        saved.unlink()
    monkeypatch.setenv("IRO_DESKTOP_PASSPHRASE", PASSPHRASE)
    assert main(["due", "--db", str(saved)]) == 1
    err = capsys.readouterr().err
    assert f"backup(s) of it are in {backup.path.parent}" in err
    assert f"iro-desktop restore --db {saved} {before[0]}" in err
    assert "init" not in err
    assert main(["init", "--db", str(saved)]) == 1
    assert "No new caseload was created" in capsys.readouterr().err
    assert [b.path for b in list_backups(saved)] == before  # nothing rotated away
    assert main(["restore", "--db", str(saved), str(before[0])]) == 0
    open_store(saved, PASSPHRASE).close()
