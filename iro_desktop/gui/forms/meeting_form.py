"""The pre-review meeting with the social worker."""

from __future__ import annotations

from typing import ClassVar

from iro_desktop.domain.validation import MeetingEntry, Problem, meeting_problems
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.fields import set_date, set_text
from iro_desktop.gui.forms.text_language import TEXT_LANGUAGE, add_text_language
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import record_pre_review_meeting


class MeetingForm(RecordForm):
    KIND = "meeting"
    UI_FILE = "meeting_form.ui"
    TITLE = N_("Pre-review meeting")
    FIELDS: ClassVar[dict[str, str]] = {
        "held_on": "heldOn",
        "with_whom": "withWhom",
        "issues": "issues",
    }
    REQUIRED = ("held_on", "with_whom")

    def setup(self) -> None:
        add_text_language(self, before="issues")

    def apply_defaults(self) -> None:
        set_date(self.field("held_on"), self.today)
        detail = self.context.detail
        if detail and detail.record.child.social_worker:
            set_text(self.field("with_whom"), detail.record.child.social_worker)

    def entry(self) -> MeetingEntry:
        return MeetingEntry(
            self.date("held_on"),
            self.text("with_whom"),
            self.text("issues"),
            text_language=self.text(TEXT_LANGUAGE),
        )

    def problems(self) -> list[Problem]:
        detail = self.context.detail
        return meeting_problems(
            self.entry(), detail.record.child.dob if detail else None, self.today
        )

    def save_call(self):
        return record_pre_review_meeting, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Pre-review meeting recorded.")
