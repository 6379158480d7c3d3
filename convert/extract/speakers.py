"""Attribution: who said each quotation.

Where the speaker is looked for, in order:
1. after the closing mark, in the same sentence: `"...," Miller said.`, `"...," said his deputy
   spokesperson, Farhan Haq.`, `"...," the commission said in a statement.`, `"...," he added.`;
2. before the opening mark, in the same sentence: `Kugelman said: "..."`, `She said "..."`;
3. a quotation with no cue that follows an attributed one (the next sentence, or a paragraph that
   is all quotation) belongs to the same speaker, as a reader takes it.
The speaker phrase is then resolved: a person's mention inside it (full name or surname), a
pronoun (he/she/they -> the last named speaker, else the last person named before the
quotation), an organisation's name or acronym, or a description whose head word names an
organisation seen before (`the commission` -> Human Rights Commission of Pakistan). A phrase
that names nobody ("a spokesman", "officials") gives no speaker: no guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter

from .entities import Ent, Entities
from .lexicon import Lexicon
from .quotes import RawQuote

# patterns used inside functions, compiled once (re.<fn>(string) pays a cache lookup per call)
#: a "he" or "she" (or "He", "She") as a word: what `\b(he|she|He|She)\b` finds, opened with the literal
#: "e" so that re skips ahead to the e's (that plain form has no first character to look for and
#: tries a match at every position, ~230 instructions a character; this one ~75). The look-behinds
#: check the rest of the word backwards; group 1 or 2 is the word (`_pronoun_word`).
_PRONOUN = re.compile(r"e(?:(?<=\b([hH]e))|(?<=\b([sS]he)))\b")
_RE2 = re.compile(r",\s+(?:who|which|adding|noting|referring|as|when|while|after|before|in|on)\b|\s+(?:in a|on|to|at|during|after|before|when|while)\s+[a-z]")
_RE3 = re.compile(r"(?:he|she|they)\b")
_FIRST = itemgetter(0)  # sort key of pronoun's (position, entity, word) candidates

_WORD = re.compile(r"[A-Za-z][\w'’\-]*|[,;:]")
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Rev", "Jr",
                  "Sr", "No", "Co", "Inc", "Corp", "Ltd", "vs", "Ft", "Mt", "Sens", "Reps")
#: a period after these is no sentence's end: `_ABBREV_END.search(text[j - 6:j])` (abbreviation_before)
_ABBREV_END = re.compile(r"(?:\b(?:" + "|".join(_ABBREVIATIONS) + r")|\b[A-Z]|(?:[A-Z]\.)+[A-Z])$")
#: the first two or three tokens of `_WORD.finditer(text, a, b)` when they are words (group 3:
#: None when the third token is no word, or there is none): the characters before a token are
#: those that start none ([^A-Za-z,;:]), and each part is possessive (no backtracking), so one
#: match reads exactly the tokens the iterator would give
_FIRST_WORDS = re.compile(r"[^A-Za-z,;:]*+([A-Za-z][\w'’\-]*+)[^A-Za-z,;:]*+([A-Za-z][\w'’\-]*+)"
                          r"(?:[^A-Za-z,;:]*+([A-Za-z][\w'’\-]*+))?")
_ADVERBS = {"also", "then", "later", "once", "again", "further", "previously", "recently", "simply", "just"}
_AFTER_NAME = re.compile(r"(?:,[^,.]{0,60},)?\s+(?:has |had |also |then |later )?([a-z]+)")
_SENTENCE_STOP = re.compile(r"[.!?](?=[\s\"”’']|$)")  # what sentence_end looks for
_OTHER_STOP = re.compile(r"[!?](?=[\s\"”’']|$)")  # its '!' and '?'
_STOP_NEXT = frozenset("\"”’'")  # what may follow a stop, besides white space and the text's end
#: the last two letters of each abbreviation (all have two or more): a period after a lower-case
#: letter ends no abbreviation unless the two characters before it are one of these
_ABBREV_TAILS = frozenset(a[-2:] for a in _ABBREVIATIONS)
_DESCR = re.compile(r"\b(?:the|its|their|a|an) ((?:[a-z\-]+ ){0,3}([a-z]+))\b")


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # re's \w


def abbreviation_before(text: str, j: int) -> bool:
    """Does the text before position j end with an abbreviation ("Mr", "Corp"), an initial ("E")
    or dotted capitals ("U.S")? The answer of `_ABBREV_END.search(text[max(0, j - 6):j])`, found
    with string tests: the regex tries its ~30 alternatives at each of the 6 positions (~7k
    instructions a call; sentence ends are looked for at every quotation)."""
    # the common case first: a period after a lower-case word ("said."), which ends no abbreviation
    # unless the word's last two letters end one (the regex's other branches want a capital)
    if "a" <= text[j - 1:j] <= "z" and text[j - 2:j] not in _ABBREV_TAILS:
        return False
    w = text[max(0, j - 6):j]
    if w.endswith("\n"):  # `$` matches before a final line break too
        w = w[:-1]
    last = w[-1:]
    if "A" <= last <= "Z":  # `\b[A-Z]` (nothing of a word before it) or `(?:[A-Z]\.)+[A-Z]`
        return len(w) == 1 or not _word_char(w[-2]) or (w[-2] == "." and "A" <= w[-3:-2] <= "Z")
    # `\b(?:Mr|...)`: the abbreviation opens the window or follows no word character
    return w.endswith(_ABBREVIATIONS) and any(
        w.endswith(a) and (len(w) == len(a) or not _word_char(w[-len(a) - 1])) for a in _ABBREVIATIONS)


def sentence_end(text: str, i: int) -> int:
    """Index of the end of the sentence that contains position i (exclusive): just after the first
    `_SENTENCE_STOP` from i on that is no abbreviation's period, else the text's end.
    The periods are found with str.find and their next character tested here (the pattern opens
    with a class, which re tests at every character: ~50 instructions each); the pattern itself
    is run only for the rarer '!' and '?', and only when the text holds one."""
    n = len(text)
    stop = n  # where the first '!' or '?' ends a sentence
    if "!" in text or "?" in text:
        m = _OTHER_STOP.search(text, i)
        if m is not None:
            stop = m.start()
    j = text.find(".", i, stop)
    while j >= 0:
        nxt = text[j + 1:j + 2]
        # `(?=[\s"”’']|$)`: a single character is white space for \s exactly when str.isspace says so
        if (not nxt or nxt in _STOP_NEXT or nxt.isspace()) and not abbreviation_before(text, j):
            return j + 1
        j = text.find(".", j + 1, stop)
    return stop + 1 if stop < n else n


def _first_stop(text: str, i: int) -> int:
    """Position of the first '.', '!' or '?' from i on (len(text) if none): sentence_end(text, i)
    is after it (or the text's end)."""
    j = text.find(".", i)
    if j < 0:
        j = len(text)
    if "!" in text or "?" in text:  # rare: most paragraphs hold neither
        for c in "!?":
            k = text.find(c, i, j)
            if k >= 0:
                j = k
    return j


def sentence_start(text: str, i: int) -> int:
    """Index where the sentence containing position i begins."""
    j = i
    while True:
        k = max(text.rfind(". ", 0, j), text.rfind("? ", 0, j), text.rfind("! ", 0, j))
        if k < 0:
            return 0
        if text[k] == "." and abbreviation_before(text, k):
            j = k
            continue
        return k + 2


@dataclass(slots=True)
class Attribution:
    speaker: Ent | None
    text: str | None
    span: tuple[int, int, int] | None  # (para, start, end) of the speaker phrase as written
    cue: str | None


class Resolver:
    def __init__(self, paragraphs: list[str], ents: Entities, lex: Lexicon, quotes: list[RawQuote] = ()):
        self.paragraphs = paragraphs
        self.quotes = quotes
        self._inside: dict[int, list[tuple[int, int]]] = {}  # the quoted pieces of a paragraph (_quoted)
        self._bounds: dict[int, list[int]] = {}
        self.ents = ents
        self.lex = lex
        # (start, end, entity) of the mentions of each paragraph, in the order of ents.items and of
        # each entity's mentions, NOT by start (read with .get: a paragraph without mentions gets
        # no entry). No reader needs them sorted: resolve picks the first or last mention by
        # comparing starts, and pronoun and _speaks get the same answers from either order (ties
        # of start keep this order in both); sorting them cost ~35k instructions a parse (a
        # sort call per paragraph), a quarter of the set-up. A plain dict with an `in` test, not
        # a defaultdict, whose subscript the interpreter does not specialise (~10k less).
        by_para: dict[int, list[tuple[int, int, Ent]]] = {}
        for e in ents.items:
            for m in e.mentions:
                p = m.para
                if p in by_para:
                    by_para[p].append((m.start, m.end, e))
                else:
                    by_para[p] = [(m.start, m.end, e)]
        by_para.pop(-1, None)  # the dateline's place: not in a paragraph
        self.by_para = by_para
        self.last_speaker: Ent | None = None

    def _quoted(self, para: int, pos: int) -> bool:
        """Is position `pos` of the paragraph inside a quotation?"""
        inside = self._inside.get(para)
        if inside is None:
            # (start, end) of the paragraph's quoted pieces, gathered when a paragraph is first
            # asked about: only a pronoun's search asks, about a paragraph or a few (all the
            # paragraphs' lists up front cost ~10k instructions a parse)
            inside = self._inside[para] = [(p.start, p.end) for q in self.quotes for p in q.pieces if p.para == para]
        for a, b in inside:  # a loop, not any(<generator>): no generator to build
            if a <= pos < b:
                return True
        return False

    def _sentences(self, para: int) -> list[int]:
        b = self._bounds.get(para)
        if b is None:
            text = self.paragraphs[para]
            b = [0]
            i = 0
            while True:
                e = sentence_end(text, i)
                if e >= len(text):
                    break
                b.append(e)
                i = e
            self._bounds[para] = b
        return b

    def _speaks(self, para: int, start: int) -> bool:
        """Is the mention at `start` followed by a cue verb ("Miller told", "Khan, 54, said")?"""
        for a, b, e in self.by_para.get(para, ()):
            if a == start:
                m = _AFTER_NAME.match(self.paragraphs[para], b)
                return bool(m and m.group(1).lower() in self.lex.cues)
        return False

    def pronoun(self, para: int, pos: int, word: str) -> Ent | None:
        """The person a he/she before `pos` refers to: the subject (first person named, outside
        quotations) of the nearest sentence before that names one; a sentence whose subject is the
        same pronoun passes the search on to the one before it."""
        wl = word.lower()
        gender = {"he": "m", "she": "f"}.get(wl)
        for p in range(para, max(-1, para - 6), -1):
            text = self.paragraphs[p]
            limit = pos if p == para else len(text)
            cands: list[tuple[int, Ent | None, str]] = []
            for (a, b, e) in self.by_para.get(p, []):
                if a < limit and e.type == "person" and not self._quoted(p, a):
                    cands.append((a, e, ""))
            for m in _PRONOUN.finditer(text, 0, limit):
                w = m.group(1) or m.group(2)
                at = m.end() - len(w)
                if not self._quoted(p, at):
                    cands.append((at, None, w.lower()))
            if not cands:
                continue
            cands.sort(key=_FIRST)  # a C key, not a lambda called per candidate (same stable order)
            bounds = self._sentences(p)  # only for a paragraph with candidates (costly: sentence ends)
            # sentences from the last one before pos back to the first
            # (loops, not list comprehensions: on 3.11 each comprehension is a function call, and a
            # sentence has a handful of candidates at most)
            for k in range(len(bounds) - 1, -1, -1):
                a = bounds[k]
                b = bounds[k + 1] if k + 1 < len(bounds) else len(text)
                if a >= limit:
                    continue
                hi = min(b, limit)
                names_only = p == para and b >= pos  # the quote's own sentence: names only
                in_s = []
                for c in cands:
                    if a <= c[0] < hi and (not names_only or c[1] is not None):
                        in_s.append(c)
                if not in_s:
                    continue
                # a person the sentence has speak ("Jason Miller told ...") is its subject
                speaking = []
                for c in in_s:
                    if c[1] is not None and self._speaks(p, c[0]):
                        speaking.append(c)
                if speaking:
                    in_s = speaking + [c for c in in_s if c not in speaking]
                for c in in_s:
                    if c[1] is not None:
                        g = getattr(c[1], "gender", None)
                        if gender and g and g != gender:
                            continue
                        return c[1]
                    if c[2] == wl or (gender and c[2] != wl):
                        break  # the subject is a pronoun: look further back
        return None

    def last_person_before(self, para: int, pos: int) -> Ent | None:
        best: tuple[int, int] | None = None
        found = None
        for e in self.ents.items:
            if e.type != "person":
                continue
            for m in e.mentions:
                if (m.para, m.start) < (para, pos) and (best is None or (m.para, m.start) > best):
                    best = (m.para, m.start)
                    found = e
        return found

    def org_by_head(self, head: str, para: int, pos: int) -> Ent | None:
        cap = head[:1].upper() + head[1:]
        best = None
        best_pos: tuple[int, int] | None = None
        for e in self.ents.orgs:  # the organisations of ents.items, in its order
            # a word of the name is in the name: the substring test first (no list of words)
            if cap not in e.name or cap not in e.name.split():
                continue
            for m in e.mentions:
                if (m.para, m.start) < (para, pos) and (best_pos is None or (m.para, m.start) > best_pos):
                    best, best_pos = e, (m.para, m.start)
        return best

    # -- a speaker phrase -> an entity ---------------------------------------------------------
    def resolve(self, para: int, start: int, end: int, prefer_last: bool) -> tuple[Ent | None, int, int]:
        """The entity the phrase text[start:end] names; (ent, start, end) of what named it."""
        text = self.paragraphs[para]
        # the first (or last) person and organisation among the mentions within [start, end), found
        # in one loop over the paragraph's mentions, without a list of those mentions built first
        # (a call and a list, ~1.5k instructions a phrase). The mentions are not sorted by start
        # (see __init__): the one kept is the one of least start (the first of equal ones in the
        # list), or of greatest start (the last of equal ones) when prefer_last: the first and the
        # last of the list sorted by start with a stable sort.
        person = org = None
        for m in self.by_para.get(para, ()):
            s = m[0]
            if s < start or s >= end or m[1] > end:
                continue
            t = m[2].type
            if t == "person":
                if person is None or (s >= person[0] if prefer_last else s < person[0]):
                    person = m
            elif t == "organization":
                if org is None or (s >= org[0] if prefer_last else s < org[0]):
                    org = m
        if person is not None:
            m = person
            return m[2], m[0], m[1]
        phrase = text[start:end]
        pm = _PRONOUN.search(phrase)
        if pm:
            w = pm.group(1) or pm.group(2)
            at = start + pm.end() - len(w)
            who = self.pronoun(para, at, w)
            return who, at, start + pm.end()
        if org is not None:
            m = org
            return m[2], m[0], m[1]
        dm = _DESCR.search(phrase)
        if dm:
            head = dm.group(2)
            org = self.org_by_head(head, para, start)
            if org is not None:
                return org, start + dm.start(), start + dm.end()
        return None, start, end

    # -- one quotation -------------------------------------------------------------------------
    def after(self, q: RawQuote, next_open: int) -> Attribution | None:
        last = q.pieces[-1]
        text = self.paragraphs[last.para]
        if last.close_mark < 0:
            return None
        a = last.close_mark + 1
        near = min(next_open if next_open > a else len(text), _first_stop(text, a) + 1)
        att = self._name_cue(last.para, a, near)  # "Miller said.", read without the sentence's end
        if att is not None:
            return att
        b = min(next_open, sentence_end(text, a)) if next_open > a else sentence_end(text, a)
        return self._segment_after(last.para, a, b)

    def _name_cue(self, para: int, a: int, near: int) -> Attribution | None:
        """The attribution of `"...," Miller said.`, `"...," he added.`, `"...," the commission
        said`: a subject word (or two) and a cue, the first tokens after the quotation. What
        _segment_after(para, a, b) gives, read with one match (no sentence end, no token
        iterator: ~7k instructions a quotation), else None.

        `near` is at most the segment's end b (the first '.', '!' or '?' from a, after which b
        comes at the earliest, or the next opening mark, where b is then too): no token holds one
        of those characters, so the tokens before `near` are the first ones before b, the same.
        The rule taken is _segment_after's: the first word is no cue, no "according" and no
        adverb (then it is the subject's start), and the first cue is the second or third word,
        with no "according" before it."""
        m = _FIRST_WORDS.match(self.paragraphs[para], a, near)
        if m is None:
            return None
        cues = self.lex.cues
        first = m.group(1).lower()
        if first in cues or first == "according" or first in _ADVERBS:
            return None
        for k in (2, 3):
            word = m.group(k)
            if word is None:
                return None
            low = word.lower()
            if low == "according":
                return None
            if low in cues:
                return self._subject_cue(para, m.start(1), m.start(k), low)
        return None

    def _subject_cue(self, para: int, s0: int, ws: int, cue: str) -> Attribution:
        """The attribution of a subject text[s0:ws] before its cue ("Miller said", "the commission
        said", "Mr. X, the ..., said")."""
        ent, s, e = self.resolve(para, s0, ws, prefer_last=False)
        text = self.paragraphs[para]
        return Attribution(ent, text[s:e] if ent else (text[s0:ws].strip(" ,.") or None), (para, s, e), cue)

    def _segment_after(self, para: int, a: int, b: int) -> Attribution | None:
        text = self.paragraphs[para]
        # the tokens (words and , ; :) as match objects, read only up to the cue: a quotation's
        # cue is among its first words, and a tuple built for every token cost more than the rest
        # read lazily: the cue is among the first words, and the tokens after it are never looked at
        # (a list of all the sentence's tokens cost ~10k instructions a quotation)
        tokens = _WORD.finditer(text, a, b)
        k = -1  # index of the current word among the words
        only_adverbs = True  # the words before the current one are all adverbs ("also said")
        s_first = -1  # start of the first token
        for m in tokens:
            w = m.group()
            if s_first < 0:
                s_first = m.start()
            if w in ",;:":
                continue
            k += 1
            if k == 14:
                break
            low = w.lower()
            if low == "according":
                to = None  # the next word, looked for with an iterator of its own (the loop goes on when it is no "to")
                for t in _WORD.finditer(text, m.end(), b):
                    if t.group() not in ",;:":
                        to = t
                        break
                if to is not None and to.group() == "to":
                    s0 = to.end()
                    ent, s, e = self.resolve(para, s0, b, prefer_last=False)
                    return Attribution(ent, text[s:e] if ent else text[s0:b].strip(" ,.") or None,
                                       (para, s, e), "according to")
            if low not in self.lex.cues:
                only_adverbs = only_adverbs and low in _ADVERBS
                continue
            ws, we = m.span()
            if only_adverbs:
                # cue first: "said Mr. Clyburn, the ...", "said his deputy spokesperson, Farhan Haq"
                s0 = we
                end = b
                cut = _RE2.search(text[s0:b])
                if cut:
                    end = s0 + cut.start()
                np_ = text[s0:end].lstrip()
                descr = np_[:1].islower() and not _RE3.match(np_)
                comma = text.find(",", s0, end)
                ent = None
                if descr and comma > 0:
                    ent, s, e = self.resolve(para, comma, end, prefer_last=False)
                if ent is None:
                    ent, s, e = self.resolve(para, s0, end, prefer_last=False)
                return Attribution(ent, text[s:e] if ent else (text[s0:end].strip(" ,.") or None), (para, s, e), low)
            return self._subject_cue(para, s_first, ws, low)  # the subject before the cue
        return None

    def before(self, q: RawQuote) -> Attribution | None:
        first = q.pieces[0]
        text = self.paragraphs[first.para]
        if first.open_mark < 0:
            return None
        b = first.open_mark
        a = sentence_start(text, b)
        seg = text[a:b]
        if not seg.strip() and first.para > 0 and self.paragraphs[first.para - 1].rstrip().endswith(":"):
            # "Millikin University's Media Coordinator Dane Lisser wrote:" ends the paragraph before
            pp = first.para - 1
            text = self.paragraphs[pp]
            b = len(text.rstrip())
            a = sentence_start(text, b - 1)
            seg = text[a:b]
            first = type(first)(pp, b, b, b, -1)
        cm = None  # the first cue word (a loop that stops there, not a list of all of them)
        cues = self.lex.cues
        for m in _WORD.finditer(seg):
            if m.group(0).lower() in cues:
                cm = m
                break
        if cm is None:
            if seg.rstrip().endswith(":"):
                ent, s, e = self.resolve(first.para, a, b, prefer_last=True)
                if ent is not None:
                    return Attribution(ent, text[s:e], (first.para, s, e), None)
            return None
        ent, s, e = self.resolve(first.para, a, a + cm.start(), prefer_last=True)
        if ent is None and a + cm.start() == a:
            return None
        if ent is None:
            return Attribution(None, text[a:a + cm.start()].strip(" ,") or None, (first.para, a, a + cm.start()), cm.group(0).lower())
        return Attribution(ent, text[s:e], (first.para, s, e), cm.group(0).lower())


def attribute(paragraphs: list[str], quotes: list[RawQuote], ents: Entities, lex: Lexicon) -> list[Attribution | None]:
    r = Resolver(paragraphs, ents, lex, quotes)
    out: list[Attribution | None] = []
    prev: tuple[RawQuote, Attribution | None] | None = None
    for i, q in enumerate(quotes):
        if q.kind != "direct":
            out.append(None)
            continue
        nxt = quotes[i + 1] if i + 1 < len(quotes) else None
        last = q.pieces[-1]
        next_open = nxt.pieces[0].open_mark if nxt is not None and nxt.pieces[0].para == last.para else -1
        att = r._segment_after(*q.interrupt) if q.interrupt is not None else None
        if att is None or att.speaker is None:
            att = r.after(q, next_open) or att
        if att is None or (att.speaker is None and att.text is None):
            att2 = r.before(q)
            if att2 is not None:
                att = att2
        if att is None and prev is not None and prev[1] is not None and prev[1].speaker is not None:
            pq = prev[0]
            first = q.pieces[0]
            ptext = paragraphs[first.para]
            starts_para = first.open_mark >= 0 and not ptext[:first.open_mark].strip()
            same_para = pq.pieces[-1].para == first.para
            follows = pq.pieces[-1].para == first.para - 1 and starts_para
            if same_para or follows:
                att = Attribution(prev[1].speaker, None, None, None)
        if att is not None and att.speaker is not None:
            r.last_speaker = att.speaker
        out.append(att)
        prev = (q, att)
    return out


__all__ = ["attribute", "Attribution", "sentence_end", "sentence_start"]
