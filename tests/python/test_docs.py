"""Documentation that runs: docstring examples and the code in docs/python.md."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import gangmu
import pytest
from gangmu import _errors, _native, _tables

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("module", [gangmu, _native, _errors, _tables], ids=lambda m: m.__name__)
def test_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, extraglobs=vars(gangmu), optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0, f"{result.failed} docstring examples failed in {module}"
    assert result.attempted > 0, f"{module} should have examples"


def native_examples() -> int:
    finder = doctest.DocTestFinder()
    return sum(len(t.examples) for t in finder.find(_native, extraglobs=vars(gangmu)))


def test_the_native_module_documents_its_api_with_examples() -> None:
    assert native_examples() >= 15, "the binding's docstrings should carry runnable examples"


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize(
    "page", ["docs/python.md", "docs/retrieval.md", "docs/arrow.md", "docs/docx.md", "README.md"]
)
def test_markdown_code_blocks_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Examples name files by their path in the repository.
    monkeypatch.chdir(REPO)
    path = REPO / page
    if not path.exists():
        pytest.skip(f"{page} is not in this checkout")
    blocks = python_blocks(path)
    if page == "README.md" and not blocks:
        pytest.skip("README.md has no Python examples")
    assert blocks, f"{page} should have Python examples"
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for i, block in enumerate(blocks):
        try:
            exec(compile(block, f"{page}[block {i}]", "exec"), namespace)
        except Exception as e:  # pragma: no cover - reported with context
            raise AssertionError(f"{page} block {i} failed: {e!r}\n{block}") from e
