"""The child's reference (the council's child id, the 903 CHILD) and text that is safe to hold.

One rule for every door a reference comes in by: the form, the 903 import, the tracker
import and a received handover. A reference is 1 to ``REFERENCE_MAX`` characters of ASCII
letters, digits, ``-``, ``_`` and ``/``, starting with a letter or a digit: so no control or
bidirectional characters, no spaces, no ``..`` path, nothing a spreadsheet runs as a formula.

And one sanitiser, :func:`file_name_part`, for every file name the app builds from a reference
or initials (letters, handovers, subject access, decisions records): whatever a reference
held, the name stays in its folder and shows what it is.

Pure: no I/O, no clock (the lowest floor, so every floor may import it).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "BIDI_CONTROLS",
    "REFERENCE_MAX",
    "file_name_part",
    "reference_problem",
    "safe_file_stem",
    "unsafe_character",
]

REFERENCE_MAX = 20
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_/\-]*")
# Characters that reorder or hide text on screen (Trojan Source, CVE-2021-42574): an
# override can make "x.exe" read as "exe.x". U+061C, U+200E and U+200F are marks (harmless
# alone) but have no place in a name or a reference either.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200e\u200f"
)
_WORD_KEEP = "\t\n\r"


def unsafe_character(text: str, *, multiline: bool = False, bidi: bool = False) -> str:
    """A description of the first character ``text`` must not hold ("" when none): control
    characters (a tab or line break only where ``multiline``) and bidirectional controls
    (allowed where ``bidi``: right-to-left prose may need its marks)."""
    for ch in text:
        if ch in BIDI_CONTROLS and not bidi:
            return f"a right-to-left or direction control character (U+{ord(ch):04X})"
        if unicodedata.category(ch) in ("Cc", "Cs") and not (multiline and ch in _WORD_KEEP):
            return f"a control character (U+{ord(ch):04X})"
    return ""


def reference_problem(ref: str) -> str:
    """What is wrong with ``ref`` as a child's reference, in words ("" when it is fine). The
    message never repeats the value (it may be hostile or personal)."""
    if not isinstance(ref, str):
        return "the reference is not text"
    if not ref:
        return "the reference is blank"
    if len(ref) > REFERENCE_MAX:
        return (
            f"the reference is {len(ref)} characters long; a reference has at most {REFERENCE_MAX}"
        )
    if bad := unsafe_character(ref):
        return f"the reference holds {bad}"
    if not _REFERENCE.fullmatch(ref):
        return (
            "a reference holds only letters, digits, '-', '_' and '/', and starts with a "
            "letter or a digit (no spaces, dots or formulas)"
        )
    return ""


def file_name_part(text: str, fallback: str = "XX", max_length: int = REFERENCE_MAX) -> str:
    """``text`` as one part of a file name: ASCII letters, digits, ``-`` and ``_`` only (a
    ``/`` or anything else becomes ``-``), no leading ``-`` or ``_``, at most ``max_length``
    characters; ``fallback`` when nothing is left. Accents are kept as their letter (é -> e)."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    part = re.sub(r"[^A-Za-z0-9_\-]+", "-", plain)
    part = re.sub(r"-{2,}", "-", part).strip("-_")[:max_length].strip("-_")
    return part or fallback


def safe_file_stem(*parts: str) -> str:
    """Parts of a file name joined with ``-``, each made safe by :func:`file_name_part`; an
    empty part is left out."""
    return "-".join(file_name_part(p, "") for p in parts if file_name_part(p, ""))
