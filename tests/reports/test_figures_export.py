"""The figures out of the app: JSON, Word and CSV agree; no child's personal data leaves;
the service roll-up adds files up and refuses what cannot be added."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from matplotlib.figure import Figure

from iro_desktop.cli import main
from iro_desktop.domain.figures.counting import figures_for
from iro_desktop.domain.figures.model import Ratio
from iro_desktop.domain.figures.tables import figure_tables
from iro_desktop.domain.model import (
    Challenge,
    ChallengeStage,
    Child,
    ChildRecord,
    Episode,
    Review,
    ReviewPart,
)
from iro_desktop.domain.settings import Settings
from iro_desktop.domain.working_days import calendar_for
from iro_desktop.reports.figures_charts import chart_png, charts_for
from iro_desktop.reports.figures_export import figures_as_json, figures_from_json, write_csv
from iro_desktop.reports.figures_text import format_cell
from iro_desktop.services import figures as service
from iro_desktop.services.session import create_demo, open_demo_if_demo
from iro_desktop.storage.records import load_child_records
from iro_desktop.storage.settings_store import load_settings

ON = "2026-11-23"
TODAY = date.fromisoformat(ON)
REQUIRED = {
    "schema_version",
    "period",
    "region",
    "definitions_version",
    "reviews_held",
    "reviews_in_time",
    "reviews_missed",
    "children_reviewed",
    "children_all_reviews_in_time",
    "participation",
    "decisions_within_5_working_days",
    "letters_within_20_working_days",
    "challenges_raised",
    "challenges_resolved_in_time",
    "challenges_open_at_end",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("figures") / "demo.iro.db"
    create_demo(TODAY, path)
    return path


@pytest.fixture(scope="module")
def exported(demo, tmp_path_factory) -> dict:
    """The demo's figures for the last complete reporting year, written every way."""
    folder = tmp_path_factory.mktemp("out")
    store = open_demo_if_demo(demo)
    try:
        fig = service.figures_for(store, date(2025, 4, 1), date(2026, 3, 31), today=TODAY)
        records = load_child_records(store, include_archived=True)
    finally:
        store.close()
    return {
        "fig": fig,
        "records": records,
        "json": service.export_json(fig, folder / "f.json"),
        "word": service.export_word(fig, folder / "f.docx"),
        "csv": service.export_csv(fig, folder / "csv"),
        "folder": folder,
    }


def test_the_lean_load_gives_the_same_figures_as_the_full_records(demo):
    # The figures service reads only what can change a period's figures (no names, the last
    # two reviews before the period, the first after it): the figures must be the same as
    # from every full record, for complete, running and short periods.
    periods = [
        (date(2025, 4, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2027, 3, 31)),
        (date(2025, 10, 1), date(2026, 1, 31)),
        (date(2023, 4, 1), date(2024, 3, 31)),
    ]
    store = open_demo_if_demo(demo)
    try:
        settings = load_settings(store)
        full = load_child_records(store, include_archived=True)
        for start, end in periods:
            counted_to = min(end, TODAY - timedelta(days=1))
            lean = service.load_for_figures(store, start, counted_to)
            assert [r.child.child_ref for r in lean] == [r.child.child_ref for r in full]
            assert all(not r.child.first_name and not r.child.last_name for r in lean)
            args = (settings, calendar_for(settings), start, end, TODAY)
            assert figures_for(lean, *args) == figures_for(full, *args), (start, end)
            assert service.figures_for(store, start, end, today=TODAY) == figures_for(full, *args)
    finally:
        store.close()


def test_json_has_the_documented_keys_and_reads_back(exported):
    data = json.loads(exported["json"].read_text())
    assert set(data) >= REQUIRED
    assert data["period"] == {"from": "2025-04-01", "to": "2026-03-31"}
    assert set(data["participation"]) == {f"PN{i}" for i in range(8)}
    for key in (
        "reviews_in_time",
        "decisions_within_5_working_days",
        "challenges_resolved_in_time",
    ):
        assert set(data[key]) == {"numerator", "denominator", "percent"}
    assert (
        sum(data["participation"].values()) + data["participation_not_recorded"]
        == (data["reviews_held"])
    )
    assert figures_from_json(data) == exported["fig"]


def test_json_holds_no_child_reference_name_or_date_of_birth(exported):
    text = exported["json"].read_text()
    csv_text = "".join(p.read_text(encoding="utf-8-sig") for p in exported["folder"].rglob("*.csv"))
    for record in exported["records"]:
        c = record.child
        for value in (c.child_ref, c.first_name, c.last_name, c.preferred_name, c.upn):
            if value:
                pattern = rf"\b{re.escape(value)}\b"
                assert not re.search(pattern, text), value
                assert not re.search(pattern, csv_text), value
        for dob in (c.dob.isoformat(), c.dob.strftime("%d/%m/%Y")):
            assert dob not in text and dob not in csv_text
        assert not c.social_worker or c.social_worker not in text


def _docx_tables(path: Path) -> list[list[list[str]]]:
    document = Document(str(path))
    return [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]


def test_word_tables_match_the_json(exported):
    data = json.loads(exported["json"].read_text())
    tables = _docx_tables(exported["word"])
    expected = figure_tables(exported["fig"])
    assert len(tables) == len(expected)
    for grid, table in zip(tables, expected, strict=True):
        assert grid[0] == list(table.columns)
        assert grid[1:] == [
            [format_cell(v, table.columns[i]) for i, v in enumerate(row)] for row in table.rows
        ]
    rows = {row[0]: row[1:] for grid in tables for row in grid[1:]}

    def ratio(key):
        r = data[key]
        return [str(r["numerator"]), str(r["denominator"]), f"{r['percent']:.1f}%"]

    assert rows["Reviews held"][0] == str(data["reviews_held"])
    assert rows["Held in time"] == ratio("reviews_in_time")
    assert rows["Missed (fell due, never held)"][0] == str(data["reviews_missed"])
    assert rows["Children reviewed"][0] == str(data["children_reviewed"])
    assert rows["Children whose every review was in time (NI66-style)"] == ratio(
        "children_all_reviews_in_time"
    )
    assert rows["Decisions circulated within 5 working days"] == ratio(
        "decisions_within_5_working_days"
    )
    assert rows["Letter to the child within 20 working days"] == ratio(
        "letters_within_20_working_days"
    )
    assert rows["Challenges raised"][0] == str(data["challenges_raised"])
    assert rows["Open at the end of the period"][0] == str(data["challenges_open_at_end"])
    pn = next(g for g in tables if g[0][0] == "Participation code")
    for row in pn[1:9]:
        assert row[1] == str(data["participation"][row[0][:3]])
    assert pn[-1] == ["Total", str(data["reviews_held"])]
    document = Document(str(exported["word"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Each child counts for the IRO holding them at the end of the period" in text
    assert "NI66" in text  # the definitions are beside the tables
    assert len(document.inline_shapes) == 3  # the three charts


def test_the_demo_cli_json_agrees_with_the_service(demo, exported, capsys):
    capsys.readouterr()
    argv = ["figures", "--db", str(demo), "--on", ON, "--from", "2025-04-01"]
    assert main([*argv, "--to", "2026-03-31", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(exported["json"].read_text())


def test_csv_per_table_neutralises_formula_cells(tmp_path):
    c = Child(1, "X1", "A", "B", date(2012, 1, 1))
    stage = ChallengeStage(0, date(2025, 6, 2))
    records = [
        ChildRecord(
            c,
            (Episode(1, date(2025, 3, 3), "S", "C2", place="U4"),),
            (Review(2, parts=(ReviewPart(date(2025, 3, 31)),), review_code="PN1"),),
            challenges=(Challenge(3, '=HYPERLINK("x")', (stage,)), Challenge(4, "-2+3", (stage,))),
        )
    ]
    settings = Settings()
    fig = figures_for(
        records, settings, calendar_for(settings), date(2025, 4, 1), date(2026, 3, 31)
    )
    paths = write_csv(fig, tmp_path / "csv")
    names = {p.name for p in paths}
    assert {"timeliness.csv", "participation_codes.csv", "definitions.csv"} <= names
    with (tmp_path / "csv" / "challenges_by_theme.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Theme", "Raised"]
    themes = {row[0] for row in rows[1:]}
    assert '\'=HYPERLINK("x")' in themes and "'-2+3" in themes
    assert not any(t.startswith(("=", "+", "-", "@")) for t in themes)


def test_merge_adds_up_and_says_who_counts(exported, tmp_path, capsys):
    path = exported["json"]
    copy = tmp_path / "other.json"
    copy.write_text(path.read_text())
    capsys.readouterr()
    out = tmp_path / "service.docx"
    assert main(["figures", "--merge", str(path), str(copy), "--out", str(out), "--json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    single = json.loads(path.read_text())
    assert merged["iros"] == 2
    assert merged["reviews_held"] == 2 * single["reviews_held"]
    assert merged["reviews_in_time"]["denominator"] == 2 * single["reviews_in_time"]["denominator"]
    assert merged["participation"]["PN1"] == 2 * single["participation"]["PN1"]
    assert "IRO holding them at the end of the period" in merged["note"]
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Service roll-up of 2 IROs" in text
    assert "IRO holding them at the end of the period" in text


def test_merge_refuses_mismatched_periods_and_other_files(demo, exported, tmp_path, capsys):
    other = tmp_path / "other-year.json"
    argv = ["figures", "--db", str(demo), "--on", ON, "--from", "2024-04-01", "--to", "2025-03-31"]
    assert main([*argv, "--out-json", str(other)]) == 0
    capsys.readouterr()
    assert main(["figures", "--merge", str(exported["json"]), str(other), "--json"]) == 1
    err = capsys.readouterr().err
    assert "different periods" in err and "other-year.json" in err
    changed = json.loads(exported["json"].read_text())
    changed["definitions_version"] = "0"
    bad = tmp_path / "old-definitions.json"
    bad.write_text(json.dumps(changed))
    assert main(["figures", "--merge", str(exported["json"]), str(bad)]) == 1
    assert "different definitions" in capsys.readouterr().err
    assert main(["figures", "--merge", str(exported["json"]), str(exported["json"])]) == 1
    assert "given twice" in capsys.readouterr().err
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}')
    assert main(["figures", "--merge", str(junk)]) == 1
    assert "not an IRO Desktop figures file" in capsys.readouterr().err


def test_cli_defaults_to_the_reporting_year_and_checks_dates(demo, capsys):
    capsys.readouterr()
    assert main(["figures", "--db", str(demo), "--on", ON, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"from": "2026-04-01", "to": "2027-03-31"}
    assert data["counted_to"] == "2026-11-22" and data["period_complete"] is False
    argv = ["figures", "--db", str(demo), "--on", ON, "--from", "2026-03-01", "--to", "2026-01-01"]
    assert main(argv) == 1
    assert "--to is before --from" in capsys.readouterr().err
    assert main(["figures", "--db", str(demo), "--on", ON]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DEMO DATA") and "Participation codes" in out


def test_charts_are_accessible_figures_with_values_on_bars(exported):
    fig = exported["fig"]
    charts = charts_for(fig)
    assert set(charts) == {"reviews_by_month", "participation_codes", "challenges_by_theme"}
    for chart in charts.values():
        assert isinstance(chart, Figure)
        ax = chart.axes[0]
        assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
        assert chart_png(chart, dpi=50).startswith(b"\x89PNG")
    pn = charts["participation_codes"].axes[0]
    labels = {t.get_text() for t in pn.texts}
    assert {str(n) for n in fig.participation.values()} <= labels
    hatches = {p.get_hatch() for p in pn.patches}
    assert len(hatches) >= 3  # told apart by hatching, not colour alone
    month = charts["reviews_by_month"].axes[0]
    in_time = {str(c["in_time"]) for c in fig.reviews_by_month.values() if c["in_time"]}
    assert in_time <= {t.get_text() for t in month.texts}


def test_ratio_percent():
    assert Ratio(1, 3).percent == 33.3
    assert Ratio(0, 0).percent is None
    assert figures_as_json  # imported for the GUI engineer's use as well
