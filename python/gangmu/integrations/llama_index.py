"""LlamaIndex: ``GangmuNodeParser``, a ``NodeParser`` that cuts Chinese
administrative documents along their structure (``pip install gangmu[llama-index]``).

>>> from llama_index.core import Document
>>> from gangmu.integrations.llama_index import GangmuNodeParser
>>> text = "第一条　为了规范管理，制定本办法。\\n第二条　本办法适用于本市。\\n"
>>> parser = GangmuNodeParser(chunk_size=30)
>>> nodes = parser.get_nodes_from_documents([Document(text=text, id_="reg")])
>>> [(n.node_id, n.metadata["citation"]) for n in nodes]
[('reg#0', '第一条'), ('reg#1', '第二条')]
>>> nodes[1].prev_node.node_id
'reg#0'
"""

# No `from __future__ import annotations`: pydantic reads the field types at
# run time, and `X | None` does not evaluate on Python 3.9.
from collections.abc import Callable, Sequence
from typing import Any, Optional, Union

try:
    from llama_index.core.bridge.pydantic import Field
    from llama_index.core.node_parser import NodeParser
    from llama_index.core.schema import (
        BaseNode,
        MetadataMode,
        NodeRelationship,
        RelatedNodeInfo,
        TextNode,
    )
    from llama_index.core.utils import get_tqdm_iterable
except ImportError as e:  # pragma: no cover - exercised without the extra
    raise ImportError(
        "gangmu.integrations.llama_index needs llama-index-core: pip install 'gangmu[llama-index]'"
    ) from e

from .. import _native
from ._common import UNEMBEDDED_KEYS, chunk_document, chunk_metadata, document_key, section_id

__all__ = ["GangmuNodeParser"]


class GangmuNodeParser(NodeParser):
    """Parses documents into ``TextNode``\\ s with :meth:`gangmu.Document.chunks`.

    ``chunk_size`` is the budget: characters, or what ``length_function``
    counts (tokens) when one is given. ``chunk_overlap`` (default 0) is
    shared only between pieces of a run of text that had to be cut.

    Each node has the id ``"<doc_id>#<n>"``, the chunk's metadata
    (:func:`gangmu.integrations.chunk_metadata`; ids and offsets are left
    out of the text that is embedded or shown to a model), its start and end
    in the document, and the relationships SOURCE (the document), PREVIOUS
    and NEXT (its neighbours) and PARENT: the section that holds it, with id
    ``"<doc_id>#s<node>"`` and the section's heading path and citation as
    metadata. Chunks of the document's own text (front matter, closing
    elements) have no PARENT.
    """

    chunk_size: int = Field(default=1000, gt=0, description="The budget of a chunk.")
    chunk_overlap: int = Field(
        default=0, ge=0, description="Shared by consecutive pieces of a run that was cut."
    )
    length_function: Optional[Callable[[str], int]] = Field(
        default=None,
        description="Counts the budget (e.g. tokens); characters when None.",
        exclude=True,
    )

    @classmethod
    def class_name(cls) -> str:
        return "GangmuNodeParser"

    def _parse_nodes(
        self, nodes: Sequence[BaseNode], show_progress: bool = False, **kwargs: Any
    ) -> list[BaseNode]:
        out: list[BaseNode] = []
        for node in get_tqdm_iterable(nodes, show_progress, "Parsing nodes"):
            out.extend(self._split(node))
        return out

    def _split(self, node: BaseNode) -> list[TextNode]:
        text = node.get_content(metadata_mode=MetadataMode.NONE)
        key = document_key(text, node.node_id)
        doc = _native.parse(text)
        chunks = chunk_document(doc, self.chunk_size, self.chunk_overlap, self.length_function)
        source = node.as_related_node_info()
        made: list[TextNode] = []
        for c in chunks:
            meta = chunk_metadata(c, key)
            relationships: dict[NodeRelationship, Union[RelatedNodeInfo, list[RelatedNodeInfo]]] = {
                NodeRelationship.SOURCE: source
            }
            if c.parent_id is not None:
                relationships[NodeRelationship.PARENT] = RelatedNodeInfo(
                    node_id=section_id(key, c.parent_id),
                    metadata={"heading_path": list(c.heading_path), "citation": c.citation},
                )
            made.append(
                TextNode(
                    id_=meta["chunk_id"],
                    text=c.text,
                    metadata=meta,
                    start_char_idx=c.start,
                    end_char_idx=c.end,
                    excluded_embed_metadata_keys=[
                        *node.excluded_embed_metadata_keys,
                        *UNEMBEDDED_KEYS,
                    ],
                    excluded_llm_metadata_keys=[*node.excluded_llm_metadata_keys, *UNEMBEDDED_KEYS],
                    relationships=relationships,
                )
            )
        if self.include_prev_next_rel:
            for a, b in zip(made, made[1:]):
                a.relationships[NodeRelationship.NEXT] = b.as_related_node_info()
                b.relationships[NodeRelationship.PREVIOUS] = a.as_related_node_info()
        return made
