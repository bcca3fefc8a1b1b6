"""Small builders for domain records, for any test that needs a child with episodes and reviews.

record = make_record(
    make_child(dob=date(2015, 1, 1)),
    episodes=[episode(date(2025, 12, 19)), episode(date(2026, 3, 2), rne="P", place="A4")],
    reviews=[held_review(date(2026, 1, 21)), held_review(date(2026, 4, 1), date(2026, 4, 9))],
)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from typing import Any

from iro_desktop.domain.model import (
    Child,
    ChildRecord,
    Episode,
    Review,
    ReviewPart,
    ReviewStatus,
)

_ids = itertools.count(1)


def make_child(dob: date = date(2015, 6, 1), **kw: Any) -> Child:
    """A child with sensible defaults; any ``Child`` field may be overridden."""
    values: dict[str, Any] = {
        "id": kw.pop("id", None),
        "child_ref": "C" + str(next(_ids)),
        "first_name": "Test",
        "last_name": "Child",
        "dob": dob,
    }
    values.update(kw)
    return Child(**values)


def episode(
    decom: date,
    rne: str = "S",
    ls: str = "C2",
    place: str = "U1",
    dec: date | None = None,
    rec: str = "",
    **kw: Any,
) -> Episode:
    """A 903 episode; ``rec`` "X1" continues into the next episode, any other ends care."""
    return Episode(
        id=kw.pop("id", None), decom=decom, rne=rne, ls=ls, place=place, dec=dec, rec=rec, **kw
    )


def held_review(*part_dates: date, id: int | None = None, code: str = "PN1", **kw: Any) -> Review:
    """A review held on the given date(s): one part per date."""
    if not part_dates:
        raise ValueError("a held review needs at least one part date")
    return Review(
        id=id,
        status=ReviewStatus.HELD,
        parts=tuple(ReviewPart(held_on=d) for d in part_dates),
        review_code=code,
        **kw,
    )


def booked_review(booked_for: date, id: int | None = None, **kw: Any) -> Review:
    return Review(id=id, status=ReviewStatus.BOOKED, booked_for=booked_for, **kw)


def make_record(
    child: Child | None = None,
    episodes: Iterable[Episode] = (),
    reviews: Iterable[Review] = (),
    **kw: Any,
) -> ChildRecord:
    return ChildRecord(
        child=child or make_child(),
        episodes=tuple(episodes),
        reviews=tuple(reviews),
        **kw,
    )
