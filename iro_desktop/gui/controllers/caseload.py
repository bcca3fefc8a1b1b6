"""Keeps the due list, the caseload list and the open child's record current.

Each is read on the worker (services functions) and handed to its view. After the context says
the data changed, the due list and the caseload are read again, and the open child's record
too when it was that child (or anything) that changed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal, Slot

from iro_desktop.domain.tasks import Task
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.controllers.screens import Screens
from iro_desktop.i18n import _
from iro_desktop.services.caseload import due_view
from iro_desktop.services.child import ChildDetail, caseload_rows, child_detail
from iro_desktop.services.session import Store


# -- jobs: each runs on the worker thread ------------------------------------------------
def load_due(store: Store, today: date) -> tuple[list[Task], dict[str, str], dict[str, str]]:
    """Every open task, and each child's name for the list."""
    view = due_view(store, today)  # names and social workers without reading whole records
    return view.tasks, view.names, view.social_workers


class CaseloadController(QObject):
    dueLoaded = Signal()  # the due view has been filled (after every refresh)

    def __init__(self, context: AppContext, screens: Screens) -> None:
        super().__init__(context)
        self.context = context
        self.screens = screens
        self.include_archived = False
        context.dataChanged.connect(self.refresh)
        screens.due.childRequested.connect(self.open_child)
        screens.caseload.childActivated.connect(self._on_child_activated)
        screens.caseload.includeArchivedChanged.connect(self._on_include_archived)

    @Slot(object)
    def refresh(self, child_ref: str | None = None) -> None:
        """Read again what the change may have touched (``None``: anything)."""
        store, today = self.context.store, self.context.today
        if store is None:
            return
        self.context.worker.submit(
            load_due, store, today, on_result=self._on_due, label=_("Reading what is due…")
        )
        open_ref = self.screens.open_child_ref()  # None until the child view is first built
        if open_ref and child_ref in (None, open_ref):
            self.open_child(open_ref, self.screens.child.current_tab(), switch=False)

    @Slot(str, str)
    def open_child(self, child_ref: str, tab: str | None = None, switch: bool = True) -> None:
        store = self.context.store
        if store is None:
            return
        self.context.worker.submit(
            child_detail,
            store,
            child_ref,
            self.context.today,
            on_result=lambda detail: self._on_child_detail(child_ref, detail, tab, switch),
            label=_("Opening the child's record…"),
        )

    def reload_caseload(self) -> None:
        store, today = self.context.store, self.context.today
        if store is None:
            return
        self.context.worker.submit(
            caseload_rows,
            store,
            today,
            include_archived=self.include_archived,
            on_result=lambda rows: self.screens.caseload.set_rows(rows, today),
            label=_("Reading the caseload…"),
        )

    # -- results and signals ---------------------------------------------------------------
    def _on_due(self, result: tuple[list[Task], dict[str, str], dict[str, str]]) -> None:
        tasks, names, workers = result
        self.screens.due.set_tasks(tasks, names, self.context.today, workers)
        self.dueLoaded.emit()
        # Asked for only now, so that the due view (the home screen) paints first.
        self.reload_caseload()

    def _on_child_detail(
        self, child_ref: str, detail: ChildDetail | None, tab: str | None, switch: bool
    ) -> None:
        if detail is None:
            self.context.say(
                _("No child %(child_ref)s in this caseload.") % {"child_ref": child_ref}, 5000
            )
            return
        self.screens.child.show_detail(detail, tab)
        if switch:
            self.screens.show(self.screens.child)

    @Slot(str)
    def _on_child_activated(self, child_ref: str) -> None:
        self.open_child(child_ref, None)

    @Slot(bool)
    def _on_include_archived(self, include: bool) -> None:
        self.include_archived = include
        self.reload_caseload()
