"""The home screen: every open task, in the core's groups, with a filter by task type.

Double-click or Enter on a task opens the child at the tab where the task is done.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.tasks import TASK_LABELS, Task, TaskGroup, TaskKind
from iro_desktop.gui.models.due_model import (
    COL_CHILD,
    COL_DUE,
    COL_HOLD_BY,
    COL_TASK,
    COL_WHEN,
    GROUP_ROLE,
    HEADERS,
    TASK_ROLE,
    DueModel,
    format_day,
)

# The child view's tab where each kind of task is done (tab names: gui/views/child.py).
TAB_FOR_TASK = {
    TaskKind.REVIEW: "reviews",
    TaskKind.CONSULTATION: "reviews",
    TaskKind.DECISIONS: "reviews",
    TaskKind.PRE_REVIEW_MEETING: "meetings",
    TaskKind.CHILD_MEETING: "meetings",
    TaskKind.MIDPOINT: "meetings",
    TaskKind.CONTACT: "meetings",
    TaskKind.DECISION: "decisions",
    TaskKind.CHALLENGE_RESPONSE: "challenges",
    TaskKind.LETTER: "letters",
}

# Open at start: the groups that need action soon. "Later" shows its count; Enter opens it.
EXPANDED_AT_START = frozenset({TaskGroup.OVERDUE, TaskGroup.THIS_WEEK, TaskGroup.NEXT_4_WEEKS})
ALL_TASKS = None
EMPTY_NEXT_STEP = (
    "No children yet? Import your tracker (Ctrl+I), add a child (Ctrl+N) or receive a "
    "handover (Ctrl+Shift+I)."
)
WIDEST_DATE = "Wed 30 Sep 2026"
WIDEST_WHEN = "365 days overdue"
WIDEST_CHILD = "Mmmmmmmm Mmmmmmmm-Mmmmmm (MM000000)"


class DueView(QWidget):
    childRequested = Signal(str, str)  # child reference, child-view tab
    taskRecordRequested = Signal(object)  # the chosen Task: open the form that records it
    briefingRequested = Signal()  # "Briefing pack for a day…" (gui/controllers/documents.py)
    firstPainted = Signal()  # the list has been painted with data for the first time

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DueModel(self)
        self._expanded = set(EXPANDED_AT_START)
        self._has_data = False
        self._painted_with_data = False

        self.heading = QLabel("<b>What is due</b>")
        self.summary = QLabel("No caseload open yet.")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)  # the empty caseload's next step never widens the window
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All tasks", ALL_TASKS)
        for kind, label in TASK_LABELS.items():
            self.kind_filter.addItem(label, kind)
        self.kind_filter.setAccessibleName("Show tasks of type")
        filter_label = QLabel("&Show:")
        filter_label.setBuddy(self.kind_filter)

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Tasks due")
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        # Widths from the font, not ResizeToContents: that measures every row (slow on a
        # service-sized list) and the longest texts here are known in advance.
        metrics = self.fontMetrics()
        date_width = metrics.horizontalAdvance(WIDEST_DATE) + 24
        widths = {
            COL_CHILD: metrics.horizontalAdvance(WIDEST_CHILD) + 40,
            COL_DUE: date_width,
            COL_HOLD_BY: date_width,
            COL_WHEN: metrics.horizontalAdvance(WIDEST_WHEN) + 40,  # room for the icon
        }
        for column in range(len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TASK, QHeaderView.ResizeMode.Stretch)
        for column, width in widths.items():
            self.tree.setColumnWidth(column, width)

        self.record_button = QPushButton("Record this task… (Ctrl+T)")
        self.record_button.setAccessibleName("Record the chosen task")
        self.record_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.record_button)
        self.briefing_button = QPushButton("Briefing &pack for a day…")
        self.briefing_button.setAccessibleName("Briefing pack for a day")
        self.briefing_button.setToolTip("One page per child you will see that day (personal data)")
        self.briefing_button.clicked.connect(self.briefingRequested)
        top.addWidget(self.briefing_button)
        top.addWidget(filter_label)
        top.addWidget(self.kind_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

        self.kind_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.tree.activated.connect(self._on_activated)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.model.modelReset.connect(self._on_model_reset)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.tree.viewport().installEventFilter(self)

    # -- public ----------------------------------------------------------------------------
    def set_tasks(self, tasks: list[Task], names: dict[str, str], today: date) -> None:
        self._has_data = True
        self.model.set_tasks(tasks, names, today)
        self._update_summary()

    def clear(self, message: str = "No caseload open yet.") -> None:
        self._has_data = False
        self.model.set_tasks([], {}, self.model.today)
        self.summary.setText(message)

    def set_kind(self, kind: TaskKind | None) -> None:
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))

    def focus_list(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.tree.currentIndex().isValid() and self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def current_task(self) -> Task | None:
        """The task chosen in the list (None on a group row or when nothing is chosen)."""
        index = self.tree.currentIndex()
        return index.data(TASK_ROLE) if index.isValid() else None

    def index_of(self, task: Task) -> QModelIndex:
        for group_row in range(self.model.rowCount()):
            group_index = self.model.index(group_row, 0)
            for row in range(self.model.rowCount(group_index)):
                index = self.model.index(row, 0, group_index)
                if index.data(TASK_ROLE) == task:
                    return index
        return QModelIndex()

    # -- slots -----------------------------------------------------------------------------
    @Slot(int)
    def _on_filter_changed(self, _row: int) -> None:
        kind = self.kind_filter.currentData()
        self.model.set_kind_filter(None if kind is None else frozenset({kind}))
        self._update_summary()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        task = index.data(TASK_ROLE)
        if task is None:  # a group row: double-click or the arrow keys open and close it
            return
        self.childRequested.emit(task.child_ref, TAB_FOR_TASK[task.task])

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.record_button.setEnabled(current.isValid() and current.data(TASK_ROLE) is not None)

    @Slot()
    def _on_record_clicked(self) -> None:
        task = self.current_task()
        if task is not None:
            self.taskRecordRequested.emit(task)

    @Slot(QModelIndex)
    def _on_expanded(self, index: QModelIndex) -> None:
        self._expanded.add(index.data(GROUP_ROLE))

    @Slot(QModelIndex)
    def _on_collapsed(self, index: QModelIndex) -> None:
        self._expanded.discard(index.data(GROUP_ROLE))

    @Slot()
    def _on_model_reset(self) -> None:
        self.record_button.setEnabled(False)
        remembered = set(self._expanded)
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            self.tree.setExpanded(index, index.data(GROUP_ROLE) in remembered)
        self._expanded = remembered

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self._has_data
            and not self._painted_with_data
            and watched is self.tree.viewport()
        ):
            self._painted_with_data = True
            QTimer.singleShot(0, self.firstPainted.emit)  # after this paint has finished
        return super().eventFilter(watched, event)

    def _update_summary(self) -> None:
        counts = self.model.group_counts()
        total = sum(counts.values())
        overdue = counts[TaskGroup.OVERDUE]
        what = "open task" if total == 1 else "open tasks"
        text = f"{total} {what} on {format_day(self.model.today)}"
        if overdue:
            text += f"; {overdue} overdue"
        if total == 0 and self.kind_filter.currentData() is ALL_TASKS:
            text += f". {EMPTY_NEXT_STEP}"  # a brand-new caseload: say what to do first
        self.summary.setText(text)
