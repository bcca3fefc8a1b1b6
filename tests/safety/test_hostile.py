"""Hostile files: every importer (903 CSVs, restore of a backup, the spreadsheet tracker, the
handover bundle) is fed hypothesis-generated and hand-made bad inputs: random bytes,
truncated files, huge fields, a 100,000-row file, wrong encodings, formula cells. Each either
imports or refuses with its module's UserError; never another exception, never a hang (an
alarm stops a slow one), and a refusal leaves every row of the caseload as it was."""

from __future__ import annotations

import csv
import hashlib
import random
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_helpers import FIXTURE_903, PASSPHRASE, add_child, table_dump

from iro_desktop.errors import UserError
from iro_desktop.exchange import handover
from iro_desktop.exchange import spreadsheet as sheets
from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.handover.bundle import seal
from iro_desktop.exchange.ssda903.read import import_903
from iro_desktop.storage.backup import BadBackup, restore_backup, take_backup
from iro_desktop.storage.database import Store
from iro_desktop.storage.opening import open_store

TODAY = date(2026, 11, 23)
LIMIT = 45  # seconds: anything slower counts as a hang
FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    "=cmd|' /C calc'!A0",
]
HOSTILE = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int = LIMIT) -> Iterator[None]:
    def stop(signum, frame):
        raise Hang(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def attempt(store: Store, action: Callable[[], object], refused_as: type[UserError]) -> str:
    """Run ``action``: "accepted", or "refused" with ``refused_as`` and nothing written."""
    before = table_dump(store)
    with time_limit():
        try:
            action()
        except refused_as:
            after = table_dump(store)
            assert after == before, "a refused file changed the caseload"
            return "refused"
    return "accepted"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("hostile") / "caseload.iro.db"
    opened = open_store(path, PASSPHRASE, create=True)
    add_child(opened, ref="H000001")
    yield opened
    opened.close()


# --- 903 CSVs --------------------------------------------------------------------------------

FILES_903 = ("header.csv", "episodes.csv", "reviews.csv", "uasc.csv")


def _folder_903(tmp_path: Path) -> Path:
    folder = Path(tempfile.mkdtemp(dir=tmp_path)) / "903"
    shutil.copytree(FIXTURE_903, folder)
    return folder


def _import(store: Store, folder: Path) -> str:
    return attempt(store, lambda: import_903(store, folder, today=TODAY), Bad903File)


def _rows(header: str, row: str, n: int, last: str) -> bytes:
    return (header + "\n" + "".join(row.format(i=i) + "\n" for i in range(n)) + last).encode()


HEADER = (FIXTURE_903 / "header.csv").read_text().splitlines()[0]
HAND_MADE_903 = {
    "random bytes": {"header.csv": bytes(random.Random(1).randrange(256) for _ in range(5000))},
    "empty": {"episodes.csv": b""},
    "truncated": {
        name: (FIXTURE_903 / name).read_bytes()[: len((FIXTURE_903 / name).read_bytes()) // 2]
        for name in FILES_903
    },
    "huge field": {"header.csv": (HEADER + "\nC999," + "1" * 5_000_000 + ",01/01/2015\n").encode()},
    "huge quoted field": {"reviews.csv": b'CHILD,DOB,REVIEW,REVIEW_CODE\n"' + b"x" * 3_000_000},
    "100,000 rows, the last one bad": {
        "header.csv": _rows(
            HEADER, "X{i:06d},1,12/05/2015,WBRI,,,", 100_000, "Z1,1,31/02/2015,WBRI,,,\n"
        )
    },
    "utf-16": {"header.csv": (FIXTURE_903 / "header.csv").read_text().encode("utf-16")},
    "windows-1252": {"header.csv": (HEADER + "\nC009,1,12/05/2015,WBRI,Ré,,\n").encode("cp1252")},
    "formula cells": {
        "header.csv": (
            HEADER + "\n" + "".join(f'"{f}",1,12/05/2015,WBRI,"{f}",,\n' for f in FORMULAS)
        ).encode()
    },
    "10,000 columns": {"reviews.csv": (",".join(f"C{i}" for i in range(10_000)) + "\n").encode()},
    "a million commas": {"episodes.csv": b"CHILD,DECOM\n" + b"," * 1_000_000},
    "excel workbook": {"header.csv": b"PK\x03\x04" + bytes(2000)},
}


@pytest.mark.parametrize("case", list(HAND_MADE_903))
def test_903_hand_made_bad_files(store, tmp_path, case):
    folder = tmp_path / "903"
    shutil.copytree(FIXTURE_903, folder)
    for name, data in HAND_MADE_903[case].items():
        (folder / name).write_bytes(data)
    started = time.monotonic()
    outcome = _import(store, folder)
    if case != "formula cells":
        assert outcome == "refused", case
    assert time.monotonic() - started < LIMIT


def test_903_bare_carriage_return_in_a_non_utf8_file(store, tmp_path):
    folder = _folder_903(tmp_path)
    (folder / "header.csv").write_bytes(b"CHILD\r,DOB\x80\n")
    _import(store, folder)


@HOSTILE
@given(name=st.sampled_from(FILES_903), data=st.binary(max_size=4000))
def test_903_random_bytes(store, tmp_path, name, data):
    folder = _folder_903(tmp_path)
    (folder / name).write_bytes(data)
    _import(store, folder)


@HOSTILE
@given(
    name=st.sampled_from(FILES_903),
    edits=st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.binary(max_size=6)), max_size=8
    ),
)
def test_903_mutated_files(store, tmp_path, name, edits):
    folder = _folder_903(tmp_path)
    data = bytearray((folder / name).read_bytes())
    for at, cut, insert in edits:
        at %= len(data) + 1
        data[at : at + cut] = insert
    (folder / name).write_bytes(bytes(data))
    _import(store, folder)


@HOSTILE
@given(
    cells=st.lists(
        st.lists(
            st.one_of(st.text(max_size=30), st.sampled_from(FORMULAS), st.just("31/02/2015")),
            min_size=7,
            max_size=7,
        ),
        max_size=20,
    )
)
def test_903_structured_junk(store, tmp_path, cells):
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER.split(","))
    writer.writerows(cells)
    folder = _folder_903(tmp_path)
    (folder / "header.csv").write_text(buffer.getvalue(), encoding="utf-8")
    _import(store, folder)


# --- restore ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def backup_file(store) -> Path:
    return take_backup(store, "manual").path


def _folder_state(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def _restore(tmp_path: Path, offered: bytes, backup_file: Path) -> str:
    target_dir = Path(tempfile.mkdtemp(dir=tmp_path))
    target = target_dir / "caseload.iro.db"
    shutil.copyfile(backup_file, target)
    offered_path = Path(tempfile.mkdtemp(dir=tmp_path)) / "offered.iro-backup"
    offered_path.write_bytes(offered)
    before = _folder_state(target_dir)
    with time_limit():
        try:
            restore_backup(target, offered_path, PASSPHRASE)
        except BadBackup:
            assert _folder_state(target_dir) == before, "a refused backup changed something"
            return "refused"
    open_store(target, PASSPHRASE).close()
    return "accepted"


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=20_000))
def test_restore_random_bytes(tmp_path, backup_file, data):
    assert _restore(tmp_path, data, backup_file) == "refused"


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(1, 255)), min_size=1, max_size=4),
    cut=st.one_of(st.none(), st.integers(1, 10**7)),
)
def test_restore_damaged_or_truncated_backups(tmp_path, backup_file, flips, cut):
    data = bytearray(backup_file.read_bytes())
    for at, xor in flips:
        data[at % len(data)] ^= xor
    if cut is not None:
        data = data[: cut % len(data)]
    changed = bytes(data) != backup_file.read_bytes()  # two flips of one byte cancel out
    assert _restore(tmp_path, bytes(data), backup_file) == ("refused" if changed else "accepted")


def test_restore_hand_made_bad_files(tmp_path, backup_file):
    good = backup_file.read_bytes()
    for offered in (
        b"",
        good[:4096],
        good[: len(good) - 100],
        good + b"\x00" * 100,  # not a whole number of pages
        b"SQLite format 3\x00" + bytes(4080),
        (b"x" * 1_000_000),
        "Zephyrine Quillfeather,2014-05-06\n".encode("utf-16"),
    ):
        assert _restore(tmp_path, offered, backup_file) == "refused"
    assert _restore(tmp_path, good, backup_file) == "accepted"


def test_restore_of_a_fifo_does_not_hang(tmp_path, backup_file):
    import os

    fifo = tmp_path / "pipe.iro-backup"
    os.mkfifo(fifo)
    target = tmp_path / "caseload.iro.db"
    with time_limit(10), pytest.raises(BadBackup):
        restore_backup(target, fifo, PASSPHRASE)


# --- the spreadsheet tracker -----------------------------------------------------------------

SHEET_HEADER = "Child ref,First name,Surname,DOB,Date looked after,Last review,Participation"


def _sheet_pipeline(store: Store, path: Path) -> Callable[[], object]:
    def run() -> object:
        sheet = sheets.read_sheet(path)
        mapping = sheets.propose_mapping(sheet).mapping
        preview = sheets.preview_import(store, sheet, mapping, TODAY)
        return sheets.import_sheet(store, preview)

    return run


def _sheet(store: Store, tmp_path: Path, name: str, data: bytes) -> str:
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / name
    path.write_bytes(data)
    return attempt(store, _sheet_pipeline(store, path), sheets.BadSpreadsheet)


def _xlsx(rows: list[list[object]]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD_XLSX = _xlsx(
    [SHEET_HEADER.split(","), ["S100001", "Ada", "Byron", "05/03/2015", "01/02/2024", "", ""]]
)
HAND_MADE_SHEETS = {
    "random.csv": bytes(random.Random(2).randrange(256) for _ in range(5000)),
    "random.xlsx": bytes(random.Random(3).randrange(256) for _ in range(5000)),
    "truncated.xlsx": GOOD_XLSX[: len(GOOD_XLSX) // 2],
    "empty.csv": b"",
    "huge-field.csv": (SHEET_HEADER + "\nS1," + "A" * 5_000_000 + ",B,05/03/2015,,,\n").encode(),
    "100000-rows.csv": _rows(
        SHEET_HEADER, "R{i:06d},Ann,Lee,05/03/2015,,,", 100_000, "R999999,Ann,Lee,31/02/2015,,,\n"
    ),
    "utf-16-no-bom.csv": SHEET_HEADER.encode("utf-16-le"),
    "windows-1252.csv": (SHEET_HEADER + "\nS2,Zoë,Brontë,05/03/2015,,,\n").encode("cp1252"),
    "formulas.csv": (
        SHEET_HEADER
        + "\n"
        + "".join(f'S3{i},"{f}","{f}",05/03/2015,,,\n' for i, f in enumerate(FORMULAS))
    ).encode(),
    "formulas.xlsx": _xlsx(
        [SHEET_HEADER.split(",")]
        + [[f"S4{i}", f, "=A2&B2", "=TODAY()", "", "", ""] for i, f in enumerate(FORMULAS)]
    ),
    "old-excel.xls": b"\xd0\xcf\x11\xe0" + bytes(4000),
    "zip-not-xlsx.xlsx": b"PK\x03\x04" + bytes(4000),
}


@pytest.mark.parametrize("name", list(HAND_MADE_SHEETS))
def test_spreadsheet_hand_made_bad_files(store, tmp_path, name):
    started = time.monotonic()
    _sheet(store, tmp_path, name, HAND_MADE_SHEETS[name])
    assert time.monotonic() - started < LIMIT


def test_spreadsheet_csv_that_starts_like_a_zip(store, tmp_path):
    _sheet(store, tmp_path, "tracker.csv", b"PK\x03\x04")


@HOSTILE
@given(suffix=st.sampled_from([".csv", ".xlsx", ".txt"]), data=st.binary(max_size=4000))
def test_spreadsheet_random_bytes(store, tmp_path, suffix, data):
    _sheet(store, tmp_path, "tracker" + suffix, data)


@HOSTILE
@given(
    cells=st.lists(
        st.lists(
            st.one_of(
                st.text(max_size=20),
                st.sampled_from(FORMULAS),
                st.sampled_from(["3/4/2025", "31/02/2025", "99/99/99", "PN9", "S1"]),
            ),
            min_size=7,
            max_size=7,
        ),
        max_size=15,
    ),
    as_xlsx=st.booleans(),
)
def test_spreadsheet_structured_junk(store, tmp_path, cells, as_xlsx):
    import io

    from openpyxl.utils.exceptions import IllegalCharacterError

    if as_xlsx:
        clean = [[c.replace("\x00", "") for c in row] for row in cells]
        try:
            data = _xlsx([SHEET_HEADER.split(","), *clean])
        except IllegalCharacterError:  # control characters: not a file Excel makes
            return
        _sheet(store, tmp_path, "tracker.xlsx", data)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(SHEET_HEADER.split(","))
        writer.writerows(cells)
        _sheet(store, tmp_path, "tracker.csv", buffer.getvalue().encode("utf-8"))


# --- the handover bundle ---------------------------------------------------------------------

BUNDLE_PASSPHRASE = "handover passphrase"


@pytest.fixture(scope="module")
def bundle_bytes(tmp_path_factory) -> bytes:
    source_path = tmp_path_factory.mktemp("bundle") / "source.iro.db"
    source = open_store(source_path, PASSPHRASE, create=True)
    add_child(source, ref="B000001", first="Bundled")
    out = source_path.with_name("b.iro")
    handover.write_handover(source, ["B000001"], out, BUNDLE_PASSPHRASE)
    source.close()
    return out.read_bytes()


def _receive(store: Store, tmp_path: Path, data: bytes, passphrase: str = BUNDLE_PASSPHRASE) -> str:
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "in.iro"
    path.write_bytes(data)
    refused = (handover.HandoverRefused, handover.HandoverError)
    return attempt(
        store,
        lambda: handover.receive_bundle(store, handover.open_bundle(path, passphrase)),
        refused,  # type: ignore[arg-type]
    )


def test_handover_hand_made_bad_files(store, tmp_path, bundle_bytes):
    good = bundle_bytes
    cases = {
        "random": bytes(random.Random(4).randrange(256) for _ in range(5000)),
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "header only": good[:56],
        "one byte changed": good[:60] + bytes([good[60] ^ 1]) + good[61:],
        "huge": good + b"\x00" * 5_000_000,
    }
    for name, data in cases.items():
        assert _receive(store, tmp_path, data) == "refused", name
    assert _receive(store, tmp_path, good, "wrong passphrase!") == "refused"
    assert _receive(store, tmp_path, good) == "accepted"


def test_handover_costly_key_settings_are_refused(store, tmp_path, bundle_bytes):
    import struct

    data = bundle_bytes[:8] + struct.pack("!BBBB", 1, 20, 16, 4) + bundle_bytes[12:]
    assert _receive(store, tmp_path, data) == "refused"


HOSTILE_PAYLOADS = {
    "rows not objects": {"tables": {"children": [1, "x", None]}},
    "table name injection": {"tables": {'children]; DROP TABLE "contacts': [{"id": 1}]}},
    "column name injection": {"tables": {"children": [{"id": 1, 'x"; DROP TABLE contacts': 1}]}},
    "missing required values": {"tables": {"children": [{"id": 1}]}},
    "wrong types": {"tables": {"children": [{"id": [], "child_ref": {"a": 1}, "dob": 5}]}},
    "100,000 rows": {
        "tables": {
            "children": [
                {"id": i, "child_ref": f"Q{i}", "dob": "2015-01-01", "created_at": "x"}
                for i in range(100_000)
            ]
            + [{"id": -1}]
        }
    },
    "history not objects": {"change_log": [1, 2, 3]},
}


@pytest.mark.parametrize(
    "case",
    [case for case in HOSTILE_PAYLOADS],
)
def test_handover_hostile_payload_well_sealed(store, tmp_path, case):
    payload = {
        "format": "iro-desktop-handover",
        "children": ["B000001"],
        "tables": {},
        "change_log": [],
        "made_at": "2026-11-23",
        **HOSTILE_PAYLOADS[case],
    }
    data = seal(payload, BUNDLE_PASSPHRASE)
    _receive(store, tmp_path, data)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=3000))
def test_handover_random_bytes(store, tmp_path, data):
    assert _receive(store, tmp_path, data) == "refused"


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(at=st.integers(0, 10**6), xor=st.integers(1, 255))
def test_handover_flipped_byte(store, tmp_path, bundle_bytes, at, xor):
    data = bytearray(bundle_bytes)
    data[at % len(data)] ^= xor
    assert _receive(store, tmp_path, bytes(data)) == "refused"


# --- small files that unpack to far more: refused within seconds and a few hundred MB ---------

MEMORY_MB = 600  # the address space the reading process may have (Python itself takes ~250)
_BOUNDED_READ = """
import resource, sys, time
limit = int(sys.argv[4]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from pathlib import Path
from iro_desktop.errors import UserError
kind, path = sys.argv[1], Path(sys.argv[2])
started = time.monotonic()
try:
    if kind == "sheet":
        from iro_desktop.exchange.spreadsheet import read_sheet
        read_sheet(path)
    else:
        from iro_desktop.exchange.handover import open_bundle
        open_bundle(path, sys.argv[3])
    print("read")
except UserError as error:
    print("refused:", str(error).replace(chr(10), " "))
print(time.monotonic() - started)
"""


def _bounded_read(kind: str, path: Path, passphrase: str = "") -> tuple[str, float]:
    """Read ``path`` in a child process limited to MEMORY_MB of address space: its outcome
    ("read" or "refused: message") and the seconds it took."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _BOUNDED_READ, kind, str(path), passphrase, str(MEMORY_MB)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    outcome, seconds = done.stdout.strip().splitlines()[-2:]
    return outcome, float(seconds)


@pytest.mark.parametrize(
    ("name", "make", "why"),
    [
        ("far-cell.xlsx", "far_cell_xlsx", "reaches to cell XFD1048576"),
        ("merged-bomb.xlsx", "merged_bomb_xlsx", "merged range reaches to cell XFD1048576"),
        ("zip-bomb.xlsx", "zip_bomb_xlsx", "MB once unpacked"),
    ],
)
def test_small_workbooks_that_unpack_to_billions_are_refused_quickly(tmp_path, name, make, why):
    import bombs

    data = getattr(bombs, make)()
    assert len(data) < (4 * 1024 * 1024 if make == "zip_bomb_xlsx" else 2000)
    (tmp_path / name).write_bytes(data)
    outcome, seconds = _bounded_read("sheet", tmp_path / name)
    assert outcome.startswith("refused:") and why in outcome, outcome
    assert seconds < 10


def test_a_handover_bomb_is_refused_quickly(tmp_path):
    import bombs

    data = bombs.handover_bomb(BUNDLE_PASSPHRASE)
    assert len(data) < 3 * 1024 * 1024
    (tmp_path / "bomb.iro").write_bytes(data)
    outcome, seconds = _bounded_read("handover", tmp_path / "bomb.iro", BUNDLE_PASSPHRASE)
    assert outcome.startswith("refused:") and "MB once unpacked" in outcome, outcome
    assert seconds < 10


def test_real_files_are_read_under_the_same_limit(tmp_path, bundle_bytes):
    """The limit is not what refuses the bombs: a good workbook and a good handover are read."""
    (tmp_path / "good.xlsx").write_bytes(GOOD_XLSX)
    assert _bounded_read("sheet", tmp_path / "good.xlsx")[0] == "read"
    (tmp_path / "good.iro").write_bytes(bundle_bytes)
    assert _bounded_read("handover", tmp_path / "good.iro", BUNDLE_PASSPHRASE)[0] == "read"
