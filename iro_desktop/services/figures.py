"""The IRO's figures: work them out from the store, export them, add up several IROs' files.

For the Figures view and the ``figures`` command alike:

* :func:`figures_for` -> ``Figures`` (tables with :func:`tables`, charts with
  ``iro_desktop.reports.figures_charts``);
* :func:`export_word`, :func:`export_csv`, :func:`export_json` write them out;
* :func:`merge` adds up several IROs' JSON figures files (the service roll-up).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from iro_desktop.domain.figures.counting import figures_for as work_out_figures
from iro_desktop.domain.figures.model import Figures, reporting_year
from iro_desktop.domain.figures.tables import FigureTable, figure_tables
from iro_desktop.domain.model import (
    Challenge,
    ChallengeStage,
    Child,
    ChildRecord,
    Contact,
    Episode,
    MidpointCheck,
    PreReviewMeeting,
    Review,
    ReviewPart,
    ReviewStatus,
)
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.errors import UserError
from iro_desktop.reports import figures_export
from iro_desktop.reports.figures_export import figures_as_json
from iro_desktop.reports.figures_merge import merge_figures
from iro_desktop.reports.figures_text import format_cell
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import load_settings

__all__ = [
    "MERGED_NOTE",
    "FiguresPeriodError",
    "default_period",
    "export_csv",
    "export_json",
    "export_word",
    "figures_as_json",
    "figures_for",
    "format_cell",
    "load_for_figures",
    "merge",
    "merged_note",
    "tables",
]

MERGED_NOTE = (
    "Service roll-up of {n} IROs' figures files. Each child counts for the IRO holding them "
    "at the end of the period, so no child is counted twice."
)


class FiguresPeriodError(UserError):
    pass


def default_period(today: date) -> tuple[date, date]:
    """The April-March reporting year containing ``today``."""
    return reporting_year(today)


def figures_for(
    store: Store,
    period_from: date | None = None,
    period_to: date | None = None,
    *,
    today: date,
) -> Figures:
    """The figures for the period (both dates included; default: the reporting year
    containing ``today``). While the period runs, they count up to the day before ``today``.

    Reads every child's full record (closed decisions and challenges too) and keeps the
    answer until the file next changes."""
    default_from, default_to = default_period(today)
    start = period_from or (default_from if period_to is None else _year_before(period_to))
    end = period_to or (default_to if period_from is None else _year_after(start))
    if end < start:
        raise FiguresPeriodError(
            f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}): "
            "give the earlier date as --from."
        )
    settings = load_settings(store)

    def compute() -> Figures:
        counted_to = min(end, today - timedelta(days=1))
        records = load_for_figures(
            store, start, counted_to, by_final_part=settings.judge_review_by_final_part
        )
        return work_out_figures(records, settings, calendar_for(settings), start, end, today)

    return store.cached(("figures", start, end, today, settings), compute)


def _year_before(end: date) -> date:
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 Feb
        return date(end.year - 1, 3, 1)


def _year_after(start: date) -> date:
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:  # 29 Feb
        return date(start.year + 1, 2, 28)


def tables(fig: Figures) -> list[FigureTable]:
    """Every table with its definition, as the Figures view shows them."""
    return figure_tables(fig)


def _writable(path: Path, action):
    try:
        return action()
    except OSError as error:
        raise UserError(
            f"Could not write {path}: {error.strerror or error}. Choose another place."
        ) from None


def export_json(fig: Figures, path: Path) -> Path:
    return _writable(path, lambda: figures_export.write_json(fig, path))


def export_csv(fig: Figures, folder: Path) -> list[Path]:
    return _writable(folder, lambda: figures_export.write_csv(fig, folder))


def export_word(fig: Figures, path: Path, *, subtitle: str = "", note: str = "") -> Path:
    title = "IRO service figures" if fig.iros > 1 else "IRO figures"
    return _writable(
        path,
        lambda: figures_export.write_word(fig, path, title=title, subtitle=subtitle, note=note),
    )


def merged_note(fig: Figures) -> str:
    return MERGED_NOTE.format(n=fig.iros)


def merge(paths: list[Path]) -> Figures:
    """Add up several IROs' JSON figures files (refuses different periods or definitions)."""
    return merge_figures([Path(p) for p in paths])


# --------------------------------------------------------------------------------------------
# Reading just what the figures use


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


KEPT_BEFORE = 2  # held reviews kept before the period: enough for every in-period figure


def load_for_figures(
    store: Store,
    period_from: date | None = None,
    counted_to: date | None = None,
    *,
    by_final_part: bool = False,
) -> list[ChildRecord]:
    """Every child's record (archived children too) with only what the figures read:
    episodes, held reviews, meetings, contacts, checks and challenges, but no names, no free
    text beyond the two participation notes, no decisions or people. The figures never hold
    a child's name, because it is never read.

    With ``period_from`` (and ``counted_to``), only the held reviews that can change the
    period's figures are built: the last two judged before the period (a review's due date
    depends only on the review before it in its schedule, and its number is first, second
    or subsequent), every review in the period, and the first one after it; and the
    meetings, contacts and checks after the last review left out. The test suite checks this
    gives the same figures as the whole history."""
    conn = store.db.conn

    def grouped(sql: str, params: tuple = ()) -> dict[int, list]:
        out: dict[int, list] = {}
        for row in conn.execute(sql, params):
            out.setdefault(row[0], []).append(row[1:])
        return out

    episodes = grouped(
        "SELECT child_id, id, decom, rne, ls, place, place_provider, dec, rec, pl_post "
        "FROM episodes WHERE archived_on IS NULL ORDER BY id"
    )
    # Which held reviews to build: first their dates only, then the kept ones in full.
    judged: dict[int, list[tuple[str, int]]] = {}
    for cid, rid, first, last in conn.execute(
        "SELECT r.child_id, r.id, MIN(p.held_on), MAX(p.held_on) FROM reviews r "
        "JOIN review_parts p ON p.review_id = r.id AND p.archived_on IS NULL "
        "WHERE r.archived_on IS NULL AND r.status = 'held' GROUP BY r.id"
    ):
        judged.setdefault(cid, []).append((last if by_final_part else first, rid))
    kept_ids: list[int] = []
    since_by_child: dict[int, str] = {}
    start = period_from.isoformat() if period_from else ""
    end = (counted_to or date.max).isoformat()
    for cid, items in judged.items():
        if period_from is None:
            kept_ids.extend(rid for _, rid in items)
            continue
        items.sort()
        earlier = [item for item in items if item[0] < start]
        during = [item for item in items if start <= item[0] <= end]
        after = [item for item in items if item[0] > end][:1]
        kept_ids.extend(rid for _, rid in earlier[-KEPT_BEFORE:] + during + after)
        if len(earlier) > KEPT_BEFORE:
            # Nothing on or before the last review left out can change a figure: every
            # review in the period has a kept review before it.
            since_by_child[cid] = earlier[-KEPT_BEFORE - 1][0]
    ids = json.dumps(kept_ids)
    parts = grouped(
        "SELECT review_id, held_on FROM review_parts WHERE archived_on IS NULL "
        "AND review_id IN (SELECT value FROM json_each(?)) ORDER BY held_on",
        (ids,),
    )
    reviews = grouped(
        "SELECT child_id, id, status, booked_for, review_code, views_how, "
        "parents_participation, timing_reason, decisions_circulated_on, letter_sent_on, "
        "record_sent_on, consultation_sent_on, consultation_returned_on "
        "FROM reviews WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (ids,),
    )
    meetings = grouped(
        "SELECT child_id, id, review_id, held_on FROM pre_review_meetings "
        "WHERE archived_on IS NULL ORDER BY id"
    )
    contacts = grouped(
        'SELECT child_id, id, "on" FROM contacts WHERE archived_on IS NULL ORDER BY id'
    )
    checks = grouped(
        "SELECT child_id, id, after_review_id, done_on FROM midpoint_checks "
        "WHERE archived_on IS NULL ORDER BY id"
    )
    stages = grouped(
        "SELECT challenge_id, stage, raised_on, response_due, responded_on "
        "FROM challenge_stages WHERE archived_on IS NULL ORDER BY id"
    )
    challenges = grouped(
        "SELECT child_id, id, theme, cafcass_referred_on, resolved_on FROM challenges "
        "WHERE archived_on IS NULL ORDER BY id"
    )
    for cid, since in since_by_child.items():
        for table in (meetings, contacts, checks):
            rows_of_child = table.get(cid)
            if rows_of_child:
                table[cid] = [r for r in rows_of_child if r[-1] > since]
    records = []
    children = conn.execute(
        "SELECT id, child_ref, dob, uasc, uasc_ceased, short_breaks_ended_on, archived_on "
        "FROM children ORDER BY child_ref"
    )
    for cid, ref, dob, uasc, uasc_ceased, sb_ended, archived in children:
        child = Child(
            id=cid,
            child_ref=ref,
            first_name="",
            last_name="",
            dob=date.fromisoformat(dob),
            uasc=bool(uasc),
            uasc_ceased=_d(uasc_ceased),
            short_breaks_ended_on=_d(sb_ended),
            archived_on=_d(archived),
        )
        records.append(
            ChildRecord(
                child=child,
                episodes=tuple(
                    Episode(
                        id=eid,
                        decom=date.fromisoformat(decom),
                        rne=rne,
                        ls=ls,
                        place=place,
                        place_provider=provider,
                        dec=_d(dec),
                        rec=rec,
                        pl_post=pl_post,
                    )
                    for eid, decom, rne, ls, place, provider, dec, rec, pl_post in episodes.get(
                        cid, ()
                    )
                ),
                reviews=tuple(
                    Review(
                        id=rid,
                        status=ReviewStatus(status),
                        parts=tuple(
                            ReviewPart(date.fromisoformat(p)) for (p,) in parts.get(rid, ())
                        ),
                        booked_for=_d(booked),
                        review_code=code,
                        views_how=views,
                        parents_participation=parents,
                        timing_reason=reason,
                        decisions_circulated_on=_d(circulated),
                        letter_sent_on=_d(letter),
                        record_sent_on=_d(record),
                        consultation_sent_on=_d(sent),
                        consultation_returned_on=_d(returned),
                    )
                    for (
                        rid,
                        status,
                        booked,
                        code,
                        views,
                        parents,
                        reason,
                        circulated,
                        letter,
                        record,
                        sent,
                        returned,
                    ) in reviews.get(cid, ())
                ),
                pre_review_meetings=tuple(
                    PreReviewMeeting(mid, review_id, date.fromisoformat(held))
                    for mid, review_id, held in meetings.get(cid, ())
                ),
                contacts=tuple(
                    Contact(kid, date.fromisoformat(on)) for kid, on in contacts.get(cid, ())
                ),
                midpoint_checks=tuple(
                    MidpointCheck(mid, after, date.fromisoformat(done))
                    for mid, after, done in checks.get(cid, ())
                ),
                challenges=tuple(
                    Challenge(
                        id=chid,
                        theme=theme,
                        stages=tuple(
                            ChallengeStage(
                                stage,
                                date.fromisoformat(raised),
                                response_due=_d(due),
                                responded_on=_d(responded),
                            )
                            for stage, raised, due, responded in stages.get(chid, ())
                        ),
                        cafcass_referred_on=_d(cafcass),
                        resolved_on=_d(resolved),
                    )
                    for chid, theme, cafcass, resolved in challenges.get(cid, ())
                ),
            )
        )
    return records
