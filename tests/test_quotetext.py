"""The one quotation text/span convention (convert/quotetext.py) that the extraction, the NITF body
writers and the NewsML-G2/NITF readers share."""

from __future__ import annotations

import pytest

import convert
from conftest import FIXTURES
from convert.model import rebuild_source
from convert.quotetext import join_pieces, quote_text, strip_marks, widen_to_marks


@pytest.mark.parametrize("raw, text", [
    ('"massacre,"', "massacre,"),
    ("“We have seen worse, but you never know,”", "We have seen worse, but you never know,"),
    ("``Stay indoors''", "Stay indoors"),
    ("\"We were told they would 'pay for themselves'\"", "We were told they would 'pay for themselves'"),
    ("They said 'no'", "They said 'no'"),   # single marks are text
    ('"Run on to the end of the paragraph', "Run on to the end of the paragraph"),
])
def test_strip_marks_takes_one_mark_off_each_end(raw, text):
    assert strip_marks(raw) == text


def test_the_comma_before_the_reporting_clause_is_not_quoted():
    assert join_pieces(["We have seen worse, but you never know,"]) == "We have seen worse, but you never know"
    assert join_pieces(["I support the goal,", "but not this bill."]) == "I support the goal, but not this bill."
    assert quote_text(['"massacre,"']) == "massacre"
    # XML whitespace runs are one space, a no-break space is text
    assert quote_text(["“100\u00a0percent\n  wrong,”"]) == "100\u00a0percent wrong"


def test_widen_to_marks():
    text = '“I support the goal,” Reed said, “but not this bill.” And more.'
    s, e = text.index("I support"), text.index("bill.") + 5
    assert text[slice(*widen_to_marks(text, s, e))] == text[:text.index(" And")]
    # a stretch that already holds its marks stays as it is
    s2, e2 = 0, text.index("”") + 1
    assert widen_to_marks(text, s2, e2) == (s2, e2)
    assert widen_to_marks("``a'' b", 2, 3) == (0, 5)


@pytest.mark.parametrize("name", ["ap_washington_quotes.txt", "blog_no_dateline_scare.txt", "000_20d1c5a239aa16e6.txt"])
def test_extracted_quotes_follow_the_convention(name):
    art = convert.read_file(FIXTURES / name).value
    src = rebuild_source(art)
    assert art.quotes
    for q in art.quotes:
        pieces = [src[p.start:p.end] for p in q.parts] or [src[q.span.start:q.span.end]]
        assert quote_text(pieces) == q.text, q.id
        if q.parts:
            assert widen_to_marks(src, q.parts[0].start, q.parts[-1].end) == (q.span.start, q.span.end), q.id
