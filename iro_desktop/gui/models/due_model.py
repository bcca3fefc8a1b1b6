"""The due list as a two-level item model: group rows over task rows, the IRO's own work first
("Yours to do · Overdue", "... · This week", ...), then others' actions to chase.

A thin adapter over ``services.caseload.due_list``: the groups are the core's ``group_for``, the
sections its ``Task.owner``, the labels its ``TASK_LABELS``. Group rows have internal id 0; a
task row's internal id is its group's row + 1, so ``parent()`` needs no Python objects kept
alive behind the indexes.

Built for big lists (issue 18): the tasks are put in their groups and order once per fill
(``set_tasks``), flat lists per group, never re-sorted when a filter changes; ``index()``,
``parent()``, ``rowCount()`` and ``flags()`` (constant per kind of row) answer from those
lists without calling back into the model; a row's texts are worked out the first time Qt
asks for one of them (a row on screen) and kept for the rest of the fill. So the view's
layout asks one cheap question per row, and only the rows painted cost any more: 10,000
tasks fill about as fast as 300 (``tests/benchmarks/bench_due_view.py``).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from iro_desktop.domain.tasks import (
    GROUP_LABELS,
    SECTION_LABELS,
    TASK_LABELS,
    Task,
    TaskGroup,
    TaskKind,
    TaskOwner,
    group_for,
)
from iro_desktop.gui.formatting import format_date, format_day_and_month
from iro_desktop.gui.models.records_model import alert_colour
from iro_desktop.i18n import N_, _, ngettext

COL_CHILD, COL_TASK, COL_WHY, COL_DUE, COL_HOLD_BY, COL_WHEN = range(6)
HEADERS = (N_("Child"), N_("Task"), N_("Why this date"), N_("Due"), N_("Hold by"), N_("When"))
COLUMNS = len(HEADERS)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 4  # the row's TaskOwner (group and task rows)
# The top-level rows, in order: statutory work first, then what others owe.
GROUP_ROWS = tuple((owner, group) for owner in TaskOwner for group in TaskGroup)
_GROUP_ROW_OF = {key: row for row, key in enumerate(GROUP_ROWS)}

TASK_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Task (None on a group row)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts the column properly
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's TaskGroup (group and task rows)


GROUP_ROW_ID = 0
# Constant flags: the view asks for them for every row it lays out (issue 18 keeps this cheap).
GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
TASK_FLAGS = GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_INVALID = QModelIndex()


def format_day(day: date) -> str:
    """ "Mon 23 Nov 2026" in the IRO's language (the one display formatter)."""
    return format_date(day)


def short_day(day: date) -> str:
    """ "Mon 23 Nov", "Llun 23 Tach"."""
    return format_day_and_month(day)


def when_text(task: Task, today: date) -> str:
    """The When column: overdue, a hold-by date already gone (in words), or days left."""
    if task.hold_by_passed(today):
        return _("hold by passed (%(day)s)") % {"day": short_day(task.hold_by)}
    return days_left_text(task.due, today)


def task_text(task: Task) -> str:
    """The Task column: the label, and for a decision the decision itself."""
    if task.task == TaskKind.DECISION and task.detail:
        return _("Decision: %(decision)s") % {"decision": task.detail}
    return _(TASK_LABELS[task.task])


def why_text(task: Task) -> str:
    """Why the date applies (a decision's text is on its Task cell; its date was set with it)."""
    if task.task == TaskKind.DECISION:
        return _("the date set with it at the review")
    return task.detail


def days_left_text(due: date, today: date) -> str:
    """'3 days overdue', '1 day overdue', 'today', 'tomorrow', 'in 5 days'."""
    days = (due - today).days
    if days < 0:
        return ngettext("%(count)d day overdue", "%(count)d days overdue", -days) % {"count": -days}
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return ngettext("in %(count)d day", "in %(count)d days", days) % {"count": days}


def _warning_icon() -> QIcon:
    style = QApplication.style()  # None before a QApplication exists
    if style is None:
        return QIcon()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _grouper(today: date):
    """``group_for(due, today)`` for one ``today``, its boundaries worked out once (the core's
    rule, checked against it in tests/gui/test_due_view.py), for every task of a fill."""
    this_week = group_for(today, today)
    boundaries = sorted(
        {today + timedelta(days=days) for days in range(0, 36)},
    )
    last_day = {group_for(day, today): day for day in boundaries}  # each group's last day
    week_end, four_weeks_end = last_day[this_week], last_day[TaskGroup.NEXT_4_WEEKS]

    def group_of(due: date) -> TaskGroup:
        if due < today:
            return TaskGroup.OVERDUE
        if due <= week_end:
            return TaskGroup.THIS_WEEK
        if due <= four_weeks_end:
            return TaskGroup.NEXT_4_WEEKS
        return TaskGroup.LATER

    return group_of


class _Row:
    """One task as the model shows it: its group and the texts of its cells (worked out the
    first time one is asked for, then kept until the next fill)."""

    __slots__ = ("group", "overdue", "task", "texts")

    def __init__(self, task: Task, group: TaskGroup, overdue: bool) -> None:
        self.task = task
        self.group = group
        self.overdue = overdue
        self.texts: tuple[str, ...] | None = None


class DueModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._today = date.today()
        self._all_tasks: list[Task] = []
        self._names: dict[str, str] = {}
        self._workers: dict[str, str] = {}
        self._kinds: frozenset[TaskKind] | None = None
        self._child: str | None = None
        self._worker: str | None = None
        # Every task's row, in its group's order, per group row (GROUP_ROWS), once per fill.
        self._all_rows: list[list[_Row]] = [[] for _ in GROUP_ROWS]
        # What is shown: the rows that pass the filters, per group row.
        self._groups: list[list[_Row]] = [[] for _ in GROUP_ROWS]
        self._icon: QIcon | None = None
        self._bold: QFont | None = None

    # -- filling ---------------------------------------------------------------------------
    def set_tasks(
        self,
        tasks: list[Task],
        names: dict[str, str],
        today: date,
        social_workers: dict[str, str] | None = None,
    ) -> None:
        """Show ``tasks`` (the core's due list); ``names`` maps child reference to name,
        ``social_workers`` child reference to their social worker (for the filter)."""
        self._all_tasks = list(tasks)
        self._names = dict(names)
        self._workers = dict(social_workers or {})
        self._today = today
        buckets: list[list[_Row]] = [[] for _ in GROUP_ROWS]
        group_of = _grouper(today)
        for task in sorted(tasks, key=Task.reviews_first_key):
            group = group_of(task.due)
            overdue = group is TaskGroup.OVERDUE or task.hold_by < today <= task.due
            buckets[_GROUP_ROW_OF[(task.owner, group)]].append(_Row(task, group, overdue))
        self._all_rows = buckets
        self._regroup()

    def set_filters(
        self,
        *,
        kinds: frozenset[TaskKind] | bool | None = False,
        child: str | bool | None = False,
        worker: str | bool | None = False,
    ) -> None:
        """Change any of the filters at once (False: leave that one as it is); the list is
        redrawn once, and only when something changed."""
        wanted = (
            self._kinds if kinds is False else kinds,
            self._child if child is False else child,
            self._worker if worker is False else worker,
        )
        if wanted == (self._kinds, self._child, self._worker):
            return
        self._kinds, self._child, self._worker = wanted  # type: ignore[assignment]
        self._regroup()

    def set_kind_filter(self, kinds: frozenset[TaskKind] | None) -> None:
        """Show only tasks of these kinds (None: all of them)."""
        self.set_filters(kinds=kinds)

    def set_child_filter(self, child_ref: str | None) -> None:
        """Show only this child's tasks (None: every child)."""
        self.set_filters(child=child_ref)

    def set_social_worker_filter(self, worker: str | None) -> None:
        """Show only the tasks of children with this social worker (None: any)."""
        self.set_filters(worker=worker)

    def children(self) -> list[tuple[str, str]]:
        """(child reference, name) of every child with a task, by name."""
        refs = {t.child_ref for t in self._all_tasks}
        return sorted(
            ((ref, self._names.get(ref, "")) for ref in refs),
            key=lambda pair: (pair[1].casefold(), pair[0]),
        )

    def social_workers(self) -> list[str]:
        refs = {t.child_ref for t in self._all_tasks}
        return sorted({self._workers[r] for r in refs if self._workers.get(r)}, key=str.casefold)

    def visible_tasks(self) -> list[Task]:
        return [row.task for rows in self._groups for row in rows]

    def _regroup(self) -> None:
        self.beginResetModel()
        kinds, child, worker, workers = self._kinds, self._child, self._worker, self._workers
        if kinds is None and child is None and worker is None:
            self._groups = self._all_rows
        else:
            self._groups = [
                [
                    row
                    for row in rows
                    if (kinds is None or row.task.task in kinds)
                    and (child is None or row.task.child_ref == child)
                    and (worker is None or workers.get(row.task.child_ref) == worker)
                ]
                for rows in self._all_rows
            ]
        self.endResetModel()

    # -- reading ---------------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self._today

    def group_counts(self) -> dict[TaskGroup, int]:
        """Tasks shown in each group, both sections together."""
        counts = {group: 0 for group in TaskGroup}
        for (_owner, group), rows in zip(GROUP_ROWS, self._groups, strict=True):
            counts[group] += len(rows)
        return counts

    def section_counts(self) -> dict[tuple[TaskOwner, TaskGroup], int]:
        return {key: len(rows) for key, rows in zip(GROUP_ROWS, self._groups, strict=True)}

    def group_row(self, group: TaskGroup, owner: TaskOwner = TaskOwner.IRO) -> int:
        return _GROUP_ROW_OF[(owner, group)]

    def child_name(self, child_ref: str) -> str:
        return self._names.get(child_ref, "")

    def index_of(self, task: Task) -> QModelIndex:
        """The row of ``task`` among those shown (invalid when it is not shown)."""
        for group_row, rows in enumerate(self._groups):
            for row, shown in enumerate(rows):
                if shown.task == task:
                    return self.createIndex(row, 0, group_row + 1)
        return QModelIndex()

    # -- QAbstractItemModel: each answer from the lists, no call back into the model ---------
    def index(self, row: int, column: int, parent: AnyIndex = _INVALID) -> QModelIndex:
        if not 0 <= column < COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, GROUP_ROW_ID) if row < len(GROUP_ROWS) else _INVALID
            )
        group_row = parent.row()
        if parent.internalId() != GROUP_ROW_ID or row >= len(self._groups[group_row]):
            return QModelIndex()
        return self.createIndex(row, column, group_row + 1)

    def parent(self, index: AnyIndex = _INVALID) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        group_id = index.internalId()
        if group_id == GROUP_ROW_ID:
            return QModelIndex()
        return self.createIndex(group_id - 1, 0, GROUP_ROW_ID)

    def rowCount(self, parent: AnyIndex = _INVALID) -> int:
        if not parent.isValid():
            return len(GROUP_ROWS)
        if parent.internalId() != GROUP_ROW_ID or parent.column() != 0:
            return 0
        return len(self._groups[parent.row()])

    def hasChildren(self, parent: AnyIndex = _INVALID) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: AnyIndex = _INVALID) -> int:
        return COLUMNS

    def headerData(self, section, orientation, role=_DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return _(HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return GROUP_FLAGS if index.internalId() == GROUP_ROW_ID else TASK_FLAGS

    def data(self, index: AnyIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        group_id = index.internalId()
        if group_id == GROUP_ROW_ID:
            return self._group_data(index.row(), index.column(), role)
        return self._task_data(self._groups[group_id - 1][index.row()], index.column(), role)

    def _group_data(self, group_row: int, column: int, role: int):
        owner, group = GROUP_ROWS[group_row]
        if role == GROUP_ROLE:
            return group
        if role == SECTION_ROLE:
            return owner
        if column != COL_CHILD:
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            return _("%(section)s · %(group)s (%(count)d)") % {
                "section": _(SECTION_LABELS[owner]),
                "group": _(GROUP_LABELS[group]),
                "count": len(self._groups[group_row]),
            }
        if role == _FONT:
            return self._bold_font()
        if role == _DECORATION and group == TaskGroup.OVERDUE and self._groups[group_row]:
            return self._overdue_icon()
        if role == SORT_ROLE:
            return group_row
        return None

    def _task_data(self, row: _Row, column: int, role: int):
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._texts(row)[column]
        if role == TASK_ROLE:
            return row.task
        if role == _DECORATION:
            return self._overdue_icon() if column == COL_WHEN and row.overdue else None
        if role == _FOREGROUND:
            # readable on the palette in use (light, dark or high contrast)
            return alert_colour() if column == COL_WHEN and row.overdue else None
        if role == _FONT:
            if column == COL_TASK and row.task.task == TaskKind.REVIEW:
                return self._bold_font()  # a review to hold stands out from the paperwork
            return None
        if role == _TOOLTIP:  # the whole text of a cell cut short
            return self._texts(row)[column] if column in (COL_TASK, COL_WHY) else None
        if role == GROUP_ROLE:
            return row.group
        if role == SECTION_ROLE:
            return row.task.owner
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        return None

    def _texts(self, row: _Row) -> tuple[str, ...]:
        """The row's six cell texts, worked out when first asked for (a row on screen)."""
        texts = row.texts
        if texts is None:
            task = row.task
            name = self._names.get(task.child_ref, "")
            texts = row.texts = (
                f"{name} ({task.child_ref})" if name else task.child_ref,
                task_text(task),
                why_text(task),
                format_day(task.due),
                format_day(task.hold_by),
                when_text(task, self._today),
            )
        return texts

    def _sort_value(self, row: _Row, column: int):
        task = row.task
        if column == COL_CHILD:
            return f"{self._names.get(task.child_ref, '')} {task.child_ref}".casefold()
        if column in (COL_TASK, COL_WHY):
            return self._texts(row)[column].casefold()
        if column == COL_HOLD_BY:
            return task.hold_by.toordinal()
        return task.due.toordinal()

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    def _overdue_icon(self) -> QIcon:
        if self._icon is None:
            self._icon = _warning_icon()
        return self._icon
