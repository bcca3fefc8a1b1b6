"""The DfE SSDA903 validation rules that concern the header, episodes and reviews tables, as far
as an IRO's caseload can break them: ``RULES`` lists every rule checked (registered by
``rules_header``, ``rules_episodes`` and ``rules_reviews`` in that order), ``check_tables``
returns every breach found. See ``rule_kit`` for where the rules come from.
"""

from __future__ import annotations

# Imported for their rules: each registers its rules in RULES, in this order (header,
# episodes, reviews: the order breaches are listed in).
from iro_desktop.exchange.ssda903 import rules_header  # noqa: F401

# isort: split
from iro_desktop.exchange.ssda903 import rules_episodes  # noqa: F401

# isort: split
from iro_desktop.exchange.ssda903 import rules_reviews  # noqa: F401

# isort: split
from iro_desktop.exchange.ssda903.rule_kit import (
    CHECKED_YEAR,
    RULES,
    Problem,
    Rule,
    Tables,
)

__all__ = ["RULES", "RULES_BY_CODE", "Problem", "Rule", "check_tables"]

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def check_tables(
    tables: Tables, rules: list[str] | None = None, *, year: int | None = None
) -> list[Problem]:
    """Every breach of the rules (all of ``RULES``, or those named) in ``tables``, in rule
    order then file order; ``year`` is the collection year checked (its code lists; the
    newest when None)."""
    token = CHECKED_YEAR.set(year or 0)
    try:
        return _check(tables, rules)
    finally:
        CHECKED_YEAR.reset(token)


def _check(tables: Tables, rules: list[str] | None) -> list[Problem]:
    problems: list[Problem] = []
    for rule in RULES:
        if rules is not None and rule.code not in rules:
            continue
        seen: set[tuple[str, int]] = set()
        for table, index, columns in rule.check(tables):
            if (table, index) in seen:
                continue
            seen.add((table, index))
            row = tables[table][index]
            child = row.get("CHILD", "")
            problems.append(Problem(rule.code, table, index + 2, child, columns, rule.description))
    problems.sort(key=lambda p: (RULES.index(RULES_BY_CODE[p.rule]), p.table, p.row))
    return problems
