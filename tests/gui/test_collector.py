"""Garbage is collected on the GUI thread only while the desktop app runs (gui/collector.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from iro_desktop.gui.app import application
from iro_desktop.gui.collector import collect_on_the_gui_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.collected_on: list[str] = []


def test_a_cycle_is_collected_by_the_gui_threads_timer_not_automatically(qtbot):
    app = application()
    collector = collect_on_the_gui_thread(app)
    assert collect_on_the_gui_thread(app) is collector  # once per application
    assert not gc.isenabled()  # no collection set off by an allocation on the worker thread

    threads: list[str] = []
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: threads.append(threading.current_thread().name))
    del cycle
    for _ in range(gc.get_threshold()[0] + 10):  # past the threshold: Python would collect
        _Cycle()
    assert threads == []  # not automatically
    assert collector.is_collecting()  # the GUI thread's timer is running
    assert collector.collect_if_due() > 0  # what the timer calls: past the threshold, so due
    assert threads == [threading.main_thread().name]


def test_turning_collection_back_on_is_undone_at_the_next_tick(qtbot):
    app = application()
    collect_on_the_gui_thread(app)
    gc.enable()
    qtbot.waitUntil(lambda: not gc.isenabled(), timeout=5000)
