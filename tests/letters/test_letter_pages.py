"""One page: the letters as LibreOffice lays them out (the templates' Calibri is matched by
Carlito). ONE soffice call converts a batch of 16 letters, to keep CI short;
``packaging/ci/letter_pages.sh`` installs LibreOffice, Carlito and poppler on Debian."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from iro_desktop.letters.pdf import find_soffice
from iro_desktop.letters.render import write_letter_docx
from tests.letters.situations import letter_for, situations

# Pages allowed: one for the standard, young person's and read-aloud letter; two for easy
# read and for a bilingual letter (Welsh, then English); the rights page adds one each.
LIMITS = {"easy_read": 2}
BILINGUAL = 2
PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")

# (situation, with the rights page): 16 letters in all; two carry the rights page.
WITH_RIGHTS = {"age12", "welsh_both"}
BATCH = [(name, name in WITH_RIGHTS) for name in situations()]
assert len(BATCH) == 16


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
def pdfs(tmp_path_factory):
    soffice = _soffice()
    folder = tmp_path_factory.mktemp("letter-pages")
    expected = {}
    for name, rights in BATCH:
        situation = situations()[name]
        letters = letter_for(situation, with_rights=rights)
        path = folder / f"{name}.docx"
        write_letter_docx(letters, situation.settings, path)
        limit = BILINGUAL if len(letters) == 2 else LIMITS.get(letters[0].version, 1)
        limit += len(letters) if rights else 0  # the rights page: one per language
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
            *(str(folder / f"{name}.docx") for name, _ in BATCH),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {name: (_pages(folder / f"{name}.pdf"), *expected[name]) for name, _ in BATCH}


@pytest.mark.parametrize("name", [name for name, _ in BATCH])
def test_each_letter_fits_its_pages(pdfs, name):
    pages, version, languages, limit = pdfs[name]
    assert pages >= languages
    assert pages <= limit, f"the {version} letter for {name} takes {pages} pages (at most {limit})"


def test_the_rights_page_is_a_page_of_its_own(pdfs):
    assert pdfs["age12"][0] == 2
    assert pdfs["welsh_both"][0] == 4  # Welsh letter, its rights page, English, its rights
