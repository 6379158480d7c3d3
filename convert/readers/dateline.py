"""Datelines: `TORONTO, March 26 -`, `WASHINGTON (AP) —`, `Hong Kong (AFP) –`,
`DILI, East Timor 1996-12-06`, `LONDON, March 3 (Reuters) -`.

Why a grammar rather than "text before the first dash": the first dash of a lead sentence is
often a parenthetical, and a place must look like a place (capitalised words, a short run).
A date is ISO when the text gives a year; month and day alone stay partial (`--03-26`) and say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PLACE_WORD = r"[A-Z][\w.'’\-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ ](?:{_PLACE_WORD}|de|del|la|of|on|upon|am))*"
_AGENCY = r"\((?P<agency{n}>[A-Z][A-Za-z .&/-]{{0,30}})\)"
_DATE = (
    rf"(?P<date>(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
)
_SEP = r"(?P<sep>\s*(?:--|[-–—])\s*)"

DATELINE_PREFIX = re.compile(
    rf"^(?P<place>{_PLACE})(?P<region>,\s*{_PLACE})?"
    rf"(?:\s*{_AGENCY.format(n=1)})?"
    rf"(?:,?\s+{_DATE})?"
    rf"(?:\s*{_AGENCY.format(n=2)})?"
    rf"{_SEP}(?=\S)"
)
DATELINE_LINE = re.compile(
    rf"^(?P<place>{_PLACE})(?P<region>,\s*{_PLACE})?(?:\s*{_AGENCY.format(n=1)})?,?\s+{_DATE}\s*$"
)


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    end: int  # offset (within the paragraph text) where the dateline text ends
    body_start: int  # offset where the body text resumes (after the separator)
    text: str
    place: str | None
    date: str | None
    date_partial: bool
    agency: str | None


def iso_date(text: str) -> tuple[str | None, bool]:
    """(`2024-11-26` or `--11-26`, partial?) for a date as datelines write it."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return text, False
    text = re.sub(rf"^{_WEEKDAY},?\s+", "", text)
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?", text)
    if m:
        month, day, year = MONTHS.get(m.group(1).lower().rstrip(".")), int(m.group(2)), m.group(3)
    else:
        m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?(?:\s+(\d{4}))?", text)
        if not m:
            return None, False
        month, day, year = MONTHS.get(m.group(2).lower().rstrip(".")), int(m.group(1)), m.group(3)
    if not month or not 1 <= day <= 31:
        return None, False
    if year:
        return f"{year}-{month:02d}-{day:02d}", False
    return f"--{month:02d}-{day:02d}", True


def _looks_like_place(place: str, whole: re.Match) -> bool:
    words = place.split()
    if not 1 <= len(words) <= 4:
        return False
    # Mixed-case openings ("The PTI says - ...") are prose unless an agency or date backs them up
    if place.isupper() or whole.group("date") or whole.group("agency1") or whole.group("agency2"):
        return True
    return len(words) <= 3 and words[0].lower() not in _NOT_PLACE_OPENERS


_NOT_PLACE_OPENERS = {"the", "a", "an", "in", "on", "at", "but", "and", "this", "that", "it", "he",
                      "she", "they", "we", "i", "as", "after", "before", "when", "while", "for"}


def match_dateline(paragraph: str) -> DatelineMatch | None:
    """A dateline at the start of a paragraph (prefix form) or as the whole paragraph."""
    m = DATELINE_PREFIX.match(paragraph) or DATELINE_LINE.match(paragraph)
    if m is None or not _looks_like_place(m.group("place"), m):
        return None
    sep = m.groupdict().get("sep")
    end = m.start("sep") if sep is not None else len(paragraph.rstrip())
    body_start = m.end() if sep is not None else len(paragraph)
    date, partial = iso_date(m.group("date")) if m.group("date") else (None, False)
    agency = m.groupdict().get("agency1") or m.groupdict().get("agency2")
    return DatelineMatch(end=end, body_start=body_start, text=paragraph[:end], place=m.group("place"),
                         date=date, date_partial=partial, agency=agency)


__all__ = ["DatelineMatch", "match_dateline", "iso_date", "MONTHS"]
