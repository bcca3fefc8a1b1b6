"""One copy of the session's demo caseload per test module, opened without a passphrase
like the app does."""

import pytest

from iro_desktop.domain.schedule import age_on
from iro_desktop.letters.choices import needs_easy_read
from iro_desktop.services.session import open_demo_if_demo
from iro_desktop.storage.records import load_child_records
from tests.conftest import DEMO_DAY

TODAY = DEMO_DAY


@pytest.fixture(scope="module")
def demo(demo_module_file):
    store = open_demo_if_demo(demo_module_file)
    yield store
    store.close()


def _latest(record):
    held = [r for r in record.reviews if r.is_held and r.archived_on is None]
    return max(held, key=lambda r: r.part_dates[0], default=None)


@pytest.fixture(scope="module")
def demo_children(demo):
    """One child with a held review for each age band and need, plus a Welsh speaker:
    {"under4": ref, "standard": ref, "young_person": ref, "easy_read": ref, "welsh": ref}."""
    found: dict[str, str] = {}
    for record in load_child_records(demo):
        review = _latest(record)
        if review is None:
            continue
        child = record.child
        age = age_on(child.dob, review.part_dates[0])
        has_all = bool(review.child_words and review.going_well and review.worries)
        decided = any(d.review_id == review.id for d in record.decisions)
        if child.language == "cy":
            found.setdefault("welsh", child.child_ref)
        elif age < 4 and decided:
            found.setdefault("under4", child.child_ref)
        elif needs_easy_read(child):
            found.setdefault("easy_read", child.child_ref)
        elif age >= 16 and has_all and decided:
            found.setdefault("young_person", child.child_ref)
        elif 4 <= age < 16 and has_all and decided:
            found.setdefault("standard", child.child_ref)
    # Easy read needs a recorded learning need or format (issue 13): the demo has one such child.
    assert set(found) >= {"under4", "standard", "young_person", "welsh", "easy_read"}, found
    return found


def demo_child(demo_children, band):
    return demo_children[band]
