"""The letters' own wording, from gettext catalogues (managed with babel), and dates by locale
(written by ``domain.display``).

English is the source language (``msgid``); ``en`` and ``cy`` each have a catalogue in
``resources/translations``. A missing catalogue falls back to the English source text, so a
letter is never left with a gap.
"""

from __future__ import annotations

import gettext
from datetime import date
from functools import lru_cache

from babel.support import Translations

from iro_desktop.domain import display
from iro_desktop.letters.resources import translations_folder

LANGUAGES = ("en", "cy")
LOCALES = {"en": "en_GB", "cy": "cy"}
DOMAIN = "messages"


@lru_cache(maxsize=8)
def translations(lang: str) -> gettext.NullTranslations:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown letter language {lang!r}")
    found = Translations.load(str(translations_folder()), [lang], DOMAIN)
    return found


class Words:
    """One language's wording: ``words("text")``, plural ``words.n(one, other, n)``, dates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = LOCALES[lang]
        self._t = translations(lang)

    def __call__(self, message: str, **values: object) -> str:
        text = self._t.gettext(message)
        return text % values if values else text

    def n(self, singular: str, plural: str, count: int, **values: object) -> str:
        text = self._t.ngettext(singular, plural, count)
        return text % {"count": count, **values}

    def date(self, day: date) -> str:
        """The full date: "Tuesday, 21 January 2026", "Dydd Mawrth, 21 Ionawr 2026"."""
        return display.format_date(day, "full", self.locale)

    def inline_date(self, day: date) -> str:
        """A date inside a sentence. Welsh leaves out the weekday, which would need a soft
        mutation after "ar" ("ar ddydd Mawrth"): "21 Ionawr 2026"."""
        if self.lang == "cy":
            return self.short_date(day)
        return self.date(day)

    def short_date(self, day: date) -> str:
        """A date for tables: "21 January 2026", "21 Ionawr 2026"."""
        return display.format_date(day, display.DAY_FULL_MONTH_YEAR, self.locale)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet."""
    return message
