"""Offsets inside a paragraph's normalised text -> offsets into the decoded source.

Why a helper: a hard-wrapped paragraph's `text` rejoins its lines with single spaces and drops
indentation, so `span.start + offset` is wrong after the first line break; the mapping walks the
raw source slice alongside the text once and is then a list lookup.
"""

from __future__ import annotations

from ..model import Paragraph, Span
from ..textpos import LineIndex, _span


class ParaMap:
    __slots__ = ("para", "index", "_table", "_base", "_line", "_col0")

    def __init__(self, para: Paragraph, index: LineIndex):
        self.para = para
        self.index = index
        span = para.span
        self._base = span.start
        # a paragraph written on one source line (its text is the source's, and its span starts
        # and ends on one line, so every offset between does too): every span inside it is on
        # that line, so its line and columns need no search
        if para.raw is not None:
            self._table: list[int] | None = _table(para.text, para.raw)
            self._line = self._col0 = 0
        elif span.line == span.end_line:
            self._table = None
            self._line = span.line
            self._col0 = span.col - span.start  # column of source offset o on this line: o + _col0
        else:
            self._table = None
            self._line = self._col0 = 0

    def offset(self, i: int) -> int:
        """Source offset of text position `i` (0 <= i <= len(text))."""
        if self._table is None:
            return self._base + i
        return self._base + self._table[i]

    def span(self, start: int, end: int) -> Span:
        """Source span of text[start:end]."""
        b = self._base
        t = self._table
        if t is None:
            line = self._line
            if line:
                s, e = b + start, b + end
                c = self._col0
                return _span(s, e, line, s + c, line, e + c)
            return self.index.span(b + start, b + end)
        s = b + t[start]
        return self.index.span(s, b + t[end - 1] + 1 if end > start else s)


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
