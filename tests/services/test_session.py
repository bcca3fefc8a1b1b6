"""The file's use cases without Qt: remembering the last caseload, and how strong a new
passphrase is."""

import pytest

from iro_desktop.services import session
from iro_desktop.services.passphrases import passphrase_strength

PASSPHRASE = "correct horse battery staple"


# -- remembering the last file ------------------------------------------------------------------
def test_the_last_caseload_is_remembered_as_a_path_only(tmp_path):
    assert session.last_caseload_path() is None
    path = tmp_path / "x.iro.db"
    path.write_bytes(b"x")
    session.remember_caseload_path(path)
    assert session.last_caseload_path() == path.resolve()
    assert session.state_file().read_text().count("\n") < 5
    path.unlink()
    assert session.last_caseload_path() is None  # a file since moved is not offered


def test_a_damaged_state_file_is_ignored():
    session.state_file().parent.mkdir(parents=True, exist_ok=True)
    session.state_file().write_text("{not json")
    assert session.last_caseload_path() is None


@pytest.mark.parametrize(
    ("text", "score"),
    [("short", 0), ("aaaaaaaaaa", 1), ("elephants", 1), ("blue kettle sings", 2), (PASSPHRASE, 3)],
)
def test_passphrase_strength(text, score):
    assert passphrase_strength(text)[0] == score
