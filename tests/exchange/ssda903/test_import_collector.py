"""The import pauses Python's cycle collector while it reads and writes (for speed) and always
turns it back on: an app left without it would slowly fill memory."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest

from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.ssda903.read import import_903

BASIC = Path(__file__).parents[2] / "fixtures" / "903" / "basic"


def test_the_collector_is_on_again_after_an_import_and_after_a_refused_one(store, tmp_path):
    assert gc.isenabled()
    report = import_903(store, BASIC, today=date(2026, 11, 23))
    assert report.counts["children"].added > 0
    assert gc.isenabled()
    with pytest.raises(Bad903File):
        import_903(store, tmp_path, today=date(2026, 11, 23))  # an empty folder
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(store):
    gc.disable()
    try:
        import_903(store, BASIC, today=date(2026, 11, 23))
        assert not gc.isenabled()
    finally:
        gc.enable()
