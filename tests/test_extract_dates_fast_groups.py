"""find_dates reads DATE's groups from m.groups() by index (not groupdict()), the month number
from a table of the month forms (_MONTH_NUMBER, not a call of _month), and takes a day of 1 to 28
as valid without asking date(): the same dates as the plain form (find_dates as it was, below),
on every fixture and corpus paragraph and on generated text, with and without an anchor / year.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from convert.extract import dates as D

from test_extract_dates_fast import PIECES, _texts

ROOT = Path(__file__).resolve().parent.parent


def plain_find_dates(text: str, anchor: date | None, year: int | None):
    """find_dates as it was (after its pre-check, which is not changed)."""
    if not D._may_hold_date(text):
        return []
    out = []
    for found in D.DATE_SCAN.finditer(text):
        m = D.DATE.match(text, found.start())
        g = m.groupdict()
        s = m.group(0)
        kind, value = "absolute", None
        if g["iso"]:
            y, mo, d = map(int, g["iso"].split("-"))
            if not D._valid(y, mo, d):
                continue
            value = g["iso"]
        elif g["m1"] or g["m2"]:
            mo = D._month(g["m1"] or g["m2"])
            d = int(g["d1"] or g["d2"])
            y = g["y1"] or g["y2"]
            if g["m1"] == "May" and not y and not D._RE2.match(s):
                continue
            if y:
                if not D._valid(int(y), mo, d):
                    continue
                value = f"{int(y):04d}-{mo:02d}-{d:02d}"
            elif year is not None and D._valid(year, mo, d):
                value = f"{year:04d}-{mo:02d}-{d:02d}"
            else:
                if not D._valid(2000, mo, d):
                    continue
                kind, value = "partial", f"--{mo:02d}-{d:02d}"
        elif g["m3"]:
            if g["m3"] == "May" and not D._RE3.match(s):
                continue
            kind, value = "partial", f"{int(g['y3']):04d}-{D._month(g['m3']):02d}"
        elif g["wd"] or g["wd2"]:
            kind = "relative"
            if anchor is not None:
                wd = D._WEEKDAYS.index((g["wd"] or g["wd2"]).lower())
                back = (anchor.weekday() - wd) % 7
                value = (anchor - timedelta(days=back)).isoformat()
        elif g["rel"]:
            kind = "relative"
            if anchor is not None:
                delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["rel"].lower()]
                value = (anchor + timedelta(days=delta)).isoformat()
        out.append((m.start(), m.end(), s, kind, value))
    return out


_SETTINGS = ((None, None), (date(2024, 2, 29), 2024), (date(2023, 6, 1), 2023), (None, 1), (None, 9999))


def _check(text: str) -> None:
    for anchor, year in _SETTINGS:
        assert D.find_dates(text, anchor, year) == plain_find_dates(text, anchor, year), (text, anchor, year)


_DAYS = ["0", "1", "9", "10", "28", "29", "30", "31", "32", "99", "02nd", "29th"]
_MONTHS = ["January", "Feb", "Feb.", "February", "Mar.", "April", "May", "June", "Jul", "Aug.", "Sep", "Sept",
           "Sept.", "Sep.", "Sepember", "September", "Oct", "Nov.", "Dec", "December"]


def test_every_month_form_and_day():
    n = 0
    for mo in _MONTHS:
        for d in _DAYS:
            for text in (f"{mo} {d}", f"on {mo} {d}, 2023 and", f"{d} {mo} 1900", f"{d} of {mo}", f"{mo} 2020",
                         f"{mo} of 2021", f"1999-02-{d[:2].zfill(2)}"):
                _check(text)
                n += 1
    assert n > 1000


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES + _DAYS + _MONTHS), max_size=14).map("".join))
def test_same_dates_on_generated_text(text):
    _check(text)


def test_same_dates_on_articles(shared):
    n = 0
    for text in _texts(shared):
        _check(text)
        n += len(D.find_dates(text, None, None))
    assert n > 100
