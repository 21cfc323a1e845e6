"""Shared fixtures for the pytest suite (run against the installed package)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

NOTICE = (
    "国务院办公厅文件\n\n国办发〔2024〕1号\n\n国务院办公厅关于开展检查的通知\n\n"
    "各省、自治区、直辖市人民政府：\n\n"
    "一、检查内容\n（一）范围。各地要全面检查。一是查制度；二是查落实。\n\n-2-\n\n"
    "（二）方式\n采取自查和抽查相结合的方式。\n\n"
    "二、工作要求\n请于10月底前报送。\n\n国务院办公厅\n2024年9月30日\n"
)


def corpus_dir() -> Path | None:
    """The corpus shipped with the repository, or the shared one on the dev machine."""
    for candidate in (
        os.environ.get("GANGMU_CORPUS"),
        REPO / "tests" / "corpus",
        "/work/shared/corpus",
    ):
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.txt")):
            return Path(candidate)
    return None


@pytest.fixture
def notice() -> str:
    return NOTICE


@pytest.fixture(scope="session")
def corpus() -> list[tuple[str, str]]:
    root = corpus_dir()
    if root is None:
        pytest.skip("no corpus directory (set GANGMU_CORPUS)")
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(root.glob("*.txt"))]
