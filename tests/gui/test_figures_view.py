"""The Figures view: the demo's numbers equal the command's JSON, charts render, exports write."""

from __future__ import annotations

import json
from datetime import date

import pytest
from docx import Document
from PySide6.QtCore import Qt

from iro_desktop.cli import main as cli_main
from iro_desktop.domain.figures.model import PN_CODES
from iro_desktop.gui.controllers import figures as figures_controller
from iro_desktop.gui.dialogs.help import ShortcutsDialog
from iro_desktop.gui.models.figures_model import VALUE_ROLE, FigureTableModel
from iro_desktop.gui.shortcuts import key_text
from iro_desktop.gui.views.figures import EXPORT_CSV, EXPORT_JSON, EXPORT_WORD, FiguresView
from iro_desktop.services.figures import figures_for, tables

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT = 10_000


@pytest.fixture
def window(qtbot, demo_file):
    from iro_desktop.gui.app import launch

    made = launch(demo_file, False, TODAY)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.dueLoaded, timeout=WAIT):
        pass
    yield made
    made.recording.allow_quit()
    made.close()


@pytest.fixture(scope="module")
def cli_json(tmp_path_factory) -> dict:
    """``iro-desktop figures --demo --on 2026-11-23 --json``, run once."""
    import io
    import os
    from contextlib import redirect_stdout

    home = tmp_path_factory.mktemp("cli-home")
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")}
    for key in saved:
        os.environ[key] = str(home / key.lower())
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            assert cli_main(["figures", "--demo", "--on", TODAY.isoformat(), "--json"]) == 0
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return json.loads(out.getvalue())


def _show_figures_by_keyboard(qtbot, window) -> FiguresView:
    window.activateWindow()
    with qtbot.waitSignal(window.figures.figuresShown, timeout=WAIT):
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.figures_view
    return window.figures_view


def test_ctrl_4_shows_the_figures_and_they_equal_the_command_line(qtbot, window, cli_json):
    view = _show_figures_by_keyboard(qtbot, window)
    assert view.period() == (date(2026, 4, 1), date(2027, 3, 31))  # the reporting year
    assert view.chosen_year() == (date(2026, 4, 1), date(2027, 3, 31))

    timeliness = view.model_for("timeliness")
    assert timeliness.value_for("Reviews held") == cli_json["reviews_held"]
    assert timeliness.value_for("Held in time") == cli_json["reviews_in_time"]["numerator"]
    assert timeliness.value_for("Held in time", 2) == cli_json["reviews_in_time"]["denominator"]
    assert timeliness.value_for("Missed (fell due, never held)") == cli_json["reviews_missed"]
    # What the IRO reads on screen is the same number.
    row = next(
        r for r in range(timeliness.rowCount()) if timeliness.row_values(r)[0] == "Reviews held"
    )
    assert timeliness.index(row, 1).data() == str(cli_json["reviews_held"])
    assert timeliness.index(row, 1).data(VALUE_ROLE) == cli_json["reviews_held"]

    codes = view.model_for("participation_codes")
    for code in PN_CODES:
        shown = next(
            codes.row_values(r)[1]
            for r in range(codes.rowCount())
            if str(codes.row_values(r)[0]).startswith(f"{code} ")
        )
        assert shown == cli_json["participation"][code], code

    assert "95 reviews held" in view.summary.text() or str(cli_json["reviews_held"]) in (
        view.summary.text()
    )
    # Each table has its definition beside it.
    for table_id, table_view in view.table_views.items():
        assert table_view.accessibleDescription(), table_id


def test_the_charts_render_with_labelled_axes(qtbot, window):
    view = _show_figures_by_keyboard(qtbot, window)
    assert set(view.canvases) == {"reviews_by_month", "participation_codes", "challenges_by_theme"}
    for table_id, canvas in view.canvases.items():
        canvas.draw()
        axes = canvas.figure.axes
        assert axes, table_id
        assert axes[0].get_xlabel() and axes[0].get_ylabel(), table_id
        assert canvas.accessibleName()


def test_exports_write_files_through_the_worker(qtbot, window, monkeypatch, tmp_path):
    view = _show_figures_by_keyboard(qtbot, window)
    targets = {
        EXPORT_WORD: tmp_path / "figures.docx",
        EXPORT_CSV: tmp_path / "csv",
        EXPORT_JSON: tmp_path / "figures.json",
    }
    monkeypatch.setattr(figures_controller, "ask_export_path", lambda _p, kind, _s: targets[kind])
    for kind, button in (
        (EXPORT_WORD, view.word_button),
        (EXPORT_CSV, view.csv_button),
        (EXPORT_JSON, view.json_button),
    ):
        with qtbot.waitSignal(window.figures.figuresExported, timeout=WAIT) as done:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert done.args[0], kind
        assert all(p.exists() for p in done.args[0]), kind
        assert "Saved" in view.export_status.text()
        assert not view.export_busy.isVisible()
    assert len(list(targets[EXPORT_CSV].glob("*.csv"))) >= 5
    exported = json.loads(targets[EXPORT_JSON].read_text(encoding="utf-8"))
    assert exported["reviews_held"] == view.figures.reviews_held
    word_text = "\n".join(p.text for p in Document(str(targets[EXPORT_WORD])).paragraphs)
    assert "DEMO DATA" in word_text


def test_another_period_reloads_the_figures(qtbot, window):
    view = _show_figures_by_keyboard(qtbot, window)
    with qtbot.waitSignal(window.figures.figuresShown, timeout=WAIT):
        view.year_combo.setCurrentIndex(1)
        view.year_combo.activated.emit(1)
    assert view.figures.period_from == date(2025, 4, 1)
    with qtbot.waitSignal(window.figures.figuresShown, timeout=WAIT):
        view.choose_period(date(2026, 6, 1), date(2026, 8, 31))
    assert (view.figures.period_from, view.figures.period_to) == (
        date(2026, 6, 1),
        date(2026, 8, 31),
    )
    assert view.chosen_year() is None  # "Other dates"
    # A period that ends before it starts is refused in words, before asking the store.
    view.from_edit.setDate(view.to_edit.date().addDays(1))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert "before it starts" in view.summary.text()


def test_the_figures_models_pass_the_model_tester(qtmodeltester, demo_store):
    for table in tables(figures_for(demo_store, today=TODAY)):
        qtmodeltester.check(FigureTableModel(table))
    qtmodeltester.check(FigureTableModel())


def test_figures_is_listed_in_help_keyboard_shortcuts(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert key_text("Ctrl+4") in dialog.listed_keys()
    row = dialog.listed_keys().index(key_text("Ctrl+4"))
    assert "Figures" in dialog.table.item(row, 1).text()
