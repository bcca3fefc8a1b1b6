"""The GUI's doors: controllers and views get the AppContext, never the window; views reload
from the context's "data changed" signal; no code reads another object's private attribute."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import iro_desktop.gui
from iro_desktop.domain.settings import Settings
from iro_desktop.gui.context import AppContext
from iro_desktop.gui.worker import Worker

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT = 10_000
GUI = Path(iro_desktop.gui.__file__).parent
# Everything that is given the context, the screens or explicit callbacks instead of the window.
WINDOW_MODULES = ("iro_desktop.gui.main_window", "iro_desktop.gui.app")
GIVEN_THE_CONTEXT = ("controllers", "views", "dialogs", "widgets", "forms", "child_tabs", "models")


def _modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (GUI / folder).rglob("*.py"))


def test_no_gui_code_reads_another_objects_private_attribute():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                found.append(f"{path.relative_to(GUI)}:{node.lineno} {ast.unparse(node)}")
    assert found == []


def test_controllers_and_views_never_import_the_main_window():
    found = []
    for path in _modules(*GIVEN_THE_CONTEXT):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(
                n.startswith(("iro_desktop.gui.main_window", "iro_desktop.gui.app")) for n in names
            ):
                found.append(str(path.relative_to(GUI)))
    assert found == []


def test_the_context_says_what_changed_only_with_a_caseload_open(qtbot, demo_store):
    worker = Worker()
    context = AppContext(worker, TODAY)
    seen: list[object] = []
    context.dataChanged.connect(seen.append)
    context.data_changed("DB156697")  # nothing open: nobody to tell
    assert seen == []
    with qtbot.waitSignal(context.storeChanged, timeout=WAIT):
        context.set_store(demo_store)
    context.data_changed("DB156697")
    context.data_changed()
    assert seen == ["DB156697", None]
    with qtbot.waitSignal(context.settingsChanged, timeout=WAIT) as changed:
        context.set_settings(Settings(iro_name="A. Reviewer"))
    assert changed.args[0].iro_name == "A. Reviewer"
    assert context.settings.iro_name == "A. Reviewer"
    worker.shutdown()


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


def _child_reads(window, monkeypatch) -> list[str]:
    """The children whose record the window reads from now on."""
    from iro_desktop.gui.controllers import caseload as caseload_controller

    reads: list[str] = []
    real = caseload_controller.child_detail

    def counted(store, child_ref, today):
        reads.append(child_ref)
        return real(store, child_ref, today)

    monkeypatch.setattr(caseload_controller, "child_detail", counted)
    return reads


def test_the_open_child_reloads_when_it_or_everything_changed(qtbot, window, monkeypatch):
    # The caseload list is read after the due view paints: wait for it.
    qtbot.waitUntil(lambda: window.caseload_view.model.rowCount() > 1, timeout=WAIT)
    ref = window.caseload_view.model.row_at(0).child_ref
    other = window.caseload_view.model.row_at(1).child_ref
    window.open_child(ref, "details")
    qtbot.waitUntil(lambda: window.child_view.current_child_ref() == ref, timeout=WAIT)
    reads = _child_reads(window, monkeypatch)

    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        window.context.data_changed(other)  # another child: the due list, not this record
    qtbot.waitUntil(lambda: not window.worker.pending_jobs, timeout=WAIT)
    assert reads == []
    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        window.context.data_changed(ref)
    qtbot.waitUntil(lambda: not window.worker.pending_jobs, timeout=WAIT)
    assert reads == [ref]
    with qtbot.waitSignal(window.dueLoaded, timeout=WAIT):
        window.refresh()  # F5: everything
    qtbot.waitUntil(lambda: not window.worker.pending_jobs, timeout=WAIT)
    assert reads == [ref, ref]
