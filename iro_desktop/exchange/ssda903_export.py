"""Write the caseload as 903 CSV files (header, episodes, reviews, uasc) that import_903 reads.

A plain export of the non-archived records, columns in the DfE order and dates as DD/MM/YYYY;
it does not run the DfE's validation rules.
"""

from __future__ import annotations

import csv
from pathlib import Path

from iro_desktop.domain.model import ChildRecord
from iro_desktop.exchange import ssda903_spec as spec
from iro_desktop.storage.database import Store
from iro_desktop.storage.records import load_child_records

__all__ = ["write_903_csvs"]


def _only_short_breaks(record: ChildRecord) -> bool:
    """DfE rule 399: no REVIEWS rows for a child whose every episode is V3/V4."""
    episodes = [e for e in record.episodes if e.archived_on is None]
    return bool(episodes) and all(e.is_short_break for e in episodes)


def _rows(
    records: list[ChildRecord], include_short_break_reviews: bool
) -> dict[str, list[list[str]]]:
    d = spec.format_date
    out: dict[str, list[list[str]]] = {kind: [] for kind in spec.COLUMNS}
    for record in records:
        child = record.child
        out[spec.HEADER].append(
            [child.child_ref, child.gender, d(child.dob), child.ethnicity, child.upn,
             child.mother, d(child.mc_dob)]
        )  # fmt: skip
        if child.uasc:
            out[spec.UASC].append([child.child_ref, child.gender, d(child.dob),
                                   d(child.uasc_ceased)])  # fmt: skip
        episodes = sorted(
            (e for e in record.episodes if e.archived_on is None), key=lambda e: e.decom
        )
        for e in episodes:
            out[spec.EPISODES].append(
                [child.child_ref, d(e.decom), e.rne, e.ls, e.cin, e.place, e.place_provider,
                 d(e.dec), e.rec, e.reason_place_change, e.home_post, e.pl_post, e.urn]
            )  # fmt: skip
        if not include_short_break_reviews and _only_short_breaks(record):
            continue
        held = sorted(
            (r.part_dates[0], r.review_code)
            for r in record.reviews
            if r.archived_on is None and r.is_held
        )
        for review_date, code in held:
            out[spec.REVIEWS].append([child.child_ref, d(child.dob), d(review_date), code])
    return out


def write_903_csvs(store: Store, folder: Path, *, include_short_break_reviews: bool = True) -> None:
    """Write header.csv, episodes.csv, reviews.csv and uasc.csv into ``folder``.

    REVIEW is the date of each held review's first part. With
    ``include_short_break_reviews=False`` the reviews of children whose every episode is a
    short break (V3/V4) are left out, as the DfE return wants (rule 399).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    records = load_child_records(store)
    for kind, rows in _rows(records, include_short_break_reviews).items():
        with (folder / spec.FILE_NAMES[kind]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(spec.COLUMNS[kind])
            writer.writerows(rows)
