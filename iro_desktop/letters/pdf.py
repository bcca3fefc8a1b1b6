"""A PDF beside a Word document, by LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice is optional: without it the Word document is still written and the caller says
clearly that no PDF was made.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from iro_desktop.errors import UserError

TIMEOUT_SECONDS = 120
SOFFICE_NAMES = ("soffice", "libreoffice")
# What LibreOffice is given of our environment: enough to find its libraries, fonts, locale
# and a temporary folder; never IRO_DESKTOP_* (passphrases) or anything else of ours.
CHILD_ENV_KEYS = (
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "TMPDIR",
    "TEMP",
    "TMP",
    "DISPLAY",
    "FONTCONFIG_PATH",
    "FONTCONFIG_FILE",
    "SYSTEMROOT",
    "WINDIR",
    "COMSPEC",
    "PATHEXT",
    "USERPROFILE",
    "LOCALAPPDATA",
    "APPDATA",
    "PROGRAMFILES",
)


def child_environment() -> dict[str, str]:
    """A minimal environment for LibreOffice (issue 14: no passphrases handed on)."""
    return {
        key: value
        for key in CHILD_ENV_KEYS
        if (value := os.environ.get(key)) is not None and not key.startswith("IRO_DESKTOP_")
    }


class PdfUnavailable(UserError):
    """LibreOffice is not installed (or failed): the Word document was still written."""


def find_soffice() -> str | None:
    override = os.environ.get("IRO_DESKTOP_SOFFICE")
    if override:
        return override if Path(override).exists() else None
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
    ):
        if Path(candidate).exists():
            return candidate
    return None


def convert_to_pdf(docx: Path) -> Path:
    """Write ``<name>.pdf`` beside ``docx`` and return its path."""
    docx = Path(docx)
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(
            f"No PDF was made: LibreOffice is not installed. The Word document {docx.name} "
            "was written; open it in Word and save as PDF, or install LibreOffice."
        )
    # A profile of its own, so a LibreOffice the user has open does not swallow the job.
    with tempfile.TemporaryDirectory(prefix="iro-soffice-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                env=child_environment(),
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfUnavailable(
                f"No PDF was made: LibreOffice did not finish ({error}). The Word document "
                f"{docx.name} was written."
            ) from error
    pdf = docx.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.exists():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no message"]
        raise PdfUnavailable(
            f"No PDF was made: LibreOffice could not convert {docx.name} ({detail[0]}). The "
            "Word document was written."
        )
    with contextlib.suppress(OSError):
        os.chmod(pdf, 0o600)  # private, like every file the app writes
    return pdf
