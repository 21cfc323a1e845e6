"""The parse side of the API: Document, Node, renderers, JSON, pickling, bytes."""

from __future__ import annotations

import json
import pickle
import random

import gangmu
import pytest


def test_parse_reads_title_elements_and_headings(notice: str) -> None:
    doc = gangmu.parse(notice)
    assert isinstance(doc, gangmu.Document)
    assert doc.text is notice or doc.text == notice, "should keep the text it parsed"
    assert doc.title == "国务院办公厅关于开展检查的通知"
    assert [n.value for n in doc.meta["doc_number"]] == ["国办发〔2024〕1号"]
    assert [n.value for n in doc.meta["date"]] == ["2024年9月30日"]
    assert all(n.type == "meta" and n.kind in doc.meta for v in doc.meta.values() for n in v)
    assert [s.type for s in doc.sections] == ["section", "section"]
    labels = [(h.depth, h.marker.text if h.marker else None, h.title) for h in doc.headings()]
    assert labels == [
        (1, "一、", "检查内容"),
        (2, "（一）", "范围。"),
        (2, "（二）", "方式"),
        (1, "二、", "工作要求"),
    ]


def test_headings_carry_their_heading_path(notice: str) -> None:
    paths = [h.heading_path for h in gangmu.parse(notice).headings()]
    assert paths == [
        ["一、检查内容"],
        ["一、检查内容", "（一）范围"],
        ["一、检查内容", "（二）方式"],
        ["二、工作要求"],
    ], "should drop the full stop of a run-in heading from its label"


def test_heading_attributes(notice: str) -> None:
    first, run_in = gangmu.parse(notice).headings()[:2]
    assert first.level == 1 and first.run_in is False
    assert run_in.run_in is True, "（一）范围。各地要… should be a run-in heading"
    assert run_in.marker is not None
    assert (run_in.marker.family, run_in.marker.ordinal, run_in.marker.level) == (
        "chinese_paren",
        1,
        2,
    )
    assert notice[run_in.marker.start : run_in.marker.end] == "（一）"


def test_enumerations_and_items(notice: str) -> None:
    (series,) = gangmu.parse(notice).enumerations()
    assert series.family == "shi"
    assert [i.marker.text for i in series.children if i.marker] == ["一是", "二是"]
    assert [i.text for i in series.children] == ["一是查制度；", "二是查落实。"]


def test_noise_is_kept_out_of_the_structure(notice: str) -> None:
    doc = gangmu.parse(notice)
    assert [(n.kind, n.text.strip()) for n in doc.noise] == [("page_number", "-2-")]


def test_web_chrome_is_reported_in_diagnostics() -> None:
    doc = gangmu.parse("热门文档\n- 2024-08-28 08:57:57 范文\n\n关于开展检查的通知\n\n正文。")
    assert [d.rule for d in doc.diagnostics] == ["W001"]
    d = doc.diagnostics[0]
    assert d.severity == "warning" and d.line == 1 and d.column == 1 and d.message


def test_subtitle_joins_the_lines_under_the_title() -> None:
    text = (
        "政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n"
        "国务院总理　李强\n\n各位代表：\n\n一、过去一年工作回顾\n正文。\n"
    )
    doc = gangmu.parse(text)
    assert doc.title == "政府工作报告"
    assert doc.subtitle is not None and doc.subtitle.startswith("——2024年3月5日")
    assert gangmu.parse("正文。").subtitle is None


def test_walk_visits_every_node_depth_first_and_leaves_tile_the_text(notice: str) -> None:
    doc = gangmu.parse(notice)
    nodes = list(doc.walk())
    assert nodes[0] == doc.children[0]
    assert {n.type for n in nodes} >= {"meta", "title", "section", "heading", "item", "noise"}
    at = 0
    for leaf in (n for n in nodes if not n.children):
        assert leaf.start == at, f"leaf {leaf!r} should start where the previous one ended"
        at = leaf.end
    assert at == len(notice), "leaves should cover the whole text"
    starts = [n.start for n in nodes]
    assert starts == sorted(starts), "walk should be in document order"


def test_every_node_text_is_its_slice_and_lines_are_one_based(notice: str) -> None:
    doc = gangmu.parse(notice)
    for n in doc.walk():
        assert n.text == notice[n.start : n.end]
        line_start = notice.rfind("\n", 0, n.start) + 1
        assert n.line == notice.count("\n", 0, n.start) + 1
        assert n.column == n.start - line_start + 1
    assert gangmu.parse("一、总则").children[0].line == 1


def test_attributes_that_do_not_apply_are_none(notice: str) -> None:
    para = next(n for n in gangmu.parse(notice).walk() if n.type == "paragraph")
    assert (para.depth, para.level, para.marker, para.title, para.run_in) == (None,) * 5
    assert (para.kind, para.family, para.value) == (None, None, None)


def test_nodes_compare_by_identity_in_their_document(notice: str) -> None:
    doc = gangmu.parse(notice)
    assert doc.headings()[0] == doc.sections[0].children[0]
    assert len({*doc.walk(), *doc.walk()}) == len(list(doc.walk()))
    assert gangmu.parse(notice).headings()[0] != doc.headings()[0]


def test_to_dict_and_to_json_follow_the_gangmu1_contract(notice: str) -> None:
    doc = gangmu.parse(notice)
    d = doc.to_dict()
    assert d == json.loads(doc.to_json())
    assert (d["schema"], d["type"]) == ("gangmu/1", "document")
    assert d["span"] == {"start": 0, "end": len(notice.encode())}, "JSON spans are bytes"
    heading = doc.headings()[0].to_dict()
    assert heading["type"] == "heading" and heading["marker"]["text"] == "一、"


def test_from_json_round_trips_and_rejects_a_tree_of_another_text(notice: str) -> None:
    doc = gangmu.parse(notice)
    back = gangmu.Document.from_json(doc.to_json(), notice)
    assert back.to_json() == doc.to_json()
    assert [h.heading_path for h in back.headings()] == [h.heading_path for h in doc.headings()]
    with pytest.raises(ValueError, match="bytes"):
        gangmu.Document.from_json(doc.to_json(), notice[:-5])
    with pytest.raises(ValueError, match="gangmu/1"):
        gangmu.Document.from_json("{}", notice)
    tree = doc.to_dict()
    tree["children"][0]["span"]["end"] = 1  # inside the first character
    with pytest.raises(ValueError, match="not a range of the text"):
        gangmu.Document.from_json(json.dumps(tree), notice)


def test_markdown_and_outline(notice: str) -> None:
    doc = gangmu.parse(notice)
    md = doc.to_markdown()
    assert "\n# 国务院办公厅关于开展检查的通知\n" in md
    assert "## 一、检查内容" in md and "-2-" not in md, "noise should be left out of Markdown"
    assert doc.outline().splitlines() == [
        "国务院办公厅关于开展检查的通知",
        "一、检查内容",
        "  （一）范围",
        "  （二）方式",
        "二、工作要求",
    ]


def test_documents_pickle_with_their_config_and_encoding(notice: str) -> None:
    doc = gangmu.parse_bytes(notice.encode("gb18030"), config={"ignore": ["PUNC"]})
    back = pickle.loads(pickle.dumps(doc))
    assert back.text == doc.text and back.to_json() == doc.to_json()
    assert back.encoding == "gb18030"
    assert [n.text for n in back.walk()] == [n.text for n in doc.walk()]
    cfg = gangmu.Config(select=["SEQ"])
    assert pickle.loads(pickle.dumps(cfg)) == cfg


def test_repr_is_informative(notice: str) -> None:
    doc = gangmu.parse(notice)
    assert "国务院办公厅关于开展检查的通知" in repr(doc)
    assert repr(doc.headings()[0]).startswith("<gangmu.Node heading ")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "\r\n\r",
        "\x00\x01\x02",
        "\ud800 lone surrogate \udfff",
        "一、" * 1000,
        "（" * 500 + "）" * 500,
        "\ufeff\u200b\u3000" * 10,
        "第一条" * 200,
        "1.1.1.1.1.1.1.1",
    ],
)
def test_parse_never_raises_on_odd_strings(text: str) -> None:
    doc = gangmu.parse(text)
    assert sum(len(n.text) for n in doc.walk() if not n.children) == len(text)
    doc.to_markdown(), doc.outline(), doc.chunks(), gangmu.lint(doc)


def test_parse_never_raises_on_random_strings() -> None:
    rng = random.Random(4)
    alphabet = "一二三十、（）()1.．。，：\n\r \u3000第条章附件：×X😀\u0301\ufeff"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(60)))
        doc = gangmu.parse(text)
        for n in doc.walk():
            assert n.text == text[n.start : n.end]


def test_parse_rejects_non_str_with_type_error() -> None:
    with pytest.raises(TypeError):
        gangmu.parse(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        ("一、总则".encode(), "utf-8"),
        ("\ufeff一、总则".encode(), "utf-8"),
        ("一、总则".encode("utf-16"), "utf-16le"),
        (b"\xfe\xff" + "一、总则".encode("utf-16-be"), "utf-16be"),
        ("一、总则".encode("gb18030"), "gb18030"),
    ],
)
def test_parse_bytes_detects_the_encoding(encoded: bytes, name: str) -> None:
    doc = gangmu.parse_bytes(encoded)
    assert doc.encoding == name
    assert doc.headings()[0].title == "总则"


def test_parse_bytes_with_an_explicit_codec() -> None:
    doc = gangmu.parse_bytes("一、总则".encode("gbk"), "gbk")
    assert (doc.encoding, doc.headings()[0].title) == ("gbk", "总则")


@pytest.mark.parametrize(
    ("data", "encoding", "reason"),
    [
        (b"\x00\x01\x02binary", None, "NUL byte"),
        (b"\xff\xfe\x00\xd8", None, "UTF-16"),
        ("一、总则".encode(), "ascii", "ascii"),
        (b"abc", "no-such-codec", "no-such-codec"),
    ],
)
def test_undecodable_bytes_raise_decode_error_naming_the_reason(
    data: bytes, encoding: str | None, reason: str
) -> None:
    with pytest.raises(gangmu.DecodeError, match=reason) as info:
        gangmu.parse_bytes(data, encoding)
    assert isinstance(info.value, ValueError) and isinstance(info.value, gangmu.GangmuError)


def test_read_detects_the_encoding_of_a_file(tmp_path, notice: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notice.txt"
    path.write_bytes(notice.encode("gb18030"))
    doc = gangmu.read(path)
    assert (doc.encoding, doc.title, doc.text) == (
        "gb18030",
        "国务院办公厅关于开展检查的通知",
        notice,
    )
    assert gangmu.read(str(path), "gb18030").text == notice
    (tmp_path / "bin").write_bytes(b"\x00\x00")
    with pytest.raises(gangmu.DecodeError):
        gangmu.read(tmp_path / "bin")
    with pytest.raises(FileNotFoundError):
        gangmu.read(tmp_path / "missing.txt")


def test_corpus_parses_with_lossless_offsets(corpus: list[tuple[str, str]]) -> None:
    for name, text in corpus:
        doc = gangmu.parse(text)
        for n in doc.walk():
            assert n.text == text[n.start : n.end], f"{name}: {n!r}"
        assert "".join(n.text for n in doc.walk() if not n.children) == text, name


def test_walk_yields_every_node_once_in_document_order_one_at_a_time(notice: str) -> None:
    doc = gangmu.parse(notice)
    walk = doc.walk()
    assert iter(walk) is walk, "walk is an iterator, not a list built up front"
    nodes = list(walk)
    assert next(walk, None) is None, "an exhausted walk stays exhausted"
    # Depth-first, parents before children, in document order.
    expected = []
    stack = list(reversed(doc.children))
    while stack:
        n = stack.pop()
        expected.append((n.type, n.start, n.end))
        stack.extend(reversed(n.children))
    assert [(n.type, n.start, n.end) for n in nodes] == expected
    assert len(expected) > len(doc.children), "the notice has nested nodes"
    assert list(gangmu.parse("").walk()) == list(gangmu.parse("").children)
