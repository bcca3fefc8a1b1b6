"""Subject-access export: everything held about one child, with its change history, as a
readable Word document.

Every row about the child in every table is found through the foreign keys (the same search
the retention purge uses, so a table added later is included), archived rows too. Each record
is shown as a table of labelled fields; the change history lists every change to any of those
rows: when, what, the value before and after, and where it came from (the app, an import).
The document is written to a temporary file beside the target and moved into place, so a
half-written export never stands under the name asked for.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Pt

from iro_desktop.exchange.errors import ExchangeError
from iro_desktop.logs import get_logger, log_event
from iro_desktop.storage import bulk, history
from iro_desktop.storage.database import Store
from iro_desktop.storage.files import writing
from iro_desktop.storage.purge import initials, rows_of_children
from iro_desktop.storage.records import child_id_for

log = get_logger(__name__)

TABLE_TITLES = {
    "children": "The child's details",
    "people": "People in the child's life",
    "episodes": "Care episodes and placements",
    "reviews": "Reviews",
    "review_parts": "Parts of reviews (meetings held)",
    "decisions": "Decisions and actions",
    "decision_updates": "Updates to decisions",
    "pre_review_meetings": "Pre-review meetings",
    "contacts": "Contact with the child",
    "midpoint_checks": "Midpoint checks",
    "challenges": "Challenges (dispute resolution)",
    "challenge_stages": "Stages of challenges",
}
TABLE_SINGULAR = {
    "people": "Person",
    "episodes": "Episode",
    "reviews": "Review",
    "review_parts": "Review meeting",
    "decisions": "Decision",
    "decision_updates": "Update",
    "pre_review_meetings": "Pre-review meeting",
    "contacts": "Contact",
    "midpoint_checks": "Midpoint check",
    "challenges": "Challenge",
    "challenge_stages": "Challenge stage",
}
# Shown first, in this order; any other table holding the child's rows follows.
TABLE_ORDER = tuple(TABLE_TITLES)
FIELD_LABELS = {
    "id": "Record number",
    "child_ref": "Child reference",
    "dob": "Date of birth",
    "upn": "Unique pupil number",
    "mc_dob": "Mother's child's date of birth",
    "uasc": "Unaccompanied asylum-seeking child",
    "uasc_ceased": "Unaccompanied status ended",
    "decom": "Episode started",
    "dec": "Episode ended",
    "rne": "Reason for new episode",
    "ls": "Legal status",
    "cin": "Category of need",
    "place": "Placement type",
    "rec": "Reason episode ended",
    "pl_post": "Placement postcode",
    "home_post": "Home postcode",
    "urn": "Ofsted URN",
    "created_at": "Recorded",
    "updated_at": "Last changed",
    "archived_on": "Archived on",
    "on": "Date",
    "pep_on": "Last PEP review",
}
_YES_NO_FIELDS = {
    "uasc",
    "interpreter_needed",
    "venue_childs_choice",
    "challenge_needed",
    "plan_on_track",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
SOURCE_LABELS = {
    "app": "entered in IRO Desktop",
    "import-903": "903 import",
    "demo": "demo data",
    "retention": "retention purge",
}


class ChildNotFound(ExchangeError):
    """No child with that reference in this caseload."""


@dataclass(frozen=True)
class SubjectAccessReport:
    path: Path
    child_ref: str
    records: dict[str, int]  # table -> rows included
    history_entries: int


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()


def table_title(name: str) -> str:
    return TABLE_TITLES.get(name) or name.replace("_", " ").capitalize()


def shown(field: str, value: Any) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "":
        return "(blank)"
    if field in _YES_NO_FIELDS and value in (0, 1, "0", "1"):
        return "Yes" if int(value) else "No"
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                return value
            return f"{day.day} {day:%B %Y}"
        if _ISO_STAMP.match(value):
            return value.replace("T", " ")[:16] + " (UTC)"
        if value.startswith("[") and value.endswith("]"):
            try:
                items = json.loads(value)
            except ValueError:
                return value
            if isinstance(items, list):
                return ", ".join(str(i) for i in items) or "(none)"
    return str(value)


def _history_change(entry: dict[str, Any]) -> tuple[str, str, str, str]:
    """(what, field, before, after) for one entry of the change history."""
    action = entry["action"]
    if action == "insert":
        try:
            values = json.loads(entry["new"] or "{}")
        except ValueError:
            values = {}
        after = "; ".join(
            f"{field_label(k)}: {shown(k, v)}"
            for k, v in values.items()
            if k not in ("created_at", "updated_at", "child_id")
        )
        return "Recorded", "", "", after
    field = entry["field"] or ""
    what = {"update": "Changed"}.get(action, action.capitalize())
    if field == "archived_on":
        what = "Archived" if entry["new"] else "Brought back from the archive"
    return (
        what,
        field_label(field) if field else "",
        shown(field, entry["old"]),
        shown(field, entry["new"]),
    )


def _fields_table(doc: DocumentType, row: dict[str, Any]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in row.items():
        if key == "child_id":
            continue
        cells = table.add_row().cells
        cells[0].text = field_label(key)
        cells[1].text = shown(key, value)
    doc.add_paragraph()


def _row_heading(table: str, row: dict[str, Any]) -> str:
    kind = TABLE_SINGULAR.get(table) or table_title(table)
    if table == "people":
        return f"{kind}: {row.get('role') or ''} {row.get('name') or ''}".rstrip()
    for key in ("held_on", "decom", "on", "done_on", "on_date", "raised_on", "booked_for"):
        if row.get(key):
            return f"{kind}: {shown(key, row[key])}"
    return f"{kind} (record {row.get('id', '')})"


def build_document(store: Store, child_ref: str, *, today: date) -> tuple[DocumentType, dict]:
    child_id = child_id_for(store, child_ref)
    if child_id is None:
        raise ChildNotFound(
            f"There is no child with reference {child_ref} in this caseload (archived children "
            "are included). Check the reference, as the 903 return shows it."
        )
    owned = rows_of_children(store, [child_id])
    (child,) = bulk.rows_by_rowid(store, "children", [child_id])
    name = " ".join(p for p in (child["first_name"], child["last_name"]) if p) or "(no name)"

    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(f"Everything IRO Desktop holds about {name} ({child_ref})", 0)
    doc.add_paragraph(
        f"Produced on {today.day} {today:%B %Y} for a subject access request. It shows every "
        "record about this child in the Independent Reviewing Officer's caseload file, "
        "including archived records, and the full history of changes to them: when each was "
        "recorded or changed, what it was before and after, and where the information came "
        "from."
    )
    counts: dict[str, int] = {}
    ordered = [t for t in TABLE_ORDER if t in owned] + sorted(
        t for t in owned if t not in TABLE_ORDER
    )
    for table in ordered:
        ids = sorted(owned[table])
        rows = bulk.rows_by_rowid(store, table, ids)
        counts[table] = len(rows)
        doc.add_heading(f"{table_title(table)} ({len(rows)})", 1)
        for row in rows:
            if table != "children":
                doc.add_heading(_row_heading(table, row), 3)
            _fields_table(doc, row)

    doc.add_heading("Change history", 1)
    doc.add_paragraph(
        "Every change to the records above, oldest first. Times are in UTC. 'Recorded' lists "
        "what was written when the record was first made."
    )
    changes = []
    for table in ordered:
        changes.extend(history.history_of_rows(store, table, sorted(owned[table])))
    changes.sort(key=lambda e: e["id"])
    grid = doc.add_table(rows=1, cols=6)
    grid.style = "Table Grid"
    for cell, title in zip(
        grid.rows[0].cells,
        ("When", "Record", "What", "Field", "Before", "After"),
        strict=True,
    ):
        cell.text = title
    for entry in changes:
        what, field, before, after = _history_change(entry)
        source = SOURCE_LABELS.get(entry["source"], entry["source"])
        cells = grid.add_row().cells
        cells[0].text = shown("changed_at", entry["changed_at"])
        cells[1].text = f"{table_title(entry['table_name'])}, record {entry['row_id']}"
        cells[2].text = f"{what} ({source})"
        cells[3].text = field
        cells[4].text = before
        cells[5].text = after
    return doc, {
        "records": counts,
        "history": len(changes),
        "initials": initials(child["first_name"], child["last_name"]),
    }


def export_subject_access(
    store: Store, child_ref: str, out: Path, *, today: date | None = None
) -> SubjectAccessReport:
    """Write the subject-access document for ``child_ref`` to ``out`` (a .docx file)."""
    out = Path(out)
    doc, facts = build_document(store, child_ref, today=today or date.today())
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with writing(out) as partial:
            doc.save(str(partial))
    except OSError as error:
        raise ExchangeError(
            f"The document could not be written to {out} ({error.strerror or error}). Choose "
            "another folder, or close the file if it is open in Word."
        ) from error
    log_event(
        log,
        "subject_access.exported",
        ref=child_ref,
        initials=facts["initials"],
        records=sum(facts["records"].values()),
        history=facts["history"],
    )
    return SubjectAccessReport(out, child_ref, facts["records"], facts["history"])
