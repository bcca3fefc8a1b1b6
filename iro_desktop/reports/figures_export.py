"""The IRO's figures out of the app: a JSON figures file, CSV per table and a Word summary.

The JSON figures file holds counts only (never a child's name, reference or date of birth),
so that a manager can add several IROs' files up (``figures_merge``). Its keys are stable:
``schema_version``, ``period`` ``{"from", "to"}``, ``region``, ``definitions_version``, then one
key per figure (see ``Figures``), every share as ``{"numerator", "denominator", "percent"}``.
Keys are added, never renamed.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from iro_desktop.domain.figures.definitions import definitions
from iro_desktop.domain.figures.model import HEADER_FIELDS, Figures, Ratio
from iro_desktop.domain.figures.tables import figure_tables
from iro_desktop.domain.schedule import format_date
from iro_desktop.exchange.csv_safety import safe_writer

__all__ = [
    "FIGURES_KIND",
    "SCHEMA_VERSION",
    "WHO_COUNTS",
    "figures_as_json",
    "figures_from_json",
    "format_cell",
    "write_csv",
    "write_json",
    "write_word",
]

SCHEMA_VERSION = 1
FIGURES_KIND = "iro-desktop-figures"
WHO_COUNTS = (
    "Each child counts for the IRO holding them at the end of the period (a child handed "
    "over during the period counts for the IRO who received them)."
)


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
    path.write_text(json.dumps(figures_as_json(fig), indent=2) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# CSV: one file per table, and the definitions


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
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = safe_writer(handle)
            writer.writerow(table.columns)
            for row in table.rows:
                writer.writerow("" if cell is None else cell for cell in row)
        written.append(path)
    path = folder / "definitions.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = safe_writer(handle)
        writer.writerow(("Table", "Title", "Definition"))
        writer.writerow(("", "Period", period_text(fig)))
        writer.writerow(("", "Who counts", WHO_COUNTS))
        for table in tables:
            writer.writerow((table.id, table.title, table.definition))
    written.append(path)
    return written


# --------------------------------------------------------------------------------------------
# Word


def format_cell(value: str | int | float | None, column: str) -> str:
    """A table cell as text: percentages with one decimal and a % sign, blank for None."""
    if value is None:
        return ""
    if isinstance(value, float) or column.lower().startswith("per cent"):
        return f"{value:.1f}%"
    return str(value)


def period_text(fig: Figures) -> str:
    text = f"{format_date(fig.period_from)} to {format_date(fig.period_to)}"
    if not fig.period_complete:
        text += f" (the period is running: counted to {format_date(fig.counted_to)})"
    return text


def write_word(fig: Figures, path: Path, **options: Any) -> Path:
    """The Word summary (see ``figures_word``; python-docx and matplotlib load only now)."""
    from iro_desktop.reports.figures_word import write_word as write

    return write(fig, path, **options)
