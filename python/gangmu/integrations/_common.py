"""What both framework adapters put on a chunk."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from .._native import Chunk, Document

#: Metadata keys kept out of the text a framework embeds or shows to a model:
#: ids and offsets, and the lists that ``heading`` and ``citation`` already say.
UNEMBEDDED_KEYS = (
    "chunk_id",
    "parent_id",
    "prev_id",
    "next_id",
    "start_index",
    "end_index",
    "heading_path",
    "citations",
)


def document_key(text: str, given: str | None = None) -> str:
    """The key that prefixes a document's chunk ids: ``given`` (the
    framework's own document id) when there is one, else a digest of the text,
    so that the same text always gets the same ids.

    >>> document_key("正文。")
    'sha1-582df0a6369900f6'
    >>> document_key("正文。", "report-2024")
    'report-2024'
    """
    if given:
        return given
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def chunk_id(key: str, n: int) -> str:
    """The id of chunk ``n`` of the document ``key``."""
    return f"{key}#{n}"


def section_id(key: str, node: int) -> str:
    """The id of the section at ``node`` (its position in ``Document.walk()``)."""
    return f"{key}#s{node}"


def chunk_metadata(chunk: Chunk, key: str) -> dict[str, Any]:
    """The metadata of ``chunk`` of the document ``key``: ``title``,
    ``doc_number`` (left out when the document has none), ``heading_path``
    (a list), ``heading`` (the path joined with `` > ``), ``citation``,
    ``citations`` (those of the packed parts), ``chunk_id``, ``parent_id``,
    ``prev_id`` and ``next_id`` (string ids, left out where there is none),
    ``start_index`` and ``end_index`` (code points in the document).

    >>> import gangmu
    >>> c = gangmu.parse("一、总则\\n正文。\\n").chunks()[0]
    >>> m = chunk_metadata(c, "doc")
    >>> m["citation"], m["chunk_id"], m["parent_id"], "prev_id" in m
    ('一、', 'doc#0', 'doc#s0', False)
    """
    meta: dict[str, Any] = {
        "title": chunk.title,
        "doc_number": chunk.doc_number,
        "heading_path": list(chunk.heading_path),
        "heading": " > ".join(chunk.heading_path),
        "citation": chunk.citation,
        "citations": [p.citation for p in chunk.parts if p.citation],
        "chunk_id": chunk_id(key, chunk.id),
        "parent_id": None if chunk.parent_id is None else section_id(key, chunk.parent_id),
        "prev_id": None if chunk.prev_id is None else chunk_id(key, chunk.prev_id),
        "next_id": None if chunk.next_id is None else chunk_id(key, chunk.next_id),
        "start_index": chunk.start,
        "end_index": chunk.end,
    }
    return {k: v for k, v in meta.items() if v is not None}


def chunk_document(
    doc: Document,
    size: int,
    overlap: int,
    length_function: Callable[[str], int] | None,
) -> list[Chunk]:
    """``doc.chunks`` with a budget of ``size``: characters when the length
    function is ``len`` (or none), else counted by it."""
    if length_function is None or length_function is len:
        return doc.chunks(max_chars=size, overlap=overlap)
    return doc.chunks(max_tokens=size, overlap=overlap, length_function=length_function)
