"""The rows of gangmu's Arrow tables, rebuilt from the object API.

An independent reading of the same trees: ``parse_many`` (or ``parse_bytes``)
and ``Document.walk()``/``Document.chunks()``, one Python object per node.
The tests hold ``parse_table``/``chunks_table`` and the engines' output equal
to these rows; ``scripts/bench-python.py`` times them against ``parse_table``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Union

import gangmu

Row = dict[str, Any]
DocumentInput = Union[str, bytes, bytearray, memoryview, None]


NODE_COLUMNS = (
    "doc_id", "node_id", "parent_id", "type", "kind", "depth", "level", "marker", "family",
    "ordinal", "title", "run_in", "value", "start", "end", "byte_start", "byte_end", "line",
    "column", "text", "heading_path", "doc_title", "error",
)  # fmt: skip


def node_rows(doc: gangmu.Document, doc_id: str) -> list[Row]:
    """One row per node of ``doc``, in walk order."""
    nodes = list(doc.walk())
    ids = {node: i for i, node in enumerate(nodes)}
    parents: dict[int, int] = {}
    for node in nodes:
        for child in node.children:
            parents[ids[child]] = ids[node]
    title = doc.title
    rows = []
    for i, n in enumerate(nodes):
        m = n.marker
        rows.append(
            {
                "doc_id": doc_id,
                "node_id": i,
                "parent_id": parents.get(i),
                "type": n.type,
                "kind": n.kind,
                "depth": n.depth,
                "level": n.level,
                "marker": m.text if m else None,
                "family": m.family if m else n.family,
                "ordinal": m.ordinal if m else None,
                "title": n.title,
                "run_in": n.run_in,
                "value": n.value,
                "start": n.start,
                "end": n.end,
                "byte_start": n.byte_start,
                "byte_end": n.byte_end,
                "line": n.line,
                "column": n.column,
                "text": n.text,
                "heading_path": n.heading_path,
                "doc_title": title,
                "error": None,
            }
        )
    return rows


def node_error_row(doc_id: str, error: str) -> Row:
    """The row that stands for a document that is not text."""
    row: Row = dict.fromkeys(NODE_COLUMNS)
    row.update(
        doc_id=doc_id, node_id=0, type="error", start=0, end=0, byte_start=0, byte_end=0,
        line=0, column=0, text="", heading_path=[], error=error,
    )  # fmt: skip
    return row


def chunk_rows(
    doc: gangmu.Document, doc_id: str, max_chars: int = 1000, overlap: int = 0
) -> list[Row]:
    """One row per chunk of ``doc``: the fields of ``Chunk.to_dict()``."""
    rows = []
    for c in doc.chunks(max_chars=max_chars, overlap=overlap):
        d = c.to_dict()
        rows.append(
            {
                "doc_id": doc_id,
                "chunk_id": d["id"],
                "text": c.text,
                **{k: d[k] for k in ("start", "end", "byte_start", "byte_end", "line", "size")},
                "doc_title": d["title"],
                "doc_number": d["doc_number"],
                "heading_path": d["heading_path"],
                "citation": d["citation"],
                "parts": d["parts"],
                "parent_id": d["parent_id"],
                "prev_id": d["prev_id"],
                "next_id": d["next_id"],
                "error": None,
            }
        )
    return rows


def chunk_error_row(doc_id: str, error: str) -> Row:
    return {
        "doc_id": doc_id, "chunk_id": 0, "text": "", "start": 0, "end": 0, "byte_start": 0,
        "byte_end": 0, "line": 0, "size": 0, "doc_title": None, "doc_number": None,
        "heading_path": [], "citation": "", "parts": [], "parent_id": None, "prev_id": None,
        "next_id": None, "error": error,
    }  # fmt: skip


def documents(texts: Sequence[DocumentInput]) -> list[gangmu.Document | str]:
    """Serial ``parse_many`` of the texts (bytes decoded first, as parse_bytes
    decodes them); an input that is not text gives the reason instead."""
    decoded: list[str] = []
    reasons: dict[int, str] = {}
    for i, t in enumerate(texts):
        if isinstance(t, str):
            decoded.append(t)
        elif t is None:
            reasons[i] = "no document (None)"
        else:
            try:
                decoded.append(gangmu.parse_bytes(bytes(t)).text)
            except gangmu.DecodeError as e:
                reasons[i] = str(e)
    docs = iter(gangmu.parse_many(decoded, threads=1))
    return [reasons[i] if i in reasons else next(docs) for i in range(len(texts))]


def expected_node_rows(texts: Sequence[DocumentInput], ids: Sequence[str]) -> list[Row]:
    rows: list[Row] = []
    for doc, doc_id in zip(documents(texts), ids):
        if isinstance(doc, str):
            rows.append(node_error_row(doc_id, doc))
        else:
            rows.extend(node_rows(doc, doc_id))
    return rows


def expected_chunk_rows(
    texts: Sequence[DocumentInput], ids: Sequence[str], max_chars: int = 1000, overlap: int = 0
) -> list[Row]:
    rows: list[Row] = []
    for doc, doc_id in zip(documents(texts), ids):
        if isinstance(doc, str):
            rows.append(chunk_error_row(doc_id, doc))
        else:
            rows.extend(chunk_rows(doc, doc_id, max_chars, overlap))
    return rows
