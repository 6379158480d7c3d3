"""Quotations: stretches between double quotation marks, across paragraphs when a quotation runs on.

Rules (the issue's list):
- straight `"` and curly `“ ”` marks; a straight mark opens after a space or at a paragraph's
  start and closes before a space or punctuation; when the context says neither, it toggles;
- a paragraph that ends inside a quotation and a next paragraph that opens with a mark continue
  one quotation (news style for long quotations);
- `"We need justice," Khan said, "for those who were killed."`: the second piece starts in lower
  case, so the sentence goes on: one quotation with two `parts`; a second piece that starts a new
  sentence is a quotation of its own (same speaker, found by attribution);
- single quotation marks inside double ones are text, never marks;
- a mark that cannot be paired is reported (NC301 with line:col) and the quotation runs to the
  end of its paragraph: never a crash;
- scare quotes and titles (`labeled the incident a "massacre,"`): short, no end punctuation of
  speech, no cue verb next to them -> kind "scare".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, count
from operator import add

from ..quotetext import join_pieces, without_final_comma
from .lexicon import Lexicon

# patterns used inside functions, compiled once (re.<fn>(string) pays a cache lookup per call)
_RE1 = re.compile(r"[.!?]\s")
_RE2 = re.compile(r"[!?;\"“”]")
_RE3 = re.compile(r"\.(?=\s|$)")

MARKS = re.compile(r"[\"“”„`'](?:(?<=[\"“”„])|(?<=`)`|(?<=')')")  # [\"“”„]|``|'' opening with a class: faster
_MARK_STRINGS = ('"', "“", "”", "„", "``", "''")  # MARKS's alternatives
_ASCII_MARK_STRINGS = ('"', "``", "''")  # those an ASCII text can hold
_OPEN_BEFORE = set(" \t([{—–-/:;")
_CLOSE_AFTER = set(" \t.,;:!?)]}—–-/…")


@dataclass(slots=True)
class Piece:
    para: int
    start: int   # first character inside the marks
    end: int     # the closing mark (or the end of the paragraph)
    open_mark: int  # position of the opening mark (-1: none, continuation without a mark)
    close_mark: int  # position of the closing mark (-1: none)


@dataclass(slots=True)
class RawQuote:
    pieces: list[Piece] = field(default_factory=list)
    kind: str = "direct"
    interrupt: tuple[int, int, int] | None = None  # (para, start, end) of the text between pieces

    @property
    def para(self) -> int:
        return self.pieces[0].para


def marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of each quotation mark of `text`, in order: what MARKS.finditer finds. Its
    alternatives share no character (not even a first one), so the matches of each are its own
    non-overlapping occurrences, found here with str.find (the regex tests every character
    against its class: ~50 instructions a character, 3x this on the reference article); a
    one-character search is a memchr, much faster than the general search of a longer string. So
    "``" and "''" are found as each occurrence of their first character, kept when the second
    follows: str.find of the two-character string reads every character (~4 instructions each:
    27k on the reference article, where a ' is rare). (str.split for the one-character marks
    costs more than the searches: ~10 instructions a character in a non-ASCII text.)"""
    found: list[tuple[int, str]] = []
    kinds = 0  # how many of the marks were found: the list needs sorting when two or more were
    for mark in _ASCII_MARK_STRINGS if text.isascii() else _MARK_STRINGS:
        c = mark[0]
        if c not in text:  # most texts hold no “ ” „ ` (nor a ')
            continue
        n = len(found)
        if len(mark) == 1:
            i = text.find(c)
            while i >= 0:
                found.append((i, mark))
                i = text.find(c, i + 1)
        else:  # c + c
            i = text.find(c)
            while i >= 0:
                if text[i + 1:i + 2] == c:
                    found.append((i, mark))
                    i = text.find(c, i + 2)
                else:
                    i = text.find(c, i + 1)
        if len(found) > n:
            kinds += 1
    if kinds > 1:
        found.sort()  # (no two marks start at one offset: no tie reaches the strings)
    return found


#: a straight mark may open after one of _OPENS_AFTER (or at a paragraph's start) and may close
#: before one of _CLOSES_BEFORE (or at its end): it closes when only the second holds, opens when
#: only the first does, and toggles when both or neither do
_OPENS_AFTER = frozenset(_OPEN_BEFORE | set("\"“‘'"))
_CLOSES_BEFORE = frozenset(_CLOSE_AFTER | set("\"”’'"))
_OPENING = ("“", "„", "``")  # the marks that always open, and those that always close:
_CLOSING = ("”", "''")


def scan(paragraphs: list[str], blank_before: list[bool] | None = None) -> tuple[list[RawQuote], list[tuple[int, int, str]]]:
    """Quotations of the paragraphs, and the marks that could not be paired (para, offset, mark).
    `blank_before[i]`: a blank line separates paragraph i from the one before (a real paragraph
    break, not one sentence a line).

    The marks (what marks() finds in each paragraph) are looked for once in the whole article, the
    paragraphs joined by spaces between two more spaces: a paragraph's start and end count as a
    space for a straight mark's role, and no mark holds a space, so no mark spans two paragraphs.
    That is a few `in` tests and one str.find a mark, and only the paragraphs that hold a mark are
    visited (marks() for every paragraph cost ~5k instructions each, and most hold none). A
    quotation left open at the end of a paragraph is closed as unpaired when the next paragraph
    holds no mark (nothing there could continue it)."""
    whole = " ".join(["", *paragraphs, ""])
    found = marks(whole)  # (offset in whole, mark)
    # ends[k]: where paragraph k ends in `whole` (exclusive; a space is there): 1 + the lengths of
    # paragraphs 0..k + one space for each paragraph before k
    ends = list(map(add, accumulate(map(len, paragraphs)), count(1)))

    quotes: list[RawQuote] = []
    stray: list[tuple[int, int, str]] = []
    current: RawQuote | None = None  # the quotation open (it may run on into the next paragraph)
    cur_open: tuple[int, int, str] | None = None
    pi = -1  # the paragraph being read: text, from whole[base] to whole[end]
    end = -1
    for g, mk in found:
        if g > end:  # the first mark of another paragraph
            prev = pi
            pi = bisect_right(ends, g)
            end = ends[pi]
            text = paragraphs[pi]
            base = end - len(text)
            i = g - base
            if current is not None:
                lead = len(text) - len(text.lstrip())
                # a closing mark? (a straight one's neighbours are read in whole, spaces at the ends)
                closes = (whole[g + 1] in _CLOSES_BEFORE and whole[g - 1] not in _OPENS_AFTER) if mk == '"' else mk in _CLOSING
                if pi != prev + 1:  # the paragraph after the quotation's holds no mark
                    stray.append(cur_open)
                    quotes.append(current)
                    current = None
                elif i == lead and not closes:
                    # the quotation runs on into this paragraph
                    current.pieces.append(Piece(pi, lead + len(mk), len(text), lead, -1))
                    continue
                elif closes and len(current.pieces) < 4 and not (blank_before and blank_before[pi]):
                    # one sentence a line: the quotation goes on to the closing mark of this line
                    current.pieces.append(Piece(pi, lead, len(text), -1, -1))
                else:
                    stray.append(cur_open)
                    quotes.append(current)
                    current = None
        else:
            i = g - base
        if current is None:
            closes = (whole[g + 1] in _CLOSES_BEFORE and whole[g - 1] not in _OPENS_AFTER) if mk == '"' else mk in _CLOSING
            if closes and not (i == 0 or text[i - 1] == " "):
                stray.append((pi, i, mk))
                continue
            current = RawQuote([Piece(pi, i + len(mk), len(text), i, -1)])
            cur_open = (pi, i, mk)
        else:
            piece = current.pieces[-1]
            if mk in _OPENING and piece.para == pi and text[piece.start:i].strip():
                # a new opening while one is open: the first was never closed
                stray.append(cur_open)
                piece.end = i
                quotes.append(current)
                current = RawQuote([Piece(pi, i + len(mk), len(text), i, -1)])
                cur_open = (pi, i, mk)
                continue
            piece.end = i
            piece.close_mark = i
            quotes.append(current)
            current = None
    if current is not None:  # open at the end of the last paragraph, or of one before a paragraph without marks
        stray.append(cur_open)
        quotes.append(current)
    # quotations with some text (a plain loop: a generator for each quotation cost more)
    kept = []
    for q in quotes:
        for p in q.pieces:
            if paragraphs[p.para][p.start:p.end].strip():
                kept.append(q)
                break
    return kept, stray


def piece_text(paragraphs: list[str], p: Piece) -> str:
    return paragraphs[p.para][p.start:p.end].strip()


def quote_text(paragraphs: list[str], q: RawQuote) -> str:
    if len(q.pieces) == 1:
        # most quotations: join_pieces of one piece is that piece less a final comma (the
        # " \t\r\n" it strips are gone already: str.strip took all white space from the ends)
        return without_final_comma(piece_text(paragraphs, q.pieces[0]))
    texts = []  # a loop, not a list comprehension: on 3.11 that is one more function call
    for p in q.pieces:
        texts.append(piece_text(paragraphs, p))
    return join_pieces(texts)


_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr)|\b[A-Z]|(?:[A-Z]\.)+[A-Z])$")
_CUE_WORD = re.compile(r"[A-Za-z]+")


def has_cue(s: str, lex: Lexicon) -> bool:
    return any(w.lower() in lex.cues for w in _CUE_WORD.findall(s))


def merge_interrupted(paragraphs: list[str], quotes: list[RawQuote], lex: Lexicon) -> list[RawQuote]:
    """`"We need justice," Khan said, "for those who were killed."` -> one quotation."""
    out: list[RawQuote] = []
    for q in quotes:
        if out:
            prev = out[-1]
            a, b = prev.pieces[-1], q.pieces[0]
            if a.para == b.para and a.close_mark >= 0 and b.open_mark > a.close_mark:
                text = paragraphs[a.para]
                between = text[a.close_mark + 1:b.open_mark]
                first = text[a.start:a.end].rstrip()
                nxt = text[b.start:b.end].lstrip()
                if (first.endswith((",", "—", "–", "-", "...", "…")) and nxt[:1].islower()
                        and len(between.split()) <= 14 and has_cue(between, lex)
                        and not _RE1.search(between.strip() + " ")):
                    prev.pieces.extend(q.pieces)
                    prev.interrupt = (a.para, a.close_mark + 1, b.open_mark)
                    continue
        out.append(q)
    return out


_SAID = tuple(f" {c}" for c in ("said", "says", "say", "added", "told", "wrote", "asked"))


def classify(paragraphs: list[str], q: RawQuote, lex: Lexicon) -> str:
    """'direct' (speech) or 'scare' (a scare-quoted word, a title, a term)."""
    if len(q.pieces) > 1:
        return "direct"
    p = q.pieces[0]
    text = paragraphs[p.para]
    inner = text[p.start:p.end].strip()
    # every rule for a scare quote or a title wants at most 8 words: a longer quotation is speech
    # whatever surrounds it, and its context (the costly part) is not looked at; so the words are
    # split only as far as telling "8 or fewer" from "more"
    words = inner.split(None, 8)
    if not words:
        return "scare"
    if len(words) > 8:
        return "direct"
    before = text[:p.open_mark].rstrip() if p.open_mark >= 0 else ""
    after = text[p.end + 1:] if p.close_mark >= 0 else ""
    # `labeled the incident a "massacre,"`: a word of the sentence (it follows a lower-case word), not speech
    embedded = "a" <= before[-1:] <= "z" and not before.endswith(_SAID)
    if embedded and len(words) <= 4:
        return "scare"
    # a cue or a colon next to the quotation makes it speech
    if before.endswith((":", ",")) or _cue_next(inner, after, lex):
        return "direct"
    speechy_end = inner[-1:] in ".?!…" or inner.endswith(("...", ".'", "?'", "!'", ".’", "?’"))
    if len(words) <= 4 and not speechy_end:
        return "scare"
    if not speechy_end and before and sum(w[:1].isupper() for w in words) == len(words):
        return "scare"  # a title: "Gone With the Wind"
    return "direct"


def _cue_next(inner: str, after: str, lex: Lexicon) -> bool:
    """A cue verb among the first words after the quotation (up to the end of its sentence), and
    the quotation ends as speech does before one (`"...," she said`)."""
    seg = _RE2.split(after, maxsplit=1)[0]
    for dot in _RE3.finditer(seg):  # the sentence ends at a period that ends no "Mr."
        if not _ABBREV.search(seg[max(0, dot.start() - 6):dot.start()]):
            seg = seg[:dot.start()]
            break
    near = seg.replace(",", " ").split()[:7]
    return any(w.lower() in lex.cues for w in near) and (inner[-1:] in ",.?!—–-…" or after.lstrip().startswith(","))


__all__ = ["scan", "merge_interrupted", "classify", "quote_text", "RawQuote", "Piece", "has_cue"]
