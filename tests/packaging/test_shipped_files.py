"""ui/ and resources/ ship inside the package, are found wherever the app runs, and a missing
one is a sentence naming it (issue 15). The wheel itself is built, installed outside the
repository and used by packaging/ci/wheel_install.sh (in CI, not in this suite)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import iro_desktop
from iro_desktop import package_files
from iro_desktop.package_files import MissingShippedFile, shipped_file, shipped_folder

REPO = Path(__file__).resolve().parents[2]
# Files in resources/ that are for people maintaining them, not read by the app.
NOT_SHIPPED = ("*.py", "*.md", "*.po", "*.pot", "*.cfg", "*.ico.txt")


def _package_data() -> tuple[dict[str, str], dict[str, list[str]]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    return config["setuptools"]["package-dir"], config["setuptools"]["package-data"]


def test_every_file_the_app_reads_from_ui_and_resources_is_in_the_wheel():
    folders, globs = _package_data()
    assert folders == {"iro_desktop._ui": "ui", "iro_desktop._resources": "resources"}
    for package, folder in folders.items():
        for path in (REPO / folder).rglob("*"):
            relative = path.relative_to(REPO / folder).as_posix()
            if path.is_dir() or "__pycache__" in relative:
                continue
            if any(fnmatch(path.name, pattern) for pattern in NOT_SHIPPED):
                continue
            shipped = any(fnmatch(relative, pattern) for pattern in globs[package])
            assert shipped, f"{folder}/{relative} is not in pyproject's package-data for {package}"


def test_a_clone_reads_the_folders_at_the_top_of_the_repository():
    assert shipped_folder("ui") == REPO / "ui"
    assert shipped_folder("resources") == REPO / "resources"
    assert shipped_file("resources", "glossary.csv").is_file()


def test_an_installed_package_reads_its_own_copy(tmp_path, monkeypatch):
    """As in a wheel or the frozen build: iro_desktop/_ui and _resources inside the package."""
    package = tmp_path / "site-packages" / "iro_desktop"
    (package / "_ui").mkdir(parents=True)
    (package / "_ui" / "review_form.ui").write_text("<ui/>")
    monkeypatch.setattr(package_files, "_package_root", lambda: package)
    assert package_files.form_file("review_form.ui") == package / "_ui" / "review_form.ui"


def test_a_council_form_is_read_before_the_shipped_one():
    council = package_files.council_forms_folder()
    council.mkdir(parents=True)
    (council / "review_form.ui").write_text("<ui/>")
    assert package_files.form_file("review_form.ui") == council / "review_form.ui"
    assert package_files.form_file("meeting_form.ui") == REPO / "ui" / "meeting_form.ui"


def test_a_missing_file_names_itself_and_says_to_reinstall():
    try:
        shipped_file("resources", "letters", "no-such-template.docx")
    except MissingShippedFile as error:
        assert "letters/no-such-template.docx" in str(error)
        assert "reinstall" in str(error)
    else:
        raise AssertionError("a missing file was not reported")


def test_an_install_without_its_resources_says_so_in_one_line_not_a_traceback(tmp_path):
    """The issue's report: a package installed without resources/ (as `pip install .` did)
    crashed writing a letter with a FileNotFoundError traceback for glossary.csv."""
    site = tmp_path / "site-packages"
    shutil.copytree(
        Path(iro_desktop.__file__).parent,
        site / "iro_desktop",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "iro_desktop",
            "letter",
            "--demo",
            "--on",
            "2026-11-23",
            "--child",
            "DB402543",
            "--out",
            str(tmp_path / "letter.docx"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "reinstall IRO Desktop" in run.stderr
    assert not (tmp_path / "letter.docx").exists()
