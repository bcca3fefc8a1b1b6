"""`iro-desktop letter`, `decisions` and `briefing` as an IRO uses them."""

from datetime import date

import pytest
from docx import Document

from iro_desktop.cli import main
from tests.raw import raw_db

ON = "2026-11-23"


@pytest.fixture(scope="module")
def demo_db(demo):
    return demo.path


def _run(capsys, argv):
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_letter_writes_the_document_and_warns_on_stderr(demo_db, demo_children, tmp_path, capsys):
    out_file = tmp_path / "letter.docx"
    code, out, err = _run(
        capsys,
        [
            "letter",
            "--db",
            str(demo_db),
            "--on",
            ON,
            "--child",
            demo_children["standard"],
            "--out",
            str(out_file),
            "--confirm-sensitive",  # the demo child's letter speaks of court: checked here
        ],
    )
    assert code == 0, err
    assert out.startswith("DEMO DATA")
    assert f"Wrote {out_file}" in out
    assert "does not mark it sent" in out
    assert "warning:" not in out
    assert all(line.startswith("warning: ") for line in err.splitlines() if line)
    assert Document(str(out_file)).paragraphs


def test_letter_in_welsh_for_a_chosen_review_and_version(
    demo, demo_db, demo_children, tmp_path, capsys
):
    ref = demo_children["welsh"]
    held = sorted(
        r["held_on"]
        for r in raw_db(demo).query(
            "SELECT p.held_on FROM review_parts p JOIN reviews r ON r.id = p.review_id "
            "JOIN children c ON c.id = r.child_id WHERE c.child_ref = ?",
            [ref],
        )
    )
    out_file = tmp_path / "llythyr.docx"
    code, _, err = _run(
        capsys,
        [
            "letter",
            "--db",
            str(demo_db),
            "--on",
            ON,
            "--child",
            ref,
            "--review",
            held[0],
            "--lang",
            "cy",
            "--version",
            "easy_read",
            "--out",
            str(out_file),
        ],
    )
    assert code == 0, err
    text = "\n".join(p.text for p in Document(str(out_file)).paragraphs)
    assert "Helo" in text


def test_clear_errors(demo_db, tmp_path, capsys):
    code, _, err = _run(
        capsys,
        [
            "letter",
            "--db",
            str(demo_db),
            "--on",
            ON,
            "--child",
            "NOPE",
            "--out",
            str(tmp_path / "x.docx"),
        ],
    )
    assert code == 1 and "No child with reference NOPE" in err
    code, _, err = _run(
        capsys,
        [
            "letter",
            "--db",
            str(demo_db),
            "--on",
            ON,
            "--child",
            "NOPE",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
    )
    assert code == 1 and "should end in .docx" in err
    code, _, err = _run(
        capsys,
        [
            "decisions",
            "--db",
            str(demo_db),
            "--on",
            ON,
            "--child",
            "DB564147",
            "--review",
            "2001-01-01",
            "--out",
            str(tmp_path / "x.docx"),
        ],
    )
    assert code == 1 and "no review held on 2001-01-01" in err


def test_decisions_with_pdf_says_clearly_without_libreoffice(
    demo_db, demo_children, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("IRO_DESKTOP_SOFFICE", str(tmp_path / "no-soffice"))
    out_file = tmp_path / "decisions.docx"
    code, _, err = _run(
        capsys,
        [
            "decisions",
            "--db",
            str(demo_db),
            "--on",
            ON,
            "--child",
            demo_children["standard"],
            "--out",
            str(out_file),
            "--pdf",
        ],
    )
    assert code == 0
    assert out_file.exists() and not out_file.with_suffix(".pdf").exists()
    assert "No PDF was made: LibreOffice is not installed" in err


def test_briefing_says_it_is_personal_data(demo, demo_db, tmp_path, capsys):
    day = next(
        r["booked_for"]
        for r in raw_db(demo).query(
            "SELECT booked_for FROM reviews WHERE status = 'booked' AND booked_for >= ? "
            "ORDER BY booked_for",
            [ON],
        )
    )
    out_file = tmp_path / "briefing.docx"
    code, out, err = _run(
        capsys,
        ["briefing", "--db", str(demo_db), "--on", ON, "--date", day, "--out", str(out_file)],
    )
    assert code == 0, err
    assert "personal data" in out and "It briefs" in out
    assert out_file.exists()
    assert date.fromisoformat(day) >= date.fromisoformat(ON)


def test_briefing_needs_out(demo_db, capsys):
    with pytest.raises(SystemExit):
        main(["briefing", "--db", str(demo_db), "--date", ON])
    assert "--out" in capsys.readouterr().err


def _letter(capsys, demo_db, ref, out_file, *extra):
    return _run(
        capsys,
        [
            "letter",
            "--db",
            str(demo_db),
            "--on",
            ON,
            "--child",
            ref,
            "--out",
            str(out_file),
            *extra,
        ],
    )


def test_old_and_new_version_and_language_values(demo, demo_db, demo_children, tmp_path, capsys):
    ref = demo_children["standard"]
    sure = "--confirm-sensitive"  # this child's letter speaks of court; versions are the point
    code, _, err = _letter(capsys, demo_db, ref, tmp_path / "a.docx", "--version", "under4", sure)
    assert code == 0, err
    code, _, err = _letter(
        capsys, demo_db, ref, tmp_path / "b.docx", "--version", "auto", "--lang", "auto", sure
    )
    assert code == 0, err
    rows = list(
        raw_db(demo).query(
            "SELECT version, language FROM letters WHERE file_name IN (?, ?) ORDER BY id",
            ["a.docx", "b.docx"],
        )
    )
    assert rows[0]["version"] == "read_aloud"  # under4 is the read-aloud letter now
    assert rows[1]["version"] in ("standard", "young_person", "easy_read", "read_aloud")
    assert rows[1]["language"] in ("en", "cy", "both")


def test_the_rights_page_on_request_or_left_out(demo_db, demo_children, tmp_path, capsys):
    ref = demo_children["young_person"]
    with_it, without = tmp_path / "with.docx", tmp_path / "without.docx"
    assert _letter(capsys, demo_db, ref, with_it, "--with-rights")[0] == 0
    assert _letter(capsys, demo_db, ref, without, "--without-rights")[0] == 0
    assert "Your rights" in [p.text for p in Document(str(with_it)).paragraphs]
    assert "Your rights" not in [p.text for p in Document(str(without)).paragraphs]


def test_letter_read_records_the_interpreter_read_through(
    demo, demo_db, demo_children, tmp_path, capsys
):
    ref = demo_children["young_person"]
    assert _letter(capsys, demo_db, ref, tmp_path / "read.docx")[0] == 0
    code, out, err = _run(
        capsys,
        ["letter-read", "--db", str(demo_db), "--on", ON, "--child", ref, "--read-on", ON],
    )
    assert code == 0, err
    letter_id = int(out.split("letter ")[1].split()[0])
    assert raw_db(demo)["letters"].get(letter_id)["read_with_interpreter_on"] == ON
    code, _, err = _run(
        capsys,
        [
            "letter-read",
            "--db",
            str(demo_db),
            "--child",
            ref,
            "--letter",
            "999999",
            "--read-on",
            ON,
        ],
    )
    assert code == 1 and "has no letter 999999" in err


def test_letter_exits_non_zero_listing_sensitive_items_until_confirmed(
    demo_store, demo_children, tmp_path, capsys
):
    from iro_desktop.letters.choices import pick_review
    from iro_desktop.services.child import child_detail

    ref = demo_children["standard"]
    record = child_detail(demo_store, ref, date(2026, 11, 23)).record
    review = pick_review(record)
    raw_db(demo_store)["child_wordings"].insert(
        {
            "child_id": record.child.id,
            "review_id": review.id,
            "kind": "learned",
            "item_key": "",
            "text_en": "You told me the police came to your old house, and you were brave.",
            "confirmed": 1,
            "created_at": "2026-11-23T10:00:00",
            "updated_at": "2026-11-23T10:00:00",
        }
    )
    assert child_detail(demo_store, ref, date(2026, 11, 23)).record.wordings
    path = demo_store.path
    out_file = tmp_path / "sensitive.docx"
    code, _, err = _letter(capsys, path, ref, out_file)
    assert code == 3
    assert "police" in err and "--confirm-sensitive" in err
    assert not out_file.exists()
    code, _, err = _letter(capsys, path, ref, out_file, "--confirm-sensitive")
    assert code == 0, err
    assert out_file.exists()
