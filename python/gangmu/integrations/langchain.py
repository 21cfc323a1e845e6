"""LangChain: ``GangmuTextSplitter``, a ``TextSplitter`` that cuts Chinese
administrative documents along their structure (``pip install gangmu[langchain]``).

>>> from gangmu.integrations.langchain import GangmuTextSplitter
>>> splitter = GangmuTextSplitter(chunk_size=80)
>>> text = "第一条　为了规范管理，制定本办法。\\n第二条　本办法适用于本市。\\n"
>>> [d.metadata["citation"] for d in splitter.create_documents([text])]
['第一条、第二条']
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

try:
    from langchain_core.documents import Document
    from langchain_text_splitters import TextSplitter
except ImportError as e:  # pragma: no cover - exercised without the extra
    raise ImportError(
        "gangmu.integrations.langchain needs langchain-text-splitters: "
        "pip install 'gangmu[langchain]'"
    ) from e

from .. import _native
from ._common import chunk_document, chunk_metadata, document_key

__all__ = ["GangmuTextSplitter"]


class GangmuTextSplitter(TextSplitter):
    """Splits text with :meth:`gangmu.Document.chunks`.

    ``chunk_size`` is the budget: characters with the default
    ``length_function=len``, else whatever the function counts (tokens).
    ``chunk_overlap`` (default 0) is shared only between pieces of a run of
    text that had to be cut. The documents made by :meth:`create_documents`
    and :meth:`split_documents` carry the chunk's metadata
    (:func:`gangmu.integrations.chunk_metadata`: title, doc_number,
    heading_path, heading, citation, citations, chunk_id, parent_id, prev_id,
    next_id, start_index, end_index) over a copy of the input metadata, and an
    ``id`` of ``"<key>#<n>"``, where the key is the input document's ``id``,
    else its ``source`` metadata, else a digest of its text.
    """

    def __init__(
        self,
        chunk_size: int = 1000,
        chunk_overlap: int = 0,
        length_function: Callable[[str], int] = len,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("add_start_index", True)
        super().__init__(
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            length_function=length_function,
            **kwargs,
        )

    def _chunks(self, text: str) -> list[_native.Chunk]:
        return chunk_document(
            _native.parse(text), self._chunk_size, self._chunk_overlap, self._length_function
        )

    def split_text(self, text: str) -> list[str]:
        """The chunks' texts, in order."""
        return [c.text for c in self._chunks(text)]

    def create_documents(
        self, texts: list[str], metadatas: list[dict[Any, Any]] | None = None
    ) -> list[Document]:
        """One ``Document`` per chunk of each text, with the chunk's metadata."""
        return self._documents(texts, metadatas or [{}] * len(texts), [None] * len(texts))

    def split_documents(self, documents: Iterable[Document]) -> list[Document]:
        """Splits each document, keeping its metadata under the chunk's."""
        docs = list(documents)
        return self._documents(
            [d.page_content for d in docs], [d.metadata for d in docs], [d.id for d in docs]
        )

    def _documents(
        self, texts: list[str], metadatas: list[dict[Any, Any]], ids: list[str | None]
    ) -> list[Document]:
        out: list[Document] = []
        for text, meta, given in zip(texts, metadatas, ids):
            source = meta.get("source")
            key = document_key(text, given or (str(source) if source else None))
            for c in self._chunks(text):
                metadata = copy.deepcopy(meta)
                metadata.update(chunk_metadata(c, key))
                if not self._add_start_index:
                    metadata.pop("start_index", None)
                    metadata.pop("end_index", None)
                out.append(Document(id=f"{key}#{c.id}", page_content=c.text, metadata=metadata))
        return out
