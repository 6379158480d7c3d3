"""find_dates' inline pre-check (the plain form is dates._may_hold_date) skips only texts the
plain check skips: checked on every fixture and corpus article and on generated text.

find_dates writes the pre-check out inline and tests month stems with `in` one by one instead of a
generator; a text whose pre-check passes runs the scan, so find_dates on `text` must give what it
gives on `text + "\\n\\n0"` (the "0" makes every pre-check pass; a date reaching into it would have
day 0, which is never valid) for the dates inside `text`.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from convert.extract import dates

ROOT = Path(__file__).resolve().parent.parent

PIECES = ["on ", "On ", " ", ",", ", ", ".", "-", "\n", "of ", "x", "é", "’", "“", "1", "2", "0", "9", "5",
          "2024", "2024-11-26", "26", "12th", "٢", "٢٦", "٣١", "January", "Jan", "Jan.", "Feb", "Mar", "Apr", "May",
          "Jun", "June", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "November", "Dec", "Monday", "Tuesday",
          "day", "da", "morning", "yesterday", "today", "tomorrow", "tomorro", "Today", "t", "y", ":", "a"]


def _texts(shared_dir: Path) -> list[str]:
    paths = sorted(ROOT.glob("fixtures/*.txt")) + sorted((shared_dir / "corpus" / "articles").glob("*/article.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    texts = texts + [t.lower() for t in texts] + [t.upper() for t in texts]
    return texts + [p for t in texts for p in t.split("\n\n")]  # whole articles and their paragraphs


def _plain_other_digit(text: str) -> bool:
    return any(m in text for m in dates._MONTH_STEMS) and dates._DIGIT.search(text) is not None


def _check(text: str) -> None:
    if not text.isascii():
        assert dates._may_hold_other_digit_date(text) == _plain_other_digit(text)
    forced = [d for d in dates.find_dates(text + "\n\n0", None, 2024) if d[1] <= len(text)]
    assert dates.find_dates(text, None, 2024) == forced
    if not dates._may_hold_date(text):
        assert dates.find_dates(text, None, 2024) == [] and list(dates.DATE.finditer(text)) == []


def test_inline_precheck_agrees_on_articles(shared):
    for text in _texts(shared):
        _check(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_inline_precheck_agrees_on_generated_text(pieces):
    _check("".join(pieces))


def test_other_digit_dates_still_found():
    assert [d[2] for d in dates.find_dates("on November ٢٦ it rained", None, None)] == ["November ٢٦"]
    assert [d[2] for d in dates.find_dates("“Jun ٣” they said", None, None)] == ["Jun ٣"]
    assert dates.find_dates("“no date” here, Ünïcode or not", None, None) == []


SCAN_PIECES = ["1", "2", "0", "9", "19", "20", "18", "2024", "26", "3", "st", "nd", "rd", "th", "s", "n", "x", " ", "\u00a0",
               "\u2009", "\n", "\t", "of ", ",", "-", "11-26", "٢", "Jan", "June", "Jul", "May", "Mar", "Sept", "Sep.",
               "Oct", "Nov", "Dec", "Feb", "Apr", "Aug", "Monday", "Tuesday", "Thursday", "Wednesday", "Friday",
               "Saturday", "Sunday", "on ", "On ", " morning", "today", "tomorrow", "yesterday", "t", "y", "T", "M"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(SCAN_PIECES), max_size=12))
def test_date_scan_second_character_lookahead(pieces):
    """DATE_SCAN tests the second character before its look-behind: it still finds DATE's spans
    (digits followed by Unicode spaces, ordinals, ISO dates, months, weekdays, relative words)."""
    text = "".join(pieces)
    assert [(m.start(), m.end()) for m in dates.DATE_SCAN.finditer(text)] == [m.span() for m in dates.DATE.finditer(text)]
