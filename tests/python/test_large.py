"""A 10 MB input: parsed in bounded time and memory, offsets still exact."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import gangmu
import pytest
from conftest import corpus_dir

UNIT = (
    "一、总则\n（一）目的。为了加强管理，制定本办法。一是统一思想；二是健全机制。\n"
    "1.适用范围\n本办法适用于全市各级行政机关。😀\n-3-\n"
)


def ten_megabytes() -> str:
    n = 10 * 1024 * 1024 // len(UNIT.encode()) + 1
    return "关于加强管理的通知\n\n" + UNIT * n


def realistic_ten_megabytes() -> str:
    """10 MB with the node density of real documents (the corpus, when present).

    ``ten_megabytes()`` is far denser (one node per 13 bytes, against one per
    ~200 bytes in the corpus); the core tree costs about 200 bytes a node, so
    memory is measured on realistic text and the dense case only for time.
    """
    root = corpus_dir()
    if root is not None:
        unit = "".join(p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt")))
    else:
        body = "各级各部门要高度重视，加强组织领导，细化工作措施，确保各项任务落到实处。" * 6
        unit = f"一、总则\n{body}\n（一）目的。{body}\n{body}\n\n"
    n = 10 * 1024 * 1024 // len(unit.encode()) + 1
    return unit * n


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
import json
import gangmu
from test_large import realistic_ten_megabytes

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024

text = realistic_ten_megabytes()
with open("/proc/self/clear_refs", "w") as f:  # reset the RSS peak to now
    f.write("5")
base = status("VmRSS")
doc = gangmu.parse(text)
_ = doc.headings()[-1].start  # builds the code-point index too
print(json.dumps({"bytes": len(text.encode()), "peak": status("VmHWM") - base}))
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_parsing_ten_megabytes_holds_a_few_copies_of_the_text() -> None:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    m = json.loads(out)
    copies = m["peak"] / m["bytes"]
    print(f"\n10 MB parse: peak RSS growth {copies:.2f}x the UTF-8 text")
    assert copies < 6, f"parsing should hold a few copies of the text, not {copies:.1f}"
