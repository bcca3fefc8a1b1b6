"""The sqlite-utils calls STACK-NOTES.md found broken over SQLCipher work here."""

import pytest


def test_insert_with_alter_adds_a_column(store):
    store.db["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    store.db["scratch"].insert({"id": 2, "a": "y", "b": 3}, alter=True)
    assert store.db["scratch"].columns_dict["b"] is int


def test_update_with_alter_adds_a_column(store):
    store.db["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    store.db["scratch"].update(1, {"c": "new"}, alter=True)
    assert store.db["scratch"].get(1)["c"] == "new"


def test_drop_ignore_on_a_missing_table(store):
    store.db["never_made"].drop(ignore=True)
    assert "never_made" not in store.db.table_names()


def test_insert_returning_through_query(store):
    store.db["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    rows = list(store.db.query("INSERT INTO scratch (a) VALUES ('z') RETURNING id"))
    assert rows == [{"id": 2}]


def test_transform_and_upsert(store):
    store.db["scratch"].insert({"id": 1, "a": "x", "old": 1}, pk="id")
    store.db["scratch"].transform(drop={"old"})
    store.db["scratch"].upsert({"id": 1, "a": "changed"}, pk="id")
    assert list(store.db["scratch"].rows) == [{"id": 1, "a": "changed"}]


def test_atomic_rolls_back_nested_work(store):
    store.db["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    with pytest.raises(ValueError), store.db.atomic():
        store.db["scratch"].insert({"id": 2, "a": "y"})
        with store.db.atomic():
            store.db["scratch"].insert({"id": 3, "a": "z"})
        raise ValueError("stop")
    assert store.db["scratch"].count == 1
