"""The service roll-up: several IROs' JSON figures files added up into the service's figures.

The files hold counts only, so the manager never sees a child's personal data. Files for
different periods, regions, definitions or timescales are refused: their sum would mean
nothing. Each child counts for the IRO holding them at the end of the period (each IRO's file
already counts them that way), so a child is counted once across the service.
"""

from __future__ import annotations

import json
from pathlib import Path

from iro_desktop.domain.figures.combine import FiguresMismatch, combine
from iro_desktop.domain.figures.model import Figures
from iro_desktop.errors import UserError
from iro_desktop.reports.figures_export import NotAFiguresFile, figures_from_json

__all__ = ["FiguresMergeError", "merge_figures", "read_figures_file"]


class FiguresMergeError(UserError):
    """The figures files cannot be added up; the message says which and why."""


def read_figures_file(path: Path) -> Figures:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FiguresMergeError(f"There is no figures file at {path}.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FiguresMergeError(
            f"{path.name} cannot be read as a figures file ({error}). Use the JSON file "
            "that `iro-desktop figures --out-json` or the Figures view wrote."
        ) from None
    try:
        return figures_from_json(data)
    except NotAFiguresFile as error:
        raise FiguresMergeError(f"{path.name} cannot be added up: {error}.") from None


def merge_figures(paths: list[Path]) -> Figures:
    """Add up the IROs' figures files; refuse files for different periods or definitions."""
    if len(paths) < 1:
        raise FiguresMergeError("Give at least one figures file to add up.")
    seen: dict[Path, Path] = {}
    for path in paths:
        key = Path(path).resolve()
        if key in seen:
            raise FiguresMergeError(
                f"{Path(path).name} is given twice: each IRO's figures file counts once."
            )
        seen[key] = Path(path)
    items = [read_figures_file(p) for p in paths]
    first = items[0]
    for path, item in zip(paths[1:], items[1:], strict=True):
        try:
            combine([first, item])
        except FiguresMismatch as error:
            raise FiguresMergeError(
                f"{Path(paths[0]).name} and {Path(path).name} cannot be added up: {error} "
                "Make every IRO's file for the same period with the same version of IRO Desktop."
            ) from None
    return combine(items)
