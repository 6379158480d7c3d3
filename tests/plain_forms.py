"""Plain forms of the reader's shortcuts, which tests compare the shortcuts with.

Why a module: more than one test file checks a shortcut against the same plain form (the line
split by the regex alone), and one copy keeps them checking against the same thing.
"""

from __future__ import annotations

from convert.readers import layout
from convert.textpos import LINE_BREAK


def plain_split_lines(text: str) -> list[layout.Line]:
    """layout.split_lines as it was written: the regex's line breaks, a Line object per line."""
    lines, pos = [], 0
    for m in LINE_BREAK.finditer(text):
        lines.append(layout.Line(pos, m.start(), m.end(), text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        lines.append(layout.Line(pos, len(text), len(text), text[pos:]))
    return lines
