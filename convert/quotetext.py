"""One convention for a quotation's text and span, shared by the extraction and every format that
marks quotations up inline (NITF `q`, NewsML-G2's NITF body) and reads them back.

- `Quote.span` runs from the opening quotation mark to the closing one (both included);
- `Quote.parts` (an interrupted or multi-paragraph quotation) are the words inside the marks;
- `Quote.text` is the quoted pieces, each stripped, joined with one space; a comma that ends the
  whole quotation (`"We have seen worse, but you never know," she said`) belongs to the reporting
  sentence, not to the words quoted, and is left out.

A writer wraps the span (marks included) or each part (marks outside) in an inline element; a
reader rebuilds the text with `quote_text` and the span with `widen_to_marks`, so a quotation
survives model -> format -> model unchanged.
"""

from __future__ import annotations

import re

_XML_SPACE = re.compile(r" *[\t\r\n][ \t\r\n]*")

#: quotation marks a quoted stretch opens or closes with (`` and '' are TeX-style pairs)
TWO_CHAR_MARKS = ("``", "''")
MARK_CHARS = "\"“”„«»‹›「」『』"
_STRIP = " \t\r\n"


def strip_marks(text: str) -> str:
    """`text` stripped of whitespace and of one quotation mark at each end (single quotation marks
    stay: inside double ones they are text, e.g. `'pay for themselves'`)."""
    text = text.strip(_STRIP)
    if text.startswith(TWO_CHAR_MARKS):
        text = text[2:]
    elif text[:1] and text[0] in MARK_CHARS:
        text = text[1:]
    if text.endswith(TWO_CHAR_MARKS):
        text = text[:-2]
    elif text[-1:] and text[-1] in MARK_CHARS:
        text = text[:-1]
    return text.strip(_STRIP)


def join_pieces(pieces: list[str]) -> str:
    """The quotation's text from its pieces (already without marks). A plain loop: the two
    generators it took (one stripping, one dropping the empty pieces) cost more than the rest."""
    kept = []
    for p in pieces:
        p = p.strip(_STRIP)
        if p:
            kept.append(p)
    return without_final_comma(" ".join(kept))


def without_final_comma(text: str) -> str:
    """The text without the comma(s) that end it, and the white space then left at its end: the
    comma that ends a whole quotation belongs to the reporting sentence."""
    return text.rstrip(",").rstrip() if text.endswith(",") else text


def quote_text(element_texts: list[str]) -> str:
    """The quotation's text from the text of its inline elements (marks included or not), with
    layout whitespace (a run with a line break or tab) as one space, as the readers see a block;
    runs of plain spaces and other spaces (a no-break space) are text."""
    return join_pieces([strip_marks(_layout_space(t)) for t in element_texts])


def _layout_space(text: str) -> str:
    # the pattern needs a tab or line break: without one there is nothing to replace (and the
    # regex, which starts with ` *`, costs a few µs to find that out on a long quotation)
    if "\n" in text or "\t" in text or "\r" in text:
        return _XML_SPACE.sub(" ", text)
    return text


def widen_to_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend [start, end) over a quotation mark right before / right after it, unless the stretch
    already begins / ends with one (a single-piece quotation is marked up marks included)."""
    inner = text[start:end]
    if not (inner.startswith(TWO_CHAR_MARKS) or inner[:1] in tuple(MARK_CHARS)):
        if text[max(0, start - 2):start] in TWO_CHAR_MARKS and start >= 2:
            start -= 2
        elif start >= 1 and text[start - 1] in MARK_CHARS:
            start -= 1
    if not (inner.endswith(TWO_CHAR_MARKS) or (inner[-1:] and inner[-1] in MARK_CHARS)):
        if text[end:end + 2] in TWO_CHAR_MARKS:
            end += 2
        elif end < len(text) and text[end] in MARK_CHARS:
            end += 1
    return start, end


__all__ = ["strip_marks", "join_pieces", "without_final_comma", "quote_text", "widen_to_marks", "MARK_CHARS",
           "TWO_CHAR_MARKS"]
