"""Issue 18: the documents around a session (letter home, knowledge check, feedback form), their
templates (sandboxed, FILE:LINE errors, nothing written), the impact report and certificates."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from facilitator.build.pipeline import render
from facilitator.cli import app
from facilitator.documents import Block, parse
from facilitator.documents import render as render_template
from facilitator.documents.results import read_results
from facilitator.loader import load_library, shipped_sections_dir
from facilitator.model.words import ENGLISH
from facilitator.request import BuildRequest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "example-results.csv"
runner = CliRunner()


def text(data: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def young(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    request = BuildRequest.from_options(out_dir=tmp_path_factory.mktemp("p"), age="10-12", only="letter,letter-docx,check,feedback,guide",
                                        lead="Maria Santos, 0917 555 0100")
    return render(request).files


def test_the_three_documents_are_written(young: dict[str, bytes]) -> None:
    assert {"letter.pdf", "letter.docx", "check.pdf", "feedback.pdf"} <= set(young)
    assert len(PdfReader(io.BytesIO(young["feedback.pdf"])).pages) == 1


def test_the_letter_names_no_section_above_the_age_and_says_where_to_get_help(young: dict[str, bytes]) -> None:
    letter = text(young["letter.pdf"])
    lib = load_library([shipped_sections_dir()])
    older = [s.title for s in lib.values() if s.min_age > 10 and len(str(s.title)) > 12]
    assert older
    assert [t for t in older if str(t) in letter] == []
    assert "Where to get help" in letter and "Maria Santos" in letter and "0917 555 0100" in letter
    assert "Reply slip" in letter and "I do not want my child to take part." in letter
    assert "differ from country to country" in letter


def test_the_check_has_its_items_the_code_and_the_help_item_and_the_guide_the_key(young: dict[str, bytes]) -> None:
    check, guide = text(young["check.pdf"]), text(young["guide.pdf"])
    assert "My secret code:" in check and "Before the session" in check and "After the session" in check
    assert "I know where I could get help." in check
    assert "Knowledge check: the answers" in guide and "answers" not in check.lower().replace("answer to", "")
    from facilitator.documents.session import check_items

    request = BuildRequest.from_options(out_dir="x", age="10-12", only="check")
    pack = render(request).pack
    items = check_items(pack.participant.blocks)
    assert 6 <= len(items) + 1 <= 10
    planned = {t for b in pack.participant.blocks for t in [*b.key_points, *(s.statement for s in b.statements)]}
    assert all(i.text in planned for i in items)


def test_dutch(tmp_path: Path) -> None:
    files = render(BuildRequest.from_options(out_dir=tmp_path, age="10-12", locale="nl", only="letter,check,feedback")).files
    assert "Beste ouder of verzorger" in text(files["letter.pdf"])
    assert "Wat weet je?" in text(files["check.pdf"])
    assert "Zeg wat je ervan vond" in text(files["feedback.pdf"])


def test_the_docx_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    one = render(BuildRequest.from_options(out_dir=tmp_path, age="13-15", only="letter-docx")).files["letter.docx"]
    two = render(BuildRequest.from_options(out_dir=tmp_path, age="13-15", only="letter-docx")).files["letter.docx"]
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
        assert "2026-01-01T00:00:00Z" in core and "python-docx" not in core
        assert "Dear parent or carer" in z.read("word/document.xml").decode()


# -- templates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "message", "line"), [
    ("# Hi\n\n{{ ''.__class__ }}\n", "not allowed", 3),
    ("# Hi\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n", "not allowed", 2),
    ("# Hi\n\n\n{% include '/etc/passwd' %}\n", "cannot load '/etc/passwd'", 4),
    ("# Hi\n{% include '../letter.j2' %}\n", "cannot load", 2),
    ("# Hi\n\n{{ no_such_thing }}\n", "'no_such_thing' is undefined", 3),
    ("# Hi\n{% if %}\n", "syntax error", 2),
    ("{{ range(10**9) | list }}", "", 1),
])
def test_a_bad_template_is_one_line_with_file_and_line_and_nothing_is_written(tmp_path: Path, source: str, message: str, line: int) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "letter.j2").write_text(source, encoding="utf-8")
    out = tmp_path / "pack"
    result = runner.invoke(app, ["pack", "--age", "10-12", "--only", "letter", "--templates", str(folder), "--out", str(out)])
    assert result.exit_code == 2, result.output
    lines = [x for x in result.output.splitlines() if x.startswith("error")]
    assert len(lines) == 1, result.output
    assert f"letter.j2:{line}: template:" in lines[0] and message in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_symlink_out_of_the_templates_folder_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    folder = tmp_path / "tpl"
    folder.mkdir()
    os.symlink(secret, folder / "part.j2")
    (folder / "letter.j2").write_text("# Hi\n{% include 'part.j2' %}\n", encoding="utf-8")
    result = runner.invoke(app, ["pack", "--only", "letter", "--templates", str(folder), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "part.j2: template: is a link to a file outside the templates folder" in result.output
    assert "SECRET" not in result.output
    os.symlink(secret, folder / "feedback.j2")  # the document's own template, a link out: refused, not the shipped one
    result = runner.invoke(app, ["pack", "--only", "feedback", "--templates", str(folder), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "feedback.j2: template: is a link" in result.output and not (tmp_path / "o").exists()


def test_an_organisations_template_and_the_shipped_ones_together(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    assert runner.invoke(app, ["templates", "init", str(folder)]).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["certificate.j2", "check.j2", "feedback.j2", "letter.j2"]
    assert runner.invoke(app, ["templates", "init", str(folder)]).exit_code == 2  # never over a file
    (folder / "letter.j2").write_text("# Letter from {{ org }}\n\nHello & <b>welcome</b> for ages {{ audience }}.\n\n@contacts\n", encoding="utf-8")
    files = render(BuildRequest.from_options(out_dir=tmp_path / "o", org="AT&T <Youth>", only="letter", templates=folder)).files
    letter = text(files["letter.pdf"])
    assert "Letter from AT&T <Youth>" in letter and "Hello & <b>welcome</b> for ages 13-15." in letter


def test_a_value_cannot_make_a_block_of_its_own() -> None:
    rendered = render_template("certificate.j2", {"name": "Ana\n\n# Fake heading\n@contacts", "training": "", "date": "", "org": "X"}, None, ENGLISH)
    blocks = parse(rendered)
    assert Block("heading", "Ana # Fake heading @contacts") in blocks
    assert not [b for b in blocks if b.kind == "contacts"]


# -- the report -----------------------------------------------------------------------------------------


def spreadsheet(path: Path) -> dict[str, tuple[float, float]]:
    """What a spreadsheet gives: AVERAGE of each q column over the non-empty cells, per form."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    out = {}
    for q in [c for c in rows[0] if c.startswith("q")]:
        def avg(form: str) -> float:
            cells = [int(r[q]) for r in rows if r["form"] == form and r[q] != ""]
            return sum(cells) / len(cells)
        out[q] = (avg("before"), avg("after"))
    return out


def test_the_report_gives_the_numbers_a_spreadsheet_gives(tmp_path: Path) -> None:
    results = read_results([EXAMPLE])
    assert results.warnings == []
    assert dict(results.participants) == {"10-12": 4, "13-15": 3}
    for q, (before, after) in spreadsheet(EXAMPLE).items():
        assert results.share(q, "before") == pytest.approx(before)
        assert results.share(q, "after") == pytest.approx(after)
    # By hand: q3 before is 2 right of 7 answers (29%), after 6 of 7 (86%); q6 before 4 of 6.
    assert (results.right[("q3", "before")], results.right[("q3", "after")], results.right[("q6", "before")]) == ([2, 7], [6, 7], [4, 6])
    assert results.help_share("before") == pytest.approx(2 / 7) and results.help_share("after") == pytest.approx(6 / 7)
    assert dict(results.feedback["f3"]) == {"yes": 5, "no": 1}
    out = tmp_path / "report.pdf"
    result = runner.invoke(app, ["report", str(EXAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    printed = text(out.read_bytes())
    for n in ("29% (2/7)", "86% (6/7)", "+57", "67% (4/6)"):
        assert n in printed


def test_bad_rows_are_named_and_left_out_and_several_csvs_combine(tmp_path: Path) -> None:
    bad = tmp_path / "b.csv"
    bad.write_text("session,band,form,code,q1,help\ns2,16-17,before,x,1,yes\ns2,16-17,after,x,7,yes\ns2,9-11,after,x,1,yes\n", encoding="utf-8")
    results = read_results([EXAMPLE, bad])
    assert results.left_out == 2 and results.participants["16-17"] == 1
    assert any(w.endswith("b.csv:3: q1: '7' is not 1 (right), 0 (wrong) or empty (no answer); row left out") for w in results.warnings)
    assert any("b.csv:4: band:" in w for w in results.warnings)
    assert results.right[("q1", "before")] == [6, 8]


@pytest.mark.parametrize("column", ["name", "First Name", "surname", "E-mail", "phone", "child_name"])
def test_a_column_of_names_is_refused(tmp_path: Path, column: str) -> None:
    bad = tmp_path / "n.csv"
    bad.write_text(f"session,band,form,code,{column},q1\ns,10-12,before,a,Ana,1\n", encoding="utf-8")
    out = tmp_path / "r.pdf"
    result = runner.invoke(app, ["report", str(bad), "--out", str(out)])
    assert result.exit_code == 2 and f"n.csv:1: {column}: looks like a column of names" in result.output
    assert not out.exists()


# -- certificates ---------------------------------------------------------------------------------------


def test_certificates_one_page_each_with_the_date_as_the_locale_writes_it(tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text("name,training,date\nAna Reyes,Peer educator training,2026-03-01\nJan de Vries,,\n", encoding="utf-8")
    out = tmp_path / "c.pdf"
    result = runner.invoke(app, ["certificates", str(names), "--org", "Veilig Online", "--locale", "nl", "--date", "2026-03-02", "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(out).pages]
    assert len(pages) == 2
    assert "Ana Reyes" in pages[0] and "1 maart 2026" in pages[0] and "Veilig Online" in pages[0] and "Certificaat" in pages[0]
    assert "2 maart 2026" in pages[1]
    names.write_text("name,date\nAna,01/03/2026\n", encoding="utf-8")
    result = runner.invoke(app, ["certificates", str(names), "--org", "X", "--out", str(tmp_path / "d.pdf")])
    assert result.exit_code == 2 and "names.csv:2: date:" in result.output
