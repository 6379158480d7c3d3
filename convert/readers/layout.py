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

from ..textpos import LINE_BREAK, fast_constructor, line_breaks
from .signoff import is_signoff

#: A hard-wrapped line is at most this wide; wire copy is typically wrapped at 65-80 columns.
WRAP_WIDTH = 90
#: ... and at least this wide (shorter lines are a list or a poem, not wrapped prose).
MIN_WRAP_WIDTH = 40
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


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
        return self.text[:1] in (" ", "\t") and not self.blank


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A paragraph-sized stretch of source: [start, end) without surrounding whitespace.
    `lines` > 1 when hard-wrapped lines were rejoined."""

    start: int
    end: int
    text: str  # normalised: lines rejoined with single spaces, indentation dropped
    lines: int


# the same objects as Line(...) and RawBlock(...), made faster (a few per line of the text)
_line = fast_constructor(Line)
_raw_block = fast_constructor(RawBlock)


def split_lines(text: str, breaks: list[tuple[int, int]] | None = None) -> list[Line]:
    """The lines of `text`, blank ones included; CRLF, CR and LF each end a line (found by
    `textpos.line_breaks`, which the line index uses too: pass its `breaks` to skip a second walk)."""
    lines = []
    pos = 0
    for start, end in line_breaks(text) if breaks is None else breaks:
        lines.append(_line(pos, start, end, text[pos:start]))
        pos = end
    if pos < len(text):
        lines.append(_line(pos, len(text), len(text), text[pos:]))
    return lines


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if not line.text or line.text.isspace():  # line.blank, without a property call per line
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def _is_hard_wrapped(group: list[Line]) -> bool:
    """Fixed-width lines: all within WRAP_WIDTH, the non-final lines filled close to the width,
    and most of them running on mid-sentence (no sentence end, or the next line goes on in lower
    case). One sentence a line is not wrapped text, nor is a list of short items."""
    if len(group) < 2:
        return False
    widths = []
    for ln in group:
        width = len(ln.text.rstrip())
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
    for ln, nxt in zip(group, group[1:]):
        if not _SENTENCE_END.search(ln.text) or nxt.text.lstrip()[:1].islower():
            run_on += 1
    return run_on >= 0.5 * (len(group) - 1)


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


def _line_block(line: Line) -> RawBlock:
    """The block of one line (the common case, so without a list around it)."""
    text = line.text.strip()
    start = line.start + line.text.find(text[:1]) if text else line.start
    return _raw_block(start, start + len(text), text, 1)


def _block(lines: list[Line]) -> RawBlock:
    if len(lines) == 1:
        return _line_block(lines[0])
    first, last = lines[0], lines[-1]
    lead = len(first.text) - len(first.text.lstrip())
    trail = len(last.text) - len(last.text.rstrip())
    text = _rejoin([ln.text.strip() for ln in lines])
    return _raw_block(first.start + lead, last.end - trail, text, len(lines))


def _split_wrapped(group: list[Line]) -> list[list[Line]]:
    """Hard-wrapped paragraphs start at an indented line (when the group uses indentation)."""
    if not any(ln.indented for ln in group[1:]):
        return [group]
    paras: list[list[Line]] = []
    for ln in group:
        if ln.indented or not paras:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return paras


def _wrapped_blocks(group: list[Line]) -> list[RawBlock]:
    """Paragraphs of a wrapped group; a sign-off on the group's last line (`Reuter` directly
    under the last wrapped line, not indented) becomes a block of its own."""
    paras = _split_wrapped(group)
    last = paras[-1]
    if len(last) > 1 and is_signoff(last[-1].text):
        paras[-1:] = [last[:-1], last[-1:]]
    return [_block(p) for p in paras]


def segment(text: str, breaks: list[tuple[int, int]] | None = None) -> tuple[str, list[RawBlock]]:
    """(layout, blocks) for `text`. Layout is one of convert.model.LAYOUTS. `breaks`: the text's
    line breaks if already found (`textpos.line_breaks`, `LineIndex.breaks`)."""
    lines = split_lines(text, breaks)
    groups = _groups(lines)
    if not groups:
        return "empty", []
    blocks: list[RawBlock] = []
    wrapped = False
    for group in groups:
        if len(group) == 1:
            blocks.append(_line_block(group[0]))
            continue
        rest_wrapped = _is_hard_wrapped(group[1:])
        if _is_hard_wrapped(group) or (rest_wrapped and group[0].indented):
            wrapped = True
            blocks.extend(_wrapped_blocks(group))
        elif rest_wrapped:
            # a title line directly above a wrapped paragraph
            wrapped = True
            blocks.append(_line_block(group[0]))
            blocks.extend(_wrapped_blocks(group[1:]))
        else:
            blocks += [_line_block(ln) for ln in group]
    if wrapped:
        layout = "hard-wrapped"
    elif len(groups) > 1:
        layout = "blank-lines"
    elif len(groups[0]) > 1:
        layout = "line-per-paragraph"
    else:
        layout = "single-block"
    return layout, blocks


__all__ = ["Line", "RawBlock", "segment", "split_lines", "rejoin_lines", "WRAP_WIDTH"]
