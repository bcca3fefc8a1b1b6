"""Map a tracker's columns to what IRO Desktop holds: from the headings (with synonyms) and
from the mapping remembered last time (kept in the settings under ``spreadsheet_mapping``);
the IRO may change it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from iro_desktop.exchange.columns import column_letter
from iro_desktop.exchange.spreadsheet.cells import BadSpreadsheet, norm, shown
from iro_desktop.exchange.spreadsheet.read import Sheet
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import load_setting_text, save_setting_text

__all__ = [
    "FIELDS",
    "MAPPING_SETTING",
    "ColumnProposal",
    "MappingProposal",
    "load_remembered_mapping",
    "mapping_from_json",
    "propose_mapping",
    "remember_mapping",
]

MAPPING_SETTING = "spreadsheet_mapping"


# --- what a column can hold ------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str  # text | name | date | gender | code
    synonyms: tuple[str, ...]
    codes: frozenset[str] = frozenset()


def _f(key: str, label: str, kind: str, *synonyms: str, codes: frozenset[str] = frozenset()):
    return FieldSpec(key, label, kind, synonyms, codes)


FIELDS: dict[str, FieldSpec] = {
    f.key: f
    for f in (
        _f("child_ref", "Child reference", "text", "child ref", "child reference", "reference",
           "ref", "ref no", "child id", "id", "child no", "child number", "case number",
           "case no", "lcs id", "mosaic id", "ll id", "client id", "person id", "903 child",
           "child 903 id", "upi"),
        _f("child_name", "Child name (full)", "name", "name", "child name", "child s name",
           "childs name", "full name", "name of child", "child", "young person", "cla name"),
        _f("first_name", "First name", "text", "first name", "forename", "forenames",
           "given name", "first names", "christian name"),
        _f("last_name", "Last name", "text", "last name", "surname", "family name"),
        _f("preferred_name", "Preferred name", "text", "preferred name", "known as"),
        _f("dob", "Date of birth", "date", "dob", "d o b", "date of birth", "birth date",
           "birthday", "born"),
        _f("gender", "Gender (903 SEX)", "gender", "gender", "sex"),
        _f("ethnicity", "Ethnicity (903 code)", "code", "ethnicity", "ethnic", "ethnic code",
           "ethnic origin", "ethnicity code", codes=spec.ETHNIC_CODES),
        _f("upn", "UPN", "text", "upn", "unique pupil number"),
        _f("looked_after_from", "Date looked after", "date", "date looked after",
           "looked after from", "date became looked after", "became looked after",
           "date came into care", "came into care", "date entered care", "entered care",
           "in care since", "care start", "care start date", "date into care", "lac date",
           "cla date", "lac start", "cla start", "decom", "episode start", "start date"),
        _f("legal_status", "Legal status (903 code)", "code", "legal status", "ls",
           "legal status code", "legal", codes=spec.LS_CODES),
        _f("placement", "Placement (carer or home)", "text", "placement", "placement name",
           "current placement", "carer", "carers", "foster carer", "placed with",
           "where living", "placement address", "home"),
        _f("placement_type", "Placement type (903 code)", "code", "placement type",
           "placement code", "place", "place code", codes=spec.PLACE_CODES),
        _f("last_review", "Last review held", "date", "last review", "last review date",
           "date of last review", "previous review", "review held", "last lac review",
           "last cla review", "last review held", "date last review held", "latest review"),
        _f("review_code", "Participation code (PN0-PN7)", "code", "participation",
           "participation code", "pn code", "pn", "review code", "participation method",
           codes=spec.REVIEW_CODES),
        _f("next_review", "Next review booked", "date", "next review booked",
           "next review booked for", "review booked", "booked review", "next review",
           "next review date", "date of next review", "booked for"),
        _f("social_worker", "Social worker", "text", "social worker", "sw", "sw name",
           "allocated social worker", "allocated worker", "worker", "social worker name"),
        _f("social_worker_team", "Social worker's team", "text", "team", "sw team",
           "social worker team", "social work team"),
    )
}  # fmt: skip

# Headings of columns IRO Desktop works out itself: proposed as "not imported".
IGNORED_HEADINGS = (
    "next review due", "review due", "due date", "due", "days overdue", "overdue", "age",
    "rag", "status", "notes", "comments", "in time", "timescale",
)  # fmt: skip

REQUIRED_FIELDS = ("child_ref",)
CHILD_TEXT_FIELDS = (
    "first_name", "last_name", "preferred_name", "upn", "social_worker", "social_worker_team",
)  # fmt: skip


_SYNONYMS: dict[str, str] = {}
for _spec in FIELDS.values():
    for _syn in _spec.synonyms:
        _SYNONYMS.setdefault(norm(_syn), _spec.key)
        _SYNONYMS.setdefault(norm(_syn).replace(" ", ""), _spec.key)
_IGNORED = {norm(h) for h in IGNORED_HEADINGS}


@dataclass(frozen=True)
class ColumnProposal:
    index: int
    letter: str
    header: str
    field: str | None  # a key of FIELDS, or None: not imported
    how: str  # "remembered" | "matched" | "worked out by IRO Desktop" | "not recognised"
    sample: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "column": self.letter,
            "header": self.header,
            "field": self.field,
            "label": FIELDS[self.field].label if self.field else None,
            "how": self.how,
            "sample": list(self.sample),
        }


@dataclass
class MappingProposal:
    columns: list[ColumnProposal]

    @property
    def mapping(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns if c.field}

    @property
    def missing(self) -> list[str]:
        mapped = set(self.mapping.values())
        return [f for f in REQUIRED_FIELDS if f not in mapped]

    def as_json(self) -> dict[str, Any]:
        return {"columns": [c.as_json() for c in self.columns], "missing": self.missing}

    def lines(self) -> list[str]:
        out = []
        for c in self.columns:
            target = FIELDS[c.field].label if c.field else "(not imported)"
            sample = ", ".join(c.sample)
            out.append(f"  {c.letter:>3} {c.header[:32]:<32} -> {target:<30} [{c.how}] {sample}")
        if self.missing:
            out.append(
                "  No column is mapped to: "
                + ", ".join(FIELDS[f].label for f in self.missing)
                + ". Give a mapping file with --mapping."
            )
        return out


def _match(parts: tuple[str, ...], header: str) -> tuple[str | None, int]:
    """The field a heading names and how sure: 2 = a synonym exactly, 1 = contains one."""
    candidates = [*reversed(parts), header] if parts else [header]
    for text in candidates:
        normed = norm(text)
        if normed in _IGNORED:
            return None, 2
        key = _SYNONYMS.get(normed) or _SYNONYMS.get(normed.replace(" ", ""))
        if key:
            return key, 2
    for text in candidates:
        padded = f" {norm(text)} "
        best: tuple[int, str] | None = None
        for syn, key in _SYNONYMS.items():
            long_enough = (" " in syn and len(syn) >= 4) or len(syn) >= 5
            if long_enough and f" {syn} " in padded and (best is None or len(syn) > best[0]):
                best = (len(syn), key)
        if best:
            return best[1], 1
    return None, 0


def propose_mapping(sheet: Sheet, remembered: dict[str, str] | None = None) -> MappingProposal:
    """A mapping from the sheet's headings: the remembered one first, then synonyms. Each field
    goes to one column at most (an exact heading beats one that only contains a synonym)."""
    remembered = remembered or {}
    chosen: dict[int, tuple[str | None, str, int]] = {}
    for index, header in enumerate(sheet.headers):
        normed = norm(header)
        if normed in remembered:
            key = remembered[normed] or None
            chosen[index] = (key if key in FIELDS else None, "remembered", 3)
            continue
        key, strength = _match(sheet.header_parts[index], header)
        if key is None:
            how = "worked out by IRO Desktop" if strength else "not recognised"
            chosen[index] = (None, how, 0)
        else:
            chosen[index] = (key, "matched", strength)
    # One column per field: the strongest (then leftmost) keeps it.
    owner: dict[str, int] = {}
    for index in sorted(chosen, key=lambda i: (-chosen[i][2], i)):
        key = chosen[index][0]
        if key is None:
            continue
        if key in owner:
            chosen[index] = (None, f"{FIELDS[key].label} is column {column_letter(owner[key])}", 0)
        else:
            owner[key] = index
    columns = []
    for index, header in enumerate(sheet.headers):
        key, how, _ = chosen[index]
        sample = tuple(s for s in (shown(r.cells[index]) for r in sheet.rows[:20]) if s)[:3]
        columns.append(ColumnProposal(index, column_letter(index), header, key, how, sample))
    return MappingProposal(columns)


def mapping_from_json(sheet: Sheet, data: dict[str, Any], base: dict[int, str]) -> dict[int, str]:
    """Apply a mapping file ``{"heading or column letter": "field" or null}`` over ``base``."""
    mapping = dict(base)
    by_header = {norm(h): i for i, h in enumerate(sheet.headers)}
    by_letter = {column_letter(i): i for i in range(len(sheet.headers))}
    for name, key in data.items():
        index = by_letter.get(str(name).strip().upper())
        if index is None:
            index = by_header.get(norm(name))
        if index is None:
            raise BadSpreadsheet(
                f"The mapping names the column {name!r}, which {sheet.name} does not have. "
                "Its columns are: " + ", ".join(sheet.headers) + "."
            )
        if key in (None, ""):
            mapping.pop(index, None)
            continue
        if key not in FIELDS:
            raise BadSpreadsheet(
                f"The mapping maps {name!r} to {key!r}, which is not something IRO Desktop "
                "imports. Use one of: " + ", ".join(FIELDS) + "."
            )
        for other, other_key in list(mapping.items()):
            if other_key == key:
                del mapping[other]
        mapping[index] = key
    return mapping


def load_remembered_mapping(store: Store) -> dict[str, str]:
    """The mapping used last time: normalised heading -> field ("" for not imported)."""
    text = load_setting_text(store, MAPPING_SETTING)
    if text is None:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    columns = data.get("columns", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in columns.items()}


def remember_mapping(store: Store, sheet: Sheet, mapping: dict[int, str], source: str) -> None:
    """Keep ``mapping`` for the next import, by heading, over what was remembered before."""
    columns = load_remembered_mapping(store)
    for index, header in enumerate(sheet.headers):
        columns[norm(header)] = mapping.get(index, "")
    text = json.dumps({"columns": columns}, ensure_ascii=False, sort_keys=True)
    save_setting_text(store, MAPPING_SETTING, text, source)
