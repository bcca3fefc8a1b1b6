"""Drafts live in the encrypted store: saved, read back, discarded with the record's save."""

import pytest

from iro_desktop.services import drafts
from iro_desktop.storage.opening import open_store


def test_save_load_overwrite_and_discard(store):
    draft_id = drafts.save_draft(store, "review", {"worries": "a"}, child_ref="C1")
    assert drafts.save_draft(store, "review", {"worries": "b"}, draft_id=draft_id) == draft_id
    [draft] = drafts.load_drafts(store)
    assert (draft.form, draft.payload) == ("review", {"worries": "b"})
    drafts.discard_draft(store, draft_id)
    assert drafts.load_drafts(store) == []


def test_commit_and_discard_is_one_transaction(store):
    slot = drafts.DraftSlot()
    drafts.save_draft_into(slot, store, "contact", {"note": "x"})

    def failing(_store):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        drafts.commit_and_discard(slot, store, failing)
    assert len(drafts.load_drafts(store)) == 1  # kept: the record was not saved
    assert drafts.commit_and_discard(slot, store, lambda _s: 7) == 7
    assert drafts.load_drafts(store) == [] and slot.id is None


def test_a_drafts_text_is_not_readable_on_disk(store, tmp_path):
    marker = "Zyxwv-draft-marker-4417"
    drafts.save_draft(store, "review", {"child_words": marker})
    path = store.path
    store.close()
    for file in [*tmp_path.rglob("*"), *path.parent.rglob("*")]:
        if file.is_file():
            data = file.read_bytes()
            assert marker.encode() not in data
            assert marker.encode("utf-16-le") not in data
    reopened = open_store(path, "correct horse battery")
    assert drafts.load_drafts(reopened)[0].payload["child_words"] == marker
    reopened.close()
