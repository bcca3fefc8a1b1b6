"""The installed Qt binding does not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 took a reference from None or True on every call to a Qt method
returning nothing, every Python signal emit, every ``QModelIndex.data()`` answering None and
every ``QTimer.singleShot``; after enough calls Python aborted ("none_dealloc",
"bool_dealloc"). pyproject.toml excludes that release; these tests catch any binding with the
same fault.
"""

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel

CALLS = 1000
SLACK = 50  # other code may take or drop a few references meanwhile


class _Emitter(QObject):
    ping = Signal()


@contextmanager
def _no_collector() -> Iterator[None]:
    """The cycle collector freeing an earlier test's garbage mid-loop drops thousands of
    references to None at once (seen in CI): collect first, then keep it out of the count."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _drift(obj, action) -> int:
    with _no_collector():
        before = sys.getrefcount(obj)
        for _ in range(CALLS):
            action()
        return sys.getrefcount(obj) - before


def test_void_qt_calls_leave_none_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    assert abs(_drift(None, lambda: label.setText("x"))) < SLACK


def test_signal_emit_leaves_true_alone(qapp):
    emitter = _Emitter()
    assert abs(_drift(True, emitter.ping.emit)) < SLACK


def test_empty_model_data_leaves_none_alone(qapp):
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    assert abs(_drift(None, lambda: index.data())) < SLACK


def test_single_shot_leaves_none_alone(qapp):
    with _no_collector():
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            QTimer.singleShot(0, lambda: None)
        qapp.processEvents()  # pending timers hold references until they fire
        drift = sys.getrefcount(None) - before
    assert abs(drift) < SLACK
