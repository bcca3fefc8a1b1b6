"""Letters, decisions records and briefing packs: the use cases the GUI and the CLI share.

Each ``preview_*`` is pure reading (content and plain-language warnings, nothing written);
each ``write_*`` writes the Word document where the IRO chose, optionally a PDF, and records
what was written in the ``letters`` table. Writing a letter is not sending it: the review's
``letter_sent_on`` stays for the IRO to set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from iro_desktop.domain.model import Child, ChildRecord, Review, ReviewStatus
from iro_desktop.domain.references import safe_file_stem
from iro_desktop.domain.schedule import schedule_for
from iro_desktop.domain.tasks import tasks_for
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.errors import UserError
from iro_desktop.i18n import _
from iro_desktop.letters.checks import letter_warnings, sensitive_items
from iro_desktop.letters.choices import (
    choose_language,
    choose_version,
    pick_review,
)
from iro_desktop.letters.content import build_letters
from iro_desktop.letters.model import Letter, LetterLanguage, parse_version
from iro_desktop.letters.pdf import PdfUnavailable, convert_to_pdf
from iro_desktop.letters.plain_language import PlainLanguageWarning
from iro_desktop.letters.sensitive import SensitiveItem
from iro_desktop.reports.briefing import build_briefing
from iro_desktop.reports.decisions_record import build_decisions_record
from iro_desktop.reports.pages import Page
from iro_desktop.services.child import ChildDetail, child_detail
from iro_desktop.services.letter_status import rights_page_due
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.records import load_child_records
from iro_desktop.storage.settings_store import load_settings


def _render():
    """The Word renderer, loaded on the first document: python-docx costs ~0.2 s at start-up."""
    from iro_desktop.letters import render

    return render


KIND_LETTER = "letter"
KIND_DECISIONS = "decisions_record"
KIND_BRIEFING = "briefing"


class ChildNotFound(UserError):
    pass


class SensitiveNotConfirmed(UserError):
    """The letter touches a sensitive topic the IRO has not confirmed: nothing was written."""

    def __init__(self, items: tuple[SensitiveItem, ...]) -> None:
        self.items = items
        lines = [f"  - {', '.join(i.labels())}: {i.text}" for i in items]
        super().__init__(
            "The letter was not written: it speaks of sensitive things. Check that the child "
            "may read each of these and that it is safe to post, then confirm "
            "(--confirm-sensitive on the command line):\n" + "\n".join(lines)
        )


@dataclass(frozen=True)
class LetterPreview:
    """What the letter will say, before anything is written: for the GUI's preview."""

    child_ref: str
    review_id: int | None
    review_date: date
    version: str
    language: str  # "en" | "cy" | "both"
    version_was_chosen: bool  # True when picked from the child's age and needs
    language_was_chosen: bool  # True when picked from the child's recorded preference
    letters: tuple[Letter, ...]
    warnings: tuple[PlainLanguageWarning, ...]
    suggested_file_name: str
    sensitive: tuple[SensitiveItem, ...] = ()  # to confirm before the letter is saved
    rights_due: str = ""  # why the "your rights" page is due now ("" when it is not)
    with_rights: bool = False
    use_suggestions: bool = False

    @property
    def warning_lines(self) -> list[str]:
        return [w.message for w in self.warnings]


@dataclass(frozen=True)
class Written:
    """A document written: where, what it warned about, and its PDF if one was made."""

    path: Path
    kind: str
    warnings: tuple[str, ...]
    pdf_path: Path | None = None
    pdf_problem: str = ""  # why no PDF was made, when one was asked for
    letter_ids: tuple[int, ...] = ()
    child_refs: tuple[str, ...] = field(default=())


def _detail(store: Store, child_ref: str, today: date) -> ChildDetail:
    detail = child_detail(store, child_ref, today)
    if detail is None:
        raise ChildNotFound(
            _(
                "No child with reference %(child_ref)s in this caseload. Check the "
                "reference (it is the council's child ID, as on the caseload list)."
            )
            % {"child_ref": child_ref}
        )
    return detail


def _review(detail: ChildDetail, review: int | date | None) -> Review:
    if isinstance(review, int):
        found = next((r for r in detail.record.reviews if r.id == review and r.is_held), None)
        if found is None:
            raise UserError(
                _("Review %(review)s is not a held review of %(child_ref)s.")
                % {"review": review, "child_ref": detail.record.child.child_ref}
            )
        return found
    return pick_review(detail.record, review)


def file_stem(child: Child, kind: str, when: date, extra: str = "") -> str:
    """A file name with the child's initials and reference only, never their name."""
    parts = [child.initials or "XX", child.child_ref, kind.replace("_", "-")]
    if extra:
        parts.append(extra)
    parts.append(when.isoformat())
    return safe_file_stem(*parts)


def safe_file_name(path: Path, children: list[Child]) -> str:
    """The written file's name as recorded: any of the children's names become initials."""
    name = Path(path).name
    for child in children:
        for part in {child.first_name, child.last_name, child.preferred_name}:
            if len(part) >= 2:
                name = re.sub(re.escape(part), child.initials or "XX", name, flags=re.I)
    return name


def preview_letter(
    store: Store,
    child_ref: str,
    review: int | date | None = None,
    lang: str | None = None,
    version: str | None = None,
    *,
    today: date,
    use_suggestions: bool = False,
    with_rights: bool | None = None,
) -> LetterPreview:
    """The letter's content and warnings (reading level, wording not yet written, English in
    a Welsh letter, sensitive items to confirm); ``review`` is an id, a date the review was
    held on, or None for the latest. Language and version default from the child's record
    ("auto" asks for that too); the rights page goes with it when due unless
    ``with_rights`` says otherwise."""
    detail = _detail(store, child_ref, today)
    chosen = _review(detail, review)
    return _preview(
        detail,
        chosen,
        lang,
        version,
        today,
        use_suggestions,
        with_rights,
        rights_page_due(store, detail.record, chosen, today),
    )


def _preview(
    detail: ChildDetail,
    review: Review,
    lang: str | None,
    version: str | None,
    today: date,
    use_suggestions: bool = False,
    with_rights: bool | None = None,
    rights_due: str = "",
) -> LetterPreview:
    child = detail.record.child
    held_on = review.part_dates[0]
    auto_version = version in (None, "", "auto")
    auto_lang = lang in (None, "", "auto")
    chosen_version = (
        choose_version(child, held_on, detail.settings.read_aloud_under_age)
        if auto_version
        else parse_version(str(version))
    )
    chosen_lang = choose_language(child, detail.settings) if auto_lang else LetterLanguage(lang)
    rights = bool(rights_due) if with_rights is None else with_rights
    letters = build_letters(
        detail.record,
        detail.schedule,
        review,
        detail.settings,
        chosen_lang.value,
        chosen_version.value,
        today,
        use_suggestions=use_suggestions,
        with_rights=rights,
    )
    warnings = letter_warnings(letters, review)
    sensitive = sensitive_items(letters)
    return LetterPreview(
        child_ref=child.child_ref,
        review_id=review.id,
        review_date=held_on,
        version=chosen_version.value,
        language=chosen_lang.value,
        version_was_chosen=auto_version,
        language_was_chosen=auto_lang,
        letters=tuple(letters),
        warnings=tuple(warnings),
        suggested_file_name=file_stem(
            child, KIND_LETTER, held_on, f"{chosen_version.value}-{chosen_lang.value}"
        )
        + ".docx",
        sensitive=tuple(sensitive),
        rights_due=rights_due,
        with_rights=rights,
        use_suggestions=use_suggestions,
    )


def _pdf(path: Path, want: bool) -> tuple[Path | None, str]:
    if not want:
        return None, ""
    try:
        return convert_to_pdf(path), ""
    except PdfUnavailable as problem:
        return None, str(problem)


def _record_written(
    store: Store,
    rows: list[dict],
) -> tuple[int, ...]:
    ids = []
    with store.atomic():
        for row in rows:
            ids.append(history.insert(store, "letters", row))
    return tuple(ids)


def write_letter(
    store: Store,
    child_ref: str,
    review: int | date | None,
    lang: str | None,
    version: str | None,
    out_path: Path,
    today: date,
    *,
    pdf: bool = False,
    use_suggestions: bool = False,
    with_rights: bool | None = None,
    confirm_sensitive: bool = False,
) -> Written:
    """Write the letter to the child as a Word document (and a PDF when asked). Items that
    touch a sensitive topic must be confirmed (``confirm_sensitive``: the IRO has checked the
    child may read them and it is safe to post) or nothing is written."""
    detail = _detail(store, child_ref, today)
    chosen = _review(detail, review)
    preview = _preview(
        detail,
        chosen,
        lang,
        version,
        today,
        use_suggestions,
        with_rights,
        rights_page_due(store, detail.record, chosen, today),
    )
    if preview.sensitive and not confirm_sensitive:
        raise SensitiveNotConfirmed(preview.sensitive)
    rendered = _render().write_letter_docx(
        list(preview.letters), detail.settings, Path(out_path), today
    )
    warnings = list(preview.warning_lines) + list(rendered.warnings)
    warnings += _leftovers(rendered.path)
    pdf_path, problem = _pdf(rendered.path, pdf)
    child = detail.record.child
    ids = _record_written(
        store,
        [
            {
                "child_id": child.id,
                "review_id": preview.review_id,
                "kind": KIND_LETTER,
                "version": preview.version,
                "language": preview.language,
                "written_on": today,
                "file_name": safe_file_name(rendered.path, [child]),
                "with_rights": int(preview.with_rights),
            }
        ],
    )
    return Written(
        rendered.path, KIND_LETTER, tuple(warnings), pdf_path, problem, ids, (child.child_ref,)
    )


def _leftovers(path: Path) -> list[str]:
    from docx import Document

    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    left = _render().leftover_marks(texts)
    if not left:
        return []
    return [f"The template left a tag unfilled ({left[0][:60]!r}): check the template in Word."]


def preview_decisions_record(
    store: Store, child_ref: str, review: int | date | None = None, *, today: date
) -> Page:
    detail = _detail(store, child_ref, today)
    return build_decisions_record(
        detail.record,
        detail.schedule,
        _review(detail, review),
        detail.settings,
        calendar_for(detail.settings),
        today,
    )


def write_decisions_record(
    store: Store,
    child_ref: str,
    review: int | date | None,
    out_path: Path,
    today: date,
    *,
    pdf: bool = False,
) -> Written:
    """The formal decisions record for the social worker and manager, with its
    circulate-by date. Writing it does not mark the decisions circulated."""
    detail = _detail(store, child_ref, today)
    chosen = _review(detail, review)
    page = build_decisions_record(
        detail.record,
        detail.schedule,
        chosen,
        detail.settings,
        calendar_for(detail.settings),
        today,
    )
    rendered = _render().write_record_docx(
        [page], detail.settings, _render().DECISIONS_TEMPLATE, Path(out_path)
    )
    warnings = list(rendered.warnings) + _leftovers(rendered.path)
    pdf_path, problem = _pdf(rendered.path, pdf)
    child = detail.record.child
    ids = _record_written(
        store,
        [
            {
                "child_id": child.id,
                "review_id": chosen.id,
                "kind": KIND_DECISIONS,
                "version": "",
                "language": page.language,  # the review's (issue 19)
                "written_on": today,
                "file_name": safe_file_name(rendered.path, [child]),
            }
        ],
    )
    return Written(
        rendered.path,
        KIND_DECISIONS,
        tuple(warnings),
        pdf_path,
        problem,
        ids,
        (child.child_ref,),
    )


def decisions_file_name(child: Child, review: Review) -> str:
    return file_stem(child, KIND_DECISIONS, review.part_dates[0]) + ".docx"


def briefing_pages(store: Store, day: date, today: date) -> list[Page]:
    """The briefing pack's pages for ``day`` (one per child seen that day), nothing written."""
    settings = load_settings(store)
    calendar = calendar_for(settings)
    entries = []
    for record in load_child_records(store):
        if record.child.archived_on is not None or not _seen_on(record, day):
            continue
        schedule = schedule_for(record, settings, calendar, today)
        tasks = tuple(tasks_for(record, schedule, settings, calendar, today))
        entries.append((record, schedule, tasks))
    return build_briefing(entries, settings, day, today)


def _seen_on(record: ChildRecord, day: date) -> bool:
    return (
        any(
            r.archived_on is None
            and (
                (r.status == ReviewStatus.BOOKED and r.booked_for == day)
                or (r.is_held and day in r.part_dates)
            )
            for r in record.reviews
        )
        or any(c.archived_on is None and c.on == day for c in record.contacts)
        or any(m.archived_on is None and m.held_on == day for m in record.pre_review_meetings)
    )


class NothingOnThatDay(UserError):
    pass


def write_briefing(store: Store, day: date, out_path: Path, today: date) -> Written:
    """The visit briefing pack for ``day``: one short page per child. Personal data: written
    only to ``out_path``, which the IRO chose."""
    pages = briefing_pages(store, day, today)
    if not pages:
        raise NothingOnThatDay(
            _(
                "No reviews, visits or meetings are recorded for %(date)s, so "
                "there is nothing to brief. Check the date, or book the review "
                "first."
            )
            % {"date": day.isoformat()}
        )
    settings = load_settings(store)
    rendered = _render().write_record_docx(
        pages, settings, _render().BRIEFING_TEMPLATE, Path(out_path)
    )
    warnings = list(rendered.warnings) + _leftovers(rendered.path)
    records = {r.child.child_ref: r for r in load_child_records(store)}
    children = [records[p.child_ref].child for p in pages]
    name = safe_file_name(rendered.path, children)
    rows = [
        {
            "child_id": child.id,
            "review_id": _booked_on(records[child.child_ref], day),
            "kind": KIND_BRIEFING,
            "version": "",
            "language": "en",
            "written_on": today,
            "file_name": name,
        }
        for child in children
    ]
    ids = _record_written(store, rows)
    return Written(
        rendered.path,
        KIND_BRIEFING,
        tuple(warnings),
        None,
        "",
        ids,
        tuple(c.child_ref for c in children),
    )


def _booked_on(record: ChildRecord, day: date) -> int | None:
    for review in record.reviews:
        if review.archived_on is None and (
            review.booked_for == day or (review.is_held and day in review.part_dates)
        ):
            return review.id
    return None
