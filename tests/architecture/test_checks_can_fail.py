"""Every architecture rule proved able to fail, so a rule that silently stops checking is caught.

Each test takes a temporary copy of a package, sees the check pass on it, injects ONE
violation and asserts the check fails naming that violation. Two kinds of copy, chosen for
what stays true on any tree (this one, with the violations issue 12 removes, or the merged
clean one):

- The import-linter contracts run on a small synthetic `iro_desktop` generated from the
  contracts themselves (mini_tree.py: one module per name they mention, each floor importing
  the floor below), because the real tree may break contracts for reasons of its own. The
  real `lint-imports` command checks the clean template once (a subprocess with PYTHONPATH at
  the copy); each test then lints its copy before and after the injection with
  import-linter's own use case in-process (checks.lint_in_process: ~15 ms against ~0.3 s for
  a subprocess), limited to the one contract under test.
- The grimp and AST checks run in-process on a copy of the real package: the violations found
  on the untouched copy are the baseline, and the test asserts that the injection adds a
  violation naming the injected file and line and removes none. On a clean tree the baseline
  is empty and this is "passes, then fails".

Every injected violation goes into a new module or is appended to a module the target tree
keeps (`logs.py`, `paths.py`), so the tests survive the restructuring.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.architecture import checks, mini_tree

CONFIG = checks.contracts()
FLOORS = checks.floors()
PKG = checks.PACKAGE


# --- the import-linter contracts, on the synthetic tree -------------------------------------


@pytest.fixture(scope="module")
def mini_template(tmp_path_factory) -> Path:
    """The clean synthetic tree, checked once by the real `lint-imports` command."""
    root = mini_tree.build(tmp_path_factory.mktemp("mini"))
    result = checks.run_lint_imports(root, checks.PYPROJECT)
    assert result.returncode == 0, "the clean synthetic tree keeps every contract\n" + (
        result.stdout + result.stderr
    )
    return root


@pytest.fixture
def mini(mini_template, tmp_path) -> Path:
    return Path(shutil.copytree(mini_template, tmp_path / "tree"))


def assert_broken(root: Path, contract: str, *named: str) -> None:
    """After the injection: the contract is broken and its report names `named`."""
    passed, output = checks.lint_in_process(root, checks.PYPROJECT, (contract,))
    assert not passed, output
    assert "Contracts: 0 kept, 1 broken." in output, output
    for text in named:
        assert text in output, f"{text!r} not named in:\n{output}"


def assert_kept(root: Path, contract: str) -> None:
    """Before the injection: the same copy keeps the contract."""
    passed, output = checks.lint_in_process(root, checks.PYPROJECT, (contract,))
    assert passed, output
    assert "Contracts: 1 kept, 0 broken." in output, output


def _inside(module: str) -> str:
    """A module in `module`'s package (a new one), or the plain module itself."""
    return (
        module
        if mini_tree.module_file(Path("."), module).name != "__init__.py"
        else (f"{module}.injected")
    )


@pytest.mark.parametrize("source", CONFIG["qt"]["source_modules"])
def test_qt_through_a_helper_breaks_the_qt_contract(mini, source):
    assert_kept(mini, "qt")
    importer = _inside(source)
    mini_tree.inject(mini, f"{PKG}.qt_helper", "import PySide6")
    mini_tree.inject(mini, importer, f"import {PKG}.qt_helper")
    assert_broken(mini, "qt", f"{importer} -> {PKG}.qt_helper", f"{PKG}.qt_helper -> PySide6")


@pytest.mark.parametrize("source", CONFIG["sql"]["source_modules"])
def test_a_database_driver_outside_storage_breaks_the_sql_contract(mini, source):
    assert_kept(mini, "sql")
    importer = _inside(source)
    mini_tree.inject(mini, importer, "import sqlite_utils")
    assert_broken(mini, "sql", f"{importer} -> sqlite_utils")


@pytest.mark.parametrize("driver", CONFIG["sql"]["forbidden_modules"])
def test_every_driver_is_forbidden(mini, driver):
    assert_kept(mini, "sql")
    mini_tree.inject(mini, f"{PKG}.services.injected", f"import {driver}")
    assert_broken(mini, "sql", f"{PKG}.services.injected -> {driver}")


@pytest.mark.parametrize(
    ("importer", "line", "named"),
    [
        ("cli.other", "from iro_desktop.gui import app", "cli.other -> iro_desktop.gui.app"),
        ("gui.other", "import iro_desktop.cli.main", "gui.other -> iro_desktop.cli.main"),
        # The named exception is that one import, not "anything from the launch module".
        ("cli.main", "import iro_desktop.gui", "cli.main -> iro_desktop.gui"),
    ],
)
def test_one_front_end_importing_the_other_breaks_the_siblings(mini, importer, line, named):
    assert_kept(mini, "front-ends")
    mini_tree.inject(mini, f"{PKG}.{importer}", line)
    assert_broken(mini, "front-ends", f"{PKG}.{named}")


@pytest.mark.parametrize("front_end", CONFIG["through-services"]["source_modules"])
def test_a_front_end_importing_storage_breaks_the_services_door(mini, front_end):
    assert_kept(mini, "through-services")
    importer = f"{front_end}.injected"
    mini_tree.inject(mini, importer, "import iro_desktop.storage")
    assert_broken(mini, "through-services", f"{importer} -> {PKG}.storage")


@pytest.mark.parametrize("forbidden", CONFIG["domain-pure"]["forbidden_modules"])
def test_an_impure_domain_breaks_the_purity_contract(mini, forbidden):
    assert_kept(mini, "domain-pure")
    mini_tree.inject(mini, f"{PKG}.domain.injected", f"import {forbidden}")
    assert_broken(mini, "domain-pure", f"{PKG}.domain.injected -> {forbidden}")


def _upward_pairs() -> list[tuple[str, str]]:
    """Each floor importing the floor above it, and each independent sibling the other."""
    pairs = [(lower[0][-1], upper[0][0]) for upper, lower in itertools.pairwise(FLOORS)]
    pairs += [
        (names[0], names[1]) for names, independent in FLOORS if independent and len(names) > 1
    ]
    pairs += [
        (names[1], names[0]) for names, independent in FLOORS if independent and len(names) > 1
    ]
    return pairs


@pytest.mark.parametrize(("lower", "upper"), _upward_pairs())
def test_an_import_up_a_floor_or_across_siblings_breaks_the_layers(mini, lower, upper):
    assert_kept(mini, "layers")
    importer = _inside(lower)
    mini_tree.inject(mini, importer, f"def later():\n    import {upper}")
    assert_broken(mini, "layers", f"{importer} -> {upper}")


# --- the grimp and AST checks, on a copy of the real package --------------------------------


def _only_python(folder: str, names: list[str]) -> list[str]:
    """The checks read Python files only; leave out the rest (Designer files, images)."""
    return [
        n
        for n in names
        if n == "__pycache__" or not (n.endswith(".py") or os.path.isdir(os.path.join(folder, n)))
    ]


@pytest.fixture(scope="module")
def real_template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("real")
    shutil.copytree(checks.REPO / PKG, root / PKG, ignore=_only_python)
    return root


@pytest.fixture(scope="module")
def baselines(real_template) -> dict[Callable, set[str]]:
    """What each check finds on the untouched copy, filled in once per check."""
    return {}


class Copy:
    """A copy of the real package, one violation to be injected."""

    def __init__(self, root: Path, template: Path, baselines: dict[Callable, set[str]]):
        self.root, self.template, self.baselines = root, template, baselines

    def write(self, relative: str, text: str) -> int:
        """Appends `text` to iro_desktop/<relative>; returns the number of lines before it."""
        path = self.root / PKG / relative
        existing = path.read_text() if path.exists() else ""
        path.write_text(existing + text)
        return len(existing.splitlines())

    def baseline(self, check: Callable[[Path], list[str]]) -> set[str]:
        if check not in self.baselines:
            self.baselines[check] = set(check(self.template))
        return self.baselines[check]

    def assert_new_violation(self, check: Callable[[Path], list[str]], *named: str) -> None:
        before = self.baseline(check)
        after = set(check(self.root))
        assert before <= after, f"the injection hid {before - after}"
        new = sorted(after - before)
        assert new, f"{check.__name__} did not see the injected violation"
        for text in named:
            assert any(text in v for v in new), f"{text!r} not in {new}"


@pytest.fixture
def real(real_template, baselines, tmp_path) -> Copy:
    root = tmp_path / "tree"
    shutil.copytree(real_template, root)
    return Copy(root, real_template, baselines)


def test_a_loop_through_a_function_local_import_is_found(real):
    real.write("domain/injected_a.py", "from iro_desktop.domain import injected_b\n")
    real.write(
        "domain/injected_b.py", "def later():\n    from iro_desktop.domain import injected_a\n"
    )
    real.assert_new_violation(
        checks.import_cycles,
        f"loop between {PKG}.domain.injected_a, {PKG}.domain.injected_b",
        f"{PKG}.domain.injected_b:2 imports {PKG}.domain.injected_a",
    )


def test_a_loop_across_packages_is_found(real):
    real.write("paths.py", "\n\ndef _injected():\n    import iro_desktop.errors\n")
    real.write("errors.py", "\n\ndef _injected():\n    import iro_desktop.paths\n")
    real.assert_new_violation(
        checks.import_cycles,
        f"loop between {PKG}.errors, {PKG}.paths",
    )


def _real_file(module: str) -> str:
    """Where to inject into `module` in the real copy: the plain module, or a new file in
    the package."""
    relative = module.removeprefix(PKG + ".").replace(".", "/")
    if (checks.REPO / PKG / f"{relative}.py").is_file():
        return f"{relative}.py"
    return f"{relative}/injected.py"


@pytest.mark.parametrize(("lower", "upper"), _upward_pairs())
def test_an_import_up_a_floor_is_found_with_its_line(real, lower, upper):
    relative = _real_file(lower)
    real.write(relative, f"\n\ndef _injected():\n    import {upper}\n")
    importer = f"{PKG}." + relative.removesuffix(".py").replace("/", ".")
    real.assert_new_violation(checks.upward_imports, f"{importer}:", f"imports {upper} (")


OUTSIDE_STORAGE = [
    n.removeprefix(PKG + ".") for n in CONFIG["sql"]["source_modules"] if n != f"{PKG}.__main__"
]


@pytest.mark.parametrize("where", OUTSIDE_STORAGE)
def test_sql_through_the_store_is_found_in_every_package(real, where):
    relative = _real_file(f"{PKG}.{where}")
    before = real.write(
        relative, '\ndef _injected(store):\n    return store.db.query("SELECT 1 FROM children")\n'
    )
    line = before + 3
    real.assert_new_violation(
        checks.database_access_outside_storage,
        f"{PKG}/{relative}:{line} .db",
        f"{PKG}/{relative}:{line} SQL 'SELECT 1 FROM children'",
    )


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("def f(store):\n    return store.db['children']\n", "injected.py:2 .db"),
        ("def f(store):\n    return store.db.conn\n", "injected.py:2 .conn"),
        ("def f(cursor, q):\n    cursor.execute(q)\n", "injected.py:2 .execute(...)"),
        (
            "def f(cursor, q, rows):\n    cursor.executemany(q, rows)\n",
            "injected.py:2 .executemany",
        ),
        ("TABLE = 'change_log'\n", "injected.py:1 names change_log"),
        ('"""Writes change_log rows itself."""\n', "injected.py:1 names change_log"),
        ("Q = 'insert into children (id) values (1)'\n", "injected.py:1 SQL"),
        ("def f(t):\n    return f'UPDATE [{t}] SET archived_on = ?'\n", "injected.py:2 SQL"),
        ("Q = '''\n    DELETE FROM drafts WHERE id = ?'''\n", "injected.py:1 SQL"),
        ("Q = 'PRAGMA user_version'\n", "injected.py:1 SQL"),
        ("Q = 'CREATE TABLE t (id INTEGER)'\n", "injected.py:1 SQL"),
        ("Q = 'ALTER TABLE t ADD COLUMN x'\n", "injected.py:1 SQL"),
        ("Q = 'DROP TABLE t'\n", "injected.py:1 SQL"),
    ],
)
def test_each_kind_of_database_access_is_found(real, code, found):
    real.write("exchange/injected.py", code)
    real.assert_new_violation(
        checks.database_access_outside_storage,
        f"{PKG}/exchange/{found}",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Update the chosen decision",
        "Delete one of the two columns",
        "Select a child",
        "update",
        "insert",
        "Create a new caseload",
        "Drop (say why)",
    ],
)
def test_words_that_begin_like_sql_are_not_sql(text):
    assert not checks.SQL.match(text)


@pytest.mark.parametrize(
    "code",
    ["# reads the change_log directly\n", "x = y.db.z\n", "rows = y.db['t']\n", "c.execute(q)\n"],
)
def test_the_acceptance_grep_finds_comments_too(real, code):
    real.write("services/injected.py", code)
    real.assert_new_violation(checks.grep_outside_storage, f"{PKG}/services/injected.py:1")


@pytest.mark.parametrize(
    ("relative", "code"),
    [
        ("services/injected.py", "import PySide6.QtCore\n"),
        ("logs.py", "\nfrom shiboken6 import isValid\n"),
        ("cli/injected.py", "def later():\n    from PySide6 import QtWidgets\n"),
    ],
)
def test_qt_outside_gui_is_found(real, relative, code):
    real.write(relative, code)
    real.assert_new_violation(checks.qt_outside_gui, f"{PKG}/{relative}:")


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("import datetime as d\nX = d.date.today()\n", ":2 reads the clock (datetime.date.today)"),
        (
            "from datetime import date as D\nX = D.today()\n",
            ":2 reads the clock (datetime.date.today)",
        ),
        ("import time as t\nX = t.time()\n", ":2 reads the clock (time.time)"),
        (
            "from datetime import datetime\nX = datetime.now()\n",
            ":2 reads the clock (datetime.datetime.now)",
        ),
        ("import datetime\nX = datetime.datetime.utcnow()\n", ":2 reads the clock"),
        ("from time import time as now\nX = now()\n", ":2 reads the clock (time.time)"),
        ("from time import monotonic\nX = monotonic()\n", ":2 reads the clock (time.monotonic)"),
        (
            "from datetime import date\nTODAY = date.today\n",
            ":2 reads the clock (datetime.date.today)",
        ),
        (
            "def f():\n    import datetime as d\n    return d.datetime.today()\n",
            ":3 reads the clock",
        ),
        (
            "from datetime import *\nX = datetime.now()\n",
            ":2 reads the clock (datetime.datetime.now)",
        ),
        ("print('hello')\n", ":1 print()"),
        ("def f(p):\n    return open(p)\n", ":2 open()"),
    ],
)
def test_the_clock_in_the_domain_is_found_through_any_alias(real, code, found):
    real.write("domain/injected.py", code)
    real.assert_new_violation(
        checks.clock_reads_in_domain,
        f"{PKG}/domain/injected.py{found}",
    )


def test_dates_that_are_not_the_clock_are_not_flagged(real):
    """The negative control: making and parsing dates is not reading the clock."""
    real.write(
        "domain/injected.py",
        (
            "import datetime as d\nfrom datetime import date\n"
            "X = date(2026, 1, 1)\nY = d.date.fromisoformat('2026-01-01')\n"
            "Z = d.timedelta(days=1)\n"
        ),
    )
    assert set(checks.clock_reads_in_domain(real.root)) == real.baseline(
        checks.clock_reads_in_domain
    )
