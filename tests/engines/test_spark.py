"""Spark on a real local cluster (local[2]): the recipe of docs/scale.md
against serial parse_many, workers' threads, pickling."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import gangmu
import pyarrow.parquet as pq
import pytest
from conftest import by_name, expected_nodes, parquet_rows, recipe
from pyspark.sql import SparkSession
from reference_rows import expected_node_rows


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("gangmu-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_the_spark_recipe_writes_the_rows_of_serial_parse_many(
    spark: SparkSession, documents_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nodes"
    recipe("spark")["parse_files_with_spark"](spark, str(documents_dir), str(out))
    rows = pq.read_table(out).to_pylist()
    expected = expected_nodes(documents_dir)
    assert len(expected) > 3_000
    assert by_name(rows) == by_name(expected)
    errors = [r for r in rows if r["type"] == "error"]
    assert [r["doc_id"].rsplit("/", 1)[-1] for r in errors] == ["not_text.txt"]


def test_the_spark_recipe_for_documents_in_parquet(
    spark: SparkSession, documents_parquet: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nodes"
    recipe("spark")["parse_parquet_with_spark"](spark, str(documents_parquet), str(out))
    texts, ids = parquet_rows(documents_parquet)
    rows = pq.read_table(out).to_pylist()
    assert by_name(rows) == by_name(expected_node_rows(texts, ids))
    assert [r["doc_id"] for r in rows if r["type"] == "error"] == ["null_text"]


def test_python_workers_use_one_thread(spark: SparkSession) -> None:
    counts = (
        spark.sparkContext.parallelize(range(4), 2)
        .map(lambda _: (gangmu.default_threads(), os.environ.get("OMP_NUM_THREADS")))
        .collect()
    )
    assert counts == [(1, "1")] * 4


def test_documents_and_configs_pickle_through_spark(spark: SparkSession) -> None:
    config = gangmu.Config(select=["HDR"])
    texts = ["一.总则\n(一)目的\n", "关于开展检查的通知\n\n一、检查内容\n正文。\n"]
    docs = spark.sparkContext.parallelize(texts, 2).map(lambda t: gangmu.parse(t, config=config))
    back = docs.collect()
    assert [d.to_json() for d in back] == [gangmu.parse(t).to_json() for t in texts]
    rules = [d.rule for d in back[0].lint()]
    assert rules == [d.rule for d in gangmu.lint(texts[0], config=config)]
    assert rules and all(r.startswith("HDR") for r in rules), "the config came back too"
