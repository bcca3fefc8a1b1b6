"""Where the letters' shipped files live: templates, icons, catalogues and the glossary.

They are found through ``iro_desktop.package_files``: inside the installed package (wheel,
frozen build) or ``resources/`` beside it in a source tree. A missing file is a
``MissingShippedFile`` naming it.
"""

from __future__ import annotations

from pathlib import Path

from iro_desktop.package_files import shipped_file, shipped_folder


def resources_root() -> Path:
    return shipped_folder("resources")


def resource_file(*parts: str) -> Path:
    """A shipped file under ``resources/``, checked to exist."""
    return shipped_file("resources", *parts)


def letters_folder() -> Path:
    return resources_root() / "letters"


def translations_folder() -> Path:
    return resources_root() / "translations"


def glossary_path() -> Path:
    return resource_file("glossary.csv")


def icon_path(name: str) -> Path:
    return resource_file("letters", "icons", f"{name}.png")
