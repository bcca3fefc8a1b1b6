"""One page: the demo's letters as LibreOffice lays them out (the templates' Calibri is matched
by Carlito). ONE soffice call converts a batch of 16 letters to demo children in different
situations, to keep CI short; ``packaging/ci/letter_pages.sh`` installs LibreOffice, Carlito
and poppler on Debian."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from iro_desktop.letters.pdf import find_soffice
from iro_desktop.services.letters import preview_letter, write_letter
from iro_desktop.storage.records import load_child_records
from tests.letters.conftest import TODAY
from tests.letters.demo_picks import WANTED, demo_picks

# Pages allowed: one for the standard, young person's and read-aloud letter; two for easy
# read and for a bilingual letter (Welsh, then English); the rights page adds one each.
LIMITS = {"easy_read": 2}
BILINGUAL = 2
PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")

# One letter for each situation the demo is looked for in: 16 letters; two carry the
# rights page (age12, welsh_both).
NAMES = [name for name, *_ in WANTED]
assert len(NAMES) == 16


def _soffice() -> str:
    found = find_soffice()
    if found is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed, so page counts cannot be checked: run "
            "packaging/ci/letter_pages.sh (Debian) or install LibreOffice Writer"
        )
    fonts = (
        subprocess.run(["fc-list"], capture_output=True, text=True).stdout
        if shutil.which("fc-list")
        else ""
    )
    assert "carlito" in fonts.lower(), (
        "Carlito (fonts-crosextra-carlito) is missing: LibreOffice would lay the letters out "
        "in another font and the page counts would mean nothing. Install it."
    )
    return found


def _pages(pdf: Path) -> int:
    return len(PAGE.findall(pdf.read_bytes()))


@pytest.fixture(scope="module")
def pdfs(demo, tmp_path_factory):
    soffice = _soffice()
    folder = tmp_path_factory.mktemp("letter-pages")
    picks = demo_picks(load_child_records(demo), TODAY)
    assert set(picks) == set(NAMES), f"the demo has no child for {set(NAMES) - set(picks)}"
    expected = {}
    for name in NAMES:
        pick = picks[name]
        asked = dict(lang=pick.lang, version=pick.version, with_rights=pick.with_rights)
        letters = preview_letter(demo, pick.ref, today=TODAY, **asked).letters
        path = folder / f"{name}.docx"
        write_letter(demo, pick.ref, None, pick.lang, pick.version, path, TODAY,
                     with_rights=pick.with_rights, confirm_sensitive=True)  # fmt: skip
        limit = BILINGUAL if len(letters) == 2 else LIMITS.get(letters[0].version, 1)
        limit += len(letters) if pick.with_rights else 0  # the rights page: one per language
        expected[name] = (letters[0].version, len(letters), limit)
    profile = tmp_path_factory.mktemp("soffice-profile")
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in NAMES),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {name: (_pages(folder / f"{name}.pdf"), *expected[name]) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_each_letter_fits_its_pages(pdfs, name):
    pages, version, languages, limit = pdfs[name]
    assert pages >= languages
    assert pages <= limit, f"the {version} letter for {name} takes {pages} pages (at most {limit})"


def test_the_rights_page_is_a_page_of_its_own(pdfs):
    assert pdfs["age12"][0] == 2
    assert pdfs["welsh_both"][0] == 4  # Welsh letter, its rights page, English, its rights
