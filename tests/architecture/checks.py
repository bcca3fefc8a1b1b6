"""The architecture checks, each a function of a root folder (the one holding `iro_desktop/`).

Taking a root, not importing the package, is what lets the tests run every check both on the
real tree and on a temporary copy with one violation injected (test_checks_can_fail.py).
Every check returns a sorted list of violations, each naming `path:line` and what it found,
so a failing test says where to look. Paths are relative to the root.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import importlib
import io
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import grimp
from importlinter import configuration
from importlinter.application import use_cases

PACKAGE = "iro_desktop"
REPO = Path(__file__).resolve().parents[2]
PYPROJECT = REPO / "pyproject.toml"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def python_files(root: Path, under: str = "") -> list[Path]:
    folder = root / PACKAGE / under if under else root / PACKAGE
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _parts(root: Path, path: Path) -> tuple[str, ...]:
    """The path's parts inside the package: ("storage", "database.py")."""
    return path.relative_to(root / PACKAGE).parts


# --- import-linter ------------------------------------------------------------------------


def contracts(pyproject: Path = PYPROJECT) -> dict[str, dict]:
    """The import-linter contracts, by id."""
    config = tomllib.loads(pyproject.read_text())["tool"]["importlinter"]
    return {c["id"]: c for c in config["contracts"]}


def floors(pyproject: Path = PYPROJECT) -> list[tuple[list[str], bool]]:
    """The layers contract, top floor first: (modules on the floor, whether independent)."""
    result = []
    for layer in contracts(pyproject)["layers"]["layers"]:
        independent = ":" not in layer
        names = [n.strip() for n in re.split(r"[|:]", layer)]
        result.append((names, independent))
    return result


def ignored_imports(pyproject: Path = PYPROJECT) -> set[tuple[str, str]]:
    """The named exceptions of the layers contract as (importer, imported)."""
    pairs = contracts(pyproject)["layers"].get("ignore_imports", [])
    return {tuple(s.strip() for s in pair.split("->")) for pair in pairs}  # type: ignore[misc]


def run_lint_imports(
    root: Path, config: Path, only: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Runs lint-imports in a subprocess on the package under `root` (so a copy is linted, not
    the imported package). `only` limits it to those contract ids."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extras"
    command = [exe, "--no-cache", str(config)]
    for contract in only:
        command += ["--contract", contract]
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(command, capture_output=True, text=True, cwd=root, env=env)


# --- the import graph (grimp) ---------------------------------------------------------------


@contextmanager
def package_at(root: Path) -> Iterator[None]:
    """Makes `import iro_desktop` resolve to the copy under `root` while grimp reads it.

    grimp finds the package with importlib.util.find_spec, which answers from sys.modules when
    the package is already imported (as it is in the test session); hide the imported one and
    put `root` first on the path for the time it takes to read the files (grimp parses, it
    never imports, so nothing of the copy lands in sys.modules)."""
    saved = sys.modules.pop(PACKAGE, None)
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path.remove(str(root))
        if saved is not None:
            sys.modules[PACKAGE] = saved
        importlib.invalidate_caches()


@contextmanager
def import_graph(root: Path) -> Iterator[grimp.ImportGraph]:
    """grimp's graph of the package under `root`, imports inside functions and under
    TYPE_CHECKING included (a type-only loop still ties two modules together)."""
    with package_at(root):
        yield grimp.build_graph(PACKAGE, cache_dir=None)


def lint_in_process(root: Path, config: Path, only: tuple[str, ...] = ()) -> tuple[bool, str]:
    """import-linter's own use case (what `lint-imports` runs) on the package under `root`, in
    this process: about 15 ms against 0.3 s for a subprocess, which lets every injected
    violation be checked before and after. Returns (passed, the report as printed)."""
    configuration.configure()  # what importing importlinter.cli does
    report = io.StringIO()
    with package_at(root), contextlib.redirect_stdout(report):
        passed = use_cases.lint_imports(
            config_filename=str(config), limit_to_contracts=only, cache_dir=None, no_logo=True
        )
    return passed, report.getvalue()


def _lines(graph: grimp.ImportGraph, importer: str, imported: str) -> list[str]:
    details = graph.get_import_details(importer=importer, imported=imported)
    return [f"{importer}:{d['line_number']} imports {imported}" for d in details] or [
        f"{importer} imports {imported}"
    ]


def _strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    internal = {m for m in graph.modules if m == PACKAGE or m.startswith(PACKAGE + ".")}
    for start in sorted(internal):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start) & internal)))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    nexts = graph.find_modules_directly_imported_by(child) & internal
                    work.append((child, iter(sorted(nexts))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return sorted(groups)


def import_cycles(root: Path) -> list[str]:
    """One violation per loop: the modules that import each other and the import lines
    between them. (grimp records no edge from a package to its children, so a package's
    `__init__` is in a loop only if an import statement puts it there.)"""
    with import_graph(root) as graph:
        found = []
        for group in _strongly_connected(graph):
            members = set(group)
            lines = [
                line
                for importer in group
                for imported in sorted(graph.find_modules_directly_imported_by(importer) & members)
                for line in _lines(graph, importer, imported)
            ]
            found.append("loop between " + ", ".join(group) + ": " + "; ".join(lines))
        return found


def _floor_of(module: str, layout: list[tuple[list[str], bool]]) -> tuple[int, str] | None:
    for number, (names, _) in enumerate(layout):
        for name in names:
            if module == name or module.startswith(name + "."):
                return number, name
    return None


def upward_imports(root: Path, pyproject: Path = PYPROJECT) -> list[str]:
    """Direct imports from a lower floor to a higher one, or between independent siblings of
    one floor (floors read from the layers contract, so the two checks cannot drift).
    Checking direct imports is enough: an indirect upward path needs one upward step."""
    layout = floors(pyproject)
    exceptions = ignored_imports(pyproject)
    found = []
    with import_graph(root) as graph:
        for importer in sorted(graph.modules):
            source = _floor_of(importer, layout)
            if source is None:
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                target = _floor_of(imported, layout)
                if target is None or (importer, imported) in exceptions:
                    continue
                upward = target[0] < source[0]
                sideways = (
                    target[0] == source[0] and target[1] != source[1] and layout[source[0]][1]
                )
                if upward or sideways:
                    why = "a higher floor" if upward else "an independent sibling"
                    found += [
                        f"{line} ({why}: {source[1]} -> {target[1]})"
                        for line in _lines(graph, importer, imported)
                    ]
    return found


# --- AST checks -----------------------------------------------------------------------------

# The shape of a statement, not just its first word: "Update the chosen decision" and the
# action names "insert"/"update" are not SQL; "UPDATE reviews SET" is.
SQL = re.compile(
    r"""^\s*(
        SELECT\s.*?\bFROM\b
      | INSERT\s+(OR\s+\w+\s+)?INTO\b
      | REPLACE\s+INTO\b
      | UPDATE\s+\S+\s+SET\b
      | DELETE\s+FROM\b
      | PRAGMA\s+\w+
      | CREATE\s+(TEMP\w*\s+|UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b
      | ALTER\s+TABLE\b
      | DROP\s+(TABLE|INDEX|VIEW|TRIGGER)\b
    )""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
# `args.db` is the command line's --db option (a path), not a connection.
DB_ATTRIBUTE_EXEMPT_OWNERS = {"args"}
CONNECTION_ATTRIBUTES = {"db", "conn"}
EXECUTE_METHODS = {"execute", "executemany", "executescript"}


def _strings(tree: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """Every string literal; an f-string as one text with `{}` for each value."""
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
                for v in node.values
            )
            inside_fstrings.update(id(v) for v in node.values)
            yield node, text
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in inside_fstrings
        ):
            yield node, node.value


def database_access_outside_storage(root: Path) -> list[str]:
    """Outside storage/: no SQL text, no `.db`/`.conn` attribute, no `.execute(...)` call and
    no string naming `change_log`."""
    return _per_file(root, _database_access, lambda parts: parts[0] != "storage")


def _per_file(root: Path, check, wanted, under: str = "") -> list[str]:
    """Runs a per-file check on every wanted file. The per-file checks are cached on the
    file's text, so a copy of the tree with one file changed costs one parse."""
    found: list[str] = []
    for path in python_files(root, under):
        if wanted(_parts(root, path)):
            relative = path.relative_to(root).as_posix()
            found += [f"{relative}:{v}" for v in check(path.read_text())]
    return sorted(found)


@functools.lru_cache(maxsize=1024)
def _database_access(text: str) -> tuple[str, ...]:
    found = []
    tree = ast.parse(text)
    for node, string in _strings(tree):
        if SQL.match(string):
            found.append(f"{node.lineno} SQL {string.strip()[:40]!r}")
        if "change_log" in string:
            found.append(f"{node.lineno} names change_log")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in CONNECTION_ATTRIBUTES:
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            if node.attr == "db" and owner in DB_ATTRIBUTE_EXEMPT_OWNERS:
                continue
            found.append(f"{node.lineno} .{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in EXECUTE_METHODS
        ):
            found.append(f"{node.lineno} .{node.func.attr}(...)")
    return tuple(found)


GREP = re.compile(r"\.db\.|\.db\[|execute(many|script)?\(|change_log")


def grep_outside_storage(root: Path) -> list[str]:
    """The issue's acceptance grep, comments included: `.db.`, `.db[`, `execute(`, `change_log`
    outside storage/."""
    return _per_file(root, _grep, lambda parts: parts[0] != "storage")


@functools.lru_cache(maxsize=1024)
def _grep(text: str) -> tuple[str, ...]:
    return tuple(
        f"{number} {line.strip()[:60]}"
        for number, line in enumerate(text.splitlines(), 1)
        if GREP.search(line)
    )


def qt_outside_gui(root: Path) -> list[str]:
    return _per_file(root, _qt_imports, lambda parts: parts[0] != "gui")


@functools.lru_cache(maxsize=1024)
def _qt_imports(text: str) -> tuple[str, ...]:
    found = []
    for node in ast.walk(ast.parse(text)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        found += [f"{node.lineno} imports {n}" for n in names if n.split(".")[0] in QT]
    return tuple(found)


# The clock, by the dotted name of what is called or referenced.
CLOCK = {
    "datetime.date.today",
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "datetime.datetime.today",
    *(
        f"time.{name}"
        for name in (
            "time",
            "time_ns",
            "monotonic",
            "monotonic_ns",
            "perf_counter",
            "perf_counter_ns",
            "localtime",
            "gmtime",
            "ctime",
            "asctime",
        )
    ),
}
# A name no import binds keeps the meaning the old check gave it (`date.today()`).
UNBOUND = {"date": "datetime.date", "datetime": "datetime.datetime", "time": "time"}
IO_NAMES = {"open", "input", "print"}


def _aliases(tree: ast.AST) -> dict[str, str]:
    """Every name an import binds anywhere in the module, to its dotted origin:
    `import datetime as d` -> d: datetime; `from datetime import date as D` -> D: datetime.date."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if alias.name == "*":
                    for member in ("date", "datetime", "time"):
                        names.setdefault(member, f"{node.module}.{member}")
                else:
                    names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.AST, names: dict[str, str]) -> str | None:
    attrs = []
    while isinstance(node, ast.Attribute):
        attrs.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    base = names.get(node.id) or UNBOUND.get(node.id, node.id)
    return ".".join([base, *reversed(attrs)])


def clock_reads_in_domain(root: Path) -> list[str]:
    """In domain/: no read of the clock, called or passed on (`default_factory=date.today`),
    through whatever name an import gave it; no open/input/print."""
    return _per_file(root, _clock_and_io, lambda parts: True, "domain")


@functools.lru_cache(maxsize=1024)
def _clock_and_io(text: str) -> tuple[str, ...]:
    found = []
    tree = ast.parse(text)
    names = _aliases(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute | ast.Name) and isinstance(node.ctx, ast.Load):
            dotted = _dotted(node, names)
            if dotted in CLOCK:
                found.append(f"{node.lineno} reads the clock ({dotted})")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in IO_NAMES
        ):
            found.append(f"{node.lineno} {node.func.id}()")
    return tuple(found)
