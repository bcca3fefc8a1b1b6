"""Garbage collection kept out of bulk loads.

Reading a caseload makes tens of thousands of small objects that all stay alive, so every
collection the allocations set off walks them all for nothing: 27% of the service's due list
went on it. ``no_gc()`` turns the collector off for the load and back on after, only when it
was on when the first of any overlapping loads began (the GUI's worker and the main thread
may load at once; a test that turned it off keeps it off). Reference counting still frees
everything as usual; only cycles wait for the next collection.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def no_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
