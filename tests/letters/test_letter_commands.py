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
