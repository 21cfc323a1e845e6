#!/usr/bin/env python3
"""Measures the installed gangmu package: parse throughput over a corpus and
memory for parsing a 10 MB document, and the Arrow tables (parse_table,
chunks_table) against parse + walking every node in Python. Prints the figures
quoted in docs/python.md and docs/performance.md.

    .venv/bin/python scripts/bench-python.py [CORPUS_DIR]

The corpus defaults to tests/corpus, else /work/shared/corpus.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import gangmu

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))

MEMORY_PROBE = r"""
import json, sys, tracemalloc
import gangmu

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(key)

text = open(sys.argv[1], encoding="utf-8").read()
size = len(text.encode())
with open("/proc/self/clear_refs", "w") as f:  # resets the peak (VmHWM) to now
    f.write("5")
base = status("VmRSS")
tracemalloc.start()
doc = gangmu.parse(text)
n = sum(1 for _ in doc.walk())        # touch every node
_ = doc.children[-1].end              # builds the code-point index
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
held = status("VmRSS") - base
print(json.dumps({"bytes": size, "chars": len(text), "nodes": n, "py_peak": peak,
                  "rss_peak": status("VmHWM") - base, "rss_held": held}))
"""


def corpus_dir(arg: str | None) -> Path:
    for c in (arg, ROOT / "tests" / "corpus", "/work/shared/corpus"):
        if c and Path(c).is_dir():
            return Path(c)
    sys.exit("no corpus directory")


def best_of(n: int, f) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def tables(texts: list[str], mb: float) -> None:
    """Rows per second: the Arrow tables built in Rust, against the same rows
    made in Python from parse + walk (reference_rows, one dict per node)."""
    try:
        import pyarrow as pa
    except ImportError:
        print("tables: pyarrow is not installed (pip install 'gangmu[arrow]')")
        return
    from reference_rows import chunk_rows, node_rows

    ids = [str(i) for i in range(len(texts))]
    rows = gangmu.parse_table(texts, ids=ids, threads=1).num_rows
    nchunks = gangmu.chunks_table(texts, ids=ids, threads=1).num_rows

    def line(what: str, n: int, seconds: float) -> None:
        print(f"{what:<44}{n / seconds / 1e3:9.0f}k rows/s {mb / seconds:7.1f} MB/s")

    print(f"tables: {rows} node rows, {nchunks} chunk rows (max_chars=1000)")
    t = best_of(5, lambda: gangmu.parse_table(texts, ids=ids, threads=1))
    line("parse_table, 1 thread", rows, t)
    t = best_of(5, lambda: gangmu.parse_table(texts, ids=ids))
    line(f"parse_table, {gangmu.default_threads()} threads", rows, t)
    t = best_of(3, lambda: [node_rows(gangmu.parse(x), i) for x, i in zip(texts, ids)])
    line("parse + walk, every column, dicts", rows, t)
    t = best_of(3, lambda: [[n.start for n in gangmu.parse(x).walk()] for x in texts])
    line("parse + walk, one attribute (.start)", rows, t)
    t = best_of(
        3,
        lambda: pa.Table.from_pylist(
            [r for x, i in zip(texts, ids) for r in node_rows(gangmu.parse(x), i)],
            schema=gangmu.nodes_schema(),
        ),
    )
    line("parse + walk + pa.Table.from_pylist", rows, t)
    t = best_of(5, lambda: gangmu.chunks_table(texts, ids=ids, threads=1))
    line("chunks_table, 1 thread", nchunks, t)
    t = best_of(3, lambda: [chunk_rows(gangmu.parse(x), i) for x, i in zip(texts, ids)])
    line("parse + chunks(), every column, dicts", nchunks, t)


def main() -> None:
    root = corpus_dir(sys.argv[1] if len(sys.argv) > 1 else None)
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"gangmu {gangmu.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores; corpus {root}: {len(texts)} files, {mb:.2f} MB")

    one = best_of(5, lambda: [gangmu.parse(t) for t in texts])
    print(f"parse, one by one:         {mb / one:7.1f} MB/s  ({one * 1000:.0f} ms)")
    walk = best_of(3, lambda: [[n.start for n in gangmu.parse(t).walk()] for t in texts])
    print(f"parse + walk every node:   {mb / walk:7.1f} MB/s  ({walk * 1000:.0f} ms)")
    many = best_of(5, lambda: gangmu.parse_many(texts))
    print(f"parse_many (all cores):    {mb / many:7.1f} MB/s  ({many * 1000:.0f} ms)")
    lint = best_of(3, lambda: [gangmu.lint(t) for t in texts])
    print(f"lint (rules as built):     {mb / lint:7.1f} MB/s  ({len(gangmu.rules())} rules)")
    chunks = best_of(3, lambda: [gangmu.parse(t).chunks(max_chars=500) for t in texts])
    print(f"parse + chunks(500):       {mb / chunks:7.1f} MB/s")

    tables(texts, mb)

    big = "".join(texts)
    while len(big.encode()) < 10 * 1024 * 1024:
        big += "".join(texts)
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "gangmu-bench-10mb.txt"
    path.write_text(big, encoding="utf-8")
    t = best_of(3, lambda: gangmu.parse(big))
    size = len(big.encode())
    print(f"10 MB document ({size / 1e6:.1f} MB): parse {t * 1000:.0f} ms "
          f"= {size / 1e6 / t:.1f} MB/s")
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(path)],
                         capture_output=True, text=True, check=True).stdout
    m = json.loads(out)
    print(f"  {m['nodes']} nodes; RSS while parsing: peak +{m['rss_peak'] / 1e6:.1f} MB "
          f"({m['rss_peak'] / m['bytes']:.2f}x the UTF-8 text), held by the Document "
          f"+{m['rss_held'] / 1e6:.1f} MB ({m['rss_held'] / m['bytes']:.2f}x); "
          f"Python-heap peak (tracemalloc) {m['py_peak'] / 1e6:.1f} MB")
    path.unlink()


if __name__ == "__main__":
    main()
