"""The writer registry: one explicit dict, format name -> where its writer lives.

Why lazy module paths: `newsconv --help` must not import lxml or python-docx, and a writer's
heavy imports are paid only when that format is asked for. Every writer has the signature
`write(article, options) -> Result[bytes]`: pure, no file I/O, no clock (see DESIGN.md rule 3).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from ..errors import UnknownFormatError
from ..model import Article
from ..options import DEFAULT_OPTIONS, WriteOptions
from ..result import Result


@dataclass(frozen=True, slots=True)
class WriterInfo:
    name: str
    module: str
    suffix: str
    media_type: str
    binary: bool
    description: str


WRITERS: dict[str, WriterInfo] = {
    "json": WriterInfo("json", "convert.writers.model_json", ".model.json", "application/json", False,
                       "newsconv model JSON (validated against the packaged schema)"),
    "newsml": WriterInfo("newsml", "convert.writers.newsml", ".newsml.xml", "application/vnd.iptc.g2.newsitem+xml",
                         False, "IPTC NewsML-G2 2.35 newsItem with an NITF 3.6 body"),
    "jsonld": WriterInfo("jsonld", "convert.writers.jsonld", ".jsonld", "application/ld+json", False,
                         "schema.org NewsArticle as JSON-LD"),
    "docx": WriterInfo("docx", "convert.writers.docx", ".docx",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", True,
                       "DOCX report: story, quotations, people, organisations, places"),
    "ninjs": WriterInfo("ninjs", "convert.writers.ninjs", ".ninjs.json", "application/json", False,
                        "IPTC ninjs 3.1 (or 2.2) News in JSON"),
    "nitf": WriterInfo("nitf", "convert.writers.nitf", ".nitf.xml", "application/xml", False,
                       "IPTC NITF 3.6 document"),
}


def available() -> dict[str, WriterInfo]:
    """The registered writers whose module is present in this installation."""
    from importlib.util import find_spec

    return {name: info for name, info in WRITERS.items() if find_spec(info.module) is not None}


def get_writer(name: str) -> Callable[[Article, WriteOptions], Result[bytes]]:
    formats = available()
    if name not in formats:
        from .. import messages

        msg = messages.make("NC801", name=name, valid=", ".join(formats))
        raise UnknownFormatError(msg.text, (msg,))
    return importlib.import_module(formats[name].module).write


def write(article: Article, fmt: str, options: WriteOptions = DEFAULT_OPTIONS) -> Result[bytes]:
    """Serialise `article` as `fmt` (a name from `WRITERS`)."""
    return get_writer(fmt)(article, options)


__all__ = ["WRITERS", "WriterInfo", "available", "get_writer", "write"]
