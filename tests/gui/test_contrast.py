"""High contrast and large text (issue 19, item 5): every text/background pair of the
high-contrast palette passes WCAG AA (4.5:1; disabled text 3:1), the app's own colours (the
alert red of overdue tasks and problems, notes, warnings, help lines) pass on their
backgrounds in the system's palette, a dark one and high contrast, and nothing in the GUI fixes
a colour or a font size that would break the system's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from iro_desktop.gui import palette
from iro_desktop.gui.palette import (
    TEXT_PAIRS,
    WCAG_AA,
    WCAG_AA_LARGE,
    Group,
    Role,
    contrast_ratio,
    high_contrast_palette,
)

GUI = Path(__file__).resolve().parents[2] / "iro_desktop" / "gui"


def _dark_palette() -> QPalette:
    """A typical system dark mode (as Windows and GNOME give it)."""
    dark = QPalette()
    for role, colour in {
        Role.Window: "#202020",
        Role.WindowText: "#ffffff",
        Role.Base: "#1c1c1c",
        Role.AlternateBase: "#2b2b2b",
        Role.Text: "#ffffff",
        Role.Button: "#2d2d2d",
        Role.ButtonText: "#ffffff",
        Role.ToolTipBase: "#2b2b2b",
        Role.ToolTipText: "#ffffff",
    }.items():
        dark.setColor(role, QColor(colour))
    return dark


@pytest.fixture
def switched(qapp):
    """The app's palette for the test, and the system's back after it."""
    saved = qapp.palette()

    def use(chosen: QPalette) -> QPalette:
        qapp.setPalette(chosen)
        return qapp.palette()

    yield use
    palette.set_high_contrast(qapp, False)
    qapp.setPalette(saved)


def test_the_contrast_ratio_is_wcags():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)
    half_black = QColor(0, 0, 0, 128)  # as Qt's placeholder text: half strength
    assert contrast_ratio(half_black, QColor("#ffffff")) == pytest.approx(4.0, abs=0.1)


@pytest.mark.parametrize("group", [Group.Active, Group.Inactive], ids=["active", "inactive"])
def test_every_text_pair_of_the_high_contrast_palette_passes_aa(group):
    chosen = high_contrast_palette()
    failing = {
        f"{text.name}/{back.name}": round(ratio, 2)
        for text, back in TEXT_PAIRS
        if (ratio := contrast_ratio(chosen.color(group, text), chosen.color(group, back))) < WCAG_AA
    }
    assert failing == {}


def test_disabled_text_in_high_contrast_is_at_least_three_to_one():
    chosen = high_contrast_palette()
    pairs = ((Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button))
    for text, back in pairs:
        ratio = contrast_ratio(
            chosen.color(Group.Disabled, text), chosen.color(Group.Disabled, back)
        )
        assert ratio >= WCAG_AA_LARGE, (text.name, ratio)
        enabled = chosen.color(Group.Active, text)
        assert chosen.color(Group.Disabled, text) != enabled  # still told apart from enabled


def _styled_labels() -> dict[str, QLabel]:
    """A label made as the app makes each of its styled texts, with words in it."""
    from iro_desktop.gui.dialogs.settings import HELP_STYLE
    from iro_desktop.gui.forms import editors
    from iro_desktop.gui.main_window import BANNER_STYLE
    from iro_desktop.gui.widgets import dialog_parts

    made = {
        "note": dialog_parts.note_label("Nothing is sent anywhere."),
        "warning": dialog_parts.note_label("Personal data", dialog_parts.WARNING_STYLE),
        "dialog error": dialog_parts.error_label(),
        "form problem": editors.error_label("Problem with the date"),
        "Settings' help line": QLabel("Working days skip bank holidays."),
        "demo banner": QLabel("Demo caseload: fictional children"),
    }
    made["Settings' help line"].setStyleSheet(HELP_STYLE)
    made["demo banner"].setStyleSheet(BANNER_STYLE)
    for label in made.values():
        if not label.text():
            label.setText("Not saved: the file is open elsewhere.")
        label.setVisible(True)
        label.resize(label.sizeHint())
    return made


def _rendered_contrast(label: QLabel) -> float:
    """The contrast of a label as drawn: its background (just inside the frame) against the
    pixel of its text that stands out most (the core of a letter)."""
    image = label.grab().toImage()
    background = image.pixelColor(3, 3)
    text = max(
        (
            image.pixelColor(x, y)
            for x in range(4, image.width() - 4)
            for y in range(4, image.height() - 4)
        ),
        key=lambda colour: contrast_ratio(colour, background),
    )
    return contrast_ratio(text, background)


@pytest.mark.parametrize("which", ["system", "dark", "high contrast"])
def test_the_apps_own_colours_pass_aa_in_every_palette(qapp, qtbot, switched, which):
    from iro_desktop.gui.models.records_model import alert_colour

    if which == "high contrast":
        palette.set_high_contrast(qapp, True)
    else:
        switched(_dark_palette() if which == "dark" else QPalette(qapp.palette()))
        palette.readable_placeholders(qapp)  # as accessibility.install does at start
    in_use = qapp.palette()
    labels = _styled_labels()
    for label in labels.values():
        qtbot.addWidget(label)
    drawn = {name: _rendered_contrast(label) for name, label in labels.items()}
    # Overdue tasks and problems in lists: the model's colour on the rows' backgrounds.
    drawn["overdue on a row"] = contrast_ratio(alert_colour(), in_use.color(Role.Base))
    drawn["overdue, other row"] = contrast_ratio(alert_colour(), in_use.color(Role.AlternateBase))
    drawn["placeholder"] = contrast_ratio(
        in_use.color(Role.PlaceholderText), in_use.color(Role.Base)
    )
    failing = {name: round(ratio, 2) for name, ratio in drawn.items() if ratio < WCAG_AA}
    assert failing == {}


def _qt_default_placeholders() -> QPalette:
    start = QPalette()
    start.setColor(Role.Base, QColor("#ffffff"))
    start.setColor(Role.Text, QColor("#000000"))
    start.setColor(Role.PlaceholderText, QColor(0, 0, 0, 128))  # Qt's own: 4.0:1, below AA
    return start


def test_placeholders_are_strengthened_only_as_far_as_needed():
    start = _qt_default_placeholders()
    assert contrast_ratio(start.color(Role.PlaceholderText), start.color(Role.Base)) < WCAG_AA
    stronger = palette.with_readable_placeholders(start)
    assert stronger is not None
    placeholder = stronger.color(Role.PlaceholderText)
    assert WCAG_AA <= contrast_ratio(placeholder, QColor("#ffffff")) < 7  # lighter than text
    assert palette.with_readable_placeholders(stronger) is None  # once is enough


def test_a_new_system_palette_has_its_placeholders_strengthened_too(qapp, switched):
    from iro_desktop.gui import accessibility

    accessibility.install(qapp)  # as the app does at start: it watches the palette
    in_use = switched(_qt_default_placeholders())  # the system's theme changed
    QApplication.processEvents()
    in_use = qapp.palette()
    assert contrast_ratio(in_use.color(Role.PlaceholderText), in_use.color(Role.Base)) >= WCAG_AA


def test_problem_lines_made_before_switching_take_the_new_alert_colour(qtbot, qapp, switched):
    from iro_desktop.gui.forms.editors import error_label
    from iro_desktop.gui.models.records_model import alert_colour

    label = error_label("Problem with the date")
    qtbot.addWidget(label)
    before = alert_colour().name()
    assert before in label.styleSheet()
    palette.set_high_contrast(qapp, True)
    after = alert_colour().name()
    assert after != before and after in label.styleSheet()
    label.setText("⚠ The date is in the future.")
    label.show()
    qtbot.waitExposed(label)
    ratio = contrast_ratio(QColor(after), qapp.palette().color(Role.Window))
    assert ratio >= WCAG_AA


def test_the_environment_variable_asks_for_high_contrast():
    assert palette.high_contrast_wanted({"IRO_DESKTOP_HIGH_CONTRAST": "1"})
    assert palette.high_contrast_wanted({"IRO_DESKTOP_HIGH_CONTRAST": "yes"})
    assert not palette.high_contrast_wanted({"IRO_DESKTOP_HIGH_CONTRAST": "0"})
    assert not palette.high_contrast_wanted({})


# -- nothing fixed that would break the system's palette or font --------------------------------
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*\"|Qt\.GlobalColor\.")
_FONT_SIZE = re.compile(r"font-size|setPointSize\(\s*\d|setPixelSize\(|QFont\(\s*\"[^\"]*\",\s*\d")
# The only fixed colours: the palette module's high-contrast scheme, and the alert red's
# light and dark forms (chosen by the palette's background).
_ALLOWED_COLOURS = {"palette.py", "records_model.py"}


def test_no_fixed_colours_or_font_sizes_in_the_gui():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("  #")[0]
            if _FONT_SIZE.search(code):
                found.append(f"{path.name}:{number}: {line.strip()}")
            if _COLOUR.search(code) and path.name not in _ALLOWED_COLOURS:
                if "ERROR_STYLE" in code or "OVERDUE_COLOUR" in code:
                    continue  # replaced by the palette's alert colour where used
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []


def test_text_follows_the_systems_font_size(qtbot, qapp):
    from iro_desktop.gui.views.child import ChildView

    saved = qapp.font()
    large = QFont(saved)
    large.setPointSizeF(18)
    qapp.setFont(large)
    try:
        view = ChildView()
        qtbot.addWidget(view)
        plain = view.findChildren(QLabel)[0]
        assert plain.font().pointSizeF() >= 18
        assert view.name_label.font().pointSizeF() >= 18 * 1.4  # the name, larger still
    finally:
        qapp.setFont(saved)
