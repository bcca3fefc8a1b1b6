"""Keep the letters' message catalogues up to date (babel), from the repository's root:

    .venv/bin/python resources/translations/catalogues.py

1. extracts every message from ``iro_desktop/letters`` into ``messages.pot``;
2. updates ``en`` and ``cy`` (new messages are added, vanished ones dropped);
3. fills the English catalogue's ``msgstr`` with the source text (British English is the
   source), so that a test can tell English template wording from the IRO's typed words;
4. compiles both to ``.mo``.

Welsh: translate new entries in ``cy/LC_MESSAGES/messages.po``. Where you are not sure of a
phrase, add a translator comment starting ``# CHECK:`` above it (not ``#, fuzzy``, which would
keep it out of the letters) so that a Welsh speaker can check it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
POT = HERE / "messages.pot"
KEYWORDS = ("_", "N_", "words", "n:1,2")


def pybabel(*args: str) -> None:
    exe = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(exe), *args], check=True, cwd=ROOT)


def extract() -> None:
    keywords = [arg for k in KEYWORDS for arg in ("-k", k)]
    pybabel(
        "extract",
        "-F",
        str(HERE / "babel.cfg"),
        *keywords,
        "--no-location",
        "--sort-output",
        "--project",
        "IRO Desktop",
        "--copyright-holder",
        "IRO Desktop contributors",
        "-o",
        str(POT),
        ".",
    )


def update(lang: str) -> Path:
    po = HERE / lang / "LC_MESSAGES" / "messages.po"
    if po.exists():
        pybabel(
            "update",
            "-i",
            str(POT),
            "-d",
            str(HERE),
            "-l",
            lang,
            "--no-fuzzy-matching",
            "--ignore-obsolete",
        )
    else:
        pybabel("init", "-i", str(POT), "-d", str(HERE), "-l", lang)
    return po


def fill_english(po: Path) -> None:
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="en_GB")
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
    with po.open("wb") as handle:
        write_po(handle, catalog, sort_output=True, omit_header=False)


def compile_po(po: Path) -> None:
    lang = po.parent.parent.name
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="en_GB" if lang == "en" else lang)
    with po.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)


def main() -> None:
    extract()
    en = update("en")
    fill_english(en)
    cy = update("cy")
    for po in (en, cy):
        compile_po(po)
    print("catalogues updated and compiled:", en, cy)


if __name__ == "__main__":
    main()
