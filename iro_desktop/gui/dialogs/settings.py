"""Settings: the council, the local timescales and the IRO's own details.

Built in code rather than from a Designer form: every timescale is a row generated from
``TIMESCALE_FIELDS`` (one entry per ``Timescales`` field, checked by a test), which a static
form could not keep in step. The dialog only edits a ``Settings`` value; the main window saves
it through the worker (``settingsAccepted``).
"""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.domain.model import Region
from iro_desktop.domain.settings import Settings, Timescales

LINE_EDIT_MIN_WIDTH = 300  # room for a council's name or an email address in full
REGION_LABELS = {Region.ENGLAND: "England", Region.WALES: "Wales"}

# Timescales field -> (label, suffix, minimum, maximum)
TIMESCALE_FIELDS: dict[str, tuple[str, str, int, int]] = {
    "consultation_working_days_before": (
        "Consultation papers out",
        " working days before the review",
        0,
        60,
    ),
    "pre_review_meeting_days_before": ("Pre-review meeting", " days before the review", 0, 90),
    "decisions_working_days_after": ("Decisions circulated", " working days after", 1, 60),
    "letter_working_days_after": ("Letter to the child", " working days after", 1, 90),
    "informal_challenge_working_days": ("Informal challenge reply", " working days", 1, 60),
    "formal_stage_working_days": ("Each formal stage's reply", " working days", 1, 60),
    "formal_process_working_days": ("Whole formal process", " working days", 1, 120),
    "contact_every_weeks": ("Contact with the child", " weeks at most between", 1, 52),
}


def parse_postcodes(text: str) -> tuple[str, ...]:
    """'w, nw8 ,SW1' -> ('W', 'NW8', 'SW1')."""
    return tuple(part.strip().upper() for part in text.replace(";", ",").split(",") if part.strip())


class SettingsDialog(QDialog):
    settingsAccepted = Signal(object)  # the edited Settings
    changePassphraseRequested = Signal()  # "Change passphrase…" (gui/dialogs/change_passphrase.py)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._original = settings

        self.region = QComboBox()
        for region, label in REGION_LABELS.items():
            self.region.addItem(label, region)
        self.council_name = QLineEdit()
        self.council_postcodes = QLineEdit()
        self.council_postcodes.setPlaceholderText("for example: W, NW8, SW1")
        self.council_postcodes.setToolTip(
            "Postcode areas or districts of your council, separated by commas. A placement "
            "elsewhere counts as out of area."
        )
        self.judge_by_final_part = QCheckBox("Time a review held in parts from its final part")
        self.under5_interval = QSpinBox()
        self.under5_interval.setRange(0, 6)
        self.under5_interval.setSpecialValueText("Off (the statutory timing)")
        self.under5_interval.setSuffix(" months")
        self.timescales: dict[str, QSpinBox] = {}
        for name, (_label, suffix, low, high) in TIMESCALE_FIELDS.items():
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            self.timescales[name] = spin
        self.iro_name = QLineEdit()
        self.iro_phone = QLineEdit()
        self.iro_email = QLineEdit()
        self.auto_lock_minutes = QSpinBox()
        self.auto_lock_minutes.setRange(1, 120)
        self.auto_lock_minutes.setSuffix(" minutes")
        for line in (
            self.council_name,
            self.council_postcodes,
            self.iro_name,
            self.iro_phone,
            self.iro_email,
        ):
            line.setMinimumWidth(LINE_EDIT_MIN_WIDTH)

        council = QFormLayout()
        council.addRow("&Region:", self.region)
        council.addRow("Council &name:", self.council_name)
        council.addRow("Council &postcodes:", self.council_postcodes)
        timing = QFormLayout()
        timing.addRow(self.judge_by_final_part)
        timing.addRow("Review &under-5s every:", self.under5_interval)
        local = QFormLayout()
        for name, (label, _suffix, _low, _high) in TIMESCALE_FIELDS.items():
            local.addRow(f"{label}:", self.timescales[name])
        you = QFormLayout()
        you.addRow("Your n&ame:", self.iro_name)
        you.addRow("P&hone:", self.iro_phone)
        you.addRow("&Email:", self.iro_email)
        security = QFormLayout()
        security.addRow("&Lock after idle:", self.auto_lock_minutes)
        self.change_passphrase_button = QPushButton("Change pass&phrase…")
        self.change_passphrase_button.clicked.connect(self.changePassphraseRequested)
        security.addRow("", self.change_passphrase_button)

        left = QVBoxLayout()
        left.addWidget(_group("Council", council))
        left.addWidget(_group("Review timing", timing))
        left.addWidget(_group("You (shown on letters)", you))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(_group("Local timescales", local))
        right.addWidget(_group("Security", security))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.show_settings(settings)

    def show_settings(self, settings: Settings) -> None:
        self._original = settings
        self.region.setCurrentIndex(self.region.findData(settings.region))
        self.council_name.setText(settings.council_name)
        self.council_postcodes.setText(", ".join(settings.council_postcodes))
        self.judge_by_final_part.setChecked(settings.judge_review_by_final_part)
        self.under5_interval.setValue(settings.local_under5_interval_months or 0)
        for name, spin in self.timescales.items():
            spin.setValue(getattr(settings.timescales, name))
        self.iro_name.setText(settings.iro_name)
        self.iro_phone.setText(settings.iro_phone)
        self.iro_email.setText(settings.iro_email)
        self.auto_lock_minutes.setValue(settings.auto_lock_minutes)

    def settings(self) -> Settings:
        """The settings as edited; fields the dialog does not show keep their values."""
        timescales = Timescales(
            **{f.name: self.timescales[f.name].value() for f in fields(Timescales)}
        )
        return replace(
            self._original,
            region=self.region.currentData(),
            council_name=self.council_name.text().strip(),
            council_postcodes=parse_postcodes(self.council_postcodes.text()),
            judge_review_by_final_part=self.judge_by_final_part.isChecked(),
            local_under5_interval_months=self.under5_interval.value() or None,
            timescales=timescales,
            iro_name=self.iro_name.text().strip(),
            iro_phone=self.iro_phone.text().strip(),
            iro_email=self.iro_email.text().strip(),
            auto_lock_minutes=self.auto_lock_minutes.value(),
        )

    @Slot()
    def _on_save(self) -> None:
        self.settingsAccepted.emit(self.settings())
        self.accept()


def _group(title: str, form: QFormLayout) -> QGroupBox:
    box = QGroupBox(title)
    box.setLayout(form)
    return box
