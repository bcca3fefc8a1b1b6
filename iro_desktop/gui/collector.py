"""Garbage collection on the GUI thread only.

Python collects cycles on whichever thread happens to allocate past the threshold. When that
is the worker thread, it can destroy Qt objects the GUI thread owns, or walk wrappers the GUI
thread is destroying outside the interpreter lock: the bindings then crash or hang (both seen
in the full suite, at a dialog closed while its preview job ran). So while the desktop app
runs, automatic collection is off and this timer on the GUI thread collects instead, by the
same thresholds Python would use (the approach PyQt and pyqtgraph recommend). Reference
counting frees everything else at once, as always.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("iroGuiThreadCollector")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        app.aboutToQuit.connect(self.stop)
        self.start()

    def start(self) -> None:
        gc.disable()
        self._timer.start(INTERVAL_MS)

    def is_collecting(self) -> bool:
        """True while the GUI thread's timer does the collecting."""
        return self._timer.isActive() and not gc.isenabled()

    def stop(self) -> None:
        """Automatic collection again (the app is quitting, or a test is over)."""
        self._timer.stop()
        gc.enable()

    def collect_if_due(self) -> int:
        """Collect the oldest generation past its threshold; returns what was collected."""
        if gc.isenabled():  # something turned it back on: keep collections on this thread
            gc.disable()
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return 0
        generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
        return gc.collect(generation)


def collect_on_the_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per application."""
    found = app.findChild(GuiThreadCollector, "iroGuiThreadCollector")
    if found is None:
        return GuiThreadCollector(app)
    found.start()
    return found
