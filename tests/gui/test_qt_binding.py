"""The installed Qt binding does not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 took one reference from None on every call to a Qt method that
returns nothing; after enough calls Python aborted ("none_dealloc"). pyproject.toml excludes
that release; this test catches any binding with the same fault.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_leave_none_refcount_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        label.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 50
