#!/usr/bin/env python3
"""Throughput and memory of gangmu at scale: serial parse, parse_many,
parse_table (+ Parquet), Ray Data and Spark on a collection of about 200 MB
built from the corpus. Run by hand (minutes, and it wants the machine to
itself); the figures go in docs/scale.md.

    .venv/bin/python scripts/bench-engines.py [--mb 200] [--corpus DIR] [--dir DIR]
                                              [--modes serial,parse_many,...]

Needs the test venv with the engines (scripts/test-python.sh, then
scripts/test-engines.sh). Each mode runs in a fresh process, so that its peak
memory is its own. Ray and Spark run the recipes of docs/scale.md; their
workers record their own peak RSS after every batch.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODES = [
    "serial", "parse_many", "parse_table",
    "ray_io", "ray", "ray_parquet", "spark_io", "spark", "spark_parquet",
]  # fmt: skip


def peak_rss() -> int:
    """This process's peak resident set, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def build_collection(corpus: Path, target_mb: float, out: Path) -> None:
    sources = sorted(corpus.glob("*.txt"))
    if not sources:
        sys.exit(f"no .txt files in {corpus}")
    total, copy = 0, 0
    while total < target_mb * 1e6:
        for p in sources:
            data = p.read_bytes()
            (out / f"{copy:04d}_{p.name}").write_bytes(data)
            total += len(data)
        copy += 1


def build_parquet(directory: Path) -> Path:
    """The collection as Parquet rows (`id`, `text`), in 16 files."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = directory.parent / f"{directory.name}-parquet"
    if out.is_dir():
        return out
    out.mkdir()
    files = sorted(directory.glob("*.txt"))
    per = -(-len(files) // 16)
    for k in range(0, len(files), per):
        part = files[k : k + per]
        table = pa.table(
            {"id": [p.name for p in part], "text": [p.read_bytes().decode() for p in part]}
        )
        pq.write_table(table, out / f"part-{k // per:02d}.parquet", row_group_size=64)
    return out


def recipes() -> dict[str, Any]:
    """Everything the recipe blocks of docs/scale.md define."""
    doc = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"__name__": "scale_md"}
    for body in re.findall(r"```python\n(# recipe: [^\n]+\n.*?)```", doc, re.S):
        exec(compile(body, "docs/scale.md", "exec"), namespace)
    return namespace


def record_worker(stats_dir: str) -> None:
    """Called in an engine worker after each batch: its pid and peak RSS."""
    with open(os.path.join(stats_dir, f"{os.getpid()}.rss"), "w") as f:
        f.write(str(peak_rss()))


def worker_peaks(stats_dir: str) -> list[int]:
    return sorted(int(p.read_text()) for p in Path(stats_dir).glob("*.rss"))


def run_mode(mode: str, directory: Path, out: Path) -> dict[str, Any]:
    import gangmu

    files = sorted(directory.glob("*.txt"))
    size = sum(p.stat().st_size for p in files)
    stats = tempfile.mkdtemp(prefix="gangmu-bench-rss-")
    result: dict[str, Any] = {"mode": mode, "docs": len(files), "bytes": size}
    start = time.perf_counter()
    if mode == "serial":
        nodes = 0
        for p in files:
            nodes += sum(1 for _ in gangmu.parse_bytes(p.read_bytes()).walk())
        result["rows"] = nodes
    elif mode == "parse_many":
        texts = [p.read_text(encoding="utf-8") for p in files]
        docs = gangmu.parse_many(texts)
        result["threads"] = gangmu.default_threads()
        result["rows"] = len(docs)
    elif mode == "parse_table":
        import pyarrow.parquet as pq

        table = gangmu.parse_table([p.read_bytes() for p in files], ids=[p.name for p in files])
        result["parse_seconds"] = time.perf_counter() - start
        result["rows"] = table.num_rows
        result["arrow_bytes"] = table.nbytes
        pq.write_table(table, out / "nodes.parquet")
        result["threads"] = gangmu.default_threads()
    elif mode.startswith("ray"):
        import pyarrow as pa
        import ray

        init = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        result["init_seconds"] = time.perf_counter() - init
        parse_batch = recipes()["parse_batch"]

        def batch(b: pa.Table, text_column: str, id_column: str) -> pa.Table:
            if mode == "ray_io":
                t = pa.table({"path": b[id_column]})
            else:
                t = parse_batch(b, text_column, id_column)
            record_worker(stats)
            return t

        start = time.perf_counter()
        if mode == "ray_parquet":
            ds = ray.data.read_parquet(str(build_parquet(directory)))
            columns = {"text_column": "text", "id_column": "id"}
        else:
            ds = ray.data.read_binary_files(
                str(directory), include_paths=True, file_extensions=["txt"]
            )
            columns = {"text_column": "bytes", "id_column": "path"}
        nodes = ds.map_batches(batch, fn_kwargs=columns, batch_format="pyarrow", batch_size=64)
        nodes.write_parquet(str(out))
        ray.shutdown()
    elif mode.startswith("spark"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
        from functools import partial

        from pyspark.sql import SparkSession
        from pyspark.sql.pandas.types import from_arrow_schema

        init = time.perf_counter()
        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "4g")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        result["init_seconds"] = time.perf_counter() - init
        node_batches = recipes()["node_batches"]
        import pyarrow as pa

        def partition(batches, text_column: str, id_column: str):  # type: ignore[no-untyped-def]
            if mode == "spark_io":
                for b in batches:
                    yield pa.record_batch({"path": b.column(id_column)})
                    record_worker(stats)
            else:
                for b in node_batches(batches, text_column, id_column):
                    yield b
                    record_worker(stats)

        schema = from_arrow_schema(gangmu.nodes_schema()) if mode != "spark_io" else "path string"
        if mode == "spark_parquet":
            source = str(build_parquet(directory))
        start = time.perf_counter()
        if mode == "spark_parquet":
            docs = spark.read.parquet(source)
            text_column, id_column = "text", "id"
        else:
            reader = spark.read.format("binaryFile").option("pathGlobFilter", "*.txt")
            docs = reader.load(str(directory))
            text_column, id_column = "content", "path"
        parse = partial(partition, text_column=text_column, id_column=id_column)
        nodes = docs.select(id_column, text_column).mapInArrow(parse, schema)
        nodes.write.mode("overwrite").parquet(str(out))
        jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
        pid = jvm.java.lang.ProcessHandle.current().pid()
        with open(f"/proc/{pid}/status") as f:
            hwm = next(line for line in f if line.startswith("VmHWM:"))
        result["jvm_peak_rss"] = int(hwm.split()[1]) * 1024
        spark.stop()
    else:
        sys.exit(f"unknown mode {mode}")
    result["seconds"] = time.perf_counter() - start
    result["peak_rss"] = peak_rss()
    result["worker_peak_rss"] = worker_peaks(stats)
    shutil.rmtree(stats, ignore_errors=True)
    if mode in ("ray", "ray_parquet", "spark", "spark_parquet", "parse_table"):
        import pyarrow.parquet as pq

        result["rows"] = sum(pq.read_metadata(p).num_rows for p in out.rglob("*.parquet"))
        result["parquet_bytes"] = sum(p.stat().st_size for p in out.rglob("*.parquet"))
    return result


def show(r: dict[str, Any]) -> None:
    mb = r["bytes"] / 1e6
    s = r["seconds"]
    extra = []
    if "init_seconds" in r:
        extra.append(f"start-up {r['init_seconds']:.1f} s not counted")
    if "parse_seconds" in r:
        extra.append(
            f"parse_table alone {r['parse_seconds']:.2f} s = {mb / r['parse_seconds']:.0f} MB/s"
        )
    if r.get("worker_peak_rss"):
        w = r["worker_peak_rss"]
        extra.append(f"{len(w)} workers, peak RSS {min(w) / 1e6:.0f}-{max(w) / 1e6:.0f} MB each")
    if "jvm_peak_rss" in r:
        extra.append(f"JVM peak RSS {r['jvm_peak_rss'] / 1e6:.0f} MB")
    extra.append(f"driver/process peak RSS {r['peak_rss'] / 1e6:.0f} MB")
    if "rows" in r:
        extra.append(f"{r['rows']} rows")
    if "parquet_bytes" in r:
        extra.append(f"Parquet {r['parquet_bytes'] / 1e6:.0f} MB")
    if "arrow_bytes" in r:
        extra.append(f"Arrow table {r['arrow_bytes'] / 1e6:.0f} MB")
    print(
        f"{r['mode']:<12} {s:7.2f} s {r['docs'] / s:9.0f} docs/s {mb / s:8.1f} MB/s   "
        + "; ".join(extra),
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=200.0, help="size of the collection (MB)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--dir", help="build (or reuse) the collection here instead of a temp dir")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:  # one measurement, in this fresh process
        print(json.dumps(run_mode(args.mode, Path(args.dir), Path(args.out))))
        return

    import gangmu

    corpus = next(
        (c for c in (Path(args.corpus), Path("/work/shared/corpus"), ROOT / "tests" / "corpus")
         if any(c.glob("*.txt"))),
        None,
    )  # fmt: skip
    if corpus is None:
        sys.exit("no corpus: pass --corpus DIR")
    own = args.dir is None
    directory = Path(args.dir or tempfile.mkdtemp(prefix="gangmu-collection-"))
    directory.mkdir(parents=True, exist_ok=True)
    if not any(directory.glob("*.txt")):
        build_collection(corpus, args.mb, directory)
    files = list(directory.glob("*.txt"))
    size = sum(p.stat().st_size for p in files)
    if any(m.endswith("_parquet") for m in args.modes.split(",")):
        build_parquet(directory)
    print(
        f"gangmu {gangmu.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}; collection: {len(files)} files, "
        f"{size / 1e6:.1f} MB (copies of {corpus})",
        flush=True,
    )
    for mode in args.modes.split(","):
        out = Path(tempfile.mkdtemp(prefix=f"gangmu-bench-{mode}-"))
        proc = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--dir", str(directory), "--out", str(out)],
            capture_output=True,
            text=True,
        )
        shutil.rmtree(out, ignore_errors=True)
        if proc.returncode != 0:
            print(f"{mode}: failed\n{proc.stderr[-3000:]}", flush=True)
            continue
        show(json.loads(proc.stdout.strip().splitlines()[-1]))
    if own:
        shutil.rmtree(directory, ignore_errors=True)
        shutil.rmtree(directory.parent / f"{directory.name}-parquet", ignore_errors=True)


if __name__ == "__main__":
    main()
