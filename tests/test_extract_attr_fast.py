"""Round 6 shortcuts of the quotation and attribution passes (quotes.py, speakers.py) against
their plain forms.

- Resolver keeps each paragraph's mentions in the order of the entities and their mentions, not
  sorted by start; resolve picks the first / last one by comparing starts. Checked here with
  mentions made up at random (ties of start between entities, several types, any order) against
  PlainResolver (tests/test_extract_speakers_fast.py), which sorts them as the Resolver did.
- quotes.marks finds "``" and "''" as a first character followed by the second: checked against
  the MARKS pattern on generated text (runs of ' and `) and every article.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import convert.extract as X
from convert.extract import entities as E
from convert.extract import quotes
from convert.extract import speakers as S

from article_texts import article_texts
from test_extract_speakers_fast import PlainResolver

_TYPES = ("person", "organization", "place")
_TEXT = "Jason Miller and the Human Rights Commission said he and she would go. " * 2


def _ents(spec: list[tuple[int, list[tuple[int, int, int]]]]) -> E.Entities:
    """Entities of the given types, each with mentions (para, start, length), added in the order given."""
    ents = E.Entities()
    for i, (t, mentions) in enumerate(spec):
        e = E.new_ent(len(ents.items), _TYPES[t], f"Name{i}")
        ents.items.append(e)
        for para, start, length in mentions:
            if (para, start) not in e.at:
                e.at.add((para, start))
                e.mentions.append(E.Mention(para, start, start + length, _TEXT[start:start + length]))
    return ents


_SPEC = st.lists(st.tuples(st.integers(0, 2), st.lists(st.tuples(st.integers(-1, 2), st.integers(0, 40),
                                                                  st.integers(1, 12)), max_size=6)),
                 max_size=8)


@settings(max_examples=300, deadline=None)
@given(_SPEC, st.integers(0, 40), st.integers(0, 60))
def test_resolve_of_unsorted_mentions_is_the_plain_rule(spec, start, length):
    ents = _ents(spec)
    paras = [_TEXT, _TEXT, _TEXT]
    lex = X.lexicon(None)
    fast, plain = S.Resolver(paras, ents, lex), PlainResolver(paras, ents, lex)
    for p in range(3):
        for last in (False, True):
            f, g = fast.resolve(p, start, start + length, last), plain.resolve(p, start, start + length, last)
            assert f[0] is g[0] and f[1:] == g[1:], (spec, p, start, length, last)
        for pos in (start, len(_TEXT)):
            assert fast._speaks(p, pos) is plain._speaks(p, pos)
            for word in ("he", "she", "they"):
                assert fast.pronoun(p, pos, word) is plain.pronoun(p, pos, word)


def test_resolve_ties_take_the_first_or_last_added():
    # people named at the same start: the first added, or with prefer_last the last added
    ents = _ents([(0, [(0, 6, 6)]), (0, [(0, 0, 12)]), (0, [(0, 0, 6)]), (0, [(0, 6, 3)])])
    r = S.Resolver([_TEXT], ents, X.lexicon(None))
    assert r.resolve(0, 0, 12, False)[0] is ents.items[1]
    assert r.resolve(0, 0, 12, True)[0] is ents.items[3]
    assert r.resolve(0, 0, 6, True)[0] is ents.items[2]


# -- quotes.marks: split for one-character marks, a first-character walk for `` and '' ---------

def _plain_marks(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in quotes.MARKS.finditer(text)]


_MARK_PIECES = ['"', "“", "”", "„", "`", "``", "'", "''", "'''", "a", " ", "é", "’", "\u2003", "\n", "\u201c\u201c"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=30).map("".join))
def test_marks_are_the_plain_marks(text):
    assert quotes.marks(text) == _plain_marks(text), text


def test_marks_are_the_plain_marks_on_articles(shared):
    n = 0
    for text in article_texts(shared):
        for t in (text, " ".join(["", *text.split("\n"), ""]), text.replace("’", "'"), text.replace('"', "''")):
            got = quotes.marks(t)
            assert got == _plain_marks(t)
            n += len(got)
    assert n > 1000
