"""The articles that the fast-form tests of the extraction passes run on, and the paragraphs the
text reader hands to the extraction for each.

Why a module: several test files compare a pass's shortcuts with its plain form on the same
inputs; one copy keeps them reading the same articles in the same way.
"""

from __future__ import annotations

from pathlib import Path

import convert
from convert.readers import text as T

ROOT = Path(__file__).resolve().parent.parent


def extraction_paragraphs(data: bytes) -> list[str]:
    """The paragraphs the text reader hands to the extraction (its `extract` call, spied on)."""
    cap = {}
    orig = T.extract

    def spy(*a, **k):
        cap["args"] = a
        return orig(*a, **k)

    T.extract = spy
    try:
        convert.parse(data, "a.txt")
    finally:
        T.extract = orig
    return [p.text for p in cap["args"][2]] if cap else []


def article_texts(shared_dir: Path, with_seed: bool = False) -> list[str]:
    """Every fixture and corpus article (and the reference article from ../shared when
    `with_seed`), as written, lower-cased and upper-cased."""
    paths = sorted(ROOT.glob("fixtures/*.txt")) + sorted((shared_dir / "corpus" / "articles").glob("*/article.txt"))
    if with_seed:
        paths.append(shared_dir / "seed" / "000_20d1c5a239aa16e6.txt")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return texts + [t.lower() for t in texts] + [t.upper() for t in texts]
