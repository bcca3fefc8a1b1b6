"""The one safe-write helper: a write is whole or absent, private, and leaves no partial."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from iro_desktop.storage.files import (
    copy_durably,
    file_digest,
    partial_path,
    remove_leftover_partials,
    write_bytes,
    write_text,
    writing,
)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_write_replaces_the_target_and_is_private(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    write_text(target, "new – text")
    assert target.read_text(encoding="utf-8") == "new – text"
    assert not partial_path(target).exists()
    if os.name == "posix":
        assert _mode(target) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path):
    target = tmp_path / "out.bin"
    write_bytes(target, b"old")
    with pytest.raises(RuntimeError), writing(target) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("killed half-way")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_the_partial_is_hidden_beside_the_target(tmp_path):
    assert partial_path(tmp_path / "a.docx") == tmp_path / ".a.docx.partial"


def test_leftover_partials_are_removed(tmp_path):
    leftover = partial_path(tmp_path / "a.docx")
    leftover.write_bytes(b"half")
    keep = tmp_path / "a.docx"
    keep.write_bytes(b"whole")
    assert remove_leftover_partials(tmp_path) == [leftover]
    assert list(tmp_path.iterdir()) == [keep]


def test_a_durable_copy_returns_the_digest_of_what_it_copied(tmp_path):
    source = tmp_path / "source"
    source.write_bytes(os.urandom(3 << 20))  # more than one chunk
    copy = tmp_path / "copy"
    digest = copy_durably(source, copy)
    assert digest == hashlib.sha256(source.read_bytes()).hexdigest() == file_digest(copy)
    if os.name == "posix":
        assert _mode(copy) == 0o600
