"""The caseload view: model checks, search as you type, sort by value, archived, activation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from iro_desktop.gui.models.caseload_model import (
    COL_AGE,
    COL_LAST_CODE,
    COL_LEGAL_STATUS,
    COL_NAME,
    COL_NEXT_DUE,
    COL_OUT_OF_AREA,
    COL_PLACEMENT,
    ROW_ROLE,
    CaseloadFilterProxyModel,
    CaseloadTableModel,
)
from iro_desktop.gui.views.caseload import CaseloadView
from iro_desktop.services.child import CaseloadRow, caseload_rows

from .conftest import TODAY

# Offscreen Qt says this whenever a shown window's size hints change: not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_row(child_ref: str, name: str, **changes) -> CaseloadRow:
    row = CaseloadRow(
        child_ref=child_ref,
        name=name,
        age=10,
        legal_status="C2",
        legal_status_text="Full care order",
        placement="U4",
        placement_text="Foster placement with other foster carer: long-term fostering",
        placement_name="Ms Sutton (foster carer)",
        out_of_area=False,
        social_worker="Grace Adebayo",
        last_review=date(2026, 6, 1),
        next_review_due=date(2026, 12, 1),
        hold_by=date(2026, 12, 1),
        last_code="PN1",
        open_decisions=1,
        open_challenges=0,
        language="en",
        uasc=False,
        archived=False,
    )
    return replace(row, **changes)


@pytest.fixture
def rows() -> list[CaseloadRow]:
    # Dates and ages chosen so that sorting their text would give a different order.
    return [
        make_row("DB001", "Amara Thompson", age=2, next_review_due=date(2026, 11, 30)),
        make_row(
            "DB002",
            "Bilal Khan",
            age=17,
            next_review_due=date(2027, 1, 1),
            social_worker="Daniel Kowal",
            out_of_area=True,
        ),
        make_row(
            "DB003",
            "Chloe Evans",
            age=10,
            next_review_due=date(2026, 11, 2),
            placement="K2",
            placement_text="Children's home",
            placement_name="Beacon View",
            out_of_area=None,
        ),
        make_row("DB004", "Dylan Price", age=9, next_review_due=None, hold_by=None),
        make_row("DB005", "Erin Archer", age=12, archived=True, social_worker="Daniel Kowal"),
    ]


@pytest.fixture
def view(qtbot, rows) -> CaseloadView:
    widget = CaseloadView()
    qtbot.addWidget(widget)
    widget.set_rows(rows, TODAY)
    return widget


def shown_refs(view: CaseloadView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, COL_NAME).data(ROW_ROLE).child_ref for r in range(proxy.rowCount())]


def test_model_and_proxy_pass_the_model_tester(qtmodeltester, rows):
    model = CaseloadTableModel()
    model.set_rows(rows, TODAY)
    qtmodeltester.check(model)
    proxy = CaseloadFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_show_archived(True)
    proxy.set_search_text("kowal")
    qtmodeltester.check(proxy)


def test_demo_caseload_passes_the_model_tester(qtmodeltester, demo_store):
    model = CaseloadTableModel()
    model.set_rows(caseload_rows(demo_store, TODAY, include_archived=True), TODAY)
    qtmodeltester.check(model)


def test_count_label_counts_children_and_hides_archived(view):
    assert view.count_label.text() == "4 children"
    assert "DB005" not in shown_refs(view)


def test_search_filters_as_you_type(qtbot, view):
    qtbot.keyClicks(view.search_box, "KOW")  # social worker Daniel Kowal, any case
    assert shown_refs(view) == ["DB002"]
    assert view.count_label.text() == "1 of 4 shown"
    view.search_box.clear()
    assert view.count_label.text() == "4 children"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("db003", {"DB003"}),  # reference
        ("beacon", {"DB003"}),  # placement name
        ("children's home", {"DB003"}),  # placement meaning
        ("thompson", {"DB001"}),  # name
        ("sutton", {"DB001", "DB002", "DB004"}),  # carer
    ],
)
def test_search_matches_reference_name_and_placement(qtbot, view, text, expected):
    qtbot.keyClicks(view.search_box, text)
    assert set(shown_refs(view)) == expected


def test_sorting_by_next_review_due_sorts_by_date(view):
    view.table_view.sortByColumn(COL_NEXT_DUE, Qt.SortOrder.AscendingOrder)
    assert shown_refs(view) == ["DB003", "DB001", "DB002", "DB004"]  # none due last
    view.table_view.sortByColumn(COL_NEXT_DUE, Qt.SortOrder.DescendingOrder)
    assert shown_refs(view)[1:] == ["DB002", "DB001", "DB003"]


def test_sorting_by_age_sorts_by_value(view):
    view.table_view.sortByColumn(COL_AGE, Qt.SortOrder.AscendingOrder)
    ages = [view.proxy.index(r, COL_NAME).data(ROW_ROLE).age for r in range(4)]
    assert ages == [2, 9, 10, 17]


def test_overdue_is_said_in_words_with_a_tooltip(view):
    model = view.model
    row = model.row_for_ref("DB003")
    index = model.index(row, COL_NEXT_DUE)
    assert index.data() == "Mon 2 Nov 2026 (overdue)"
    assert "Overdue" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    on_time = model.index(model.row_for_ref("DB001"), COL_NEXT_DUE)
    assert on_time.data() == "Mon 30 Nov 2026"
    none_due = model.index(model.row_for_ref("DB004"), COL_NEXT_DUE)
    assert none_due.data() == "None due"


def test_codes_have_their_meaning_as_tooltip_and_area_is_in_words(view):
    model = view.model
    first = model.row_for_ref("DB001")
    assert model.index(first, COL_LEGAL_STATUS).data() == "C2"
    assert model.index(first, COL_LEGAL_STATUS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Full care order"
    )
    assert model.index(first, COL_PLACEMENT).data() == "U4 · Ms Sutton (foster carer)"
    assert "long-term fostering" in model.index(first, COL_PLACEMENT).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "speaks for themselves" in model.index(first, COL_LAST_CODE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    areas = {
        model.index(model.row_for_ref(ref), COL_OUT_OF_AREA).data()
        for ref in ("DB001", "DB002", "DB003")
    }
    assert areas == {"In area", "Out of area", "—"}


def test_archived_toggle_emits_and_shows_archived_children(qtbot, view):
    with qtbot.waitSignal(view.includeArchivedChanged) as blocker:
        qtbot.mouseClick(view.archived_checkbox, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert "DB005" in shown_refs(view)
    assert view.count_label.text() == "5 children"
    index = view.model.index(view.model.row_for_ref("DB005"), COL_NAME)
    assert index.data() == "Erin Archer (archived)"
    with qtbot.waitSignal(view.includeArchivedChanged) as blocker:
        view.archived_checkbox.setChecked(False)
    assert blocker.args == [False]
    assert "DB005" not in shown_refs(view)


def test_enter_emits_child_activated_with_the_ref(qtbot, view):
    assert view.select_child("DB002")
    with qtbot.waitSignal(view.childActivated) as blocker:
        qtbot.keyClick(view.table_view, Qt.Key.Key_Return)
    assert blocker.args == ["DB002"]


def test_double_click_emits_child_activated_with_the_ref(qtbot, view):
    view.resize(1200, 500)
    view.show()
    qtbot.waitExposed(view)
    index = view.proxy.index(0, COL_NAME)
    ref = index.data(ROW_ROLE).child_ref
    centre = view.table_view.visualRect(index).center()
    viewport = view.table_view.viewport()
    with qtbot.waitSignal(view.childActivated) as blocker:
        # A real double-click is a press, a release, then the double-click event.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [ref]


def test_enter_in_the_search_box_moves_to_the_first_child(qtbot, view):
    qtbot.keyClicks(view.search_box, "beacon")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert view.current_child_ref() == "DB003"


def test_focus_search_puts_the_cursor_in_the_search_box(qtbot, view):
    view.show()
    qtbot.waitExposed(view)
    view.table_view.setFocus()
    view.focus_search()
    qtbot.waitUntil(view.search_box.hasFocus)


def test_new_rows_keep_the_chosen_child(view, rows):
    view.select_child("DB002")
    view.set_rows(list(reversed(rows)), TODAY)
    assert view.current_child_ref() == "DB002"


def test_every_widget_has_an_accessible_name(view):
    for widget in (view, view.search_box, view.archived_checkbox, view.count_label):
        assert widget.accessibleName()
    assert view.table_view.accessibleName() == "Caseload table"


def test_shows_the_demo_caseload(qtbot, demo_store):
    widget = CaseloadView()
    qtbot.addWidget(widget)
    rows = caseload_rows(demo_store, TODAY)
    widget.set_rows(rows, TODAY)
    assert widget.count_label.text() == f"{len(rows)} children"
    qtbot.keyClicks(widget.search_box, "llewelyn")
    assert widget.proxy.rowCount() >= 1
    assert widget.count_label.text().endswith(f"of {len(rows)} shown")
