"""The extraction's fast regular expressions match exactly what their plain forms match.

Why: several patterns are written so that they open with a literal or a character class (re then
skips ahead to candidate characters instead of trying every position), and two searches run on a
reversed string or from a computed start. Those forms are harder to read; these tests keep them
equal to the plain patterns they replace, on every fixture and corpus article and on odd strings.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from convert.extract import dates, entities, events, quotes, speakers

ROOT = Path(__file__).resolve().parent.parent
ODD = ["he'' ``x'' “a” ''", "his party, the X", "this party", "Hhis party", "_her group", "TheMonday Monday",
       "xMonday", "éMonday", "1Monday", "Mondays", "the Islamabad massacre", "Bathe Paris attack", "_The X war",
       "'' ` `` \"", "’s Sunday’s", "“Quote,” said the spokesman, Jo Bloggs, ", "a, b, \n",
       "Mrs. Ann Lee and Mr. Bo of the U.S. Sen. X Sens. Y Reps. Z Mrx. Q", "al-Amr el-Sisi Al-Qaeda El-Baz alAmr xal-Amr",
       "James E. Clyburn, E. ", "A", "Ab", ".Ab 'Ab ’Ab -Ab _Ab 1Ab ÉCOLE Łódź van der Berg", "Mr. J. R. R. Tolkien Jr.",
       "a E.U. b Et al. Ef-B"]

APPOS = re.compile(r", ((?:the |a |an )?(?:[\w.'’\-]+ ){0,10}?[\w.'’\-]+)(?=[,;.)]|$| who | which | and (?![A-Z]))")
PLAIN = {
    "days": (re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
                        r"|June|July|August|September|October|November|December)\b"), entities._DAYS),
    "belongs": (re.compile(r"\b(his|her) (?:own )?(?:political )?(?:party|organi[sz]ation|company|group|movement|union"
                           r"|campaign|firm|newspaper|team)\b,? (?:the )?"), entities._BELONGS),
    "marks": (re.compile(r"[\"“”„]|``|''"), quotes.MARKS),
    "names": (re.compile(rf"(?=[{entities.UP}aAeE])(?<![\w.'’\-]){entities._TOKEN}(?:{entities._CONNECT}{entities._TOKEN})*(?![\w])"),
              entities.SEQ),
    "names_no_al": (re.compile(rf"(?=[{entities.UP}aAeE])(?<![\w.'’\-]){entities._TOKEN}(?:{entities._CONNECT}{entities._TOKEN})*(?![\w])"),
                    entities.SEQ_NO_AL),
    "names_ascii": (re.compile(rf"(?=[{entities.UP}aAeE])(?<![\w.'’\-]){entities._TOKEN}(?:{entities._CONNECT}{entities._TOKEN})*(?![\w])"),
                    entities.SEQ_ASCII),
    "names_ascii_no_al": (re.compile(rf"(?=[{entities.UP}aAeE])(?<![\w.'’\-]){entities._TOKEN}(?:{entities._CONNECT}{entities._TOKEN})*(?![\w])"),
                          entities.SEQ_ASCII_NO_AL),
    "sent_end": (re.compile(r"(?<=[a-z]{2})[.!?][\"”’]? +(?=[A-Z\"“‘])"), entities._SENT_END),
    "appos": (APPOS, entities._APPOS),
    "event": (re.compile(r"\b[Tt]he ((?:[A-Z][\w\-’']*\s){1,3})(" + "|".join(events.EVENT_NOUNS) + r")\b"), events._EVENT),
}


def _texts(shared_dir: Path | None) -> list[str]:
    paths = sorted(ROOT.glob("fixtures/*.txt"))
    if shared_dir is not None:
        paths += sorted((shared_dir / "corpus" / "articles").glob("*/article.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths] + ODD


def _spans(it):
    return [(m.start(), m.end(), m.group(0)) for m in it]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_fast_patterns_match_their_plain_forms(name, shared):
    plain, fast = PLAIN[name]
    rng = random.Random(name)
    for text in _texts(shared):
        if name.endswith("no_al"):  # used only on texts without "l-"
            text = text.replace("l-", "l_")
        if "ascii" in name:  # used only on ASCII texts
            text = text.encode("ascii", "replace").decode("ascii")
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text))
        for _ in range(20):  # windows (pos, endpos), as the entity pass uses them
            a = rng.randrange(len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            assert _spans(fast.finditer(text, a, b)) == _spans(plain.finditer(text, a, b))


def test_event_groups_are_unchanged():
    plain, fast = PLAIN["event"]
    text = "After the Islamabad massacre and the Paris Peace talks, theLondon war, the Lahore protests."
    assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in plain.finditer(text)] != []


LEFT_WORDS = re.compile(r"((?:[\w.'’\-]+ ){1,8})$")
COMMA_TITLE = re.compile(r"(?:^|[,;:(]|\b(?:his|her|its|their|the|a|an|by|and|as|with|said|says|told|added)) ?"
                         r"((?:[\w.'’\-]+ ){0,8}[\w.'’\-]+), $")


def test_backward_and_bounded_searches_find_the_plain_match():
    rng = random.Random(7)
    pieces = ["a", "Bb", " ", " ", ",", ", ", ".", "\n", "'", "(", "his ", "the ", "Minister ", "said ", "é", "-", ";"]
    for _ in range(20000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        if rng.random() < 0.5:
            before += ", "
        m = LEFT_WORDS.search(before)
        rev = entities._LEFT_WORDS_REV.match(before[-2::-1] if before.endswith("\n") else before[::-1])
        assert (m.group(1).split() if m else None) == (rev.group(0)[::-1].split() if rev else None), before
        plain = COMMA_TITLE.search(before)
        if before.endswith(", "):
            e = len(before) - 2
            chain = entities._CHAIN_REV.match(before[e - 1::-1] if e else "")
            fast = entities._COMMA_TITLE.search(before, max(0, e - chain.end() - 6)) if chain else None
            assert (plain.span(), plain.group(1)) == (fast.span(), fast.group(1)) if plain else fast is None, before


def test_his_her_end_and_last_word_are_the_plain_searches():
    """_ends_with_his_her and _last_word replace two searches that opened with `\\b` or a class
    and were tried at every character; they must answer as those searches did."""
    his_her = re.compile(r"\b(?:his|her)\s+$")
    last_word = re.compile(r"([\w.'’\-]+)$")
    rng = random.Random(11)
    pieces = ["his", "her", "His", "this", "ther", "_", "é", "1", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ",", ".",
              "'", "’", "-", "a", "B", "(", ";"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert entities._ends_with_his_her(text) == bool(his_her.search(text + " ")), repr(text)
        left = text.rstrip()  # (the caller strips the text first)
        m = last_word.search(left)
        assert entities._last_word(left) == (m.group(1) if m else ""), repr(left)


def test_sentence_end_and_date_prefilter():
    text = 'He said "yes." Then Mr. Smith left! On Tuesday, March 3, 2024? Fine'
    plain = re.compile(r"[.!?](?=[\s\"”’']|$)")
    for i in range(len(text) + 1):
        assert [m.start() for m in speakers._SENTENCE_STOP.finditer(text, i)] == [i + m.start() for m in plain.finditer(text[i:])]
    assert dates.find_dates("No date here at all.", None, None) == []
    assert [d[2] for d in dates.find_dates("Talks resume tomorrow, and on Monday.", None, None)] == ["tomorrow", "Monday"]


def test_name_runs_every_window_of_the_odd_strings():
    """Every (pos, endpos) window: a name run ending at the window's end ("Reps.") is the one that
    the random windows can miss."""
    plain = PLAIN["names"][0]
    for text in ODD + ["Reps.", "Sens.", "Mr.", "Y Reps."]:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                want = _spans(plain.finditer(text, a, b))
                assert _spans(entities.SEQ.finditer(text, a, b)) == want, (text, a, b)
                if "l-" not in text:
                    assert _spans(entities.SEQ_NO_AL.finditer(text, a, b)) == want, (text, a, b)
                if text.isascii():
                    assert _spans(entities.SEQ_ASCII.finditer(text, a, b)) == want, (text, a, b)
                    assert entities.name_runs_in(text) is (entities.SEQ_ASCII if "l-" in text else entities.SEQ_ASCII_NO_AL)
                    if "l-" not in text:
                        assert _spans(entities.SEQ_ASCII_NO_AL.finditer(text, a, b)) == want, (text, a, b)


def test_name_runs_every_abbreviation_and_its_near_misses():
    """The abbreviations' alternatives sit behind one guard (one to four lower-case letters and a
    full stop after the capital): every abbreviation, the same letters with one more or one less,
    upper-case, without the stop, and at a window's end, are read as the plain pattern reads them."""
    assert all(a[0].isupper() and a[1:].isascii() and a[1:].isalpha() and a[1:].islower() and len(a) <= 5
               for a in entities._ABBR_WORDS), "the guard (?=[a-z]{1,4}+\\.) no longer covers every abbreviation"
    plain = PLAIN["names"][0]
    forms = []
    for a in entities._ABBR_WORDS:
        forms += [f"{a}. Lee", f"{a}x. Lee", f"{a[:-1]}. Lee", f"{a.upper()}. Lee", f"{a} Lee", f"{a}.Lee", f"{a}.",
                  f"the {a}. Ann {a}. Bo", f"{a}s. Lee", f"X {a}. of {a}."]
    for text in forms:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                want = _spans(plain.finditer(text, a, b))
                assert _spans(entities.SEQ.finditer(text, a, b)) == want, (text, a, b)
                assert _spans(entities.SEQ_NO_AL.finditer(text, a, b)) == want, (text, a, b)
                assert _spans(entities.SEQ_ASCII.finditer(text, a, b)) == want, (text, a, b)
                assert _spans(entities.SEQ_ASCII_NO_AL.finditer(text, a, b)) == want, (text, a, b)


def test_day_prefilter_passes_every_text_the_day_pattern_finds_something_in(shared):
    """entities._may_name_day skips the _DAYS search on a name run: it must say True wherever
    that search could find a day or month name."""
    for word in entities._DAY_WORDS:
        assert entities._may_name_day(word) and entities._may_name_day(f"Last {word}'s Meeting")
    for text in _texts(shared):
        for m in entities.SEQ.finditer(text):
            if entities._DAYS.search(m.group(0)):
                assert entities._may_name_day(m.group(0)), m.group(0)
    assert not entities._may_name_day("Human Rights Commission of Pakistan")


def test_trailing_words_in_any_case_is_the_lower_case_test():
    """`w in _TRAILING_ANY_CASE` replaces `w.lower() in _TRAILING`: equal for every casing of the
    words, and no other character (Kelvin sign and the like) lower-cases into one of them."""
    import itertools
    import sys

    for w in entities._TRAILING:
        for cs in itertools.product(*((c, c.upper()) for c in w)):
            assert "".join(cs) in entities._TRAILING_ANY_CASE
    letters = set("".join(entities._TRAILING))
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if not c.isascii() and c.lower() in letters]
    for w in ["Of", "THE", "the", "Then", "La", "LA.", "Ofx", "on", ""]:
        assert (w in entities._TRAILING_ANY_CASE) == (w.lower() in entities._TRAILING), w


def _left_title_plain(finder, text, start):
    """Finder._left_title as it was before its shortcut for a plain word before the name (the
    title read from the words found is Finder._title_of_words, which both share)."""
    before = text[max(0, start - 100):start]
    m = entities._LEFT_WORDS_REV.match(before[-2::-1] if before.endswith("\n") else before[::-1])
    if not m:
        return finder._comma_title(text, start)
    title = finder._title_of_words(m.group(0)[::-1].split())
    return finder._comma_title(text, start) if title is None else title


def test_left_title_shortcut_gives_the_plain_answer(shared):
    """_left_title answers at once when the word before the name is plain letters and no title
    word: the same answer as the full backward search, on odd strings and at every capital of
    every fixture and corpus article."""
    from convert.extract.lexicon import lexicon

    lex = lexicon(None)
    rng = random.Random(11)
    pieces = ["said ", "spokesperson ", "Deputy ", "director ", "former ", "of ", "the ", "his ", "U.S. ", ", ",
              "\n", "(", "“", "Mr. ", "Dr.", "x-y ", "it. ", "Minister ", "  ", "é "]
    texts = _texts(shared) + ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14))) + "Jo Bloggs"
                              for _ in range(3000)]
    for text in texts:
        for m in re.finditer(r"[A-Z]", text):
            a = entities.Finder(lex, entities.Entities())
            b = entities.Finder(lex, entities.Entities())
            assert a._left_title(text, m.start()) == _left_title_plain(b, text, m.start()), (text[:m.start()][-60:],)
            assert (a.possessed, a.its) == (b.possessed, b.its)


def test_apposition_matches_the_plain_form_at_every_position():
    """entities._APPOS takes its words possessively: the same span and phrase as the plain,
    backtracking pattern, matched at every offset of odd strings (the entity pass matches it at a
    name's end), with full stops inside words, who/which/and after a word, the optional article,
    Unicode letters and digits, and runs longer than the eleven words a phrase may have."""
    rng = random.Random(3)
    pieces = ["a ", "an ", "the ", "the", "an", "a", "who ", "which ", "and ", "and A", "and a", "Director ", "x", "x ",
              "’", "'", "-", "é", "U.S.", "_", "1", "٣", ".", ". ", ",", ", ", ", ", ";", ")", "(", '"', "\n", " ", "  ",
              "who", "and", "\u00a0"]
    words = ["x ", "ab ", "the ", "a ", "U.S. ", "x. ", "who ", "and ", "And ", "é "]
    ends = ["", ",", ".", "x", "x.", "\n", " which x", " and", " and B"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30))) for _ in range(20000)]
    texts += [", " + "".join(rng.choice(words) for _ in range(rng.randrange(0, 16))) + rng.choice(ends)
              for _ in range(20000)]
    for text in texts:
        for i in range(len(text) + 1):
            plain, fast = APPOS.match(text, i), entities._APPOS.match(text, i)
            assert (plain and (plain.span(), plain.group(1))) == (fast and (fast.span(), fast.group(1))), (text, i)
