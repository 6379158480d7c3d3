"""One hardened XML parser for every XML input newsconv reads (NewsML-G2, NITF).

Why: XML from outside is an attack surface. The parser never resolves entities, never touches
the network, never loads a DTD and keeps libxml2's "huge tree" limits on; inputs above a size
limit are refused before parsing; and any document type declaration is refused outright with a
clear message, so neither a billion-laughs bomb nor an XXE file gets anywhere (NewsML-G2 and NITF
are defined by XML Schemas and need no DTD).
"""

from __future__ import annotations

import re

from . import messages
from .errors import InputError

#: Default limit for XML inputs (bytes). NewsML-G2 items are tens of kilobytes.
DEFAULT_MAX_XML_BYTES = 20 * 1024 * 1024

_DECL = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_START_TAG = re.compile(rb"<[A-Za-z_:]")
_DECL16 = [re.compile(re.escape(w.encode(enc)), re.IGNORECASE)
           for w in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-16-le", "utf-16-be")]

_PARSER = None


def parser():
    """The shared hardened lxml parser (built once; lxml parsers are reusable per thread)."""
    global _PARSER
    if _PARSER is None:
        from lxml import etree

        _PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                  dtd_validation=False, huge_tree=False, remove_comments=False,
                                  remove_pis=False, collect_ids=True)
    return _PARSER


def _refuse(name: str | None, detail: str, line: int | None = None):
    msg = messages.make("NC511", file=name, line=line, detail=detail)
    raise InputError(msg.text, (msg,))


def parse(data: bytes, name: str | None = None, *, max_bytes: int | None = DEFAULT_MAX_XML_BYTES):
    """Parse `data` into an lxml element tree, or raise InputError with located messages.

    Refused: inputs above `max_bytes` (NC512), any <!DOCTYPE>/<!ENTITY> declaration (NC511),
    documents that are not well-formed (NC510)."""
    from lxml import etree

    if max_bytes is not None and len(data) > max_bytes:
        msg = messages.make("NC512", file=name, size=len(data), limit=max_bytes)
        raise InputError(msg.text, (msg,))
    # a DOCTYPE can only stand in the prolog, before the root element's start tag
    first_tag = _START_TAG.search(data)
    m = _DECL.search(data, 0, first_tag.start() if first_tag else len(data))
    if m is not None:
        line = data.count(b"\n", 0, m.start()) + 1
        _refuse(name, f"<!{m.group(1).decode('ascii').upper()} at line {line}", line)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and 0 in data[:2]):
        for pat in _DECL16:
            if pat.search(data):
                _refuse(name, "<!DOCTYPE or <!ENTITY in UTF-16 text")
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (None, None))
        msg = messages.make("NC510", file=name, line=line or None, col=col or None, detail=exc.msg)
        raise InputError(msg.text, (msg,)) from None
    tree = root.getroottree()
    # belt and braces: whatever the byte scan missed (other encodings), the parsed tree shows
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        _refuse(name, "document type declaration")
    for node in root.iter(etree.Entity):
        _refuse(name, f"entity reference {node.text}", getattr(node, "sourceline", None))
    return root


__all__ = ["parse", "parser", "DEFAULT_MAX_XML_BYTES"]
