"""The figures as a Word summary: tables, charts and definitions (python-docx, matplotlib).

Kept apart from ``figures_export`` so that reading or showing figures never loads python-docx
or matplotlib; only writing the Word summary does. It shares its words with the other
exports through ``figures_text`` and never imports ``figures_export``."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from iro_desktop.domain.figures.model import Figures
from iro_desktop.domain.figures.tables import FigureTable, figure_tables
from iro_desktop.reports.figures_charts import chart_png, charts_for
from iro_desktop.reports.figures_text import WHO_COUNTS, format_cell, period_text
from iro_desktop.storage.files import writing

KEEP_TOGETHER_ROWS = 16


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
    meta.add_run(period_text(fig))
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
    with writing(path) as partial:
        document.save(str(partial))
    return path


def _chart_caption(table_id: str) -> str:
    return {
        "reviews_by_month": "Chart: reviews each month; in time (solid), late (striped) and "
        "missed (crossed), with the number on each bar.",
        "participation_codes": "Chart: reviews by participation code, grouped by attended, "
        "views given without attending, views not given and under 4.",
        "challenges_by_theme": "Chart: challenges raised in the period by theme.",
    }.get(table_id, "")
