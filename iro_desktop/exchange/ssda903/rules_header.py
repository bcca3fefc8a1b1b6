"""The DfE SSDA903 rules on the header table (see ``rule_kit``); each registers itself
with ``rule``."""

from __future__ import annotations

from collections.abc import Iterator

from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903 import years as years
from iro_desktop.exchange.ssda903.rule_kit import (
    Hit,
    Tables,
    code_rule,
    date_rule,
    rows_of,
    rule,
    short_break_children,
    year_codes,
)

# --- header ----------------------------------------------------------------------------------


@rule("101", "SEX must be one of the year's codes: M, F or U (1 or 2 before 2024-25).")
def _rule_101(tables: Tables) -> Iterator[Hit]:
    codes = year_codes().sex
    for i, row in enumerate(rows_of(tables, spec.HEADER)):
        if row.get("SEX", "") not in codes:
            yield spec.HEADER, i, ("SEX",)


rule("102", "DOB (date of birth) must be a valid date DD/MM/YYYY.")(
    date_rule(spec.HEADER, "DOB", blank_ok=False)
)
rule("103", "ETHNIC must be one of the DfE ethnicity codes.")(
    code_rule(spec.HEADER, "ETHNIC", spec.ETHNIC_CODES, blank_ok=False)
)


@rule("611", "A child recorded as a mother (MOTHER = 1) needs MC_DOB, her child's birth date.")
def _rule_611(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.HEADER)):
        if row.get("MOTHER", "") == "1" and not row.get("MC_DOB", ""):
            yield spec.HEADER, i, ("MOTHER", "MC_DOB")


@rule(
    "399",
    "No MOTHER, REVIEW or REVIEW_CODE for a child whose every episode is a short break (V3/V4).",
)
def _rule_399(tables: Tables) -> Iterator[Hit]:
    short = short_break_children(tables)
    for i, row in enumerate(rows_of(tables, spec.HEADER)):
        if row.get("CHILD", "") in short and row.get("MOTHER", ""):
            yield spec.HEADER, i, ("MOTHER",)
    for i, row in enumerate(rows_of(tables, spec.REVIEWS)):
        if row.get("CHILD", "") in short:
            yield spec.REVIEWS, i, ("REVIEW", "REVIEW_CODE")
