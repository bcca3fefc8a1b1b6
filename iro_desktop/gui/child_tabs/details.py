"""Details tab: who the child is, their social worker, and the people important to them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from iro_desktop.domain.model import Child, LetterFormat, Person
from iro_desktop.gui.child_tabs.common import ActionBar, RecordsSection, ValueForm
from iro_desktop.gui.formatting import (
    MISSING,
    ethnicity_text,
    format_age,
    format_date,
    language_text,
    sex_text,
    text_or_missing,
    yes_no,
)
from iro_desktop.gui.models.records_model import Column
from iro_desktop.services.child import ChildDetail

TITLE = "Details"

_CHILD_FIELDS = (
    ("name", "Full name"),
    ("preferred_name", "Preferred name"),
    ("child_ref", "Reference"),
    ("dob", "Date of birth"),
    ("gender", "Gender"),
    ("ethnicity", "Ethnicity"),
    ("upn", "Unique pupil number"),
    ("uasc", "Unaccompanied asylum-seeking child"),
    ("mother", "Is a mother"),
    ("disability", "Disability"),
    ("communication_needs", "Communication needs"),
    ("language", "Language"),
    ("interpreter", "Interpreter needed"),
    ("first_language", "First language"),
    ("letter_format", "Letter format"),
    ("learning_need", "Learning disability or need"),
)
LETTER_FORMAT_WORDS = {
    LetterFormat.AUTO: "Automatic (by age and needs)",
    LetterFormat.READ_ALOUD: "Read aloud by the carer",
    LetterFormat.STANDARD: "Standard",
    LetterFormat.YOUNG_PERSON: "Young person",
    LetterFormat.EASY_READ: "Easy read",
}
_SOCIAL_WORKER_FIELDS = (
    ("social_worker", "Social worker"),
    ("team", "Team"),
    ("phone", "Phone"),
)

PERSON_COLUMNS = (
    Column("Role", lambda p: p.role.capitalize() if p.role else MISSING),
    Column("Name", lambda p: text_or_missing(p.name)),
    Column("Language", lambda p: language_text(p.language)),
    Column("Language recorded on", lambda p: format_date(p.language_recorded_on)),
    Column("Interpreter needed", lambda p: yes_no(p.interpreter_needed)),
    Column("The child calls them", lambda p: text_or_missing(p.called_by_child)),
)


def _uasc_text(child: Child) -> str:
    if not child.uasc:
        return "No"
    if child.uasc_ceased:
        return f"Yes, until {format_date(child.uasc_ceased)}"
    return "Yes"


def _mother_text(child: Child) -> str:
    if child.mother != "1":
        return "No" if child.mother == "0" else MISSING
    if child.mc_dob:
        return f"Yes; her first child was born {format_date(child.mc_dob)}"
    return "Yes"


def _language_text(child: Child) -> str:
    text = language_text(child.language)
    if child.language_recorded_on:
        text += f" (recorded {format_date(child.language_recorded_on)})"
    return text


def people_of(detail: ChildDetail) -> list[Person]:
    return [person for person in detail.record.people if person.archived_on is None]


class DetailsTab(QWidget):
    actionRequested = Signal(str, str)  # form kind, record ("" here)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Details tab")
        self.action_bar = ActionBar(
            [("edit_child", "&Edit details and people…")], "Change the child's details"
        )
        self.action_bar.triggered.connect(lambda action: self.actionRequested.emit(action, ""))
        self.child_form = ValueForm(_CHILD_FIELDS, "About the child")
        self.social_worker_form = ValueForm(_SOCIAL_WORKER_FIELDS, "About the social worker")
        self.people = RecordsSection(
            "Parents, carers and others",
            PERSON_COLUMNS,
            "No parents or carers recorded.",
        )

        child_box = QGroupBox("Who the child is")
        child_box.setAccessibleName("Who the child is")
        QVBoxLayout(child_box).addWidget(self.child_form)
        worker_box = QGroupBox("Social worker")
        worker_box.setAccessibleName("Social worker")
        QVBoxLayout(worker_box).addWidget(self.social_worker_form)

        right = QVBoxLayout()
        right.addWidget(worker_box)
        right.addWidget(self.people, 1)

        content = QWidget()
        content.setAccessibleName("Details")
        columns = QHBoxLayout(content)
        columns.addWidget(child_box, 1)
        columns.addLayout(right, 1)

        scroll = QScrollArea(self)
        scroll.setAccessibleName("Details of the child")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.action_bar)
        layout.addWidget(scroll)

    def show_detail(self, detail: ChildDetail) -> None:
        child = detail.record.child
        form = self.child_form
        form.set_value("name", f"{child.first_name} {child.last_name}".strip() or MISSING)
        form.set_value("preferred_name", text_or_missing(child.preferred_name))
        form.set_value("child_ref", child.child_ref)
        form.set_value("dob", f"{format_date(child.dob)} (aged {format_age(detail.age)})")
        form.set_value("gender", sex_text(child.gender))
        form.set_value("ethnicity", ethnicity_text(child.ethnicity))
        form.set_value("upn", text_or_missing(child.upn))
        form.set_value("uasc", _uasc_text(child))
        form.set_value("mother", _mother_text(child))
        form.set_value("disability", text_or_missing(child.disability))
        form.set_value("communication_needs", text_or_missing(child.communication_needs))
        form.set_value("language", _language_text(child))
        form.set_value("interpreter", yes_no(child.interpreter_needed))
        form.set_value("first_language", text_or_missing(child.first_language))
        form.set_value(
            "letter_format", LETTER_FORMAT_WORDS.get(child.letter_format, child.letter_format)
        )
        form.set_value("learning_need", yes_no(child.learning_need))
        worker = self.social_worker_form
        worker.set_value("social_worker", text_or_missing(child.social_worker))
        worker.set_value("team", text_or_missing(child.social_worker_team))
        worker.set_value("phone", text_or_missing(child.social_worker_phone))
        self.people.set_rows(people_of(detail))

    def clear(self) -> None:
        self.child_form.clear()
        self.social_worker_form.clear()
        self.people.set_rows([])
