"""The rules for marking the app's words (``iro_desktop/i18n.py``), checked over the whole
package: ``_`` is never called while a module loads (the language is chosen after every module
is imported, so such a string would stay English), never given an f-string (the catalogue
would hold the filled-in text, never found again), and never shadowed by a local ``_``
variable in a function that also translates (it would call the variable)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "iro_desktop"
TRANSLATING = {"_", "ngettext"}


@cache
def _modules() -> tuple[tuple[Path, ast.Module], ...]:
    return tuple(
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
        # the letters have their own domain and rules (iro_desktop/letters/i18n.py)
        if "letters" not in path.relative_to(PACKAGE).parts
    )


def _calls(node: ast.AST):
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Name)
            and child.func.id in TRANSLATING
        ):
            yield child


def _load_time_nodes(tree: ast.Module):
    """What runs when a module is imported: its statements and class bodies, and default
    values and decorators, but not function bodies."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stack.extend(node.decorator_list)
            stack.extend(node.args.defaults)
            stack.extend(d for d in node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.ClassDef):
            stack.extend(node.decorator_list)
            stack.extend(node.body)
            continue
        yield node
        stack.extend(
            child
            for child in ast.iter_child_nodes(node)
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        )


def test_nothing_is_translated_while_a_module_loads():
    found = []
    for path, tree in _modules():
        for node in _load_time_nodes(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in TRANSLATING
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, "use N_() for a constant and _(CONSTANT) where it is shown: " + ", ".join(
        found
    )


def test_no_f_string_is_given_to_the_catalogue():
    found = []
    for path, tree in _modules():
        for call in _calls(tree):
            if any(isinstance(arg, ast.JoinedStr) for arg in call.args):
                found.append(f"{path.relative_to(PACKAGE)}:{call.lineno}")
    assert not found, 'use _("... %(name)s ...") % {"name": value}: ' + ", ".join(found)


def _is_a_translator(node: ast.AST | None) -> bool:
    """A document in a language of its own (the decisions record follows the review's) takes
    its words from ``i18n.translator(lang)``, named ``_`` so the catalogue finds them."""
    if isinstance(node, ast.Name):
        return node.id == "Translator"
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        return name.endswith("translator")
    return False


def _binds_underscore(function: ast.AST) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "_" for t in node.targets
        ):
            if not _is_a_translator(node.value):
                return True
        elif (
            isinstance(node, ast.Name)
            and node.id == "_"
            and isinstance(node.ctx, ast.Store)
            and not any(isinstance(a, ast.Assign) and node in a.targets for a in ast.walk(function))
        ):
            return True
        if isinstance(node, ast.arg) and node.arg == "_" and not _is_a_translator(node.annotation):
            return True
    return False


def test_no_function_that_translates_also_binds_underscore():
    found = []
    for path, tree in _modules():
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            translates = any(c.func.id == "_" for c in _calls(function))
            if translates and _binds_underscore(function):
                found.append(f"{path.relative_to(PACKAGE)}:{function.lineno}")
    assert not found, "a local `_` hides the translator: rename it (e.g. `_unused`): " + str(found)
