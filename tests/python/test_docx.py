"""Reading .docx: the LibreOffice-written fixtures in tests/fixtures/docx."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import gangmu
import pytest
from conftest import REPO

DOCX = REPO / "tests" / "fixtures" / "docx"


def test_parse_docx_renders_the_generated_numbering() -> None:
    doc = gangmu.parse_docx((DOCX / "numbered_notice.docx").read_bytes())
    assert doc.title == "关于开展安全生产检查的通知"
    assert doc.outline().splitlines()[:4] == [
        "关于开展安全生产检查的通知",
        "一、检查内容",
        "  （一）重点场所",
        "    1.消防设施",
    ]
    headings = doc.headings()
    assert all(h.marker is not None and h.marker.generated for h in headings)
    first = headings[0]
    assert first.marker is not None
    assert doc.text[first.marker.start : first.marker.end] == "一、"
    # The source map: the heading is the fourth paragraph of the body.
    src = first.source
    assert src is not None
    assert (src.part, src.paragraph, src.container, src.numbered) == ("body", 3, "text", True)
    lines = doc.source_lines
    assert lines is not None
    assert len(lines) == doc.text.count("\n")
    assert all(
        doc.text[line.start : line.end] == doc.text.splitlines()[line.line - 1] for line in lines
    )
    assert lines[0].evidence == "title" and lines[0].style == "Title"
    # The footnote after the body, the header and footer as noise.
    assert [
        (line.part, doc.text[line.start : line.end])
        for line in lines
        if line.part == "footnote" and line.paragraph is not None
    ] == [("footnote", "1报送方式另行通知。")]
    assert {
        line.evidence
        for line in lines
        if line.part in ("header", "footer") and line.paragraph is not None
    } == {"noise"}


def test_plain_text_has_no_source_map_and_no_generated_markers(notice: str) -> None:
    doc = gangmu.parse(notice)
    assert doc.source_lines is None
    assert all(h.source is None for h in doc.headings())
    assert not any(h.marker and h.marker.generated for h in doc.headings())
    assert '"generated"' not in doc.to_json()


def test_read_recognises_a_docx_by_content(tmp_path: Path) -> None:
    p = tmp_path / "draft.bin"
    shutil.copy(DOCX / "regulation_outline.docx", p)
    doc = gangmu.read(p)
    assert doc.source_lines is not None
    assert doc.encoding is None
    assert [h.marker.text for h in doc.headings() if h.marker][:4] == [
        "第一章",
        "第一条",
        "第二条",
        "第二章",
    ]


def test_table_cells_are_located() -> None:
    doc = gangmu.parse_docx((DOCX / "minutes_table_changes.docx").read_bytes())
    lines = doc.source_lines
    assert lines is not None
    cells = [
        (line.table, line.row, line.cell, doc.text[line.start : line.end])
        for line in lines
        if line.container == "table_cell"
    ]
    assert cells[:2] == [(0, 0, 0, "时间"), (0, 0, 1, "2024年5月6日")]
    assert "被删除的文字" not in doc.text, "tracked deletions are dropped"
    assert "认真" in doc.text, "tracked insertions are kept"


def test_lint_and_fix_never_touch_generated_labels() -> None:
    doc = gangmu.parse_docx((DOCX / "faulty_request.docx").read_bytes())
    found = doc.lint()
    hdr001 = [d for d in found if d.rule == "HDR001"]
    assert len(hdr001) == 2
    assert all(d.fix is None and "自动编号" in d.message for d in hdr001)
    assert any(d.rule == "HDR004" and d.fix is not None for d in found)
    fixed = doc.fix()
    assert "一.购置理由\n二.购置清单\n（一）计算机十台。" in fixed
    # gangmu.lint on the document agrees with the method.
    assert [d.rule for d in gangmu.lint(doc)] == [d.rule for d in found]


def test_fix_docx_writes_the_fixes_into_the_runs() -> None:
    data = (DOCX / "faulty_request.docx").read_bytes()
    fixed = gangmu.fix_docx(data)
    assert fixed != data
    doc = gangmu.parse_docx(fixed)
    assert "（一）计算机十台。" in doc.text
    assert "一.购置理由" in doc.text, "generated labels are never edited"
    assert doc.text == gangmu.parse_docx(data).fix()
    assert gangmu.fix_docx(fixed) == fixed, "nothing more to write"


def test_a_docx_pickles_with_its_source_map() -> None:
    doc = gangmu.parse_docx((DOCX / "numbered_notice.docx").read_bytes())
    back = pickle.loads(pickle.dumps(doc))
    assert back.to_json() == doc.to_json()
    assert back.source_lines is not None
    assert [line.paragraph for line in back.source_lines] == [
        line.paragraph for line in doc.source_lines or []
    ]
    assert back.lint()[0].message == doc.lint()[0].message


def test_what_is_not_a_docx_raises_docx_error(tmp_path: Path) -> None:
    with pytest.raises(gangmu.DocxError, match="not a zip archive"):
        gangmu.parse_docx(b"PK\x03\x04 truncated")
    empty_zip = b"PK\x05\x06" + bytes(18)
    with pytest.raises(gangmu.DocxError, match=r"not a \.docx"):
        gangmu.parse_docx(empty_zip)
    p = tmp_path / "archive.zip"
    p.write_bytes(empty_zip)
    with pytest.raises(gangmu.DocxError):
        gangmu.read(p)
    assert issubclass(gangmu.DocxError, ValueError)
    assert issubclass(gangmu.DocxError, gangmu.GangmuError)
