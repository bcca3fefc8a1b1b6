"""How big a file from outside may be: every reader stops at these, with a message, within
seconds and a few hundred MB, whatever the file claims about itself.

Each limit is many times what a real caseload holds (a busy IRO has under 100 children; a
tracker a few hundred rows and a few dozen columns; a handover of a whole caseload with its
history a few MB), and far below what would exhaust a laptop.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from typing import IO

__all__ = [
    "HANDOVER_MAX_BYTES",
    "HANDOVER_MAX_CHILDREN",
    "HANDOVER_MAX_INFLATED",
    "HANDOVER_MAX_ROWS",
    "SHEET_MAX_BYTES",
    "SHEET_MAX_CELLS",
    "SHEET_MAX_COLUMNS",
    "SHEET_MAX_INFLATED",
    "SHEET_MAX_MERGED",
    "SHEET_MAX_ROWS",
    "TooBig",
    "inflate_capped",
    "read_capped",
]

MB = 1024 * 1024

# The handover bundle (.iro).
HANDOVER_MAX_BYTES = 64 * MB  # the file as sent
HANDOVER_MAX_INFLATED = 32 * MB  # its JSON once decompressed (a 70-child caseload: 2.2 MB)
HANDOVER_MAX_CHILDREN = 5_000
HANDOVER_MAX_ROWS = 250_000  # every row of every table plus the history entries

# The tracker spreadsheet (.xlsx or .csv).
SHEET_MAX_BYTES = 50 * MB  # the file as saved
SHEET_MAX_INFLATED = 200 * MB  # every part of an .xlsx once decompressed
SHEET_MAX_ROWS = 100_000
SHEET_MAX_COLUMNS = 500
SHEET_MAX_CELLS = 2_000_000  # rows x columns actually read
SHEET_MAX_MERGED = 10_000  # merged ranges in a sheet


class TooBig(Exception):
    """A file passed a limit: ``what`` says which, for the reader's own message."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def inflate_capped(data: bytes, cap: int, *, chunk: int = 1 * MB) -> bytes:
    """``zlib.decompress(data)`` that stops (TooBig) as soon as the output passes ``cap``
    bytes, never holding more than ``cap`` plus one chunk. Raises ``zlib.error`` for data
    that is not zlib, or is cut short."""
    inflater = zlib.decompressobj()
    out = bytearray()
    view = memoryview(data)
    for start in range(0, len(view), chunk):
        piece = view[start : start + chunk]
        while piece:
            out += inflater.decompress(piece, cap + 1 - len(out))
            if len(out) > cap:
                raise TooBig(f"it holds more than {cap // MB} MB once unpacked")
            piece = inflater.unconsumed_tail
    out += inflater.flush()
    if len(out) > cap:
        raise TooBig(f"it holds more than {cap // MB} MB once unpacked")
    if not inflater.eof:
        raise zlib.error("the compressed data is cut short")
    return bytes(out)


def read_capped(opened: Iterable[Callable[[], IO[bytes]]], cap: int) -> int:
    """Read each stream ``opened`` gives to its end in chunks, counting: TooBig as soon as
    the total passes ``cap`` (what is read is dropped). For the parts of a zip, whose sizes
    in its directory may lie. Returns the total."""
    total = 0
    for open_stream in opened:
        with open_stream() as stream:
            while block := stream.read(MB):
                total += len(block)
                if total > cap:
                    raise TooBig(f"it holds more than {cap // MB} MB once unpacked")
    return total
