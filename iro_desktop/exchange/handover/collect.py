"""What a handover carries, and writing the file.

For each chosen child: every row of every table that hangs off the child (found from the
schema's foreign keys, ``storage.record_tables``: people, episodes, reviews and their parts,
decisions and their updates, meetings, contacts, midpoint checks, challenges and their stages,
and a ``letters`` table's rows, its metadata, when there is one), and every history entry of
those rows. Settings and other children are never included.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.domain.references import safe_file_stem
from iro_desktop.exchange.handover.bundle import (
    BUNDLE_SUFFIX,
    FORMAT,
    HISTORY_KEY,
    LOG2_N,
    VERSION,
    Bundle,
    HandoverError,
    seal,
)
from iro_desktop.storage import bulk, history
from iro_desktop.storage.database import Store
from iro_desktop.storage.files import write_bytes
from iro_desktop.storage.history import now_stamp
from iro_desktop.storage.migrations import SCHEMA_VERSION
from iro_desktop.storage.record_tables import record_tables

__all__ = ["collect", "suggested_file_name", "write_handover"]

# The payload lists each history entry without its id in the sender's file.
_ENTRY_KEYS = ("table_name", "row_id", "action", "field", "old", "new", "changed_at", "source")


def collect(store: Store, child_refs: list[str]) -> dict[str, Any]:
    """The payload for ``child_refs``: their rows, table by table, and the rows' history."""
    schema = record_tables(store)
    refs = list(dict.fromkeys(child_refs))
    children = bulk.rows_where_in(store, "children", "child_ref", refs)
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
        tables[name] = (
            bulk.rows_where_in(store, name, table.owner, parent_ids) if parent_ids else []  # type: ignore[arg-type]
        )
    log: list[dict[str, Any]] = []
    for name, rows in tables.items():
        for entry in history.history_of_rows(store, name, [r["id"] for r in rows]):
            log.append({key: entry[key] for key in _ENTRY_KEYS})
    return {
        "format": FORMAT,
        "version": VERSION,
        "made_at": now_stamp(),
        "schema_version": SCHEMA_VERSION,
        "children": refs,
        "tables": tables,
        HISTORY_KEY: log,
    }


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
    payload = collect(store, child_refs)
    data = seal(payload, passphrase, log2n=log2n)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(out, data)
    return Bundle(out.name, payload)


def suggested_file_name(store: Store, child_refs: list[str], on: date) -> str:
    """A file name with no personal data beyond initials and the child's reference, made safe
    for a file name whatever the reference holds (``domain.references.safe_file_stem``)."""
    if len(child_refs) == 1:
        found = bulk.rows_where_in(store, "children", "child_ref", [child_refs[0]])
        initials = ""
        if found:
            row = found[0]
            initials = "".join(p[:1].upper() for p in (row["first_name"], row["last_name"]) if p)
        stem = safe_file_stem("handover", initials, child_refs[0])
    else:
        stem = f"handover-{len(child_refs)}-children"
    return f"{stem}-{on.isoformat()}{BUNDLE_SUFFIX}"
