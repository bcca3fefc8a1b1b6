"""The due view: the core's tasks in the core's groups, filters, and opening the child."""

import json
from collections import Counter
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from iro_desktop.cli import main as cli_main
from iro_desktop.domain.tasks import (
    TASK_LABELS,
    Task,
    TaskGroup,
    TaskKind,
    TaskOwner,
    group_for,
    summary_line,
)
from iro_desktop.gui.models.due_model import (
    COL_CHILD,
    COL_DUE,
    COL_HOLD_BY,
    COL_TASK,
    COL_WHEN,
    COL_WHY,
    GROUP_ROLE,
    SECTION_ROLE,
    SORT_ROLE,
    TASK_ROLE,
    DueModel,
    days_left_text,
)
from iro_desktop.gui.views.due import TAB_FOR_TASK, DueView
from iro_desktop.services.caseload import due_list

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _task(kind: TaskKind, due: date, ref: str = "C1") -> Task:
    return Task(ref, kind, "review:next", due, due, "because")


def _shown_tasks(model: DueModel) -> dict[TaskGroup, list[Task]]:
    """Tasks shown per group, both sections together, in the core's order."""
    shown: dict[TaskGroup, list[Task]] = {g: [] for g in TaskGroup}
    for owner, group in _shown_by_section(model):
        shown[group] += _shown_by_section(model)[(owner, group)]
    return {g: sorted(tasks, key=Task.sort_key) for g, tasks in shown.items()}


def _shown_by_section(model: DueModel) -> dict[tuple[TaskOwner, TaskGroup], list[Task]]:
    shown = {}
    for row in range(model.rowCount()):
        group_index = model.index(row, 0)
        shown[(group_index.data(SECTION_ROLE), group_index.data(GROUP_ROLE))] = [
            model.index(r, 0, group_index).data(TASK_ROLE)
            for r in range(model.rowCount(group_index))
        ]
    return shown


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (-3, "3 days overdue"),
        (-1, "1 day overdue"),
        (0, "today"),
        (1, "tomorrow"),
        (5, "in 5 days"),
    ],
)
def test_days_left_in_words(offset, text):
    assert days_left_text(TODAY + timedelta(days=offset), TODAY) == text


def test_the_model_passes_qt_model_tester(qapp, qtmodeltester, demo_store):
    model = DueModel()
    model.set_tasks(due_list(demo_store, TODAY), {}, TODAY)
    qtmodeltester.check(
        model,
    )
    model.set_kind_filter(frozenset({TaskKind.LETTER}))
    qtmodeltester.check(
        model,
    )
    empty = DueModel()
    qtmodeltester.check(
        empty,
    )


def test_groups_and_counts_equal_the_core_and_the_command_line(
    qtbot, demo_store, demo_file, capsys
):
    tasks = due_list(demo_store, TODAY, within_days=None)
    view = DueView()
    qtbot.addWidget(view)
    view.set_tasks(tasks, {}, TODAY)

    expected = {
        group: [t for t in tasks if group_for(t.due, TODAY) == group] for group in TaskGroup
    }
    assert _shown_tasks(view.model) == expected
    counts = view.model.group_counts()

    assert (
        cli_main(
            [
                "due",
                "--db",
                str(demo_file),
                "--on",
                TODAY.isoformat(),
                "--within",
                "36500",
                "--json",
            ]
        )
        == 0
    )
    from_cli = json.loads(capsys.readouterr().out)
    assert Counter(item["group"] for item in from_cli) == {
        group.value: count for group, count in counts.items() if count
    }
    assert len(from_cli) == sum(counts.values())
    assert counts[TaskGroup.OVERDUE] > 0  # the demo has something in every group
    assert all(counts.values())


def test_a_task_row_says_who_what_when_and_overdue_in_words_and_icon(qtbot):
    view = DueView()
    qtbot.addWidget(view)
    late = _task(TaskKind.LETTER, TODAY - timedelta(days=3))
    soon = _task(TaskKind.REVIEW, TODAY + timedelta(days=10), ref="C2")
    view.set_tasks([late, soon], {"C1": "Amy Jones", "C2": "Ben Evans"}, TODAY)
    model = view.model
    overdue_row = model.index(0, 0, model.index(model.group_row(TaskGroup.OVERDUE), 0))
    row = overdue_row.row()
    parent = overdue_row.parent()
    assert model.index(row, COL_CHILD, parent).data() == "Amy Jones (C1)"
    assert model.index(row, COL_TASK, parent).data() == TASK_LABELS[TaskKind.LETTER]
    assert model.index(row, COL_WHY, parent).data() == "because"  # why, without hovering
    assert model.index(row, COL_DUE, parent).data() == "Fri 20 Nov 2026"
    assert model.index(row, COL_HOLD_BY, parent).data() == "Fri 20 Nov 2026"
    when = model.index(row, COL_WHEN, parent)
    assert when.data() == "3 days overdue"
    assert not when.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(model.group_row(TaskGroup.OVERDUE), 0).data() == "Yours to do · Overdue (1)"
    assert model.index(model.group_row(TaskGroup.THIS_WEEK), 0).data() == (
        "Yours to do · This week (0)"
    )
    assert model.index(model.group_row(TaskGroup.NEXT_4_WEEKS), 0).data() == (
        "Yours to do · Next 4 weeks (1)"
    )
    upcoming = model.index(0, COL_WHEN, model.index(model.group_row(TaskGroup.NEXT_4_WEEKS), 0))
    assert upcoming.data() == "in 10 days"
    assert upcoming.data(Qt.ItemDataRole.DecorationRole) is None
    assert upcoming.data(SORT_ROLE) == soon.due.toordinal()
    assert "1 other task of yours overdue" in view.summary.text()


def test_filter_by_task_type_keeps_the_groups_and_recounts(qtbot, demo_store):
    tasks = due_list(demo_store, TODAY)
    view = DueView()
    qtbot.addWidget(view)
    view.set_tasks(tasks, {}, TODAY)
    view.set_kind(TaskKind.LETTER)
    letters = [t for t in tasks if t.task == TaskKind.LETTER]
    shown = _shown_tasks(view.model)
    assert sum(len(v) for v in shown.values()) == len(letters) > 0
    assert all(t.task == TaskKind.LETTER for v in shown.values() for t in v)
    overdue_letters = sum(1 for t in letters if group_for(t.due, TODAY) == TaskGroup.OVERDUE)
    assert view.model.index(0, 0).data() == f"Yours to do · Overdue ({overdue_letters})"
    view.set_kind(None)
    assert sum(view.model.group_counts().values()) == len(tasks)


def test_every_task_kind_maps_to_a_child_view_tab():
    from iro_desktop.gui.views.child import TAB_NAMES

    assert set(TAB_FOR_TASK) == set(TaskKind)
    assert set(TAB_FOR_TASK.values()) <= set(TAB_NAMES)


def test_enter_and_double_click_ask_for_the_child_at_the_tasks_tab(qtbot):
    view = DueView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    decision = _task(TaskKind.DECISION, TODAY - timedelta(days=1), ref="C9")
    challenge = _task(TaskKind.CHALLENGE_RESPONSE, TODAY + timedelta(days=2), ref="C8")
    view.set_tasks([decision, challenge], {}, TODAY)

    view.tree.setFocus()
    view.tree.setCurrentIndex(view.index_of(decision))
    with qtbot.waitSignal(view.childRequested) as asked:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert asked.args == ["C9", "decisions"]

    rect = view.tree.visualRect(view.index_of(challenge).siblingAtColumn(COL_TASK))
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.childRequested) as asked:
        qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == ["C8", "challenges"]


def test_enter_on_a_group_row_opens_no_child(qtbot):
    view = DueView()
    qtbot.addWidget(view)
    view.set_tasks([_task(TaskKind.REVIEW, TODAY)], {}, TODAY)
    with qtbot.assertNotEmitted(view.childRequested):
        view.tree.activated.emit(view.model.index(0, 0))


def test_later_is_closed_at_start_and_the_rest_open(qtbot, demo_store):
    view = DueView()
    qtbot.addWidget(view)
    view.set_tasks(due_list(demo_store, TODAY), {}, TODAY)
    expanded = {
        view.model.index(row, 0).data(GROUP_ROLE): view.tree.isExpanded(view.model.index(row, 0))
        for row in range(view.model.rowCount())
    }
    assert expanded == {
        TaskGroup.OVERDUE: True,
        TaskGroup.THIS_WEEK: True,
        TaskGroup.NEXT_4_WEEKS: True,
        TaskGroup.LATER: False,
    }  # (both sections: the dict keeps the last, the others' section)
    later = view.model.index(view.model.group_row(TaskGroup.LATER), 0)
    view.tree.expand(later)
    view.set_kind(TaskKind.REVIEW)  # a reset keeps what the IRO opened
    assert view.tree.isExpanded(view.model.index(view.model.group_row(TaskGroup.LATER), 0))


# -- through the window: the real data path ------------------------------------------------
@pytest.fixture
def window(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    made = launch(demo_file, False, TODAY)
    qtbot.addWidget(made)
    qtbot.waitUntil(
        lambda: made.due_view.model.rowCount() > 0 and made.store is not None, timeout=10000
    )
    qtbot.waitUntil(lambda: sum(made.due_view.model.group_counts().values()) > 0, timeout=10000)
    yield made
    made.close()


def test_the_window_shows_the_core_due_list(window, demo_store):
    expected = Counter(group_for(t.due, TODAY) for t in due_list(demo_store, TODAY))
    assert window.due_view.model.group_counts() == {g: expected.get(g, 0) for g in TaskGroup}
    assert window.stack.currentWidget() is window.due_view


@pytest.mark.parametrize(
    ("kind", "tab"),
    [
        (TaskKind.LETTER, "letters"),
        (TaskKind.PRE_REVIEW_MEETING, "meetings"),
        (TaskKind.REVIEW, "reviews"),
    ],
)
def test_enter_on_a_task_opens_the_child_at_its_tab(qtbot, window, kind, tab):
    view = window.due_view
    view.set_kind(kind)
    group = next(g for g, n in view.model.group_counts().items() if n)
    first = view.model.index(0, 0, view.model.index(view.model.group_row(group), 0))
    task = first.data(TASK_ROLE)
    view.tree.setFocus()
    view.tree.setCurrentIndex(first)
    qtbot.keyClick(view.tree, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == task.child_ref, timeout=5000)
    assert window.stack.currentWidget() is window.child_view
    assert window.child_view.current_tab() == tab


# -- statutory work first (issue 17, item 2) -----------------------------------------------
def test_statutory_work_comes_first_and_others_actions_have_their_own_section(
    qtbot, demo_store, demo_file, capsys
):
    """The view's sections and summary agree with ``due --json`` on the demo."""
    view = DueView()
    qtbot.addWidget(view)
    view.set_tasks(due_list(demo_store, TODAY), {}, TODAY)
    assert cli_main(["due", "--db", str(demo_file), "--on", TODAY.isoformat(),
                     "--within", "36500", "--json"]) == 0  # fmt: skip
    rows = json.loads(capsys.readouterr().out)

    # Top rows: the IRO's own groups; then the others' actions to chase.
    sections = [view.model.index(r, 0).data(SECTION_ROLE) for r in range(view.model.rowCount())]
    assert sections == [TaskOwner.IRO] * 4 + [TaskOwner.OTHERS] * 4
    assert view.model.index(0, 0).data().startswith("Yours to do · Overdue")
    assert view.model.index(4, 0).data().startswith("Others' actions to chase · Overdue")

    shown = _shown_by_section(view.model)
    from_cli = Counter((r["section"], r["group"]) for r in rows)
    section_of = {TaskOwner.IRO: "yours", TaskOwner.OTHERS: "to_chase"}
    assert {(section_of[o], str(g)): len(t) for (o, g), t in shown.items() if t} == from_cli
    for (owner, _), tasks in shown.items():
        assert all(t.owner == owner for t in tasks)
    chased = {t.task for (o, _), ts in shown.items() if o == TaskOwner.OTHERS for t in ts}
    assert chased <= {TaskKind.DECISION, TaskKind.CHALLENGE_RESPONSE} and chased
    assert {r["owner"] for r in rows if r["task"] == "decision"} == {"others"}
    assert {r["owner"] for r in rows if r["task"] in ("review", "letter")} == {"iro"}

    # The summary counts the IRO's reviews first, as the JSON does.
    reviews_overdue = sum(1 for r in rows if r["task"] == "review" and r["group"] == "overdue")
    assert reviews_overdue > 0
    summary = view.summary.text()
    assert summary_line(due_list(demo_store, TODAY), TODAY) in summary
    wanted = f"{reviews_overdue} review{'s' if reviews_overdue != 1 else ''} overdue"
    assert wanted in summary and summary.index(wanted) < summary.index("to chase")


def test_a_decision_shows_its_text_on_the_row_and_why_each_date_shows_without_hovering(qtbot):
    view = DueView()
    qtbot.addWidget(view)
    decision = Task("C1", TaskKind.DECISION, "decision:4", TODAY, TODAY, "Book the dentist")
    letter = Task("C1", TaskKind.LETTER, "review:2", TODAY, TODAY, "15 working days after ...")
    view.set_tasks([decision, letter], {"C1": "Amy Jones"}, TODAY)
    row = view.index_of(decision)
    assert row.siblingAtColumn(COL_TASK).data() == "Decision: Book the dentist"
    assert row.parent().data(SECTION_ROLE) == TaskOwner.OTHERS
    assert "set with it at the review" in row.siblingAtColumn(COL_WHY).data()
    assert view.index_of(letter).siblingAtColumn(COL_WHY).data() == "15 working days after ..."
    assert view.index_of(letter).parent().data(SECTION_ROLE) == TaskOwner.IRO


def test_a_hold_by_date_already_passed_is_flagged_in_words_and_with_an_icon(qtbot):
    saturday = date(2026, 12, 5)
    view = DueView()
    qtbot.addWidget(view)
    # Due on Sunday: the last working day to hold it was Friday, already gone on Saturday.
    task = Task("C1", TaskKind.REVIEW, "review:next", date(2026, 12, 6), date(2026, 12, 4), "x")
    view.set_tasks([task], {}, saturday)
    when = view.index_of(task).siblingAtColumn(COL_WHEN)
    assert when.data() == "hold by passed (Fri 4 Dec)"
    assert not when.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_filters_by_child_and_social_worker_recount_the_summary(qtbot):
    view = DueView()
    qtbot.addWidget(view)
    amy = _task(TaskKind.REVIEW, TODAY - timedelta(days=2), ref="C1")
    ben = _task(TaskKind.REVIEW, TODAY - timedelta(days=2), ref="C2")
    cal = _task(TaskKind.LETTER, TODAY + timedelta(days=1), ref="C3")
    view.set_tasks(
        [amy, ben, cal],
        {"C1": "Amy Jones", "C2": "Ben Evans", "C3": "Cal Hughes"},
        TODAY,
        {"C1": "Sam Social", "C2": "Pat Worker", "C3": "Sam Social"},
    )
    assert "2 reviews overdue" in view.summary.text()
    assert [view.child_filter.itemText(i) for i in range(view.child_filter.count())] == [
        "All children", "Amy Jones (C1)", "Ben Evans (C2)", "Cal Hughes (C3)",
    ]  # fmt: skip
    view.set_child("C2")
    assert view.model.visible_tasks() == [ben]
    assert "1 review overdue" in view.summary.text()
    view.set_child(None)
    view.set_social_worker("Sam Social")
    assert sorted(view.model.visible_tasks(), key=Task.sort_key) == [amy, cal]
    view.set_kind(TaskKind.LETTER)
    assert view.model.visible_tasks() == [cal]
    # A refresh keeps the IRO's choices.
    view.set_tasks([amy, ben, cal], {}, TODAY, {"C1": "Sam Social", "C3": "Sam Social"})
    assert view.worker_filter.currentText() == "Sam Social"
    assert view.model.visible_tasks() == [cal]
