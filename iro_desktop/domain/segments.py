"""Cutting a child's episodes into schedules ("segments"): a new period of care, a short-break
arrangement, an adoption placement, the return from one, and the authority to place (see
``schedule``'s module doc for the rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.model import PLACEMENT_ORDER_LEGAL_STATUS, Episode, Regime


@dataclass(slots=True)
class Segment:
    start: date
    regime: Regime
    period: int  # index of the period of care / short-breaks arrangement
    period_start: date
    continuation: bool = False  # looked after again after leaving an adoptive placement
    authorised_on: date | None = None  # first E1 episode's start (placement order)


def episode_key(e: Episode) -> tuple:
    return (
        e.decom,
        e.dec is None,
        e.dec or e.decom,
        e.rne,
        e.ls,
        e.place,
        e.rec,
        e.id is None,
        e.id or 0,
    )


def segments(episodes: list[Episode], short_breaks_ended_on: date | None) -> list[Segment]:
    segs: list[Segment] = []
    prev: Episode | None = None
    period = -1
    for ep in episodes:
        cur = segs[-1] if segs else None
        if ep.is_short_break:
            if (
                cur is None
                or cur.regime is not Regime.SHORT_BREAKS
                or (
                    short_breaks_ended_on is not None
                    and cur.start <= short_breaks_ended_on < ep.decom
                )
            ):
                period += 1
                segs.append(Segment(ep.decom, Regime.SHORT_BREAKS, period, ep.decom))
        else:
            if (
                cur is None
                or cur.regime is Regime.SHORT_BREAKS
                or ep.rne == "S"
                or (prev is not None and prev.left_care)
            ):
                period += 1
                regime = Regime.ADOPTION if ep.is_adoption_placement else Regime.LOOKED_AFTER
                cur = Segment(ep.decom, regime, period, ep.decom)
                segs.append(cur)
            elif ep.is_adoption_placement and cur.regime is not Regime.ADOPTION:
                cur = Segment(ep.decom, Regime.ADOPTION, period, cur.period_start)
                segs.append(cur)
            elif not ep.is_adoption_placement and cur.regime is Regime.ADOPTION:
                cur = Segment(
                    ep.decom, Regime.LOOKED_AFTER, period, cur.period_start, continuation=True
                )
                segs.append(cur)
            if (
                ep.ls == PLACEMENT_ORDER_LEGAL_STATUS
                and cur.regime is Regime.LOOKED_AFTER
                and not cur.continuation
                and cur.authorised_on is None
            ):
                cur.authorised_on = ep.decom
        prev = ep
    return segs
