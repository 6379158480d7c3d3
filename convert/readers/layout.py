"""Lines to paragraph-sized blocks: the physical layout of a plain-text article.

Why a separate pass: newsroom text comes in three layouts that look alike to a naive splitter —
paragraphs separated by blank lines; one paragraph a line with no blank lines (the reference
article, sentence-per-line corpora); and wire copy hard-wrapped at a fixed width with indented
paragraph starts. Deciding the layout first keeps the headline and dateline logic independent
of it. Every block keeps its exact source offsets, so the model stays lossless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import add

from ..textpos import LINE_BREAK, fast_constructor, line_pieces
from .signoff import is_signoff

#: A hard-wrapped line is at most this wide; wire copy is typically wrapped at 65-80 columns.
WRAP_WIDTH = 90
#: ... and at least this wide (shorter lines are a list or a poem, not wrapped prose).
MIN_WRAP_WIDTH = 40
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def _indented(text: str) -> bool:
    """A non-blank line that opens with a space or a tab (a hard-wrapped paragraph's first line)."""
    return text[:1] in (" ", "\t") and not text.isspace()


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the first character
    end: int  # offset just past the last character (line break excluded)
    brk: int  # offset just past the line break (== end on the last line without one)
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indented(self) -> bool:
        return _indented(self.text)


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A paragraph-sized stretch of source: [start, end) without surrounding whitespace.
    `lines` > 1 when hard-wrapped lines were rejoined."""

    start: int
    end: int
    text: str  # normalised: lines rejoined with single spaces, indentation dropped
    lines: int


# the same objects as Line(...) and RawBlock(...), made faster (see fast_constructor)
_line = fast_constructor(Line)
_raw_block = fast_constructor(RawBlock)


class _Lines:
    """The lines of a text as parallel lists, line k being `texts[k]` = text[starts[k]:ends[k]]
    and `stripped[k]` its text without surrounding whitespace (empty for a blank line).

    Why lists rather than a Line object per line: the layout pass looks at every line of every
    text, and lists made by a few calls that loop in C cost a fraction of an object per line."""

    __slots__ = ("starts", "ends", "texts", "stripped")

    def __init__(self, text: str, cut: tuple[list[int], list[str]] | None = None):
        starts, texts = line_pieces(text) if cut is None else cut
        if not texts[-1]:  # nothing after the last line break (or an empty text): no line there
            starts, texts = starts[:-1], texts[:-1]
        self.starts = starts
        self.ends = list(map(add, starts, map(len, texts)))
        self.texts = texts
        self.stripped = list(map(str.strip, texts))


def split_lines(text: str, cut: tuple[list[int], list[str]] | None = None) -> list[Line]:
    """The lines of `text`, blank ones included; CRLF, CR and LF each end a line (found by
    `textpos.line_pieces`, which the line index uses too: pass its (starts, pieces) as `cut` to
    skip a second walk)."""
    lines = _Lines(text, cut)
    brks = lines.starts[1:]  # a line's break ends where the next line starts ...
    brks.append(len(text))  # ... and the last line's at the end of the text, break or none
    return list(map(_line, lines.starts, lines.ends, brks, lines.texts))


def _groups(stripped: list[str]) -> list[tuple[int, int]]:
    """Runs of non-blank lines, as (first line, line after the last) pairs."""
    groups: list[tuple[int, int]] = []
    first = -1
    for k, line in enumerate(stripped):
        if line:
            if first < 0:
                first = k
        elif first >= 0:
            groups.append((first, k))
            first = -1
    if first >= 0:
        groups.append((first, len(stripped)))
    return groups


def _is_hard_wrapped(texts: list[str]) -> bool:
    """Fixed-width lines: all within WRAP_WIDTH, the non-final lines filled close to the width,
    and most of them running on mid-sentence (no sentence end, or the next line goes on in lower
    case). One sentence a line is not wrapped text, nor is a list of short items."""
    if len(texts) < 2:
        return False
    widths = []
    for line in texts:
        width = len(line.rstrip())
        if width > WRAP_WIDTH:
            return False
        widths.append(width)
    widest = max(widths)
    if widest < MIN_WRAP_WIDTH:
        return False
    body = widths[:-1]
    if sorted(body)[len(body) // 2] < 0.6 * widest:
        return False
    run_on = 0
    for line, nxt in zip(texts, texts[1:]):
        if not _SENTENCE_END.search(line) or nxt.lstrip()[:1].islower():
            run_on += 1
    return run_on >= 0.5 * (len(texts) - 1)


_COMPOUND_BREAK = re.compile(r"\w-$")


def _rejoin(parts: list[str]) -> str:
    """Wrapped lines back into one paragraph: a space between lines, except after a line broken
    inside a hyphenated word (`one-` / `third` -> `one-third`)."""
    text = parts[0]
    for part in parts[1:]:
        if _COMPOUND_BREAK.search(text) and part[:1].isalnum():
            text += part
        else:
            text += " " + part
    return text


def rejoin_lines(raw: str) -> str:
    """The normalised text of a source slice that spans wrapped lines."""
    return _rejoin([part.strip() for part in LINE_BREAK.split(raw) if part.strip()] or [""])


def _line_blocks(lines: _Lines, first: int, stop: int) -> list[RawBlock]:
    """The block of each of lines first..stop-1, a line each (most blocks are one line, so they
    are made in one loop): its stripped text, from its first character that is not a space."""
    blocks = []
    for start, raw, text in zip(lines.starts[first:stop], lines.texts[first:stop], lines.stripped[first:stop]):
        if text is not raw:  # (strip gives the line itself back when there is nothing to strip)
            start += raw.find(text[:1])
        blocks.append(_raw_block(start, start + len(text), text, 1))
    return blocks


def _block(lines: _Lines, first: int, stop: int) -> RawBlock:
    """The block of lines first..stop-1 rejoined (see _rejoin)."""
    if stop - first == 1:
        return _line_blocks(lines, first, stop)[0]
    head, tail = lines.texts[first], lines.texts[stop - 1]
    lead = len(head) - len(head.lstrip())
    trail = len(tail) - len(tail.rstrip())
    text = _rejoin(lines.stripped[first:stop])
    return _raw_block(lines.starts[first] + lead, lines.ends[stop - 1] - trail, text, stop - first)


def _split_wrapped(texts: list[str], first: int, stop: int) -> list[tuple[int, int]]:
    """Hard-wrapped paragraphs start at an indented line (when the group uses indentation):
    (first line, line after the last) of each."""
    if not any(map(_indented, texts[first + 1:stop])):
        return [(first, stop)]
    starts = [k for k in range(first + 1, stop) if _indented(texts[k])]
    return list(zip([first] + starts, starts + [stop]))


def _wrapped_blocks(lines: _Lines, first: int, stop: int) -> list[RawBlock]:
    """Paragraphs of a wrapped group of lines first..stop-1; a sign-off on the group's last line
    (`Reuter` directly under the last wrapped line, not indented) becomes a block of its own."""
    paras = _split_wrapped(lines.texts, first, stop)
    a, b = paras[-1]
    if b - a > 1 and is_signoff(lines.texts[b - 1]):
        paras[-1:] = [(a, b - 1), (b - 1, b)]
    return [_block(lines, a, b) for a, b in paras]


def segment(text: str, cut: tuple[list[int], list[str]] | None = None) -> tuple[str, list[RawBlock]]:
    """(layout, blocks) for `text`. Layout is one of convert.model.LAYOUTS. `cut`: the text's
    line starts and pieces if already found (`textpos.line_pieces`; a LineIndex keeps them)."""
    lines = _Lines(text, cut)
    groups = _groups(lines.stripped)
    if not groups:
        return "empty", []
    blocks: list[RawBlock] = []
    wrapped = False
    for first, stop in groups:
        if stop - first == 1:
            blocks += _line_blocks(lines, first, stop)
            continue
        texts = lines.texts[first:stop]
        rest_wrapped = _is_hard_wrapped(texts[1:])
        if _is_hard_wrapped(texts) or (rest_wrapped and _indented(texts[0])):
            wrapped = True
            blocks.extend(_wrapped_blocks(lines, first, stop))
        elif rest_wrapped:
            # a title line directly above a wrapped paragraph
            wrapped = True
            blocks += _line_blocks(lines, first, first + 1)
            blocks.extend(_wrapped_blocks(lines, first + 1, stop))
        else:
            blocks += _line_blocks(lines, first, stop)
    if wrapped:
        layout = "hard-wrapped"
    elif len(groups) > 1:
        layout = "blank-lines"
    elif groups[0][1] - groups[0][0] > 1:
        layout = "line-per-paragraph"
    else:
        layout = "single-block"
    return layout, blocks


__all__ = ["Line", "RawBlock", "segment", "split_lines", "rejoin_lines", "WRAP_WIDTH"]
