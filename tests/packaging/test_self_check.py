"""`iro-desktop self-check`: the packaging smoke tests' look at the window and every form."""

from __future__ import annotations

import pytest

from iro_desktop.cli.main import build_parser, main
from iro_desktop.gui.forms import FORMS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_self_check_opens_the_window_and_builds_every_form(qapp, capsys):
    assert main(["self-check", "--on", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "Main window opened on the demo" in out
    assert f"Built every form from its Designer file: {len(FORMS)} forms." in out
    assert out.rstrip().endswith("Self-check passed.")


def test_self_check_is_left_out_of_the_help():
    assert "self-check" not in build_parser().format_help()
