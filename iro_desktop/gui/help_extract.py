"""Babel's extractor for the user guide (``resources/help/*.md``): every heading, paragraph
and list item becomes one message of the ``app`` catalogue, exactly as ``help_guide`` shows it.

In a babel mapping file::

    [iro_desktop.gui.help_extract:extract_guide: resources/help/**.md]

No Qt here (``iro_desktop.gui`` itself imports nothing), so the catalogue tool runs it headless.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from iro_desktop.gui.help_guide import messages

# What a translator is told about the guide's messages.
COMMENT = "Help guide. Keep the Markdown (**bold**) and the %(placeholders)s as they are."


def extract_guide(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """(line, function name, message, comments) for each unit of one guide file."""
    encoding = str(options.get("encoding", "utf-8"))
    text = fileobj.read().decode(encoding)
    for line, message in messages(text):
        yield line, None, message, [COMMENT]
