"""Offsets are code points of the Python str, whatever the characters."""

from __future__ import annotations

import gangmu

ASTRAL = (
    "关于𠀀𪚥的通知😀\n\n一、总则🙂\n"
    "（一）目的𝟘。e\u0301中\u0301文𠮷。一是𠮷；二是e\u0301。\n二、附则\n正文。\n"
)


def test_node_offsets_slice_the_str_with_astral_and_combining_characters() -> None:
    doc = gangmu.parse(ASTRAL)
    assert doc.title == "关于𠀀𪚥的通知😀"
    for n in doc.walk():
        assert ASTRAL[n.start : n.end] == n.text, f"{n!r} should slice the original str"
        assert ASTRAL.encode()[n.byte_start : n.byte_end].decode() == n.text
        assert n.byte_start == len(ASTRAL[: n.start].encode())


def test_heading_titles_and_markers_point_into_the_str() -> None:
    h = gangmu.parse(ASTRAL).headings()[1]
    assert h.title == "目的𝟘。"
    assert h.marker is not None and ASTRAL[h.marker.start : h.marker.end] == "（一）"
    assert h.heading_path == ["一、总则🙂", "（一）目的𝟘"]


def test_items_keep_combining_marks() -> None:
    (series,) = gangmu.parse(ASTRAL).enumerations()
    assert [i.text for i in series.children] == ["一是𠮷；", "二是e\u0301。"]


def test_lines_and_columns_count_code_points() -> None:
    text = "一、总则\n😀😀正文。\n\n𠮷二、附则\n（一）😀目的\n"
    doc = gangmu.parse(text)
    for n in doc.walk():
        line_start = text.rfind("\n", 0, n.start) + 1
        assert (n.line, n.column) == (text.count("\n", 0, n.start) + 1, n.start - line_start + 1)
    last = doc.headings()[-1]
    assert (last.line, last.column, last.title) == (5, 1, "😀目的")


def test_chunks_and_diagnostics_use_code_points_too() -> None:
    for c in gangmu.parse(ASTRAL).chunks(max_chars=12, overlap=3):
        assert ASTRAL[c.start : c.end] == c.text
        assert len(c.text) <= 12
    text = "😀\n热门文档\n- 2024-08-28 08:57:57 范文\n\n关于开展检查的通知\n\n正文。"
    for d in gangmu.parse(text).diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
        assert d.byte_start == len(text[: d.start].encode())


def test_lone_surrogates_keep_offsets_aligned() -> None:
    text = "一、总则\ud800\n正文\udfff。\n"
    doc = gangmu.parse(text)
    assert doc.text == text
    for n in doc.walk():
        assert n.text == text[n.start : n.end]
    assert doc.headings()[0].title == "总则\ud800", "titles should slice the original str"
