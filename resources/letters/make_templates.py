"""Write the shipped Word templates in this folder (run again after changing this script).

    .venv/bin/python resources/letters/make_templates.py

The templates are ordinary Word files with docxtpl (Jinja) tags. A council re-brands them in
Word: styles (``Letter Text``, ``Letter Heading`` ...), the header with ``{{ logo }}`` and the
council's name and address, colours and fonts. Keep the tags and their paragraphs; the
README of this folder lists what each template receives.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Calibri"
INK = RGBColor(0x1F, 0x1F, 0x1F)
ACCENT = RGBColor(0x1B, 0x4F, 0x72)


def _style(
    doc,
    name,
    base="Normal",
    size=12,
    bold=False,
    italic=False,
    color=None,
    before=0,
    after=6,
    indent_mm=0,
    keep_next=False,
    line=1.15,
):
    styles = doc.styles
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles[base]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = color or INK
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    fmt.keep_with_next = keep_next
    if indent_mm:
        fmt.left_indent = Mm(indent_mm)
    return style


def _base(body_size=12, heading_before=8, after=4) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(14), Mm(12)
    section.header_distance = Mm(8)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(body_size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    _style(doc, "Letter Text", size=body_size, after=after)
    _style(
        doc, "Letter Title", base="Heading 1", size=body_size + 6, bold=True, color=ACCENT, after=2
    )
    _style(doc, "Letter Date", size=body_size - 1, after=4)
    _style(
        doc,
        "Letter Heading",
        base="Heading 2",
        size=body_size + 1,
        bold=True,
        color=ACCENT,
        before=heading_before,
        after=2,
        keep_next=True,
    )
    _style(doc, "Letter Lead", size=body_size, after=2, keep_next=True)
    _style(doc, "Letter Bullet", base="List Bullet", size=body_size, after=1)
    _style(doc, "Letter Quote", size=body_size, italic=True, after=1, indent_mm=6, keep_next=True)
    _style(doc, "Letter Reply", size=body_size, after=after, indent_mm=6)
    _style(doc, "Letter Sign", size=body_size, after=0, keep_next=True)
    _style(doc, "Letter Small", size=body_size - 2, after=2, color=RGBColor(0x44, 0x44, 0x44))
    _style(doc, "Letter Table", size=body_size - 1, after=0, line=1.0)
    for name in ("Letter Title", "Letter Heading"):
        _plain_fonts(doc.styles[name])
    _header(doc)
    return doc


def _plain_fonts(style) -> None:
    """A style based on a built-in heading keeps the heading's outline level (a real heading
    in Word's navigation and a tagged PDF) but takes the letter's font, not the theme's."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _header(doc) -> None:
    """The logo and the council's name and address, right-aligned; each paragraph is there
    only when it has something to show, so an unbranded letter keeps its room for words."""
    header = doc.sections[0].header
    first = header.paragraphs[0]
    first.text = "{%p if logo %}"
    for text, style in (
        ("{{ logo }}", "Letter Small"),
        ("{%p endif %}", "Letter Small"),
        ("{%p if council_name %}", "Letter Small"),
        ("{{ council_name }}", "Letter Small"),
        ("{%p endif %}", "Letter Small"),
        ("{%p if council_address %}", "Letter Small"),
        ("{{ council_address }}", "Letter Small"),
        ("{%p endif %}", "Letter Small"),
    ):
        paragraph = header.add_paragraph(text, style=style)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    end = header.add_paragraph("", style="Letter Small")  # a header keeps one paragraph
    end.paragraph_format.line_spacing = Pt(2)
    end.paragraph_format.space_after = Pt(0)


def _p(container, text, style="Letter Text"):
    return container.add_paragraph(text, style=style)


def _shade(cell, fill="DCE6F0"):
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _plan_table(container, widths_mm, headings, cells, loop="b.rows", var="r"):
    """A table: a shaded heading row, then one row per item (``{%tr for ... %}``)."""
    table = container.add_table(rows=4, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for i, width in enumerate(widths_mm):
        table.columns[i].width = Mm(width)
    for row in table.rows:
        _cant_split(row)
        for i, width in enumerate(widths_mm):
            row.cells[i].width = Mm(width)
    for i, text in enumerate(headings):
        cell = table.rows[0].cells[i]
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = "Letter Table"
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell)
    _repeat_header(table.rows[0])
    table.rows[1].cells[0].paragraphs[0].text = f"{{%tr for {var} in {loop} %}}"
    for i, text in enumerate(cells):
        cell = table.rows[2].cells[i]
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = "Letter Table"
        cell.paragraphs[0].paragraph_format.space_before = Pt(2)
        cell.paragraphs[0].paragraph_format.space_after = Pt(2)
    table.rows[3].cells[0].paragraphs[0].text = "{%tr endfor %}"
    return table


def _blocks(container, *, table_width_mm=170):
    """The blocks of a section: paragraphs, bullets, typed words and the plan table."""
    _p(container, "{%p for b in s.blocks %}")
    _p(container, "{%p if b.kind == 'para' %}")
    _p(container, "{{ b.text }}")
    _p(container, "{%p elif b.kind == 'lead' %}")
    _p(container, "{{ b.text }}", "Letter Lead")
    _p(container, "{%p elif b.kind == 'bullet' %}")
    _p(container, "{{ b.text }}", "Letter Bullet")
    _p(container, "{%p elif b.kind == 'typed' or b.kind == 'said' %}")
    _p(container, "{{ b.text }}", "Letter Quote")
    _p(container, "{%p elif b.kind == 'reply' %}")
    _p(container, "{{ b.text }}", "Letter Reply")
    _p(container, "{%p elif b.kind == 'table' %}")
    w = table_width_mm
    _plan_table(
        container,
        (w * 0.5, w * 0.29, w * 0.21),
        (
            "{{ letter.table_headings[0] }}",
            "{{ letter.table_headings[1] }}",
            "{{ letter.table_headings[2] }}",
        ),
        ("{{ r.what }}", "{{ r.who }}", "{{ r.by_when }}"),
    )
    _p(container, "{%p endif %}")
    _p(container, "{%p endfor %}")


def _page_break(container):
    _p(container, "{%p if not loop.last %}")
    para = _p(container, "")
    para.add_run().add_break(WD_BREAK.PAGE)
    _p(container, "{%p endif %}")


def _new_page_title(doc, text):
    """A title that starts a new page (page break before), so a full page before it never
    leaves an empty page."""
    _p(doc, text, "Letter Title").paragraph_format.page_break_before = True


def _opening(doc):
    _p(doc, "{%p for letter in letters %}")
    _p(doc, "{%p if loop.first %}")
    _p(doc, "{{ letter.title }}", "Letter Title")
    _p(doc, "{%p else %}")
    _new_page_title(doc, "{{ letter.title }}")
    _p(doc, "{%p endif %}")
    _p(doc, "{{ letter.date_line }}", "Letter Date")
    _p(doc, "{%p if letter.language_note %}")
    _p(doc, "{{ letter.language_note }}", "Letter Small").paragraph_format.space_after = Pt(4)
    _p(doc, "{%p endif %}")
    _p(doc, "{{ letter.greeting }}")


def _closing(doc, rights_blocks):
    # The signature block is kept together (each line kept with the next).
    _p(doc, "{{ letter.closing }}", "Letter Sign").paragraph_format.space_before = Pt(4)
    _p(doc, "{%p if photo %}")
    _p(doc, "{{ photo }}", "Letter Sign")
    _p(doc, "{%p endif %}")
    _p(doc, "{{ letter.signature }}", "Letter Sign").runs[0].bold = True
    _p(doc, "{%p if letter.welsh_welcome %}")
    _p(doc, "{{ letter.signature_role }}", "Letter Sign")
    _p(doc, "{{ letter.welsh_welcome }}", "Letter Small").paragraph_format.space_before = Pt(2)
    _p(doc, "{%p else %}")
    _p(doc, "{{ letter.signature_role }}")
    _p(doc, "{%p endif %}")
    # The "your rights" page, when it goes with the letter: a page of its own.
    _p(doc, "{%p if letter.rights %}")
    _new_page_title(doc, "{{ letter.rights_title }}")
    _p(doc, "{%p for s in letter.rights %}")
    rights_blocks(doc)
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p endfor %}")


def _section(doc):
    _p(doc, "{%p if s.heading %}")  # the opening section has none: it follows the greeting
    _p(doc, "{{ s.heading }}", "Letter Heading")
    _p(doc, "{%p endif %}")
    _blocks(doc)


def letter_template() -> Document:
    doc = _base(11, heading_before=4, after=2)
    _opening(doc)
    _p(doc, "{%p for s in letter.sections %}")
    _section(doc)
    _p(doc, "{%p endfor %}")
    _closing(doc, _section)
    return doc


def _easy_blocks(container):
    """Easy read: one idea to a line, no tables (the content gives no table blocks)."""
    _p(container, "{%p for b in s.blocks %}")
    _p(container, "{%p if b.kind == 'bullet' %}")
    _p(container, "{{ b.text }}", "Letter Bullet")
    _p(container, "{%p elif b.kind == 'said' or b.kind == 'typed' %}")
    _p(container, "{{ b.text }}", "Letter Quote")
    _p(container, "{%p elif b.kind == 'reply' %}")
    _p(container, "{{ b.text }}", "Letter Reply")
    _p(container, "{%p else %}")
    _p(container, "{{ b.text }}")
    _p(container, "{%p endif %}")
    _p(container, "{%p endfor %}")


def _easy_section(doc):
    """The section's symbol beside its heading, then its lines."""
    heading = _p(doc, "{{ icons[s.icon] }}  {{ s.heading }}", "Letter Heading")
    heading.paragraph_format.space_before = Pt(8)
    _easy_blocks(doc)


def easy_read_template() -> Document:
    """Large print (16 pt), no tables: each section's symbol beside its heading."""
    doc = _base(16, heading_before=8, after=4)
    _opening(doc)
    _p(doc, "{%p for s in letter.sections %}")
    _easy_section(doc)
    _p(doc, "{%p endfor %}")
    _closing(doc, _easy_section)
    return doc


def record_template() -> Document:
    """The decisions record and the briefing pack: formal, one page per child or review."""
    doc = _base(11)
    _p(doc, "{%p for page in pages %}")
    _p(doc, "{{ page.title }}", "Letter Title")
    _p(doc, "{{ page.subtitle }}", "Letter Date")
    _p(doc, "{%p if page.notice %}")
    _p(doc, "{{ page.notice }}").runs[0].bold = True
    _p(doc, "{%p endif %}")
    facts = doc.add_table(rows=3, cols=2)
    facts.style = "Table Grid"
    facts.autofit = False
    facts.columns[0].width, facts.columns[1].width = Mm(50), Mm(120)
    for row in facts.rows:
        _cant_split(row)
        row.cells[0].width, row.cells[1].width = Mm(50), Mm(120)
    facts.rows[0].cells[0].paragraphs[0].text = "{%tr for f in page.facts %}"
    label, value = facts.rows[1].cells
    label.paragraphs[0].text = "{{ f.label }}"
    label.paragraphs[0].style = "Letter Table"
    label.paragraphs[0].runs[0].bold = True
    _shade(label, "EEF3F8")
    value.paragraphs[0].text = "{{ f.value }}"
    value.paragraphs[0].style = "Letter Table"
    facts.rows[2].cells[0].paragraphs[0].text = "{%tr endfor %}"
    _p(doc, "{%p for s in page.sections %}")
    _p(doc, "{{ s.heading }}", "Letter Heading")
    _p(doc, "{%p for b in s.blocks %}")
    _p(doc, "{%p if b.kind == 'para' %}")
    _p(doc, "{{ b.text }}")
    _p(doc, "{%p elif b.kind == 'bullet' %}")
    _p(doc, "{{ b.text }}", "Letter Bullet")
    _p(doc, "{%p elif b.kind == 'typed' %}")
    _p(doc, "{{ b.text }}", "Letter Quote")
    _p(doc, "{%p elif b.kind == 'table' %}")
    _plan_table(
        doc,
        (80, 40, 25, 25),
        tuple(f"{{{{ page.table_headings[{i}] }}}}" for i in range(4)),  # in the page's language
        ("{{ r.what }}", "{{ r.who }}", "{{ r.by_when }}", "{{ r.status }}"),
    )
    _p(doc, "{%p endif %}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p if page.footer %}")
    _p(doc, "{{ page.footer }}", "Letter Small").paragraph_format.space_before = Pt(10)
    _p(doc, "{%p endif %}")
    _page_break(doc)
    _p(doc, "{%p endfor %}")
    return doc


def main() -> None:
    letter_template().save(HERE / "letter.docx")
    easy_read_template().save(HERE / "letter-easy_read.docx")
    record = record_template()
    record.save(HERE / "decisions-record.docx")
    record_template().save(HERE / "briefing.docx")
    print("wrote", ", ".join(p.name for p in sorted(HERE.glob("*.docx"))))


if __name__ == "__main__":
    main()
