"""Adapters that let retrieval frameworks chunk with gangmu.

- :mod:`gangmu.integrations.langchain`: ``GangmuTextSplitter``, a
  ``langchain_text_splitters.TextSplitter`` (``pip install gangmu[langchain]``).
- :mod:`gangmu.integrations.llama_index`: ``GangmuNodeParser``, a LlamaIndex
  ``NodeParser`` (``pip install gangmu[llama-index]``).

Both put the same metadata on every chunk (:func:`chunk_metadata`): the
document's title and number, the heading path, the citation and the citations
of the packed parts, and string ids for the chunk, its section and its
neighbours, stable across runs for the same text.
"""

from __future__ import annotations

from ._common import chunk_metadata, document_key

__all__ = ["chunk_metadata", "document_key"]
