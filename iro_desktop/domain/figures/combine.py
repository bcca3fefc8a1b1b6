"""Adding up several IROs' figures for the same period and definitions into the service's."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from iro_desktop.domain.figures.model import HEADER_FIELDS, Figures, Ratio


class FiguresMismatch(ValueError):
    """Figures for different periods, regions or definitions cannot be added up."""


def _add(a: Any, b: Any) -> Any:
    if isinstance(a, Ratio):
        return a + b
    if isinstance(a, dict):
        out = dict(a)
        for key, value in b.items():
            out[key] = _add(out[key], value) if key in out else value
        return out
    return a + b


def combine(items: list[Figures]) -> Figures:
    """Several IROs' figures for the same period and definitions, added up.

    Raises :class:`FiguresMismatch` when the periods, regions, definitions or timescales
    differ: the sum would mean nothing.
    """
    if not items:
        raise FiguresMismatch("There are no figures to add up.")
    first = items[0]
    for other in items[1:]:
        if (other.period_from, other.period_to) != (first.period_from, first.period_to):
            raise FiguresMismatch(
                f"The figures are for different periods ({first.period_from} to "
                f"{first.period_to}, and {other.period_from} to {other.period_to})."
            )
        if other.definitions_version != first.definitions_version:
            raise FiguresMismatch(
                f"The figures use different definitions (version {first.definitions_version} "
                f"and {other.definitions_version}): make them all with the same version."
            )
        if other.region != first.region:
            raise FiguresMismatch(
                f"The figures are for different regions ({first.region} and {other.region})."
            )
        if other.timescales != first.timescales:
            raise FiguresMismatch(
                "The figures were counted with different timescales "
                f"({first.timescales} and {other.timescales}): check each IRO's settings."
            )
    values: dict[str, Any] = {}
    for f in fields(Figures):
        if f.name in HEADER_FIELDS:
            continue
        total = getattr(first, f.name)
        for other in items[1:]:
            total = _add(total, getattr(other, f.name))
        values[f.name] = total
    return replace(
        first,
        counted_to=min(i.counted_to for i in items),
        **values,
    )
