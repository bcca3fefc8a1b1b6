"""Write the caseload as the DfE SSDA903 ("903") CSV files: header, episodes, reviews (and uasc).

Two uses:

* :func:`build_903` / :func:`write_903`: the return for a collection year (1 April to 31 March),
  checked against the DfE rules in :mod:`ssda903_rules` before anything is written. Episodes
  open at any time in the year are returned (an episode still open on 31 March has DEC and REC
  blank, as the return wants); reviews held in the year; the children those concern.
  Short-break reviews are left out of REVIEWS and MOTHER is left blank for a child whose every
  episode is a short break (rule 399).
* :func:`write_903_csvs`: every non-archived record as 903 files, which ``import_903`` reads
  back into the same schedule (the round trip).

Values come from the record as it is (entered in the app or imported); a field the record
does not hold is written blank, never made up. Where a blank breaks a DfE rule the rule check
lists it so that the IRO can complete the record. Every cell goes through
:mod:`csv_safety`, and file names hold no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.domain import code_lists
from iro_desktop.domain.model import ChildRecord
from iro_desktop.domain.schedule import birthday
from iro_desktop.exchange.csv_safety import safe_writer
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903 import years as years
from iro_desktop.exchange.ssda903.rules import Problem, check_tables
from iro_desktop.i18n import _, ngettext
from iro_desktop.storage.database import Store
from iro_desktop.storage.files import writing
from iro_desktop.storage.records import load_child_records

__all__ = [
    "Export903",
    "build_903",
    "collection_year",
    "write_903",
    "write_903_csvs",
]

Row = dict[str, str]


def collection_year(year: int) -> tuple[date, date]:
    """The 903 collection year ``year``: 1 April of the year before to 31 March ``year``."""
    return date(year - 1, 4, 1), date(year, 3, 31)


@dataclass
class Export903:
    """The 903 tables worked out from the caseload, before (or after) they are written."""

    year: int | None
    tables: dict[str, list[Row]]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def passes(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        return {kind: len(rows) for kind, rows in self.tables.items()}

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "counts": self.counts(),
            "passes": self.passes,
            "problems": [p.as_json() for p in self.problems],
            "notes": list(self.notes),
            "files": [str(p) for p in self.written],
        }

    def summary_lines(self) -> list[str]:
        counts = self.counts()
        lines = [
            f"{counts[spec.HEADER]} children, {counts[spec.EPISODES]} episodes, "
            f"{counts[spec.REVIEWS]} reviews"
            + (f" in the collection year ending 31 March {self.year}" if self.year else "")
            + "."
        ]
        lines.extend(self.notes)
        if self.problems:
            lines.append(
                ngettext(
                    "%(count)d breach of the DfE 903 rules; complete this record in IRO "
                    "Desktop and export again:",
                    "%(count)d breaches of the DfE 903 rules; complete these records in IRO "
                    "Desktop and export again:",
                    len(self.problems),
                )
                % {"count": len(self.problems)}
            )
            lines.extend(f"  {p.line()}" for p in self.problems)
        else:
            lines.append(_("Passes the DfE 903 rules IRO Desktop checks."))
        return lines


def _only_short_breaks(episodes: list[Any]) -> bool:
    """Rule 399: a child whose every episode is V3/V4 has no REVIEWS rows and no MOTHER."""
    return bool(episodes) and all(e.is_short_break for e in episodes)


def _in_year(episode: Any, start: date | None, end: date | None) -> bool:
    if start is None or end is None:
        return True
    return episode.decom <= end and (episode.dec is None or episode.dec >= start)


def _child_rows(
    record: ChildRecord,
    start: date | None,
    end: date | None,
    *,
    include_short_break_reviews: bool,
    dfe_return: bool,
    notes: dict[str, int],
) -> dict[str, list[Row]] | None:
    d = spec.format_date
    child = record.child
    episodes = sorted(
        (e for e in record.episodes if e.archived_on is None and _in_year(e, start, end)),
        key=lambda e: e.decom,
    )
    if start is not None and not episodes:
        notes["not looked after in the year"] += 1
        return None
    short_breaks_only = _only_short_breaks(episodes)
    out: dict[str, list[Row]] = {kind: [] for kind in spec.COLUMNS}
    year = code_lists.collection_year_of(end) if end else years.known_years()[-1]
    codes = years.for_year(year)
    if dfe_return and end is not None:
        mother, mc_dob = _mother_as_at(child, episodes, end, short_breaks_only, notes)
        upn = child.upn or _unknown_upn(child.dob, year, notes)
    else:
        mother, mc_dob, upn = child.mother, d(child.mc_dob), child.upn
    out[spec.HEADER].append(
        {
            "CHILD": child.child_ref,
            "SEX": code_lists.sex_for_year(child.gender, codes),
            "DOB": d(child.dob),
            "ETHNIC": child.ethnicity,
            "UPN": upn,
            "MOTHER": mother,
            "MC_DOB": mc_dob,
        }
    )
    if child.uasc:
        out[spec.UASC].append(
            {
                "CHILD": child.child_ref,
                "SEX": code_lists.sex_for_year(child.gender, codes),
                "DOB": d(child.dob),
                # The DfE's DUC for a child still UASC is their 18th birthday (rule 205B).
                "DUC": d(child.uasc_ceased)
                or (d(birthday(child.dob, 18)) if dfe_return and end is not None else ""),
            }
        )
    for position, e in enumerate(episodes):
        open_at_year_end = end is not None and e.dec is not None and e.dec > end
        if open_at_year_end:
            notes["episodes open on 31 March"] += 1
        row = {
            "CHILD": child.child_ref,
            "DECOM": d(e.decom),
            "RNE": e.rne,
            "LS": e.ls,
            "CIN": e.cin,
            "PLACE": e.place,
            "PLACE_PROVIDER": e.place_provider,
            "DEC": "" if open_at_year_end else d(e.dec),
            "REC": "" if open_at_year_end else e.rec,
            "REASON_PLACE_CHANGE": e.reason_place_change,
            "HOME_POST": e.home_post,
            "PL_POST": e.pl_post,
            "URN": e.urn,
        }
        if dfe_return:
            following = episodes[position + 1] if position + 1 < len(episodes) else None
            row["REASON_PLACE_CHANGE"] = _reason_on_ended(e, following, row["DEC"])
            if e.is_short_break:  # rules 214 and 398: no location for a short break
                row["HOME_POST"] = row["PL_POST"] = row["URN"] = ""
            if e.place == "H5" and "H5" not in codes.place and "K3" in codes.place:
                row["PLACE"] = "K3"  # the DfE's successor code (validator rule 243)
                notes["H5 written as K3"] += 1
        out[spec.EPISODES].append(row)
    held = sorted(
        (r.part_dates[0], r.review_code)
        for r in record.reviews
        if r.archived_on is None and r.is_held
    )
    if start is not None and end is not None:
        held = [(day, code) for day, code in held if start <= day <= end]
    if short_breaks_only and not include_short_break_reviews:
        notes["short-break reviews left out (rule 399)"] += len(held)
        return out
    for review_date, code in held:
        out[spec.REVIEWS].append(
            {
                "CHILD": child.child_ref,
                "DOB": d(child.dob),
                "REVIEW": d(review_date),
                "REVIEW_CODE": code,
            }
        )
    return out


def _reason_on_ended(episode: Any, following: Any, written_dec: str) -> str:
    """REASON_PLACE_CHANGE as the DfE wants it: on the episode that ended with the placement
    change (rule 225), never on one still open (rule 233). The app records the reason with
    the new placement; a file's own (on the ended episode) is kept when the next has none."""
    if not written_dec or episode.rec != "X1" or following is None:
        return ""
    if following.rne not in ("P", "B", "T", "U"):
        return ""
    return following.reason_place_change or episode.reason_place_change


def _mother_as_at(
    child: Any, episodes: list[Any], end: date, short_breaks_only: bool, notes: dict[str, int]
) -> tuple[str, str]:
    """MOTHER and MC_DOB as they were at the year's end, or when the child left care in it
    (rule 625); none for a child on short breaks only (rule 399). A girl under 12 with nothing
    recorded is written as not a mother (0), as rule 393 needs an answer."""
    if short_breaks_only:
        return "", ""
    as_at = end
    last = episodes[-1] if episodes else None
    if last is not None and last.dec is not None and last.dec <= end and last.rec != "X1":
        as_at = last.dec
    if child.mc_dob is not None:
        if child.mc_dob <= as_at:
            return "1", spec.format_date(child.mc_dob)
        notes["mother after the year"] += 1
        return "0", ""
    if child.mother:
        return child.mother, ""
    female = code_lists.normal_sex(child.gender or "") == code_lists.FEMALE
    if female and birthday(child.dob, 12) > end:
        return "0", ""
    return "", ""


def _unknown_upn(dob: date, year: int, notes: dict[str, int]) -> str:
    """The DfE's code for a UPN the app does not hold: UN1 for a child not yet of school age on
    31 August before the collection year (rule 209), UN5 (not known) otherwise."""
    notes["UPN not held"] += 1
    return "UN1" if birthday(dob, 4) > date(year - 2, 8, 31) else "UN5"


def _tables(
    records: list[ChildRecord],
    year: int | None,
    *,
    include_short_break_reviews: bool,
    dfe_return: bool,
) -> tuple[dict[str, list[Row]], list[str]]:
    start, end = collection_year(year) if year is not None else (None, None)
    tables: dict[str, list[Row]] = {kind: [] for kind in spec.COLUMNS}
    counts: dict[str, int] = {
        "not looked after in the year": 0,
        "episodes open on 31 March": 0,
        "short-break reviews left out (rule 399)": 0,
        "mother after the year": 0,
        "UPN not held": 0,
        "H5 written as K3": 0,
    }
    for record in records:
        rows = _child_rows(
            record,
            start,
            end,
            include_short_break_reviews=include_short_break_reviews,
            dfe_return=dfe_return,
            notes=counts,
        )
        if rows is None:
            continue
        for kind, kind_rows in rows.items():
            tables[kind].extend(kind_rows)
    notes = []
    if counts["not looked after in the year"]:
        n = counts["not looked after in the year"]
        notes.append(
            ngettext(
                "%(count)d child with no episode in the year is not in the return.",
                "%(count)d children with no episode in the year are not in the return.",
                n,
            )
            % {"count": n}
        )
    if counts["episodes open on 31 March"]:
        n = counts["episodes open on 31 March"]
        notes.append(
            ngettext(
                "%(count)d episode ended after 31 March %(year)s: returned as open (DEC and "
                "REC blank).",
                "%(count)d episodes ended after 31 March %(year)s: returned as open (DEC and "
                "REC blank).",
                n,
            )
            % {"count": n, "year": year}
        )
    if counts["short-break reviews left out (rule 399)"]:
        n = counts["short-break reviews left out (rule 399)"]
        notes.append(
            ngettext(
                "%(count)d review of a child on short breaks only (V3/V4) is left out of "
                "REVIEWS (DfE rule 399).",
                "%(count)d reviews of children on short breaks only (V3/V4) are left out of "
                "REVIEWS (DfE rule 399).",
                n,
            )
            % {"count": n}
        )
    if counts["mother after the year"]:
        n = counts["mother after the year"]
        notes.append(
            ngettext(
                "%(count)d child became a mother after the year: MOTHER 0 as at the year "
                "(rule 625).",
                "%(count)d children became mothers after the year: MOTHER 0 as at the year "
                "(rule 625).",
                n,
            )
            % {"count": n}
        )
    if counts["UPN not held"]:
        n = counts["UPN not held"]
        notes.append(
            ngettext(
                "%(count)d child with no UPN recorded: written as the DfE's unknown code (UN1 "
                "not of school age, UN5 not known); record the UPN to replace it.",
                "%(count)d children with no UPN recorded: written as the DfE's unknown code "
                "(UN1 not of school age, UN5 not known); record the UPN to replace it.",
                n,
            )
            % {"count": n}
        )
    if counts["H5 written as K3"]:
        n = counts["H5 written as K3"]
        notes.append(
            ngettext(
                "%(count)d H5 placement written as K3, the code that replaced H5 from 2025-26.",
                "%(count)d H5 placements written as K3, the code that replaced H5 from 2025-26.",
                n,
            )
            % {"count": n}
        )
    return tables, notes


def build_903(store: Store, year: int | None = None) -> Export903:
    """The DfE 903 return for the collection year ending 31 March ``year``, checked against the
    DfE rules; or, when None, every record (lossless: short-break reviews included, with a note
    that they are not part of the DfE return). Nothing is written."""
    # The light load: episodes, reviews' codes and part dates are all the return needs.
    records = load_child_records(store, for_rules_only=True)
    if year is None:
        tables, notes = _tables(records, None, include_short_break_reviews=True, dfe_return=False)
        short = _short_break_review_count(records)
        if short:
            notes.append(
                ngettext(
                    "%(count)d review of a child on short breaks only (V3/V4) is included so "
                    "that nothing is lost; it is not part of the DfE return (rule 399).",
                    "%(count)d reviews of children on short breaks only (V3/V4) are included "
                    "so that nothing is lost; they are not part of the DfE return (rule 399).",
                    short,
                )
                % {"count": short}
            )
        export = Export903(None, tables, notes=notes)
        export.problems = check_tables(tables, rules=_ALL_YEARS_RULES)
        return export
    tables, notes = _tables(records, year, include_short_break_reviews=False, dfe_return=True)
    export = Export903(year, tables, notes=notes)
    export.problems = check_tables(tables, year=year)
    return export


def _short_break_review_count(records: list[ChildRecord]) -> int:
    count = 0
    for record in records:
        episodes = [e for e in record.episodes if e.archived_on is None]
        if _only_short_breaks(episodes):
            count += sum(1 for r in record.reviews if r.archived_on is None and r.is_held)
    return count


# An all-years file is the app's own record, not a return: only the rules about its shape.
_ALL_YEARS_RULES = ["102", "141", "166", "356", "INT08", "INT17"]


def write_903(export: Export903, folder: Path) -> list[Path]:
    """Write ``export``'s tables as header.csv, episodes.csv, reviews.csv and uasc.csv.

    Each file is written beside its final name and moved into place, so a failure never leaves
    a half-written file under a 903 name."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, rows in export.tables.items():
        target = folder / spec.FILE_NAMES[kind]
        columns = spec.COLUMNS[kind]
        with writing(target) as partial, partial.open("w", encoding="utf-8", newline="") as out:
            writer = safe_writer(out)
            writer.writerow(columns)
            writer.writerows([row.get(c, "") for c in columns] for row in rows)
        written.append(target)
    export.written = written
    return written


def write_903_csvs(store: Store, folder: Path, *, include_short_break_reviews: bool = True) -> None:
    """Write every non-archived record as header.csv, episodes.csv, reviews.csv and uasc.csv
    in ``folder``: what ``import_903`` reads back into the same schedule.

    REVIEW is the date of each held review's first part. With
    ``include_short_break_reviews=False`` the reviews of children whose every episode is a
    short break (V3/V4) are left out, as the DfE return wants (rule 399).
    """
    records = load_child_records(store)
    tables, notes = _tables(
        records, None, include_short_break_reviews=include_short_break_reviews, dfe_return=False
    )
    write_903(Export903(None, tables, notes=notes), folder)
