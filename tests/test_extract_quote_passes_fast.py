"""The fast forms in the quotation and attribution passes (quotes.py, speakers.py) give exactly
what the plain forms they replace give.

Why: those passes find sentence ends, pronouns and quotation marks with str.find, literal-first
patterns and precomputed tables instead of the plain regular expressions; each test compares a
fast form with its plain reference, on every fixture and corpus article (and their lower- and
upper-case copies) and on generated text made of the pieces that matter.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from convert import quotetext
from convert.extract import quotes, speakers

ROOT = Path(__file__).resolve().parent.parent


def _texts(shared_dir: Path) -> list[str]:
    paths = sorted(ROOT.glob("fixtures/*.txt")) + sorted((shared_dir / "corpus" / "articles").glob("*/article.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return texts + [t.lower() for t in texts] + [t.upper() for t in texts]


# -- sentence ends -------------------------------------------------------------------------------

PLAIN_SENTENCE_STOP = re.compile(r"[.!?](?=[\s\"”’']|$)")


def plain_sentence_end(text: str, i: int) -> int:
    """speakers.sentence_end as it was: every stop found by the pattern."""
    for m in PLAIN_SENTENCE_STOP.finditer(text, i):
        j = m.start()
        if text[j] == "." and speakers._ABBREV_END.search(text[max(0, j - 6):j]):
            continue
        return j + 1
    return len(text)


SENTENCE_PIECES = ["Mr", "Mrs", "Sen", "Sens", "Corp", "Co", "vs", "No", "Inc", "U", "S", "E", "a", "x", "said", "rs", "en",
                   "_", "1", "é", "É", ".", ". ", ".\n", "\n", " ", "  ", "!", "?", "! ", "? ", '"', "”", "’", "'", "“", "\t",
                   "\u2003", "\x1c", "-", ",", "3.5"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=12).map("".join))
def test_sentence_end_is_the_plain_rule(text):
    for i in range(len(text) + 1):
        assert speakers.sentence_end(text, i) == plain_sentence_end(text, i), (text, i)


def test_sentence_end_is_the_plain_rule_on_articles(shared):
    for text in _texts(shared):
        for para in text.split("\n\n"):
            for i in range(0, len(para) + 1, 5):
                assert speakers.sentence_end(para, i) == plain_sentence_end(para, i), (para, i)


# -- pronouns ------------------------------------------------------------------------------------

PLAIN_PRONOUN = re.compile(r"\b(he|she|He|She)\b")


def _pronouns(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, word) of each pronoun _PRONOUN finds, the way speakers reads its matches."""
    out = []
    for m in speakers._PRONOUN.finditer(text, pos, len(text) if endpos is None else endpos):
        w = m.group(1) or m.group(2)
        out.append((m.end() - len(w), m.end(), w))
    return out


def _plain_pronouns(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in PLAIN_PRONOUN.finditer(text)]


PRONOUN_PIECES = ["he", "she", "He", "She", "HE", "SHE", "sHe", "hE", "s", "S", "h", "H", "e", "the", "they", "ashe", "shed",
                  " ", ".", ",", "\n", "_", "1", "é", "’", "'", '"', "-"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PRONOUN_PIECES), max_size=12).map("".join))
def test_pronoun_pattern_is_the_plain_one(text):
    assert _pronouns(text) == _plain_pronouns(text), text
    for limit in range(len(text) + 1):  # speakers searches text[:limit] as (text, 0, limit)
        assert _pronouns(text, 0, limit) == _plain_pronouns(text[:limit]), (text, limit)


def test_pronoun_pattern_is_the_plain_one_on_articles(shared):
    found = 0
    for text in _texts(shared):
        assert _pronouns(text) == _plain_pronouns(text)
        found += len(_plain_pronouns(text))
    assert found > 100


# -- quotation scan ------------------------------------------------------------------------------

_OPEN_BEFORE = set(" \t([{—–-/:;")
_CLOSE_AFTER = set(" \t.,;:!?)]}—–-/…")


def _plain_role(text: str, i: int, mark: str) -> str:
    if mark in ("“", "„", "``"):
        return "open"
    if mark in ("”", "''"):
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens = prev in _OPEN_BEFORE or prev in "\"“‘'"
    closes = nxt in _CLOSE_AFTER or nxt in "\"”’'"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def plain_scan(paragraphs: list[str], blank_before: list[bool] | None = None):
    """quotes.scan as it was: the marks of each paragraph in turn (the MARKS pattern), each mark's role."""
    Piece, RawQuote = quotes.Piece, quotes.RawQuote
    qs: list = []
    stray: list = []
    current = None
    cur_open = None
    for pi, text in enumerate(paragraphs):
        found = [(m.start(), m.group(0)) for m in re.finditer(r"[\"“”„]|``|''", text)]
        k = 0
        if current is not None:
            lead = len(text) - len(text.lstrip())
            if found and found[0][0] == lead and _plain_role(text, lead, found[0][1]) != "close":
                current.pieces.append(Piece(pi, lead + len(found[0][1]), len(text), lead, -1))
                k = 1
            elif found and _plain_role(text, found[0][0], found[0][1]) == "close" and len(current.pieces) < 4 \
                    and not (blank_before and blank_before[pi]):
                current.pieces.append(Piece(pi, lead, len(text), -1, -1))
            else:
                stray.append(cur_open)
                qs.append(current)
                current = None
        while k < len(found):
            i, mk = found[k]
            k += 1
            role = _plain_role(text, i, mk)
            if current is None:
                if role == "close" and not (i == 0 or text[i - 1] == " "):
                    stray.append((pi, i, mk))
                    continue
                current = RawQuote([Piece(pi, i + len(mk), len(text), i, -1)])
                cur_open = (pi, i, mk)
            else:
                piece = current.pieces[-1]
                if role == "open" and mk in ("“", "„", "``") and piece.para == pi and text[piece.start:i].strip():
                    stray.append(cur_open)
                    piece.end = i
                    qs.append(current)
                    current = RawQuote([Piece(pi, i + len(mk), len(text), i, -1)])
                    cur_open = (pi, i, mk)
                    continue
                piece.end = i
                piece.close_mark = i
                qs.append(current)
                current = None
        if current is not None and pi == len(paragraphs) - 1:
            stray.append(cur_open)
            qs.append(current)
            current = None
    return [q for q in qs if any(paragraphs[p.para][p.start:p.end].strip() for p in q.pieces)], stray


SCAN_PIECES = ['"', '"', '"', "“", "”", "„", "`", "``", "'", "''", "‘", "’", " ", " ", "  ", "\t", "\n", "(", "—", ":",
               ".", ",", "!", "…", ")", "a", "word", "Word ", "said", "é", "\u2003"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(SCAN_PIECES), max_size=10).map("".join), st.booleans()), max_size=6),
       st.booleans())
def test_scan_is_the_plain_scan(paras_blank, with_blank):
    paragraphs = [p for p, _ in paras_blank]
    blank = [b for _, b in paras_blank] if with_blank else None
    assert quotes.scan(paragraphs, blank) == plain_scan(paragraphs, blank), (paragraphs, blank)


def test_scan_is_the_plain_scan_on_articles(shared):
    found = 0
    for text in _texts(shared):
        for paragraphs in (text.split("\n"), text.split("\n\n"), [p.strip() for p in text.split("\n\n")]):
            blank = [False] + ["" == p.strip() for p in paragraphs[:-1]]
            got = quotes.scan(paragraphs, blank)
            assert got == plain_scan(paragraphs, blank)
            assert quotes.scan(paragraphs) == plain_scan(paragraphs)
            found += len(got[0])
    assert found > 1000


# -- quotation text ------------------------------------------------------------------------------

def plain_join_pieces(pieces: list[str]) -> str:
    """quotetext.join_pieces as it was: two generators."""
    text = " ".join(x for x in (p.strip(" \t\r\n") for p in pieces) if x)
    return text.rstrip(",").rstrip() if text.endswith(",") else text


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(st.sampled_from([" ", "\t", "\r", "\n", "\u00a0", ",", "a", "b c", ".", '"']), max_size=6)
                .map("".join), max_size=5))
def test_join_pieces_is_the_plain_join(pieces):
    assert quotetext.join_pieces(pieces) == plain_join_pieces(pieces), pieces


def test_quote_text_is_the_plain_join_on_articles(shared):
    n = 0
    for text in _texts(shared):
        for paragraphs in (text.split("\n"), text.split("\n\n")):
            for q in quotes.scan(paragraphs)[0]:
                plain = plain_join_pieces([paragraphs[p.para][p.start:p.end].strip() for p in q.pieces])
                assert quotes.quote_text(paragraphs, q) == plain
                n += 1
    assert n > 1000


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SCAN_PIECES + [",", ", ", " ,"]), max_size=10).map("".join), max_size=4))
def test_quote_text_is_the_plain_join(paragraphs):
    for q in quotes.scan(paragraphs)[0]:
        plain = plain_join_pieces([paragraphs[p.para][p.start:p.end].strip() for p in q.pieces])
        assert quotes.quote_text(paragraphs, q) == plain, (paragraphs, q)
