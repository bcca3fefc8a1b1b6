"""The council's settings that the rules read: region, local timescales, council area.

Defaults are those of IRO-BRIEF.md §5. Every one is a council setting, stored in the IRO's
file and edited in the settings dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from iro_desktop.domain.model import Region


@dataclass(frozen=True)
class Timescales:
    consultation_working_days_before: int = 20
    pre_review_meeting_days_before: int = 15
    decisions_working_days_after: int = 5
    letter_working_days_after: int = 20
    informal_challenge_working_days: int = 10
    formal_stage_working_days: int = 5
    formal_process_working_days: int = 20
    contact_every_weeks: int = 12


@dataclass(frozen=True)
class Settings:
    region: Region = Region.ENGLAND
    # Postcode areas or districts of the council's own area ("W", "NW8"): placements
    # elsewhere are out of area. Empty: judged from the 903 placement provider code.
    council_postcodes: tuple[str, ...] = ()
    council_name: str = ""
    judge_review_by_final_part: bool = False
    # Local practice: review under-5s more often than the statute asks (None = off).
    local_under5_interval_months: int | None = None
    # Proclaimed one-off bank holidays not yet in the holidays package.
    extra_bank_holidays: tuple[date, ...] = ()
    formal_challenge_stages: int = 3
    timescales: Timescales = field(default_factory=Timescales)
    iro_name: str = ""
    iro_phone: str = ""
    iro_email: str = ""
    iro_photo_path: str = ""  # optional photo for the letter's "how to reach me"
    auto_lock_minutes: int = 5
    # Letters: the council's branding and local services, named as children will know them.
    council_address: str = ""
    council_logo_path: str = ""
    letter_template_folder: str = ""  # a council's own templates override the shipped ones
    advocacy_service: str = ""
    advocacy_contact: str = ""
    complaints_contact: str = ""
    independent_visitor_service: str = ""
    read_aloud_under_age: int = 6  # the automatic letter is read-aloud for children younger
    # Data safety: backup rotation and the retention rule for children who left the caseload.
    backups_daily_kept: int = 7
    backups_weekly_kept: int = 4
    retention_months_after_archive: int = 12

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Timescales):
                value = {t.name: getattr(value, t.name) for t in fields(value)}
            elif f.name == "extra_bank_holidays":
                value = [d.isoformat() for d in value]
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Region):
                value = value.value
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build settings from stored values; unknown keys are ignored, missing ones default."""
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if key == "timescales":
                names = {t.name for t in fields(Timescales)}
                value = Timescales(**{k: int(v) for k, v in value.items() if k in names})
            elif key == "region":
                value = Region(value)
            elif key == "extra_bank_holidays":
                value = tuple(date.fromisoformat(v) for v in value)
            elif key == "council_postcodes":
                value = tuple(str(v).strip().upper() for v in value if str(v).strip())
            kwargs[key] = value
        return replace(cls(), **kwargs)
