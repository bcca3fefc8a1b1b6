"""File names built from a child's reference stay in their folder and show what they are,
whatever the reference holds (references stored before they were checked included): one
sanitiser, ``domain.references``, used by every place that builds such a name."""

from __future__ import annotations

from datetime import date

import pytest

from iro_desktop.domain.model import Child
from iro_desktop.domain.references import (
    REFERENCE_MAX,
    file_name_part,
    reference_problem,
    safe_file_stem,
)
from iro_desktop.exchange.handover import suggested_file_name
from iro_desktop.services.letters import file_stem
from iro_desktop.storage import history
from iro_desktop.storage.opening import open_store

HOSTILE = ["../../../x", "..\\..\\x", "C1\u202egpj.exe", "=cmd|' /C calc'!A0", "/etc/passwd",
           "a" * 300, "C1\x00\n2", "", ".", "-rf"]  # fmt: skip


@pytest.mark.parametrize("ref", HOSTILE)
def test_a_file_name_part_is_only_safe_characters(ref):
    part = file_name_part(ref)
    assert part and len(part) <= REFERENCE_MAX
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in part)
    assert not part.startswith(("-", "_", "."))


def test_good_references_and_accents_read_as_they_are():
    assert file_name_part("DB123456") == "DB123456"
    assert file_name_part("LA12/345") == "LA12-345"
    assert file_name_part("Siân") == "Sian"
    assert safe_file_stem("handover", "", "DB1", "2026-11-23") == "handover-DB1-2026-11-23"


@pytest.mark.parametrize("ref", ["DB123456", "LA12/345", "a_b-c", "A" * REFERENCE_MAX])
def test_the_reference_rule_accepts_councils_references(ref):
    assert reference_problem(ref) == ""


@pytest.mark.parametrize("ref", [*HOSTILE, "A" * (REFERENCE_MAX + 1), "C 1", "C1.2"])
def test_the_reference_rule_refuses_the_rest(ref):
    assert reference_problem(ref)


@pytest.mark.parametrize("ref", HOSTILE)
def test_letters_and_records_names_stay_in_their_folder(ref):
    child = Child(id=1, child_ref=ref, first_name="\u202eSiân", last_name="/Pryce",
                  dob=date(2014, 5, 6))  # fmt: skip
    stem = file_stem(child, "decisions_record", date(2026, 11, 23))
    assert "/" not in stem and "\\" not in stem and ".." not in stem
    assert stem.isascii() and stem.isprintable() and stem.endswith("2026-11-23")
    assert "decisions-record" in stem


@pytest.mark.parametrize("ref", HOSTILE[:6])
def test_a_handover_name_for_a_reference_stored_before_the_checks(tmp_path, ref):
    store = open_store(tmp_path / "c.db", "pw", create=True)
    try:
        history.insert(store, "children", {"child_ref": ref, "first_name": "Siân",
                       "last_name": "Pryce", "dob": "2014-05-06"})  # fmt: skip
        name = suggested_file_name(store, [ref], date(2026, 11, 23))
    finally:
        store.close()
    assert name.startswith("handover-SP") and name.endswith("-2026-11-23.iro")
    assert (tmp_path / name).parent == tmp_path and "\u202e" not in name and ".." not in name
