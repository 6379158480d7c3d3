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

from convert.extract import speakers

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
