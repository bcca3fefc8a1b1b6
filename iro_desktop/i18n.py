"""The words a person reads in the app itself (windows, forms, dialogs, messages, the command
line's human output, the help guide), in the IRO's chosen language.

One catalogue system for the whole app: gettext catalogues managed with babel, as the letters
already were. The app's catalogue is the ``app`` domain in ``resources/translations``
(``en`` and ``cy``); the letters keep their own ``messages`` domain because a letter's
language is the child's, not the IRO's (``letter --lang``).

Rules for callers:
- ``_("text")`` at the moment the text is shown, never at import time (the language is chosen
  after the modules load); for a constant, mark it with ``N_("text")`` and call ``_(CONST)``
  where it is shown.
- Placeholders by name: ``_("Due on %(day)s") % {"day": ...}`` so a translation can reorder.
- ``ngettext(one, other, n)`` for anything counted (Welsh has six plural forms).

The language is set once, at start, by ``set_language`` (Settings, ``--ui-lang`` or
``IRO_DESKTOP_LANG``, else the system's locale, else English). ``pseudo`` wraps every
translated string in markers so a test can find text that never went through ``_``.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from babel.support import Translations

from iro_desktop.package_files import shipped_folder

DOMAIN = "app"
LANGUAGES = ("en", "cy")
PSEUDO = "pseudo"
ENVIRONMENT_VARIABLE = "IRO_DESKTOP_LANG"
# Babel's locale for each language: dates, numbers and plurals.
LOCALES = {"en": "en_GB", "cy": "cy", PSEUDO: "en_GB"}
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧

# The properties of a Designer form whose text a person reads or hears (a screen reader speaks
# the accessible ones): what the catalogue tool extracts from ``ui/*.ui`` and what the form
# loader translates, from this one list.
FORM_TEXT_PROPERTIES = (
    "text",
    "title",
    "windowTitle",
    "toolTip",
    "statusTip",
    "whatsThis",
    "placeholderText",
    "accessibleName",
    "accessibleDescription",
    "prefix",
    "suffix",
    "specialValueText",
)

_language = "en"
_chosen = False  # set_language called: a later start-up step keeps the choice (see is_chosen)


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang not in LANGUAGES:
        return gettext.NullTranslations()
    folder = shipped_folder("resources") / "translations"
    return Translations.load(str(folder), [lang], DOMAIN)


def set_language(lang: str) -> str:
    """Use ``lang`` (``en``, ``cy`` or ``pseudo``) from now on; returns the language set."""
    global _language, _chosen
    if lang not in (*LANGUAGES, PSEUDO):
        raise ValueError(f"unknown language {lang!r}: use one of en, cy")
    _language = lang
    _chosen = True
    return lang


def is_chosen() -> bool:
    """Whether the language was already set in this process (by ``--ui-lang`` on the command
    line, say), so that the desktop app's own start does not choose again."""
    return _chosen


@contextmanager
def in_language(lang: str) -> Iterator[str]:
    """Use ``lang`` for the ``with`` block, then the language before it: JSON for other tools
    is written in English whatever the IRO reads (``cli.main``), and tests switch freely."""
    global _language, _chosen
    before = (_language, _chosen)
    set_language(lang)
    try:
        yield lang
    finally:
        _language, _chosen = before


def language() -> str:
    """The language in use: ``en``, ``cy`` or ``pseudo``."""
    return _language


def babel_locale() -> str:
    """Babel's locale for the language in use (``en_GB`` or ``cy``)."""
    return LOCALES[_language]


def system_language() -> str:
    """``cy`` when the system's locale is Welsh, else ``en``: gettext's order of variables
    (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), then Python's reading of the
    locale (Windows has no such variables)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "cy" if value.lower().startswith("cy") else "en"
    try:
        found = locale.getlocale(locale.LC_MESSAGES)[0] or ""
    except (AttributeError, ValueError):  # Windows has no LC_MESSAGES
        found = locale.getlocale()[0] or ""
    return "cy" if found.lower().startswith(("cy", "welsh")) else "en"


def normalised(candidate: str | None) -> str | None:
    """``cy``, ``en`` or ``pseudo`` from what a person or a file wrote (``CY``, ``cy_GB.UTF-8``,
    ``en-GB``); None for anything else, so that a bad value falls through to the next choice."""
    if not candidate:
        return None
    text = candidate.strip().lower().replace("-", "_")
    if text == PSEUDO:
        return PSEUDO
    base = text.split(".")[0].split("_")[0]
    return base if base in LANGUAGES else None


def choose_language(asked: str | None, setting: str | None = None) -> str:
    """The language to use: the one asked for (``--ui-lang``), else ``IRO_DESKTOP_LANG``, else
    the IRO's saved choice (Settings), else the system's locale, else English. A value that
    names no language of the app is passed over."""
    for candidate in (asked, os.environ.get(ENVIRONMENT_VARIABLE), setting):
        found = normalised(candidate)
        if found:
            return found
    return system_language()


def _(message: str) -> str:
    """``message`` in the language in use."""
    if not message:  # gettext would answer "" with the catalogue's header
        return message
    if _language == PSEUDO:
        return f"{PSEUDO_OPEN}{message}{PSEUDO_CLOSE}"
    return _catalogue(_language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The right plural form for ``count`` in the language in use."""
    if _language == PSEUDO:
        return f"{PSEUDO_OPEN}{singular if count == 1 else plural}{PSEUDO_CLOSE}"
    return _catalogue(_language).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a constant for the catalogue without translating it yet: ``_(CONST)`` at use."""
    return message


@dataclass(frozen=True)
class Translator:
    """The app's words in one given language, whatever the window's: ``t("text")`` and
    ``t.ngettext(one, other, n)``, with ``locale`` for babel's dates. A document that follows
    its record's language (the decisions record follows its review's) takes one of these
    rather than ``_``.

    ``pending``: translations the catalogue does not hold yet ({msgid: text}; a plural by its
    singular msgid, one text for every count), used only where the catalogue has none."""

    lang: str
    pending: Mapping[str, str] = field(default_factory=dict)

    @property
    def locale(self) -> str:
        return LOCALES.get(self.lang, LOCALES["en"])

    def __call__(self, message: str) -> str:
        if self.lang == PSEUDO:
            return f"{PSEUDO_OPEN}{message}{PSEUDO_CLOSE}"
        found = _catalogue(self.lang).gettext(message)
        return self.pending.get(message, found) if found == message else found

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        if self.lang == PSEUDO:
            return f"{PSEUDO_OPEN}{singular if count == 1 else plural}{PSEUDO_CLOSE}"
        found = _catalogue(self.lang).ngettext(singular, plural, count)
        if found in (singular, plural) and singular in self.pending:
            return self.pending[singular]
        return found


def translator(lang: str, pending: Mapping[str, str] | None = None) -> Translator:
    """The app's words in ``lang`` (``en``, ``cy`` or ``pseudo``), not the window's language.
    An unknown language gives English (the source text)."""
    chosen = lang if lang in (*LANGUAGES, PSEUDO) else "en"
    return Translator(chosen, dict(pending or {}) if chosen == "cy" else {})
