"""The IRO's figures out of the app: a JSON figures file, CSV per table and a Word summary.

The JSON figures file holds counts only (never a child's name, reference or date of birth),
so that a manager can add several IROs' files up (``figures_merge``). Its keys are stable:
``schema_version``, ``period`` ``{"from", "to"}``, ``region``, ``definitions_version``, then one
key per figure (see ``Figures``), every share as ``{"numerator", "denominator", "percent"}``.
Keys are added, never renamed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.domain.figures.definitions import definitions
from iro_desktop.domain.figures.model import HEADER_FIELDS, Figures, Ratio
from iro_desktop.domain.figures.tables import figure_tables
from iro_desktop.exchange.csv_safety import safe_writer
from iro_desktop.reports.figures_text import WHO_COUNTS, period_text
from iro_desktop.storage.files import write_text, writing

__all__ = [
    "FIGURES_KIND",
    "SCHEMA_VERSION",
    "figures_as_json",
    "figures_from_json",
    "write_csv",
    "write_json",
    "write_word",
]

SCHEMA_VERSION = 1
FIGURES_KIND = "iro-desktop-figures"


# --------------------------------------------------------------------------------------------
# JSON


def _encode(value: Any) -> Any:
    if isinstance(value, Ratio):
        return value.as_json()
    if isinstance(value, dict):
        return {key: _encode(v) for key, v in value.items()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) >= {"numerator", "denominator"}:
            return Ratio(int(value["numerator"]), int(value["denominator"]))
        return {str(key): _decode(v) for key, v in value.items()}
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a count")
    return value


def figures_as_json(fig: Figures) -> dict[str, Any]:
    """The figures file's content: header, then every figure under its stable key."""
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": FIGURES_KIND,
        "period": {"from": fig.period_from.isoformat(), "to": fig.period_to.isoformat()},
        "counted_to": fig.counted_to.isoformat(),
        "period_complete": fig.period_complete,
        "region": fig.region,
        "definitions_version": fig.definitions_version,
        "timescales": dict(fig.timescales),
        "who_counts": WHO_COUNTS,
    }
    for f in fields(Figures):
        if f.name not in HEADER_FIELDS:
            out[f.name] = _encode(getattr(fig, f.name))
    out["definitions"] = definitions(fig.timescales)
    return out


class NotAFiguresFile(ValueError):
    """The content is not an IRO Desktop figures file (or is from a newer version)."""


def figures_from_json(data: Any) -> Figures:
    """Read a figures file's content back (the inverse of :func:`figures_as_json`)."""
    if not isinstance(data, dict) or data.get("kind") != FIGURES_KIND:
        raise NotAFiguresFile("it is not an IRO Desktop figures file")
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise NotAFiguresFile(
            f"it was written by a newer version of IRO Desktop (schema {version}); "
            "update IRO Desktop to read it"
        )
    try:
        period = data["period"]
        values: dict[str, Any] = {
            "period_from": date.fromisoformat(period["from"]),
            "period_to": date.fromisoformat(period["to"]),
            "counted_to": date.fromisoformat(data.get("counted_to") or period["to"]),
            "region": str(data["region"]),
            "definitions_version": str(data["definitions_version"]),
            "timescales": {str(k): int(v) for k, v in data.get("timescales", {}).items()},
        }
        for f in fields(Figures):
            if f.name not in HEADER_FIELDS and f.name in data:
                values[f.name] = _decode(data[f.name])
        return Figures(**values)
    except (KeyError, TypeError, ValueError) as error:
        raise NotAFiguresFile(f"a figure in it cannot be read ({error})") from error


def write_json(fig: Figures, path: Path) -> Path:
    path = Path(path)
    write_text(path, json.dumps(figures_as_json(fig), indent=2) + "\n")
    return path


# --------------------------------------------------------------------------------------------
# CSV: one file per table, and the definitions


def _write_rows(path: Path, rows: Iterable[Iterable[Any]]) -> None:
    """One CSV file, every cell through the CSV-injection guard (UTF-8 with a BOM for Excel)."""
    with writing(path) as partial, partial.open("w", newline="", encoding="utf-8-sig") as handle:
        safe_writer(handle).writerows(rows)


def write_csv(fig: Figures, folder: Path) -> list[Path]:
    """One CSV file per table (``<table id>.csv``) and ``definitions.csv``, in ``folder``.

    Every cell goes through the CSV-injection guard; percentages are plain numbers.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    tables = figure_tables(fig)
    for table in tables:
        path = folder / f"{table.id}.csv"
        body = (["" if cell is None else cell for cell in row] for row in table.rows)
        _write_rows(path, [table.columns, *body])
        written.append(path)
    path = folder / "definitions.csv"
    _write_rows(
        path,
        [
            ("Table", "Title", "Definition"),
            ("", "Period", period_text(fig)),
            ("", "Who counts", WHO_COUNTS),
            *((table.id, table.title, table.definition) for table in tables),
        ],
    )
    written.append(path)
    return written


# --------------------------------------------------------------------------------------------
# Word


def write_word(fig: Figures, path: Path, **options: Any) -> Path:
    """The Word summary (see ``figures_word``; python-docx and matplotlib load only now).

    The import is here, not at the top, for that reason only: ``figures_word`` does not
    import this module, so there is no loop."""
    from iro_desktop.reports.figures_word import write_word as write

    return write(fig, path, **options)
