"""The fast forms in the small extraction passes (dates, events, quotation marks, attribution)
give exactly what their plain forms give.

Why: those passes use patterns rewritten to open with a class or a literal, cheap `in` pre-checks
and hand-written scans instead of a regex; each test here compares the fast form with the plain
one it replaces, on every fixture and corpus article and on generated text made of the pieces that
matter (so a slip in a rewrite fails here, not only in some article's output).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from convert.extract import dates, events, quotes, speakers
from convert.extract.entities import Entities

ROOT = Path(__file__).resolve().parent.parent


def _texts(shared_dir: Path) -> list[str]:
    paths = sorted(ROOT.glob("fixtures/*.txt")) + sorted((shared_dir / "corpus" / "articles").glob("*/article.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return texts + [t.lower() for t in texts] + [t.upper() for t in texts]


def _pieces_text(pieces: list[str]) -> str:
    return "".join(pieces)


# -- dates -------------------------------------------------------------------------------------

DATE_PIECES = ["on ", "On ", "On", "on", " ", ",", ", ", ".", "-", "\n", "of ", "x", "é", "_", "1", "2", "0", "9", "3",
               "4", "5", "6", "7", "8", "19", "20", "18", "2024", "1899", "2024-11-26", "11", "26", "31", "12th", "1st", "٢", "٢٦",
               "January", "Jan.", "June", "Jun", "July", "Jul", "May", "Mar", "March", "Sept", "Sep", "Sept.",
               "September", "Dec", "Monday", "Tuesday", "Tues", "Thursday", "Sunday", "Saturday", "day",
               "morning", "night", "yesterday", "today", "tomorrow", "toda", "Today", "t", "y", "Y", ":", "a"]


def _date_matches(text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in dates.DATE.finditer(text)]


def _scan_matches(text: str) -> list[tuple[tuple[int, int], dict]]:
    out = []
    for found in dates.DATE_SCAN.finditer(text):
        m = dates.DATE.match(text, found.start())
        assert m is not None and m.end() == found.end(), (text, found.span())
        out.append((m.span(), m.groupdict()))
    return out


def test_date_scan_matches_date_on_articles(shared):
    for text in _texts(shared):
        assert _scan_matches(text) == _date_matches(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=14))
def test_date_scan_matches_date_on_generated_text(pieces):
    text = _pieces_text(pieces)
    assert _scan_matches(text) == _date_matches(text)
    if not dates._may_hold_date(text):  # the pre-check skips only texts without a date
        assert _date_matches(text) == []
        assert "day" not in text and "tomorrow" not in text and not re.search("[0-9]", text)


def test_date_prefilter_sees_unicode_digits():
    for month in ("Jan", "January", "Feb.", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"):
        assert dates._may_hold_date(f"on {month} ٢٦, the vote") and dates.find_dates(f"on {month} ٢٦, the vote", None, None)
    # a day written in other digits ("November ٢٦") is a date; no ASCII digit, no "day"
    assert dates._may_hold_date("on November ٢٦ it rained")
    assert [d[2] for d in dates.find_dates("on November ٢٦ it rained", None, None)] == ["November ٢٦"]
    assert not dates._may_hold_date("no date in this text, Ünïcode or not")


# -- events ------------------------------------------------------------------------------------

def _plain_events(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start(1), m.end(), m.group(1), m.group(2)) for m in events._EVENT.finditer(text)]


def _scan_events(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start(1), m.end(), m.group(1), m.group(2)) for m in events._EVENT_SCAN.finditer(text)]


EVENT_PIECES = ["the ", "The ", "he ", "\x00", "The", "the", "theThe ", "Bathe ", "_the ", "éthe ", "Islamabad ", "Islamabad's ",
                "Paris’s ", "Paris", "Peace ", "X-Ray ", "A ", "massacre", "talks", "protest", "protests", "war", "warx",
                " ", "\n", ",", ".", "on November 26, 2024", " in 2023", "t", "T", "h", "e"]


def test_event_scan_matches_event_on_articles(shared):
    for text in _texts(shared):
        assert _scan_events(text) == _plain_events(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(EVENT_PIECES), max_size=14))
def test_event_scan_matches_event_on_generated_text(pieces):
    text = _pieces_text(pieces)
    assert _scan_events(text) == _plain_events(text)


def _dated(paragraphs: list[str]) -> list[tuple[int, int, int, str | None]]:
    return [(pi, m.start(), m.end(), "2024-11-26") for pi, t in enumerate(paragraphs) for m in re.finditer("November 26, 2024", t)]


def _plain_find_events(paragraphs: list[str], ents: Entities, dates_: list[tuple[int, int, int, str | None]]) -> None:
    """find_events as it was: the plain pattern on every paragraph, no place pre-check."""
    places = {e.name: e for e in ents.items if e.type == "place"}
    for pi, text in enumerate(paragraphs):
        for m in events._EVENT.finditer(text):
            where = m.group(1).strip()
            if where.endswith(("'s", "’s")):
                where = where[:-2]
            place = places.get(where)
            if place is None:
                continue
            start = m.start(1)
            ev = ents.add("event", f"{where} {m.group(2)}", events.Mention(pi, start, m.end(), text[start:m.end()]))
            ev.location = place.key
            for dp, ds, de, value in dates_:
                if dp == pi and ds >= m.end() and events._WHEN.fullmatch(" " + text[m.end():ds]) and value and len(value) >= 7:
                    ev.date = value
                    break


def _events_of(finder, paragraphs: list[str], place_names: list[str]) -> list[tuple]:
    ents = Entities()
    for name in place_names:
        ents.add("place", name, None)
    finder(paragraphs, ents, _dated(paragraphs))
    return [(e.key, e.name, e.location, e.date, [(m.para, m.start, m.end, m.text) for m in e.mentions])
            for e in ents.items]


# "the <capitalised words> <noun>" phrases, often enough to make events, and stray pieces between them
EVENT_PHRASE = st.builds(lambda *parts: "".join(parts), st.sampled_from(["the ", "The ", "Bathe ", " the ", "he "]),
                         st.lists(st.sampled_from(["Islamabad ", "Islamabad's ", "Paris’s ", "Peace ", "Lahore ", "X "]),
                                  min_size=1, max_size=4).map("".join),
                         st.sampled_from(["massacre", "talks", "protests", "war", "warx"]),
                         st.sampled_from(["", " ", ".", " on November 26, 2024", " in November 26, 2024"]))
EVENT_PARAGRAPH = st.lists(st.one_of(EVENT_PHRASE, st.sampled_from(EVENT_PIECES)), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(EVENT_PARAGRAPH, min_size=1, max_size=4),
       st.lists(st.sampled_from(["Islamabad", "Paris", "Peace", "Islamabad Peace", "Lahore"]), max_size=3, unique=True))
def test_find_events_over_joined_paragraphs_is_the_plain_rule(paragraphs, place_names):
    assert _events_of(events.find_events, paragraphs, place_names) == _events_of(_plain_find_events, paragraphs, place_names)


def test_find_events_sees_no_event_across_paragraphs():
    """find_events scans the paragraphs joined by events._JOIN: a phrase cut by a paragraph break
    is no event, and a paragraph's start and end count as a word boundary, as in each alone."""
    for paragraphs in (["... the Islamabad ", "massacre on November 26, 2024"], ["the", " Islamabad massacre"],
                       ["Bathe", "the Islamabad massacre", "the Islamabad massacre"], ["", "The Islamabad\x00 massacre"],
                       ["t", "he Islamabad massacre"], ["the Islamabad massacrex", "the Lahore talks"],
                       ["On the Islamabad's massacre", "", "the Islamabad massacre in November 26, 2024"]):
        found = _events_of(events.find_events, paragraphs, ["Islamabad", "Lahore"])
        assert found == _events_of(_plain_find_events, paragraphs, ["Islamabad", "Lahore"])
    assert _events_of(events.find_events, ["the Islamabad ", "massacre"], ["Islamabad"])[1:] == []


# -- quotation marks ---------------------------------------------------------------------------

MARK_PIECES = ['"', "“", "”", "„", "`", "``", "'", "''", "‘", "’", "«", " ", "a", "é", "\n"]


def _plain_marks(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"[\"“”„]|``|''", text)]


def test_marks_are_the_pattern_matches_on_articles(shared):
    for text in _texts(shared):
        assert quotes.marks(text) == _plain_marks(text) == [(m.start(), m.group(0)) for m in quotes.MARKS.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(MARK_PIECES), max_size=20))
def test_marks_are_the_pattern_matches_on_generated_text(pieces):
    text = _pieces_text(pieces)
    assert quotes.marks(text) == _plain_marks(text)



# -- quotation kinds ---------------------------------------------------------------------------

def _plain_classify(paragraphs: list[str], q: quotes.RawQuote, lex) -> str:
    """classify as it was: every rule's inputs computed first, on all the words."""
    if len(q.pieces) > 1:
        return "direct"
    p = q.pieces[0]
    text = paragraphs[p.para]
    inner = text[p.start:p.end].strip()
    words = inner.split()
    if not words:
        return "scare"
    before = text[:p.open_mark].rstrip() if p.open_mark >= 0 else ""
    after = text[p.end + 1:] if p.close_mark >= 0 else ""
    seg = re.split(r"[!?;\"“”]", after, maxsplit=1)[0]
    for dot in re.finditer(r"\.(?=\s|$)", seg):
        if not quotes._ABBREV.search(seg[max(0, dot.start() - 6):dot.start()]):
            seg = seg[:dot.start()]
            break
    near = seg.replace(",", " ").split()[:7]
    cue_next = any(w.lower() in lex.cues for w in near) and (inner[-1:] in ",.?!—–-…" or after.lstrip().startswith(","))
    speechy_end = inner[-1:] in ".?!…" or inner.endswith(("...", ".'", "?'", "!'", ".’", "?’"))
    starts_para = not before
    colon_before = before.endswith((":", ","))
    embedded = bool(re.search(r"[a-z]$", before)) and not before.endswith(
        tuple(f" {c}" for c in ("said", "says", "say", "added", "told", "wrote", "asked")))
    if embedded and len(words) <= 4:
        return "scare"
    if cue_next or colon_before:
        return "direct"
    if len(words) <= 4 and not speechy_end:
        return "scare"
    if len(words) <= 8 and not speechy_end and not starts_para and sum(w[:1].isupper() for w in words) == len(words):
        return "scare"
    return "direct"


QUOTE_PIECES = ['"', '"', "“", "”", " ", " ", "  ", "\n", ",", ", ", ".", ". ", "...", "!", "?", ":", ";", "'", "’", "—",
                "word ", "Word ", "a ", "The ", "said ", "Said ", "told", " says", " say", " asked", "Mr.", "Dr. ", "U.S.",
                "Gone With the Wind", "he ", "she said.", "one two three four five six seven ", "é", "É"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(QUOTE_PIECES), max_size=16).map("".join), min_size=1, max_size=3))
def test_classify_is_the_plain_rule(paragraphs):
    from convert.extract.lexicon import lexicon
    lex = lexicon(None)
    raws, _ = quotes.scan(paragraphs)
    for q in quotes.merge_interrupted(paragraphs, raws, lex):
        assert quotes.classify(paragraphs, q, lex) == _plain_classify(paragraphs, q, lex), (paragraphs, q)


def test_classify_is_the_plain_rule_on_articles(shared):
    from convert.extract.lexicon import lexicon
    lex = lexicon(None)
    kinds = set()
    for text in _texts(shared):
        paragraphs = text.split("\n")
        raws, _ = quotes.scan(paragraphs)
        for q in quotes.merge_interrupted(paragraphs, raws, lex):
            kind = quotes.classify(paragraphs, q, lex)
            assert kind == _plain_classify(paragraphs, q, lex)
            kinds.add(kind)
    assert kinds == {"direct", "scare"}


# -- attribution -------------------------------------------------------------------------------

ABBREV_PIECES = ["Mr", "Mrs", "Ms", "Sen", "Sens", "Reps", "Rep", "Corp", "Co", "vs", "No", "U", "S", "E", "A", "Z", "a",
                 "x", "_", "1", "é", "É", ".", ". ", " ", "\n", "-", "’"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ABBREV_PIECES), max_size=8))
def test_abbreviation_before_is_the_pattern(pieces):
    text = _pieces_text(pieces)
    for j in range(len(text) + 1):
        assert speakers.abbreviation_before(text, j) == bool(speakers._ABBREV_END.search(text[max(0, j - 6):j])), (text, j)


def test_abbreviation_before_on_articles(shared):
    for text in _texts(shared):
        for j in range(len(text)):
            if text[j] in ".?! ":
                assert speakers.abbreviation_before(text, j) == bool(speakers._ABBREV_END.search(text[max(0, j - 6):j]))


def _plain_segment_after(r: speakers.Resolver, para: int, a: int, b: int):
    """Resolver._segment_after as it was: every token of the segment tokenised first."""
    text = r.paragraphs[para]
    words = [(m.start() + a, m.end() + a, m.group(0)) for m in speakers._WORD.finditer(text[a:b])]
    words_only = [w for w in words if w[2] not in ",;:"]
    for k, (ws, we, w) in enumerate(words_only[:14]):
        low = w.lower()
        if low == "according" and k + 1 < len(words_only) and words_only[k + 1][2] == "to":
            s0 = words_only[k + 1][1]
            ent, s, e = r.resolve(para, s0, b, prefer_last=False)
            return speakers.Attribution(ent, text[s:e] if ent else text[s0:b].strip(" ,.") or None, (para, s, e), "according to")
        if low not in r.lex.cues:
            continue
        if k == 0 or all(x[2].lower() in speakers._ADVERBS for x in words_only[:k]):
            s0 = we
            end = b
            cut = speakers._RE2.search(text[s0:b])
            if cut:
                end = s0 + cut.start()
            np_ = text[s0:end].lstrip()
            descr = np_[:1].islower() and not speakers._RE3.match(np_)
            comma = text.find(",", s0, end)
            ent = None
            if descr and comma > 0:
                ent, s, e = r.resolve(para, comma, end, prefer_last=False)
            if ent is None:
                ent, s, e = r.resolve(para, s0, end, prefer_last=False)
            return speakers.Attribution(ent, text[s:e] if ent else (text[s0:end].strip(" ,.") or None), (para, s, e), low)
        s0 = words[0][0] if words else a
        ent, s, e = r.resolve(para, s0, ws, prefer_last=False)
        return speakers.Attribution(ent, text[s:e] if ent else (text[s0:ws].strip(" ,.") or None), (para, s, e), low)
    return None


def _same_segments(paragraphs: list[str], windows) -> int:
    from convert.extract.entities import find_entities
    from convert.extract.lexicon import lexicon
    lex = lexicon(None)
    ents, _ = find_entities(paragraphs, lex)
    raws, _ = quotes.scan(paragraphs)
    r = speakers.Resolver(paragraphs, ents, lex, raws)
    found = 0
    for para, a, b in windows(paragraphs, raws):
        got = r._segment_after(para, a, b)
        assert got == _plain_segment_after(r, para, a, b), (paragraphs[para], a, b)
        found += got is not None
    return found


def _after_quotes_and_every_start(paragraphs, raws):
    for q in raws:
        last = q.pieces[-1]
        if last.close_mark >= 0:
            a = last.close_mark + 1
            yield last.para, a, speakers.sentence_end(paragraphs[last.para], a)
    for para, text in enumerate(paragraphs):
        for a in range(0, len(text), 7):
            yield para, a, speakers.sentence_end(text, a)


def test_segment_after_is_the_plain_rule_on_articles(shared):
    found = 0
    for text in _texts(shared)[::3]:
        found += _same_segments(text.split("\n"), _after_quotes_and_every_start)
    assert found > 100


SEGMENT_PIECES = ['"We won," ', '"Go." ', "Khan ", "Imran Khan ", "Mr. Lee ", "the commission ", "the Human Rights Commission ",
                  "he ", "she ", "also ", "then ", "said", "told", "added", "according", "according to", "to ", ", ", ",",
                  "; ", ": ", " ", ".", "a spokesman ", "who ", "in a statement", "his deputy, Farhan Haq", "x1 ", "’"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SEGMENT_PIECES), max_size=14).map("".join), min_size=1, max_size=3))
def test_segment_after_is_the_plain_rule_on_generated_text(paragraphs):
    def windows(paragraphs, raws):
        for para, text in enumerate(paragraphs):
            for a in range(len(text)):
                yield para, a, len(text)
                yield para, a, speakers.sentence_end(text, a)
    _same_segments(paragraphs, windows)
