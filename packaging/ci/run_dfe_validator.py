"""Run the DfE's public 903 validator (csc-validator-be-903) over one folder of 903 CSVs.

Runs inside the validator's own virtual environment (it pins old pandas/numpy), so it imports
nothing from IRO Desktop. Usage: python run_dfe_validator.py FOLDER YEAR [PREV_FOLDER]
where YEAR is the collection year's end (2027 for 2026-27). Prints one line per rule that
fires: "CODE<TAB>rows<TAB>message", and nothing else on stdout.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

logging.disable(logging.CRITICAL)

from lac_validator import lac_validator  # noqa: E402
from lac_validator.report import Report  # noqa: E402
from lac_validator.utils import process_uploaded_files  # noqa: E402

TABLES = ("header.csv", "episodes.csv", "reviews.csv", "uasc.csv")


def main(folder: str, year: str, previous: str | None = None) -> int:
    files = {"This year": [str(Path(folder) / name) for name in TABLES]}
    if previous:
        files["Prev year"] = [str(Path(previous) / name) for name in TABLES]
    files = {k: [p for p in v if Path(p).is_file()] for k, v in files.items()}
    opened = {k: [open(p) for p in v] for k, v in files.items()}  # noqa: SIM115
    uploaded = process_uploaded_files(opened)
    ruleset = f"lac{int(year) - 1}_{year[2:4]}"
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    metadata = {"collectionYear": year, "localAuthority": "E09000027"}
    validator = lac_validator.LacValidator(
        metadata=metadata, files=uploaded, registry=registry, selected_rules=None
    )
    report = Report(validator.ds_results, registry).error_report
    for row in report.itertuples():
        if row.Count > 0:
            print(f"{row.Code}\t{int(row.Count)}\t{row.Description}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
