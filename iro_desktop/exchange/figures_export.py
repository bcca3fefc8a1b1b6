"""The IRO's figures out of the app: a JSON figures file, CSV per table and a Word summary.

The JSON figures file holds counts only (never a child's name, reference or date of birth),
so that a manager can add several IROs' files up (``figures_merge``). Its keys are stable:
``schema_version``, ``period`` ``{"from", "to"}``, ``region``, ``definitions_version``, then one
key per figure (see ``Figures``), every share as ``{"numerator", "denominator", "percent"}``.
Keys are added, never renamed.
"""

from __future__ import annotations

import io
import json
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from iro_desktop.domain.figures import (
    HEADER_FIELDS,
    Figures,
    FigureTable,
    Ratio,
    definitions,
    figure_tables,
)
from iro_desktop.domain.schedule import format_date
from iro_desktop.exchange.csv_safety import safe_writer
from iro_desktop.exchange.figures_charts import chart_png, charts_for

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
KEEP_TOGETHER_ROWS = 16
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
        writer.writerow(("", "Period", _period_text(fig)))
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


def _period_text(fig: Figures) -> str:
    text = f"{format_date(fig.period_from)} to {format_date(fig.period_to)}"
    if not fig.period_complete:
        text += f" (the period is running: counted to {format_date(fig.counted_to)})"
    return text


def _shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _row_flag(row, name: str) -> None:
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _column_widths(columns: tuple[str, ...]) -> list:
    """First column wide enough for its labels; numbers share what is left of 17 cm."""
    if len(columns) == 2:
        return [Cm(13.0), Cm(4.0)]
    first = Cm(8.0) if len(columns) >= 4 else Cm(9.0)
    rest = (Cm(17.0) - first) // (len(columns) - 1)
    return [first] + [rest] * (len(columns) - 1)


def _add_table(document, table: FigureTable) -> None:
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    header = grid.rows[0]
    _row_flag(header, "w:tblHeader")
    for i, (cell, name) in enumerate(zip(header.cells, table.columns, strict=True)):
        cell.text = ""
        paragraph = cell.paragraphs[0]
        paragraph.add_run(name).bold = True
        paragraph.paragraph_format.keep_with_next = True
        if i > 0:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _shade(cell, "D9E2F3")
    keep_together = len(table.rows) <= KEEP_TOGETHER_ROWS
    for index, row in enumerate(table.rows):
        added = grid.add_row()
        _row_flag(added, "w:cantSplit")
        total = str(row[0]) == "Total"
        for i, (cell, value) in enumerate(zip(added.cells, row, strict=True)):
            paragraph = cell.paragraphs[0]
            # A short table stays on one page: each row keeps with the next.
            paragraph.paragraph_format.keep_with_next = (
                keep_together and index < len(table.rows) - 1
            )
            run = paragraph.add_run(format_cell(value, table.columns[i]))
            run.bold = total
            if i > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    widths = _column_widths(table.columns)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def write_word(
    fig: Figures,
    path: Path,
    *,
    title: str = "IRO figures",
    subtitle: str = "",
    note: str = "",
) -> Path:
    """A Word summary: every table with its definition, and the charts as images."""
    document = Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    document.add_heading(title, level=0)
    meta = document.add_paragraph()
    meta.add_run("Period: ").bold = True
    meta.add_run(_period_text(fig))
    if subtitle:
        document.add_paragraph(subtitle)
    who = document.add_paragraph()
    who.add_run("Who counts: ").bold = True
    who.add_run(WHO_COUNTS)
    if note:
        document.add_paragraph(note)
    document.add_paragraph(
        (
            "Every figure is added up from the IROs' figures files, each worked out from "
            "that IRO's own records"
            if fig.iros > 1
            else "Every figure is worked out from the IRO's own records"
        )
        + "; each table's definition is written beside it. Percentages are of the number "
        "in the 'Out of' column."
    )
    charts = charts_for(fig)
    for table in figure_tables(fig):
        document.add_heading(table.title, level=2).paragraph_format.keep_with_next = True
        definition = document.add_paragraph()
        definition.paragraph_format.keep_with_next = True
        run = definition.add_run(table.definition)
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
        _add_table(document, table)
        chart = charts.get(table.id)
        if chart is not None:
            document.add_paragraph()
            document.add_picture(io.BytesIO(chart_png(chart)), width=Cm(16))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption = document.add_paragraph(_chart_caption(table.id))
            caption.runs[0].italic = True
            caption.runs[0].font.size = Pt(9)
    path = Path(path)
    document.save(str(path))
    return path


def _chart_caption(table_id: str) -> str:
    return {
        "reviews_by_month": "Chart: reviews each month; in time (solid), late (striped) and "
        "missed (crossed), with the number on each bar.",
        "participation_codes": "Chart: reviews by participation code, grouped by attended, "
        "views given without attending, views not given and under 4.",
        "challenges_by_theme": "Chart: challenges raised in the period by theme.",
    }.get(table_id, "")
