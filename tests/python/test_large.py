"""A 10 MB input: parsed in bounded time and memory, offsets still exact."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import gangmu

UNIT = (
    "一、总则\n（一）目的。为了加强管理，制定本办法。一是统一思想；二是健全机制。\n"
    "1.适用范围\n本办法适用于全市各级行政机关。😀\n-3-\n"
)


def ten_megabytes() -> str:
    n = 10 * 1024 * 1024 // len(UNIT.encode()) + 1
    return "关于加强管理的通知\n\n" + UNIT * n


def test_a_ten_megabyte_document_parses_with_exact_offsets() -> None:
    text = ten_megabytes()
    assert len(text.encode()) >= 10 * 1024 * 1024
    start = time.perf_counter()
    doc = gangmu.parse(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"10 MB should parse well under 30 s, took {elapsed:.1f}s"
    last = doc.children[-1]
    assert last.end == len(text) and text[last.start : last.end] == last.text
    headings = doc.headings()
    assert len(headings) > 100_000
    h = headings[-1]
    assert text[h.start : h.end] == h.text
    assert h.line == text.count("\n", 0, h.start) + 1
    assert len(doc.chunks(max_chars=2000)) > 1000


MEMORY_PROBE = r"""
import json, resource, sys, tracemalloc
sys.path[:0] = []
import gangmu
from test_large import ten_megabytes
text = ten_megabytes()
size = len(text.encode())
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
tracemalloc.start()
doc = gangmu.parse(text)
_ = doc.headings()[-1].start  # builds the code-point index too
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"bytes": size, "py_peak": peak, "rss_growth": rss - base}))
"""


def test_parsing_ten_megabytes_holds_a_few_copies_of_the_text() -> None:
    here = __file__.rsplit("/", 1)[0]
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE],
        cwd=here,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    m = json.loads(out)
    copies = m["rss_growth"] / m["bytes"]
    print(f"\n10 MB parse: RSS growth {copies:.2f}x the UTF-8 text, Python peak {m['py_peak']}")
    assert copies < 12, f"parsing should hold a few copies of the text, not {copies:.1f}"
