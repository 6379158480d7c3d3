"""Offsets to 1-based line:column, computed once per text.

Why a class: every span in the model needs a line and a column; bisecting a precomputed table of
line starts keeps that O(log n) per span instead of rescanning the text each time. CRLF, CR and
LF all end a line (a CRLF pair counts once), matching what editors show.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate, repeat
from operator import add

from .model import Span

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def fast_constructor(cls):
    """A function that builds a frozen, slotted dataclass `cls` from the same arguments as
    `cls(...)` (positional or keyword, same defaults), without the dataclass __init__'s
    object.__setattr__ per field. The objects are equal to `cls(...)` in every way (same class,
    fields, hash). Model objects (spans, entities, quotations) are made by the hundred per article.

    How: the object is made as an instance of a plain twin class with the same slots, whose
    fields are set by ordinary attribute stores (the cheapest way to fill a slot), and then takes
    `cls` as its class (CPython allows it between classes of the same slot layout). A Span costs
    2.8k instructions so, against 6.1k with a slot descriptor's __set__ per field and 10.8k for
    `Span(...)` (callgrind).
    Falls back to `cls` itself when it has a __post_init__, a default factory, a field left out
    of __init__ or keyword-only, a base class other than object, or fields that are not exactly
    its slots."""
    import dataclasses

    fields = dataclasses.fields(cls)
    names = tuple(f.name for f in fields)
    if hasattr(cls, "__post_init__") or any(f.default_factory is not dataclasses.MISSING for f in fields) \
            or not all(f.init and not f.kw_only for f in fields) \
            or cls.__bases__ != (object,) or cls.__dict__.get("__slots__") != names:
        return cls
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": names})
    ns: dict = {"_twin": twin, "_cls": cls}
    params, body = [], ["    o = _twin()"]  # cheaper than object.__new__(_twin), which checks its argument
    for f in fields:
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            ns[f"_dflt_{f.name}"] = f.default
            params.append(f"{f.name}=_dflt_{f.name}")
        body.append(f"    o.{f.name} = {f.name}")
    body.append("    o.__class__ = _cls")
    src = f"def make({', '.join(params)}):\n" + "\n".join(body) + "\n    return o\n"
    exec(src, ns)  # noqa: S102 - generated from the dataclass's own field names
    make = ns["make"]
    make.__doc__ = f"{cls.__name__}(...), built by fast_constructor"
    make.twin = twin  # for a loop that makes many objects inline (see SpanSlots)
    return make


#: how many ids of each prefix `serial_ids` keeps made (articles with more get the rest made)
SERIAL_IDS_KEPT = 256
_serials: dict[str, tuple[str, ...]] = {}


def serial_ids(prefix: str, n: int) -> tuple[str, ...] | list[str]:
    """The model ids `prefix`1 .. `prefix`n ("p1", "p2", ... of paragraphs; "e", "q", "d" of
    entities, quotations, dates), equal to `[f"{prefix}{i}" for i in range(1, n + 1)]`.

    Why: an article has dozens of ids, and an f-string makes a new string each time (~1.2k
    instructions with its later free, callgrind) where a slice of strings made once per prefix
    (at its first use, for any article) costs a few dozen each. The strings depend on nothing
    but the prefix and the count, so sharing them between articles changes no output."""
    kept = _serials.get(prefix)
    if kept is None:
        kept = _serials[prefix] = tuple(f"{prefix}{i}" for i in range(1, SERIAL_IDS_KEPT + 1))
    if n <= SERIAL_IDS_KEPT:
        return kept[:n]
    return [*kept, *(f"{prefix}{i}" for i in range(SERIAL_IDS_KEPT + 1, n + 1))]


_span = fast_constructor(Span)
#: Span's twin (see fast_constructor): `o = SpanSlots()`, its six fields set, then
#: `o.__class__ = Span` makes a Span without a call; for the few loops that make dozens of spans
#: (tests/test_reader_fast_paths.py checks they equal Span(...))
SpanSlots = _span.twin


def uniform_line_break(text: str) -> str | None:
    """The one kind of line break `text` uses ("\n" also for a text without any), or None when
    it mixes them (a CR of a CRLF pair does not count as a CR of its own)."""
    if "\r" not in text:
        return "\n"
    if "\n" not in text:
        return "\r"
    crlf = text.count("\r\n")
    return "\r\n" if crlf == text.count("\r") == text.count("\n") else None


def line_pieces(text: str) -> tuple[list[int], list[str]]:
    """(starts, pieces): `text` cut at its line breaks (CRLF, CR and LF, the matches of
    LINE_BREAK), each piece with the offset it starts at: pieces[k] is
    text[starts[k]:starts[k] + len(pieces[k])], and a line break follows every piece but the last
    (which is empty when the text ends with a break, or is empty). The starts are the line index's
    line starts; the pieces are the lines the layout pass reads.

    Why two forms: a text with one kind of line break (nearly every text) is cut by str.split,
    and its starts are summed from the pieces' lengths, both in C; LINE_BREAK, a regex without a
    literal prefix, tries a match at every character, and a loop over its matches costs a few
    calls per line."""
    brk = uniform_line_break(text)
    if brk is None:
        return _line_pieces_by_regex(text)
    pieces = text.split(brk)
    # the next piece starts past this piece and the line break after it
    starts = list(accumulate(map(add, map(len, pieces), repeat(len(brk))), initial=0))
    starts.pop()  # (where a piece after the last one would start)
    return starts, pieces


def _line_pieces_by_regex(text: str) -> tuple[list[int], list[str]]:
    """line_pieces(text) from the matches of LINE_BREAK (any text: breaks of mixed kinds)."""
    starts, pieces, pos = [0], [], 0
    for m in LINE_BREAK.finditer(text):
        pieces.append(text[pos:m.start()])
        pos = m.end()
        starts.append(pos)
    pieces.append(text[pos:])
    return starts, pieces


def line_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line break of `text`, in order: the spans LINE_BREAK finds."""
    starts, pieces = line_pieces(text)
    return [(start + len(piece), nxt) for start, piece, nxt in zip(starts, pieces, starts[1:])]


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character: 0, and the end of each line break."""
    return line_pieces(text)[0]


class LineIndex:
    __slots__ = ("text", "_starts", "cut")

    def __init__(self, text: str):
        self.text = text
        # line_pieces(text), kept whole: the reader's layout pass takes its lines from the pieces
        self.cut = line_pieces(text)
        self._starts = self.cut[0]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, col), both 1-based, of the character at `offset`."""
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        starts = self._starts  # position() twice, inlined: spans are made by the hundred per article
        i = bisect_right(starts, start) - 1
        j = i if starts[i] <= end and (i + 1 == len(starts) or end < starts[i + 1]) else bisect_right(starts, end) - 1
        return _span(start, end, i + 1, start - starts[i] + 1, j + 1, end - starts[j] + 1)

    def spans(self, bounds: Iterable[tuple[int, int]]) -> list[Span]:
        """`[self.span(start, end) for start, end in bounds]`, made in one walk. Why: the reader
        makes a span for every block of a text, and blocks come in source order, so each start's
        line is a step or two on from the previous span's last line (no bisection of the whole
        table), and each Span is built inline (see SpanSlots) instead of by a call per span.
        A pair that starts before that line, or ends before it starts, is asked of `span`."""
        starts = self._starts + [sys.maxsize]  # a line start past every offset: the walk stops there
        out: list[Span] = []
        append = out.append
        i = 0
        for start, end in bounds:
            if start < starts[i] or end < start:
                append(self.span(start, end))
                continue
            while starts[i + 1] <= start:
                i += 1
            j = i if end < starts[i + 1] else bisect_right(starts, end, i + 1) - 1
            o = SpanSlots()
            o.start = start
            o.end = end
            o.line = i + 1
            o.col = start - starts[i] + 1
            o.end_line = j + 1
            o.end_col = end - starts[j] + 1
            o.__class__ = Span
            append(o)
            i = j
        return out

    @property
    def line_count(self) -> int:
        return len(self._starts)


__all__ = ["LineIndex", "LINE_BREAK", "SpanSlots", "fast_constructor", "line_breaks", "line_pieces", "line_starts", "serial_ids",
           "uniform_line_break"]
