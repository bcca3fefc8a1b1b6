"""The "Language of the text" field every recording form with typed text shares (issue 19):
the same words and choices as the review form's, so a Welsh-language child's record can be
kept in Welsh, each record saying which language its text is in.

``add_text_language(form, before=key)`` puts the row into the form's layout above the text
it speaks for, registers it as the form's ``text_language`` field (so drafts, problems, the
Tab order and "changed since opened" treat it as any other field) and sets it to the child's
language. The form passes ``self.text(TEXT_LANGUAGE)`` to its entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from iro_desktop.gui.forms.editors import fill_combo
from iro_desktop.gui.forms.fields import set_text
from iro_desktop.i18n import N_, _

if TYPE_CHECKING:
    from iro_desktop.gui.forms.base import RecordForm

TEXT_LANGUAGE = "text_language"
WIDGET_NAME = "textLanguage"  # as in review_form.ui
LANGUAGE_OF_TEXT = (("en", N_("English")), ("cy", N_("Cymraeg (Welsh)")))
LABEL = N_("Language of the te&xt:")  # the review form's words and key (Alt+X)
ACCESSIBLE_NAME = N_("Language of the text")
DESCRIPTION = N_(
    "The language you type this record's text in. It starts at the child's language; a "
    "Welsh-language child's record can be kept in Welsh."
)


def fill_languages(combo: QComboBox) -> None:
    """English and Cymraeg, as the review form offers them."""
    fill_combo(combo, [(code, _(words)) for code, words in LANGUAGE_OF_TEXT])


def childs_language(form: RecordForm) -> str:
    """The default for a new record: the child's language (English when not known)."""
    detail = form.context.detail
    return "cy" if detail is not None and detail.record.child.language == "cy" else "en"


def add_text_language(form: RecordForm, before: str | None = None) -> QComboBox:
    """Add the field to ``form`` (call from ``setup``), above the field ``before`` or at the
    end of the form's layout."""
    layout = form.ui.layout()
    assert isinstance(layout, QFormLayout), "the form's layout is a form layout"
    combo = QComboBox()
    combo.setObjectName(WIDGET_NAME)
    combo.setAccessibleName(_(ACCESSIBLE_NAME))
    combo.setToolTip(_(DESCRIPTION))
    combo.setAccessibleDescription(_(DESCRIPTION))
    fill_languages(combo)
    label = QLabel(_(LABEL))
    label.setObjectName(f"{WIDGET_NAME}Label")
    label.setBuddy(combo)
    row = layout.getWidgetPosition(form.field(before))[0] if before else -1
    layout.insertRow(row, label, combo)
    form.widgets[TEXT_LANGUAGE] = combo
    set_text(combo, childs_language(form))
    return combo
