"""Keep the message catalogues up to date (babel). One command, from the repository's root:

    .venv/bin/python resources/translations/catalogues.py

Two domains, each in ``en`` and ``cy``:

- ``messages``: the letters (``iro_desktop/letters``; ``babel.cfg``), in the child's language;
- ``app``: everything else a person reads in the app (``babel_app.cfg``): the Python code of
  ``iro_desktop`` outside the letters (``_``, ``N_``, ``ngettext``), the Designer forms in
  ``ui/`` (``extractors.extract_ui``) and the help guide (the hook in ``babel_app.cfg``).

For each domain it:
1. extracts every message into ``<domain>.pot``;
2. updates ``en`` and ``cy`` (new messages are added, vanished ones dropped; translators'
   comments are kept);
3. fills the English catalogue's ``msgstr`` with the source text (British English is the
   source), so that a test can tell English template wording from the IRO's typed words;
4. compiles both to ``.mo``.

Welsh: translate new entries in ``cy/LC_MESSAGES/<domain>.po`` (an untranslated entry shows
in English). Where you are not sure of a phrase, add a translator comment starting
``# CHECK:`` above it (not ``#, fuzzy``, which would keep it out of the app) so that a Welsh
speaker can check it; ``--review`` lists them and the untranslated ones. Welsh has six plural
forms (babel's ``cy`` locale: zero, one, two, few, many, other).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(HERE) not in sys.path:  # babel_app.cfg names extractors.py by its module name
    sys.path.insert(0, str(HERE))

POT = HERE / "messages.pot"
KEYWORDS = ("_", "N_", "words", "n:1,2")

APP = "app"
APP_POT = HERE / "app.pot"
APP_CONFIG = HERE / "babel_app.cfg"
APP_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
LANGUAGES = ("en", "cy")
CHECK = "CHECK:"
PROJECT = "IRO Desktop"
COMMAND = ".venv/bin/python resources/translations/catalogues.py"
# Folders no catalogue reads: quicker, and no stray file is ever extracted.
SKIPPED_FOLDERS = (".git", ".venv", "tests", "packaging", "build", "dist", "node_modules")


def pybabel(*args: str) -> None:
    exe = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(exe), *args], check=True, cwd=ROOT)


# -- the letters' catalogue ("messages"), as before -------------------------------------------
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


# -- the app's catalogue ("app"), in-process so that a test can run the same extraction -------
def _wanted_folder(path: str) -> bool:
    return not any(part in SKIPPED_FOLDERS for part in Path(path).parts)


def extract_app() -> Catalog:
    """Every message of the ``app`` domain, from the sources as they are now."""
    with APP_CONFIG.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(
        project=PROJECT,
        copyright_holder="IRO Desktop contributors",
        domain=APP,
        creation_date=datetime(2026, 1, 1, tzinfo=UTC),  # stable: no churn in git
    )
    found = extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=APP_KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
        directory_filter=_wanted_folder,
    )
    for _file, _line, message, comments, context in found:
        catalog.add(message, None, [], auto_comments=comments, context=context)
    return catalog


def app_po(lang: str) -> Path:
    return HERE / lang / "LC_MESSAGES" / f"{APP}.po"


def read_catalog(po: Path) -> Catalog:
    lang = po.parent.parent.name
    with po.open("rb") as handle:
        return read_po(handle, locale="en_GB" if lang == "en" else lang, domain=APP)


def _write(po: Path, catalog: Catalog) -> None:
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as handle:
        write_po(
            handle,
            catalog,
            sort_output=True,
            omit_header=False,
            ignore_obsolete=True,
            include_lineno=False,
            width=96,
        )


def read_template() -> Catalog:
    with APP_POT.open("rb") as handle:
        return read_po(handle, domain=APP)


def update_app(template: Catalog, lang: str) -> Catalog:
    """``lang``'s app catalogue brought in line with ``template``: new messages added, gone
    ones dropped, translations and translators' comments (``# CHECK:``) kept."""
    po = app_po(lang)
    if po.exists():
        catalog = read_catalog(po)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
    else:
        catalog = Catalog(locale="en_GB" if lang == "en" else lang, domain=APP, project=PROJECT)
        catalog.update(template, no_fuzzy_matching=True)
    if lang == "en":  # British English is the source: every msgstr is its msgid
        for message in catalog:
            if message.id and not _translated(message.string):
                message.string = message.id
    _write(po, catalog)
    return catalog


def _translated(string: str | Iterable[str] | None) -> bool:
    if isinstance(string, str):
        return bool(string)
    return bool(string) and all(string)


def compile_app(lang: str) -> None:
    catalog = read_catalog(app_po(lang))
    with app_po(lang).with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)


def needs_review(lang: str = "cy") -> tuple[list[str], list[str]]:
    """The Welsh entries a Welsh speaker should look at: those marked ``# CHECK:`` and those
    not translated yet (shown in English)."""
    catalog = read_catalog(app_po(lang))
    marked = [
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and any(c.startswith(CHECK) for c in m.user_comments)
    ]
    missing = [
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and not _translated(m.string)
    ]
    return marked, missing


_CREATION_DATE = re.compile(rb'^"POT-Creation-Date: .*\\n"$', re.MULTILINE)


def _undo_date_only_changes(before: dict[Path, bytes]) -> None:
    """pybabel stamps the letters' files with the time of extraction: where nothing but that
    stamp changed, the files are put back, so that running the command changes nothing."""
    texts = {path: path.read_bytes() for path in before if path.suffix != ".mo"}
    if all(
        _CREATION_DATE.sub(b"", texts[path]) == _CREATION_DATE.sub(b"", before[path])
        for path in texts
    ):
        for path, content in before.items():
            path.write_bytes(content)


def main(argv: list[str]) -> None:
    if "--review" in argv:
        marked, missing = needs_review()
        print(f"# {len(marked)} Welsh app strings marked CHECK (a Welsh speaker to confirm):")
        print("\n".join(marked))
        print(f"\n# {len(missing)} app strings not yet in Welsh (shown in English):")
        print("\n".join(missing))
        return
    letters = [
        POT,
        *(
            HERE / lang / "LC_MESSAGES" / f"messages.{ext}"
            for lang in LANGUAGES
            for ext in ("po", "mo")
        ),
    ]
    before = {path: path.read_bytes() for path in letters if path.exists()}
    extract()
    en = update("en")
    fill_english(en)
    cy = update("cy")
    for po in (en, cy):
        compile_po(po)
    _undo_date_only_changes(before)
    template = extract_app()
    APP_POT.parent.mkdir(parents=True, exist_ok=True)
    with APP_POT.open("wb") as handle:
        write_po(
            handle,
            template,
            sort_output=True,
            omit_header=False,
            include_lineno=False,
            width=96,
        )
    for lang in LANGUAGES:
        update_app(read_template(), lang)  # a fresh copy each: update shares its messages
        compile_app(lang)
    marked, missing = needs_review()
    print("catalogues updated and compiled:", en, cy, *(app_po(lang) for lang in LANGUAGES))
    print(
        f"app: {len(template)} messages; Welsh: {len(missing)} not yet translated, "
        f"{len(marked)} marked CHECK ({COMMAND} --review lists them)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
