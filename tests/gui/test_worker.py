"""The worker: jobs off the GUI thread, in order, results and errors back on the GUI thread."""

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from iro_desktop.gui.worker import SLOW_JOB_MS, BusyIndicator, Worker, user_message
from iro_desktop.storage.errors import WrongPassphrase

# The offscreen platform warns whenever a shown window's size limits change: not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def worker(qtbot):
    errors: list[BaseException] = []
    made = Worker(error_callback=errors.append)
    made.errors = errors
    yield made
    made.shutdown()


def test_jobs_run_on_one_worker_thread_never_the_gui_thread(qtbot, worker):
    gui_thread = QApplication.instance().thread()
    seen = []

    def where():
        return QThread.currentThread() is not gui_thread, threading.get_ident()

    for _ in range(3):
        worker.submit(where, on_result=seen.append)
    with qtbot.waitSignal(worker.allJobsDone, timeout=5000):
        pass
    assert [off for off, _ in seen] == [True, True, True]
    assert len({ident for _, ident in seen}) == 1  # one worker thread for every job
    assert threading.get_ident() not in {ident for _, ident in seen}


def test_results_come_back_on_the_gui_thread_in_submission_order(qtbot, worker):
    results = []
    callback_threads = set()

    def collect(value):
        results.append(value)
        callback_threads.add(threading.get_ident())

    for n in range(10):
        worker.submit(lambda n=n: n * n, on_result=collect)
    qtbot.waitUntil(lambda: len(results) == 10, timeout=5000)
    assert results == [n * n for n in range(10)]
    assert callback_threads == {threading.get_ident()}


def test_an_error_goes_to_the_jobs_error_callback_or_the_workers(qtbot, worker):
    def fails():
        raise WrongPassphrase("That passphrase does not open demo.iro.db.")

    own = []
    worker.submit(fails, on_error=own.append)
    worker.submit(fails)
    qtbot.waitUntil(lambda: bool(own and worker.errors), timeout=5000)
    assert str(own[0]) == "That passphrase does not open demo.iro.db."
    assert isinstance(worker.errors[0], WrongPassphrase)


def test_the_default_error_callback_shows_the_message_in_a_dialog(qtbot):
    worker = Worker()
    try:

        def fails():
            raise WrongPassphrase("That passphrase does not open caseload.iro.db.")

        worker.submit(fails)

        def boxes():
            return [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            ]

        qtbot.waitUntil(lambda: bool(boxes()), timeout=5000)
        assert boxes()[0].text() == "That passphrase does not open caseload.iro.db."
        boxes()[0].close()
    finally:
        worker.shutdown()


def test_a_bug_is_reported_plainly():
    assert "Something went wrong (KeyError" in user_message(KeyError("x"))


def test_busy_indicator_shows_for_a_slow_job_and_hides_after(qtbot, worker):
    indicator = BusyIndicator(worker)
    qtbot.addWidget(indicator)
    with qtbot.waitSignal(worker.busyChanged, timeout=5000) as shown:
        worker.submit(time.sleep, SLOW_JOB_MS / 1000 + 0.3, label="Making the demo caseload…")
    assert shown.args == [True, "Making the demo caseload…"]
    assert not indicator.isHidden()
    assert indicator.bar.minimum() == indicator.bar.maximum() == 0  # busy, no percentage
    assert indicator.label.text() == "Making the demo caseload…"
    with qtbot.waitSignal(worker.busyChanged, timeout=5000) as hidden:
        pass
    assert hidden.args == [False, ""]
    assert indicator.isHidden()


def test_a_quick_job_never_shows_the_indicator(qtbot, worker):
    with qtbot.assertNotEmitted(worker.busyChanged, wait=SLOW_JOB_MS + 100):
        worker.submit(lambda: None)


def test_the_gui_thread_keeps_running_while_a_job_works(qtbot, worker):
    ticks = []
    timer_started = time.perf_counter()
    worker.submit(time.sleep, 0.4)
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter() - timer_started))
    timer.start(20)
    qtbot.waitSignal(worker.allJobsDone, timeout=5000).wait()
    timer.stop()
    assert len(ticks) >= 5  # events kept flowing: the window never froze


def test_shutdown_lets_queued_jobs_finish(qtbot):
    worker = Worker()
    done = []
    worker.submit(time.sleep, 0.1)
    worker.submit(lambda: done.append("closed"))
    worker.shutdown()
    assert done == ["closed"]
    with pytest.raises(RuntimeError):
        worker.submit(lambda: None)
