"""Which of the window's four views is on screen, and what the IRO has chosen in them.

Controllers ask this (the chosen task, the child the IRO is looking at, the review chosen for a
letter) and ask it to switch views; they never hold the views themselves. No store work here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from iro_desktop.domain.tasks import Task, TaskKind
from iro_desktop.gui.views.caseload import CaseloadView
from iro_desktop.gui.views.child import TAB_LETTERS, ChildView
from iro_desktop.gui.views.due import DueView
from iro_desktop.gui.views.figures import FiguresView


class Screens:
    def __init__(
        self,
        due: DueView,
        caseload: CaseloadView,
        child: ChildView,
        figures: FiguresView,
    ) -> None:
        self.due = due
        self.caseload = caseload
        self.child = child
        self.figures = figures
        self.stack = QStackedWidget()
        for view in (due, caseload, child, figures):
            self.stack.addWidget(view)

    # -- switching -------------------------------------------------------------------------
    def show(self, view: QWidget) -> None:
        self.stack.setCurrentWidget(view)

    def showing(self, view: QWidget) -> bool:
        return self.stack.currentWidget() is view

    def show_due(self) -> None:
        self.show(self.due)
        self.due.focus_list()

    def show_find(self) -> None:
        self.show(self.caseload)
        self.caseload.focus_search()

    # -- what is chosen --------------------------------------------------------------------
    def chosen_task(self) -> Task | None:
        """The task chosen on the due list (whichever view is on screen)."""
        return self.due.current_task()

    def open_child_ref(self) -> str | None:
        """The child open in the child view."""
        return self.child.current_child_ref()

    def open_child_name(self, child_ref: str) -> str:
        """The name the child is known by, when ``child_ref`` is the child open; else ""."""
        detail = self.child.detail
        if detail is not None and detail.record.child.child_ref == child_ref:
            return detail.record.child.known_as or child_ref
        return ""

    def current_child_ref(self) -> str | None:
        """The child the IRO is looking at: the chosen task's, the chosen row's, or the open
        child's."""
        if self.showing(self.due):
            task = self.due.current_task()
            if task is not None:
                return task.child_ref
        elif self.showing(self.caseload):
            ref = self.caseload.current_child_ref()
            if ref:
                return ref
        return self.child.current_child_ref()

    def current_review(self) -> tuple[str | None, int | None]:
        """The child and review the IRO is looking at: the due list's letter task, the
        Letters tab's chosen review, or the child with no review (the latest)."""
        if self.showing(self.due):
            task = self.due.current_task()
            if task is not None:
                review_id = None
                _kind, _, number = task.ref.partition(":")
                if task.task in (TaskKind.LETTER, TaskKind.DECISIONS) and number.isdigit():
                    review_id = int(number)
                return task.child_ref, review_id
        child_ref = self.current_child_ref()
        if child_ref and child_ref == self.child.current_child_ref():
            review = self.child.chosen_letter_review()
            if self.child.current_tab() == TAB_LETTERS and review is not None:
                return child_ref, review.id
        return child_ref, None
