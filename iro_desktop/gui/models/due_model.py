"""The due list as a two-level item model: group rows over task rows, the IRO's own work first
("Yours to do · Overdue", "... · This week", ...), then others' actions to chase.

A thin adapter over ``services.caseload.due_list``: the groups are the core's ``group_for``, the
sections its ``Task.owner``, the labels its ``TASK_LABELS``. Group rows have internal id 0; a
task row's internal id is its group's row + 1, so ``parent()`` needs no Python objects kept
alive behind the indexes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon
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
from iro_desktop.gui.models.records_model import alert_colour

COL_CHILD, COL_TASK, COL_WHY, COL_DUE, COL_HOLD_BY, COL_WHEN = range(6)
HEADERS = ("Child", "Task", "Why this date", "Due", "Hold by", "When")
SECTION_ROLE = Qt.ItemDataRole.UserRole + 4  # the row's TaskOwner (group and task rows)
# The top-level rows, in order: statutory work first, then what others owe.
GROUP_ROWS = tuple((owner, group) for owner in TaskOwner for group in TaskGroup)

TASK_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Task (None on a group row)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts the column properly
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's TaskGroup (group and task rows)

OVERDUE_COLOUR = QColor("#a4000f")  # never alone: the text says "overdue" and has an icon

GROUP_ROW_ID = 0
# Constant flags: the view asks for them for every painted cell (issue 18 keeps this cheap).
GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
TASK_FLAGS = GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
AnyIndex = QModelIndex | QPersistentModelIndex


def format_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def when_text(task: Task, today: date) -> str:
    """The When column: overdue, a hold-by date already gone (in words), or days left."""
    if task.hold_by_passed(today):
        return f"hold by passed ({short_day(task.hold_by)})"
    return days_left_text(task.due, today)


def task_text(task: Task) -> str:
    """The Task column: the label, and for a decision the decision itself."""
    if task.task == TaskKind.DECISION and task.detail:
        return f"Decision: {task.detail}"
    return TASK_LABELS[task.task]


def why_text(task: Task) -> str:
    """Why the date applies (a decision's text is on its Task cell; its date was set with it)."""
    if task.task == TaskKind.DECISION:
        return "the date set with it at the review"
    return task.detail


def days_left_text(due: date, today: date) -> str:
    """'3 days overdue', '1 day overdue', 'today', 'tomorrow', 'in 5 days'."""
    days = (due - today).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def _warning_icon() -> QIcon:
    style = QApplication.style()  # None before a QApplication exists
    if style is None:
        return QIcon()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


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
        self._groups: list[tuple[TaskOwner, TaskGroup, list[Task]]] = [
            (o, g, []) for o, g in GROUP_ROWS
        ]
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
        self._all_tasks = sorted(tasks, key=Task.sort_key)
        self._names = dict(names)
        self._workers = dict(social_workers or {})
        self._today = today
        self._regroup()

    def set_kind_filter(self, kinds: frozenset[TaskKind] | None) -> None:
        """Show only tasks of these kinds (None: all of them)."""
        self._kinds = kinds
        self._regroup()

    def set_child_filter(self, child_ref: str | None) -> None:
        """Show only this child's tasks (None: every child)."""
        self._child = child_ref
        self._regroup()

    def set_social_worker_filter(self, worker: str | None) -> None:
        """Show only the tasks of children with this social worker (None: any)."""
        self._worker = worker
        self._regroup()

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
        return [task for _, _, tasks in self._groups for task in tasks]

    def _shown(self, task: Task) -> bool:
        return (
            (self._kinds is None or task.task in self._kinds)
            and (self._child is None or task.child_ref == self._child)
            and (self._worker is None or self._workers.get(task.child_ref) == self._worker)
        )

    def _regroup(self) -> None:
        self.beginResetModel()
        grouped: dict[tuple[TaskOwner, TaskGroup], list[Task]] = {key: [] for key in GROUP_ROWS}
        for task in self._all_tasks:
            if self._shown(task):
                grouped[(task.owner, group_for(task.due, self._today))].append(task)
        self._groups = [
            (o, g, sorted(tasks, key=Task.reviews_first_key)) for (o, g), tasks in grouped.items()
        ]
        self.endResetModel()

    # -- reading ---------------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self._today

    def group_counts(self) -> dict[TaskGroup, int]:
        """Tasks shown in each group, both sections together."""
        counts = {group: 0 for group in TaskGroup}
        for _, group, tasks in self._groups:
            counts[group] += len(tasks)
        return counts

    def section_counts(self) -> dict[tuple[TaskOwner, TaskGroup], int]:
        return {(owner, group): len(tasks) for owner, group, tasks in self._groups}

    def group_row(self, group: TaskGroup, owner: TaskOwner = TaskOwner.IRO) -> int:
        return GROUP_ROWS.index((owner, group))

    def child_name(self, child_ref: str) -> str:
        return self._names.get(child_ref, "")

    # -- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP_ROW_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == GROUP_ROW_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, GROUP_ROW_ID)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != GROUP_ROW_ID:
            return 0
        return len(self._groups[parent.row()][2])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return GROUP_FLAGS if index.internalId() == GROUP_ROW_ID else TASK_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == GROUP_ROW_ID:
            return self._group_data(index, role)
        return self._task_data(index, role)

    def _group_data(self, index: AnyIndex, role: int):
        owner, group, tasks = self._groups[index.row()]
        if role == GROUP_ROLE:
            return group
        if role == SECTION_ROLE:
            return owner
        if index.column() != COL_CHILD:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{SECTION_LABELS[owner]} · {GROUP_LABELS[group]} ({len(tasks)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and group == TaskGroup.OVERDUE and tasks:
            return self._overdue_icon()
        if role == SORT_ROLE:
            return index.row()
        return None

    def _task_data(self, index: AnyIndex, role: int):
        owner, group, tasks = self._groups[index.internalId() - 1]
        task = tasks[index.row()]
        column = index.column()
        overdue = group == TaskGroup.OVERDUE or task.hold_by_passed(self._today)
        if role == TASK_ROLE:
            return task
        if role == GROUP_ROLE:
            return group
        if role == SECTION_ROLE:
            return owner
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._task_text(task, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell cut short
            return self._task_text(task, column) if column in (COL_TASK, COL_WHY) else None
        if role == SORT_ROLE:
            return self._task_sort_value(task, column)
        if role == Qt.ItemDataRole.FontRole and column == COL_TASK and task.task == TaskKind.REVIEW:
            return self._bold_font()  # a review to hold stands out from the paperwork
        if column == COL_WHEN and overdue:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._overdue_icon()
            if role == Qt.ItemDataRole.ForegroundRole:
                return alert_colour()  # readable on the palette in use (light or dark)
        return None

    def _task_text(self, task: Task, column: int) -> str:
        if column == COL_CHILD:
            name = self._names.get(task.child_ref, "")
            return f"{name} ({task.child_ref})" if name else task.child_ref
        if column == COL_TASK:
            return task_text(task)
        if column == COL_WHY:
            return why_text(task)
        if column == COL_DUE:
            return format_day(task.due)
        if column == COL_HOLD_BY:
            return format_day(task.hold_by)
        return when_text(task, self._today)

    def _task_sort_value(self, task: Task, column: int):
        if column == COL_CHILD:
            return f"{self._names.get(task.child_ref, '')} {task.child_ref}".casefold()
        if column == COL_TASK:
            return task_text(task).casefold()
        if column == COL_WHY:
            return why_text(task).casefold()
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
