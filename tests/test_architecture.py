"""The seams hold: Qt only under iro_desktop/gui/, and a domain with no clock and no I/O."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "iro_desktop"
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
}
IO_NAMES = {"open", "input", "print"}


def _python_files(folder: Path):
    return sorted(p for p in folder.rglob("*.py"))


def test_import_linter_contracts_hold():
    """Runs the contracts in pyproject.toml: no Qt outside gui/, domain imports no I/O."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extras"
    result = subprocess.run([exe, "--no-cache"], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_outside_gui_imports_qt():
    offenders = []
    for path in _python_files(PACKAGE):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_domain_never_reads_the_clock_or_does_io():
    offenders = []
    for path in _python_files(PACKAGE / "domain"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                    if (func.value.id, func.attr) in CLOCK_CALLS:
                        offenders.append(f"{path.name}:{node.lineno} {func.value.id}.{func.attr}")
                elif isinstance(func, ast.Name) and func.id in IO_NAMES:
                    offenders.append(f"{path.name}:{node.lineno} {func.id}()")
    assert offenders == []
