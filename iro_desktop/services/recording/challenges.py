"""Challenges (the dispute resolution process): raised, escalated through the council's
formal stages, answered, referred to Cafcass, resolved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iro_desktop.domain.model import (
    Challenge,
    ChildRecord,
)
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.tasks import challenge_response_due
from iro_desktop.domain.validation import (
    ChallengeEntry,
    StageEntry,
    challenge_problems,
    dated_step_problems,
    escalation_problems,
    required,
)
from iro_desktop.domain.validation.common import text_language_problems
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.i18n import _
from iro_desktop.services.recording.common import (
    RecordNotFound,
    cafcass_name,
    check,
    child_record,
    text_language_for,
)
from iro_desktop.storage import history
from iro_desktop.storage.database import Store
from iro_desktop.storage.queries import (
    child_ref_of_challenge,
    current_stage_id,
)
from iro_desktop.storage.settings_store import load_settings


@dataclass(frozen=True)
class ChallengeRef:
    record: ChildRecord
    challenge: Challenge
    settings: Settings


def _challenge(store: Store, challenge_id: int) -> ChallengeRef:
    child_ref = child_ref_of_challenge(store, challenge_id)
    if child_ref is None:
        raise RecordNotFound(_("That challenge is no longer on the record: refresh (F5)."))
    _child_id, record = child_record(store, child_ref)
    challenge = next(c for c in record.challenges if c.id == challenge_id)
    return ChallengeRef(record, challenge, load_settings(store))


def _insert_stage(
    store: Store,
    challenge_id: int,
    stage: int,
    raised_on: date,
    raised_with: str,
    settings,
    language: str,
) -> int:
    due = challenge_response_due(stage, raised_on, settings, calendar_for(settings))
    return history.insert(
        store,
        "challenge_stages",
        {
            "challenge_id": challenge_id,
            "stage": stage,
            "raised_on": raised_on,
            "raised_with": raised_with.strip(),
            "response_due": due,
            "text_language": language,
        },
    )


def raise_challenge(store: Store, child_ref: str, entry: ChallengeEntry, today: date) -> int:
    """Raise a challenge (informal, or straight at a formal stage); the response is due by
    the council's timescale for that stage. Returns the challenge's id."""
    child_id, record = child_record(store, child_ref)
    settings = load_settings(store)
    check(challenge_problems(entry, today, settings.formal_challenge_stages))
    assert entry.raised_on is not None
    language = text_language_for(entry.text_language, record)
    with store.atomic():
        challenge_id = history.insert(
            store,
            "challenges",
            {"child_id": child_id, "theme": entry.theme.strip(), "text_language": language},
        )
        _insert_stage(
            store, challenge_id, entry.stage, entry.raised_on, entry.raised_with, settings,
            language,
        )  # fmt: skip
    return challenge_id


def escalate_challenge(store: Store, challenge_id: int, entry: StageEntry, today: date) -> int:
    """Take the challenge to a further formal stage (the IRO may skip stages)."""
    found = _challenge(store, challenge_id)
    current = found.challenge.current_stage
    check(
        escalation_problems(
            entry,
            current.stage if current else -1,
            current.raised_on if current else None,
            today,
            found.settings.formal_challenge_stages,
            found.challenge.is_open,
        )
    )
    assert entry.raised_on is not None
    return _insert_stage(
        store, challenge_id, entry.stage, entry.raised_on, entry.raised_with, found.settings,
        found.challenge.text_language,  # no text of its own until its response
    )  # fmt: skip


def record_challenge_response(
    store: Store,
    challenge_id: int,
    responded_on: date | None,
    response: str,
    today: date,
    text_language: str = "",
) -> None:
    """The response to the challenge's current stage, in ``text_language`` (default: the
    child's language)."""
    found = _challenge(store, challenge_id)
    current = found.challenge.current_stage
    if current is None:
        raise RecordNotFound(_("That challenge has no stage to respond to."))
    problems = dated_step_problems(
        "responded_on",
        responded_on,
        current.raised_on,
        today,
        _("The response"),
        _("the challenge"),
    )
    problems += required("response", response, _("what the response said"))
    problems += text_language_problems(text_language)
    check(problems)
    history.update(
        store,
        "challenge_stages",
        current_stage_id(store, challenge_id, current.stage),
        {
            "responded_on": responded_on,
            "response": response.strip(),
            "text_language": text_language_for(text_language, found.record),
        },
    )


def refer_to_cafcass(store: Store, challenge_id: int, on: date | None, today: date) -> None:
    """Refer the challenge to Cafcass (Cafcass Cymru in Wales); the IRO may do so at any point."""
    found = _challenge(store, challenge_id)
    check(
        dated_step_problems(
            "on",
            on,
            found.challenge.raised_on,
            today,
            _("The referral to %(cafcass)s") % {"cafcass": cafcass_name(found.settings)},
            _("the challenge was raised"),
        )
    )
    history.update(store, "challenges", challenge_id, {"cafcass_referred_on": on})


def resolve_challenge(
    store: Store,
    challenge_id: int,
    on: date | None,
    outcome: str,
    today: date,
    text_language: str = "",
) -> None:
    """Resolve the challenge with its outcome, in ``text_language`` (default: the child's
    language; the challenge's language becomes the outcome's)."""
    found = _challenge(store, challenge_id)
    problems = dated_step_problems(
        "on",
        on,
        found.challenge.raised_on,
        today,
        _("The resolution"),
        _("the challenge was raised"),
    )
    problems += required("outcome", outcome, _("the outcome"))
    problems += text_language_problems(text_language)
    check(problems)
    history.update(
        store,
        "challenges",
        challenge_id,
        {
            "resolved_on": on,
            "outcome": outcome.strip(),
            "text_language": text_language_for(text_language, found.record),
        },
    )
