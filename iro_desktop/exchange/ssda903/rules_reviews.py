"""The DfE SSDA903 rules on the reviews table (see ``rule_kit``); each registers itself
with ``rule``."""

from __future__ import annotations

from collections.abc import Iterator

from iro_desktop.domain.schedule import birthday
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903 import years as years
from iro_desktop.exchange.ssda903.rule_kit import (
    Hit,
    Tables,
    date_rule,
    dmy_date,
    rows_of,
    rule,
)

# --- reviews ---------------------------------------------------------------------------------

rule("166", "REVIEW (date of review) must be a valid date DD/MM/YYYY, not blank.")(
    date_rule(spec.REVIEWS, "REVIEW", blank_ok=False)
)


@rule("167", "REVIEW_CODE must be PN0-PN7 for a review with a date (both blank otherwise).")
def _rule_167(tables: Tables) -> Iterator[Hit]:
    for i, row in enumerate(rows_of(tables, spec.REVIEWS)):
        held, code = row.get("REVIEW", ""), row.get("REVIEW_CODE", "")
        if (held and code not in spec.REVIEW_CODES) or (not held and code):
            yield spec.REVIEWS, i, ("REVIEW_CODE",)


def _age_rule(under_four: bool):
    def check(tables: Tables) -> Iterator[Hit]:
        for i, row in enumerate(rows_of(tables, spec.REVIEWS)):
            dob, held = dmy_date(row.get("DOB", "")), dmy_date(row.get("REVIEW", ""))
            code = row.get("REVIEW_CODE", "")
            if dob is None or held is None:
                continue
            fourth = birthday(dob, 4)
            if under_four and code == "PN0" and held > fourth:
                yield spec.REVIEWS, i, ("DOB", "REVIEW", "REVIEW_CODE")
            if not under_four and code in spec.REVIEW_CODES - {"PN0"} and held < fourth:
                yield spec.REVIEWS, i, ("DOB", "REVIEW", "REVIEW_CODE")

    return check


rule("440", "PN0 is for a child under 4: not for a review after the 4th birthday.")(_age_rule(True))
rule("441", "PN1-PN7 are for a child of 4 or over: not for a review before the 4th birthday.")(
    _age_rule(False)
)


@rule("1012", "No REVIEWS row for a child with no episode in the return.")
def _rule_1012(tables: Tables) -> Iterator[Hit]:
    with_episodes = {r.get("CHILD", "") for r in rows_of(tables, spec.EPISODES)}
    for i, row in enumerate(rows_of(tables, spec.REVIEWS)):
        if row.get("CHILD", "") not in with_episodes:
            yield spec.REVIEWS, i, ("CHILD",)


@rule("INT17", "The DOB in REVIEWS must be the child's DOB in HEADER.")
def _rule_int17(tables: Tables) -> Iterator[Hit]:
    born = {r.get("CHILD", ""): r.get("DOB", "") for r in rows_of(tables, spec.HEADER)}
    for i, row in enumerate(rows_of(tables, spec.REVIEWS)):
        child = row.get("CHILD", "")
        if child in born and row.get("DOB", "") != born[child]:
            yield spec.REVIEWS, i, ("DOB",)
