"""The app's catalogue (the ``app`` domain) is in step with the sources, the Welsh catalogue
has Welsh plurals, and the Designer forms' words are extracted as the loader translates them."""

from __future__ import annotations

import gettext
import importlib.util
import io
import sys
from pathlib import Path

import pytest

from iro_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "resources" / "translations"
REGENERATE = "run `.venv/bin/python resources/translations/catalogues.py` and commit the result"


def _load(name: str):
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogues = _load("catalogues")
extractors = _load("extractors")


def _key(message_id) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


@pytest.fixture(scope="module")
def extracted():
    return {_key(m.id) for m in catalogues.extract_app() if m.id}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_message_of_the_sources_is_in_the_catalogue(extracted, lang):
    in_po = {_key(m.id) for m in catalogues.read_catalog(catalogues.app_po(lang)) if m.id}
    missing = sorted(extracted - in_po)
    assert not missing, (
        f"{len(missing)} message(s) of the app are not in {lang}/LC_MESSAGES/app.po "
        f"(first: {missing[:5]}): {REGENERATE}"
    )
    gone = sorted(in_po - extracted)
    assert not gone, f"{len(gone)} message(s) no longer in the sources: {REGENERATE}"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_compiled_catalogue_matches_its_po(lang):
    po = catalogues.read_catalog(catalogues.app_po(lang))
    with catalogues.app_po(lang).with_suffix(".mo").open("rb") as handle:
        mo = gettext.GNUTranslations(handle)
    for message in po:
        if not message.id or not catalogues._translated(message.string):
            continue
        if isinstance(message.id, str):
            assert mo.gettext(message.id) == message.string, REGENERATE
        else:
            one = 0 if lang == "en" else 1  # Welsh's forms: zero, one, two, few, many, other
            assert mo.ngettext(*message.id, 1) == message.string[one], REGENERATE


def test_the_english_catalogue_is_the_source():
    for message in catalogues.read_catalog(catalogues.app_po("en")):
        if message.id:
            assert message.string == message.id


def test_welsh_has_six_plural_forms_from_babel():
    welsh = catalogues.read_catalog(catalogues.app_po("cy"))
    assert welsh.num_plurals == 6
    with i18n.in_language("cy"):
        # zero, one, two, few, many, other: "bank holiday" is singular for 1 only
        pair = (", skipping bank holiday %(days)s", ", skipping bank holidays %(days)s")
        one, many = i18n.ngettext(*pair, 1), i18n.ngettext(*pair, 3)
    assert "gŵyl" in one and "gwyliau" not in one and "gwyliau" in many


def test_check_marks_are_listed_for_a_welsh_speaker():
    marked, _missing = catalogues.needs_review("cy")
    # Read the file's own "# CHECK:" lines, independently of the tool.
    lines = catalogues.app_po("cy").read_text(encoding="utf-8").splitlines()
    checked = []
    for number, line in enumerate(lines):
        if line.startswith("# CHECK:"):
            following = next(x for x in lines[number:] if x.startswith("msgid "))
            checked.append(following[len('msgid "') : -1])
    assert checked, "the Welsh catalogue marks no string for a Welsh speaker to confirm"
    assert {c for c in checked if c} <= {m.split("\n")[0] for m in marked} | set(marked)


def test_the_letters_keep_their_own_domain(extracted):
    letters = {_key(m.id) for m in catalogues.read_catalog(TOOLS / "cy/LC_MESSAGES/messages.po")}
    only_letters = letters - extracted
    assert only_letters, "the letters' messages must not be pulled into the app's catalogue"


UI = b"""<?xml version="1.0" encoding="UTF-8"?>
<ui version="4.0"><class>F</class>
 <widget class="QWidget" name="F">
  <property name="windowTitle"><string>A form</string></property>
  <widget class="QLabel" name="l">
   <property name="text"><string comment="a label">&amp;Name:</string></property>
   <property name="toolTip"><string>Their name</string></property>
   <property name="objectName"><string>not_this</string></property>
  </widget>
  <widget class="QLineEdit" name="e">
   <property name="placeholderText"><string notr="true">DD/MM/YYYY</string></property>
   <property name="accessibleName"><string>Name</string></property>
  </widget>
  <widget class="QComboBox" name="c">
   <item><property name="text"><string>Yes</string></property></item>
  </widget>
  <widget class="QTabWidget" name="t">
   <widget class="QWidget" name="p">
    <attribute name="title"><string>Page</string></attribute>
   </widget>
  </widget>
 </widget>
</ui>"""


def test_the_designer_extractor_takes_visible_strings_only():
    found = list(extractors.extract_ui(io.BytesIO(UI), None, None, {}))
    assert [m for _, _, m, _ in found] == ["A form", "&Name:", "Their name", "Name", "Yes", "Page"]
    assert found[1][3] == ["a label"]


def test_every_form_string_is_in_the_catalogue(extracted):
    for form in sorted((ROOT / "ui").glob("*.ui")):
        with form.open("rb") as handle:
            for _, _, message, _ in extractors.extract_ui(handle, None, None, {}):
                assert message in extracted, f"{form.name}: {message!r}"


@pytest.mark.parametrize(
    ("given", "chosen"),
    [("cy", "cy"), ("CY", "cy"), ("cy_GB.UTF-8", "cy"), ("en-GB", "en"), ("fr", None), ("", None)],
)
def test_language_names_are_read_forgivingly(given, chosen):
    assert i18n.normalised(given) == chosen


def test_choice_order(monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv(i18n.ENVIRONMENT_VARIABLE, raising=False)
    assert i18n.choose_language(None, None) == "en"
    assert i18n.choose_language(None, "cy") == "cy"
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "en")
    assert i18n.choose_language(None, "cy") == "en"
    assert i18n.choose_language("cy", "en") == "cy"
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "klingon")  # passed over
    assert i18n.choose_language(None, None) == "en"
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert i18n.choose_language(None, None) == "cy"


def test_welsh_translations_keep_their_placeholders():
    """babel's own checks: a translation with a missing, extra or mistyped %(name)s would
    raise when the message is shown."""
    welsh = catalogues.read_catalog(catalogues.app_po("cy"))
    problems = [(message.id, [str(e) for e in errors]) for message, errors in welsh.check()]
    assert not problems
