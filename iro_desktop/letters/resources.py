"""Where the letters' shipped files live: templates, icons, catalogues and the glossary.

The ``resources/`` folder sits beside the package in a source tree; in a frozen build
(PyInstaller) it is unpacked beside the executable's bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def letters_folder() -> Path:
    return resources_root() / "letters"


def translations_folder() -> Path:
    return resources_root() / "translations"


def glossary_path() -> Path:
    return resources_root() / "glossary.csv"


def icon_path(name: str) -> Path:
    return letters_folder() / "icons" / f"{name}.png"
