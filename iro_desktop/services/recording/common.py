"""What every recording function shares: the refusal errors, the check that raises
them, finding the child's record, and the names the rules use."""

from __future__ import annotations

from collections.abc import Sequence

from iro_desktop.domain.model import (
    ChildRecord,
    Region,
)
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.validation import (
    Problem,
)
from iro_desktop.errors import UserError
from iro_desktop.i18n import _
from iro_desktop.storage.database import Store
from iro_desktop.storage.history import ChangedSinceOpened as ChangedSinceOpened
from iro_desktop.storage.records import child_id_for, load_child_record

# decision_updates.kind
UPDATE_DONE = "done"
UPDATE_CARRIED = "carried"
UPDATE_DROPPED = "dropped"
UPDATE_CHASED = "chased"
UPDATE_PROGRESS = "progress"


class RecordNotValid(UserError):
    """What was typed does not pass the rules; ``problems`` says what to put right."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "; ".join(p.message.rstrip(".") for p in self.problems)
        super().__init__(f"Nothing was saved. Please put this right first: {lines}.")


class RecordNotFound(UserError):
    pass


def check(problems: Sequence[Problem]) -> None:
    if problems:
        raise RecordNotValid(problems)


def child_record(store: Store, child_ref: str) -> tuple[int, ChildRecord]:
    child_id = child_id_for(store, child_ref)
    record = load_child_record(store, child_ref) if child_id is not None else None
    if child_id is None or record is None:
        raise RecordNotFound(
            _(
                "There is no child %(child_ref)s in this caseload: it may have "
                "been removed. Refresh (F5) and choose the child again."
            )
            % {"child_ref": child_ref}
        )
    return child_id, record


def text_language_for(chosen: str, record: ChildRecord) -> str:
    """The language a new record's text is in: the one the IRO chose, else the child's
    language (``children.language``), the default the forms offer too."""
    return chosen or ("cy" if record.child.language == "cy" else "en")


def known_name(record: ChildRecord) -> str:
    return record.child.known_as or record.child.child_ref


def cafcass_name(settings: Settings) -> str:
    """Cafcass in England, Cafcass Cymru in Wales."""
    return "Cafcass Cymru" if settings.region == Region.WALES else "Cafcass"
