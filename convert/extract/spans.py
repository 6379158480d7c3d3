"""Offsets inside a paragraph's normalised text -> offsets into the decoded source.

Why a helper: a hard-wrapped paragraph's `text` rejoins its lines with single spaces and drops
indentation, so `span.start + offset` is wrong after the first line break; the mapping walks the
raw source slice alongside the text once and is then a list lookup.

Why one object for all paragraphs of an article (ParaSpans) rather than one per paragraph: an
article has dozens of paragraphs and the extraction makes a few spans in most of them; a few list
comprehensions over all paragraphs cost less than an object per paragraph, and `spans` makes the
spans of many (paragraph, start, end) triples in one call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate, repeat
from operator import add

from ..model import Paragraph, Span
from ..textpos import LineIndex, SpanSlots


class ParaSpans:
    """Text offsets of each paragraph (by its index in `paragraphs`) -> source offsets and spans.

    Three kinds of paragraph: (1) written on one source line, its text the source's (raw None,
    span on one line): every offset inside is on that line, so a span's line and columns need no
    search (`_line` is that line; the column of text offset i is `_col` + i); (2) hard-wrapped
    or indented (raw set): offsets go through a table that walks raw alongside text, made on
    first use; (3) its text the source's but over several lines (a caller might make one): the
    line index places each offset."""

    __slots__ = ("index", "_paragraphs", "_base", "_line", "_col", "_tables")

    def __init__(self, paragraphs: Sequence[Paragraph], index: LineIndex):
        self.index = index
        self._paragraphs = paragraphs
        spans = [p.span for p in paragraphs]
        self._base = [s.start for s in spans]
        self._line = [s.line if p.raw is None and s.line == s.end_line else 0 for p, s in zip(paragraphs, spans)]
        self._col = [s.col for s in spans]
        # the offset table of each paragraph with a raw form, once made; False: it has none
        self._tables: list[list[int] | None | bool] = [None if p.raw is not None else False for p in paragraphs]

    def _table(self, pi: int) -> list[int] | None:
        t = self._tables[pi]
        if t is None:
            p = self._paragraphs[pi]
            t = self._tables[pi] = _table(p.text, p.raw)
        return t or None

    def offset(self, pi: int, i: int) -> int:
        """Source offset of position `i` of paragraph `pi`'s text (0 <= i <= len(text))."""
        if self._tables[pi] is False:
            return self._base[pi] + i
        return self._base[pi] + self._table(pi)[i]

    def span(self, pi: int, start: int, end: int) -> Span:
        """Source span of paragraph `pi`'s text[start:end]."""
        return self.spans(((pi, start, end),))[0]

    def between(self, pi: int, i: int, pj: int, j: int) -> Span:
        """Source span from position `i` of paragraph `pi`'s text to position `j` of paragraph
        `pj`'s (a quotation from its opening mark to past its closing one): the span of source
        offsets offset(pi, i) to offset(pj, j). Within one paragraph without an offset table that
        is the span of text[i:j] (on one line: made here without a search of the index, as
        `spans` makes it; tests/test_extract_glue_fast.py checks it against the index's span)."""
        if pi == pj:
            line = self._line[pi]
            if line:  # on one line: made inline, as `spans` makes it (two calls saved a quotation)
                b = self._base[pi]
                c = self._col[pi]
                o = SpanSlots()
                o.start = b + i
                o.end = b + j
                o.line = o.end_line = line
                o.col = c + i
                o.end_col = c + j
                o.__class__ = Span
                return o
            if self._tables[pi] is False:
                b = self._base[pi]
                return self.index.span(b + i, b + j)
        return self.index.span(self.offset(pi, i), self.offset(pj, j))

    def spans(self, triples: Iterable[tuple[int, int, int]]) -> list[Span]:
        """Source spans of text[start:end] of paragraph `pi` for each (pi, start, end); a `pi` of
        -1 means offsets into the source itself (a mention in the dateline)."""
        out = []
        append = out.append
        bases, lines, cols, tables = self._base, self._line, self._col, self._tables
        index = self.index
        for pi, start, end in triples:
            if pi < 0:
                append(index.span(start, end))
                continue
            line = lines[pi]
            if line:
                # a Span made inline as textpos.fast_constructor makes one (a call per span saved:
                # the spans of an article's mentions are made here, dozens of them)
                b = bases[pi]
                c = cols[pi]
                o = SpanSlots()
                o.start = b + start
                o.end = b + end
                o.line = o.end_line = line
                o.col = c + start
                o.end_col = c + end
                o.__class__ = Span
                append(o)
            elif tables[pi] is False:
                b = bases[pi]
                append(index.span(b + start, b + end))
            else:
                b = bases[pi]
                t = self._table(pi)
                s = b + t[start]
                append(index.span(s, b + t[end - 1] + 1 if end > start else s))
        return out


    def spans_of(self, groups: Iterable[Iterable]) -> list[Span]:
        """`spans([(m.para, m.start, m.end) for items in groups for m in items])`: the spans of
        the items of each group (mentions: anything with a `para`, `start` and `end`), in one list.
        Why: an article's entities have dozens of mentions, and a tuple made per mention only to
        be unpacked here costs more than reading the three fields where they are used (a span in
        a one-line paragraph, nearly all, is made inline as `spans` makes it; any other is asked
        of `spans`; tests/test_glue_fast.py checks the two forms agree)."""
        out = []
        append = out.append
        bases, lines, cols = self._base, self._line, self._col
        for items in groups:
            for m in items:
                pi = m.para
                line = lines[pi] if pi >= 0 else 0
                if line:
                    b = bases[pi]
                    c = cols[pi]
                    start = m.start
                    end = m.end
                    o = SpanSlots()
                    o.start = b + start
                    o.end = b + end
                    o.line = o.end_line = line
                    o.col = c + start
                    o.end_col = c + end
                    o.__class__ = Span
                    append(o)
                else:
                    append(self.spans(((pi, m.start, m.end),))[0])
        return out


class ParaMap:
    """The offsets and spans of one paragraph (ParaSpans of that paragraph alone)."""

    __slots__ = ("para", "_spans")

    def __init__(self, para: Paragraph, index: LineIndex):
        self.para = para
        self._spans = ParaSpans((para,), index)

    def offset(self, i: int) -> int:
        """Source offset of text position `i` (0 <= i <= len(text))."""
        return self._spans.offset(0, i)

    def span(self, start: int, end: int) -> Span:
        """Source span of text[start:end]."""
        return self._spans.span(0, start, end)


def joined(texts: Sequence[str], sep: str) -> tuple[str, list[int]]:
    """`sep.join(texts)` and the offset where each text starts in it: one search of the joined
    text costs less than a search per text (events, role notes), and a match at offset i
    belongs to text `bisect_right(starts, i) - 1`. The starts are running sums of len(text) +
    len(sep), summed by accumulate in C (a Python loop costs ~1k instructions a text)."""
    starts = list(accumulate(map(add, map(len, texts), repeat(len(sep))), initial=0))
    starts.pop()  # (where a text after the last would start)
    return sep.join(texts), starts


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


__all__ = ["ParaMap", "ParaSpans", "joined"]
