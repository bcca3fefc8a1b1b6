"""Reading the caseload: each child's schedule, and the IRO's list of what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from iro_desktop.domain.model import ChildRecord
from iro_desktop.domain.schedule_types import ChildSchedule
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import SECTION_KEYS, Task, group_for, tasks_for
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.services.kept_results import fingerprint, keep_worked_out, results_for
from iro_desktop.storage import kept_results as kept
from iro_desktop.storage import queries
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

    Schedules come from the file where kept and current (``services.kept_results``); the
    rest are worked out and kept. Held in memory until the file next changes
    (``Store.cached``)."""
    settings = settings or load_settings(store)

    def compute() -> list[ChildOverview]:
        mark = fingerprint(settings)
        marker = store.change_marker()
        with store.atomic():  # the records and the kept schedules as of one moment
            records = load_child_records(
                store, include_archived=include_archived, for_rules_only=True
            )
            schedules = kept.kept_schedules(store, mark, today)
        stale = [r for r in records if r.child.id not in schedules]
        for result in keep_worked_out(store, stale, settings, today, mark, marker):
            schedules[result.child_id] = result.schedule
        return [ChildOverview(record, schedules[record.child.id]) for record in records]

    return store.cached(("caseload", settings, today, include_archived), compute)


def open_tasks(overviews: list[ChildOverview], settings: Settings, today: date) -> list[Task]:
    """Every open task of these children worked out from their records (the full recompute
    that the kept results must always equal)."""
    calendar = calendar_for(settings)
    tasks = [
        task
        for overview in overviews
        if overview.record.child.archived_on is None
        for task in tasks_for(overview.record, overview.schedule, settings, calendar, today)
    ]
    return sorted(tasks, key=Task.sort_key)


def _open_tasks_to(
    store: Store, today: date, settings: Settings, horizon: date | None
) -> list[Task]:
    """The kept tasks of the caseload due up to ``horizon`` (all: None), with the stale
    children's worked out (and kept)."""
    mark = fingerprint(settings)
    stale, tasks = kept.open_tasks_now(store, mark, today, horizon)
    if not stale:
        return tasks
    fresh = [
        task
        for result in results_for(store, stale, settings, today, mark)
        for task in result.tasks
        if horizon is None or task.due <= horizon
    ]
    return sorted(tasks + fresh, key=Task.sort_key)


def due_list(
    store: Store, today: date, within_days: int | None = None, settings: Settings | None = None
) -> list[Task]:
    """Every open task that is overdue, plus those due from today to today + ``within_days``
    (all of them when ``within_days`` is None), sorted by (due, child, task, ref)."""
    settings = settings or load_settings(store)
    horizon = None if within_days is None else today + timedelta(days=within_days)
    every = store.cached_only(("tasks", settings, today, None))
    if every is not None and horizon is not None:  # already read: no need to read again
        return [t for t in every if t.due <= horizon]
    return store.cached(
        ("tasks", settings, today, horizon),
        lambda: _open_tasks_to(store, today, settings, horizon),
    )


def keep_due_results(store: Store, today: date) -> int:
    """Work out and keep in the file the results of every child whose kept ones are stale:
    the desktop app's start reads them while writes are held (before the file's checks
    pass), so it keeps nothing then; this runs once the checks have passed, so the next
    start reads them. Returns how many children were worked out."""
    settings = load_settings(store)
    mark = fingerprint(settings)
    stale, _tasks = kept.open_tasks_now(store, mark, today, None)
    if stale:
        results_for(store, stale, settings, today, mark)
    return len(stale)


@dataclass(frozen=True)
class DueView:
    """What the due view shows: every open task, and each child's name and social worker by
    child reference (for the list and its filter)."""

    tasks: list[Task]
    names: dict[str, str]
    social_workers: dict[str, str]


def due_view(store: Store, today: date, settings: Settings | None = None) -> DueView:
    """:func:`due_list` (every open task) with the names and social workers beside it, read
    without loading any child's whole record."""
    tasks = due_list(store, today, None, settings)
    people = store.cached(("child labels",), lambda: queries.child_labels(store))
    return DueView(
        tasks,
        {ref: f"{known_as} {last}".strip() for ref, (known_as, last, _) in people.items()},
        {ref: worker.strip() for ref, (_, _, worker) in people.items()},
    )


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
