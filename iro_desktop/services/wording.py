"""The child-facing layer of a review: write, confirm and suggest the sentences the child's
letter is built from. Each write is one transaction through the history writer; a wording
is updated in place (its history kept) and archived when its item is gone, never deleted.

A suggestion comes from the phrase bank (``letters.phrase_bank``): the item's theme is found
by the keywords in ``resources/phrases/themes.csv`` (a council may keep its own copy beside
its ``phrases.csv``); an item with no theme gets no suggestion. Suggestions are saved
unconfirmed ("not yet written for <name>") and reach a letter only when the IRO confirms or
edits them, or chooses "use suggested wording".
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from iro_desktop.domain.dates import age_on
from iro_desktop.domain.model import (
    ChildRecord,
    ChildWording,
    Region,
    Review,
    WordingKind,
)
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.validation import wording_problems
from iro_desktop.domain.wording import ReviewItem, match_theme, review_decision_ids
from iro_desktop.domain.wording import review_items as pair_items
from iro_desktop.i18n import _
from iro_desktop.letters import phrase_bank
from iro_desktop.letters.resources import resources_root
from iro_desktop.services.recording.common import RecordNotFound, check, child_record
from iro_desktop.services.recording.wordings import TABLE
from iro_desktop.services.recording.wordings import wording_row as _row
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.settings_store import load_settings

__all__ = [
    "ReviewItem",
    "archive_wording",
    "review_items",
    "save_wording",
    "save_wordings",
    "suggest_wording",
    "suggest_wordings",
    "suggestion_for",
    "use_suggested_wordings",
    "wording_languages",
]

THEMES_FILE = "themes.csv"
# The phrase-bank kind a suggestion for each item comes from. What the child said is
# answered (its reply) with what was agreed about it; a plan reason is said as a decision.
_PHRASE_KIND = {
    WordingKind.DECISION: "decision",
    WordingKind.WORRY: "worry",
    WordingKind.GOING_WELL: "going_well",
    WordingKind.CHILD_SAID: "decision",
    WordingKind.PLAN_REASON: "decision",
}


# --- reading ---------------------------------------------------------------------------------


def _review(record: ChildRecord, review_id: int) -> Review:
    for review in record.reviews:
        if review.id == review_id and review.archived_on is None:
            return review
    raise RecordNotFound(_("That review is not on the child's record: refresh (F5) and try again."))


def review_items(store: Store, child_ref: str, review_id: int, today: date) -> list[ReviewItem]:
    """Each item of the review with its professional text and child-facing wording."""
    _child_id, record = child_record(store, child_ref)
    return pair_items(record, _review(record, review_id))


def wording_languages(record: ChildRecord, settings: Settings) -> tuple[str, ...]:
    """The languages a child's letter may be written in: Welsh too for a child whose
    language is Welsh or who lives in Wales (where letters may be bilingual)."""
    if record.child.language == "cy" or settings.region == Region.WALES:
        return ("en", "cy")
    return ("en",)


# --- the theme matcher ------------------------------------------------------------------------


def _themes_file(council_folder: str) -> Path:
    if council_folder.strip():
        folder = Path(council_folder).expanduser()
        for candidate in (folder / THEMES_FILE, folder / "phrases" / THEMES_FILE):
            if candidate.is_file():
                return candidate
    return resources_root() / "phrases" / THEMES_FILE


@lru_cache(maxsize=4)
def _keywords(path: Path, stamp: float) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            theme = (row.get("theme") or "").strip()
            if theme:
                words = [w for w in (row.get("keywords") or "").split("|") if w.strip()]
                out.setdefault(theme, []).extend(words)
    return {theme: tuple(words) for theme, words in out.items()}


def theme_keywords(council_folder: str = "") -> dict[str, tuple[str, ...]]:
    path = _themes_file(council_folder)
    return _keywords(path, path.stat().st_mtime)


# --- suggestions ------------------------------------------------------------------------------


def _names(record: ChildRecord) -> dict[str, str]:
    """The names the child uses, for the phrase bank's placeholders."""
    names: dict[str, str] = {}
    live = [p for p in record.people if p.archived_on is None]
    carer = next((p for p in live if p.role == "carer"), None)
    if carer is not None:
        names["carer"] = carer.called_by_child or carer.name
    parent = next((p for p in live if p.role in ("mother", "father") and p.called_by_child), None)
    if parent is not None:
        names["person"] = parent.called_by_child
    if record.child.social_worker.strip():
        names["worker"] = record.child.social_worker.split()[0]
    return names


def _suggested(
    record: ChildRecord,
    kind: WordingKind,
    item_key: str,
    professional: str,
    review_id: int | None,
    today: date,
    settings: Settings,
) -> ChildWording | None:
    phrase_kind = _PHRASE_KIND.get(kind)
    if phrase_kind is None:
        return None
    theme = match_theme(professional, theme_keywords(settings.letter_template_folder))
    if not theme:
        return None
    age = age_on(record.child.dob, today) if record.child.dob else None
    names = _names(record)
    texts: dict[str, str] = {}
    for language in wording_languages(record, settings):
        found = phrase_bank.suggest(
            theme, phrase_kind, language, age, settings.letter_template_folder or None
        )
        if found:
            texts[language] = found[0].filled(**names)
    if not texts:
        return None
    en, cy = texts.get("en", ""), texts.get("cy", "")
    body = {"reply_en": en, "reply_cy": cy} if kind == WordingKind.CHILD_SAID else {
        "text_en": en, "text_cy": cy}  # fmt: skip
    return ChildWording(
        id=None,
        review_id=review_id,
        kind=kind,
        item_key=item_key,
        professional=professional,
        theme=theme,
        confirmed=False,
        **body,
    )


def suggestion_for(
    record: ChildRecord, settings: Settings, kind: WordingKind, professional: str, today: date
) -> ChildWording | None:
    """A suggestion for one item of a review not yet saved (the review form has the record
    and settings already, so nothing is read from the store). None when there is no theme."""
    return _suggested(record, kind, "", professional, None, today, settings)


def suggest_wording(
    store: Store, child_ref: str, kind: WordingKind, professional: str, today: date
) -> ChildWording | None:
    """A suggestion for one item, written nowhere (the review form's "use suggested wording"
    while the review is not yet saved). None when the item has no theme or no phrase."""
    _child_id, record = child_record(store, child_ref)
    return _suggested(record, kind, "", professional, None, today, load_settings(store))


def suggest_wordings(
    store: Store, child_ref: str, review_id: int, today: date
) -> list[ChildWording]:
    """Save an unconfirmed suggestion for each item of the review that has no wording yet
    and whose theme the phrase bank knows. Returns what was added (in one transaction)."""
    child_id, record = child_record(store, child_ref)
    review = _review(record, review_id)
    settings = load_settings(store)
    added: list[ChildWording] = []
    with store.atomic():
        for item in pair_items(record, review):
            if item.wording is not None or item.kind == WordingKind.LEARNED:
                continue
            found = _suggested(
                record, item.kind, item.item_key, item.professional, review_id, today, settings
            )
            if found is not None:
                row_id = history.insert(
                    store, TABLE, _row(child_id, found, review_decision_ids(record, review_id))
                )
                added.append(replace(found, id=row_id))
    return added


# --- writing ----------------------------------------------------------------------------------


def _write(
    store: Store, child_id: int, record: ChildRecord, review: Review, wording: ChildWording
) -> int:
    items = {(str(i.kind), i.item_key): i for i in pair_items(record, review)}
    check(wording_problems(wording, items))
    item = items.get((str(wording.kind), wording.item_key))
    professional = item.professional if item is not None else ""
    wording = replace(wording, review_id=review.id, professional=professional)
    values = _row(child_id, wording, review_decision_ids(record, review.id))
    current = item.wording if item is not None else None
    if current is None and wording.kind == WordingKind.LEARNED:
        current = next(
            (w for w in record.wordings if w.review_id == review.id
             and w.kind == WordingKind.LEARNED and w.archived_on is None), None)  # fmt: skip
    if current is not None and current.id is not None:
        del values["child_id"]
        history.update(store, TABLE, current.id, values)
        return current.id
    return history.insert(store, TABLE, values)


def save_wording(
    store: Store, child_ref: str, review_id: int, wording: ChildWording, today: date
) -> int:
    """Write (or rewrite) the child-facing wording of one item of the review; its
    ``confirmed`` says whether the IRO has confirmed it. Returns the wording's id."""
    return save_wordings(store, child_ref, review_id, [wording], today)[0]


def save_wordings(
    store: Store, child_ref: str, review_id: int, wordings: Sequence[ChildWording], today: date
) -> list[int]:
    """Several wordings of one review in one transaction (the review form's save)."""
    child_id, record = child_record(store, child_ref)
    review = _review(record, review_id)
    with store.atomic():
        return [_write(store, child_id, record, review, w) for w in wordings]


def use_suggested_wordings(
    store: Store,
    child_ref: str,
    review_id: int,
    today: date,
    item_keys: Sequence[tuple[str, str]] | None = None,
) -> int:
    """Confirm the review's unconfirmed suggestions as they are ("use suggested wording"):
    all of them, or only those whose (kind, item_key) is in ``item_keys``. Returns how many."""
    _child_id, record = child_record(store, child_ref)
    review = _review(record, review_id)
    wanted = None if item_keys is None else {(str(k), key) for k, key in item_keys}
    count = 0
    with store.atomic():
        for item in pair_items(record, review):
            if not item.suggested or item.wording is None or item.wording.id is None:
                continue
            if wanted is not None and (str(item.kind), item.item_key) not in wanted:
                continue
            history.update(store, TABLE, item.wording.id, {"confirmed": True})
            count += 1
    return count


def archive_wording(store: Store, child_ref: str, wording_id: int, today: date) -> None:
    """Take a wording out of use (kept in the history, as everything is)."""
    _child_id, record = child_record(store, child_ref)
    if not any(w.id == wording_id and w.archived_on is None for w in record.wordings):
        raise RecordNotFound(_("That wording is not on the child's record: refresh (F5)."))
    history.archive(store, TABLE, wording_id, today)
