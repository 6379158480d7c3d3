"""Datelines: `TORONTO, March 26 -`, `WASHINGTON (AP) —`, `Hong Kong (AFP) –`,
`DILI, East Timor 1996-12-06`, `LONDON, March 3 (Reuters) -`, and the date line of a wiki
article (`Friday, July 21, 2017` on a line of its own: a dateline with a date and no place).

Why a grammar rather than "text before the first dash": the first dash of a lead sentence is
often a parenthetical, and a place must look like a place (capitalised words, a short run).
A date is ISO when the text gives a year; month and day alone stay partial (`--03-26`) and say so.

How sure a match is decides where it may stand: a *strong* dateline (ALL-CAPS place, or a date
or an agency credit beside it) may open any of the first few body blocks (after a byline, a
deck or an `ABSTRACT.` section); a *weak* one (`Geneva - The ...`: a mixed-case place and a
dash only) is accepted only at the very start of the body, and only when what follows the dash
reads as the start of a sentence (not `Donald Trump — the nominee — said`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
          r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PLACE_WORD = r"[A-Z][\w.'’\-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ ](?:{_PLACE_WORD}|de|del|la|of|on|upon|am))*"
# `(AP)`, `(Reuters)`, `/PRNewswire/`
_AGENCY = r"(?:\((?P<agency{n}>[A-Z][A-Za-z .&/-]{{0,30}})\)|/(?P<slash{n}>[A-Z][\w .&-]{{0,30}})/)"
_DATE = (
    rf"(?P<date>(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
)
# A hyphen must have a space before it (`Wright-Phillips` is one word); dashes may touch the place
# (`WASHINGTON—`); old AP copy uses ` _ `; HuffPost the horizontal bar `―`. A colon
# (`ISLAMABAD: ...`) counts only after a one-word ALL-CAPS place or a date (see match_dateline).
_DASHES = "–—―‒"
_SEP = rf"(?P<sep>\s+(?:--|[-{_DASHES}_])\s*|\s*(?:--|[{_DASHES}])\s*|(?P<colon>:)\s+)"

DATELINE_PREFIX = re.compile(
    rf"(?P<place>{_PLACE})(?P<region>,\s*{_PLACE})?"
    rf"(?:\s*{_AGENCY.format(n=1)})?"
    rf"(?:,?\s+{_DATE})?"
    rf"(?:\s*{_AGENCY.format(n=2)})?"
    rf"{_SEP}(?=\S)"
)
#: `Washington (CNN)Senate Democrats ...`: an agency credit may stand for the dash
DATELINE_CREDIT = re.compile(
    rf"(?P<place>{_PLACE})(?P<region>,\s*{_PLACE})?(?:,?\s+{_DATE})?\s*{_AGENCY.format(n=1)}"
    rf"(?P<sep>\s*)(?=[A-Z\"“‘'])"
)
#: `(CNN) — Senate Democrats ...`: an agency credit with no place
DATELINE_AGENCY_ONLY = re.compile(
    rf"\((?P<agency1>[A-Z]{{2,6}}|Reuters|Xinhua|Bloomberg|Kyodo)\)(?P<sep>\s*(?:--|[-{_DASHES}])?\s*)(?=[A-Z\"“‘'])"
)
DATELINE_LINE = re.compile(
    rf"(?P<place>{_PLACE})(?P<region>,\s*{_PLACE})?(?:\s*{_AGENCY.format(n=1)})?,?\s+{_DATE}"
    rf"(?:\s*{_AGENCY.format(n=2)})?(?P<tail>\s*(?:--|[-{_DASHES}:]))?\s*$"
)
#: a date on a line of its own (wiki articles): `Friday, July 21, 2017`, `21 July 2017`, `2017-07-21`
DATE_LINE = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\.?\s*$"
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEKDAY_LEAD = re.compile(rf"{_WEEKDAY},?\s+")
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?,?(?:\s+(\d{4}))?")
_WORD = re.compile(r"[A-Za-z]+")

#: the body after a prefix dateline must read as prose: a few words, some lower case
_MIN_BODY_WORDS = 3


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    end: int  # offset (within the paragraph text) where the dateline text ends
    body_start: int  # offset where the body text resumes (after the separator); == len(text) for a whole line
    text: str
    place: str | None
    date: str | None
    date_partial: bool
    agency: str | None
    strong: bool  # ALL-CAPS place, or backed by a date or an agency credit
    whole: bool  # the dateline is the whole paragraph (a line of its own)


def iso_date(text: str) -> tuple[str | None, bool]:
    """(`2024-11-26` or `--11-26`, partial?) for a date as datelines write it; (None, False) for
    something that is not a real calendar date."""
    text = text.strip().rstrip(".")
    m = _ISO.fullmatch(text)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return (text, False) if _valid(month, day, year) else (None, False)
    text = _WEEKDAY_LEAD.sub("", text, count=1)
    m = _MONTH_DAY.fullmatch(text)
    if m:
        month, day, year = MONTHS.get(m.group(1).lower()), int(m.group(2)), m.group(3)
    else:
        m = _DAY_MONTH.fullmatch(text)
        if not m:
            return None, False
        month, day, year = MONTHS.get(m.group(2).lower()), int(m.group(1)), m.group(3)
    if not month or not _valid(month, day, int(year) if year else None):
        return None, False
    if year:
        return f"{year}-{month:02d}-{day:02d}", False
    return f"--{month:02d}-{day:02d}", True


def _valid(month: int, day: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]  # 2000: Feb 29 allowed


_NOT_PLACE_OPENERS = frozenset({
    "the", "a", "an", "in", "on", "at", "but", "and", "this", "that", "it", "he", "she", "they",
    "we", "i", "as", "after", "before", "when", "while", "for", "if", "so", "yet", "or", "by",
    "from", "with", "to", "of", "his", "her", "their", "our", "my", "its", "there", "here",
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president",
})
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"today", "yesterday", "tomorrow"}
#: capitalised labels that open a paragraph the way a place does (`UPDATE: ...`, `BREAKING - ...`)
_LABELS = frozenset({
    "update", "updated", "updates", "breaking", "breaking news", "exclusive", "watch", "note", "editor's note",
    "editors note", "analysis", "opinion", "correction", "clarification", "video", "photos", "photo", "live",
    "fact check", "q&a", "abstract", "full text", "summary", "advisory", "urgent", "flash", "bulletin",
    "comment", "review", "interview", "explainer", "read more", "related", "more", "see also", "warning",
    "editor's note", "disclaimer", "sponsored", "advertisement", "transcript", "listen", "audio",
})


def _is_caps(place: str) -> bool:
    """An ALL-CAPS place as wire datelines write it (`McALLEN, Texas` counts: 80% capitals)."""
    upper = sum(map(str.isupper, place))
    lower = sum(map(str.islower, place))
    return upper > 1 and upper >= 4 * lower


def _looks_like_place(place: str, strong: bool) -> bool:
    words = place.split()
    if not 1 <= len(words) <= 5 or place.lower().replace("’", "'") in _LABELS:
        return False
    if words[0].lower().rstrip(".,") in _CALENDAR_WORDS:
        return False
    if strong:
        return True
    # Mixed-case openings ("The PTI says - ...") are prose unless a date or agency backs them up
    return len(words) <= 3 and words[0].lower().rstrip(".") not in _NOT_PLACE_OPENERS


def _reads_as_body(body: str) -> bool:
    """Text after the dash is prose, not all capitals (an ALL-CAPS line with a dash is a wire
    headline: `RUGBY UNION - CAMPESE WEIGHS UP OPTIONS`)."""
    letters = _WORD.findall(body)
    return any(not w.isupper() for w in letters if len(w) > 1)


def _weak_body_ok(body: str, sep: str) -> bool:
    """After a weak dateline the dash is a hyphen or an en dash (AFP's `Geneva - `), the body opens
    a sentence of a few words (not a kicker's `Politics - World`), and the dash is not the first
    of a parenthetical pair (`Ken Livingstone - The mayor - said`)."""
    if len(body.split()) < _MIN_BODY_WORDS:
        return False
    first = body.lstrip("\"'“‘(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    dash = sep.strip()
    if dash not in ("-", "–", "--"):
        return False  # an em dash after a mixed-case name is an aside (`Hillary Clinton — Democratic nominee`)
    return dash not in body[:120]


_SEP_CHARS = ("-", "_", ":") + tuple(_DASHES)


def _may_match(paragraph: str) -> tuple[bool, bool, bool]:
    r"""(DATELINE_PREFIX, DATELINE_CREDIT, DATELINE_LINE) may match `paragraph`: False only where
    that pattern cannot. Why: on a lead that is no dateline (most leads) each pattern backtracks
    through the first word before failing, ~47k instructions for the three; a few `in` tests on
    characters each pattern must contain answer first.
    - PREFIX ends in _SEP, which holds a hyphen, a dash, `_` or a colon.
    - CREDIT holds an _AGENCY, which opens with `(` or `/`.
    - LINE ends (`\s*$`; \s is str.isspace, as in rstrip) with a _DATE, an _AGENCY or a tail
      (`-`, a dash, `:`): its last non-space character is a digit, a letter or the `.` of a
      month (`12 Jan.`, a letter before it), `)`, `/`, or a dash; never `.` after a non-letter,
      nor `!`, `?`, `,`, `;`, a quote. tests/test_reader_fast_paths.py holds the patterns to it."""
    prefix = False
    for ch in _SEP_CHARS:
        if ch in paragraph:
            prefix = True
            break
    credit = "(" in paragraph or "/" in paragraph
    tail = paragraph.rstrip()[-2:]
    last = tail[-1:]
    if last == ".":
        line = tail[:1].isascii() and tail[:1].isalpha()
    else:
        line = last not in _NEVER_LAST
    return prefix, credit, line


_NEVER_LAST = frozenset("!?,;\"'“”‘’")


def match_dateline(paragraph: str, *, strict: bool = False) -> DatelineMatch | None:
    """A dateline at the start of a paragraph (prefix form) or as the whole paragraph.

    With `strict`, only strong datelines (ALL-CAPS place, or a date or an agency beside it)."""
    m = DATE_LINE.match(paragraph)
    if m is not None:
        date, partial = iso_date(m.group("date"))
        if date is not None:
            end = len(paragraph.rstrip())
            return DatelineMatch(end=end, body_start=len(paragraph), text=paragraph[:end], place=None,
                                 date=date, date_partial=partial, agency=None, strong=True, whole=True)
    m = DATELINE_AGENCY_ONLY.match(paragraph)
    if m is not None and _reads_as_body(paragraph[m.end():]):
        return DatelineMatch(end=m.start("sep"), body_start=m.end(), text=paragraph[:m.start("sep")], place=None,
                             date=None, date_partial=False, agency=m.group("agency1"), strong=True, whole=False)
    prefix, credit, line = _may_match(paragraph)
    m = (DATELINE_PREFIX.match(paragraph) if prefix else None) or (DATELINE_CREDIT.match(paragraph) if credit else None)
    if m is not None and not _reads_as_body(paragraph[m.end():]):
        m = None
    if m is None and line:
        m = DATELINE_LINE.match(paragraph)
    if m is None:
        return None
    groups = m.groupdict()
    place = m.group("place")
    agency = groups.get("agency1") or groups.get("slash1") or groups.get("agency2") or groups.get("slash2")
    date, partial = iso_date(m.group("date")) if m.group("date") else (None, False)
    if m.group("date") and date is None:
        return None  # "March 45": not a date, so not a dateline either
    caps = _is_caps(place)
    strong = bool(date or agency or caps)
    if strict and not strong:
        return None
    if groups.get("colon") and not (date or (caps and " " not in place and not groups.get("region"))):
        return None  # `Note: ...`, `HUFFPOST READERS: ...` are labels; `ISLAMABAD: ...` is a dateline
    if not _looks_like_place(place, strong):
        return None
    sep = groups.get("sep")
    if sep is not None and not strong and not _weak_body_ok(paragraph[m.end():], sep):
        return None
    if sep is not None:
        end = m.start("sep")
    elif groups.get("tail"):
        end = m.start("tail")  # `NEW YORK, March 3 -` alone on its line: the dash is not the dateline
    else:
        end = len(paragraph.rstrip())
    body_start = m.end() if sep is not None else len(paragraph)
    return DatelineMatch(end=end, body_start=body_start, text=paragraph[:end], place=place,
                         date=date, date_partial=partial, agency=agency, strong=strong, whole=sep is None)


_NEUTRAL_BODY = " - The story begins here."


def parse_dateline_text(text: str) -> DatelineMatch | None:
    """Place, date and agency of a dateline that stands on its own (as JSON-LD's `dateline` or
    NewsML-G2's `dateline` carry it), read with the same grammar as a dateline in running text:
    the text is given a neutral body sentence so the grammar's body checks hold."""
    text = text.strip()
    if not text:
        return None
    return match_dateline(text) if DATE_LINE.match(text) else match_dateline(text + _NEUTRAL_BODY)


__all__ = ["DatelineMatch", "match_dateline", "parse_dateline_text", "iso_date", "MONTHS"]
