"""The episode form offers the current collection year's placement codes (K3 and Z11-Z14 from
2025-26; no H5, P2 or Z1), read from the year's code list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.test_forms import CTRL, MASON, SHIFT, _menu_form, _open_child, window  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_episode_form_offers_the_current_years_placements(qtbot, window, tmp_path):  # noqa: F811
    _open_child(qtbot, window, MASON, "episodes")
    form = _menu_form(qtbot, window, Qt.Key.Key_P, CTRL | SHIFT)
    combo = form.field("place")
    codes = {combo.itemData(i) for i in range(combo.count())}
    assert {"K3", "Z11", "Z12", "Z13", "Z14"} <= codes
    assert not codes & {"H5", "P2", "Z1"}
    combo.setCurrentIndex(combo.findData("Z12"))
    assert combo.currentText().startswith("Z12 Other placement")
    form.grab().save(str(tmp_path / "episode_form.png"))
