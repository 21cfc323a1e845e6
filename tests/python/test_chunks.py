"""Document.chunks: structure-aware chunks for retrieval."""

from __future__ import annotations

import gangmu
import pytest

REPORT = (
    "关于2024年度工作情况的报告\n\n"
    "一、工作开展情况\n"
    "（一）周密部署，认真落实主体责任。" + "各级各部门高度重视，层层压实责任。" * 6 + "\n"
    "（二）突出重点，扎实推进专项整治。" + "围绕重点领域开展专项检查。" * 3 + "\n\n"
    "二、存在的问题\n" + "一些单位认识不到位，工作推进不平衡。" * 2 + "\n\n"
    "三、下一步打算\n继续抓好落实。\n"
)


def test_chunks_follow_sections_and_carry_heading_paths() -> None:
    chunks = gangmu.parse(REPORT).chunks(max_chars=120)
    paths = [c.heading_path for c in chunks]
    assert ["一、工作开展情况", "（一）周密部署，认真落实主体责任"] in paths
    assert ["一、工作开展情况", "（二）突出重点，扎实推进专项整治"] in paths
    assert ["二、存在的问题"] in paths and ["三、下一步打算"] in paths
    for c in chunks:
        assert REPORT[c.start : c.end] == c.text
        assert len(c.text) <= 120
        assert c.line == REPORT.count("\n", 0, c.start) + 1


def test_a_chunk_never_crosses_a_section_boundary() -> None:
    doc = gangmu.parse(REPORT)
    sections = [
        (s.start, s.start + len(s.text.rstrip())) for s in doc.walk() if s.type == "section"
    ]
    for max_chars in (40, 120, 200, 400):
        for c in doc.chunks(max_chars=max_chars):
            for start, end in sections:
                inside = start <= c.start and c.end <= end
                holds = c.start <= start and end <= c.end
                apart = c.end <= start or end <= c.start
                assert inside or holds or apart, (
                    f"{c!r} should lie inside, hold or miss the section at {start}:{end}"
                )


def test_a_large_section_is_cut_at_sentences_with_overlap() -> None:
    doc = gangmu.parse(REPORT)
    chunks = [
        c
        for c in doc.chunks(max_chars=40, overlap=8)
        if c.heading_path and "主体责任" in c.heading_path[-1]
    ]
    assert len(chunks) > 2, "the long section should be cut"
    for a, b in zip(chunks, chunks[1:]):
        assert b.start < a.end, "consecutive pieces of one section should overlap"
        assert a.end - b.start <= 8
    assert all(len(c.text) <= 40 for c in chunks)


def test_top_level_sections_stay_apart_even_when_the_document_fits() -> None:
    doc = gangmu.parse(REPORT)
    chunks = doc.chunks(max_chars=10_000)
    tops = [h for h in doc.headings() if h.depth == 1]
    sectioned = [c for c in chunks if c.heading_path]
    assert len(sectioned) == len(tops), "one chunk per top-level section when each fits"
    assert all(len(c.heading_path) == 1 for c in sectioned)


def test_chunks_cover_the_text_without_overlap_by_default(corpus: list[tuple[str, str]]) -> None:
    for name, text in corpus[:10]:
        doc = gangmu.parse(text)
        chunks = doc.chunks(max_chars=300)
        for a, b in zip(chunks, chunks[1:]):
            assert a.end <= b.start, f"{name}: chunks should not overlap without overlap="
        covered = "".join(c.text for c in chunks)
        body = "".join(n.text for n in doc.walk() if not n.children and n.type != "noise")
        assert len(covered.replace("\n", "")) <= len(body)
        assert all(len(c.text) <= 300 for c in chunks), name


@pytest.mark.parametrize(("max_chars", "overlap"), [(0, 0), (10, 10), (10, 20)])
def test_bad_chunk_sizes_are_value_errors(max_chars: int, overlap: int) -> None:
    with pytest.raises(ValueError, match="max_chars"):
        gangmu.parse(REPORT).chunks(max_chars=max_chars, overlap=overlap)


def test_negative_sizes_are_rejected() -> None:
    with pytest.raises(OverflowError):
        gangmu.parse(REPORT).chunks(max_chars=-1)
