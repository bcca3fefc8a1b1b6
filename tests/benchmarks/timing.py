"""What the benchmarks here share: a median of repeated timings, and a caseload's tables."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

# Every table that holds a child's records: what a "plain SELECT of the same rows" reads.
RECORD_TABLES = (
    "children",
    "episodes",
    "reviews",
    "review_parts",
    "decisions",
    "pre_review_meetings",
    "contacts",
    "midpoint_checks",
    "challenges",
    "challenge_stages",
    "people",
)


def median_ms(fn: Callable[[], object], runs: int = 7, *, warm: bool = True) -> float:
    """The median wall time of ``runs`` calls, in milliseconds (after one unmeasured call
    when ``warm``, so caches and imports do not count)."""
    if warm:
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
