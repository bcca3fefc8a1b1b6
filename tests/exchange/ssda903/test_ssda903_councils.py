"""903 files as councils send them today: current codes (M/F/U, K3, Z11-Z14) and old ones,
file names with prefixes, duplicates, ``1.0``, the DfE XML, bad values refused whole, bounded
reads, and yearly returns that add up whatever the import order."""

from __future__ import annotations

import random
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.ssda903.files import Limits
from iro_desktop.exchange.ssda903.read import import_903
from iro_desktop.exchange.ssda903.write import build_903, write_903
from iro_desktop.services.caseload import caseload, schedule_as_json
from iro_desktop.storage.opening import open_store
from iro_desktop.storage.records import load_child_record
from iro_desktop.storage.settings_store import load_settings
from tests.conftest import DEMO_DAY
from tests.exchange.ssda903.test_ssda903_import import snapshot

FIXTURES = Path(__file__).parents[2] / "fixtures" / "903"
CURRENT, OLD = FIXTURES / "current", FIXTURES / "old"
TODAY = date(2026, 4, 20)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "t.db", "pw", create=True)
    yield opened
    opened.close()


def test_a_current_format_return_imports_with_its_codes(store):
    report = import_903(store, CURRENT, today=TODAY)

    n1, n2, n3 = (load_child_record(store, ref) for ref in ("N001", "N002", "N003"))
    assert (n1.child.gender, n2.child.gender, n3.child.gender) == ("M", "F", "U")
    assert n2.child.mother == "1"  # written 1.0 by a spreadsheet
    assert [e.place for e in sorted(n1.episodes, key=lambda e: e.decom)] == ["U1", "K3"]
    assert n2.episodes[0].place == "Z11" and n3.episodes[0].place == "Z14"
    # The repeated review row is read once and reported.
    assert len(n1.reviews) == 1 and report.duplicates == 1
    assert any("exact copy of row 2" in w for w in report.warnings)
    # The files' dates lie in 2025-26: the summary says so.
    assert report.year == 2026 and report.year_inferred
    assert "2025-26 return" in report.summary_lines()[0]
    assert report.as_json()["year"] == 2026


def test_an_old_format_return_still_imports_into_the_one_vocabulary(store):
    report = import_903(store, OLD, today=TODAY)
    p1, p2 = load_child_record(store, "P001"), load_child_record(store, "P002")
    assert (p1.child.gender, p2.child.gender) == ("M", "F")
    assert sorted(e.place for e in p2.episodes) == ["H5", "P2"]
    assert report.year == 2023
    # 1/2 and H5/P2 are the 2022-23 codes: nothing to warn about.
    assert not [w for w in report.warnings if "rule 101" in w or "rule 146" in w]


def test_a_code_of_another_year_is_imported_and_listed(store, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(CURRENT, folder)
    path = folder / "LA123-Header-2026.CSV"
    path.write_text(path.read_text().replace("N001,M,", "N001,1,"))
    path = folder / "LA123-Episodes-2026.CSV"
    path.write_text(path.read_text().replace("P,C2,N1,K3", "P,C2,N1,H5"))
    report = import_903(store, folder, today=TODAY)
    assert load_child_record(store, "N001").child.gender == "M"  # 1 read as M: no warning
    assert [w for w in report.warnings if "rule 146" in w] == [
        "LA123-Episodes-2026.CSV, row 3, column PLACE: child N001's PLACE H5 is not in the "
        "2025-26 list (DfE rule 146). Imported as it is."
    ]


def test_file_names_any_case_any_prefix_and_ambiguity_refused(store, tmp_path):
    folder = tmp_path / "two"
    shutil.copytree(CURRENT, folder)
    shutil.copy(folder / "LA123-Header-2026.CSV", folder / "2021-header.csv")
    with pytest.raises(Bad903File) as refused:
        import_903(store, folder, today=TODAY)
    assert "2021-header.csv" in str(refused.value) and "LA123-Header-2026.CSV" in str(refused.value)
    assert "could both be the header table" in str(refused.value)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("N001,M,12/05/2015", "../../x,M,12/05/2015", ["row 2", "column CHILD", "reference"]),
        ("N002,F,03/03/2010,MWBC,UN5", "N002,F,03/03/2010,MWBC,=1+2",
         ["row 3", "column UPN", "child N002", "formula"]),
        ("N003,U,01/06/2022,WBRI,UN1", "N003,U,01/06/2022,WBRI,UN\u202e1",
         ["row 4", "column UPN", "child N003", "control character (U+202E)"]),
        ("N001,M,12/05/2015", "N001,Q,12/05/2015", ["row 2", "column SEX", "child N001"]),
        ("N002,F,03/03/2010", "N002,F,31/02/2010", ["row 3", "column DOB", "child N002"]),
    ],
)  # fmt: skip
def test_one_bad_value_refuses_the_whole_import_naming_child_table_and_field(
    store, tmp_path, old, new, expected
):
    folder = tmp_path / "bad"
    shutil.copytree(CURRENT, folder)
    path = folder / "LA123-Header-2026.CSV"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    before = snapshot(store)
    with pytest.raises(Bad903File) as refused:
        import_903(store, folder, today=TODAY)
    message = str(refused.value)
    assert message.startswith("LA123-Header-2026.CSV")
    for part in expected:
        assert part in message
    assert "\u202e" not in message
    assert snapshot(store) == before


def test_a_million_row_header_is_refused_in_seconds(store, tmp_path):
    folder = tmp_path / "huge"
    shutil.copytree(CURRENT, folder)
    with (folder / "LA123-Header-2026.CSV").open("a", encoding="utf-8") as out:
        out.writelines(f"X{n},M,01/01/2010,WBRI,UN5,,\n" for n in range(1_000_000))
    started = time.perf_counter()
    with pytest.raises(Bad903File, match="more than 250,000 rows"):
        import_903(store, folder, today=TODAY)
    assert time.perf_counter() - started < 20
    # A smaller setting refuses sooner.
    with pytest.raises(Bad903File, match="more than 2 rows"):
        import_903(store, CURRENT, today=TODAY, limits=Limits(max_rows=2))


def test_a_100_mb_file_is_refused_before_it_is_read(store, tmp_path):
    folder = tmp_path / "big"
    shutil.copytree(CURRENT, folder)
    with (folder / "LA123-Episodes-2026.CSV").open("r+b") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: nothing to read, only its size
    started = time.perf_counter()
    with pytest.raises(Bad903File, match="100 MB, more than the 64 MB"):
        import_903(store, folder, today=TODAY)
    assert time.perf_counter() - started < 2


XML = """<?xml version="1.0" encoding="utf-8"?>
<Message><Header><CollectionDetails><Collection>SSDA903</Collection></CollectionDetails></Header>
<Children>
<Child><CHILDID>N001</CHILDID><SEX>M</SEX><DOB>12/05/2015</DOB><ETHNIC>WBRI</ETHNIC>
 <UPN>A12345678901B</UPN>
 <EPISODE><DECOM>19/12/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>
  <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>10/02/2026</DEC><REC>X1</REC>
  <REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE><URN>SC111111</URN></EPISODE>
 <EPISODE><DECOM>10/02/2026</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>K3</PL>
  <PLACE_PROVIDER>PR1</PLACE_PROVIDER><URN>SC222222</URN></EPISODE>
 <HEADER><AREVIEW><REVIEW>21/01/2026</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW></HEADER>
</Child>
<Child><CHILDID>N002</CHILDID><SEX>F</SEX><DOB>03/03/2010</DOB><ETHNIC>MWBC</ETHNIC>
 <MOTHER>1</MOTHER><MC_DOB>01/02/2026</MC_DOB><DUC>03/03/2028</DUC>
 <EPISODE><DECOM>01/09/2025</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N1</CIN><PL>Z11</PL></EPISODE>
</Child>
</Children></Message>
"""


def test_the_dfe_xml_is_read_into_the_same_import(store, tmp_path):
    path = tmp_path / "return.xml"
    path.write_text(XML, encoding="utf-8")
    report = import_903(store, path, today=TODAY)  # detected as XML
    n1, n2 = load_child_record(store, "N001"), load_child_record(store, "N002")
    assert sorted(e.place for e in n1.episodes) == ["K3", "U1"]
    assert [r.part_dates[0] for r in n1.reviews] == [date(2026, 1, 21)]
    assert n2.child.uasc and n2.child.uasc_ceased == date(2028, 3, 3)
    assert counts_added(report) == (2, 3, 1)


def test_xml_with_entities_is_refused(store, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    with pytest.raises(Bad903File, match="DOCTYPE or entities"):
        import_903(store, path, today=TODAY, xml=True)


def counts_added(report) -> tuple[int, int, int]:
    return tuple(report.counts[t].added for t in ("children", "episodes", "reviews"))


def test_reason_ended_without_end_date_and_review_before_first_episode_are_warnings(
    store, tmp_path
):
    folder = tmp_path / "warn"
    shutil.copytree(CURRENT, folder)
    episodes = folder / "LA123-Episodes-2026.CSV"
    open_episode = "N003,05/01/2026,S,C1,N1,Z14,,,,"
    episodes.write_text(episodes.read_text().replace(open_episode, open_episode[:-1] + "E13,"))
    report = import_903(store, folder, today=TODAY)
    assert any("N003's episode has a reason ended (REC) but no end date" in w
               for w in report.warnings)  # fmt: skip
    assert not [w for w in report.warnings if "before their first episode" in w]
    reviews = folder / "LA123-Reviews-2026.CSV"
    early = reviews.read_text().replace("2022,02/02/2026", "2022,02/01/2026")
    reviews.write_text(early)
    report = import_903(store, folder, today=TODAY)
    assert any("N003's review of 02/01/2026 is before their first episode" in w
               for w in report.warnings)  # fmt: skip


# --- yearly returns that add up ----------------------------------------------------------------


def _schedules(store, settings) -> dict[str, dict]:
    out = {}
    for overview in caseload(store, DEMO_DAY, settings):
        data = schedule_as_json(overview, settings)
        data.pop("language")
        for review in data["reviews"]:
            review["parts"] = review["parts"][:1]
        out[data["child"]] = data
    return out


def test_yearly_returns_in_any_order_give_the_all_years_schedule(demo_file, tmp_path):
    from iro_desktop.services.session import open_demo_if_demo

    demo = open_demo_if_demo(demo_file)
    years = list(range(2016, 2028))
    try:
        settings = load_settings(demo)
        for year in years:
            write_903(build_903(demo, year), tmp_path / str(year))
        write_903(build_903(demo, None), tmp_path / "all")
    finally:
        demo.close()

    whole = open_store(tmp_path / "whole.db", "pw", create=True)
    import_903(whole, tmp_path / "all", today=DEMO_DAY)
    expected = _schedules(whole, settings)
    whole.close()

    shuffled = years[:]
    random.Random(16).shuffle(shuffled)
    assert shuffled != years
    parts = open_store(tmp_path / "parts.db", "pw", create=True)
    reports = [import_903(parts, tmp_path / str(y), today=DEMO_DAY) for y in shuffled]
    assert [r.year for r in reports] == shuffled  # each read as its own year
    got = _schedules(parts, settings)
    parts.close()
    # Short-break reviews are not in a DfE return (rule 399): only the all-years file has them.
    short_break = {c for c, d in expected.items() if d.get("regime") == "short_breaks"}
    assert got.keys() == expected.keys()
    differ = {c for c in expected if got[c] != expected[c]}
    assert differ <= short_break, sorted(differ - short_break)


def test_the_later_year_wins_whatever_the_import_order(demo_file, tmp_path):
    """An episode open on 31 March 2026 is returned open in 2025-26 and ended in 2026-27:
    importing 2025-26 after 2026-27 does not reopen it."""
    from iro_desktop.services.session import open_demo_if_demo
    from iro_desktop.storage import bulk

    demo = open_demo_if_demo(demo_file)
    try:
        for year in (2026, 2027):
            write_903(build_903(demo, year), tmp_path / str(year))
    finally:
        demo.close()

    def episodes_after(order: tuple[int, ...]) -> tuple[dict, list]:
        store = open_store(tmp_path / f"{order}.db", "pw", create=True)
        reports = [import_903(store, tmp_path / str(y), today=DEMO_DAY) for y in order]
        refs = {r["id"]: r["child_ref"] for r in bulk.all_rows(store, "children")}
        rows = {
            (refs[r["child_id"]], r["decom"]): (r["dec"], r["rec"], r["archived_on"])
            for r in bulk.all_rows(store, "episodes")
        }
        store.close()
        return rows, reports

    forwards, _ = episodes_after((2026, 2027))
    backwards, reports = episodes_after((2027, 2026))
    assert reports[1].kept_newer > 0  # the open rows of 2025-26 left as 2026-27 has them
    assert "kept as a later year's return has them" in "\n".join(reports[1].summary_lines())
    ended_later = [k for k, (dec, _, _) in forwards.items() if dec and dec > "2026-03-31"]
    assert ended_later  # the demo has such episodes
    assert backwards == forwards
