"""Write the letter to the child: choose its version and language, read the notes on the
wording (fixing what can be fixed in one click), then save it as a Word document, or print
it straight from here.

The version and language start as the letter service chose them from the child's record (and
say so); changing any option previews the letter again at once. The preview and the printed
page are rendered from the same content model the Word file is written from (``Letter``).
Items touching a sensitive topic must be confirmed before the letter is saved. Nothing is
written until the IRO saves, and writing it does not mark it sent (the Letters tab does).

Printing goes through Qt's print dialog (QPrintDialog): on Windows that is the system's own
print dialog and printers; on Linux, Qt's dialog over CUPS.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.child_tabs.common import heading_label
from iro_desktop.gui.dialogs.document import DocumentDialog
from iro_desktop.gui.formatting import format_date
from iro_desktop.gui.models.records_model import ICON_INFO, ICON_WARNING, standard_icon
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.widgets.standard_buttons import name_standard_buttons
from iro_desktop.gui.worker import Worker
from iro_desktop.i18n import N_, _
from iro_desktop.letters.html import letter_html, print_html
from iro_desktop.services.letter_fixes import write_missing_sentence
from iro_desktop.services.letters import LetterPreview, preview_letter, write_letter
from iro_desktop.services.session import Store

VERSIONS = (
    ("read_aloud", N_("Read-aloud: for a child who cannot read yet, read to them by a grown-up")),
    ("standard", N_("Standard: for children of about 5 to 15")),
    ("young_person", N_("Young person: 16 and over, a more adult voice")),
    ("easy_read", N_("Easy read: very short sentences, with pictures")),
)
LANGUAGES = (
    ("en", N_("English")),
    ("cy", N_("Cymraeg (Welsh)")),
    ("both", N_("Welsh and English: the Welsh letter, then the English one")),
)
AUTOMATIC = N_(" (chosen automatically)")
NO_WARNINGS = N_("The wording reads plainly: nothing to check.")


# A warning the dialog can fix in one click, by what it says.
FIX_SUGGESTION = "A suggested sentence is waiting"  # matched in the notes' text
FIX_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2  # a "not yet written" note's (kind, key, language)


class SentenceEditor(QDialog):
    """A small editor for the child-facing sentence the letter is missing for one item."""

    def __init__(self, note: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Write the sentence for the child"))
        layout = QVBoxLayout(self)
        about = QLabel(note.split("\n")[0], self)
        about.setWordWrap(True)
        label = QLabel(
            _("&The sentence the child will read in Welsh (short words, spoken to them):")
            if language == "cy"
            else _("&The sentence the child will read (short words, spoken to them):"),
            self,
        )
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(_("The sentence the child will read"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        label.setBuddy(self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        name_standard_buttons(buttons)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.save_button.setEnabled(bool(self.text.toPlainText().strip()))
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (about, label, self.text, buttons):
            layout.addWidget(widget)
        self.resize(520, 200)

    def sentence(self) -> str:
        return self.text.toPlainText().strip()


def warning_texts(preview: LetterPreview) -> list[str]:
    """Each warning for the IRO, with its suggestion where the message does not give it."""
    texts = []
    for warning in preview.warnings:
        text = warning.message
        if warning.suggestion and warning.suggestion not in text:
            text += _("\nSuggestion: %(suggestion)s.") % {"suggestion": warning.suggestion}
        texts.append(text)
    return texts


class LetterDialog(DocumentDialog):
    SAVE_CAPTION = N_("Save the letter to the child")
    WRITING_LABEL = N_("Writing the letter…")

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
        super().__init__(worker, store, today, _("Write the letter to the child"), parent)
        self.child_ref = child_ref
        self.review_id = review_id
        self.current: LetterPreview | None = None
        self._automatic: tuple[str, str] | None = None  # (version, language) first chosen
        who = child_name or child_ref
        self.intro.setText(
            _(
                "A letter to %(who)s about their review, written from what you "
                "recorded. Check the version and language, read the notes on the "
                "wording, then save it and open it in Word to read through and adjust "
                "before you print or send it."
            )
            % {"who": who}
        )

        self.review_label = QLabel(_("Reading the review…"), self)
        self.review_label.setAccessibleName(_("Review"))
        self.version_combo = QComboBox(self)
        self.version_combo.setAccessibleName(_("Version of the letter"))
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(_("Language of the letter"))
        for combo, items in ((self.version_combo, VERSIONS), (self.language_combo, LANGUAGES)):
            for value, text in items:
                combo.addItem(_(text), value)
            combo.setEnabled(False)
        self.chosen_note = QLabel(self)
        self.chosen_note.setWordWrap(True)
        self.chosen_note.setAccessibleName(_("How the version and language were chosen"))
        form = QFormLayout()
        version_label = QLabel(_("&Version:"), self)
        version_label.setBuddy(self.version_combo)
        language_label = QLabel(_("&Language:"), self)
        language_label.setBuddy(self.language_combo)
        form.addRow(_("Review:"), self.review_label)
        form.addRow(version_label, self.version_combo)
        form.addRow(language_label, self.language_combo)
        self.suggestions_box = QCheckBox(_("Use &suggested wording not yet confirmed"), self)
        self.suggestions_box.setToolTip(
            _(
                "Items whose child-facing sentence is still a suggestion are left out unless you "
                "tick this."
            )
        )
        self.rights_box = QCheckBox(_("Add the '&your rights' page"), self)
        self.rights_box.setToolTip(
            _(
                "Advocacy, complaints, an independent visitor and what happens at 18, on a page of "
                "its own. It is due at the first review, after a move, and once a year."
            )
        )
        form.addRow("", self.suggestions_box)
        form.addRow("", self.rights_box)
        self._confirmed_sensitive = False

        self.warnings_heading = heading_label(_("Notes on the wording"), self)
        self.warnings_list = QListWidget(self)
        self.warnings_list.setAccessibleName(_("Notes on the wording"))
        self.warnings_list.setWordWrap(True)
        self.warnings_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        warnings_label = QLabel(_("&Notes on the wording, with what to try instead:"), self)
        warnings_label.setBuddy(self.warnings_list)
        self.text_preview = QTextBrowser(self)
        self.text_preview.setOpenLinks(False)
        self.text_preview.setAccessibleName(_("What the letter will say"))
        self.text_preview.setMinimumHeight(160)
        text_label = QLabel(_("&What the letter will say (you can change it in Word):"), self)
        text_label.setBuddy(self.text_preview)

        self.body.addLayout(form)
        self.body.addWidget(self.chosen_note)
        self.body.addSpacing(6)
        self.body.addWidget(self.warnings_heading)
        self.body.addWidget(warnings_label)
        self.body.addWidget(self.warnings_list)
        fixes = QHBoxLayout()
        self.fix_button = QPushButton(_("&Fix this note"), self)
        self.fix_button.setToolTip(
            _("Use the suggested wording, or write the missing sentence, for the chosen note")
        )
        self.fix_button.setEnabled(False)
        fixes.addWidget(self.fix_button)
        fixes.addStretch(1)
        self.body.addLayout(fixes)
        self.body.addSpacing(6)
        self.body.addWidget(text_label)
        self.body.addWidget(self.text_preview, 1)
        self.warnings_heading.hide()  # the label above the list says it; kept for screen readers

        self.version_combo.activated.connect(self._on_choice_changed)
        self.language_combo.activated.connect(self._on_choice_changed)
        self.suggestions_box.toggled.connect(self._on_choice_changed)
        self.rights_box.toggled.connect(self._on_choice_changed)
        self.warnings_list.currentItemChanged.connect(self._on_note_chosen)
        self.warnings_list.itemActivated.connect(lambda _item: self.fix_chosen_note())
        self.fix_button.clicked.connect(self.fix_chosen_note)
        self.print_button = QPushButton(_("&Print…"), self)
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(_("Print the letter now, through the system's print dialog"))
        self.buttons.addButton(self.print_button, self.buttons.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_letter)
        fit_to_screen(self, 720, 720)
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
            {
                "pdf": self.pdf_box.isChecked(),
                "use_suggestions": self.suggestions_box.isChecked(),
                "with_rights": self.rights_box.isChecked(),
                "confirm_sensitive": self._confirmed_sensitive,
            },
        )

    @Slot()
    def save(self) -> None:
        """Sensitive items are confirmed first; then ask where, and write."""
        if not self.confirm_sensitive():
            return
        super().save()

    def confirm_sensitive(self) -> bool:
        """Ask the IRO to confirm each sensitive item: that the child may read it and the
        letter is safe to post. True when there is none, or the IRO confirms."""
        items = self.current.sensitive if self.current else ()
        if not items or self._confirmed_sensitive:
            return True
        listed = "\n".join(f"• {', '.join(i.labels())}: {i.text}" for i in items)
        answer = QMessageBox.question(
            self,
            _("Sensitive things in the letter"),
            _(
                "The letter speaks of sensitive things:\n\n%(listed)s\n\nHave you checked "
                "that the child may read each of these, and that the letter is safe to "
                "post?"
            )
            % {"listed": listed},
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        self._confirmed_sensitive = answer == QMessageBox.StandardButton.Yes
        return self._confirmed_sensitive

    def print_document(self) -> QTextDocument:
        """The letter as the printer gets it: the same content as the preview and Word."""
        document = QTextDocument(self)
        document.setHtml(print_html(self.current.letters if self.current else ()))
        return document

    @Slot()
    def print_letter(self) -> None:
        """Print through the system's print dialog (sensitive items confirmed first)."""
        if self.current is None or not self.confirm_sensitive():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.current.suggested_file_name.removesuffix(".docx"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the letter to the child"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_document().print_(printer)
        self.result.set_status(
            _("Sent to the printer. Printing it does not mark it sent: the Letters tab does."),
            ICON_INFO,
        )
        self.result.show()

    @Slot()
    def fix_chosen_note(self) -> None:
        """The one-click fix for the chosen note: use the suggested wording, or write the
        missing sentence (saved as the item's confirmed wording, then previewed again)."""
        item = self.warnings_list.currentItem()
        if item is None:
            return
        if item.data(FIX_ROLE) == "use_suggestions":
            self.suggestions_box.setChecked(True)  # previews again
        elif item.data(FIX_ROLE) == "write":
            kind, key, language = item.data(ITEM_ROLE)
            editor = self.sentence_editor(item.text(), language)
            if editor.exec() == QDialog.DialogCode.Accepted and editor.sentence():
                self.save_sentence(kind, key, language, editor.sentence())

    def sentence_editor(self, note: str, language: str) -> SentenceEditor:
        """The editor "write the missing sentence" opens (a hook for tests to fill in)."""
        return SentenceEditor(note, language, self)

    def save_sentence(self, kind: str, key: str, language: str, text: str) -> None:
        """Save the child-facing sentence through the worker, then preview the letter again."""
        assert self.review_id is not None
        self._writer.run(
            write_missing_sentence,
            self.store,
            self.child_ref,
            self.review_id,
            kind,
            key,
            language,
            text,
            self.today,
            label=_("Saving the sentence…"),
            on_result=lambda _id: self._on_choice_changed(),
        )

    def _on_note_chosen(self, item, _previous=None) -> None:
        self.fix_button.setEnabled(item is not None and bool(item.data(FIX_ROLE)))

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
        self.review_label.setText(
            _("Held %(review_date)s") % {"review_date": format_date(preview.review_date)}
        )
        self._confirmed_sensitive = False  # what is confirmed is this letter's items
        for box, value in (
            (self.suggestions_box, preview.use_suggestions),
            (self.rights_box, preview.with_rights),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        due = (
            _(" (due: %(rights_due)s)") % {"rights_due": preview.rights_due}
            if preview.rights_due
            else ""
        )
        self.rights_box.setText(_("Add the '&your rights' page%(due)s") % {"due": due})
        self.print_button.setEnabled(True)
        self.suggested_name = preview.suggested_file_name
        self._show_chosen_note(preview)
        self.warnings_list.clear()
        texts = warning_texts(preview)
        for text, warning in zip(texts, preview.warnings, strict=True):
            item = QListWidgetItem(standard_icon(ICON_WARNING), text, self.warnings_list)
            if FIX_SUGGESTION in text:
                item.setData(FIX_ROLE, "use_suggestions")
            elif warning.kind == "not_written" and warning.item:
                item.setData(FIX_ROLE, "write")
                item.setData(ITEM_ROLE, tuple(warning.item))
        for sensitive in preview.sensitive:
            QListWidgetItem(
                standard_icon(ICON_WARNING),
                _(
                    "Sensitive (%(join)s): you will be asked to confirm the child may read "
                    'this and it is safe to post. "%(text)s"'
                )
                % {"join": ", ".join(sensitive.labels()), "text": sensitive.text},
                self.warnings_list,
            )
        if not texts and not preview.sensitive:
            QListWidgetItem(standard_icon(ICON_INFO), _(NO_WARNINGS), self.warnings_list)
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
                combo.setItemText(index, combo.itemText(index) + _(AUTOMATIC))

    def _show_chosen_note(self, preview: LetterPreview) -> None:
        auto_version, auto_language = self._automatic or (None, None)
        same = preview.version == auto_version and preview.language == auto_language
        if same:
            self.chosen_note.setText(
                _(
                    "Both chosen automatically, from the child's age, needs and recorded "
                    "language. Change them if you know better."
                )
            )
        else:
            self.chosen_note.setText(
                _("Your choice for this letter (the child's record is not changed).")
            )

    @Slot()
    def _on_choice_changed(self) -> None:
        version, language = self.chosen()
        self.print_button.setEnabled(False)
        self.preview(
            preview_letter,
            self.store,
            self.child_ref,
            self.review_id,
            language,
            version,
            today=self.today,
            use_suggestions=self.suggestions_box.isChecked(),
            with_rights=self.rights_box.isChecked(),
        )
