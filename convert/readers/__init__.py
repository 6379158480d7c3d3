"""The reader registry: input format name -> where its reader lives (lazy, like the writers).

Every reader has the signature `read(data: bytes, name: str | None, options) -> Result[Article]`
and raises `InputError` (with located Messages) for input it cannot read.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from ..errors import UnknownFormatError


@dataclass(frozen=True, slots=True)
class ReaderInfo:
    name: str
    module: str
    suffixes: tuple[str, ...]
    description: str


READERS: dict[str, ReaderInfo] = {
    "text": ReaderInfo("text", "convert.readers.plain", (".txt", ".text"), "plain-text news article"),
    "json": ReaderInfo("json", "convert.readers.model_json", (".model.json", ".json"), "newsconv model JSON"),
    "newsml": ReaderInfo("newsml", "convert.readers.newsml", (".newsml.xml", ".xml"), "NewsML-G2 newsItem"),
    "jsonld": ReaderInfo("jsonld", "convert.readers.jsonld", (".jsonld",), "newsconv schema.org JSON-LD"),
    "ninjs": ReaderInfo("ninjs", "convert.readers.ninjs", (".ninjs.json",), "IPTC ninjs"),
    "nitf": ReaderInfo("nitf", "convert.readers.nitf", (".nitf.xml",), "IPTC NITF 3.6"),
}


def available() -> dict[str, ReaderInfo]:
    from importlib.util import find_spec

    return {name: info for name, info in READERS.items() if find_spec(info.module) is not None}


def get_reader(name: str) -> Callable:
    formats = available()
    if name not in formats:
        from .. import messages

        msg = messages.make("NC801", name=name, valid=", ".join(formats))
        raise UnknownFormatError(msg.text, (msg,))
    return importlib.import_module(formats[name].module).read


def guess_format(name: str | None, data: bytes) -> str:
    """Input format from the file name's suffix, else from the content's first bytes."""
    formats = available()
    if name:
        lower = name.lower()
        # longest matching suffix wins: ".ninjs.json" before ".json"
        pairs = sorted(((s, fmt) for fmt, info in formats.items() for s in info.suffixes), key=lambda p: -len(p[0]))
        for suffix, fmt in pairs:
            if lower.endswith(suffix):
                return fmt
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if b"NITF/2006-10-18" in head and b"newsItem" not in head and "nitf" in formats:
            return "nitf"
        return "newsml" if "newsml" in formats else "text"
    if head.startswith(b"{"):
        if b'"@context"' in data[:4096] and "jsonld" in formats:
            return "jsonld"
        if b'"model_version"' in data[:65536]:
            return "json"
    return "text"


__all__ = ["READERS", "ReaderInfo", "available", "get_reader", "guess_format"]
