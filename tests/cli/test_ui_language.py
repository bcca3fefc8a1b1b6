"""The command line in the IRO's language: ``--ui-lang cy|en`` before or after the command,
``IRO_DESKTOP_LANG``, the choice saved in Settings; ``--json`` the same in every language."""

import json
from pathlib import Path

import pytest

from iro_desktop import i18n
from iro_desktop.cli import main
from iro_desktop.services.settings import save_ui_language

ON = "2026-11-23"  # a Monday


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-lang") / "demo.iro.db"
    assert main(["demo", "--db", str(path), "--on", ON]) == 0
    return path


@pytest.fixture(autouse=True)
def _english_after(monkeypatch):
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    yield
    i18n.set_language("en")


def _due(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _assert_welsh_due_table(out: str) -> None:
    assert "Beth sy'n ddyledus ar Llun 23 Tach 2026" in out  # Welsh day and month names
    assert "Yn ddyledus" in out and "Cynnal erbyn" in out and "Plentyn" in out and "Tasg" in out
    assert "I chi eu gwneud: Yn hwyr" in out
    assert "Cynnal yr adolygiad" in out  # a task's name
    assert "mis ar ôl yr adolygiad ar" in out  # a statutory explanation
    for english in ("What is due", "Hold the review", "Overdue", " Nov ", "Mon "):
        assert english not in out


def test_ui_lang_before_the_command(demo_db, capsys):
    out = _due(capsys, "--ui-lang", "cy", "due", "--db", str(demo_db), "--on", ON)
    _assert_welsh_due_table(out)


def test_ui_lang_after_the_command(demo_db, capsys):
    out = _due(capsys, "due", "--db", str(demo_db), "--on", ON, "--ui-lang=cy")
    _assert_welsh_due_table(out)


def test_the_environment_variable_and_the_saved_choice(demo_db, capsys, monkeypatch):
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "cy")
    _assert_welsh_due_table(_due(capsys, "due", "--db", str(demo_db), "--on", ON))
    # --ui-lang wins over the variable
    out = _due(capsys, "due", "--db", str(demo_db), "--on", ON, "--ui-lang", "en")
    assert "What is due on Mon 23 Nov 2026" in out
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE)
    save_ui_language("cy")  # the choice made in Settings
    _assert_welsh_due_table(_due(capsys, "due", "--db", str(demo_db), "--on", ON))
    save_ui_language(None)
    assert "What is due" in _due(capsys, "due", "--db", str(demo_db), "--on", ON)


def test_the_system_locale_is_the_default(demo_db, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    _assert_welsh_due_table(_due(capsys, "due", "--db", str(demo_db), "--on", ON))
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # a language the app does not have: English
    assert "What is due" in _due(capsys, "due", "--db", str(demo_db), "--on", ON)


@pytest.mark.parametrize("command", ["due", "schedule"])
def test_json_is_the_same_in_every_language(demo_db, capsys, command):
    base = [command, "--db", str(demo_db), "--on", ON, "--json"]
    english = json.loads(_due(capsys, *base))
    welsh = json.loads(_due(capsys, "--ui-lang", "cy", *base))
    assert welsh == english
    assert english  # something to compare


def test_schedule_in_welsh(demo_db, capsys):
    out = _due(capsys, "schedule", "--db", str(demo_db), "--on", ON, "--ui-lang", "cy")
    assert "adolygiad nesaf yn ddyledus" in out and "pam: " in out
    assert "next review due" not in out


def test_help_in_welsh(capsys):
    with pytest.raises(SystemExit):
        main(["--ui-lang", "cy", "due", "--help"])
    out = capsys.readouterr().out
    assert "dangos tasgau sy'n ddyledus" in out  # the app's help text
    assert out.startswith("defnydd: ") and "opsiynau:" in out  # argparse's own words


def test_argparse_errors_in_welsh(capsys):
    with pytest.raises(SystemExit):
        main(["due", "--within", "--ui-lang", "cy"])
    assert "gwall: dadl --within: disgwylid un ddadl" in capsys.readouterr().err


def test_an_unknown_language_is_refused_plainly(capsys):
    assert main(["due", "--demo", "--ui-lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "--ui-lang takes cy (Cymraeg) or en (English), not 'fr'" in err
    assert "Traceback" not in err
