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


def line_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line break of `text`, in order: the spans LINE_BREAK finds.

    Why two forms: a text with one kind of line break (nearly every text) is walked from break
    to break with str.find, which runs at memchr speed; LINE_BREAK, a regex without a literal
    prefix, tries a match at every character, which costs ten times more on a whole article."""
    brk = uniform_line_break(text)
    if brk is None:
        return [m.span() for m in LINE_BREAK.finditer(text)]
    breaks = []
    step = len(brk)
    find = text.find
    i = find(brk)
    while i >= 0:
        breaks.append((i, i + step))
        i = find(brk, i + step)
    return breaks


def line_starts(text: str, breaks: list[tuple[int, int]] | None = None) -> list[int]:
    """The offset of each line's first character: 0, and the end of each line break (`breaks`:
    the text's line_breaks, if already found)."""
    return [0] + [end for _, end in (line_breaks(text) if breaks is None else breaks)]


class LineIndex:
    __slots__ = ("text", "_starts", "breaks")

    def __init__(self, text: str):
        self.text = text
        self.breaks = line_breaks(text)  # kept: the reader splits the text into lines at them too
        self._starts = line_starts(text, self.breaks)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, col), both 1-based, of the character at `offset`."""
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        starts = self._starts  # position() twice, inlined: spans are made by the hundred per article
        i = bisect_right(starts, start) - 1
        j = i if starts[i] <= end and (i + 1 == len(starts) or end < starts[i + 1]) else bisect_right(starts, end) - 1
        return _span(start, end, i + 1, start - starts[i] + 1, j + 1, end - starts[j] + 1)

    @property
    def line_count(self) -> int:
        return len(self._starts)


__all__ = ["LineIndex", "LINE_BREAK", "SpanSlots", "fast_constructor", "line_breaks", "line_starts", "uniform_line_break"]
