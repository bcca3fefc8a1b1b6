"""Receiving a handover: the bundle's rows and history brought into this caseload.

Receiving is idempotent: rows are matched on natural keys (a child on ``child_ref``; an
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

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.handover.bundle import HISTORY_KEY, Bundle, HandoverRefused
from iro_desktop.exchange.handover.check import (
    IDENTITY_FIELDS,
    SameReference,
    check_values,
    child_of_rows,
    identity_conflicts,
    refuse_same_reference,
)
from iro_desktop.storage import bulk, history
from iro_desktop.storage.backup import KIND_PRE_IMPORT, backup_before_change
from iro_desktop.storage.database import SQLCIPHER_ERRORS, Store
from iro_desktop.storage.history import SOURCE_APP, now_stamp
from iro_desktop.storage.record_tables import RecordTable, record_tables

__all__ = ["SOURCE_HANDOVER", "ReceiveReport", "receive_bundle"]

SOURCE_HANDOVER = "handover"
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
    "child_wordings": ("child_id", "review_id", "decision_id", "kind", "item_key", "archived_on"),
}


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


def receive_bundle(
    store: Store,
    bundle: Bundle,
    *,
    today: date | None = None,
    same_reference: SameReference = SameReference.REFUSE,
) -> ReceiveReport:
    """Bring ``bundle`` into ``store`` in one transaction, without duplicating anything.

    Every value is checked first (``check``): one the app cannot hold refuses the whole
    bundle (BadHandoverValues), and so, unless ``same_reference`` says otherwise, does a
    child whose reference is a different child's here (SameReferenceRefused). A file that
    decrypts but whose contents are not shaped as a handover is refused too. Refused: nothing
    is written."""
    today = today or date.today()
    schema = record_tables(store)
    try:
        check_values(bundle, schema, today)
        existing = {r["child_ref"]: r for r in bulk.all_rows(store, "children")}
        conflicts = identity_conflicts(bundle, existing)
    except (TypeError, AttributeError, KeyError, ValueError) as error:
        raise _not_a_handover() from error
    if conflicts and same_reference == SameReference.REFUSE:
        refuse_same_reference(bundle, conflicts)
    refs = {c.child_ref for c in conflicts}
    skip = refs if same_reference == SameReference.SKIP else set()
    keep_mine = refs if same_reference == SameReference.KEEP_MINE else set()
    backup_before_change(store, KIND_PRE_IMPORT)
    try:
        return _receive(store, bundle, schema, skip, keep_mine)
    except (TypeError, AttributeError, KeyError, ValueError, *SQLCIPHER_ERRORS) as error:
        raise _not_a_handover() from error


def _not_a_handover() -> HandoverRefused:
    return HandoverRefused(
        "The handover file opened, but what is inside is not a handover's records (it "
        "may come from another program or have been altered before it was sealed). "
        "Nothing was imported. Ask the sending IRO to make the file again."
    )


def _receive(
    store: Store,
    bundle: Bundle,
    schema: dict[str, RecordTable],
    skip: set[str],
    keep_mine: set[str],
) -> ReceiveReport:
    payload = bundle.payload
    report = ReceiveReport(children=[r for r in payload["children"] if r not in skip])
    child_of = child_of_rows(bundle, schema) if skip else {}
    for ref in sorted(skip):
        report.notes.append(
            f"Child {ref} was left out: this caseload has a different child with that reference."
        )
    incoming: dict[str, list[dict[str, Any]]] = payload["tables"]
    for name in incoming:
        if name not in schema:
            report.notes.append(
                f"The file has {len(incoming[name])} {name} row(s), which this version of IRO "
                "Desktop does not keep; they were not imported."
            )
    log_by_row: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
    for entry in payload[HISTORY_KEY]:
        log_by_row[(entry.get("table_name"), entry.get("row_id"))].append(entry)
    bundle_first = _first_parts(incoming.get("review_parts", []))
    child_ref_of: dict[Any, str] = {}
    id_map: dict[str, dict[Any, int]] = defaultdict(dict)

    with history.batch(store, SOURCE_HANDOVER) as writer:
        store_first = _first_parts(bulk.review_part_dates(store))
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
            for row in bulk.all_rows(store, name):
                existing.setdefault(_key(name, row, store_first, table.owner), row)
            sources = history.table_field_sources(store, name)
            for row in rows:
                if skip:
                    child = child_of.get((name, row.get("id")))
                    if child is None or child.get("child_ref") in skip:
                        continue
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
                    new_id = writer.add_row(name, values)
                    id_map[name][row["id"]] = new_id
                    report.added[name] += 1
                    _append_history(writer, name, table, row["id"], new_id, log_by_row,
                                    id_map, report)  # fmt: skip
                    writer.append([_received(name, new_id, bundle)])
                    existing[key] = {**values, "id": new_id}
                    if name == "children":
                        child_ref_of[new_id] = values["child_ref"]
                    continue
                id_map[name][row["id"]] = match["id"]
                if name == "children":
                    child_ref_of[match["id"]] = match["child_ref"]
                _append_history(writer, name, table, row["id"], match["id"], log_by_row,
                                id_map, report)  # fmt: skip
                changes: dict[str, Any] = {}
                row_sources = sources.get(match["id"], {})
                for column, value in values.items():
                    if column in _STAMPS or column in table.refs or match.get(column) == value:
                        continue
                    mine = name == "children" and match.get("child_ref") in keep_mine
                    if row_sources.get(column) == SOURCE_APP or (
                        mine and column in IDENTITY_FIELDS
                    ):
                        report.conflicts.append(
                            Conflict(ref, name, column, match.get(column), value)
                        )
                    else:
                        changes[column] = value
                if changes:
                    writer.update(name, match["id"], changes)
                    report.updated[name] += 1
                else:
                    report.unchanged[name] += 1
    return report


def _child_ref(
    name: str,
    row: dict[str, Any],
    values: dict[str, Any],
    child_ref_of: dict[Any, str],
    table: RecordTable,
) -> str:
    if name == "children":
        return str(row.get("child_ref", ""))
    child_id = values.get("child_id")
    return child_ref_of.get(child_id, "") if child_id is not None else ""


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


def _received(name: str, row_id: int, bundle: Bundle) -> dict[str, Any]:
    """The entry saying a row arrived in a handover, and from which file."""
    return {
        "table_name": name,
        "row_id": row_id,
        "action": "received",
        "field": "",
        "old": None,
        "new": json.dumps({"file": bundle.name, "made_at": bundle.made_at}),
        "changed_at": now_stamp(),
        "source": SOURCE_HANDOVER,
    }


def _append_history(
    writer: history.Batch,
    name: str,
    table: RecordTable,
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
    present = writer.logged(name, new_id)
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
        writer.append(new_entries)
        report.history_added += len(new_entries)
