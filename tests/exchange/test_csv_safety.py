"""Cells a spreadsheet would execute are neutralised on write and read back as text."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from iro_desktop.exchange.csv_safety import neutralise, restore
from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.ssda903.read import import_903
from iro_desktop.exchange.ssda903.write import write_903_csvs
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record

DANGEROUS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_starts_are_quoted_and_restored(value):
    assert neutralise(value) == "'" + value
    assert restore(neutralise(value)) == value


@pytest.mark.parametrize("value", ["", "C001", "SW1A 1AA", "'quoted already", "a=b", None])
def test_ordinary_cells_are_left_alone(value):
    assert neutralise(value) == ("" if value is None else value)
    assert restore(neutralise(value)) == neutralise(value)


def test_903_export_neutralises_and_import_reads_as_text(tmp_path):
    store = open_store(tmp_path / "a.db", "pw", create=True)
    fresh = open_store(tmp_path / "b.db", "pw", create=True)
    try:
        cid = history.insert(store, "children", {"child_ref": "C1", "dob": date(2012, 1, 1),
                                                 "gender": "M", "ethnicity": "WBRI",
                                                 "upn": "=cmd|' /C calc'!A0"})  # fmt: skip
        history.insert(store, "episodes", {"child_id": cid, "decom": date(2025, 5, 1),
                                           "rne": "S", "ls": "C2", "cin": "N1", "place": "U1",
                                           "place_provider": "PR1", "home_post": "@SUM(1)",
                                           "pl_post": "-1+2"})  # fmt: skip
        write_903_csvs(store, tmp_path / "out")
        with (tmp_path / "out" / "header.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[1][4] == "'=cmd|' /C calc'!A0"
        episodes = (tmp_path / "out" / "episodes.csv").read_text(encoding="utf-8")
        assert "'@SUM(1)" in episodes and "'-1+2" in episodes
        for line in episodes.splitlines()[1:]:
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line.split(","))

        # Reading it back, a formula is refused (issue 14): never held, never re-exported.
        with pytest.raises(Bad903File, match=r"column UPN.*formula.*child C1"):
            import_903(fresh, tmp_path / "out", today=date(2025, 6, 1))
        assert load_child_record(fresh, "C1") is None
    finally:
        store.close()
        fresh.close()
