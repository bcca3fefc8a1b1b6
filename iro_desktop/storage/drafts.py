"""The ``drafts`` table: forms being filled in, kept inside the encrypted file.

Drafts are scratch copies, not records: they are written without change history (which
would keep every keystroke for ever) and deleted, not archived.
"""

from __future__ import annotations

from typing import Any

from iro_desktop.storage.database import Store
from iro_desktop.storage.history import now_stamp


def write_draft(
    store: Store,
    draft_id: int | None,
    *,
    form: str,
    child_ref: str,
    record_ref: str,
    payload: str,
    saved_at: str,
) -> int:
    """Overwrite draft ``draft_id`` when it is still there (its form stays), else add a new
    one; returns its id. One small transaction."""
    stamp = now_stamp()
    table = store._db["drafts"]
    values = {"payload": payload, "child_ref": child_ref, "record_ref": record_ref}
    with store.atomic():
        if draft_id is not None and table.count_where("id = ?", [draft_id]):
            table.update(draft_id, {**values, "saved_at": saved_at, "updated_at": stamp})
            return draft_id
        row = {"form": form, **values, "saved_at": saved_at}
        return int(table.insert({**row, "created_at": stamp, "updated_at": stamp}).last_pk)


def draft_rows(store: Store) -> list[dict[str, Any]]:
    """Every draft row, oldest first."""
    return list(store._db.query("SELECT * FROM drafts ORDER BY saved_at, id"))


def delete_draft(store: Store, draft_id: int) -> None:
    """Remove a draft (a missing one is fine)."""
    with store.atomic():
        store._db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
