"""Write the letter to the child: choose its version and language, read the plain-language
warnings, then save it as a Word document and open it in the word processor.

The version and language start as the letter service chose them from the child's age, needs
and recorded language (and say so); changing either previews the letter again. Nothing is
written until the IRO saves, and writing it does not mark it sent (the Letters tab does).
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from iro_desktop.gui.child_tabs.common import heading_label
from iro_desktop.gui.dialogs.document import DocumentDialog
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.models.records_model import ICON_INFO, ICON_WARNING, standard_icon
from iro_desktop.gui.worker import Worker
from iro_desktop.letters.model import Letter
from iro_desktop.services.letters import LetterPreview, preview_letter, write_letter
from iro_desktop.services.session import Store

VERSIONS = (
    ("under4", "Under 4s: a record for later, with a note for the carer"),
    ("standard", "Standard: for children of about 5 to 15"),
    ("young_person", "Young person: 16 and over, a more adult voice"),
    ("easy_read", "Easy read: very short sentences, with pictures"),
)
LANGUAGES = (
    ("en", "English"),
    ("cy", "Cymraeg (Welsh)"),
    ("both", "Welsh and English side by side (Welsh first)"),
)
AUTOMATIC = " (chosen automatically)"
NO_WARNINGS = "The wording reads plainly: nothing to check."


def letter_html(letter: Letter) -> str:
    """The letter's words as simple HTML for the preview (Word shows the real layout)."""
    out = [f"<h3>{escape(letter.title)}</h3>"]
    for line in (letter.date_line, letter.language_note, letter.greeting):
        if line:
            out.append(f"<p>{escape(line)}</p>")
    for section in letter.sections:
        out.append(f"<h4>{escape(section.heading)}</h4>")
        bullets: list[str] = []
        for block in section.blocks:
            if block.kind == "bullet":
                bullets.append(f"<li>{escape(block.text)}</li>")
                continue
            if bullets:
                out.append("<ul>" + "".join(bullets) + "</ul>")
                bullets = []
            if block.kind == "table":
                head = "".join(f"<th align='left'>{escape(h)}</th>" for h in letter.table_headings)
                rows = "".join(
                    f"<tr><td>{escape(r.what)}</td><td>{escape(r.who)}</td>"
                    f"<td>{escape(r.by_when)}</td></tr>"
                    for r in block.rows
                )
                out.append(f"<table cellpadding='3'><tr>{head}</tr>{rows}</table>")
            elif block.is_typed:
                out.append(f"<p><i>{escape(block.text)}</i></p>")
            elif block.text:
                out.append(f"<p>{escape(block.text)}</p>")
        if bullets:
            out.append("<ul>" + "".join(bullets) + "</ul>")
    for line in (letter.closing, letter.signature, letter.signature_role, letter.welsh_welcome):
        if line:
            out.append(f"<p>{escape(line)}</p>")
    return "\n".join(out)


def warning_texts(preview: LetterPreview) -> list[str]:
    """Each warning for the IRO, with its suggestion where the message does not give it."""
    texts = []
    for warning in preview.warnings:
        text = warning.message
        if warning.suggestion and warning.suggestion not in text:
            text += f"\nSuggestion: {warning.suggestion}."
        texts.append(text)
    for letter in preview.letters:
        texts += [line for line in letter.warnings if line not in texts]
    return texts


class LetterDialog(DocumentDialog):
    SAVE_CAPTION = "Save the letter to the child"
    WRITING_LABEL = "Writing the letter…"

    def __init__(
        self,
        worker: Worker,
        store: Store,
        child_ref: str,
        review_id: int | None,
        today: date,
        child_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, store, today, "Write the letter to the child", parent)
        self.child_ref = child_ref
        self.review_id = review_id
        self.current: LetterPreview | None = None
        self._automatic: tuple[str, str] | None = None  # (version, language) first chosen
        who = child_name or child_ref
        self.intro.setText(
            f"A letter to {who} about their review, written from what you recorded. Check the "
            "version and language, read the notes on the wording, then save it and open it in "
            "Word to read through and adjust before you print or send it."
        )

        self.review_label = QLabel("Reading the review…", self)
        self.review_label.setAccessibleName("Review")
        self.version_combo = QComboBox(self)
        self.version_combo.setAccessibleName("Version of the letter")
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName("Language of the letter")
        for combo, items in ((self.version_combo, VERSIONS), (self.language_combo, LANGUAGES)):
            for value, text in items:
                combo.addItem(text, value)
            combo.setEnabled(False)
        self.chosen_note = QLabel(self)
        self.chosen_note.setWordWrap(True)
        self.chosen_note.setAccessibleName("How the version and language were chosen")
        form = QFormLayout()
        version_label = QLabel("&Version:", self)
        version_label.setBuddy(self.version_combo)
        language_label = QLabel("&Language:", self)
        language_label.setBuddy(self.language_combo)
        form.addRow("Review:", self.review_label)
        form.addRow(version_label, self.version_combo)
        form.addRow(language_label, self.language_combo)

        self.warnings_heading = heading_label("Notes on the wording", self)
        self.warnings_list = QListWidget(self)
        self.warnings_list.setAccessibleName("Notes on the wording")
        self.warnings_list.setWordWrap(True)
        self.warnings_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        warnings_label = QLabel("&Notes on the wording, with what to try instead:", self)
        warnings_label.setBuddy(self.warnings_list)
        self.text_preview = QTextBrowser(self)
        self.text_preview.setOpenLinks(False)
        self.text_preview.setAccessibleName("What the letter will say")
        self.text_preview.setMinimumHeight(160)
        text_label = QLabel("&What the letter will say (you can change it in Word):", self)
        text_label.setBuddy(self.text_preview)

        self.body.addLayout(form)
        self.body.addWidget(self.chosen_note)
        self.body.addSpacing(6)
        self.body.addWidget(self.warnings_heading)
        self.body.addWidget(warnings_label)
        self.body.addWidget(self.warnings_list)
        self.body.addSpacing(6)
        self.body.addWidget(text_label)
        self.body.addWidget(self.text_preview, 1)
        self.warnings_heading.hide()  # the label above the list says it; kept for screen readers

        self.version_combo.activated.connect(self._on_choice_changed)
        self.language_combo.activated.connect(self._on_choice_changed)
        self.resize(720, 680)
        self.preview(preview_letter, store, child_ref, review_id, today=today)

    # -- public ----------------------------------------------------------------------------
    def choose(self, version: str | None = None, language: str | None = None) -> None:
        """Pick a version and/or language (as the IRO would) and preview again."""
        if version is not None:
            self.version_combo.setCurrentIndex(self.version_combo.findData(version))
        if language is not None:
            self.language_combo.setCurrentIndex(self.language_combo.findData(language))
        self._on_choice_changed()

    def chosen(self) -> tuple[str, str]:
        return self.version_combo.currentData(), self.language_combo.currentData()

    def warning_lines(self) -> list[str]:
        return [self.warnings_list.item(i).text() for i in range(self.warnings_list.count())]

    def write_job(self, path: Path):
        version, language = self.chosen()
        review = self.current.review_id if self.current else self.review_id
        return (
            write_letter,
            (self.store, self.child_ref, review, language, version, path, self.today),
            {"pdf": self.pdf_box.isChecked()},
        )

    # -- preview ---------------------------------------------------------------------------
    def show_preview(self, preview: LetterPreview) -> None:
        self.current = preview
        self.review_id = preview.review_id
        if self._automatic is None:
            self._automatic = (preview.version, preview.language)
            self._mark_automatic()
        for combo, value in (
            (self.version_combo, preview.version),
            (self.language_combo, preview.language),
        ):
            combo.setCurrentIndex(combo.findData(value))
            combo.setEnabled(True)
        self.review_label.setText(f"Held {format_date(preview.review_date)}")
        self.suggested_name = preview.suggested_file_name
        self._show_chosen_note(preview)
        self.warnings_list.clear()
        texts = warning_texts(preview)
        for text in texts:
            QListWidgetItem(standard_icon(ICON_WARNING), text, self.warnings_list)
        if not texts:
            QListWidgetItem(standard_icon(ICON_INFO), NO_WARNINGS, self.warnings_list)
        self._fit_warnings()
        self.warnings_list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.text_preview.setHtml("<hr>".join(letter_html(letter) for letter in preview.letters))

    def _fit_warnings(self) -> None:
        """As tall as its notes (up to six lines' worth), so the letter gets the room."""
        metrics = self.warnings_list.fontMetrics()
        width = max(self.width() - 90, 200)  # less the margins and the icon
        lines = 0
        for row in range(self.warnings_list.count()):
            for part in self.warnings_list.item(row).text().split("\n"):
                lines += -(-metrics.horizontalAdvance(part) // width) or 1
        lines = min(lines, 8)
        height = lines * metrics.lineSpacing() + self.warnings_list.count() * 6
        self.warnings_list.setFixedHeight(height + 2 * self.warnings_list.frameWidth() + 6)

    def _mark_automatic(self) -> None:
        assert self._automatic is not None
        for combo, value in zip(
            (self.version_combo, self.language_combo), self._automatic, strict=True
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.setItemText(index, combo.itemText(index) + AUTOMATIC)

    def _show_chosen_note(self, preview: LetterPreview) -> None:
        auto_version, auto_language = self._automatic or (None, None)
        same = preview.version == auto_version and preview.language == auto_language
        if same:
            self.chosen_note.setText(
                "Both chosen automatically, from the child's age, needs and recorded "
                "language. Change them if you know better."
            )
        else:
            self.chosen_note.setText(
                "Your choice for this letter (the child's record is not changed)."
            )

    @Slot()
    def _on_choice_changed(self) -> None:
        version, language = self.chosen()
        self.preview(
            preview_letter,
            self.store,
            self.child_ref,
            self.review_id,
            language,
            version,
            today=self.today,
        )
