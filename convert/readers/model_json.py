"""Reader entry for newsconv model JSON (validated against the packaged schema)."""

from __future__ import annotations

from ..model import Article
from ..modeljson import from_json
from ..result import Result


def read(data: bytes, name: str | None = None, **_options) -> Result[Article]:
    return Result(from_json(data, source=name))
