"""How the views show dates, ages, yes/no answers and 903 codes: one place, plain words.

Qt-free so that any view (or a test) can use it. Dates read like "Mon 23 Nov 2026" whatever
the machine's locale, because an IRO reads them aloud in reviews and letters in English.

Some 903 code lists the domain does not yet translate (reasons an episode ended, placement
providers, ethnicity, category of need) are given words here for display only; they belong in
``domain/codes.py`` when a core engineer next touches it.
"""

from __future__ import annotations

from datetime import date

from iro_desktop.domain import code_lists, display
from iro_desktop.domain.codes import REASONS_NEW_EPISODE, legal_status_meaning, placement_meaning
from iro_desktop.i18n import _

MISSING = "—"
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
# Sort value for a missing date: after every real date when sorting ascending.
NO_DATE_LAST = date.max.toordinal() + 1
NO_DATE_FIRST = 0

LANGUAGES = {"en": "English", "cy": "Welsh (Cymraeg)"}
SEXES = code_lists.SEX_MEANINGS  # M, F, U: the one vocabulary the app stores

ETHNICITIES = {
    "WBRI": "White British",
    "WIRI": "White Irish",
    "WOTH": "Any other White background",
    "WIRT": "Traveller of Irish heritage",
    "WROM": "Gypsy or Roma",
    "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African",
    "MWAS": "White and Asian",
    "MOTH": "Any other mixed background",
    "AIND": "Indian",
    "APKN": "Pakistani",
    "ABAN": "Bangladeshi",
    "AOTH": "Any other Asian background",
    "BCRB": "Caribbean",
    "BAFR": "African",
    "BOTH": "Any other Black background",
    "CHNE": "Chinese",
    "OOTH": "Any other ethnic group",
    "REFU": "Refused",
    "NOBT": "Information not yet obtained",
}

CATEGORIES_OF_NEED = {
    "N1": "Abuse or neglect",
    "N2": "Child's disability",
    "N3": "Parental illness or disability",
    "N4": "Family in acute stress",
    "N5": "Family dysfunction",
    "N6": "Socially unacceptable behaviour",
    "N7": "Low income",
    "N8": "Absent parenting",
}

PLACEMENT_PROVIDERS = {
    "PR0": "Parent(s) or other person with parental responsibility",
    "PR1": "The council's own provision",
    "PR2": "Another local authority's provision",
    "PR3": "Other public provision",
    "PR4": "Private provision",
    "PR5": "Voluntary or third sector provision",
}

REASONS_EPISODE_ENDED = {
    "X1": "Episode ended and a new one began the same day",
    "E11": "Adopted: application unopposed",
    "E12": "Adopted: consent dispensed with by the court",
    "E13": "Left care to live with parent(s), relative(s) or others without parental "
    "responsibility",
    "E14": "Accommodation on remand ended",
    "E15": "Age assessment found the young person to be 18 or over",
    "E16": "Moved abroad",
    "E17": "Aged 18 or over and stayed with current carers (staying put)",
    "E2": "Died",
    "E3": "Care taken over by another local authority",
    "E41": "Child arrangements (residence) order granted",
    "E45": "Special guardianship order to former foster carers who are relatives or friends",
    "E46": "Special guardianship order to former foster carers, not relatives or friends",
    "E47": "Special guardianship order to other carers who are relatives or friends",
    "E48": "Special guardianship order to other carers, not relatives or friends",
    "E4A": "Returned home as part of the care plan",
    "E4B": "Returned home, not as part of the care plan",
    "E5": "Moved to independent living with formal support",
    "E6": "Moved to independent living without formal support",
    "E7": "Moved to residential care funded by adult social care",
    "E8": "Stopped being looked after for another reason",
    "E9": "Sentenced to custody",
}

REASONS_PLACEMENT_CHANGED = {
    "CARPL": "Care plan change or implementation",
    "CLOSE": "Provider resigned or closed",
    "ALLEG": "Allegation (section 47)",
    "STAND": "Concern about the standard of care",
    "APPRR": "Approval removed",
    "CREQB": "Carer asked for it to end because of the child's behaviour",
    "CREQO": "Carer asked for it to end for another reason",
    "CHILD": "The child asked for it to end",
    "LAREQ": "The local authority asked for it to end",
    "PLACE": "Change in the placement's status only",
    "CUSTOD": "Custody arrangement",
    "OTHER": "Other reason",
}


def format_date(day: date | None, missing: str = MISSING) -> str:
    """ "Mon 23 Nov 2026" (the app's one display format); ``missing`` when there is none."""
    return display.format_date(day, display.DISPLAY, display.ENGLISH, missing)


def format_dates(days: tuple[date, ...] | list[date]) -> str:
    """Several dates (a review held in parts): "Mon 2 Nov 2026 and Tue 10 Nov 2026"."""
    return display.format_dates(days, display.DISPLAY, display.ENGLISH, MISSING)


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
    return _("1 year") if age == 1 else _("%(age)s years") % {"age": age}


def yes_no(value: bool | None, *, unknown: str = "Not known") -> str:
    if value is None:
        return unknown
    return _("Yes") if value else _("No")


def out_of_area_text(value: bool | None) -> str:
    """In words, never colour alone: "Out of area", "In area" or a dash when not known."""
    if value is None:
        return MISSING
    return _("Out of area") if value else _("In area")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def text_or_missing(text: str | None) -> str:
    text = (text or "").strip()
    return text or MISSING


def language_text(code: str) -> str:
    return LANGUAGES.get(code, code) if code else MISSING


def sex_text(code: str) -> str:
    return SEXES.get(code, code) if code else MISSING


def code_with_meaning(code: str, meaning: str) -> str:
    """ "C2 Full care order"; just the code when its meaning is the code itself."""
    if not code:
        return MISSING
    if not meaning or meaning == code:
        return code
    return f"{code} {meaning}"


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
        return "today"
    ahead = days < 0
    days = abs(days)
    amount = plural(days, "day") if days < 14 else plural(days // 7, "week")
    return (
        _("in %(amount)s") % {"amount": amount}
        if ahead
        else _("%(amount)s ago") % {"amount": amount}
    )
