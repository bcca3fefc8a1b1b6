"""Benchmark: writing letters to children, one and a week's batch of 20.

Run on its own (not in CI):  .venv/bin/python tests/benchmarks/bench_letters.py
Each figure is the median of several warm runs (imports and the first template load done
once before timing). The baseline is python-docx opening an empty Document and saving it,
the least any Word file costs. Targets: one letter under 300 ms; 20 letters under 3 s.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docx import Document

from iro_desktop.letters.checks import letter_warnings, sensitive_items
from iro_desktop.letters.render import write_letter_docx
from iro_desktop.services.letters import write_letter
from iro_desktop.services.session import create_demo, open_demo_if_demo
from iro_desktop.storage.records import load_child_records
from tests.benchmarks.timing import median_ms
from tests.letters.situations import letter_for, situations

TODAY = date(2026, 11, 23)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        create_demo(TODAY, out / "demo.iro.db")
        store = open_demo_if_demo(out / "demo.iro.db")
        refs = [
            r.child.child_ref
            for r in load_child_records(store)
            if any(review.is_held for review in r.reviews)
        ][:20]
        assert len(refs) == 20

        def baseline() -> None:
            Document().save(str(out / "empty.docx"))

        options = {"use_suggestions": True, "confirm_sensitive": True}

        def one() -> None:
            write_letter(store, refs[0], None, None, None, out / "one.docx", TODAY, **options)

        def batch() -> None:
            for i, ref in enumerate(refs):
                write_letter(store, ref, None, None, None, out / f"l{i}.docx", TODAY, **options)

        # A full letter (every section, the rights page, Welsh and English) built from a
        # record made in code: the demo's child-facing texts land separately.
        full = situations()["welsh_both"]

        def full_letter() -> None:
            letters = letter_for(full, with_rights=True)
            letter_warnings(letters, full.record.reviews[-1])
            sensitive_items(letters)
            write_letter_docx(letters, full.settings, out / "full.docx")

        baseline(), one(), full_letter()  # warm: imports, catalogues, glossary
        base_ms = median_ms(baseline, warm=False)
        one_ms = median_ms(one, warm=False)
        full_ms = median_ms(full_letter, warm=False)
        batch_ms = median_ms(batch, runs=3, warm=False)
        store.close()
    print(f"baseline: python-docx empty Document open+save   {base_ms:7.1f} ms")
    print(
        f"one letter (build, check, render, record)        {one_ms:7.1f} ms "
        f"({one_ms / base_ms:.1f}x baseline)  target < 300 ms"
    )
    print(
        f"one full bilingual letter with rights pages      {full_ms:7.1f} ms "
        f"({full_ms / base_ms:.1f}x baseline)  target < 300 ms"
    )
    print(
        f"20 letters in a batch                            {batch_ms:7.1f} ms "
        f"({batch_ms / base_ms:.1f}x baseline)  target < 3000 ms"
    )
    ok = one_ms < 300 and full_ms < 300 and batch_ms < 3000
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
