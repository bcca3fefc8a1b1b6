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
