"""Colours that stay readable: the high-contrast palette, and the WCAG contrast ratio the tests
(and anyone choosing a colour) measure against.

The app follows the system's palette and font: its own styles name palette roles
(``palette(window-text)``, ``palette(tooltip-base)``) rather than fixed colours, and the one
colour of its own, the alert red (``models/records_model.alert_colour``), has a dark and a
light form chosen by the palette's background. High contrast (View > High contrast, or
``IRO_DESKTOP_HIGH_CONTRAST=1`` at start) is white on black with cyan highlights and yellow
notes, after the Windows "High Contrast Black" theme; every text/background pair in it passes
WCAG AA (4.5:1), disabled text 3:1.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ENVIRONMENT_VARIABLE = "IRO_DESKTOP_HIGH_CONTRAST"
WCAG_AA = 4.5  # normal text
WCAG_AA_LARGE = 3.0  # large text, and disabled controls (WCAG does not require them readable)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
# The text/background pairs a person reads.
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
)

# After Windows' "High Contrast Black": white on black, cyan selection, yellow notes and links.
_HIGH_CONTRAST = {
    Role.Window: "#000000",
    Role.WindowText: "#ffffff",
    Role.Base: "#000000",
    Role.AlternateBase: "#141414",
    Role.Text: "#ffffff",
    Role.Button: "#000000",
    Role.ButtonText: "#ffffff",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1aebff",
    Role.HighlightedText: "#000000",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#ffff00",
    Role.PlaceholderText: "#c0c0c0",
    Role.Link: "#ffff00",
    Role.LinkVisited: "#ff80ff",
    Role.Light: "#ffffff",
    Role.Midlight: "#c0c0c0",
    Role.Mid: "#a0a0a0",
    Role.Dark: "#c0c0c0",
    Role.Shadow: "#ffffff",
    Role.Accent: "#1aebff",
}
_HIGH_CONTRAST_DISABLED = {
    Role.WindowText: "#a0a0a0",
    Role.Text: "#a0a0a0",
    Role.ButtonText: "#a0a0a0",
    Role.Highlight: "#808080",
    Role.HighlightedText: "#000000",
}
# Fusion draws frames in a shade of the window colour: black on black. Borders are drawn
# white and focus in the highlight colour, thick enough to see.
HIGH_CONTRAST_STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
QPushButton, QToolButton {
    border: 1px solid #ffffff;
}
QPushButton, QToolButton { padding: 4px 10px; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QAbstractItemView:focus, QPushButton:focus, QToolButton:focus,
QCheckBox:focus, QRadioButton:focus {
    border: 3px solid #1aebff;
}
QPushButton:disabled, QToolButton:disabled { border: 1px dashed #a0a0a0; }
QTabBar::tab { padding: 4px 10px; }
QTabBar::tab:selected { border-bottom: 3px solid #1aebff; }
QTabBar::tab:focus { border: 3px solid #1aebff; }
QHeaderView::section { border: 1px solid #ffffff; background: #000000; color: #ffffff; }
QToolTip { border: 1px solid #ffff00; }
"""

_saved: dict[str, object] = {}  # the system's palette, style and style sheet, while switched


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        for role, colour in _HIGH_CONTRAST.items():
            palette.setColor(group, role, QColor(colour))
    for role, colour in _HIGH_CONTRAST_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def high_contrast_wanted(environ: Mapping[str, str] | None = None) -> bool:
    value = (environ if environ is not None else os.environ).get(ENVIRONMENT_VARIABLE, "")
    return value.strip().lower() in {"1", "yes", "true", "on"}


def high_contrast_on() -> bool:
    return bool(_saved)


def set_high_contrast(app: QApplication, on: bool) -> None:
    """Switch the whole app to the high-contrast palette (Fusion, which honours a palette on
    every platform) or back to the system's."""
    from iro_desktop.gui.models.records_model import alert_colour

    if on == high_contrast_on():
        return
    alert_before = alert_colour().name()
    if on:
        _saved.update(palette=app.palette(), style=app.style().name(), sheet=app.styleSheet())
        app.setStyle("Fusion")
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(str(_saved["sheet"]) + HIGH_CONTRAST_STYLE)
    else:
        app.setStyle(str(_saved["style"]))
        app.setPalette(_saved["palette"])  # type: ignore[arg-type]
        app.setStyleSheet(str(_saved["sheet"]))
        _saved.clear()
    _recolour_alerts(app, alert_before, alert_colour().name())


def _recolour_alerts(app: QApplication, before: str, after: str) -> None:
    """Problem lines were given the alert red of the palette they were made in."""
    if before == after:
        return
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if before in sheet:
            widget.setStyleSheet(sheet.replace(before, after))


def readable_placeholders(app: QApplication) -> bool:
    """Qt draws placeholder text as the text colour at half strength, about 4.0:1 on white:
    below AA. Strengthen it just enough to pass, keeping it lighter than typed text (only
    this one role is set: every other colour still follows the system). True if changed."""
    stronger = with_readable_placeholders(app.palette())
    if stronger is None:
        return False
    app.setPalette(stronger)
    return True


def with_readable_placeholders(palette: QPalette) -> QPalette | None:
    """``palette`` with its placeholder text strengthened to AA, or None if it passes."""
    palette = QPalette(palette)
    changed = False
    for group in (Group.Active, Group.Inactive):
        base = palette.color(group, Role.Base)
        if contrast_ratio(palette.color(group, Role.PlaceholderText), base) >= WCAG_AA:
            continue
        colour = QColor(palette.color(group, Role.Text))
        colour.setAlphaF(0.5)
        while contrast_ratio(colour, base) < WCAG_AA + 0.1 and colour.alphaF() < 1.0:
            colour.setAlphaF(min(1.0, colour.alphaF() + 0.05))
        palette.setColor(group, Role.PlaceholderText, colour)
        changed = True
    return palette if changed else None


# -- measuring ---------------------------------------------------------------------------------
def _channel(value: float) -> float:
    value /= 255.0
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an opaque colour (0 black .. 1 white)."""
    r, g, b = (_channel(c) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def over(foreground: QColor, background: QColor) -> QColor:
    """``foreground`` as seen painted over ``background`` (placeholder text is translucent)."""
    alpha = foreground.alphaF()
    mixed = [
        round(f * alpha + b * (1 - alpha))
        for f, b in zip(
            (foreground.red(), foreground.green(), foreground.blue()),
            (background.red(), background.green(), background.blue()),
            strict=True,
        )
    ]
    return QColor(*mixed)


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2's contrast ratio (1 .. 21) of text in ``foreground`` on ``background``."""
    lighter, darker = sorted(
        (relative_luminance(over(foreground, background)), relative_luminance(background)),
        reverse=True,
    )
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Base).lightness() < 128


def search_match_colours() -> tuple[QColor, QColor]:
    """A search match in the help guide: black on marker yellow (about 15:1) in every palette,
    so it reads the same in light, dark and high contrast."""
    return QColor("#ffe14d"), QColor("#000000")
