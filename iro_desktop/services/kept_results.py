"""Each child's schedule and tasks, kept in the file and worked out again only where something
changed (``storage.kept_results`` keeps them; triggers there mark a changed child stale).

What a kept result depends on besides the child's own rows is the *fingerprint*: the
council's settings, the rules (the code that works results out), the holiday calendar and
the language of the app's words. When any of them changes, every kept result is stale.
The day matters only through the 18th birthday (``schedule.same_result_between``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path

from iro_desktop import __version__, i18n
from iro_desktop.domain.model import ChildRecord
from iro_desktop.domain.schedule import same_result_between, schedule_for
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import tasks_for
from iro_desktop.domain.working_days import WorkingDayCalendar, calendar_for
from iro_desktop.storage import kept_results as kept
from iro_desktop.storage.database import Store
from iro_desktop.storage.kept_results import ChildResults
from iro_desktop.storage.records import load_child_records

__all__ = ["ChildResults", "fingerprint", "keep_worked_out", "results_for", "work_out"]

# Bump when what is kept changes shape without the code below changing.
KEPT_FORMAT = 1

# The code a kept result comes from: the rules and the loader that feeds them. A change to
# any of these files (a new release, a fix) makes every kept result stale.
RULES_MODULES = (
    "iro_desktop.domain.dates",
    "iro_desktop.domain.display",
    "iro_desktop.domain.due_dates",
    "iro_desktop.domain.model",
    "iro_desktop.domain.review_rules",
    "iro_desktop.domain.schedule",
    "iro_desktop.domain.schedule_types",
    "iro_desktop.domain.segments",
    "iro_desktop.domain.settings",
    "iro_desktop.domain.tasks",
    "iro_desktop.domain.working_days",
    "iro_desktop.storage.records",
    "iro_desktop.storage.kept_results",
    "iro_desktop.services.kept_results",
)
# The holiday data the calendar takes from the ``holidays`` package (read, not imported:
# importing it costs more than the whole due list).
_HOLIDAY_FILES = ("version.py", "countries/united_kingdom.py")


def _file_digest(paths: list[Path | None]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        try:
            digest.update(path.read_bytes() if path else b"missing")
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A digest of the rules' code (``RULES_MODULES``), once per process."""
    paths = []
    for name in RULES_MODULES:
        module = sys.modules.get(name)
        file = getattr(module, "__file__", None)
        paths.append(Path(file) if file else None)
    # The release too: a frozen build's modules may have no files to read.
    return f"{KEPT_FORMAT}:{__version__}:{_file_digest(paths)}"


@lru_cache(maxsize=1)
def holiday_calendar_version() -> str:
    """A digest of the ``holidays`` package's version and its UK holiday rules."""
    spec = importlib.util.find_spec("holidays")
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:
        return "no holidays package"
    return _file_digest([Path(folders[0]) / name for name in _HOLIDAY_FILES])


@lru_cache(maxsize=16)
def _fingerprint(settings: Settings, language: str) -> str:
    text = json.dumps(
        [settings.to_dict(), rules_version(), holiday_calendar_version(), language],
        sort_keys=True,
    )
    return hashlib.sha256(text.encode()).hexdigest()


def fingerprint(settings: Settings) -> str:
    """What every kept result depends on besides the child's rows and the day."""
    return _fingerprint(settings, i18n.language())


def calendar_of(store: Store, settings: Settings) -> WorkingDayCalendar:
    """The shared working-day calendar, with the years of bank holidays kept in the file
    handed in (so the ``holidays`` package is imported only for a year never kept)."""
    calendar = calendar_for(settings)
    region = calendar.region.value
    for year, days in kept.kept_holiday_years(store, region, holiday_calendar_version()).items():
        calendar.add_known_year(year, days)
    return calendar


def _keep_new_years(store: Store, calendar: WorkingDayCalendar) -> None:
    """Keep the years the calendar had to ask the package for (best effort)."""
    new = calendar.years_from_package()
    if new:
        source = holiday_calendar_version()
        known = kept.kept_holiday_years(store, calendar.region.value, source)
        missing = {year: days for year, days in new.items() if year not in known}
        kept.keep_holiday_years(store, calendar.region.value, source, missing)


def work_out(
    records: list[ChildRecord],
    settings: Settings,
    today: date,
    calendar: WorkingDayCalendar | None = None,
) -> list[ChildResults]:
    """Each child's schedule and tasks worked out from their record, with the days the result
    holds for."""
    calendar = calendar or calendar_for(settings)
    out = []
    for record in records:
        schedule = schedule_for(record, settings, calendar, today)
        tasks = tasks_for(record, schedule, settings, calendar, today)
        valid_from, valid_to = same_result_between(record.child, today)
        assert record.child.id is not None
        out.append(ChildResults(record.child.id, valid_from, valid_to, schedule, tasks))
    return out


def results_for(
    store: Store, child_ids: list[int], settings: Settings, today: date, fingerprint: str
) -> list[ChildResults]:
    """Work out these children's results from the file and keep them (when the file can be
    written and nothing changed meanwhile): the stale children of a read."""
    if not child_ids:
        return []
    marker = store.change_marker()
    records = load_child_records(
        store, include_archived=True, child_ids=child_ids, for_rules_only=True
    )
    return keep_worked_out(store, records, settings, today, fingerprint, marker)


def keep_worked_out(
    store: Store,
    records: list[ChildRecord],
    settings: Settings,
    today: date,
    fingerprint: str,
    marker: tuple[int, int],
) -> list[ChildResults]:
    """:func:`work_out` these records, read after ``marker`` (``Store.change_marker()``), and
    keep the results unless the file changed since."""
    if not records:
        return []
    calendar = calendar_of(store, settings)
    results = work_out(records, settings, today, calendar)
    kept.keep(store, fingerprint, results, marker)
    _keep_new_years(store, calendar)
    return results
