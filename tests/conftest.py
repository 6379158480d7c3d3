"""Shared test helpers: where ../shared is, the fixtures, and the golden-file option.

Tests that need ../shared (standards, corpus, seed) use the `shared` fixture, which skips with a
clear reason when the folder is absent (a user's clone has no ../shared).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("NEWSCONV_SHARED", ROOT.parent / "shared")).resolve()
SEED_NAME = "000_20d1c5a239aa16e6.txt"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden files from the current output (review the diff!)")


@pytest.fixture(scope="session")
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is not present at {SHARED} (standards, corpus and seed live there); "
                    "set NEWSCONV_SHARED to its path to run these tests")
    return SHARED


def fixture_articles() -> list[Path]:
    """Every input article under fixtures/ (not the invalid ones)."""
    return sorted(FIXTURES.glob("*.txt"))


def corpus_articles() -> list[Path]:
    folder = SHARED / "corpus" / "articles"
    return sorted(folder.glob("*/article.txt")) if folder.is_dir() else []


def check_golden(path: Path, actual: str | bytes, update: bool) -> None:
    """Compare `actual` with the golden file at `path` (or rewrite it with --update-goldens)."""
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if update or not path.exists():
        if not update:
            pytest.fail(f"golden file {path.name} is missing; run pytest --update-goldens and review it")
        path.write_bytes(data)
        return
    expected = path.read_bytes()
    if expected != data:
        import difflib

        diff = "\n".join(difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                              data.decode("utf-8", "replace").splitlines(),
                                              "golden", "actual", lineterm="", n=2))
        pytest.fail(f"{path.name} differs from its golden (pytest --update-goldens to accept):\n{diff[:6000]}")
