"""Offsets inside a paragraph's normalised text -> offsets into the decoded source.

Why a helper: a hard-wrapped paragraph's `text` rejoins its lines with single spaces and drops
indentation, so `span.start + offset` is wrong after the first line break; the mapping walks the
raw source slice alongside the text once and is then a list lookup.
"""

from __future__ import annotations

from ..model import Paragraph, Span
from ..textpos import LineIndex


class ParaMap:
    __slots__ = ("para", "index", "_table")

    def __init__(self, para: Paragraph, index: LineIndex):
        self.para = para
        self.index = index
        self._table: list[int] | None = None if para.raw is None else _table(para.text, para.raw)

    def offset(self, i: int) -> int:
        """Source offset of text position `i` (0 <= i <= len(text))."""
        base = self.para.span.start
        if self._table is None:
            return base + i
        return base + self._table[i]

    def span(self, start: int, end: int) -> Span:
        """Source span of text[start:end]."""
        if self._table is None:
            b = self.para.span.start
            return self.index.span(b + start, b + end)
        s = self.offset(start)
        e = self.offset(end - 1) + 1 if end > start else s
        return self.index.span(s, e)


def _table(text: str, raw: str) -> list[int]:
    """For each position of `text` (and one past its end) the matching position in `raw`."""
    out: list[int] = []
    j, n = 0, len(raw)
    while j < n and raw[j].isspace() and (not text or not text[0].isspace()):
        j += 1
    for i, c in enumerate(text):
        if c.isspace():
            out.append(j)
            nxt_space = i + 1 < len(text) and text[i + 1].isspace()
            if j < n and raw[j].isspace():
                if nxt_space:
                    j += 1
                else:
                    while j < n and raw[j].isspace():
                        j += 1
        else:
            while j < n and raw[j] != c and raw[j].isspace():
                j += 1
            out.append(j)
            j += 1
    out.append(min(j, n))
    return out


__all__ = ["ParaMap"]
