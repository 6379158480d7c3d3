"""The text a reader rebuilds from a document that has no source text of its own (NewsML-G2, NITF,
JSON-LD, ninjs): its blocks (headline, dateline, paragraphs, sign-off) joined by their separators
and ended by a line break, a LineIndex over it for the spans, and the title derived from it.

Two ways in, one rule for the text:
- `Rebuilt` collects blocks one by one (from XML elements with inline markup, whose offsets it
  records) and joins them with blank lines (the NewsML-G2 and NITF readers);
- `blocks` takes (role, text, separator) pieces, already ordered, and makes the model's blocks
  (the JSON-LD and ninjs readers).
"""

from __future__ import annotations

import hashlib
import re

from ..model import Block, Paragraph, Source, Title
from ..textpos import LineIndex
from ..writers.nitf_body import _align

#: a run of XML whitespace with a line break or tab in it is layout (an indented, wrapped
#: element); runs of plain spaces are the text's own (`and  a minimum-wage hike` in a source
#: paragraph), and NBSP and other spaces are content
_WS = re.compile(r" *[\t\r\n][ \t\r\n]*")

_ODD_SPACE = re.compile(r"[\t\r\n]")


def norm_space(text: str) -> str:
    """Layout whitespace (runs with a line break or tab) as one space, trimmed (fast path: no
    layout whitespace)."""
    if _ODD_SPACE.search(text) is None and text[:1] != " " and text[-1:] != " ":
        return text
    return _WS.sub(" ", text).strip(" ")


class Rebuilt:
    """The plain text rebuilt from an XML body, and the inline elements' offsets in it."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[tuple[object, int, int]] = []  # (element, start, end)
        self.text = ""
        self.index: LineIndex | None = None

    def add_block(self, el) -> tuple[int, int, str] | None:
        """Append the text of `el` (whitespace normalised) as one block; record inline elements.
        None (and nothing appended) when the element holds no text."""
        buf: list[str] = []
        local: list[tuple[object, int, int]] = []
        pos = [0]

        def walk(node):
            if node.text:
                buf.append(node.text)
                pos[0] += len(node.text)
            for child in node:
                if not isinstance(child.tag, str):
                    if child.tail:
                        buf.append(child.tail)
                        pos[0] += len(child.tail)
                    continue
                start = pos[0]
                walk(child)
                local.append((child, start, pos[0]))
                if child.tail:
                    buf.append(child.tail)
                    pos[0] += len(child.tail)

        walk(el)
        raw = "".join(buf)
        text = norm_space(raw)
        if not text:
            return None
        if text != raw:
            amap = _align(raw, text)
            local = [(c, amap[s], amap[e]) for c, s, e in local]
        return self.add_text(text, local)

    def add_text(self, text: str, local=()) -> tuple[int, int, str]:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        for c, s, e in local:
            self.marks.append((c, start + s, start + e))
        return start, self.length, text

    def finish(self) -> str:
        """The whole text (blocks, then a line break), and its LineIndex as `index`."""
        self.text = "".join(self.parts) + ("\n" if self.parts else "")
        self.index = LineIndex(self.text)
        return self.text

    def span(self, s: int, e: int):
        return self.index.span(s, e)

    def sep(self, e: int) -> str:
        """The separator after a block ending at `e`: a blank line, or the final line break."""
        return "\n" if e == len(self.text) - 1 else "\n\n"

    def block(self, t, cls=Block, **kw):
        """A model block (Block, Dateline...) of a (start, end, text) triple."""
        s, e, body_text = t
        return cls(text=body_text, span=self.index.span(s, e), sep=self.sep(e), **kw)

    def layout(self) -> str:
        return "blank-lines" if len(self.parts) > 1 else ("single-block" if self.parts else "empty")

    def source(self, name: str | None) -> Source:
        """The model's source: the rebuilt text (its sha256 and UTF-8 length) under `name`."""
        encoded = self.text.encode("utf-8")
        return Source(name, hashlib.sha256(encoded).hexdigest(), len(encoded), "utf-8", False,
                      "lf" if "\n" in self.text else "none")


def blocks(pieces, make_dateline):
    """(text, index, headline, dateline, paragraphs, signoff) of (role, text, separator) pieces;
    `make_dateline(text, span, sep)` makes the dateline."""
    text = "".join(t + s for _r, t, s in pieces)
    index = LineIndex(text)
    headline = dateline = signoff = None
    paragraphs: list[Paragraph] = []
    pos = 0
    for role, t, sep in pieces:
        span = index.span(pos, pos + len(t))
        if role == "headline":
            headline = Block(t, span, None, sep)
        elif role == "signoff":
            signoff = Block(t, span, None, sep)
        elif role == "dateline":
            dateline = make_dateline(t, span, sep)
        else:
            paragraphs.append(Paragraph(f"p{len(paragraphs) + 1}", t, span, None, sep))
        pos += len(t) + len(sep)
    return text, index, headline, dateline, paragraphs, signoff


def title_of(headline: str | None, lead: str | None, label: str | None = None) -> Title:
    """The headline as the title; else the title derived from the lead, or the document's own
    title `label` (marked derived, lead-clause) when it differs from that."""
    if headline:
        return Title(headline, False, "headline")
    from .text import derive_title

    derived = derive_title(None, lead)
    return Title(label, True, "lead-clause") if label and label != derived.text else derived


__all__ = ["Rebuilt", "blocks", "norm_space", "title_of"]
