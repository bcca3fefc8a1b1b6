"""Start lean (issue 18): only the due view's code before the first paint; the file's checks
after the due list is read, with every write held until they pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iro_desktop.gui.app import launch

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
# Code that has no part in the due list: loaded the first time the IRO asks for it.
LOADED_ON_FIRST_USE = (
    "iro_desktop.gui.forms",
    "iro_desktop.gui.views.child",
    "iro_desktop.gui.views.figures",
    "iro_desktop.gui.dialogs.letter",
    "iro_desktop.letters",
    "iro_desktop.exchange",
    "iro_desktop.exchange.handover",
    "iro_desktop.domain.figures",
    "iro_desktop.reports",
    "matplotlib",
    "docx",
)

FIRST_PAINT = """
import json, sys
from datetime import date
from pathlib import Path
from iro_desktop.services.session import start_opening_at_launch
today = date.fromisoformat(sys.argv[2])
early = start_opening_at_launch(Path(sys.argv[1]), False, today)
from iro_desktop.gui.app import application, launch
app = application()
window = launch(Path(sys.argv[1]), False, today, early)
def painted():
    print(json.dumps({"modules": sorted(sys.modules)}))
    window.close()
    app.quit()
window.dueViewReady.connect(painted)
app.exec()
"""


def test_only_the_due_views_code_is_loaded_before_the_first_paint(demo_file, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(demo_file), TODAY.isoformat()],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=True,
    )  # fmt: skip
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = set(seen["modules"])
    assert "iro_desktop.gui.views.due" in loaded
    assert sorted(m for m in LOADED_ON_FIRST_USE if m in loaded) == []


def test_the_checks_run_after_the_due_list_is_read_and_writes_wait_for_them(
    qtbot, demo_file, monkeypatch
):
    from iro_desktop.gui import startup
    from iro_desktop.gui.controllers import caseload

    order = []
    read_due, check = caseload.load_due, startup.finish_opening
    monkeypatch.setattr(caseload, "load_due", lambda *a: (order.append("due"), read_due(*a))[1])
    monkeypatch.setattr(startup, "finish_opening", lambda s: (order.append("checks"), check(s))[1])
    window = launch(demo_file, False, TODAY)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.store is not None, timeout=10000)
        store = window.store
        qtbot.waitUntil(lambda: not store.writes_held, timeout=10000)
        assert order[:2] == ["due", "checks"]  # the list first, then the file's checks
    finally:
        window.close()


def test_the_child_and_figures_views_are_built_when_first_wanted(qtbot, demo_file):
    window = launch(demo_file, False, TODAY)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.store is not None, timeout=10000)
        assert not window.screens.child_made and not window.screens.figures_made
        window.actions["show_figures"].trigger()
        assert window.screens.figures_made
        assert window.stack.currentWidget() is window.figures_view
        qtbot.waitUntil(lambda: window.figures_view.figures is not None, timeout=20000)
        window.open_child(_first_child(window), None)
        qtbot.waitUntil(lambda: window.screens.child_made, timeout=10000)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.child_view, timeout=10000)
        from PySide6.QtWidgets import QPushButton

        assert window.child_view.findChild(QPushButton, "hand_overButton") is not None
    finally:
        window.close()


def _first_child(window) -> str:
    from iro_desktop.gui.models.due_model import TASK_ROLE

    model = window.due_view.model
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        if model.rowCount(group):
            return model.index(0, 0, group).data(TASK_ROLE).child_ref
    raise AssertionError("the demo has tasks")
