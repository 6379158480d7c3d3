"""Reader entry for plain text: bytes -> decode -> structure and extraction (readers/text.py)."""

from __future__ import annotations

from ..decode import DEFAULT_MAX_BYTES, decode
from ..model import Article
from ..result import Result
from .text import read_text


def read(data: bytes, name: str | None = None, *, language: str = "en",
         max_bytes: int | None = DEFAULT_MAX_BYTES) -> Result[Article]:
    return read_text(decode(data, name, max_bytes=max_bytes), language=language)
