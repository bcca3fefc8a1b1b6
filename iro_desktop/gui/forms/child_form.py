"""Add a child, or edit their details, with the people around them and their languages."""

from __future__ import annotations

from typing import Any, ClassVar

from iro_desktop.domain import code_lists
from iro_desktop.domain.model import LetterFormat
from iro_desktop.domain.validation import ChildEntry, PersonEntry, Problem, child_problems
from iro_desktop.gui.forms.base import RecordForm
from iro_desktop.gui.forms.editors import (
    LANGUAGE_CHOICES,
    PeopleEditor,
    fill_combo,
    from_iso,
    iso,
    to_qdate,
    translated,
)
from iro_desktop.gui.forms.fields import allow_no_date
from iro_desktop.i18n import N_, _
from iro_desktop.services.recording import add_child, edit_child

GENDERS = (("", N_("Not recorded")), *code_lists.SEX_MEANINGS.items())  # M, F, U as stored
LETTER_FORMATS = (
    (
        LetterFormat.AUTO,
        N_("Automatic: by age (read-aloud when young), easy read for a learning need"),
    ),
    (LetterFormat.READ_ALOUD, N_("Read aloud: written to the child, read to them by their carer")),
    (LetterFormat.STANDARD, N_("Standard")),
    (LetterFormat.YOUNG_PERSON, N_("Young person")),
    (LetterFormat.EASY_READ, N_("Easy read")),
)


class NewChildForm(RecordForm):
    KIND = "child"
    UI_FILE = "child_form.ui"
    TITLE = N_("New child")
    FIELDS: ClassVar[dict[str, str]] = {
        "child_ref": "childRef",
        "first_name": "firstName",
        "last_name": "lastName",
        "preferred_name": "preferredName",
        "dob": "dob",
        "gender": "gender",
        "language": "language",
        "interpreter_needed": "interpreter",
        "communication_needs": "communicationNeeds",
        "disability": "disability",
        "uasc": "uasc",
        "first_language": "firstLanguage",
        "letter_format": "letterFormat",
        "learning_need": "learningNeed",
        "social_worker": "socialWorker",
        "social_worker_team": "socialWorkerTeam",
        "social_worker_phone": "socialWorkerPhone",
    }
    REQUIRED = ("child_ref", "first_name", "last_name", "dob")

    def setup(self) -> None:
        fill_combo(self.field("gender"), translated(GENDERS))
        fill_combo(self.field("language"), translated(LANGUAGE_CHOICES))
        fill_combo(self.field("letter_format"), [(f.value, _(w)) for f, w in LETTER_FORMATS])
        dob = self.field("dob")
        allow_no_date(dob, self.today.replace(year=self.today.year - 19))
        dob.setMaximumDate(to_qdate(self.today))  # type: ignore[attr-defined]
        self.people = self.add_editor("people", PeopleEditor(self.today), "peopleHost")

    def entry(self) -> ChildEntry:
        values = self.payload()
        people = tuple(
            PersonEntry(
                role=p["role"],
                name=p["name"],
                language=p["language"],
                interpreter_needed=p["interpreter_needed"],
                id=p.get("id"),
                called_by_child=p.get("called_by_child", ""),
            )
            for p in values.pop("people")
        )
        values["dob"] = from_iso(values["dob"])
        return ChildEntry(**values, people=people)

    def problems(self) -> list[Problem]:
        return child_problems(self.entry(), self.today)

    def save_call(self):
        return add_child, (self.entry(), self.today)

    def saved_message(self) -> str:
        return _("Child added to your caseload.")


class EditChildForm(NewChildForm):
    KIND = "edit_child"
    TITLE = N_("Edit the child's details")

    def apply_defaults(self) -> None:
        assert self.context.detail is not None
        record = self.context.detail.record
        child = record.child
        values: dict[str, Any] = {key: getattr(child, key) for key in self.FIELDS}
        values["dob"] = iso(child.dob)
        values["people"] = [
            {
                "id": p.id,
                "role": p.role,
                "name": p.name,
                "language": p.language,
                "interpreter_needed": p.interpreter_needed,
                "called_by_child": p.called_by_child,
            }
            for p in record.people
            if p.archived_on is None
        ]
        self.apply_payload(values)

    def save_call(self):
        return edit_child, (self.context.child_ref, self.entry(), self.today)

    def saved_message(self) -> str:
        return _("The child's details are saved.")
