"""The user guide window (F1): contents on the left, the guide on the right, a search box on
top that narrows the contents to the sections holding the words, marks every match, and goes
to the next one on Enter. Esc closes it.

The text is ``resources/help`` (see ``help_guide``) in the IRO's language, shown offline from
the installed files; the keyboard shortcuts section is made from the one registry
(``shortcuts.py``), so it lists exactly the keys the menus have.

Each form's Help button and F1 open the guide at the form's section; the main dialogs get F1
and a Help button the same way, through ``install_context_help`` (they name no section
themselves: ``help_guide.DIALOG_SECTIONS`` holds it).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from iro_desktop.gui.help_guide import (
    DIALOG_SECTIONS,
    VIEW_SECTIONS,
    Section,
    load_sections,
    rule_values,
    section_markdown,
)
from iro_desktop.gui.palette import search_match_colours
from iro_desktop.gui.screen_fit import fit_to_screen
from iro_desktop.gui.shortcuts import ACTIONS, VIEW_KEYS, key_text
from iro_desktop.i18n import _, ngettext

SHORTCUTS_SECTION = "shortcuts"
HELP_PROPERTY = "iroContextHelp"  # set on a dialog once it has its F1 and Help button


def shortcut_lines() -> list[str]:
    """The shortcuts section's list, from the registry: menu actions, then keys in a view."""
    lines = []
    for spec in ACTIONS:
        if spec.keys:
            what = _(spec.text).replace("&", "").rstrip("…")
            where = _(spec.menu).replace("&", "")
            lines.append(f"- **{key_text(spec.keys)}**: {what} ({where})")
    for where, keys, what in VIEW_KEYS:
        lines.append(f"- **{_(keys)}**: {_(what)} ({_(where)})")
    return lines


class HelpWindow(QDialog):
    """The guide: contents, search and text, all from the keyboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("IRO Desktop guide"))
        self.setAccessibleName(_("IRO Desktop guide"))
        self.setModal(False)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search the guide (Ctrl+F); Enter finds the next"))
        self.search.setAccessibleName(_("Search the guide"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(_("&Search:"), self)
        search_label.setBuddy(self.search)
        self.found = QLabel("", self)
        self.found.setAccessibleName(_("Matches found"))
        self.contents = QListWidget(self)
        self.contents.setAccessibleName(_("Contents of the guide"))
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(_("The guide"))
        self.text.setOpenLinks(False)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.found)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.search, self.contents)
        QWidget.setTabOrder(self.contents, self.text)
        QWidget.setTabOrder(self.text, buttons)

        self.sections: list[Section] = []
        self._starts: list[int] = []  # where each section's heading begins in the document
        self.search.textChanged.connect(self._on_search_changed)
        self.search.returnPressed.connect(self.find_next)
        self.contents.currentRowChanged.connect(self._on_contents_row)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._focus_search)
        self.reload()
        self.text.document().setDocumentMargin(12)
        self.contents.setSpacing(2)
        self.found.setMinimumWidth(self.found.fontMetrics().horizontalAdvance(_("99 matches")) + 12)
        self.splitter = splitter
        self._sized = False
        # About 90 characters a line: easier to read than the screen's full width.
        fit_to_screen(self, 920, 760)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:  # the contents as wide as their longest title; the text the rest
            self._sized = True
            width = self.splitter.width()
            contents = min(self.contents.sizeHintForColumn(0) + 28, width // 3)
            self.splitter.setSizes([contents, width - contents])

    # -- the text ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the guide again, in the language in use."""
        values = rule_values()
        self.sections = load_sections()
        blocks = []
        for section in self.sections:
            markdown = section_markdown(section, values)
            if section.id == SHORTCUTS_SECTION:
                markdown += "\n\n" + "\n".join(shortcut_lines())
            blocks.append(markdown)
        self.text.setMarkdown("\n\n".join(blocks))
        self._starts = [
            block.position() for block in self._blocks() if block.blockFormat().headingLevel() == 1
        ]
        self.contents.blockSignals(True)
        self.contents.clear()
        for section in self.sections:
            item = QListWidgetItem(_(section.title))
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        self._on_search_changed(self.search.text())

    def _blocks(self):
        block = self.text.document().begin()
        while block.isValid():
            yield block
            block = block.next()

    def section_ids(self) -> list[str]:
        return [section.id for section in self.sections]

    def section_text(self, index: int) -> str:
        """The text of section ``index`` as shown."""
        document = self.text.document()
        start = self._starts[index]
        end = (
            self._starts[index + 1] if index + 1 < len(self._starts) else document.characterCount()
        )
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end - 1, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")

    def current_section(self) -> str:
        """The section the text cursor is in."""
        position = self.text.textCursor().position()
        index = max((i for i, start in enumerate(self._starts) if start <= position), default=0)
        return self.sections[index].id

    # -- going to a section --------------------------------------------------------------------
    def go_to(self, section_id: str) -> None:
        """Show ``section_id`` from its heading (the first section if there is none by that id)."""
        ids = self.section_ids()
        index = ids.index(section_id) if section_id in ids else 0
        self.contents.setCurrentRow(index)
        self._scroll_to_section(index)

    @Slot(int)
    def _on_contents_row(self, row: int) -> None:
        if 0 <= row < len(self._starts):
            self._scroll_to_section(row)

    def _scroll_to_section(self, index: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._starts[index])
        self.text.setTextCursor(cursor)
        block = self.text.document().findBlock(self._starts[index])
        top = self.text.document().documentLayout().blockBoundingRect(block).top()
        self.text.verticalScrollBar().setValue(int(top))

    # -- searching -----------------------------------------------------------------------------
    @Slot(str)
    def _on_search_changed(self, words: str) -> None:
        words = words.strip()
        selections = []
        if words:
            marked = QTextCharFormat()
            background, foreground = search_match_colours()
            marked.setBackground(background)
            marked.setForeground(foreground)
            cursor = self.text.document().find(words)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = marked
                selections.append(selection)
                cursor = self.text.document().find(words, cursor)
        self.text.setExtraSelections(selections)
        self.match_count = len(selections)
        for row in range(self.contents.count()):
            holds = not words or words.casefold() in self.section_text(row).casefold()
            self.contents.item(row).setHidden(not holds)
        if not words:
            self.found.setText("")
        elif selections:
            count = len(selections)
            self.found.setText(
                ngettext("%(count)s match", "%(count)s matches", count) % {"count": count}
            )
        else:
            self.found.setText(_("Not found"))

    @Slot()
    def find_next(self) -> bool:
        """Go to the next match after the cursor (round to the top after the last)."""
        words = self.search.text().strip()
        if not words:
            return False
        if not self.text.find(words):
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            if not self.text.find(words):
                return False
        self._scroll_into_middle()
        row = self.section_ids().index(self.current_section())
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)
        return True

    def _scroll_into_middle(self) -> None:
        """The match a third of the way down, with what leads to it above (not on the edge)."""
        rect = self.text.cursorRect()
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.text.viewport().height() // 3)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


def open_guide(parent: QWidget | None, section: str = "") -> HelpWindow:
    """Show the guide (one per window it is opened from) at ``section``."""
    window = None
    if parent is not None:
        window = parent.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if window is None:
        window = HelpWindow(parent)
    else:
        window.reload()
    window.show()
    window.raise_()
    window.activateWindow()
    window.go_to(section)
    window.search.setFocus(Qt.FocusReason.OtherFocusReason)
    return window


def open_guide_for_view(main_window: QWidget) -> HelpWindow:
    """F1 in the main window: the guide at the section about the view on screen."""
    stack = getattr(main_window, "stack", None)
    view = stack.currentWidget() if stack is not None else None
    return open_guide(main_window, VIEW_SECTIONS.get(type(view).__name__, ""))


# -- F1 and a Help button in the main dialogs --------------------------------------------------
def add_context_help(dialog: QDialog, section: str) -> None:
    """F1 and a Help button on ``dialog`` (once) that open the guide at ``section``."""
    if dialog.property(HELP_PROPERTY):
        return
    dialog.setProperty(HELP_PROPERTY, section)
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog)
    shortcut.activated.connect(lambda: open_guide(dialog, section))
    boxes = dialog.findChildren(QDialogButtonBox)
    if boxes:
        chain = _focus_chain(dialog)
        button = boxes[-1].addButton(QDialogButtonBox.StandardButton.Help)
        button.setText(_("Help (F1)"))
        button.setAccessibleName(_("Help"))
        button.setAutoDefault(False)
        _tab_to_where_shown(chain, boxes[-1], button)
        boxes[-1].helpRequested.connect(lambda: open_guide(dialog, section))


def _focus_chain(dialog: QDialog) -> list[QWidget]:
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not None and widget is not dialog and widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _tab_to_where_shown(chain: list[QWidget], box: QDialogButtonBox, button: QWidget) -> None:
    """Put the new button in the Tab order where the box shows it, the rest as it was."""
    layout = box.layout()
    shown = [layout.itemAt(i).widget() for i in range(layout.count())] if layout else []
    buttons = [w for w in shown if isinstance(w, QAbstractButton)]
    if button not in buttons:
        return
    place = buttons.index(button)
    neighbours = [b for b in buttons if b is not button and b in chain]
    if not neighbours:
        return
    if place < len(neighbours):  # before the button shown after it
        chain.insert(chain.index(neighbours[place]), button)
    else:  # the last in the box: after the one shown before it
        chain.insert(chain.index(neighbours[-1]) + 1, button)
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


_installed = False


def install_context_help() -> None:
    """Give every main dialog (``DIALOG_SECTIONS``) F1 and a Help button when it first gets
    focus: one hook here, no change to each dialog."""
    global _installed
    app = QApplication.instance()
    if _installed or not isinstance(app, QGuiApplication):
        return
    _installed = True

    def on_focus_window(_window) -> None:
        active = QApplication.activeWindow()
        if isinstance(active, QDialog) and not isinstance(active, HelpWindow):
            section = DIALOG_SECTIONS.get(type(active).__name__)
            if section:
                add_context_help(active, section)

    app.focusWindowChanged.connect(on_focus_window)
