"""Which of the window's four views is on screen, and what the IRO has chosen in them.

Controllers ask this (the chosen task, the child the IRO is looking at, the review chosen for a
letter) and ask it to switch views; they never hold the views themselves. No store work here.

Only the due view (the home screen) and the caseload list are built at start; the child view
and the figures view, and the code behind them (forms' tabs, letters, figures), are imported
and built the first time they are asked for (``child``, ``figures``), so the first paint waits
for neither. ``child_made``/``figures_made`` say whether they exist, for questions that need
not build them ("which child is open?" has no answer before the child view exists).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

from iro_desktop.domain.tasks import Task, TaskKind
from iro_desktop.gui.views.caseload import CaseloadView
from iro_desktop.gui.views.due import DueView

if TYPE_CHECKING:
    from iro_desktop.gui.views.child import ChildView
    from iro_desktop.gui.views.figures import FiguresView


class Screens:
    def __init__(self, due: DueView, caseload: CaseloadView) -> None:
        self.due = due
        self.caseload = caseload
        self._child: ChildView | None = None
        self._figures: FiguresView | None = None
        # Called with each view the first time it is built (the window wires its signals).
        self.childMade: list[Callable[[ChildView], None]] = []
        self.figuresMade: list[Callable[[FiguresView], None]] = []
        self.stack = QStackedWidget()
        for view in (due, caseload):
            self.stack.addWidget(view)

    # -- the views built on first use ------------------------------------------------------
    @property
    def child(self) -> ChildView:
        if self._child is None:
            from iro_desktop.gui.views.child import ChildView

            self._child = ChildView()
            self.stack.addWidget(self._child)
            for made in self.childMade:
                made(self._child)
        return self._child

    @property
    def figures(self) -> FiguresView:
        if self._figures is None:
            from iro_desktop.gui.views.figures import FiguresView

            self._figures = FiguresView()
            self.stack.addWidget(self._figures)
            for made in self.figuresMade:
                made(self._figures)
        return self._figures

    @property
    def child_made(self) -> bool:
        return self._child is not None

    @property
    def figures_made(self) -> bool:
        return self._figures is not None

    # -- switching -------------------------------------------------------------------------
    def show(self, view: QWidget) -> None:
        self.stack.setCurrentWidget(view)

    def showing(self, view: QWidget | None) -> bool:
        return view is not None and self.stack.currentWidget() is view

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
        """The child open in the child view (None before the child view is built)."""
        return self._child.current_child_ref() if self._child is not None else None

    def open_child_name(self, child_ref: str) -> str:
        """The name the child is known by, when ``child_ref`` is the child open; else ""."""
        if self._child is None:
            return ""
        detail = self._child.detail
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
        return self.open_child_ref()

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
        if child_ref and child_ref == self.open_child_ref():
            from iro_desktop.gui.views.child import TAB_LETTERS  # built: already imported

            review = self.child.chosen_letter_review()
            if self.child.current_tab() == TAB_LETTERS and review is not None:
                return child_ref, review.id
        return child_ref, None
