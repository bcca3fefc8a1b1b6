"""A dialog's slow work, run one way everywhere: the file the IRO chose is read or written on
the worker while a busy bar says what is happening; the answer goes back to the dialog only if
it is still open (and, for work asked again, such as a preview after each change, only the
latest answer); a failure is shown in the dialog in the IRO's words.

The import, export 903, handover, receive and document dialogs and the Figures export use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QWidget

from iro_desktop.gui.widgets.dialog_parts import alive
from iro_desktop.gui.worker import Worker, user_message


class Busy(Protocol):
    """Shows that the dialog's job is running (``dialog_parts.BusyBar`` is one)."""

    def start(self, text: str) -> None: ...

    def stop(self) -> None: ...


def show_in(label: QLabel) -> Callable[[str], None]:
    """A ``show_error`` writing into the dialog's error label (``dialog_parts.error_label``)."""

    def show(message: str) -> None:
        label.setText(message)
        label.setVisible(True)

    return show


class FileJob:
    def __init__(
        self,
        owner: QWidget,
        worker: Worker,
        busy: Busy | None,
        show_error: Callable[[str], None],
        after_error: Callable[[], object] | None = None,
    ) -> None:
        """``owner``: the dialog (answers after it was closed are dropped); ``busy``: what
        shows the job running (``None``: nothing); ``show_error``: how the dialog shows a
        message; ``after_error()``: put the buttons right again."""
        self._owner = owner
        self._worker = worker
        self._busy = busy
        self._show_error = show_error
        self._after_error = after_error
        self._asked: dict[str, int] = {}  # how many times each "latest" job was asked

    def run(
        self,
        function: Callable[..., Any],
        *args: Any,
        label: str,
        busy: str = "",
        on_result: Callable[[Any], object],
        latest: str = "",
        handles: Callable[[BaseException], bool] | None = None,
        **kwargs: Any,
    ) -> None:
        """Run ``function(*args, **kwargs)`` on the worker; ``busy`` is shown meanwhile,
        ``label`` is the worker's. With ``latest``, an answer to an earlier ask of the same
        job is ignored (a newer one is on its way). ``handles(error)``: True when the dialog
        dealt with that error itself (a question to the IRO) instead of showing it."""
        number = self._asked.get(latest, 0) + 1
        if latest:
            self._asked[latest] = number

        def current() -> bool:
            return not latest or self._asked.get(latest) == number

        def done(result: Any) -> None:
            if current():
                self._stop()
                on_result(result)

        def failed(error: BaseException) -> None:
            if not current():
                return
            if handles is not None and handles(error):
                self._stop()
                return
            self.fail(user_message(error))

        if self._busy is not None:
            self._busy.start(busy)
        self._worker.submit(
            function,
            *args,
            on_result=alive(self._owner, done),
            on_error=alive(self._owner, failed),
            label=label,
            **kwargs,
        )

    def fail(self, message: str) -> None:
        """Show ``message`` as the dialog's problem (a job's error, or a check before one)."""
        self._stop()
        self._show_error(message)
        if self._after_error is not None:
            self._after_error()

    def _stop(self) -> None:
        if self._busy is not None:
            self._busy.stop()
