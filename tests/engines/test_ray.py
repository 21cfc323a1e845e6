"""Ray Data on a real local cluster (ray.init(num_cpus=2)): the recipes of
docs/scale.md against serial parse_many, workers' threads, pickling."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gangmu
import pyarrow.parquet as pq
import pytest
import ray
from conftest import by_name, expected_chunks, expected_nodes, files, parquet_rows, recipe
from reference_rows import expected_node_rows


@pytest.fixture(scope="module", autouse=True)
def cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_the_ray_recipe_writes_the_rows_of_serial_parse_many(
    documents_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nodes"
    recipe("ray")["parse_files_with_ray"](str(documents_dir), str(out))
    rows = pq.read_table(out).to_pylist()
    expected = expected_nodes(documents_dir)
    assert len(files(documents_dir)) >= 35
    assert len(expected) > 3_000
    assert by_name(rows) == by_name(expected)
    errors = [r for r in rows if r["type"] == "error"]
    assert [r["doc_id"] for r in errors] == ["not_text.txt"], "one error row, the batch went on"
    assert errors[0]["error"].startswith("binary content")


def test_the_ray_recipe_for_documents_in_parquet(documents_parquet: Path, tmp_path: Path) -> None:
    out = tmp_path / "nodes"
    recipe("ray")["parse_parquet_with_ray"](str(documents_parquet), str(out))
    texts, ids = parquet_rows(documents_parquet)
    expected = expected_node_rows(texts, ids)
    assert len(ids) > 10 and len(expected) > 1_000
    rows = pq.read_table(out).to_pylist()
    assert by_name(rows) == by_name(expected)
    assert [r["doc_id"] for r in rows if r["type"] == "error"] == ["null_text"]


def test_the_ray_chunks_recipe_from_items(documents_dir: Path) -> None:
    items = [
        {"id": p.name, "text": p.read_text(encoding="utf-8")}
        for p in files(documents_dir)
        if p.name.startswith(("corpus_", "web_", "notice_"))
    ]
    table = recipe("ray")["chunk_with_ray"](items, max_chars=500)
    names = {i["id"] for i in items}
    expected = [r for r in expected_chunks(documents_dir, 500) if r["doc_id"] in names]
    assert len(expected) > 100
    assert by_name(table.to_pylist(), "chunk_id") == by_name(expected, "chunk_id")


@ray.remote(num_cpus=1)
def threads_in_worker() -> tuple[int, str | None]:
    return gangmu.default_threads(), os.environ.get("OMP_NUM_THREADS")


def test_workers_use_the_cpus_of_their_task() -> None:
    assert ray.get(threads_in_worker.remote()) == (1, "1")
    assert ray.get(threads_in_worker.options(num_cpus=2).remote()) == (2, "2")


@ray.remote
def parse_remote(text: str, config: gangmu.Config) -> tuple[gangmu.Document, list[str]]:
    doc = gangmu.parse(text, config=config)
    return doc, [d.rule for d in doc.lint()]


def test_documents_and_configs_cross_process_boundaries(documents_dir: Path) -> None:
    text = (documents_dir / "ascii_punctuation_variants.txt").read_text(encoding="utf-8")
    config = gangmu.Config(select=["HDR"])
    doc, rules = ray.get(parse_remote.remote(text, config))
    local = gangmu.parse(text, config=config)
    assert doc.to_json() == local.to_json() and doc.text == text
    assert rules == [d.rule for d in local.lint()] and rules
    assert all(r.startswith("HDR") for r in rules), "the config went with the task"
    again: Any = ray.get(ray.put(doc))
    assert again.lint()[0].rule == rules[0], "a returned document keeps its config"
