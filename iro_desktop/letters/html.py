"""The letter as simple HTML, rendered from the same content model (``Letter``) the Word file
is written from: what the letter dialog previews and prints."""

from __future__ import annotations

from html import escape

from iro_desktop.letters.model import Letter


def _sections_html(letter: Letter, sections) -> list[str]:
    out: list[str] = []
    for section in sections:
        if section.heading:
            out.append(f"<h4>{escape(section.heading)}</h4>")
        bullets: list[str] = []
        for block in section.blocks:
            if block.kind == "bullet":
                bullets.append(f"<li>{escape(block.text)}</li>")
                continue
            if bullets:
                out.append("<ul>" + "".join(bullets) + "</ul>")
                bullets = []
            if block.kind == "table":
                head = "".join(f"<th align='left'>{escape(h)}</th>" for h in letter.table_headings)
                rows = "".join(
                    f"<tr><td>{escape(r.what)}</td><td>{escape(r.who)}</td>"
                    f"<td>{escape(r.by_when)}</td></tr>"
                    for r in block.rows
                )
                out.append(
                    f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>"
                    f"{rows}</table>"
                )
            elif block.is_typed or block.kind == "said":
                out.append(f"<p style='margin-left:18px'><i>{escape(block.text)}</i></p>")
            elif block.kind == "reply":
                out.append(f"<p style='margin-left:18px'>{escape(block.text)}</p>")
            elif block.text:
                out.append(f"<p>{escape(block.text)}</p>")
        if bullets:
            out.append("<ul>" + "".join(bullets) + "</ul>")
    return out


def letter_html(letter: Letter, *, pages: bool = False) -> str:
    """The letter as simple HTML, from the same ``Letter`` the Word file is written from:
    for the live preview, and (``pages=True``, each page starting a new sheet) for printing."""
    out = [f"<h3>{escape(letter.title)}</h3>"]
    for line in (letter.date_line, letter.language_note, letter.greeting):
        if line:
            out.append(f"<p>{escape(line)}</p>")
    out += _sections_html(letter, letter.sections)
    for line in (letter.closing, letter.signature, letter.signature_role, letter.welsh_welcome):
        if line:
            out.append(f"<p>{escape(line)}</p>")
    if letter.rights:
        style = " style='page-break-before: always'" if pages else ""
        out.append(f"<hr><h3{style}>{escape(letter.rights_title)}</h3>")
        out += _sections_html(letter, letter.rights)
    return "\n".join(out)


def print_html(letters) -> str:
    """Every letter (Welsh, then English) for the printer, each on a new sheet."""
    parts = []
    for n, letter in enumerate(letters):
        body = letter_html(letter, pages=True)
        parts.append(body if n == 0 else f"<div style='page-break-before: always'>{body}</div>")
    return "".join(parts)
