"""parse_many and parsing from threads: the GIL is released, order is kept."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import gangmu
import pytest


def texts(n: int) -> list[str]:
    return [f"关于第{i}次检查的通知\n\n一、检查内容{i}\n正文{i}。\n" for i in range(n)]


@pytest.mark.parametrize("threads", [None, 1, 2, 4])
def test_parse_many_keeps_the_input_order(threads: int | None) -> None:
    batch = texts(200)
    docs = gangmu.parse_many(batch, threads=threads)
    assert [d.title for d in docs] == [f"关于第{i}次检查的通知" for i in range(200)]
    assert [d.text for d in docs] == batch
    assert [d.to_json() for d in docs] == [gangmu.parse(t).to_json() for t in batch]


def test_parse_many_accepts_any_iterable_and_applies_the_config() -> None:
    docs = gangmu.parse_many(iter(texts(3)), config={"ignore": ["W"]})
    assert len(docs) == 3 and all(isinstance(d, gangmu.Document) for d in docs)
    assert gangmu.parse_many([]) == []


def test_parse_many_rejects_non_str_items_and_zero_threads() -> None:
    with pytest.raises(TypeError):
        gangmu.parse_many(["一、总则", 3])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="threads"):
        gangmu.parse_many(["一、总则"], threads=0)


def test_parse_from_many_threads_gives_the_same_trees() -> None:
    batch = texts(64)
    expected = [gangmu.parse(t).to_json() for t in batch]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: gangmu.parse(t).to_json(), batch))
    assert got == expected


def test_parse_releases_the_gil() -> None:
    # While a large parse runs, a pure-Python thread must keep making progress.
    big = "一、总则\n" + "（一）目的。一是统一思想；二是健全机制。\n" * 60_000
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    t = threading.Thread(target=count)
    t.start()
    try:
        before = ticks
        start = time.perf_counter()
        gangmu.parse(big)
        elapsed = time.perf_counter() - start
        during = ticks - before
    finally:
        done.set()
        t.join()
    assert during > 0, f"a Python thread should run during a {elapsed:.3f}s parse"
