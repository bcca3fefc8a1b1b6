"""Build a service-sized store for benchmarks: 1,500 children, 10 years of history, ~30,000
reviews. Rows are written in bulk (no change history): this measures reading, not writing."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from iro_desktop.storage.database import Store
from iro_desktop.storage.history import now_stamp
from iro_desktop.storage.opening import open_store
from tests.raw import raw_db

BENCH_PASSPHRASE = "benchmark passphrase"


def build_service_store(
    path: Path, today: date, children: int = 1500, years: int = 10, seed: int = 7
) -> Store:
    rng = random.Random(seed)
    store = open_store(path, BENCH_PASSPHRASE, create=True)
    stamp = now_stamp()
    rows: dict[str, list[dict]] = {
        t: [] for t in ("children", "episodes", "reviews", "review_parts", "decisions", "contacts")
    }
    review_id = part_id = 0
    for cid in range(1, children + 1):
        # Most children of a service have years of history; one in ten is new-ish.
        if cid % 10 == 0:
            start = today - timedelta(days=rng.randint(0, years * 365))
        else:
            start = today - timedelta(days=rng.randint(6 * 365, years * 365))
        dob = start - timedelta(days=rng.randint(0, 7 * 365))
        rows["children"].append(
            {
                "id": cid,
                "child_ref": f"SV{cid:06d}",
                "first_name": f"Child{cid}",
                "last_name": "Bench",
                "dob": dob.isoformat(),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        rows["episodes"].append(
            {
                "child_id": cid,
                "decom": start.isoformat(),
                "rne": "S",
                "ls": "C2",
                "place": "U1",
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        move = start + timedelta(days=rng.randint(30, 900))
        if move < today:
            rows["episodes"].append(
                {
                    "child_id": cid,
                    "decom": move.isoformat(),
                    "rne": "P",
                    "ls": "C2",
                    "place": "U4",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        held = start + timedelta(days=rng.randint(14, 28))
        number = 1
        while held < today:
            review_id += 1
            part_id += 1
            rows["reviews"].append(
                {
                    "id": review_id,
                    "child_id": cid,
                    "status": "held",
                    "review_code": "PN1",
                    "decisions_circulated_on": held.isoformat(),
                    "letter_sent_on": held.isoformat(),
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            rows["review_parts"].append(
                {
                    "id": part_id,
                    "review_id": review_id,
                    "held_on": held.isoformat(),
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            for k in range(2):
                rows["decisions"].append(
                    {
                        "child_id": cid,
                        "review_id": review_id,
                        "what": f"Decision {k}",
                        "who": "Social worker",
                        "by_when": (held + timedelta(days=60)).isoformat(),
                        "status": "done" if held < today - timedelta(days=200) else "open",
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
            rows["contacts"].append(
                {
                    "child_id": cid,
                    "on": (held + timedelta(days=40)).isoformat(),
                    "kind": "visit",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            step = relativedelta(months=3 if number == 1 else 6)
            held = held + step - timedelta(days=rng.randint(0, 20))
            number += 1
    with store.atomic():
        for table, table_rows in rows.items():
            raw_db(store)[table].insert_all(table_rows, batch_size=2000)
    return store
