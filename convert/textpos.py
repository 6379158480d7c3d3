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
    object.__setattr__ per field: each slot's descriptor sets the field directly, about half the
    cost. The objects are equal to `cls(...)` in every way (same class, fields, hash). Model
    objects (spans, entities, quotations) are made by the hundred per article. Falls back to `cls`
    itself when it has a __post_init__, a default factory or fields that are not slots."""
    import dataclasses

    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or any(f.default_factory is not dataclasses.MISSING for f in fields) \
            or not all(isinstance(cls.__dict__.get(f.name), type(Span.start)) for f in fields):
        return cls
    ns: dict = {"_new": object.__new__, "_cls": cls}
    params, body = [], ["    o = _new(_cls)"]
    for f in fields:
        ns[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            ns[f"_dflt_{f.name}"] = f.default
            params.append(f"{f.name}=_dflt_{f.name}")
        body.append(f"    _set_{f.name}(o, {f.name})")
    src = f"def make({', '.join(params)}):\n" + "\n".join(body) + "\n    return o\n"
    exec(src, ns)  # noqa: S102 - generated from the dataclass's own field names
    make = ns["make"]
    make.__doc__ = f"{cls.__name__}(...), built by fast_constructor"
    return make


_span = fast_constructor(Span)


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
        return _span(start, end, i + 1, start - starts[i] + 1, j + 1, end - starts[j] + 1)

    @property
    def line_count(self) -> int:
        return len(self._starts)


__all__ = ["LineIndex", "LINE_BREAK", "fast_constructor"]
