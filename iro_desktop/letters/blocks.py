"""Making a section's blocks: the letter's own words (a paragraph, a lead into what follows)
and what the IRO typed, kept exactly as typed apart from its line breaks."""

from __future__ import annotations

import re

from iro_desktop.letters.model import SECTION_ICONS, Block, Section


def typed_paragraphs(text: str) -> list[str]:
    """What the IRO typed, split into its own lines; kept exactly as typed otherwise."""
    return [line.strip() for line in re.split(r"\n+", text or "") if line.strip()]


def section(key: str, heading: str, blocks: list[Block]) -> Section:
    return Section(key, heading, tuple(b for b in blocks if b.text or b.rows), SECTION_ICONS[key])


def para(text: str) -> Block:
    return Block("para", text)


def joined(*sentences: str) -> Block:
    """Short sentences on one idea, as one paragraph."""
    return Block("para", " ".join(t for t in sentences if t))


def lead(text: str) -> Block:
    """A paragraph that introduces what follows (a list, the child's words, the table):
    kept on the same page as it."""
    return Block("lead", text)


def typed(text: str) -> list[Block]:
    return [Block("typed", line) for line in typed_paragraphs(text)]
