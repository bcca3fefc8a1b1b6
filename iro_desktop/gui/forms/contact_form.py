"""The IRO's contact with the child between reviews."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.validation import ContactEntry, Problem, contact_problems
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.editors import fill_combo, translated
from iro_desktop.gui.forms.fields import set_date
from iro_desktop.gui.forms.text_language import TEXT_LANGUAGE, add_text_language
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import record_contact

KINDS = (
    ("visit", N_("Visit")),
    ("phone", N_("Phone call")),
    ("video", N_("Video call")),
    ("other", N_("Other")),
)


class ContactForm(RecordForm):
    KIND = "contact"
    UI_FILE = "contact_form.ui"
    TITLE = N_("Contact with the child")
    FIELDS: ClassVar[dict[str, str]] = {"on": "on", "kind": "kind", "note": "note"}
    REQUIRED = ("on",)

    def setup(self) -> None:
        fill_combo(self.field("kind"), translated(KINDS))
        add_text_language(self, before="note")

    def apply_defaults(self) -> None:
        set_date(self.field("on"), self.today)

    def entry(self) -> ContactEntry:
        return ContactEntry(
            self.date("on"),
            self.text("kind"),
            self.text("note"),
            text_language=self.text(TEXT_LANGUAGE),
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        return contact_problems(
            self.entry(), detail.record.child.dob if detail else None, self.today
        )

    def save_call(self):
        return record_contact, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Contact with the child recorded.")
