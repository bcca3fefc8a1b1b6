"""The sqlite-utils calls STACK-NOTES.md found broken over SQLCipher work here."""

import pytest

from tests.raw import raw_db


def test_insert_with_alter_adds_a_column(store):
    raw_db(store)["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    raw_db(store)["scratch"].insert({"id": 2, "a": "y", "b": 3}, alter=True)
    assert raw_db(store)["scratch"].columns_dict["b"] is int


def test_update_with_alter_adds_a_column(store):
    raw_db(store)["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    raw_db(store)["scratch"].update(1, {"c": "new"}, alter=True)
    assert raw_db(store)["scratch"].get(1)["c"] == "new"


def test_drop_ignore_on_a_missing_table(store):
    raw_db(store)["never_made"].drop(ignore=True)
    assert "never_made" not in raw_db(store).table_names()


def test_insert_returning_through_query(store):
    raw_db(store)["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    rows = list(raw_db(store).query("INSERT INTO scratch (a) VALUES ('z') RETURNING id"))
    assert rows == [{"id": 2}]


def test_transform_and_upsert(store):
    raw_db(store)["scratch"].insert({"id": 1, "a": "x", "old": 1}, pk="id")
    raw_db(store)["scratch"].transform(drop={"old"})
    raw_db(store)["scratch"].upsert({"id": 1, "a": "changed"}, pk="id")
    assert list(raw_db(store)["scratch"].rows) == [{"id": 1, "a": "changed"}]


def test_atomic_rolls_back_nested_work(store):
    raw_db(store)["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    with pytest.raises(ValueError), raw_db(store).atomic():
        raw_db(store)["scratch"].insert({"id": 2, "a": "y"})
        with raw_db(store).atomic():
            raw_db(store)["scratch"].insert({"id": 3, "a": "z"})
        raise ValueError("stop")
    assert raw_db(store)["scratch"].count == 1
