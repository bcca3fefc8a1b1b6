"""The home screen: the IRO's own statutory work first (overdue, this week, the next four
weeks), then others' actions to chase; filters by child, social worker and kind of task.

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

from iro_desktop.domain.tasks import TASK_LABELS, Task, TaskGroup, TaskKind, summary_line
from iro_desktop.gui.models.due_model import (
    COL_CHILD,
    COL_DUE,
    COL_HOLD_BY,
    COL_TASK,
    COL_WHEN,
    COL_WHY,
    GROUP_ROLE,
    GROUP_ROWS,
    HEADERS,
    SECTION_ROLE,
    TASK_ROLE,
    DueModel,
    format_day,
)
from iro_desktop.i18n import N_, _, ngettext

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
EXPANDED_AT_START = frozenset(
    key
    for key in GROUP_ROWS
    if key[1] in (TaskGroup.OVERDUE, TaskGroup.THIS_WEEK, TaskGroup.NEXT_4_WEEKS)
)
ALL_TASKS = None
EMPTY_NEXT_STEP = N_(
    "No children yet? Import your tracker (Ctrl+I), add a child (Ctrl+N) or receive a "
    "handover (Ctrl+Shift+I)."
)
NOTHING_OPEN = N_("No caseload open yet.")
WIDEST_DATE = "Wed 30 Sep 2026"
WIDEST_WHEN = "hold by passed (Wed 30 Sep)"
WIDEST_CHILD = "Mmmmmmmm Mmmmmmmm (MM000000)"
MEASURED = 40  # the longest children's names measured for the Child column's width


class DueView(QWidget):
    childRequested = Signal(str, str)  # child reference, child-view tab
    taskRecordRequested = Signal(object)  # the chosen Task: open the form that records it
    briefingRequested = Signal()  # "Briefing pack for a day…" (gui/controllers/documents.py)
    firstPainted = Signal()  # the list has been painted with data for the first time
    dataPainted = Signal()  # the list has been painted after being filled (each fill)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DueModel(self)
        self._expanded = set(EXPANDED_AT_START)
        self._has_data = False
        self._painted_with_data = False
        self._painted_since_fill = True

        heading = _("What is due")
        self.heading = QLabel(f"<b>{heading}</b>")
        self.summary = QLabel(_(NOTHING_OPEN))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)  # the empty caseload's next step never widens the window
        self.summary.setAccessibleName(_("Summary of what is due"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(_("All tasks"), ALL_TASKS)
        for kind, label in TASK_LABELS.items():
            self.kind_filter.addItem(_(label), kind)
        self.kind_filter.setAccessibleName(_("Show tasks of type"))
        filter_label = QLabel(_("&Show:"))
        filter_label.setBuddy(self.kind_filter)
        self._choices: dict[str, list[tuple[str, str]]] = {}  # each filter's list, as shown
        self.child_filter = QComboBox()
        self.child_filter.setObjectName("childFilter")
        self.child_filter.setAccessibleName(_("Show tasks for child"))
        self.child_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.child_filter.setMinimumContentsLength(18)
        child_label = QLabel(_("C&hild:"))
        child_label.setBuddy(self.child_filter)
        self.worker_filter = QComboBox()
        self.worker_filter.setObjectName("workerFilter")
        self.worker_filter.setAccessibleName(_("Show tasks for social worker"))
        self.worker_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.worker_filter.setMinimumContentsLength(16)
        worker_label = QLabel(_("Social &worker:"))
        worker_label.setBuddy(self.worker_filter)
        self._fill_people_filters()

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(_("Tasks due"))
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
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)  # full text in the tooltip
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        header.setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)
        for column, width in widths.items():
            self.tree.setColumnWidth(column, width)

        self.record_button = QPushButton(_("Record this task… (Ctrl+T)"))
        self.record_button.setAccessibleName(_("Record the chosen task"))
        self.record_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.record_button)
        self.briefing_button = QPushButton(_("Briefing &pack for a day…"))
        self.briefing_button.setAccessibleName(_("Briefing pack for a day"))
        self.briefing_button.setToolTip(
            _("One page per child you will see that day (personal data)")
        )
        self.briefing_button.clicked.connect(self.briefingRequested)
        top.addWidget(self.briefing_button)
        filters = QHBoxLayout()
        for label, box in (
            (child_label, self.child_filter),
            (worker_label, self.worker_filter),
            (filter_label, self.kind_filter),
        ):
            filters.addWidget(label)
            filters.addWidget(box)
            filters.addSpacing(8)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)

        self.kind_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.child_filter.currentIndexChanged.connect(self._on_child_filter_changed)
        self.worker_filter.currentIndexChanged.connect(self._on_worker_filter_changed)
        self.tree.activated.connect(self._on_activated)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.model.modelReset.connect(self._on_model_reset)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.tree.viewport().installEventFilter(self)

    # -- public ----------------------------------------------------------------------------
    def set_tasks(
        self,
        tasks: list[Task],
        names: dict[str, str],
        today: date,
        social_workers: dict[str, str] | None = None,
    ) -> None:
        self._has_data = True
        self._painted_since_fill = False
        self.model.set_tasks(tasks, names, today, social_workers)
        children = self.model.children()
        self._fit_child_column(children)
        self._fill_people_filters(children)
        self._update_summary()

    def _fit_child_column(self, children: list[tuple[str, str]]) -> None:
        """As wide as the longest child's name and reference (measured for the longest few,
        not every row), so that the task and why columns get the rest of a small screen."""
        metrics = self.tree.fontMetrics()
        texts = sorted((f"{name} ({ref})" for ref, name in children), key=len)[-MEASURED:]
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        cap = metrics.horizontalAdvance(WIDEST_CHILD)
        room = self.tree.indentation() + 32  # the group indent, the cell margins, a little air
        self.tree.setColumnWidth(COL_CHILD, max(min(widest, cap), 120) + room)

    def clear(self, message: str | None = None) -> None:
        self._has_data = False
        self.model.set_tasks([], {}, self.model.today)
        self._fill_people_filters()
        self.summary.setText(_(NOTHING_OPEN) if message is None else message)

    def set_kind(self, kind: TaskKind | None) -> None:
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))

    def set_child(self, child_ref: str | None) -> None:
        self.child_filter.setCurrentIndex(max(0, self.child_filter.findData(child_ref)))

    def set_social_worker(self, worker: str | None) -> None:
        self.worker_filter.setCurrentIndex(max(0, self.worker_filter.findData(worker)))

    def focus_list(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.tree.currentIndex().isValid() and self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def current_task(self) -> Task | None:
        """The task chosen in the list (None on a group row or when nothing is chosen)."""
        index = self.tree.currentIndex()
        return index.data(TASK_ROLE) if index.isValid() else None

    def index_of(self, task: Task) -> QModelIndex:
        return self.model.index_of(task)

    # -- slots -----------------------------------------------------------------------------
    @Slot(int)
    def _on_filter_changed(self, _row: int) -> None:
        kind = self.kind_filter.currentData()
        self.model.set_kind_filter(None if kind is None else frozenset({kind}))
        self._update_summary()

    @Slot(int)
    def _on_child_filter_changed(self, _row: int) -> None:
        self.model.set_child_filter(self.child_filter.currentData())
        self._update_summary()

    @Slot(int)
    def _on_worker_filter_changed(self, _row: int) -> None:
        self.model.set_social_worker_filter(self.worker_filter.currentData())
        self._update_summary()

    def _fill_people_filters(self, children: list[tuple[str, str]] | None = None) -> None:
        """The child and social-worker choices from the tasks shown, keeping the choice made
        when it is still there (the lists are not built again when they are the same)."""
        if children is None:
            children = self.model.children()
        for box, everyone, choices in (
            (
                self.child_filter,
                _("All children"),
                [(ref, f"{name} ({ref})" if name else ref) for ref, name in children],
            ),
            (
                self.worker_filter,
                _("All social workers"),
                [(worker, worker) for worker in self.model.social_workers()],
            ),
        ):
            if self._choices.get(box.objectName()) == choices:
                continue  # the same people as before: the list and the choice made stand
            self._choices[box.objectName()] = choices
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, None)
            for data, text in choices:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)
        self.model.set_filters(  # one redraw, and none when the choices stand
            child=self.child_filter.currentData(), worker=self.worker_filter.currentData()
        )

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
        self._expanded.add((index.data(SECTION_ROLE), index.data(GROUP_ROLE)))

    @Slot(QModelIndex)
    def _on_collapsed(self, index: QModelIndex) -> None:
        self._expanded.discard((index.data(SECTION_ROLE), index.data(GROUP_ROLE)))

    @Slot()
    def _on_model_reset(self) -> None:
        self.record_button.setEnabled(False)
        remembered = set(self._expanded)
        # Open the groups first, while the view's layout is still to do, then span the group
        # rows (which lays the view out once, with the groups already open).
        for row, key in enumerate(GROUP_ROWS):
            self.tree.setExpanded(self.model.index(row, 0), key in remembered)
        for row in range(len(GROUP_ROWS)):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self._expanded = remembered

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self._has_data
            and not self._painted_since_fill
            and watched is self.tree.viewport()
        ):
            self._painted_since_fill = True
            if not self._painted_with_data:
                self._painted_with_data = True
                QTimer.singleShot(0, self.firstPainted.emit)  # after this paint has finished
            QTimer.singleShot(0, self.dataPainted.emit)
        return super().eventFilter(watched, event)

    def _update_summary(self) -> None:
        """Statutory work first: "2 reviews overdue, 3 due this week; ..." for what is shown."""
        shown = self.model.visible_tasks()
        total = len(shown)
        text = _("%(day)s: %(summary)s") % {
            "day": format_day(self.model.today),
            "summary": summary_line(shown, self.model.today),
        }
        text += " " + ngettext("(%(count)d open task).", "(%(count)d open tasks).", total) % {
            "count": total
        }
        unfiltered = (
            self.kind_filter.currentData() is ALL_TASKS
            and self.child_filter.currentData() is None
            and self.worker_filter.currentData() is None
        )
        if total == 0 and unfiltered:
            text += " " + _(EMPTY_NEXT_STEP)  # a brand-new caseload: say what to do first
        self.summary.setText(text)
