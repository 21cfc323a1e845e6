"""The LangChain and LlamaIndex adapters, run against the real packages
(installed in the test venv by scripts/install-retrieval-extras.sh)."""

from __future__ import annotations

import gangmu
import pytest
from gangmu.integrations import chunk_metadata, document_key
from gangmu.integrations.langchain import GangmuTextSplitter
from gangmu.integrations.llama_index import GangmuNodeParser
from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import DeterministicFakeEmbedding
from langchain_core.load import dumps, loads
from langchain_core.vectorstores import InMemoryVectorStore
from langchain_text_splitters import TextSplitter
from llama_index.core import Document as LIDocument
from llama_index.core.ingestion import DocstoreStrategy, IngestionPipeline
from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import MetadataMode, NodeRelationship, TextNode
from llama_index.core.storage.docstore import SimpleDocumentStore

REGULATION = (
    "国务院令\n第1号\n\n《XX条例》已经国务院常务会议通过，现予公布，自2025年1月1日起施行。\n\n"
    "总理　XXX\n2024年12月1日\n\n"
    "XX条例\n\n第一章　总则\n\n"
    "第一条　为了规范管理，保障公民合法权益，根据有关法律，制定本条例。\n\n"
    "第二条　本条例适用于本市行政区域内的相关管理活动。\n\n"
    "第三条　管理工作应当遵循依法、公开、便民的原则。\n\n"
    "第二章　监督\n\n"
    "第四条　有关部门应当加强监督检查，" + "依法查处违法行为，" * 12 + "并向社会公开结果。\n\n"
    "　　前款规定的检查结果，应当及时报送上级部门。\n"
)

REPORT = (
    "关于2024年度工作情况的报告\n\n"
    "一、工作开展情况\n"
    "（一）周密部署。" + "各级各部门高度重视，层层压实责任。" * 4 + "\n"
    "（二）突出重点。" + "围绕重点领域开展专项检查。" * 3 + "\n\n"
    "二、下一步打算\n继续抓好落实。\n"
)


def tokens(s: str) -> int:
    """A stand-in tokenizer: about one token per two characters."""
    return (len(s) + 1) // 2


# LangChain ------------------------------------------------------------------


def test_the_splitter_is_a_real_text_splitter_giving_gangmu_chunks() -> None:
    splitter = GangmuTextSplitter(chunk_size=120)
    assert isinstance(splitter, TextSplitter)
    want = [c.text for c in gangmu.parse(REGULATION).chunks(max_chars=120)]
    assert splitter.split_text(REGULATION) == want


def test_create_documents_carries_the_chunk_metadata() -> None:
    splitter = GangmuTextSplitter(chunk_size=120)
    docs = splitter.create_documents([REGULATION], metadatas=[{"source": "reg.txt", "tags": ["x"]}])
    chunks = gangmu.parse(REGULATION).chunks(max_chars=120)
    assert [d.page_content for d in docs] == [c.text for c in chunks]
    for d, c in zip(docs, chunks):
        assert d.id == f"reg.txt#{c.id}"
        assert d.metadata["source"] == "reg.txt" and d.metadata["tags"] == ["x"]
        assert d.metadata["citation"] == c.citation
        assert d.metadata["heading_path"] == c.heading_path
        assert d.metadata["title"] == "XX条例"
        assert d.metadata["doc_number"] == "国务院令第1号"
        assert REGULATION[d.metadata["start_index"] : d.metadata["end_index"]] == d.page_content
    assert docs[0].metadata["tags"] is not docs[1].metadata["tags"], "input metadata is copied"
    cites = [d.metadata["citation"] for d in docs]
    assert cites == ["", "第一章", "第四条第一款", "第四条第一款、第二款"]
    assert docs[0].page_content.startswith("国务院令") and "第一章" not in docs[0].page_content
    assert docs[1].page_content.startswith("XX条例\n\n第一章"), "the title goes with chapter 1"
    assert docs[1].metadata["prev_id"] == docs[0].id and docs[0].metadata["next_id"] == docs[1].id


def test_split_documents_keys_the_ids_on_the_document_id() -> None:
    splitter = GangmuTextSplitter(chunk_size=120)
    given = LCDocument(id="report-2024", page_content=REPORT, metadata={"year": 2024})
    anonymous = LCDocument(page_content=REPORT)
    docs = splitter.split_documents([given, anonymous])
    n = len(gangmu.parse(REPORT).chunks(max_chars=120))
    assert [d.id for d in docs[:n]] == [f"report-2024#{i}" for i in range(n)]
    assert all(d.metadata["year"] == 2024 for d in docs[:n])
    key = document_key(REPORT)
    assert docs[n].id == f"{key}#0", "without an id the key is a digest of the text"
    assert splitter.transform_documents([given]) == docs[:n]


def test_a_token_budget_through_the_length_function() -> None:
    splitter = GangmuTextSplitter(chunk_size=40, length_function=tokens)
    docs = splitter.create_documents([REGULATION])
    assert len(docs) > 3
    assert all(tokens(d.page_content) <= 40 for d in docs)
    want = gangmu.parse(REGULATION).chunks(max_tokens=40, length_function=tokens)
    assert [d.page_content for d in docs] == [c.text for c in want]


@pytest.mark.filterwarnings("ignore::langchain_core._api.beta_decorator.LangChainBetaWarning")
@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_documents_round_trip_through_langchain_serialisation_and_a_vector_store() -> None:
    docs = GangmuTextSplitter(chunk_size=120).create_documents([REGULATION])
    again = loads(dumps(docs))
    assert [(d.id, d.page_content, d.metadata) for d in again] == [
        (d.id, d.page_content, d.metadata) for d in docs
    ]
    store = InMemoryVectorStore(DeterministicFakeEmbedding(size=16))
    ids = store.add_documents(docs)
    assert ids == [d.id for d in docs]
    got = store.get_by_ids([docs[-1].id])[0]
    assert got.page_content == docs[-1].page_content
    assert got.metadata["citation"] == docs[-1].metadata["citation"]
    hits = store.similarity_search(
        docs[-1].page_content, k=1, filter=lambda d: d.metadata["citation"].startswith("第四条")
    )
    assert hits and hits[0].metadata["citation"].startswith("第四条")


# LlamaIndex -----------------------------------------------------------------


def nodes_of(text: str, **kwargs: object) -> list[TextNode]:
    parser = GangmuNodeParser(**kwargs)  # type: ignore[arg-type]
    out = parser.get_nodes_from_documents(
        [LIDocument(text=text, id_="doc", metadata={"year": 2024})]
    )
    assert all(isinstance(n, TextNode) for n in out)
    return [n for n in out if isinstance(n, TextNode)]


def test_the_node_parser_is_a_real_node_parser_giving_gangmu_chunks() -> None:
    assert isinstance(GangmuNodeParser(), NodeParser)
    nodes = nodes_of(REGULATION, chunk_size=120)
    chunks = gangmu.parse(REGULATION).chunks(max_chars=120)
    assert [n.text for n in nodes] == [c.text for c in chunks]
    for n, c in zip(nodes, chunks):
        assert n.node_id == f"doc#{c.id}"
        assert n.ref_doc_id == "doc"
        assert (n.start_char_idx, n.end_char_idx) == (c.start, c.end)
        assert REGULATION[n.start_char_idx : n.end_char_idx] == n.text
        assert n.metadata["year"] == 2024, "the document's metadata is kept"
        assert n.metadata == {"year": 2024, **chunk_metadata(c, "doc")}


def test_nodes_link_previous_next_and_parent() -> None:
    nodes = nodes_of(REGULATION, chunk_size=120)
    chunks = gangmu.parse(REGULATION).chunks(max_chars=120)
    for i, (n, c) in enumerate(zip(nodes, chunks)):
        prev_node, next_node = n.prev_node, n.next_node
        assert (prev_node.node_id if prev_node else None) == (nodes[i - 1].node_id if i else None)
        assert (next_node.node_id if next_node else None) == (
            nodes[i + 1].node_id if i + 1 < len(nodes) else None
        )
        parent = n.parent_node
        if c.parent_id is None:
            assert parent is None
        else:
            assert parent is not None
            assert parent.node_id == f"doc#s{c.parent_id}"
            assert parent.metadata["heading_path"] == c.heading_path
        assert n.relationships[NodeRelationship.SOURCE].node_id == "doc"  # type: ignore[union-attr]
    cut = [n for n in nodes if n.metadata["citation"].startswith("第四条")]
    assert len(cut) >= 2, "article 4 exceeds the budget and is cut"
    assert len({n.parent_node.node_id for n in cut if n.parent_node}) == 1, (
        "one parent: the article"
    )


def test_ids_and_offsets_stay_out_of_the_embedded_text() -> None:
    n = nodes_of(REPORT, chunk_size=120)[1]
    embedded = n.get_content(metadata_mode=MetadataMode.EMBED)
    assert "citation: " in embedded and "heading: " in embedded
    assert "chunk_id" not in embedded and "start_index" not in embedded


def test_a_token_budget_for_llama_index() -> None:
    nodes = nodes_of(REGULATION, chunk_size=40, length_function=tokens)
    assert all(tokens(n.text) <= 40 for n in nodes)


def test_nodes_round_trip_through_a_pipeline_and_a_docstore() -> None:
    docstore = SimpleDocumentStore()
    pipeline = IngestionPipeline(
        transformations=[GangmuNodeParser(chunk_size=120)],
        docstore=docstore,
        docstore_strategy=DocstoreStrategy.DUPLICATES_ONLY,
    )
    nodes = pipeline.run(documents=[LIDocument(text=REPORT, id_="report")])
    assert [n.node_id for n in nodes] == [f"report#{i}" for i in range(len(nodes))]
    docstore.add_documents(nodes)
    for n in nodes:
        stored = docstore.get_node(n.node_id)
        assert isinstance(stored, TextNode)
        assert stored.text == n.get_content() and stored.metadata == n.metadata
        assert stored.relationships.keys() == n.relationships.keys()
        again = TextNode.from_json(n.to_json())
        assert again.metadata == n.metadata and again.text == n.get_content()
    assert pipeline.run(documents=[LIDocument(text=REPORT, id_="report")]) == [], (
        "an unchanged document is not parsed again"
    )
