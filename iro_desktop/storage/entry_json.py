"""The text of an insert entry in the change history: the row's non-blank values as
``json.dumps(values, ensure_ascii=False)`` writes them, made fast enough for a bulk import
(tens of thousands of rows) without changing a character of it."""

from __future__ import annotations

import json
from typing import Any

# The insert entry's JSON is json.dumps(values, ensure_ascii=False). That call builds a new
# encoder, and the encoder a new C encoder, for every row; the import makes tens of thousands,
# so the C encoder is built once here with the same settings (the same text, pinned by
# tests/storage/test_history_json.py). Where Python has no C encoder, the plain way.
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
_c_encode_basestring = getattr(json.encoder, "c_encode_basestring", None)
if _c_make_encoder is not None and _c_encode_basestring is not None:
    _c_encode = _c_make_encoder(
        None,  # no check for circular references: a row's values are flat
        _ENCODER.default,
        _c_encode_basestring,
        None,
        _ENCODER.key_separator,
        _ENCODER.item_separator,
        False,
        False,
        True,
    )

    def _json_text(values: dict[str, Any]) -> str:
        return "".join(_c_encode(values, 0))

else:  # pragma: no cover - CPython always has the C encoder
    _json_text = _ENCODER.encode


_encode_text = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.encode_basestring
_KEY_TEXT: dict[str, str] = {}  # a column name as JSON with its ": "


def insert_json(row: dict[str, Any]) -> str:
    """An insert entry's ``new``: every value of the row that is not blank, as JSON.

    A row of text and whole numbers (nearly every row) is written here, piece by piece as
    the encoder writes it (``"key": value`` joined by ", "), which takes half the time; any
    other value goes to the encoder."""
    parts = []
    for key, value in row.items():
        kind = type(value)
        if kind is str:
            if not value:
                continue
            text = _encode_text(value)
        elif kind is int:
            text = int.__repr__(value)
        elif value is None:
            continue
        else:
            return _json_text({k: v for k, v in row.items() if v is not None and v != ""})
        prefix = _KEY_TEXT.get(key)
        if prefix is None:
            if type(key) is not str:
                return _json_text({k: v for k, v in row.items() if v is not None and v != ""})
            prefix = _encode_text(key) + ": "
            if len(_KEY_TEXT) < 1000:
                _KEY_TEXT[key] = prefix
        parts.append(prefix + text)
    return "{" + ", ".join(parts) + "}"
