"""The kill soak: 1,000 random kill points (250 each of save, import, backup, passphrase
change), checked like ``test_kill.py``. Not run in CI: about 15 minutes on 2 cores.

    .venv/bin/python tests/safety/kill_soak.py [--kills 1000] [--seed 2026] [--workers 2]

Prints, per operation, how many kills landed in the middle of it, how many inside a write
transaction, what the reopened store held, and how many checks failed; exits 1 on a failure.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kill_harness import OPERATIONS, run_kills, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    each, extra = divmod(args.kills, len(OPERATIONS))
    plan = {op: each + (1 if i < extra else 0) for i, op in enumerate(OPERATIONS)}
    started = time.monotonic()
    outcomes = run_kills(plan, seed=args.seed, workers=args.workers)
    print(summary(outcomes))
    print(f"seed {args.seed}, {args.workers} at a time, {time.monotonic() - started:.0f} s")
    failures = [o for o in outcomes if not o.ok]
    for o in failures[:20]:
        print(f"FAILED {o.op} after {o.delay:.3f}s: {'; '.join(o.problems)}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
