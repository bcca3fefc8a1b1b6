"""Reading the caseload: each child's schedule, and the IRO's list of what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from iro_desktop.domain.model import ChildRecord
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import SECTION_KEYS, Task, group_for, tasks_for
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.storage.database import Store
from iro_desktop.storage.records import load_child_records
from iro_desktop.storage.settings_store import load_settings


@dataclass(frozen=True)
class ChildOverview:
    record: ChildRecord
    schedule: ChildSchedule


def caseload(
    store: Store, today: date, settings: Settings | None = None, *, include_archived: bool = False
) -> list[ChildOverview]:
    """Every child with their statutory schedule, sorted by child reference.

    Worked out once and kept until the file next changes (see ``Store.cached``)."""
    settings = settings or load_settings(store)

    def compute() -> list[ChildOverview]:
        calendar = calendar_for(settings)
        return [
            ChildOverview(record, schedule_for(record, settings, calendar, today))
            for record in load_child_records(
                store, include_archived=include_archived, for_rules_only=True
            )
        ]

    return store.cached(("caseload", settings, today, include_archived), compute)


def open_tasks(overviews: list[ChildOverview], settings: Settings, today: date) -> list[Task]:
    calendar = calendar_for(settings)
    tasks = [
        task
        for overview in overviews
        if overview.record.child.archived_on is None
        for task in tasks_for(overview.record, overview.schedule, settings, calendar, today)
    ]
    return sorted(tasks, key=Task.sort_key)


def due_list(
    store: Store, today: date, within_days: int | None = None, settings: Settings | None = None
) -> list[Task]:
    """Every open task that is overdue, plus those due from today to today + ``within_days``
    (all of them when ``within_days`` is None), sorted by (due, child, task, ref)."""
    settings = settings or load_settings(store)
    tasks = store.cached(
        ("tasks", settings, today),
        lambda: open_tasks(caseload(store, today, settings), settings, today),
    )
    if within_days is None:
        return tasks
    horizon = today + timedelta(days=within_days)
    return [t for t in tasks if t.due <= horizon]


def social_workers(store: Store, today: date) -> dict[str, str]:
    """Each child's social worker by child reference (for the due list's filter)."""
    return {
        o.record.child.child_ref: o.record.child.social_worker.strip()
        for o in caseload(store, today)
    }


def task_as_json(task: Task, today: date) -> dict[str, str | bool]:
    return {
        "child": task.child_ref,
        "task": task.task.value,
        "ref": task.ref,
        "due": task.due.isoformat(),
        "hold_by": task.hold_by.isoformat(),
        "status": task.status(today),
        "group": group_for(task.due, today).value,
        "detail": task.detail,
        "owner": task.owner.value,
        "section": SECTION_KEYS[task.owner],
        "hold_by_passed": task.hold_by_passed(today),
    }


def schedule_as_json(overview: ChildOverview, settings: Settings) -> dict:
    schedule = overview.schedule
    child = overview.record.child
    return {
        "child": child.child_ref,
        "region": settings.region.value,
        "regime": schedule.next_regime.value if schedule.next_regime else None,
        "language": child.language,
        "next_review_due": schedule.next_due.due.isoformat() if schedule.next_due else None,
        "hold_by": schedule.next_due.hold_by.isoformat() if schedule.next_due else None,
        "local_due": schedule.local_due.isoformat() if schedule.local_due else None,
        "explanation": schedule.next_due.explanation if schedule.next_due else None,
        "why_none_due": schedule.why_none_due or None,
        "reviews": [
            {
                "held": review.held.isoformat(),
                "due": review.due.due.isoformat(),
                "in_time": review.in_time,
                "regime": review.regime.value,
                "parts": [p.isoformat() for p in review.parts],
                "number": review.number,
                "explanation": review.due.explanation,
            }
            for review in schedule.reviews
        ],
    }
