"""gangmu (纲目): structure of Chinese administrative documents (公文).

Parse text into a lossless typed tree, check it against GB/T 9704 and drafting
practice, fix what can be fixed mechanically, and cut it into chunks for
retrieval. The work is done in Rust; offsets are code points, so
``text[node.start:node.end]`` is always the node's text.

>>> import gangmu
>>> text = "关于做好防汛工作的通知\\n\\n各乡镇：\\n\\n一、提高认识\\n"
>>> text += "（一）压实责任。一是明确分工；二是加强值守。\\n"
>>> doc = gangmu.parse(text)
>>> doc.title
'关于做好防汛工作的通知'
>>> [h.heading_path for h in doc.headings()]
[['一、提高认识'], ['一、提高认识', '（一）压实责任']]
>>> h = doc.headings()[1]
>>> doc.text[h.start:h.end] == h.text
True
"""

from __future__ import annotations

import os
from typing import Any, Union

from ._errors import ConfigError, DecodeError, DocxError, GangmuError
from ._native import (
    Chunk,
    ChunkPart,
    Config,
    Diagnostic,
    Document,
    Edit,
    Fix,
    Marker,
    Node,
    Rule,
    SourceLine,
    __version__,
    default_threads,
    fix,
    fix_docx,
    lint,
    parse,
    parse_bytes,
    parse_docx,
    parse_many,
    rules,
)
from ._rules import RULE_IDS, RuleId
from ._tables import (
    CHUNKS_SCHEMA,
    NODES_SCHEMA,
    chunks_schema,
    chunks_table,
    nodes_schema,
    parse_table,
)

__all__ = [
    "CHUNKS_SCHEMA",
    "NODES_SCHEMA",
    "RULE_IDS",
    "Chunk",
    "ChunkPart",
    "Config",
    "ConfigError",
    "DecodeError",
    "Diagnostic",
    "Document",
    "DocxError",
    "Edit",
    "Fix",
    "GangmuError",
    "Marker",
    "Node",
    "Rule",
    "RuleId",
    "SourceLine",
    "__version__",
    "chunks_schema",
    "chunks_table",
    "default_threads",
    "fix",
    "fix_docx",
    "lint",
    "nodes_schema",
    "parse",
    "parse_bytes",
    "parse_docx",
    "parse_many",
    "parse_table",
    "read",
    "rules",
]

StrPath = Union[str, "os.PathLike[str]"]


def read(
    path: StrPath,
    encoding: str | None = None,
    *,
    config: Config | dict[str, Any] | None = None,
) -> Document:
    """Reads and parses a file: a .docx (recognised by its content, whatever
    its name) as Word shows it (see :func:`parse_docx`), else text in UTF-8,
    UTF-16 (with BOM) or GB18030 (or ``encoding``, when given).

    Raises :class:`DocxError` when a zip archive is not a readable .docx,
    :class:`DecodeError` when the file is not text, and ``OSError`` when it
    cannot be read.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "notice.txt"
    >>> _ = p.write_bytes("关于开展检查的通知\\n\\n一、检查内容\\n".encode("gb18030"))
    >>> doc = read(p)
    >>> (doc.title, doc.encoding)
    ('关于开展检查的通知', 'gb18030')
    """
    with open(path, "rb") as f:
        data = f.read()
    if encoding is None and data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return parse_docx(data, config=config)
    return parse_bytes(data, encoding, config=config)
