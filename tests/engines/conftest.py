"""Shared pieces of the engine tests: a directory of a few dozen documents
(fixtures, corpus documents, other encodings and one file that is not text),
the recipes of docs/scale.md, and the rows serial parse_many gives."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "python"))

from reference_rows import Row, expected_chunk_rows, expected_node_rows  # noqa: E402


def corpus_dir() -> Path:
    for candidate in (REPO / "tests" / "corpus", REPO.parent / "shared" / "corpus"):
        if any(candidate.glob("*.txt")):
            return candidate
    raise RuntimeError("the engine tests need the corpus (tests/corpus or ../shared/corpus)")


@pytest.fixture(scope="session")
def documents_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About forty documents: the fixtures, the twenty smallest corpus documents,
    a GB18030 and a UTF-16 copy, and one binary file."""
    out = tmp_path_factory.mktemp("documents")
    fixtures = sorted((REPO / "tests" / "fixtures").glob("*.txt"))
    for p in fixtures:
        (out / p.name).write_bytes(p.read_bytes())
    corpus = sorted(corpus_dir().glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))
    for p in corpus[:20]:
        (out / f"corpus_{p.name}").write_bytes(p.read_bytes())
    sample = fixtures[0].read_text(encoding="utf-8")
    (out / "encoded_gb18030.txt").write_bytes(sample.encode("gb18030"))
    (out / "encoded_utf16.txt").write_bytes(sample.encode("utf-16"))
    (out / "not_text.txt").write_bytes(b"\x00\x01\x02\x03 binary " * 10)
    (out / "ignored.bin").write_bytes(b"not a .txt file")
    return out


@pytest.fixture(scope="session")
def documents_parquet(documents_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The text files of documents_dir as Parquet rows (`id`, `text`), and one
    row whose text is null."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    prefixes = ("corpus_", "notice", "web", "speech")
    chosen = [p for p in files(documents_dir) if p.name.startswith(prefixes)][:24]
    # Bytes decoded as they are (read_text would turn CRLF into LF).
    rows = [(p.name, p.read_bytes().decode()) for p in chosen]
    rows.append(("null_text", None))  # type: ignore[arg-type]
    out = tmp_path_factory.mktemp("parquet") / "documents.parquet"
    table = pa.table({"id": [r[0] for r in rows], "text": [r[1] for r in rows]})
    pq.write_table(table, out, row_group_size=8)
    return out


def parquet_rows(path: Path) -> tuple[list[str | None], list[str]]:
    import pyarrow.parquet as pq

    t = pq.read_table(path)
    return t.column("text").to_pylist(), t.column("id").to_pylist()


def files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.txt"))


def expected_nodes(directory: Path) -> list[Row]:
    """The node rows of serial parse_many over the directory's .txt files, with
    each file's name as doc_id."""
    paths = files(directory)
    return expected_node_rows([p.read_bytes() for p in paths], [p.name for p in paths])


def expected_chunks(directory: Path, max_chars: int) -> list[Row]:
    paths = files(directory)
    return expected_chunk_rows(
        [p.read_bytes() for p in paths], [p.name for p in paths], max_chars=max_chars
    )


def by_name(rows: list[Row], key: str = "node_id") -> list[Row]:
    """Rows with doc_id reduced to the file name (engines report full paths or
    URIs), in (doc_id, key) order: engines do not keep the input order."""
    for r in rows:
        r["doc_id"] = re.split(r"[/\\]", r["doc_id"])[-1]
    return sorted(rows, key=lambda r: (r["doc_id"], r[key]))


def recipe(name: str) -> dict[str, Any]:
    """Runs the code block of docs/scale.md that starts with `# recipe: NAME` and
    returns what it defines."""
    doc = (REPO / "docs" / "scale.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(# recipe: ([^\n]+)\n.*?)```", doc, re.S)
    code = {n.strip(): body for body, n in blocks}
    if name not in code:
        raise KeyError(f"docs/scale.md has no recipe {name!r} (it has {sorted(code)})")
    namespace: dict[str, Any] = {"__name__": f"scale_md_{name.replace(' ', '_')}"}
    exec(compile(code[name], f"docs/scale.md ({name})", "exec"), namespace)
    return namespace
