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

_MONTH_FORMS = (r"Jan(?:uary|\.)?", r"Feb(?:ruary|\.)?", r"Mar(?:ch|\.)?", r"Apr(?:il|\.)?", "May", "June?", "July?",
                r"Aug(?:ust|\.)?", r"Sept?(?:ember|\.)?", r"Oct(?:ober|\.)?", r"Nov(?:ember|\.)?", r"Dec(?:ember|\.)?")
_WEEKDAY_STEMS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
_MONTH = "(?:" + "|".join(_MONTH_FORMS) + ")"
_WEEKDAY = "(?:" + "|".join(_WEEKDAY_STEMS) + ")day"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: the date forms, as written for reading (DATE_SCAN finds the same matches faster)
DATE = re.compile(
    rf"(?=[A-Z0-9yt])\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:1[89]|20)\d\d))?(?![\d:])"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:1[89]|20)\d\d))?\b"
    rf"|(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)\b"
    rf"|(?P<m3>{_MONTH})(?:\s+of)?,?\s+(?P<y3>(?:1[89]|20)\d\d)\b"
    rf"|(?<=\b[oO]n )(?P<wd>{_WEEKDAY})\b"
    rf"|(?P<wd2>{_WEEKDAY})(?= (?:morning|afternoon|evening|night)\b)"
    rf"|\b(?P<rel>yesterday|today|tomorrow)\b)"
)


# DATE's alternatives again, as (look-behind, forms, rest): the alternative is
# `look-behind(?:form|form...)rest`; the look-behind is written as checked after the first character
_YEAR = r"(?:1[89]|20)\d\d"
_ALTERNATIVES = (
    ("", _MONTH_FORMS, rf"\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?![\d:])"),
    ("", tuple("0123456789"), rf"\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    ("", ("1[89]", "20"), r"\d\d-[01]\d-[0-3]\d\b"),
    ("", _MONTH_FORMS, rf"(?:\s+of)?,?\s+{_YEAR}\b"),
    (r"(?<=\b[oO]n .)", tuple(f"{w}day" for w in _WEEKDAY_STEMS), r"\b"),
    ("", tuple(f"{w}day" for w in _WEEKDAY_STEMS), r"(?= (?:morning|afternoon|evening|night)\b)"),
    ("", ("yesterday", "today", "tomorrow"), r"\b"),
)


#: what can follow a one-digit form (`\d?(?:st|nd|rd|th)?\s+`): the second character's class
_DIGIT_SECOND = r"[\dsnrt\s]"


def _by_first_character(alternatives: tuple[tuple[str, tuple[str, ...], str], ...]) -> str:
    r"""One alternative per first character (`J(?<!\wJ)(?:<DATE's alternatives that start with J, in
    DATE's order, without the J>)|F...`). At a given position only the alternatives that start with
    its character can match, so this matches what DATE matches (a look-ahead for the second characters
    the alternatives can have, tested before the look-behind, turns most candidates down sooner); but a pattern whose alternatives
    all open with a literal lets re skip ahead to the next such character (DATE's look-ahead is
    tried at every position), and at a candidate re picks its one alternative by that character."""
    by_char: dict[str, list[str]] = {}
    seconds: dict[str, set[str]] = {}  # what the second character can be, per first character
    for behind, forms, rest in alternatives:
        tails: dict[str, list[str]] = {}
        for form in forms:
            tails.setdefault(form[0], []).append(form[1:])
            second = form[1:form.index("]") + 1] if form[1:2] == "[" else form[1:2] or _DIGIT_SECOND
            seconds.setdefault(form[0], set()).add(second[1:-1] if second.startswith("[") else re.escape(second))
        for c, t in tails.items():
            head = f"(?:{'|'.join(t)})" if any(t) else ""
            by_char.setdefault(c, []).append(f"{behind}{head}{rest}")
    return "|".join(rf"{c}(?=[{''.join(sorted(seconds[c]))}])(?<!\w{c})(?:{'|'.join(alts)})" for c, alts in by_char.items())


#: DATE's spans, found faster (tests/test_extract_small_passes_fast.py); no groups: find_dates reads
#: them with DATE.match at the start of each span (a few a paragraph)
DATE_SCAN = re.compile(_by_first_character(_ALTERNATIVES))

_DIGIT = re.compile(r"\d")  # the same digits as DATE's \d
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _may_hold_date(text: str) -> bool:
    """Every date form holds "day" (weekdays, yesterday, today), "tomorrow" or an ASCII digit, but
    for a day written in other digits after a month's name (`November ٢٦`): a text with none of
    them has no date, and the scan (the costliest part of this pass) is skipped. Checked with `in`,
    a fast substring search (a regex search tests every character, ~50 instructions each).
    The plain form: find_dates runs the same test written out inline (a Python call costs ~3k
    instructions here), tests/test_extract_dates_fast.py checks that they agree."""
    if ("day" in text or "tomorrow" in text or "0" in text or "1" in text or "2" in text or "3" in text
            or "4" in text or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text):
        return True
    return not text.isascii() and any(m in text for m in _MONTH_STEMS) and _DIGIT.search(text) is not None


def _may_hold_other_digit_date(text: str) -> bool:
    """For a non-ASCII text without "day", "tomorrow" or an ASCII digit: a month's name and a digit
    (`November ٢٦`); the month stems are tested inline (a generator costs a resume per stem)."""
    return (("Jan" in text or "Feb" in text or "Mar" in text or "Apr" in text or "May" in text or "Jun" in text
             or "Jul" in text or "Aug" in text or "Sep" in text or "Oct" in text or "Nov" in text or "Dec" in text)
            and _DIGIT.search(text) is not None)


def _month(tok: str) -> int:
    return MONTHS[tok.rstrip(".").lower()[:3] if tok.rstrip(".").lower()[:3] != "sep" else "sep"]


#: _month of the month forms DATE's month names take (`Nov`, `Nov.`, `November`, `Sept.`...), for
#: one dict look-up instead of a call with three string methods (~4k instructions a date); a form
#: not listed here (`Sepember`, which the pattern takes too) goes to _month itself
_MONTH_NUMBER = {f: _month(f) for stem in MONTHS for f in (stem.title(), stem.title() + ".") if re.fullmatch(_MONTH, f)}

# the index in m.groups() of each of DATE's named groups: find_dates reads the groups from that
# tuple (groupdict() builds a dict of all fourteen by name: ~8k instructions a date, groups() ~1.3k)
_M1, _D1, _Y1, _D2, _M2, _Y2, _ISO, _M3, _Y3, _WD, _WD2, _REL = (
    DATE.groupindex[n] - 1 for n in ("m1", "d1", "y1", "d2", "m2", "y2", "iso", "m3", "y3", "wd", "wd2", "rel"))


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
    # _may_hold_date(text), inline
    if not ("day" in text or "tomorrow" in text or "0" in text or "1" in text or "2" in text or "3" in text
            or "4" in text or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
            or (not text.isascii() and _may_hold_other_digit_date(text))):
        return []
    out = []
    for found in DATE_SCAN.finditer(text):
        m = DATE.match(text, found.start())
        g = m.groups()  # (see _M1...: the named groups by index)
        s = m.group(0)
        kind, value = "absolute", None
        if g[_ISO]:
            y, mo, d = map(int, g[_ISO].split("-"))
            if not _valid(y, mo, d):
                continue
            value = g[_ISO]
        elif g[_M1] or g[_M2]:
            tok = g[_M1] or g[_M2]
            mo = _MONTH_NUMBER[tok] if tok in _MONTH_NUMBER else _month(tok)
            d = int(g[_D1] or g[_D2])
            y = g[_Y1] or g[_Y2]
            if g[_M1] == "May" and not y and not _RE2.match(s):
                continue
            # (a day of 1 to 28 is in every month of every year date() takes: _valid is not asked)
            if y:
                if not (0 < d < 29 or _valid(int(y), mo, d)):
                    continue
                value = f"{int(y):04d}-{mo:02d}-{d:02d}"
            elif year is not None and (0 < d < 29 or _valid(year, mo, d)):
                value = f"{year:04d}-{mo:02d}-{d:02d}"
            else:
                if not (0 < d < 29 or _valid(2000, mo, d)):
                    continue
                kind, value = "partial", f"--{mo:02d}-{d:02d}"
        elif g[_M3]:
            tok = g[_M3]
            if tok == "May" and not _RE3.match(s):
                continue
            kind, value = "partial", f"{int(g[_Y3]):04d}-{_MONTH_NUMBER[tok] if tok in _MONTH_NUMBER else _month(tok):02d}"
        elif g[_WD] or g[_WD2]:
            kind = "relative"
            if anchor is not None:
                wd = _WEEKDAYS.index((g[_WD] or g[_WD2]).lower())
                back = (anchor.weekday() - wd) % 7
                value = (anchor - timedelta(days=back)).isoformat()
        elif g[_REL]:
            kind = "relative"
            if anchor is not None:
                delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[g[_REL].lower()]
                value = (anchor + timedelta(days=delta)).isoformat()
        out.append((m.start(), m.end(), s, kind, value))
    return out


__all__ = ["find_dates", "anchor_of", "DATE", "DATE_SCAN"]
