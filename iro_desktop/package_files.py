"""Find the files IRO Desktop ships beside its code: the Designer forms and the resources.

In the repository they live in ``ui/`` and ``resources/`` at the top (the layout is fixed);
the wheel carries them inside the package as ``iro_desktop/_ui`` and
``iro_desktop/_resources`` (``pyproject.toml`` maps the folders there), and the frozen build
puts them at the same place in its bundle. So one lookup serves every way the app runs:

1. inside the package, found with ``importlib.resources`` (wheel, pipx, frozen build);
2. else the folders beside the package, when it is a source tree (a clone, an editable
   install, the test run), recognised by the ``pyproject.toml`` beside them.

A council can put its own version of a form in ``forms`` in the user data folder
(``council_forms_folder``); it is read before the shipped one.

A missing file is a ``MissingShippedFile``: a sentence naming the file, never a traceback.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from iro_desktop.errors import UserError
from iro_desktop.paths import data_dir

Kind = Literal["ui", "resources"]
PACKAGE = "iro_desktop"
WHAT = {"ui": "forms", "resources": "resources (letter templates, word lists, icons)"}


class MissingShippedFile(UserError):
    """A file that comes with IRO Desktop is not where it should be: the install is broken."""


def _package_root() -> Path:
    # A package on disk (every pip, pipx and PyInstaller install) gives a real folder.
    return Path(str(resources.files(PACKAGE)))


def shipped_folder(kind: Kind) -> Path:
    """The folder holding the shipped ``ui`` or ``resources`` files, wherever the app runs."""
    package = _package_root()
    inside = package / f"_{kind}"
    if inside.is_dir():
        return inside
    source_tree = package.parent
    beside = source_tree / kind
    if beside.is_dir() and (source_tree / "pyproject.toml").is_file():
        return beside
    raise MissingShippedFile(
        f"IRO Desktop's {WHAT[kind]} are missing: the folder {inside} does not exist. "
        "The installation is incomplete; reinstall IRO Desktop (or ask your IT support to)."
    )


def shipped_file(kind: Kind, *parts: str) -> Path:
    """A file that comes with IRO Desktop, checked to exist (``MissingShippedFile`` if not)."""
    path = shipped_folder(kind).joinpath(*parts)
    if not path.is_file():
        raise MissingShippedFile(
            f"The file {'/'.join(parts)} that comes with IRO Desktop is missing from "
            f"{path.parent}. The installation is incomplete; reinstall IRO Desktop (or ask "
            "your IT support to)."
        )
    return path


def council_forms_folder() -> Path:
    """Where a council's own versions of the Designer forms go (same file names as ``ui/``)."""
    return data_dir() / "forms"


def form_file(file_name: str) -> Path:
    """A Designer form: the council's version when there is one, else the shipped one."""
    council = council_forms_folder() / file_name
    if council.is_file():
        return council
    return shipped_file("ui", file_name)
