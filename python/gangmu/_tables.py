"""Arrow tables of parse trees and chunks (``pip install 'gangmu[arrow]'``).

The tables are built in Rust and handed to pyarrow through the Arrow C stream
interface: no Python object is made per node or chunk. The schemas are
versioned (``gangmu.nodes/1``, ``gangmu.chunks/1``, in the schema metadata
under ``gangmu.schema``) and described in docs/arrow.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Union

from . import _native

if TYPE_CHECKING:
    # pyarrow ships no type information (yet).
    import pyarrow  # type: ignore[import-untyped, unused-ignore]

NODES_SCHEMA = "gangmu.nodes/1"
CHUNKS_SCHEMA = "gangmu.chunks/1"

_PYARROW_MIN = (15, 0)

#: A document: text, bytes to decode (UTF-8, UTF-16 with BOM, GB18030), or
#: ``None`` (which gives an error row).
DocumentInput = Union[str, bytes, bytearray, memoryview, None]


def _pyarrow() -> Any:
    try:
        import pyarrow  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:
        raise ImportError(
            "gangmu's Arrow tables need pyarrow >= 15, which is not installed: "
            "pip install 'gangmu[arrow]'"
        ) from e
    version = tuple(int(p) for p in pyarrow.__version__.split(".")[:2] if p.isdigit())
    if version < _PYARROW_MIN:
        raise ImportError(
            f"gangmu's Arrow tables need pyarrow >= 15, not {pyarrow.__version__}: "
            "pip install -U 'gangmu[arrow]'"
        )
    return pyarrow


def _column(values: Any) -> Any:
    """A pyarrow Array or ChunkedArray as a list (one object per document,
    not per node); anything else as it is."""
    to_pylist = getattr(values, "to_pylist", None)
    return to_pylist() if callable(to_pylist) else values


def _table(stream: _native.ArrowStream) -> pyarrow.Table:
    pa = _pyarrow()
    return pa.RecordBatchReader.from_stream(stream).read_all()


def parse_table(
    texts: Iterable[DocumentInput],
    ids: Iterable[str | int] | None = None,
    *,
    threads: int | None = None,
) -> pyarrow.Table:
    """Parses ``texts`` into a ``pyarrow.Table`` with one row per node
    (schema ``gangmu.nodes/1``), documents in input order, nodes in the order
    of :meth:`Document.walk`.

    ``texts`` may hold ``str``, ``bytes`` (decoded like :func:`parse_bytes`)
    or ``None``, or be a pyarrow string or binary array; a document that is
    not text becomes one row of type ``"error"`` with the reason in ``error``.
    ``ids`` (str or int, one per document) fill ``doc_id``; by default the
    position in ``texts``. ``threads`` defaults to :func:`default_threads`.

    >>> t = parse_table(["一、总则\\n正文。", b"\\x00\\x01"], ids=["a", "b"])
    >>> t.column("type").to_pylist()
    ['section', 'heading', 'paragraph', 'error']
    >>> t.column("heading_path").to_pylist()[2]
    ['一、总则']
    """
    _pyarrow()
    ids = None if ids is None else _column(ids)
    return _table(_native.parse_arrow(_column(texts), ids, threads=threads))


def chunks_table(
    texts: Iterable[DocumentInput],
    ids: Iterable[str | int] | None = None,
    *,
    max_chars: int = 1000,
    overlap: int = 0,
    threads: int | None = None,
) -> pyarrow.Table:
    """Parses and chunks ``texts`` (as :meth:`Document.chunks`) into a
    ``pyarrow.Table`` with one row per chunk (schema ``gangmu.chunks/1``);
    inputs, ids, error rows and threads as in :func:`parse_table`.

    >>> t = chunks_table(["一、总则\\n正文。\\n二、附则\\n附文。"], max_chars=10)
    >>> t.column("text").to_pylist()
    ['一、总则\\n正文。', '二、附则\\n附文。']
    """
    _pyarrow()
    ids = None if ids is None else _column(ids)
    stream = _native.chunks_arrow(
        _column(texts), ids, max_chars=max_chars, overlap=overlap, threads=threads
    )
    return _table(stream)


def nodes_schema() -> pyarrow.Schema:
    """The Arrow schema of :func:`parse_table` (``gangmu.nodes/1``).

    >>> nodes_schema().metadata[b"gangmu.schema"]
    b'gangmu.nodes/1'
    """
    return _pyarrow().schema(_native.nodes_arrow_schema())


def chunks_schema() -> pyarrow.Schema:
    """The Arrow schema of :func:`chunks_table` (``gangmu.chunks/1``).

    >>> chunks_schema().names[:3]
    ['doc_id', 'chunk_id', 'text']
    """
    return _pyarrow().schema(_native.chunks_arrow_schema())
