"""How the views show dates, ages, yes/no answers and 903 codes: one place, plain words.

Qt-free so that any view (or a test) can use it. Dates read like "Mon 23 Nov 2026" whatever
the machine's locale, in the app's language (babel's Welsh names when it is Welsh).

Some 903 code lists the domain does not yet translate (reasons an episode ended, placement
providers, ethnicity, category of need) are given words here for display only; they belong in
``domain/codes.py`` when a core engineer next touches it.
"""

from __future__ import annotations

from datetime import date, datetime

from iro_desktop.domain import code_lists, display
from iro_desktop.domain.codes import REASONS_NEW_EPISODE, legal_status_meaning, placement_meaning
from iro_desktop.i18n import N_, _, babel_locale, language, ngettext

MISSING = "—"
# Sort value for a missing date: after every real date when sorting ascending.
NO_DATE_LAST = date.max.toordinal() + 1
NO_DATE_FIRST = 0

LANGUAGES = {"en": N_("English"), "cy": N_("Welsh (Cymraeg)")}
SEXES = code_lists.SEX_MEANINGS  # M, F, U: the one vocabulary the app stores

ETHNICITIES = {
    "WBRI": N_("White British"),
    "WIRI": N_("White Irish"),
    "WOTH": N_("Any other White background"),
    "WIRT": N_("Traveller of Irish heritage"),
    "WROM": N_("Gypsy or Roma"),
    "MWBC": N_("White and Black Caribbean"),
    "MWBA": N_("White and Black African"),
    "MWAS": N_("White and Asian"),
    "MOTH": N_("Any other mixed background"),
    "AIND": N_("Indian"),
    "APKN": N_("Pakistani"),
    "ABAN": N_("Bangladeshi"),
    "AOTH": N_("Any other Asian background"),
    "BCRB": N_("Caribbean"),
    "BAFR": N_("African"),
    "BOTH": N_("Any other Black background"),
    "CHNE": N_("Chinese"),
    "OOTH": N_("Any other ethnic group"),
    "REFU": N_("Refused"),
    "NOBT": N_("Information not yet obtained"),
}

CATEGORIES_OF_NEED = {
    "N1": N_("Abuse or neglect"),
    "N2": N_("Child's disability"),
    "N3": N_("Parental illness or disability"),
    "N4": N_("Family in acute stress"),
    "N5": N_("Family dysfunction"),
    "N6": N_("Socially unacceptable behaviour"),
    "N7": N_("Low income"),
    "N8": N_("Absent parenting"),
}

PLACEMENT_PROVIDERS = {
    "PR0": N_("Parent(s) or other person with parental responsibility"),
    "PR1": N_("The council's own provision"),
    "PR2": N_("Another local authority's provision"),
    "PR3": N_("Other public provision"),
    "PR4": N_("Private provision"),
    "PR5": N_("Voluntary or third sector provision"),
}

REASONS_EPISODE_ENDED = {
    "X1": N_("Episode ended and a new one began the same day"),
    "E11": N_("Adopted: application unopposed"),
    "E12": N_("Adopted: consent dispensed with by the court"),
    "E13": N_(
        "Left care to live with parent(s), relative(s) or others without parental responsibility"
    ),
    "E14": N_("Accommodation on remand ended"),
    "E15": N_("Age assessment found the young person to be 18 or over"),
    "E16": N_("Moved abroad"),
    "E17": N_("Aged 18 or over and stayed with current carers (staying put)"),
    "E2": N_("Died"),
    "E3": N_("Care taken over by another local authority"),
    "E41": N_("Child arrangements (residence) order granted"),
    "E45": N_("Special guardianship order to former foster carers who are relatives or friends"),
    "E46": N_("Special guardianship order to former foster carers, not relatives or friends"),
    "E47": N_("Special guardianship order to other carers who are relatives or friends"),
    "E48": N_("Special guardianship order to other carers, not relatives or friends"),
    "E4A": N_("Returned home as part of the care plan"),
    "E4B": N_("Returned home, not as part of the care plan"),
    "E5": N_("Moved to independent living with formal support"),
    "E6": N_("Moved to independent living without formal support"),
    "E7": N_("Moved to residential care funded by adult social care"),
    "E8": N_("Stopped being looked after for another reason"),
    "E9": N_("Sentenced to custody"),
}

REASONS_PLACEMENT_CHANGED = {
    "CARPL": N_("Care plan change or implementation"),
    "CLOSE": N_("Provider resigned or closed"),
    "ALLEG": N_("Allegation (section 47)"),
    "STAND": N_("Concern about the standard of care"),
    "APPRR": N_("Approval removed"),
    "CREQB": N_("Carer asked for it to end because of the child's behaviour"),
    "CREQO": N_("Carer asked for it to end for another reason"),
    "CHILD": N_("The child asked for it to end"),
    "LAREQ": N_("The local authority asked for it to end"),
    "PLACE": N_("Change in the placement's status only"),
    "CUSTOD": N_("Custody arrangement"),
    "OTHER": N_("Other reason"),
}


def _date_locale() -> str:
    """English dates as before; babel's Welsh day and month names in Welsh."""
    return display.ENGLISH if language() != "cy" else babel_locale()


def format_date(day: date | None, missing: str = MISSING) -> str:
    """ "Mon 23 Nov 2026" (the app's one display format); ``missing`` when there is none."""
    return display.format_date(day, display.DISPLAY, _date_locale(), missing)


def format_dates(days: tuple[date, ...] | list[date]) -> str:
    """Several dates (a review held in parts): "Mon 2 Nov 2026 and Tue 10 Nov 2026"."""
    return display.format_dates(days, display.DISPLAY, _date_locale(), MISSING)


def format_day_and_month(day: date) -> str:
    """ "Mon 23 Nov", "Llun 23 Tach": a date close enough to need no year."""
    return display.format_date(day, "EEE d MMM", _date_locale())


def format_day_and_time(when: datetime) -> str:
    """ "Mon 23 Nov 14:05": when a draft was kept, in the app's language."""
    return f"{format_day_and_month(when.date())} {when.hour:02d}:{when.minute:02d}"


def date_sort_value(day: date | None, *, missing_last: bool = True) -> int:
    """A number that sorts dates by value; a missing date sorts last (or first)."""
    if day is None:
        return NO_DATE_LAST if missing_last else NO_DATE_FIRST
    return day.toordinal()


def format_age(age: int | None) -> str:
    if age is None:
        return MISSING
    if age < 1:
        return _("Under 1")
    return ngettext("%(count)d year", "%(count)d years", age) % {"count": age}


def yes_no(value: bool | None, *, unknown: str | None = None) -> str:
    if value is None:
        return _("Not known") if unknown is None else unknown
    return _("Yes") if value else _("No")


def out_of_area_text(value: bool | None) -> str:
    """In words, never colour alone: "Out of area", "In area" or a dash when not known."""
    if value is None:
        return MISSING
    return _("Out of area") if value else _("In area")


def text_or_missing(text: str | None) -> str:
    text = (text or "").strip()
    return text or MISSING


def language_text(code: str) -> str:
    return _(LANGUAGES[code]) if code in LANGUAGES else (code or MISSING)


def sex_text(code: str) -> str:
    return _(SEXES[code]) if code in SEXES else (code or MISSING)


def code_with_meaning(code: str, meaning: str) -> str:
    """ "C2 Full care order"; just the code when its meaning is the code itself."""
    if not code:
        return MISSING
    if not meaning or meaning == code:
        return code
    return f"{code} {_(meaning)}"  # the meaning marked with N_ (here or in the domain)


def ethnicity_text(code: str) -> str:
    return code_with_meaning(code, ETHNICITIES.get(code, ""))


def legal_status_text(code: str) -> str:
    return code_with_meaning(code, legal_status_meaning(code))


def placement_text(code: str) -> str:
    return code_with_meaning(code, placement_meaning(code))


def reason_new_episode_text(code: str) -> str:
    return code_with_meaning(code, REASONS_NEW_EPISODE.get(code, ""))


def reason_episode_ended_text(code: str) -> str:
    return code_with_meaning(code, REASONS_EPISODE_ENDED.get(code, ""))


def reason_placement_changed_text(code: str) -> str:
    return code_with_meaning(code, REASONS_PLACEMENT_CHANGED.get(code, ""))


def provider_text(code: str) -> str:
    return code_with_meaning(code, PLACEMENT_PROVIDERS.get(code, ""))


def category_of_need_text(code: str) -> str:
    return code_with_meaning(code, CATEGORIES_OF_NEED.get(code, ""))


def challenge_stage_name(stage: int) -> str:
    return _("Informal") if stage == 0 else _("Formal stage %(stage)s") % {"stage": stage}


def weeks_ago_text(day: date | None, today: date) -> str:
    """ "today", "3 days ago", "5 weeks ago" (or "in 2 weeks" for a future date)."""
    if day is None:
        return MISSING
    days = (today - day).days
    if days == 0:
        return _("today")
    ahead = days < 0
    days = abs(days)
    if days < 14:
        if ahead:
            return ngettext("in %(count)d day", "in %(count)d days", days) % {"count": days}
        return ngettext("%(count)d day ago", "%(count)d days ago", days) % {"count": days}
    weeks = days // 7
    if ahead:
        return ngettext("in %(count)d week", "in %(count)d weeks", weeks) % {"count": weeks}
    return ngettext("%(count)d week ago", "%(count)d weeks ago", weeks) % {"count": weeks}
