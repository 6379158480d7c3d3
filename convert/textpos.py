"""Offsets to 1-based line:column, computed once per text.

Why a class: every span in the model needs a line and a column; bisecting a precomputed table of
line starts keeps that O(log n) per span instead of rescanning the text each time. CRLF, CR and
LF all end a line (a CRLF pair counts once), matching what editors show.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Span

LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    __slots__ = ("text", "_starts")

    def __init__(self, text: str):
        self.text = text
        self._starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, col), both 1-based, of the character at `offset`."""
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        starts = self._starts  # position() twice, inlined: spans are made by the hundred per article
        i = bisect_right(starts, start) - 1
        j = i if starts[i] <= end and (i + 1 == len(starts) or end < starts[i + 1]) else bisect_right(starts, end) - 1
        return Span(start, end, i + 1, start - starts[i] + 1, j + 1, end - starts[j] + 1)

    @property
    def line_count(self) -> int:
        return len(self._starts)


__all__ = ["LineIndex", "LINE_BREAK"]
