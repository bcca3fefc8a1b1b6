"""The due view's model for big lists (issue 18, item 4): grouped once per fill, each row's
texts worked out only when a row is shown."""

from __future__ import annotations

from datetime import timedelta

import pytest

from iro_desktop.domain.tasks import Task, TaskKind, group_for
from iro_desktop.gui.models import due_model
from iro_desktop.gui.views.due import DueView

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_models_grouping_is_the_cores_for_every_day_of_the_week():
    for start in range(7):
        today = TODAY + timedelta(days=start)
        group_of = due_model._grouper(today)
        for offset in range(-10, 60):
            due = today + timedelta(days=offset)
            assert group_of(due) == group_for(due, today), (today, due)


def test_ten_thousand_tasks_cost_only_the_rows_on_screen(qtbot):
    kinds = list(TaskKind)
    tasks = [
        Task(f"C{i % 2500:06d}", kinds[i % len(kinds)], f"review:{i}",
             TODAY + timedelta(days=i % 50 - 10), TODAY + timedelta(days=i % 50 - 10), "why")
        for i in range(10_000)
    ]  # fmt: skip
    view = DueView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.dataPainted, timeout=10000):
        view.set_tasks(tasks, {f"C{c:06d}": f"Child {c}" for c in range(2500)}, TODAY)
    rows = [row for rows in view.model._groups for row in rows]
    assert len(rows) == 10_000
    worked_out = sum(1 for row in rows if row.texts is not None)
    assert 0 < worked_out <= 60  # the rows on screen, not the 10,000
    first = view.model.index(0, due_model.COL_CHILD, view.model.index(0, 0))
    assert first.data().startswith("Child ")
