"""The adults' formal documents as pages: facts, sections and decision tables, shared by the
decisions record and the briefing pack (rendered to Word by ``letters.render``).

Their fixed wording comes through a ``Translator`` (``i18n.translator``), English unless the
caller passes another: the decisions record follows the language of its review (issue 19);
the letter to the child is the one in the child's language (``letters/``). The parameter is
named ``_`` so the catalogue's extraction finds every message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain import display
from iro_desktop.domain.model import ChildRecord, Decision, DecisionStatus
from iro_desktop.i18n import N_, Translator, translator
from iro_desktop.letters.blocks import typed_paragraphs
from iro_desktop.letters.model import Block, Section

ENGLISH = translator("en")
# The decision table's headings (the Word template reads them from the page).
TABLE_HEADINGS = (N_("Decision"), N_("Who"), N_("By when"), N_("Status"))


def day_text(day: date | None, _: Translator = ENGLISH) -> str:
    return display.format_date(day, display.WEEKDAY_DATE, _.locale, missing=_("not set"))


def long_day(day: date, _: Translator = ENGLISH) -> str:
    return display.format_date(day, display.LONG_WEEKDAY_DATE, _.locale)


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class RecordRow:
    what: str
    who: str
    by_when: str
    status: str


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: str
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...]
    notice: str = ""
    footer: str = ""
    child_ref: str = ""
    table_headings: tuple[str, ...] = TABLE_HEADINGS
    language: str = "en"  # the language of its fixed wording

    def texts(self) -> list[str]:
        out = [self.title, self.subtitle, self.notice, self.footer]
        for fact in self.facts:
            out += [fact.label, fact.value]
        for section in self.sections:
            out.append(section.heading)
            for block in section.blocks:
                out.append(block.text)
                for row in block.rows:
                    out += [row.what, row.who, row.by_when, getattr(row, "status", "")]
        return [t for t in out if t]


def make_facts(*pairs: tuple[str, str]) -> tuple[Fact, ...]:
    return tuple(Fact(label, value) for label, value in pairs if value and value.strip())


def typed_section(key: str, heading: str, text: str) -> Section | None:
    lines = typed_paragraphs(text)
    if not lines:
        return None
    return Section(key, heading, tuple(Block("typed", line) for line in lines))


def bullet_section(key: str, heading: str, items: list[str]) -> Section | None:
    items = [i for i in items if i.strip()]
    if not items:
        return None
    return Section(key, heading, tuple(Block("bullet", i) for i in items))


def decision_status(decision: Decision, today: date, _: Translator = ENGLISH) -> str:
    if decision.status == DecisionStatus.DONE:
        if decision.done_on:
            return _("Done %(day)s") % {"day": day_text(decision.done_on, _)}
        return _("Done")
    if decision.status == DecisionStatus.DROPPED:
        if decision.dropped_reason:
            return _("Dropped: %(reason)s") % {"reason": decision.dropped_reason}
        return _("Dropped")
    if decision.by_when and decision.by_when < today:
        days = (today - decision.by_when).days
        return _.ngettext("Open, %(days)s day overdue", "Open, %(days)s days overdue", days) % {
            "days": days
        }
    return _("Open")


def decision_table(
    key: str,
    heading: str,
    decisions: list[Decision],
    today: date,
    intro: str = "",
    _: Translator = ENGLISH,
) -> Section | None:
    if not decisions:
        return None
    rows = tuple(
        RecordRow(
            d.what.strip(),
            d.who.strip() or _("not set"),
            day_text(d.by_when, _),
            decision_status(d, today, _),
        )
        for d in decisions
    )
    blocks = [Block("para", intro)] if intro else []
    blocks.append(Block("table", rows=rows))  # type: ignore[arg-type]
    return Section(key, heading, tuple(blocks))


def full_name(record: ChildRecord) -> str:
    child = record.child
    return f"{child.known_as} {child.last_name}".strip() or child.child_ref
