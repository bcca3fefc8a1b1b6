"""Out of area from the council's postcodes; the IRO's footprint with its gaps."""

from datetime import date

import pytest

from iro_desktop.domain.codes import participation_meaning
from iro_desktop.domain.model import (
    Child,
    ChildRecord,
    Contact,
    Episode,
    MidpointCheck,
    Review,
    ReviewPart,
)
from iro_desktop.domain.placement import is_out_of_area, outward_code
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.timeline import footprint


def _episode(pl_post: str) -> Episode:
    return Episode(id=1, decom=date(2025, 1, 1), rne="S", ls="C2", pl_post=pl_post)


@pytest.mark.parametrize(
    ("postcode", "outward"),
    [("NW8 7AB", "NW8"), ("nw87ab", "NW8"), ("W1A 1AA", "W1A"), ("CF10 1AA", "CF10")],
)
def test_outward_code(postcode, outward):
    assert outward_code(postcode) == outward


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [("W2 1AA", False), ("NW8 9QQ", False), ("NW1 4RR", True), ("CF10 1AA", True), ("", None)],
)
def test_out_of_area_by_area_or_district(postcode, expected):
    settings = Settings(council_postcodes=("W", "NW8"))
    assert is_out_of_area(_episode(postcode), settings) is expected


def test_out_of_area_unknown_without_the_setting():
    assert is_out_of_area(_episode("CF10 1AA"), Settings()) is None


def test_participation_meanings():
    assert participation_meaning("PN0").startswith("Child aged under 4")
    assert participation_meaning("") == "No participation code recorded"


def test_footprint_orders_events_and_shows_long_gaps():
    child = Child(id=1, child_ref="T1", first_name="Tia", last_name="T", dob=date(2015, 1, 1))
    record = ChildRecord(
        child=child,
        reviews=(
            Review(
                id=1,
                parts=(ReviewPart(date(2026, 1, 10)),),
                review_code="PN1",
                letter_sent_on=date(2026, 1, 20),
            ),
        ),
        contacts=(Contact(1, date(2026, 2, 1)),),
        midpoint_checks=(MidpointCheck(1, 1, date(2026, 6, 1)),),
    )
    events = footprint(record, gap_weeks=12, today=date(2026, 10, 1))
    assert [e.kind for e in events] == ["review", "letter", "contact", "gap", "midpoint", "gap"]
    assert (
        events[3].text == "120 days with no IRO contact, 1 Feb 2026 to 1 Jun 2026 (over 12 weeks)"
    )
    assert events[-1].text == "No IRO contact for 122 days since 1 Jun 2026 (over 12 weeks)"
