"""Plan a tracker import: read each row's cells by the mapping, list what is refused, and work
out what each row would insert or update. Nothing is written here.

**Matching**: rows match children by reference. A value the IRO recorded in the app wins
(``history.table_field_sources``): the difference is listed as a conflict and the app value
kept. A blank cell never clears a value.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from iro_desktop.domain.code_lists import FEMALE, MALE, SEX_UNKNOWN
from iro_desktop.domain.references import BIDI_CONTROLS, reference_problem
from iro_desktop.domain.validation.received import EARLIEST_YEAR, LATEST_YEAR, text_problem
from iro_desktop.exchange.columns import column_letter
from iro_desktop.exchange.conflict import Conflict
from iro_desktop.exchange.spreadsheet.cells import BadSpreadsheet, blank, norm, shown
from iro_desktop.exchange.spreadsheet.dates import column_evidence, parse_sheet_date
from iro_desktop.exchange.spreadsheet.mapping import CHILD_TEXT_FIELDS, FIELDS, REQUIRED_FIELDS
from iro_desktop.exchange.spreadsheet.preview import Refusal, RowPlan, RowPreview, SheetPreview
from iro_desktop.exchange.spreadsheet.read import Sheet
from iro_desktop.storage import bulk, history
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import SOURCE_APP, to_column

__all__ = ["preview_import"]

# How trackers write sex, read into the app's one vocabulary (the 903 codes from 2024-25).
_SEXES = {"m": MALE, "male": MALE, "boy": MALE, "1": MALE,
          "f": FEMALE, "female": FEMALE, "girl": FEMALE, "2": FEMALE,
          "u": SEX_UNKNOWN, "unknown": SEX_UNKNOWN, "not known": SEX_UNKNOWN}  # fmt: skip


class _Known:
    """What the planner reads from the caseload, loaded once."""

    def __init__(self, store: Store) -> None:
        self.children = {r["child_ref"]: r for r in bulk.all_rows(store, "children")}
        self.episodes: dict[int, list[dict]] = defaultdict(list)
        for r in sorted(bulk.live_rows(store, "episodes"), key=lambda r: r["decom"]):
            self.episodes[r["child_id"]].append(r)
        first = bulk.first_part_dates(store)
        self.held: dict[int, dict[str, dict]] = defaultdict(dict)
        self.booked: dict[int, list[dict]] = defaultdict(list)
        for r in bulk.live_rows(store, "reviews"):
            if r["id"] in first:
                self.held[r["child_id"]].setdefault(first[r["id"]], r)
            elif r["status"] == "booked":
                self.booked[r["child_id"]].append(r)
        self.sources = {
            t: history.table_field_sources(store, t) for t in ("children", "episodes", "reviews")
        }


def _split_name(full: str) -> tuple[str, str]:
    if "," in full:
        last, first = (p.strip() for p in full.split(",", 1))
        return first, last
    parts = full.split()
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


def _differences(
    table: str,
    row: dict[str, Any],
    wanted: dict[str, Any],
    sources: dict[str, str],
    child_ref: str,
    conflicts: list[Conflict],
) -> dict[str, Any]:
    out = {}
    for key, value in wanted.items():
        stored = to_column(value)
        if row.get(key) == stored:
            continue
        if sources.get(key) == SOURCE_APP:
            conflicts.append(Conflict(child_ref, table, key, row.get(key), stored))
        else:
            out[key] = value
    return out


def preview_import(
    store: Store, sheet: Sheet, mapping: dict[int, str], today: date
) -> SheetPreview:
    """What importing ``sheet`` with ``mapping`` would do. Writes nothing."""
    for key in REQUIRED_FIELDS:
        if key not in mapping.values():
            raise BadSpreadsheet(
                f"No column of {sheet.name} is mapped to {FIELDS[key].label}: each row is "
                "matched to a child by it. Map the column holding the council's child "
                "reference (the 903 CHILD id)."
            )
    by_field = {key: index for index, key in mapping.items()}
    evidence = {
        index: column_evidence([r.cells[index] for r in sheet.rows])
        for index, key in mapping.items()
        if FIELDS[key].kind == "date"
    }
    known = _Known(store)
    refusals: list[Refusal] = []
    conflicts: list[Conflict] = []
    warnings: list[str] = list(sheet.warnings)
    previews: list[RowPreview] = []
    plans: list[RowPlan] = []
    seen_refs: dict[str, int] = {}

    def where(index: int) -> str:
        return f"{column_letter(index)} {sheet.headers[index]}"

    for sheet_row in sheet.rows:
        row_refusals: list[Refusal] = []

        def refuse(
            index: int | None,
            reason: str,
            kind: str,
            value: Any = "",
            _number: int = sheet_row.number,
            _out: list[Refusal] = row_refusals,
        ) -> None:
            column = where(index) if index is not None else ""
            _out.append(Refusal(_number, column, shown(value), reason, kind))

        values: dict[str, Any] = {}
        for index, key in mapping.items():
            raw = sheet_row.cells[index]
            spec_ = FIELDS[key]
            if blank(raw):
                continue
            if spec_.kind == "date":
                reading = parse_sheet_date(raw, today, day_first_evidence=evidence[index])
                if reading.problem:
                    refuse(index, reading.reason, f"{reading.problem} date", raw)
                elif not EARLIEST_YEAR <= reading.value.year <= LATEST_YEAR:  # type: ignore[union-attr]
                    refuse(index, f"{shown(raw)!r} is not a date between {EARLIEST_YEAR} and "
                           f"{LATEST_YEAR}", "impossible date", raw)  # fmt: skip
                else:
                    values[key] = reading.value
            elif spec_.kind == "gender":
                text = norm(shown(raw))
                code = _SEXES.get(text)  # stored as M/F/U, the app's one vocabulary
                if code is None:
                    refuse(index, f"{shown(raw)!r} is not a gender IRO Desktop records "
                           "(Male/Female/Unknown, M/F/U or the 903 codes 1/2)", "invalid",
                           raw)  # fmt: skip
                else:
                    values[key] = code
            elif spec_.kind == "code":
                code = shown(raw).upper()
                if code not in spec_.codes:
                    refuse(index, f"{shown(raw)!r} is not a valid {spec_.label}: use one of "
                           + ", ".join(sorted(spec_.codes)), "invalid", raw)  # fmt: skip
                else:
                    values[key] = code
            else:
                text = shown(raw)
                problem = reference_problem(text) if key == "child_ref" else text_problem(key, text)
                if problem:
                    what = "the child reference" if key == "child_ref" else spec_.label
                    refuse(index, f"{what}: {problem.removeprefix('the reference ')}",
                           "invalid", _escaped(text))  # fmt: skip
                else:
                    values[key] = text

        ref = values.get("child_ref", "")
        if (
            not ref
            and by_field["child_ref"] is not None
            and any(r.column == where(by_field["child_ref"]) for r in row_refusals)
        ):
            pass  # refused above: a reference that is not one
        elif not ref:
            refuse(by_field["child_ref"], "the child reference is blank; every row needs one",
                   "missing")  # fmt: skip
        elif ref in seen_refs:
            refuse(by_field["child_ref"], f"child {ref} is also on row {seen_refs[ref]}; keep "
                   "one row per child", "duplicate", ref)  # fmt: skip
        else:
            seen_refs[ref] = sheet_row.number
        existing = known.children.get(ref)
        dob = values.get("dob") or (date.fromisoformat(existing["dob"]) if existing else None)
        if ref and existing is None and values.get("dob") is None:
            dob_index = by_field.get("dob")
            if dob_index is None or not any(r.column == where(dob_index) for r in row_refusals):
                refuse(dob_index, f"child {ref} is new to IRO Desktop and has no date of "
                       "birth; add it", "missing")  # fmt: skip
        if dob and dob > today:
            refuse(by_field.get("dob"), f"the date of birth {dob:%d/%m/%Y} is after today",
                   "invalid", dob)  # fmt: skip
        looked_after = values.get("looked_after_from")
        if looked_after and dob and looked_after < dob:
            refuse(by_field["looked_after_from"], f"looked after from {looked_after:%d/%m/%Y}, "
                   f"before the date of birth {dob:%d/%m/%Y}", "invalid", looked_after)  # fmt: skip
        last_review = values.get("last_review")
        if last_review and last_review > today:
            refuse(by_field["last_review"], f"the last review {last_review:%d/%m/%Y} is after "
                   "today; a review not yet held goes in the next review booked column",
                   "invalid", last_review)  # fmt: skip
        if last_review and dob and last_review < dob:
            refuse(by_field["last_review"], f"the last review {last_review:%d/%m/%Y} is before "
                   "the date of birth", "invalid", last_review)  # fmt: skip

        if row_refusals:
            refusals.extend(row_refusals)
            reasons = tuple(r.reason for r in row_refusals)
            previews.append(RowPreview(sheet_row.number, ref, "refused", (), reasons))
            continue
        plan = _plan_row(known, sheet_row.number, ref, values, today, conflicts, warnings)
        plans.append(plan)
        changes = plan.changes()
        action = "add" if plan.child_insert is not None else ("update" if changes else "no change")
        previews.append(RowPreview(sheet_row.number, ref, action, tuple(changes), ()))
    if not sheet.rows:
        warnings.append(f"{sheet.name} has headings but no rows to import.")
    return SheetPreview(sheet, dict(mapping), today, previews, refusals, conflicts, warnings, plans)


def _escaped(text: str) -> str:
    """A refused value as the preview shows it: control and direction characters spelt out
    (\\u202e), so the screen shows what the file holds, not what it pretends."""
    return "".join(
        ch if ch.isprintable() and ch not in BIDI_CONTROLS else ch.encode("unicode_escape").decode()
        for ch in text
    )


def _plan_row(
    known: _Known,
    number: int,
    ref: str,
    values: dict[str, Any],
    today: date,
    conflicts: list[Conflict],
    warnings: list[str],
) -> RowPlan:
    existing = known.children.get(ref)
    child_values: dict[str, Any] = {k: values[k] for k in CHILD_TEXT_FIELDS if k in values}
    if "child_name" in values:
        first, last = _split_name(values["child_name"])
        child_values.setdefault("first_name", first)
        if last:
            child_values.setdefault("last_name", last)
    for key, column in (("dob", "dob"), ("gender", "gender"), ("ethnicity", "ethnicity")):
        if key in values:
            child_values[column] = values[key]
    plan = RowPlan(number, ref, existing["id"] if existing else None)
    if existing is None:
        plan.child_insert = {"child_ref": ref, **child_values}
        episodes: list[dict] = []
        held: dict[str, dict] = {}
        booked: list[dict] = []
        sources: dict[str, dict[int, dict[str, str]]] = {}
    else:
        cid = existing["id"]
        plan.child_update = _differences(
            "children", existing, child_values,
            known.sources["children"].get(cid, {}), ref, conflicts,
        )  # fmt: skip
        episodes, held, booked = known.episodes[cid], known.held[cid], known.booked[cid]
        sources = known.sources

    # The episode: the date looked after, and the placement on it.
    episode_values = {}
    if "legal_status" in values:
        episode_values["ls"] = values["legal_status"]
    if "placement_type" in values:
        episode_values["place"] = values["placement_type"]
    if "placement" in values:
        episode_values["placement_name"] = values["placement"]
    start = values.get("looked_after_from")
    target = None
    if start is not None:
        target = next((e for e in episodes if e["decom"] == start.isoformat()), None)
        if target is None and not episodes:
            plan.episode_insert = {"decom": start, "rne": "S", **episode_values}
        elif target is None:
            conflicts.append(
                Conflict(ref, "episodes", "decom", episodes[-1]["decom"], start.isoformat())
            )
            warnings.append(
                f"row {number}: child {ref} was looked after from {start:%d/%m/%Y} in the file, "
                f"but IRO Desktop has episodes from {episodes[0]['decom']}; no episode was "
                "added (add a new period of care in the app if there is one)."
            )
    elif episode_values:
        target = episodes[-1] if episodes else None
        if target is None:
            warnings.append(
                f"row {number}: child {ref} has a placement or legal status but no date looked "
                "after, so it is not recorded; map the date looked after to record it."
            )
    if target is not None and episode_values:
        changes = _differences(
            "episodes", target, episode_values,
            sources.get("episodes", {}).get(target["id"], {}), ref, conflicts,
        )  # fmt: skip
        if changes:
            plan.episode_update = (target["id"], changes)

    # The last review held.
    last = values.get("last_review")
    if last is not None:
        review = held.get(last.isoformat())
        code = {"review_code": values["review_code"]} if "review_code" in values else {}
        if review is None:
            plan.review_insert = ({"status": "held", **code}, last)
        elif code:
            changes = _differences(
                "reviews", review, code,
                sources.get("reviews", {}).get(review["id"], {}), ref, conflicts,
            )  # fmt: skip
            if changes:
                plan.review_update = (review["id"], changes)
    elif "review_code" in values:
        warnings.append(
            f"row {number}: child {ref} has a participation code but no last review date; "
            "the code is not recorded."
        )

    # The next review booked.
    booked_for = values.get("next_review")
    if booked_for is not None:
        if booked_for < today:
            warnings.append(
                f"row {number}: child {ref}'s next review was booked for {booked_for:%d/%m/%Y}, "
                "which has passed; it is not booked (record it as held in the app if it was)."
            )
        elif booked:
            current = booked[-1]
            changes = _differences(
                "reviews", current, {"booked_for": booked_for},
                sources.get("reviews", {}).get(current["id"], {}), ref, conflicts,
            )  # fmt: skip
            if changes:
                plan.booking_update = (current["id"], changes)
        else:
            plan.booking_insert = booked_for
    return plan
