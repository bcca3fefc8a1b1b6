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
from iro_desktop.gui.forms.editors import ROLE_WORDS
from iro_desktop.gui.models.records_model import Column
from iro_desktop.i18n import N_, _
from iro_desktop.services.child import ChildDetail

TITLE = N_("Details")

_CHILD_FIELDS = (
    ("name", N_("Full name")),
    ("preferred_name", N_("Preferred name")),
    ("child_ref", N_("Reference")),
    ("dob", N_("Date of birth")),
    ("gender", N_("Gender")),
    ("ethnicity", N_("Ethnicity")),
    ("upn", N_("Unique pupil number")),
    ("uasc", N_("Unaccompanied asylum-seeking child")),
    ("mother", N_("Is a mother")),
    ("disability", N_("Disability")),
    ("communication_needs", N_("Communication needs")),
    ("language", N_("Language")),
    ("interpreter", N_("Interpreter needed")),
    ("first_language", N_("First language")),
    ("letter_format", N_("Letter format")),
    ("learning_need", N_("Learning disability or need")),
)
LETTER_FORMAT_WORDS = {
    LetterFormat.AUTO: N_("Automatic (by age and needs)"),
    LetterFormat.READ_ALOUD: N_("Read aloud by the carer"),
    LetterFormat.STANDARD: N_("Standard"),
    LetterFormat.YOUNG_PERSON: N_("Young person"),
    LetterFormat.EASY_READ: N_("Easy read"),
}
_SOCIAL_WORKER_FIELDS = (
    ("social_worker", N_("Social worker")),
    ("team", N_("Team")),
    ("phone", N_("Phone")),
)

PERSON_COLUMNS = (
    Column(N_("Role"), lambda p: _(ROLE_WORDS.get(p.role, p.role)) if p.role else MISSING),
    Column(N_("Name"), lambda p: text_or_missing(p.name)),
    Column(N_("Language"), lambda p: language_text(p.language)),
    Column(N_("Language recorded on"), lambda p: format_date(p.language_recorded_on)),
    Column(N_("Interpreter needed"), lambda p: yes_no(p.interpreter_needed)),
    Column(N_("The child calls them"), lambda p: text_or_missing(p.called_by_child)),
)


def _uasc_text(child: Child) -> str:
    if not child.uasc:
        return _("No")
    if child.uasc_ceased:
        return _("Yes, until %(uasc_ceased)s") % {"uasc_ceased": format_date(child.uasc_ceased)}
    return _("Yes")


def _mother_text(child: Child) -> str:
    if child.mother != "1":
        return _("No") if child.mother == "0" else MISSING
    if child.mc_dob:
        return _("Yes; her first child was born %(mc_dob)s") % {"mc_dob": format_date(child.mc_dob)}
    return _("Yes")


def _language_text(child: Child) -> str:
    text = language_text(child.language)
    if child.language_recorded_on:
        text += _(" (recorded %(language_recorded_on)s)") % {
            "language_recorded_on": format_date(child.language_recorded_on)
        }
    return text


def people_of(detail: ChildDetail) -> list[Person]:
    return [person for person in detail.record.people if person.archived_on is None]


class DetailsTab(QWidget):
    actionRequested = Signal(str, str)  # form kind, record ("" here)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Details tab"))
        self.action_bar = ActionBar(
            [("edit_child", N_("&Edit details and people…"))], _("Change the child's details")
        )
        self.action_bar.triggered.connect(lambda action: self.actionRequested.emit(action, ""))
        self.child_form = ValueForm(_CHILD_FIELDS, _("About the child"))
        self.social_worker_form = ValueForm(_SOCIAL_WORKER_FIELDS, _("About the social worker"))
        self.people = RecordsSection(
            _("Parents, carers and others"),
            PERSON_COLUMNS,
            _("No parents or carers recorded."),
        )

        child_box = QGroupBox(_("Who the child is"))
        child_box.setAccessibleName(_("Who the child is"))
        QVBoxLayout(child_box).addWidget(self.child_form)
        worker_box = QGroupBox(_("Social worker"))
        worker_box.setAccessibleName(_("Social worker"))
        QVBoxLayout(worker_box).addWidget(self.social_worker_form)

        right = QVBoxLayout()
        right.addWidget(worker_box)
        right.addWidget(self.people, 1)

        content = QWidget()
        content.setAccessibleName(_("Details"))
        columns = QHBoxLayout(content)
        columns.addWidget(child_box, 1)
        columns.addLayout(right, 1)

        scroll = QScrollArea(self)
        scroll.setAccessibleName(_("Details of the child"))
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
        form.set_value(
            "dob",
            _("%(dob)s (aged %(age)s)")
            % {"dob": format_date(child.dob), "age": format_age(detail.age)},
        )
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
            "letter_format",
            _(LETTER_FORMAT_WORDS[child.letter_format])
            if child.letter_format in LETTER_FORMAT_WORDS
            else child.letter_format,
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
