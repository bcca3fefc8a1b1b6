"""A small synthetic `iro_desktop` that keeps every import-linter contract, built from the
contracts themselves: one module per name the contracts mention, each floor importing the
floor below, storage importing the database driver, gui importing Qt, and the named
exceptions (`ignore_imports`) present as function-local imports. Because it is built from
pyproject.toml, renaming a package or the CLI's launch module needs no edit here.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from tests.architecture import checks

PACKAGE = checks.PACKAGE


def _internal_names(config: dict[str, dict]) -> set[str]:
    names: set[str] = set()
    for contract in config.values():
        for key in ("source_modules", "forbidden_modules", "modules"):
            names.update(contract.get(key, []))
        for layer in contract.get("layers", []):
            names.update(n.strip() for n in re.split(r"[|:]", layer))
        for pair in contract.get("ignore_imports", []):
            names.update(s.strip() for s in pair.split("->"))
    return {n for n in names if n.startswith(PACKAGE + ".")}


def _forbidden(importer: str, imported: str, config: dict[str, dict]) -> bool:
    return any(
        importer in c.get("source_modules", []) and imported in c.get("forbidden_modules", [])
        for c in config.values()
    )


def module_file(root: Path, name: str, real: Path = checks.REPO) -> Path:
    """Where module `name` lives under `root`: a plain module if it is one in the real tree
    (`paths.py`, `logs.py`), else a package (`storage/__init__.py`)."""
    parts = name.split(".")
    if (real.joinpath(*parts).with_suffix(".py")).is_file() or len(parts) > 2:
        return root.joinpath(*parts).with_suffix(".py")
    return root.joinpath(*parts, "__init__.py")


def _add(root: Path, name: str, line: str) -> None:
    path = module_file(root, name)
    for parent in path.relative_to(root).parents:
        if parent != Path("."):
            (root / parent).mkdir(parents=True, exist_ok=True)
            (root / parent / "__init__.py").touch()
    existing = path.read_text() if path.exists() else ""
    path.write_text(existing + line + "\n")


def build(root: Path, pyproject: Path = checks.PYPROJECT) -> Path:
    """Writes the clean synthetic package under `root`; returns `root`."""
    config = checks.contracts(pyproject)
    (root / PACKAGE).mkdir(parents=True)
    (root / PACKAGE / "__init__.py").write_text('"""Synthetic."""\n')
    for name in sorted(_internal_names(config)):
        _add(root, name, '"""Synthetic."""')
    layout = checks.floors(pyproject)
    for upper, lower in itertools.pairwise(layout):
        for name in upper[0]:
            allowed = [n for n in lower[0] if not _forbidden(name, n, config)]
            if allowed:
                _add(root, name, f"import {allowed[0]}")
    _add(root, f"{PACKAGE}.storage", "import sqlite_utils\nimport sqlite3")
    _add(root, f"{PACKAGE}.gui", "import PySide6")
    for importer, imported in checks.ignored_imports(pyproject):
        _add(root, importer, f"def launch():\n    import {imported}")
    return root


def inject(root: Path, module: str, line: str) -> Path:
    """Appends one line to `module` (creating it if need be); returns the file."""
    _add(root, module, line)
    return module_file(root, module)
