"""The user guide's text (no Qt here): read from ``resources/help``, one Markdown file per
section, translated paragraph by paragraph and with the app's own numbers filled in.

A section file is ``NN-id.md`` (the number orders the guide, ``id`` names the section for the
forms' Help buttons); its first line is ``# Title``. The guide uses a small part of Markdown:
headings, paragraphs, and ``-`` or ``1.`` lists. Each heading's text, each paragraph and each
list item is one message of the ``app`` catalogue (``help_extract`` gives them to babel), so
a translator sees whole sentences and the guide is shown in the IRO's language.

Numbers that come from the app's rules are placeholders (``%(first_review_working_days)s``)
filled from the domain when the guide is shown, so the guide cannot disagree with the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from iro_desktop.domain import review_rules
from iro_desktop.domain.settings import Settings
from iro_desktop.i18n import _
from iro_desktop.package_files import shipped_folder

SECTION_FILE = re.compile(r"^\d+-(?P<id>[a-z0-9_-]+)\.md$")
_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.+?)\s*$")
_ITEM = re.compile(r"^(?P<marker>-|\d+\.)\s+(?P<text>.*)$")

# The guide's section for each recording form (by the form's KIND) and for the main dialogs
# (by class name); a form can also name its own with ``HELP_SECTION``.
FORM_SECTIONS = {
    "child": "start",
    "edit_child": "start",
    "episode": "dates",
    "booking": "review",
    "consultation": "dates",
    "meeting": "dates",
    "contact": "midpoint",
    "review": "review",
    "circulated": "review",
    "midpoint": "midpoint",
    "decision": "midpoint",
    "carry": "midpoint",
    "drop": "midpoint",
    "challenge": "challenges",
    "escalate": "challenges",
    "challenge_response": "challenges",
    "cafcass": "challenges",
    "resolve": "challenges",
}
DIALOG_SECTIONS = {
    "LetterDialog": "letters",
    "DecisionsRecordDialog": "review",
    "BriefingDialog": "daily",
    "Export903Dialog": "figures",
    "RestoreDialog": "backups",
    "ChangePassphraseDialog": "passphrase",
    "UnlockDialog": "passphrase",
    "NewCaseloadDialog": "start",
    "FirstRunDialog": "start",
    "SettingsDialog": "dates",
    "ImportSheetDialog": "start",
}
VIEW_SECTIONS = {
    "DueView": "daily",
    "CaseloadView": "start",
    "ChildView": "review",
    "FiguresView": "figures",
}


@dataclass(frozen=True)
class Unit:
    """One translatable piece: a heading's text, a paragraph or a list item."""

    kind: str  # "heading", "paragraph" or "item"
    text: str  # as written in the file (English, with placeholders)
    line: int  # where it starts in its file (1-based), for the catalogue
    prefix: str = ""  # the Markdown before the text: "## ", "- ", "1. "


@dataclass(frozen=True)
class Section:
    id: str
    title: str  # English; ``_(title)`` when shown
    units: tuple[Unit, ...]


def parse_units(markdown: str) -> list[Unit]:
    """The guide's Markdown as units, in order (blank lines separate paragraphs and items;
    a line indented under a list item continues it)."""
    units: list[Unit] = []
    current: list[str] = []
    start, kind, prefix = 0, "", ""

    def flush() -> None:
        nonlocal current
        if current:
            units.append(Unit(kind, " ".join(current), start, prefix))
        current = []

    for number, raw in enumerate(markdown.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = _HEADING.match(line)
        item = _ITEM.match(line) if not raw.startswith((" ", "\t")) else None
        if heading:
            flush()
            units.append(Unit("heading", heading["text"], number, heading["marks"] + " "))
        elif item:
            flush()
            current, start, kind = [item["text"]], number, "item"
            prefix = item["marker"] + " "
        elif current:
            current.append(line)  # the paragraph or item goes on
        else:
            current, start, kind, prefix = [line], number, "paragraph", ""
    flush()
    return units


def section_files(folder: Path | None = None) -> list[Path]:
    """The guide's section files, in order."""
    folder = folder or guide_folder()
    return sorted(p for p in folder.iterdir() if SECTION_FILE.match(p.name))


def guide_folder() -> Path:
    """Where the guide is shipped (the wheel and the frozen build carry it too)."""
    return shipped_folder("resources") / "help"


def load_sections(folder: Path | None = None) -> list[Section]:
    sections = []
    for path in section_files(folder):
        units = parse_units(path.read_text(encoding="utf-8"))
        match = SECTION_FILE.match(path.name)
        assert match is not None
        title = units[0].text if units and units[0].kind == "heading" else match["id"]
        sections.append(Section(match["id"], title, tuple(units)))
    return sections


def rule_values(settings: Settings | None = None) -> dict[str, int]:
    """The numbers the guide quotes, from the rules the app applies (the council's defaults
    for what is a setting)."""
    settings = settings or Settings()
    ts = settings.timescales
    return {
        "first_review_working_days": review_rules.FIRST_REVIEW_WORKING_DAYS,
        "second_review_months": review_rules.SECOND_REVIEW_MONTHS,
        "later_review_months": review_rules.SUBSEQUENT_REVIEW_MONTHS,
        "short_breaks_first_months": review_rules.SHORT_BREAKS_FIRST_REVIEW_MONTHS,
        "adoption_first_days": review_rules.ADOPTION_FIRST_REVIEW_DAYS,
        "consultation_working_days": ts.consultation_working_days_before,
        "pre_review_meeting_days": ts.pre_review_meeting_days_before,
        "decisions_working_days": ts.decisions_working_days_after,
        "letter_working_days": ts.letter_working_days_after,
        "informal_challenge_working_days": ts.informal_challenge_working_days,
        "formal_stage_working_days": ts.formal_stage_working_days,
        "formal_process_working_days": ts.formal_process_working_days,
        "contact_weeks": ts.contact_every_weeks,
        "daily_backups": settings.backups_daily_kept,
        "weekly_backups": settings.backups_weekly_kept,
        "auto_lock_minutes": settings.auto_lock_minutes,
    }


def shown(text: str, values: Mapping[str, int]) -> str:
    """One unit in the language in use, with the rules' numbers filled in."""
    translated = _(text)
    return translated % values if "%(" in text else translated


def section_markdown(section: Section, values: Mapping[str, int]) -> str:
    """The section as Markdown in the language in use (its title a level-1 heading)."""
    blocks = []
    previous = ""
    for unit in section.units:
        line = unit.prefix + shown(unit.text, values)
        # Items of one list stay together; everything else is a block of its own.
        joiner = "\n" if unit.kind == "item" and previous == "item" else "\n\n"
        blocks.append((joiner if blocks else "") + line)
        previous = unit.kind
    return "".join(blocks)


def messages(markdown: str) -> Iterator[tuple[int, str]]:
    """(line, message) for each translatable unit: what the catalogue holds."""
    for unit in parse_units(markdown):
        yield unit.line, unit.text
