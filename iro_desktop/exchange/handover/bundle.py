"""The handover bundle: the full records of chosen children, encrypted for the next IRO.

**What is in it**: for each child, every row of every table that hangs off the child (found
from the schema's foreign keys: people, episodes, reviews and their parts, decisions and their
updates, meetings, contacts, midpoint checks, challenges and their stages, and a ``letters``
table's rows, its metadata, when there is one), and every ``change_log`` entry of those rows.
Settings and other children are never included.

**The file** (``.iro``)::

    magic "IROHAND\\0" (8) | version (1) | log2 N (1) | r (1) | p (1) | salt (16) | nonce (12)
    | key check (16) | AES-256-GCM ciphertext of the zlib-compressed JSON, with its 16-byte tag

The key comes from the handover passphrase with scrypt (N = 2**15, r = 8, p = 1 by default;
files asking for less than that, or absurdly more, are refused). scrypt gives 64 bytes: the
first 32 are the AES key, the last 32 key an HMAC-SHA256 whose first 16 bytes are the "key
check", so that a wrong passphrase is told apart from a changed file. The whole 56-byte
header is the GCM associated data: changing any byte of the file, or cutting it short, is
detected, and the file is refused before anything is written.

**Receiving** is idempotent: rows are matched on natural keys (a child on ``child_ref``; an
episode on (child, DECOM); a review on (child, its first part's date), or (child, booked
date) for one not yet held; a part on (review, date); a decision on (child, review, what);
a decision update on (decision, date, kind, note); a meeting on (child, date); a contact on
(child, date, kind); a midpoint check on (child, date); a challenge on (child, theme, created
at); a stage on (challenge, stage, raised on); a person on (child, role, name); a letter on
(child, review, kind, version, language, date written); any other
table on (owner, created at)). A matched row is brought up to the bundle's values except
where the receiving IRO changed the field in the app (listed as a conflict); history entries
already present are not added again. However often the same bundle is received, nothing is
duplicated.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import struct
import unicodedata
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from iro_desktop.exchange.errors import ExchangeError
from iro_desktop.exchange.ssda903.read import Conflict
from iro_desktop.storage import history
from iro_desktop.storage.backup import KIND_PRE_IMPORT, backup_before_change
from iro_desktop.storage.database import SQLCIPHER_ERRORS, Store
from iro_desktop.storage.history import SOURCE_APP, now_stamp
from iro_desktop.storage.migrations import SCHEMA_VERSION

__all__ = [
    "BUNDLE_SUFFIX",
    "SOURCE_HANDOVER",
    "Bundle",
    "HandoverError",
    "HandoverRefused",
    "ReceiveReport",
    "open_bundle",
    "receive_bundle",
    "suggested_file_name",
    "write_handover",
]

SOURCE_HANDOVER = "handover"
BUNDLE_SUFFIX = ".iro"
MAGIC = b"IROHAND\x00"
VERSION = 1
FORMAT = "iro-desktop-handover"
_HEADER = struct.Struct("!8sBBBB16s12s16s")
HEADER_SIZE = _HEADER.size  # 56
TAG_SIZE = 16
LOG2_N, R, P = 15, 8, 1
_LIMITS = {"log2n": (15, 20), "r": (8, 16), "p": (1, 4)}
SCRYPT_MAXMEM = 256 * 1024 * 1024


def _scrypt_memory(log2n: int, r: int, p: int) -> int:
    """What scrypt needs for these settings (OpenSSL's own estimate, with room to spare)."""
    return 128 * r * (2**log2n + p + 2) + 1024 * 1024


MIN_PASSPHRASE = 8

# Tables that are never part of a child's record.
_NOT_CHILD_TABLES = {"settings", "change_log", "_sqlite_migrations"}
# References the schema does not declare as foreign keys.
_EXTRA_REFERENCES = {("decision_updates", "midpoint_check_id"): "midpoint_checks"}
_STAMPS = ("created_at", "updated_at")

NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "children": ("child_ref",),
    "people": ("child_id", "role", "name"),
    "episodes": ("child_id", "decom"),
    "review_parts": ("review_id", "held_on"),
    "decisions": ("child_id", "review_id", "what"),
    "decision_updates": ("decision_id", "on_date", "kind", "note"),
    "pre_review_meetings": ("child_id", "held_on"),
    "contacts": ("child_id", "on", "kind"),
    "midpoint_checks": ("child_id", "done_on"),
    "challenges": ("child_id", "theme", "created_at"),
    "challenge_stages": ("challenge_id", "stage", "raised_on"),
    "letters": ("child_id", "review_id", "kind", "version", "language", "written_on"),
}


class HandoverError(ExchangeError):
    """A handover could not be made (nothing was written)."""


class HandoverRefused(ExchangeError):
    """A handover file was refused: wrong passphrase, changed, cut short or not one at all.
    Nothing was imported."""


# --- the schema ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    refs: dict[str, str]  # column -> referenced table
    owner: str | None  # the NOT NULL reference that ties a row to its parent (None: children)


def _schema(store: Store) -> dict[str, _Table]:
    """The tables of a child's record, parents before the rows that refer to them."""
    db = store.db
    names = [
        r["name"]
        for r in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if r["name"] not in _NOT_CHILD_TABLES
    ]
    tables: dict[str, _Table] = {}
    for name in names:
        info = list(db.conn.execute(f"PRAGMA table_info([{name}])"))
        columns = tuple(row[1] for row in info)
        not_null = {row[1] for row in info if row[3]}
        refs = {row[3]: row[2] for row in db.conn.execute(f"PRAGMA foreign_key_list([{name}])")}
        for (table, column), target in _EXTRA_REFERENCES.items():
            if table == name and column in columns:
                refs[column] = target
        # A row belongs to its child (children.id), else to its NOT NULL parent.
        owner = next((c for c, t in refs.items() if t == "children"), None) or next(
            (c for c in refs if c in not_null), None
        )
        tables[name] = _Table(name, columns, refs, owner)
    # Only tables tied to a child, directly or through their owner.
    tied = {"children"} if "children" in tables else set()
    changed = True
    while changed:
        changed = False
        for t in tables.values():
            if t.name not in tied and t.owner and t.refs[t.owner] in tied:
                tied.add(t.name)
                changed = True
    ordered: list[str] = []
    pending = sorted(tied)
    while pending:
        progress = False
        for name in list(pending):
            deps = {v for v in tables[name].refs.values() if v in tied and v != name}
            if deps <= set(ordered):
                ordered.append(name)
                pending.remove(name)
                progress = True
        if not progress:  # a cycle: keep the rest in name order
            ordered.extend(pending)
            break
    return {name: tables[name] for name in ordered}


# --- making a bundle -------------------------------------------------------------------------


def _rows(store: Store, table: str, column: str, ids: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        out.extend(
            store.db.query(
                f"SELECT * FROM [{table}] WHERE [{column}] IN ({marks}) ORDER BY id", chunk
            )
        )
    return out


def _collect(store: Store, child_refs: list[str]) -> dict[str, Any]:
    schema = _schema(store)
    refs = list(dict.fromkeys(child_refs))
    children = _rows(store, "children", "child_ref", refs)
    found = {c["child_ref"] for c in children}
    missing = [r for r in refs if r not in found]
    if missing:
        raise HandoverError(
            "No child with the reference " + ", ".join(missing) + " in this caseload; nothing "
            "was written. Check the reference (the council's child id)."
        )
    tables: dict[str, list[dict[str, Any]]] = {"children": children}
    for name, table in schema.items():
        if name == "children":
            continue
        parent_ids = [r["id"] for r in tables.get(table.refs[table.owner], [])]  # type: ignore[index]
        tables[name] = _rows(store, name, table.owner, parent_ids) if parent_ids else []  # type: ignore[arg-type]
    log: list[dict[str, Any]] = []
    for name, rows in tables.items():
        ids = [r["id"] for r in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            log.extend(
                store.db.query(
                    f"SELECT table_name, row_id, action, field, old, new, changed_at, source "
                    f"FROM change_log WHERE table_name = ? AND row_id IN ({marks}) ORDER BY id",
                    [name, *chunk],
                )
            )
    return {
        "format": FORMAT,
        "version": VERSION,
        "made_at": now_stamp(),
        "schema_version": SCHEMA_VERSION,
        "children": refs,
        "tables": tables,
        "change_log": log,
    }


def _derive(passphrase: str, salt: bytes, log2n: int, r: int, p: int) -> tuple[bytes, bytes]:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    out = hashlib.scrypt(secret, salt=salt, n=2**log2n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=64)
    return out[:32], out[32:]


def _check(check_key: bytes, head: bytes) -> bytes:
    return hmac.new(check_key, b"iro-handover-key-check\x00" + head, hashlib.sha256).digest()[:16]


def seal(payload: dict[str, Any], passphrase: str, *, log2n: int = LOG2_N) -> bytes:
    """The encrypted bundle for ``payload`` (see the module's docstring for the layout)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise HandoverError(
            f"Choose a handover passphrase of at least {MIN_PASSPHRASE} characters (a short "
            "sentence is best), and give it to the next IRO separately from the file."
        )
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key, check_key = _derive(passphrase, salt, log2n, R, P)
    head = _HEADER.pack(MAGIC, VERSION, log2n, R, P, salt, nonce, b"\x00" * 16)[:40]
    header = head + _check(check_key, head)
    plain = zlib.compress(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6
    )
    return header + AESGCM(key).encrypt(nonce, plain, header)


def write_handover(
    store: Store, child_refs: list[str], out: Path, passphrase: str, *, log2n: int = LOG2_N
) -> Bundle:
    """Write the chosen children's full records to ``out``, encrypted with ``passphrase``.

    The file is written beside ``out`` and moved into place; an existing file is never
    replaced."""
    if not child_refs:
        raise HandoverError("Choose at least one child to hand over (--child REF).")
    out = Path(out)
    if out.exists():
        raise HandoverError(f"{out} already exists; nothing was written. Choose another file name.")
    payload = _collect(store, child_refs)
    data = seal(payload, passphrase, log2n=log2n)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, out)
    return Bundle(out.name, payload)


def suggested_file_name(store: Store, child_refs: list[str], on: date) -> str:
    """A file name with no personal data beyond initials and the child's reference."""
    if len(child_refs) == 1:
        row = next(
            store.db.query(
                "SELECT first_name, last_name FROM children WHERE child_ref = ?", [child_refs[0]]
            ),
            None,
        )
        initials = ""
        if row is not None:
            initials = "".join(p[:1].upper() for p in (row["first_name"], row["last_name"]) if p)
        safe_ref = "".join(ch for ch in child_refs[0] if ch.isalnum() or ch in "-_")
        stem = "-".join(p for p in ("handover", initials, safe_ref) if p)
    else:
        stem = f"handover-{len(child_refs)}-children"
    return f"{stem}-{on.isoformat()}{BUNDLE_SUFFIX}"


# --- opening a bundle ------------------------------------------------------------------------


@dataclass
class Bundle:
    """A handover file, opened and checked: what it holds, ready to receive."""

    name: str
    payload: dict[str, Any]

    @property
    def children(self) -> list[str]:
        return list(self.payload["children"])

    @property
    def made_at(self) -> str:
        return str(self.payload.get("made_at", ""))

    def counts(self) -> dict[str, int]:
        return {t: len(rows) for t, rows in self.payload["tables"].items()}

    def summary(self) -> list[dict[str, str]]:
        """For a preview: each child's reference and initials (no names)."""
        out = []
        for row in self.payload["tables"].get("children", []):
            initials = "".join(
                str(p)[:1].upper() for p in (row.get("first_name"), row.get("last_name")) if p
            )
            out.append({"child": row["child_ref"], "initials": initials})
        return out


def _refuse(name: str, what: str) -> HandoverRefused:
    return HandoverRefused(f"{name}: {what} Nothing was imported.")


def open_bundle(path: Path, passphrase: str) -> Bundle:
    """Decrypt and check a handover file. Raises HandoverRefused; never writes anything."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _refuse(path.name, f"the file cannot be read ({error.strerror}).") from error
    return unseal(path.name, data, passphrase)


def unseal(name: str, data: bytes, passphrase: str) -> Bundle:
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise _refuse(
            name,
            "this is not an IRO Desktop handover file. Choose the .iro file the other IRO "
            "sent you.",
        )
    if len(data) < HEADER_SIZE + TAG_SIZE:
        raise _refuse(
            name,
            "the file is cut short (it is smaller than a handover file can be). Ask for it "
            "to be sent again.",
        )
    _, version, log2n, r, p, salt, nonce, check = _HEADER.unpack(data[:HEADER_SIZE])
    if version != VERSION:
        raise _refuse(
            name,
            f"the file is handover format {version}; this version of IRO Desktop reads "
            f"format {VERSION}. Install the newer version of IRO Desktop to receive it.",
        )
    for label, value in (("log2n", log2n), ("r", r), ("p", p)):
        low, high = _LIMITS[label]
        if not low <= value <= high or _scrypt_memory(log2n, r, p) > SCRYPT_MAXMEM:
            raise _refuse(
                name, "the file's key settings are not ones IRO Desktop makes; it was changed."
            )
    key, check_key = _derive(passphrase, salt, log2n, r, p)
    head = data[:40]
    if not hmac.compare_digest(_check(check_key, head), check):
        raise _refuse(
            name,
            "that passphrase does not open this handover file (or its first bytes were "
            "changed). Check the passphrase with the IRO who sent it, mind Caps Lock, and "
            "try again.",
        )
    try:
        plain = AESGCM(key).decrypt(nonce, data[HEADER_SIZE:], data[:HEADER_SIZE])
    except InvalidTag:
        raise _refuse(
            name,
            "the passphrase is right but the file was changed, damaged or cut short after it "
            "was made. Ask for it to be sent again.",
        ) from None
    try:
        payload = json.loads(zlib.decompress(plain).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        raise _refuse(name, "the file's contents cannot be read.") from None
    if (
        not isinstance(payload, dict)
        or payload.get("format") != FORMAT
        or not isinstance(payload.get("tables"), dict)
        or not isinstance(payload.get("change_log"), list)
        or not isinstance(payload.get("children"), list)
        or not all(isinstance(rows, list) for rows in payload["tables"].values())
    ):
        raise _refuse(name, "the file does not hold a handover IRO Desktop can read.")
    return Bundle(name, payload)


# --- receiving -------------------------------------------------------------------------------


@dataclass
class ReceiveReport:
    children: list[str]
    added: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    history_added: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) or sum(self.updated.values()) or self.history_added)

    def as_json(self) -> dict[str, Any]:
        return {
            "children": list(self.children),
            "added": dict(self.added),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "history_added": self.history_added,
            "conflicts": [vars(c) for c in self.conflicts],
            "notes": list(self.notes),
            "changed": self.changed,
        }

    def summary_lines(self) -> list[str]:
        lines = [f"Received {len(self.children)} child(ren): {', '.join(self.children)}."]
        tables = sorted(set(self.added) | set(self.updated) | set(self.unchanged))
        for t in tables:
            lines.append(
                f"  {t}: {self.added.get(t, 0)} added, {self.updated.get(t, 0)} updated, "
                f"{self.unchanged.get(t, 0)} already here"
            )
        if not self.changed:
            lines.append("Everything in the file was already in this caseload: nothing changed.")
        if self.conflicts:
            lines.append(f"{len(self.conflicts)} value(s) you changed in IRO Desktop were kept:")
            lines.extend(
                f"  {k.child_ref} {k.table}.{k.field}: kept {k.app_value!r}, file has "
                f"{k.file_value!r}"
                for k in self.conflicts
            )
        lines.extend(self.notes)
        return lines


def _first_parts(rows: list[dict[str, Any]]) -> dict[Any, str]:
    first: dict[Any, str] = {}
    for part in rows:
        if part.get("archived_on"):
            continue
        rid, held = part["review_id"], part["held_on"]
        if rid not in first or held < first[rid]:
            first[rid] = held
    return first


def _key(table: str, row: dict[str, Any], first_part: dict[Any, str], owner: str | None):
    if table == "reviews":
        held = first_part.get(row["id"])
        if held is not None:
            return (row["child_id"], "held", held)
        return (row["child_id"], row.get("status"), row.get("booked_for"), row.get("created_at"))
    columns = NATURAL_KEYS.get(table) or ((owner,) if owner else ()) + ("created_at",)
    return tuple(row.get(c) for c in columns)


def receive_bundle(store: Store, bundle: Bundle) -> ReceiveReport:
    """Bring ``bundle`` into ``store`` in one transaction, without duplicating anything.

    A file that decrypts but whose contents are not shaped as a handover is refused, with
    nothing written (the transaction is rolled back)."""
    backup_before_change(store, KIND_PRE_IMPORT)
    try:
        return _receive(store, bundle)
    except (TypeError, AttributeError, KeyError, ValueError, *SQLCIPHER_ERRORS) as error:
        raise HandoverRefused(
            "The handover file opened, but what is inside is not a handover's records (it "
            "may come from another program or have been altered before it was sealed). "
            "Nothing was imported. Ask the sending IRO to make the file again."
        ) from error


def _receive(store: Store, bundle: Bundle) -> ReceiveReport:
    schema = _schema(store)
    payload = bundle.payload
    report = ReceiveReport(children=list(payload["children"]))
    incoming: dict[str, list[dict[str, Any]]] = payload["tables"]
    for name in incoming:
        if name not in schema:
            report.notes.append(
                f"The file has {len(incoming[name])} {name} row(s), which this version of IRO "
                "Desktop does not keep; they were not imported."
            )
    log_by_row: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
    for entry in payload["change_log"]:
        log_by_row[(entry.get("table_name"), entry.get("row_id"))].append(entry)
    bundle_first = _first_parts(incoming.get("review_parts", []))
    child_ref_of: dict[Any, str] = {}
    id_map: dict[str, dict[Any, int]] = defaultdict(dict)

    with store.atomic():
        store_first = _first_parts(
            list(store.db.query("SELECT review_id, held_on, archived_on FROM review_parts"))
        )
        for name, table in schema.items():
            rows = incoming.get(name, [])
            if not rows:
                continue
            dropped = {c for r in rows for c in r} - set(table.columns)
            if dropped:
                report.notes.append(
                    f"{name}: the file's column(s) {', '.join(sorted(dropped))} are not kept by "
                    "this version of IRO Desktop and were left out."
                )
            existing: dict[tuple, dict[str, Any]] = {}
            for row in store.db.query(f"SELECT * FROM [{name}] ORDER BY id"):
                existing.setdefault(_key(name, row, store_first, table.owner), row)
            sources = _sources_for(store, name)
            for row in rows:
                values = {c: row.get(c) for c in table.columns if c in row and c != "id"}
                unresolved = False
                for column, target in table.refs.items():
                    old = values.get(column)
                    if old is None:
                        continue
                    if old in id_map[target]:
                        values[column] = id_map[target][old]
                    elif column == table.owner:
                        unresolved = True
                    else:
                        values[column] = None  # a reference outside the bundle
                if unresolved:
                    continue
                key_row = {**values, "id": row.get("id")}
                first = bundle_first if name == "reviews" else {}
                key = _key(name, key_row, first, table.owner)
                ref = _child_ref(name, row, values, child_ref_of, table)
                match = existing.get(key)
                if match is None:
                    new_id = store.db[name].insert(values).last_pk
                    id_map[name][row["id"]] = int(new_id)
                    report.added[name] += 1
                    _append_history(store, name, table, row["id"], int(new_id), log_by_row,
                                    id_map, report)  # fmt: skip
                    store.db["change_log"].insert(
                        {
                            "table_name": name,
                            "row_id": new_id,
                            "action": "received",
                            "field": "",
                            "old": None,
                            "new": json.dumps({"file": bundle.name, "made_at": bundle.made_at}),
                            "changed_at": now_stamp(),
                            "source": SOURCE_HANDOVER,
                        }
                    )
                    existing[key] = {**values, "id": new_id}
                    if name == "children":
                        child_ref_of[new_id] = values["child_ref"]
                    continue
                id_map[name][row["id"]] = match["id"]
                if name == "children":
                    child_ref_of[match["id"]] = match["child_ref"]
                _append_history(store, name, table, row["id"], match["id"], log_by_row,
                                id_map, report)  # fmt: skip
                changes: dict[str, Any] = {}
                row_sources = sources.get(match["id"], {})
                for column, value in values.items():
                    if column in _STAMPS or column in table.refs or match.get(column) == value:
                        continue
                    if row_sources.get(column) == SOURCE_APP:
                        report.conflicts.append(
                            Conflict(ref, name, column, match.get(column), value)
                        )
                    else:
                        changes[column] = value
                if changes:
                    history.update(store, name, match["id"], changes, source=SOURCE_HANDOVER)
                    report.updated[name] += 1
                else:
                    report.unchanged[name] += 1
    return report


def _child_ref(
    name: str,
    row: dict[str, Any],
    values: dict[str, Any],
    child_ref_of: dict[Any, str],
    table: _Table,
) -> str:
    if name == "children":
        return str(row.get("child_ref", ""))
    child_id = values.get("child_id")
    return child_ref_of.get(child_id, "") if child_id is not None else ""


def _sources_for(store: Store, table: str) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = defaultdict(dict)
    for row_id, action, fld, new, source in store.db.conn.execute(
        "SELECT row_id, action, field, new, source FROM change_log WHERE table_name = ? "
        "ORDER BY id",
        [table],
    ):
        if action == "insert":
            try:
                keys = json.loads(new or "{}")
            except ValueError:
                keys = {}
            for key in keys:
                out[row_id][key] = source
        elif action == "update":
            out[row_id][fld] = source
    return out


def _remap_value(value: Any, target: str, id_map: dict[str, dict[Any, int]]) -> Any:
    if value is None:
        return None
    for candidate in (value, _as_int(value)):
        if candidate in id_map[target]:
            return id_map[target][candidate]
    return value


def _as_int(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _append_history(
    store: Store,
    name: str,
    table: _Table,
    old_id: Any,
    new_id: int,
    log_by_row: dict[tuple[str, Any], list[dict[str, Any]]],
    id_map: dict[str, dict[Any, int]],
    report: ReceiveReport,
) -> None:
    """The row's history from the bundle, its ids made this caseload's; entries already here
    (from an earlier receive) are not added again."""
    entries = log_by_row.get((name, old_id), [])
    if not entries:
        return
    present = {
        tuple(r)
        for r in store.db.conn.execute(
            "SELECT action, field, old, new, changed_at, source FROM change_log "
            "WHERE table_name = ? AND row_id = ?",
            [name, new_id],
        )
    }
    new_entries = []
    for entry in entries:
        action, fld = entry.get("action", ""), entry.get("field", "")
        old, new = entry.get("old"), entry.get("new")
        if action == "insert" and new:
            try:
                data = json.loads(new)
                for column, target in table.refs.items():
                    if column in data:
                        data[column] = _remap_value(data[column], target, id_map)
                new = json.dumps(data, ensure_ascii=False)
            except ValueError:
                pass
        elif fld in table.refs:
            target = table.refs[fld]
            old = None if old is None else str(_remap_value(old, target, id_map))
            new = None if new is None else str(_remap_value(new, target, id_map))
        record = (action, fld, old, new, entry.get("changed_at", ""), entry.get("source", ""))
        if record in present:
            continue
        present.add(record)
        new_entries.append(
            {
                "table_name": name,
                "row_id": new_id,
                "action": action,
                "field": fld,
                "old": old,
                "new": new,
                "changed_at": record[4],
                "source": record[5],
            }
        )
    if new_entries:
        store.db["change_log"].insert_all(new_entries)
        report.history_added += len(new_entries)
