"""Arrow tables: parse_table and chunks_table against the object API, the
pinned schemas, inputs that are not text, threads, and no Python object per row."""

from __future__ import annotations

import gc
import re
import sys
import tracemalloc
from pathlib import Path

import gangmu
import pyarrow as pa
import pytest
from reference_rows import expected_chunk_rows, expected_node_rows

REPO = Path(__file__).resolve().parents[2]

FIXTURES = sorted((REPO / "tests" / "fixtures").glob("*.txt"))

MIXED = (
    "关于𠀀𪚥的通知😀\n\n一、总则🙂\n（一）目的𝟘。e\u0301中文𠮷。一是𠮷；二是e\u0301。\n"
    "-2-\n二、附则\n正文。\n"
)


def fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in FIXTURES]


def test_parse_table_equals_parse_many_and_walk_row_for_row() -> None:
    texts = [*fixture_texts(), MIXED, ""]
    ids = [p.name for p in FIXTURES] + ["mixed", "empty"]
    table = gangmu.parse_table(texts, ids=ids)
    assert isinstance(table, pa.Table)
    assert table.num_rows > 500
    assert table.to_pylist() == expected_node_rows(texts, ids)


def test_parse_table_on_the_corpus(corpus: list[tuple[str, str]]) -> None:
    names = [n for n, _ in corpus]
    texts = [t for _, t in corpus]
    table = gangmu.parse_table(texts, ids=names, threads=2)
    assert table.to_pylist() == expected_node_rows(texts, names)


def test_chunks_table_equals_document_chunks_row_for_row() -> None:
    texts = [*fixture_texts(), MIXED]
    ids = [str(i) for i in range(len(texts))]
    for max_chars, overlap in [(1000, 0), (120, 20)]:
        table = gangmu.chunks_table(texts, ids=ids, max_chars=max_chars, overlap=overlap)
        assert table.to_pylist() == expected_chunk_rows(texts, ids, max_chars, overlap)


def test_offsets_are_code_points_and_slice_the_str() -> None:
    rows = gangmu.parse_table([MIXED]).to_pylist()
    assert {r["type"] for r in rows} >= {"title", "heading", "item", "noise"}
    for r in rows:
        assert MIXED[r["start"] : r["end"]] == r["text"]
        assert MIXED.encode()[r["byte_start"] : r["byte_end"]].decode() == r["text"]


def documented(version: str, marker: str = "schema") -> list[tuple[str, str, bool]]:
    doc = (REPO / "docs" / "arrow.md").read_text(encoding="utf-8")
    block = doc.split(f"<!-- {marker} {version} -->", 1)[1].strip().splitlines()
    rows = []
    for line in block[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip().strip("`") for c in line.split("|")[1:-1]]
        rows.append((cells[0], cells[1], {"yes": True, "no": False}[cells[2]]))
    return rows


def pyarrow_type(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        assert not t.value_field.nullable, "list items are never null"
        if pa.types.is_struct(t.value_type):
            return "list<part>"
        return f"list<{pyarrow_type(t.value_type)}>"
    return str(t)


@pytest.mark.parametrize(
    ("schema", "version"),
    [(gangmu.nodes_schema, gangmu.NODES_SCHEMA), (gangmu.chunks_schema, gangmu.CHUNKS_SCHEMA)],
)
def test_the_schemas_pyarrow_receives_are_the_documented_ones(schema, version) -> None:  # type: ignore[no-untyped-def]
    s = schema()
    assert s.metadata == {b"gangmu.schema": version.encode()}
    assert [(f.name, pyarrow_type(f.type), f.nullable) for f in s] == documented(version)


def test_the_parts_of_a_chunk_are_the_documented_struct() -> None:
    part = gangmu.chunks_schema().field("parts").type.value_type
    got = [(f.name, pyarrow_type(f.type), f.nullable) for f in part]
    assert got == documented("gangmu.chunks/1 part", marker="struct")


def test_chunk_rows_carry_citations_and_ids() -> None:
    text = "第一章　总则\n第一条　为了规范管理，制定本办法。\n第二条　本办法适用于全市。\n"
    rows = gangmu.chunks_table([text], max_chars=200).to_pylist()
    nodes = gangmu.parse_table([text]).to_pylist()
    assert rows[0]["citation"] and rows[0]["parts"], rows[0]
    for r in rows:
        if r["parent_id"] is not None:
            assert nodes[r["parent_id"]]["type"] in ("section", "attachment")
        for p in r["parts"]:
            assert text[p["start"] : p["end"]] in r["text"] or p["start"] >= r["start"]


def test_tables_carry_their_schema() -> None:
    assert gangmu.parse_table(["正文。"]).schema == gangmu.nodes_schema()
    assert gangmu.chunks_table(["正文。"]).schema == gangmu.chunks_schema()
    assert gangmu.parse_table([]).num_rows == 0
    assert gangmu.parse_table([]).schema == gangmu.nodes_schema()


def test_documents_that_are_not_text_become_error_rows() -> None:
    texts: list[str | bytes | bytearray | memoryview | None] = [
        "一、总则\n正文。",
        b"\x00\x01\x02binary",
        "关于开展检查的通知\n\n一、检查内容\n".encode("gb18030"),
        None,
        bytearray("正文。", "utf-8"),
        memoryview("（一）目的".encode("utf-16")),
    ]
    ids = ["ok", "binary", "gb", "none", "bytearray", "utf16"]
    table = gangmu.parse_table(texts, ids=ids)
    errors = [(r["doc_id"], r["error"]) for r in table.to_pylist() if r["type"] == "error"]
    assert [e[0] for e in errors] == ["binary", "none"]
    assert errors[0][1].startswith("binary content"), errors
    assert errors[1][1] == "no document (None)"
    assert table.to_pylist() == expected_node_rows(texts, ids)
    chunks = gangmu.chunks_table(texts, ids=ids)
    assert chunks.to_pylist() == expected_chunk_rows(texts, ids)


def test_arguments_that_are_bugs_raise() -> None:
    with pytest.raises(TypeError, match="str, bytes or None"):
        gangmu.parse_table(["正文。", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="str or int"):
        gangmu.parse_table(["正文。"], ids=[1.5])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="2 ids for 1 documents"):
        gangmu.parse_table(["正文。"], ids=["a", "b"])
    with pytest.raises(ValueError, match="threads"):
        gangmu.parse_table(["正文。"], threads=0)
    with pytest.raises(ValueError, match="max_chars"):
        gangmu.chunks_table(["正文。"], max_chars=10, overlap=10)


def test_ids_default_to_positions_and_may_be_ints() -> None:
    t = gangmu.parse_table(["正文。", "正文。"])
    assert t.column("doc_id").to_pylist() == ["0", "1"]
    t = gangmu.parse_table(["正文。"], ids=[42])
    assert t.column("doc_id").to_pylist() == ["42"]


def test_pyarrow_arrays_are_accepted_as_inputs() -> None:
    texts = fixture_texts()[:5]
    ids = [f"d{i}" for i in range(5)]
    expected = gangmu.parse_table(texts, ids=ids)
    assert gangmu.parse_table(pa.array(texts), ids=pa.array(ids)).equals(expected)
    chunked = pa.chunked_array([texts[:2], texts[2:]])
    assert gangmu.parse_table(chunked, ids=ids).equals(expected)
    binary = pa.array([t.encode() for t in texts], type=pa.binary())
    assert gangmu.parse_table(binary, ids=ids).equals(expected)


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_the_table_is_the_same_whatever_the_threads(threads: int) -> None:
    texts = fixture_texts() * 3
    one = gangmu.parse_table(texts, threads=1)
    assert gangmu.parse_table(texts, threads=threads).equals(one)
    chunks = gangmu.chunks_table(texts, threads=1)
    assert gangmu.chunks_table(texts, threads=threads).equals(chunks)


def test_default_threads_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GANGMU_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert gangmu.default_threads() == 1
    monkeypatch.setenv("GANGMU_NUM_THREADS", "3")
    assert gangmu.default_threads() == 3
    monkeypatch.setenv("GANGMU_NUM_THREADS", "lots")
    with pytest.raises(ValueError, match="GANGMU_NUM_THREADS"):
        gangmu.default_threads()
    with pytest.raises(ValueError, match="GANGMU_NUM_THREADS"):
        gangmu.parse_table(["正文。"])
    with pytest.raises(ValueError, match="GANGMU_NUM_THREADS"):
        gangmu.parse_many(["正文。"])
    # An explicit count does not read the environment.
    assert gangmu.parse_table(["正文。"], threads=1).num_rows == 1
    monkeypatch.delenv("GANGMU_NUM_THREADS")
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert gangmu.default_threads() >= 1


def test_no_python_object_is_made_per_row(corpus: list[tuple[str, str]]) -> None:
    texts = [t for _, t in corpus]
    gangmu.parse_table(texts[:2])  # imports and first-call allocations
    gc.collect()
    tracemalloc.start()
    table = gangmu.parse_table(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sum(len(t.encode()) for t in texts)
    assert table.num_rows > 10_000
    # The one allocation on the Python heap is the UTF-8 copy of each text
    # that the abi3 API hands over; a Python object per row would add well over
    # 50 bytes a row on top of it.
    assert peak < size + 100 * len(texts) + 20 * table.num_rows // 10, (
        f"{peak} bytes on the Python heap for {size} bytes of text and {table.num_rows} rows"
    )


def test_the_stream_speaks_the_arrow_pycapsule_protocol() -> None:
    stream = gangmu._native.parse_arrow(["一、总则\n正文。"])
    assert len(stream) == 3 and stream.num_rows == 3
    assert re.match(r"<gangmu.ArrowStream 3 rows in \d+ batches>", repr(stream))
    first = pa.table(stream)
    again = pa.RecordBatchReader.from_stream(stream).read_all()
    assert first.equals(again), "each export shares the same batches"
    assert pa.schema(stream) == gangmu.nodes_schema()
    assert "gangmu.nodes/1" in repr(gangmu._native.nodes_arrow_schema())


def test_a_missing_pyarrow_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'gangmu\[arrow\]'"):
        gangmu.parse_table(["正文。"])
    with pytest.raises(ImportError, match=r"gangmu\[arrow\]"):
        gangmu.chunks_schema()
    # The rest of the package does not need it.
    assert gangmu.parse("正文。").title is None


def test_parquet_round_trip(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    table = gangmu.parse_table(fixture_texts())
    pq.write_table(table, tmp_path / "nodes.parquet")
    back = pq.read_table(tmp_path / "nodes.parquet")
    assert back.to_pylist() == table.to_pylist()
    assert back.schema.metadata[b"gangmu.schema"] == b"gangmu.nodes/1"
