"""One child's record for the screen: the caseload table's rows and the child view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.codes import legal_status_meaning, placement_meaning
from iro_desktop.domain.model import ChildRecord
from iro_desktop.domain.placement import current_episode, is_out_of_area
from iro_desktop.domain.schedule import age_on, schedule_for
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import Task, tasks_for
from iro_desktop.domain.timeline import TimelineEvent, footprint
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.services.caseload import caseload
from iro_desktop.storage.database import Store
from iro_desktop.storage.records import load_child_record
from iro_desktop.storage.settings_store import load_settings


@dataclass(frozen=True)
class CaseloadRow:
    child_ref: str
    name: str
    age: int
    legal_status: str
    legal_status_text: str
    placement: str
    placement_text: str
    placement_name: str
    out_of_area: bool | None
    social_worker: str
    last_review: date | None
    next_review_due: date | None
    hold_by: date | None
    last_code: str
    open_decisions: int
    open_challenges: int
    language: str
    uasc: bool
    archived: bool


def caseload_rows(
    store: Store, today: date, *, include_archived: bool = False
) -> list[CaseloadRow]:
    settings = load_settings(store)
    rows = []
    for overview in caseload(store, today, settings, include_archived=include_archived):
        record, schedule = overview.record, overview.schedule
        child = record.child
        episode = current_episode(record, today)
        held = [r for r in record.reviews if r.is_held and r.archived_on is None]
        last_held = max(held, key=lambda r: r.part_dates[0], default=None)
        rows.append(
            CaseloadRow(
                child_ref=child.child_ref,
                name=f"{child.known_as} {child.last_name}".strip() or child.child_ref,
                age=age_on(child.dob, today),
                legal_status=episode.ls if episode else "",
                legal_status_text=legal_status_meaning(episode.ls) if episode else "",
                placement=episode.place if episode else "",
                placement_text=placement_meaning(episode.place) if episode else "",
                placement_name=episode.placement_name if episode else "",
                out_of_area=is_out_of_area(episode, settings) if episode else None,
                social_worker=child.social_worker,
                last_review=schedule.reviews[-1].held if schedule.reviews else None,
                next_review_due=schedule.next_due.due if schedule.next_due else None,
                hold_by=schedule.next_due.hold_by if schedule.next_due else None,
                last_code=last_held.review_code if last_held else "",
                open_decisions=sum(
                    1 for d in record.decisions if d.is_open and d.archived_on is None
                ),
                open_challenges=sum(
                    1 for c in record.challenges if c.is_open and c.archived_on is None
                ),
                language=child.language,
                uasc=child.uasc,
                archived=child.archived_on is not None,
            )
        )
    return rows


@dataclass(frozen=True)
class ChildDetail:
    """Everything the child view shows: the full record, its schedule, tasks and footprint."""

    record: ChildRecord
    schedule: ChildSchedule
    tasks: tuple[Task, ...]
    timeline: tuple[TimelineEvent, ...]
    settings: Settings
    today: date
    age: int
    out_of_area: bool | None


def child_detail(store: Store, child_ref: str, today: date) -> ChildDetail | None:
    record = load_child_record(store, child_ref)
    if record is None:
        return None
    settings = load_settings(store)
    calendar = calendar_for(settings)
    schedule = schedule_for(record, settings, calendar, today)
    tasks = sorted(tasks_for(record, schedule, settings, calendar, today), key=Task.sort_key)
    episode = current_episode(record, today)
    return ChildDetail(
        record=record,
        schedule=schedule,
        tasks=tuple(tasks),
        timeline=tuple(footprint(record, settings.timescales.contact_every_weeks, today)),
        settings=settings,
        today=today,
        age=age_on(record.child.dob, today),
        out_of_area=is_out_of_area(episode, settings) if episode else None,
    )
