"""Every setting the app reads, once: its group, its label, its editor and a word of help.

The settings dialog shows every group; the first-run set-up asks for a few of the same fields
(``SETUP_KEYS``), so whatever it asked can be changed later in Settings. A timescale is named
``timescales.<field>``. ``tests/gui/test_settings_dialog.py`` checks that every field of
``Settings`` and ``Timescales`` is here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from iro_desktop.domain.settings import Settings
from iro_desktop.gui.widgets.settings_editors import (
    IMAGE_FILTER,
    DateListEditor,
    Editor,
    LinesEditor,
    NumberEditor,
    OptionalNumberEditor,
    PathEditor,
    PostcodesEditor,
    RegionEditor,
    TextEditor,
    YesNoEditor,
)
from iro_desktop.i18n import N_, _

TIMESCALE_PREFIX = "timescales."
YOU, COUNCIL, LETTERS, TIMESCALES, BANK_HOLIDAYS, SAFETY = (
    N_("You"),
    N_("Your council"),
    N_("Letters"),
    N_("Timescales"),
    N_("Bank holidays"),
    N_("Safety"),
)
GROUPS = (YOU, COUNCIL, LETTERS, TIMESCALES, BANK_HOLIDAYS, SAFETY)


@dataclass(frozen=True)
class SettingField:
    key: str  # a Settings field, or "timescales.<Timescales field>"
    group: str  # marked with N_, like the label and help: translated where shown
    label: str  # with its mnemonic
    make: Callable[[str], Editor]  # given the label without "&" (the editor's accessible name)
    help: str = ""


def _text(placeholder: str = "") -> Callable[[str], Editor]:
    return lambda label: TextEditor(label, _(placeholder) if placeholder else "")


def _number(low: int, high: int, suffix: str) -> Callable[[str], Editor]:
    return lambda label: NumberEditor(label, low, high, _(suffix))


def _timescale(name: str, label: str, suffix: str, low: int, high: int) -> SettingField:
    return SettingField(TIMESCALE_PREFIX + name, TIMESCALES, label, _number(low, high, suffix))


FIELDS: tuple[SettingField, ...] = (
    # -- you ------------------------------------------------------------------------------------
    SettingField("iro_name", YOU, N_("Your n&ame:"), _text(N_("as children and families know you")),
                 N_("Shown on letters, decisions records and briefing packs.")),
    SettingField("iro_phone", YOU, N_("P&hone:"), _text(N_("a work number a child can ring")),
                 N_("On every letter, under “How to reach me”.")),
    SettingField("iro_email", YOU, N_("&Email:"), _text(N_("name@council.gov.uk"))),
    SettingField("iro_photo_path", YOU, N_("&Photo for letters:"),
                 lambda label: PathEditor(label, _(IMAGE_FILTER)),
                 N_("Optional. A photo helps a young child know who wrote to them.")),
    # -- your council ---------------------------------------------------------------------------
    SettingField("region", COUNCIL, N_("&Region:"), RegionEditor,
                 N_("England or Wales: the regulations, bank holidays and wording follow it.")),
    SettingField("council_name", COUNCIL, N_("Council &name:"),
                 _text(N_("for example: Anytown Council"))),
    SettingField("council_address", COUNCIL, N_("Council a&ddress:"),
                 lambda label: LinesEditor(label, _("one line each: street, town, postcode"))),
    SettingField("council_logo_path", COUNCIL, N_("Council &logo:"),
                 lambda label: PathEditor(label, _(IMAGE_FILTER)),
                 N_("A picture at the top of letters and decisions records.")),
    SettingField("council_postcodes", COUNCIL, N_("Council &postcodes:"),
                 lambda label: PostcodesEditor(label, _("for example: W, NW8, SW1")),
                 N_("Postcode areas or districts of your council, separated by commas. A "
                 "placement elsewhere counts as out of area.")),
    # -- letters --------------------------------------------------------------------------------
    SettingField("advocacy_service", LETTERS, N_("&Advocacy service:"),
                 _text(N_("the name children will know, e.g. Anytown Advocacy")),
                 N_("Letters tell the child who can give them an advocate.")),
    SettingField("advocacy_contact", LETTERS, N_("Advocacy &contact:"),
                 _text(N_("phone, text or email for the advocacy service"))),
    SettingField("complaints_contact", LETTERS, N_("Co&mplaints contact:"),
                 _text(N_("how a child complains, e.g. call 0800 000 0000"))),
    SettingField("independent_visitor_service", LETTERS, N_("Independent &visitor service:"),
                 _text(N_("who arranges independent visitors"))),
    SettingField("read_aloud_under_age", LETTERS, N_("&Read-aloud letter under age:"),
                 lambda label: NumberEditor(label, 0, 18, _(" years")),
                 N_("The letter written for a carer to read to the child is chosen for "
                 "children younger than this.")),
    SettingField("letter_template_folder", LETTERS, N_("Council's letter &templates:"),
                 lambda label: PathEditor(label, folder=True),
                 N_("A folder of your council's own Word templates; a template there with the "
                 "same name replaces the one IRO Desktop ships.")),
    # -- timescales -----------------------------------------------------------------------------
    SettingField("judge_review_by_final_part", TIMESCALES, N_("Reviews held in parts:"),
                 lambda _label: YesNoEditor(_("Time a review held in parts from its final part"))),
    SettingField("local_under5_interval_months", TIMESCALES, N_("Review &under-5s every:"),
                 lambda label: OptionalNumberEditor(label, 6, _(" months"),
                                                    _("Off (the statutory timing)")),
                 N_("Local practice: review young children more often than the law asks.")),
    SettingField("formal_challenge_stages", TIMESCALES, N_("&Formal challenge stages:"),
                 _number(1, 6, N_(" stages"))),
    _timescale("consultation_working_days_before", N_("Consultation papers &out:"),
               N_(" working days before the review"), 0, 60),
    _timescale("pre_review_meeting_days_before", N_("Pre-review &meeting:"),
               N_(" days before the review"), 0, 90),
    _timescale("decisions_working_days_after", N_("&Decisions circulated:"),
               N_(" working days after"), 1, 60),
    _timescale("letter_working_days_after", N_("&Letter to the child:"),
               N_(" working days after"), 1, 90),
    _timescale("informal_challenge_working_days", N_("&Informal challenge reply:"),
               N_(" working days"), 1, 60),
    _timescale("formal_stage_working_days", N_("Each formal &stage's reply:"),
               N_(" working days"), 1, 60),
    _timescale("formal_process_working_days", N_("&Whole formal process:"),
               N_(" working days"), 1, 120),
    _timescale("contact_every_weeks", N_("&Contact with the child:"),
               N_(" weeks at most between"), 1, 52),
    # -- bank holidays --------------------------------------------------------------------------
    SettingField("extra_bank_holidays", BANK_HOLIDAYS, N_("E&xtra bank holidays:"), DateListEditor,
                 N_("One-off bank holidays proclaimed after this version was made (a royal "
                 "occasion, say). Working days skip them.")),
    # -- safety ---------------------------------------------------------------------------------
    SettingField("auto_lock_minutes", SAFETY, N_("&Lock after idle:"),
                 _number(1, 120, N_(" minutes"))),
    SettingField("backups_daily_kept", SAFETY, N_("&Daily backups kept:"),
                 _number(1, 90, N_(" days")),
                 N_("The newest backup of each of this many days is kept.")),
    SettingField("backups_weekly_kept", SAFETY, N_("&Weekly backups kept:"),
                 _number(0, 104, N_(" weeks")),
                 N_("… and the newest of each of this many weeks.")),
    SettingField("retention_months_after_archive", SAFETY, N_("&Retention after archiving:"),
                 _number(1, 1200, N_(" months")),
                 N_("Your council's retention rule: archived children are offered for purging "
                 "this long after they were archived.")),
)  # fmt: skip

BY_KEY = {f.key: f for f in FIELDS}

# What the first-run set-up asks (the rest keep their defaults until changed in Settings).
SETUP_PAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (N_("Your council"), N_("Where you work: the rules and bank holidays follow your region."),
     ("region", "council_name", "council_address", "council_logo_path")),
    (N_("You"), N_("How children and families reach you: shown on every letter."),
     ("iro_name", "iro_phone", "iro_email", "iro_photo_path")),
    (N_("Help for children"), N_("The services your letters name, so a child knows whom to ask."),
     ("advocacy_service", "advocacy_contact", "complaints_contact",
      "independent_visitor_service")),
)  # fmt: skip
SETUP_KEYS = tuple(key for _title, _intro, keys in SETUP_PAGES for key in keys)


def plain(label: str) -> str:
    """A label without its mnemonic and colon: the editor's accessible name."""
    return label.replace("&", "").rstrip(":")


def make_editors(keys: tuple[str, ...]) -> dict[str, Editor]:
    return {key: BY_KEY[key].make(plain(_(BY_KEY[key].label))) for key in keys}


def value_of(settings: Settings, key: str) -> Any:
    if key.startswith(TIMESCALE_PREFIX):
        return getattr(settings.timescales, key.removeprefix(TIMESCALE_PREFIX))
    return getattr(settings, key)


def show_values(editors: dict[str, Editor], settings: Settings) -> None:
    for key, editor in editors.items():
        editor.set_value(value_of(settings, key))


def edited(editors: dict[str, Editor], base: Settings) -> Settings:
    """``base`` with the values of ``editors`` (fields without an editor keep ``base``'s)."""
    timescales = {
        key.removeprefix(TIMESCALE_PREFIX): editor.value()
        for key, editor in editors.items()
        if key.startswith(TIMESCALE_PREFIX)
    }
    values = {
        key: editor.value()
        for key, editor in editors.items()
        if not key.startswith(TIMESCALE_PREFIX)
    }
    return replace(base, **values, timescales=replace(base.timescales, **timescales))
