"""The model itself as JSON: the lossless interchange form of an Article."""

from __future__ import annotations

from ..model import Article
from ..modeljson import to_json
from ..options import WriteOptions
from ..result import Result


def write(article: Article, options: WriteOptions) -> Result[bytes]:
    return Result(to_json(article, indent=options.indent).encode("utf-8"))
