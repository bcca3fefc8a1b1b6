"""Write letters and records as Word documents from the docxtpl templates.

A council's own template (same file name, in ``settings.letter_template_folder``) is used
before the shipped one in ``resources/letters``. A missing or broken template raises a
``TemplateError`` that names the file and the problem. Files are written to a temporary name
and moved into place, so a failed render never leaves half a document.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from iro_desktop.domain.settings import Settings
from iro_desktop.errors import UserError
from iro_desktop.letters.docx_finish import finish_letter, tag_document_language
from iro_desktop.letters.model import SECTION_ICONS, Letter, Version
from iro_desktop.letters.resources import icon_path, letters_folder
from iro_desktop.storage.files import writing

LETTER_TEMPLATE = "letter.docx"
DECISIONS_TEMPLATE = "decisions-record.docx"
BRIEFING_TEMPLATE = "briefing.docx"
LEFTOVER_MARKS = ("{{", "}}", "{%", "%}", "%(")


class TemplateError(UserError):
    """A letter template is missing or has a mistake: the message names the file."""


class OutputError(UserError):
    """The document could not be saved where asked."""


def template_candidates(names: Sequence[str], settings: Settings) -> list[Path]:
    folders = []
    if settings.letter_template_folder.strip():
        folders.append(Path(settings.letter_template_folder).expanduser())
    folders.append(letters_folder())
    return [folder / name for folder in folders for name in names]


def find_template(names: Sequence[str], settings: Settings) -> Path:
    """The first of ``names`` found in the council's folder, then in the shipped folder."""
    council = settings.letter_template_folder.strip()
    if council and not Path(council).expanduser().is_dir():
        raise TemplateError(
            f"The letter template folder in Settings, {council}, does not exist. Correct it "
            "in Settings, or clear it to use the templates that come with IRO Desktop."
        )
    for path in template_candidates(names, settings):
        if path.is_file():
            return path
    raise TemplateError(
        f"No letter template named {' or '.join(names)} was found in "
        f"{council or letters_folder()}. Put the council's template there, or reinstall "
        "IRO Desktop to restore the shipped ones."
    )


def letter_template_names(version: str) -> list[str]:
    if version == Version.EASY_READ:
        return ["letter-easy_read.docx"]
    names = [f"letter-{version}.docx", LETTER_TEMPLATE]
    if version == Version.READ_ALOUD:  # a council's own under-4s layout still serves
        names.insert(1, "letter-under4.docx")
    return names


@dataclass(frozen=True)
class Rendered:
    path: Path
    template: Path
    warnings: tuple[str, ...]


class _CompiledOnce(jinja2.Environment):
    """Compiles each template part once: docxtpl asks for the same XML source on every
    letter, and compiling it cost about two thirds of a letter's time."""

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=True)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):  # type: ignore[override]
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        found = self._compiled.get(source)
        if found is None:
            if len(self._compiled) > 32:  # a council editing its template: keep it small
                self._compiled.clear()
            found = self._compiled[source] = super().from_string(source)
        return found


_ENVIRONMENT = _CompiledOnce()


def _jinja_env() -> jinja2.Environment:
    return _ENVIRONMENT


def render_template(
    template: Path,
    context: Callable[[DocxTemplate], dict[str, Any]],
    out_path: Path,
    finish: Callable[[Any], None] | None = None,
) -> Rendered:
    """Render ``template`` with the context ``context(tpl)`` builds (images need ``tpl``)."""
    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise OutputError(
            f"The folder {out_path.parent} does not exist: choose a folder that does."
        )
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise TemplateError(
            f"The letter template {template} cannot be opened as a Word document ({error}). "
            "Save it again from Word as a .docx file, or remove it to use the shipped one."
        ) from error
    try:
        values = context(tpl)
        tpl.render(values, jinja_env=_jinja_env(), autoescape=True)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"The letter template {template.name} has a mistake in a tag: {error.message}. "
            "Open it in Word and check the {{ }} and {% %} tags near that point."
        ) from error
    except jinja2.UndefinedError as error:
        raise TemplateError(
            f"The letter template {template.name} asks for something a letter does not have: "
            f"{error.message}. Check the spelling of the tag in Word."
        ) from error
    except jinja2.TemplateError as error:
        raise TemplateError(
            f"The letter template {template.name} could not be filled in: {error}."
        ) from error
    if finish is not None:
        finish(tpl.docx)  # title, author, languages, alt text: before it is saved
    try:
        with writing(out_path) as partial:
            tpl.save(str(partial))
    except OSError as error:
        raise OutputError(
            f"Could not save {out_path}: {error.strerror or error}. Is it open in Word? "
            "Close it, or choose another name."
        ) from error
    return Rendered(out_path, template, ())


def leftover_marks(texts: list[str]) -> list[str]:
    """Template marks left in a written document's text (a council's broken tag)."""
    return [t for t in texts if any(mark in t for mark in LEFTOVER_MARKS)]


def _image(tpl: DocxTemplate, path: str, what: str, warnings: list[str], **size: Any):
    if not path.strip():
        return None
    file = Path(path).expanduser()
    if not file.is_file():
        warnings.append(f"The {what} {file} was not found, so the document has none.")
        return None
    return InlineImage(tpl, str(file), **size)


def _common_context(tpl: DocxTemplate, settings: Settings, warnings: list[str]) -> dict:
    logo = _image(tpl, settings.council_logo_path, "council logo", warnings, height=Mm(16))
    return {
        "logo": logo or "",
        "council_name": settings.council_name.strip(),
        "council_address": ", ".join(
            line.strip() for line in settings.council_address.splitlines() if line.strip()
        ),
    }


def write_letter_docx(
    letters: Sequence[Letter], settings: Settings, out_path: Path, written_on: date | None = None
) -> Rendered:
    """The letter (one language, or Welsh then English) as a Word document, with its title,
    author and languages set and alt text on every picture."""
    version = letters[0].version
    template = find_template(letter_template_names(version), settings)
    warnings: list[str] = []

    def context(tpl: DocxTemplate) -> dict[str, Any]:
        values = _common_context(tpl, settings, warnings)
        values["letters"] = list(letters)
        values["photo"] = _image(
            tpl, settings.iro_photo_path, "IRO's photo", warnings, width=Mm(28)
        )
        size = Mm(11) if version == Version.EASY_READ else Mm(24)
        values["icons"] = {
            key: InlineImage(tpl, str(icon_path(name)), height=size)
            for key, name in SECTION_ICONS.items()
        }
        return values

    def finish(document: Any) -> None:
        finish_letter(
            document,
            letters,
            settings.iro_name.strip(),
            settings.council_logo_path,
            settings.iro_photo_path,
            written_on or letters[0].review_date,
        )

    rendered = render_template(template, context, out_path, finish)
    return Rendered(rendered.path, rendered.template, tuple(warnings))


def write_record_docx(
    pages: Sequence[Any], settings: Settings, template_name: str, out_path: Path
) -> Rendered:
    """A decisions record or briefing pack: ``pages`` of facts, sections and tables."""
    template = find_template([template_name], settings)
    warnings: list[str] = []

    def context(tpl: DocxTemplate) -> dict[str, Any]:
        values = _common_context(tpl, settings, warnings)
        values["pages"] = list(pages)
        return values

    def finish(document: Any) -> None:
        languages = {getattr(page, "language", "en") for page in pages}
        tag_document_language(document, languages.pop() if len(languages) == 1 else "en")

    rendered = render_template(template, context, out_path, finish)
    return Rendered(rendered.path, rendered.template, tuple(warnings))
