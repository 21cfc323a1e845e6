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


def _from_env(var: str, default: str) -> Path:
    """A path from the environment; relative paths are taken from the repository root."""
    p = Path(os.environ.get(var) or default)
    return Path(os.path.normpath(p if p.is_absolute() else REPO / p))


def official_corpus_path() -> Path:
    """Where the official corpus should be: GANGMU_CORPUS, default ../shared/corpus."""
    return _from_env("GANGMU_CORPUS", "../shared/corpus")


def corpus_dir() -> Path | None:
    """The official corpus (real documents are test data, never in the repository), or None."""
    d = official_corpus_path()
    if d.is_dir() and any(d.glob("*.txt")):
        return d
    return None


def corpus_required() -> bool:
    """GANGMU_REQUIRE_CORPUS=1 (set by .ci/run): an absent corpus is a failure."""
    return os.environ.get("GANGMU_REQUIRE_CORPUS", "") not in ("", "0")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the corpus (and not required), its tests are deselected: the header says so once."""
    if corpus_dir() is not None or corpus_required():
        return
    needs = [i for i in items if "corpus" in getattr(i, "fixturenames", ())]
    if needs:
        config.hook.pytest_deselected(items=needs)
        items[:] = [i for i in items if i not in needs]


def pytest_report_header() -> str:
    d = corpus_dir()
    if d is None:
        return (
            f"official corpus not found at {official_corpus_path()} (set GANGMU_CORPUS): "
            "its tests are deselected"
        )
    return f"official corpus: {d} ({len(list(d.glob('*.txt')))} documents)"


@pytest.fixture
def notice() -> str:
    return NOTICE


@pytest.fixture(scope="session")
def corpus() -> list[tuple[str, str]]:
    root = corpus_dir()
    if root is None:
        where = official_corpus_path()
        if corpus_required():
            pytest.fail(f"GANGMU_REQUIRE_CORPUS is set but the official corpus is not at {where}")
        pytest.skip(f"official corpus not found at {where} (set GANGMU_CORPUS)")
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(root.glob("*.txt"))]
