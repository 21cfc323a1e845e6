"""Document.chunks: structure-aware chunks for retrieval, with citations and ids."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import gangmu
import pytest

REPO = Path(__file__).resolve().parents[2]

REPORT = (
    "关于2024年度工作情况的报告\n\n"
    "一、工作开展情况\n"
    "（一）周密部署，认真落实主体责任。" + "各级各部门高度重视，层层压实责任。" * 6 + "\n"
    "（二）突出重点，扎实推进专项整治。" + "围绕重点领域开展专项检查。" * 3 + "\n\n"
    "二、存在的问题\n" + "一些单位认识不到位，工作推进不平衡。" * 2 + "\n\n"
    "三、下一步打算\n继续抓好落实。\n"
)

REGULATION = (
    "XX市养犬管理条例\n\n第一章　总则\n\n"
    "第一条　为了规范养犬行为，保障公民健康和人身安全，制定本条例。\n\n"
    "第二条　本条例适用于本市行政区域内的养犬及其相关管理活动。\n\n"
    "第三条　养犬管理实行政府负责、部门协作、基层参与、养犬人自律的原则。\n\n"
    "第二章　登记\n\n"
    "第四条　养犬人应当办理养犬登记。" + "登记应当提交下列材料。" * 8 + "\n\n"
    "　　前款规定的材料，由公安机关统一制定格式。\n"
)


def test_chunks_follow_sections_and_carry_heading_paths() -> None:
    chunks = gangmu.parse(REPORT).chunks(max_chars=120)
    paths = [c.heading_path for c in chunks]
    assert ["一、工作开展情况", "（一）周密部署，认真落实主体责任"] in paths
    assert ["一、工作开展情况", "（二）突出重点，扎实推进专项整治"] in paths
    for c in chunks:
        assert REPORT[c.start : c.end] == c.text
        assert len(c.text) <= 120
        assert c.size == len(c.text)
        assert c.line == REPORT.count("\n", 0, c.start) + 1


def test_small_sections_are_packed_each_keeping_its_citation() -> None:
    chunks = gangmu.parse(REGULATION).chunks(max_chars=130)
    first = chunks[0]
    assert first.citation == "第一章", "chapter 1 fits whole"
    assert first.text.startswith("XX市养犬管理条例"), "the title goes with the first chapter"
    tight = gangmu.parse(REGULATION).chunks(max_chars=80)
    packed = [c for c in tight if len(c.parts) > 1]
    assert [c.citation for c in packed] == ["第二条、第三条", "第四条第一款、第二款"]
    assert [p.citation for p in packed[0].parts] == ["第二条", "第三条"]
    for c in packed:
        assert c.parts[0].start == c.start and c.parts[-1].end == c.end
        assert all(a.end <= b.start for a, b in zip(c.parts, c.parts[1:]))


def test_an_article_cut_at_its_paragraphs_is_cited_by_kuan() -> None:
    chunks = gangmu.parse(REGULATION).chunks(max_chars=130)
    cites = [c.citation for c in chunks]
    assert cites[-2:] == ["第四条第一款", "第四条第二款"], cites
    last = chunks[-1]
    assert last.text == "前款规定的材料，由公安机关统一制定格式。"
    assert last.heading_path == ["第二章登记", "第四条"]


def test_ids_and_neighbours_link_the_chunks_and_their_sections() -> None:
    doc = gangmu.parse(REPORT)
    nodes = list(doc.walk())
    chunks = doc.chunks(max_chars=120)
    for i, c in enumerate(chunks):
        assert c.id == i
        assert c.prev_id == (i - 1 if i else None)
        assert c.next_id == (i + 1 if i + 1 < len(chunks) else None)
        assert c.title == "关于2024年度工作情况的报告"
        if c.parent_id is None:
            assert c.heading_path == []
        else:
            section = nodes[c.parent_id]
            assert section.type == "section"
            assert section.heading_path == c.heading_path
            # A chunk may open with the headings (or title) above its section.
            assert section.start < c.end <= section.end


def test_the_document_number_is_carried(notice: str) -> None:
    for c in gangmu.parse(notice).chunks(max_chars=60):
        assert c.doc_number == "国办发〔2024〕1号"
        assert "-2-" not in c.text, "page numbers never enter a chunk"


def test_a_length_function_counts_max_tokens() -> None:
    calls: list[str] = []

    def tokens(s: str) -> int:
        calls.append(s)
        return len(s.encode("utf-8")) // 4 + 1

    doc = gangmu.parse(REPORT)
    chunks = doc.chunks(max_tokens=40, length_function=tokens)
    assert calls, "the function is called"
    assert all(tokens(c.text) <= 40 for c in chunks)
    assert all(c.size == tokens(c.text) for c in chunks)
    overlapping = doc.chunks(max_tokens=40, overlap=6, length_function=tokens)
    assert any(b.start < a.end for a, b in zip(overlapping, overlapping[1:]))
    assert all(tokens(c.text) <= 40 for c in overlapping)


def test_errors_from_the_length_function_propagate() -> None:
    def broken(s: str) -> int:
        raise RuntimeError("tokenizer down")

    with pytest.raises(RuntimeError, match="tokenizer down"):
        gangmu.parse(REPORT).chunks(max_tokens=40, length_function=broken)
    with pytest.raises(ValueError, match="non-negative int"):
        gangmu.parse(REPORT).chunks(max_tokens=40, length_function=lambda s: -1)
    with pytest.raises(ValueError, match="non-negative int"):
        gangmu.parse(REPORT).chunks(max_tokens=40, length_function=lambda s: "3")  # type: ignore[arg-type,return-value]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_chars": 0}, "max_chars"),
        ({"max_chars": 10, "overlap": 10}, "overlap"),
        ({"max_tokens": 10}, "length_function"),
        ({"max_chars": 10, "max_tokens": 10, "length_function": len}, "not both"),
        ({"max_chars": 10, "length_function": len}, "max_tokens"),
        ({"max_tokens": 5, "overlap": 5, "length_function": len}, "max_tokens"),
    ],
)
def test_bad_budgets_are_value_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gangmu.parse(REPORT).chunks(**kwargs)


def test_negative_sizes_are_rejected() -> None:
    with pytest.raises(OverflowError):
        gangmu.parse(REPORT).chunks(max_chars=-1)


def test_to_dict_holds_every_field_but_the_text() -> None:
    c = gangmu.parse(REGULATION).chunks(max_chars=80)[0]
    d = c.to_dict()
    fields = {name for name in dir(gangmu.Chunk) if not name.startswith("_")} - {"to_dict", "text"}
    assert set(d) == fields
    assert d["parts"][0] == {
        "start": c.parts[0].start,
        "end": c.parts[0].end,
        "byte_start": c.parts[0].byte_start,
        "byte_end": c.parts[0].byte_end,
        "citation": c.parts[0].citation,
        "section_id": c.parts[0].section_id,
    }


def test_chunks_cover_the_text_without_overlap_by_default(corpus: list[tuple[str, str]]) -> None:
    for name, text in corpus[:10]:
        doc = gangmu.parse(text)
        chunks = doc.chunks(max_chars=300)
        for a, b in zip(chunks, chunks[1:]):
            assert a.end <= b.start, f"{name}: chunks should not overlap without overlap="
        assert all(len(c.text) <= 300 for c in chunks), name
        noise = [(n.start, n.end) for n in doc.noise]
        for c in chunks:
            assert not any(c.start < e and s < c.end for s, e in noise), f"{name}: noise in {c!r}"


def test_chunk_figures_on_the_corpus_meet_the_targets() -> None:
    """The measurement of docs/retrieval.md, at max_chars=500, as a floor."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import chunk_score
    finally:
        sys.path.pop(0)
    try:
        root = chunk_score.corpus_dir()
    except SystemExit:
        pytest.skip("no corpus directory (set GANGMU_CORPUS)")
    total, _ = chunk_score.score(chunk_score.gangmu_chunker(500), 500, root)
    s = total.summary()
    assert s["fill"] >= 0.90, s
    assert s["purity"] >= 0.99, s
    assert s["path_accuracy"] >= 0.96, s
    assert s["heading_only"] == 0, s
    assert s["over_budget"] == 0 and s["with_noise"] == 0, s
    assert s["heading_at_end"] == 0 and s["decree_with_chapter"] == 0, s
