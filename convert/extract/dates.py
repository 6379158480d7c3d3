"""Dates the text gives, normalised to ISO 8601 as far as the text allows.

`November 26, 2024` / `26 November 2024` / `2024-11-26` -> 2024-11-26 (absolute);
`August 2023` -> 2023-08, `November 26` -> --11-26, or the dateline's year when there is one
(partial / absolute); `on Tuesday`, `yesterday`, `today` -> resolved against the dateline's date
when it has a full date (kind relative, value the ISO day), else value None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..readers.dateline import MONTHS

# patterns used inside functions, compiled once (re.<fn>(string) pays a cache lookup per call)
_RE1 = re.compile(r"\d{4}-\d\d-\d\d")
_RE2 = re.compile(r"May\s+\d")
_RE3 = re.compile(r"May,?\s+\d")

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
          r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DATE = re.compile(
    rf"(?=[A-Z0-9yt])\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:1[89]|20)\d\d))?(?![\d:])"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:1[89]|20)\d\d))?\b"
    rf"|(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)\b"
    rf"|(?P<m3>{_MONTH})(?:\s+of)?,?\s+(?P<y3>(?:1[89]|20)\d\d)\b"
    rf"|(?<=\b[oO]n )(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
    rf"|(?P<wd2>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?= (?:morning|afternoon|evening|night)\b)"
    rf"|\b(?P<rel>yesterday|today|tomorrow)\b)"
)

_DIGIT = re.compile(r"\d")  # the same digits as DATE's \d


def _month(tok: str) -> int:
    return MONTHS[tok.rstrip(".").lower()[:3] if tok.rstrip(".").lower()[:3] != "sep" else "sep"]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def anchor_of(dateline_date: str | None, partial: bool) -> date | None:
    if dateline_date and not partial and _RE1.fullmatch(dateline_date):
        try:
            return date.fromisoformat(dateline_date)
        except ValueError:
            return None
    return None


def find_dates(text: str, anchor: date | None, year: int | None):
    """(start, end, text, kind, value) for each date in `text`."""
    out = []
    # every form holds a digit, "day" (weekdays, yesterday, today) or "tomorrow": a paragraph with
    # none of them has no date, and the scan (the costliest part of this pass) is skipped
    if "day" not in text and "tomorrow" not in text and _DIGIT.search(text) is None:
        return out
    for m in DATE.finditer(text):
        g = m.groupdict()
        s = m.group(0)
        kind, value = "absolute", None
        if g["iso"]:
            y, mo, d = map(int, g["iso"].split("-"))
            if not _valid(y, mo, d):
                continue
            value = g["iso"]
        elif g["m1"] or g["m2"]:
            mo = _month(g["m1"] or g["m2"])
            d = int(g["d1"] or g["d2"])
            y = g["y1"] or g["y2"]
            if g["m1"] == "May" and not y and not _RE2.match(s):
                continue
            if y:
                if not _valid(int(y), mo, d):
                    continue
                value = f"{int(y):04d}-{mo:02d}-{d:02d}"
            elif year is not None and _valid(year, mo, d):
                value = f"{year:04d}-{mo:02d}-{d:02d}"
            else:
                if not _valid(2000, mo, d):
                    continue
                kind, value = "partial", f"--{mo:02d}-{d:02d}"
        elif g["m3"]:
            if g["m3"] == "May" and not _RE3.match(s):
                continue
            kind, value = "partial", f"{int(g['y3']):04d}-{_month(g['m3']):02d}"
        elif g["wd"] or g["wd2"]:
            kind = "relative"
            if anchor is not None:
                wd = _WEEKDAYS.index((g["wd"] or g["wd2"]).lower())
                back = (anchor.weekday() - wd) % 7
                value = (anchor - timedelta(days=back)).isoformat()
        elif g["rel"]:
            kind = "relative"
            if anchor is not None:
                delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["rel"].lower()]
                value = (anchor + timedelta(days=delta)).isoformat()
        out.append((m.start(), m.end(), s, kind, value))
    return out


__all__ = ["find_dates", "anchor_of", "DATE"]
