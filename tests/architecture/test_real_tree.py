"""The seams hold on the real tree: the import-linter contracts, no import loop, no import up
a floor, SQL and the change history only in storage/, Qt only in gui/, and a domain with no
clock and no I/O. test_checks_can_fail.py proves each of these checks can fail."""

from tests.architecture import checks

ROOT = checks.REPO


def test_import_linter_contracts_hold():
    """Runs every contract in pyproject.toml against the real tree."""
    result = checks.run_lint_imports(ROOT, checks.PYPROJECT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_import_loops_function_local_imports_included():
    assert checks.import_cycles(ROOT) == []


def test_no_import_from_a_lower_floor_to_a_higher_one():
    assert checks.upward_imports(ROOT) == []


def test_only_storage_speaks_sql_or_knows_the_change_history():
    assert checks.database_access_outside_storage(ROOT) == []


def test_grep_finds_no_database_access_outside_storage():
    """The issue's acceptance grep (`.db.`, `.db[`, `execute(`, `change_log`), comments too."""
    assert checks.grep_outside_storage(ROOT) == []


def test_no_module_outside_gui_imports_qt():
    assert checks.qt_outside_gui(ROOT) == []


def test_domain_never_reads_the_clock_or_does_io():
    assert checks.clock_reads_in_domain(ROOT) == []


def _top_level() -> set[str]:
    """Every package and module directly under iro_desktop/ (the root __init__ aside)."""
    folder = ROOT / checks.PACKAGE
    names = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}
    return {f"{checks.PACKAGE}.{n}" for n in names}


def test_every_package_and_module_is_in_the_contracts():
    """A new package (or `logs.py`, before issue 12) must not slip past the contracts."""
    config = checks.contracts()
    everything = _top_level()
    gui, storage, domain = (f"{checks.PACKAGE}.{n}" for n in ("gui", "storage", "domain"))
    main = f"{checks.PACKAGE}.__main__"
    on_a_floor = {n.strip() for names, _ in checks.floors() for n in names}
    assert everything - {gui} == set(config["qt"]["source_modules"])
    assert everything - {storage} == set(config["sql"]["source_modules"])
    assert everything - {main} == on_a_floor
    assert set(config["front-ends"]["modules"]) == {f"{checks.PACKAGE}.cli", gui}
    assert config["qt"]["allow_indirect_imports"] is False
    assert set(config["through-services"]["source_modules"]) == {f"{checks.PACKAGE}.cli", gui}
    forbidden_for_domain = set(config["domain-pure"]["forbidden_modules"])
    # The domain may use errors and the app's words (its explanations of each date are read
    # by the IRO, in their language); nothing else of the app.
    allowed_for_domain = {f"{checks.PACKAGE}.errors", f"{checks.PACKAGE}.i18n"}
    assert everything - {domain, main} - allowed_for_domain <= forbidden_for_domain
