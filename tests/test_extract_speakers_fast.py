"""The fast forms in speakers.py's attribution (a lazy token scan that stops at the cue, a plain loop for the mentions in a span, sentence
ends computed only for paragraphs with candidates, the first cue found by a loop that stops, the
`Name said` after a quotation read with one match and no sentence end, the quoted pieces of a
paragraph gathered when asked, the organisations searched in ents.orgs) give exactly what the
plain forms they replace give.

Why: those forms save ~150k instructions per parse of the seed; each test runs the whole
attribution with the plain methods (copied here as they were) and with the fast ones, on every
fixture and corpus article (and lower-/upper-case copies) and on generated text made of the
pieces that matter (cue words, "according to", pronouns, quotation marks), and compares the
Attributions.
"""

from __future__ import annotations

from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convert.extract as X
from convert.extract import entities as E
from convert.extract import quotes as Q
from convert.extract import speakers as S

from article_texts import article_texts, extraction_paragraphs


class PlainResolver(S.Resolver):
    """speakers.Resolver with resolve (and the mentions_in it read), pronoun, after (without the
    two-word reading, _name_cue), _segment_after, before, _quoted and org_by_head as they were."""

    def __init__(self, paragraphs, ents, lex, quotes=()):
        super().__init__(paragraphs, ents, lex, quotes)
        # the mentions of each paragraph sorted by start (a stable sort), as they were: the fast
        # Resolver keeps them unsorted
        self.by_para = {}
        for e in ents.items:
            for m in e.mentions:
                if m.para >= 0:
                    self.by_para.setdefault(m.para, []).append((m.start, m.end, e))
        for v in self.by_para.values():
            v.sort(key=lambda t: t[0])
        self.inside = {}  # every paragraph's quoted pieces, up front
        for q in quotes:
            for p in q.pieces:
                self.inside.setdefault(p.para, []).append((p.start, p.end))

    def after(self, q: RawQuote, next_open: int) -> S.Attribution | None:
        last = q.pieces[-1]
        text = self.paragraphs[last.para]
        if last.close_mark < 0:
            return None
        a = last.close_mark + 1
        b = min(next_open, S.sentence_end(text, a)) if next_open > a else S.sentence_end(text, a)
        return self._segment_after(last.para, a, b)

    def _quoted(self, para: int, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.inside.get(para, ()))

    def org_by_head(self, head: str, para: int, pos: int) -> object:
        cap = head[:1].upper() + head[1:]
        best = None
        best_pos = None
        for e in self.ents.items:
            if e.type != "organization" or cap not in e.name.split():
                continue
            for m in e.mentions:
                if (m.para, m.start) < (para, pos) and (best_pos is None or (m.para, m.start) > best_pos):
                    best, best_pos = e, (m.para, m.start)
        return best

    def resolve(self, para: int, start: int, end: int, prefer_last: bool) -> tuple[object, int, int]:
        """The entity the phrase text[start:end] names; (ent, start, end) of what named it."""
        text = self.paragraphs[para]
        ms = self.mentions_in(para, start, end)
        persons = [m for m in ms if m[2].type == "person"]
        if persons:
            m = persons[-1] if prefer_last else persons[0]
            return m[2], m[0], m[1]
        phrase = text[start:end]
        pm = S._PRONOUN.search(phrase)
        if pm:
            w = pm.group(1) or pm.group(2)
            at = start + pm.end() - len(w)
            who = self.pronoun(para, at, w)
            return who, at, start + pm.end()
        orgs = [m for m in ms if m[2].type == "organization"]
        if orgs:
            m = orgs[-1] if prefer_last else orgs[0]
            return m[2], m[0], m[1]
        dm = S._DESCR.search(phrase)
        if dm:
            head = dm.group(2)
            org = self.org_by_head(head, para, start)
            if org is not None:
                return org, start + dm.start(), start + dm.end()
        return None, start, end

    def mentions_in(self, para: int, start: int, end: int) -> list:
        ms = self.by_para.get(para, [])
        i = bisect_left(ms, (start, -1))
        out = []
        while i < len(ms) and ms[i][0] < end:
            if ms[i][1] <= end:
                out.append(ms[i])
            i += 1
        return out

    def pronoun(self, para: int, pos: int, word: str) -> object:
        """The person a he/she before `pos` refers to: the subject (first person named, outside
        quotations) of the nearest sentence before that names one; a sentence whose subject is the
        same pronoun passes the search on to the one before it."""
        gender = {"he": "m", "she": "f"}.get(word.lower())
        for p in range(para, max(-1, para - 6), -1):
            text = self.paragraphs[p]
            limit = pos if p == para else len(text)
            bounds = self._sentences(p)
            cands: list[tuple[int, object, str]] = []
            for (a, b, e) in self.by_para.get(p, []):
                if a < limit and e.type == "person" and not self._quoted(p, a):
                    cands.append((a, e, ""))
            for m in S._PRONOUN.finditer(text, 0, limit):
                w = m.group(1) or m.group(2)
                at = m.end() - len(w)
                if not self._quoted(p, at):
                    cands.append((at, None, w.lower()))
            if not cands:
                continue
            cands.sort(key=lambda c: c[0])
            # sentences from the last one before pos back to the first
            for k in range(len(bounds) - 1, -1, -1):
                a = bounds[k]
                b = bounds[k + 1] if k + 1 < len(bounds) else len(text)
                if a >= limit:
                    continue
                in_s = [c for c in cands if a <= c[0] < min(b, limit)]
                if p == para and b >= pos:
                    in_s = [c for c in in_s if c[1] is not None]  # the quote's own sentence: names only
                # a person the sentence has speak ("Jason Miller told ...") is its subject
                speaking = [c for c in in_s if c[1] is not None and self._speaks(p, c[0])]
                if speaking:
                    in_s = speaking + [c for c in in_s if c not in speaking]
                for c in in_s:
                    if c[1] is not None:
                        g = getattr(c[1], "gender", None)
                        if gender and g and g != gender:
                            continue
                        return c[1]
                    if c[2] == word.lower() or (gender and c[2] != word.lower()):
                        break  # the subject is a pronoun: look further back
        return None

    def _segment_after(self, para: int, a: int, b: int) -> S.Attribution | None:
        text = self.paragraphs[para]
        # the tokens (words and , ; :) as match objects, read only up to the cue: a quotation's
        # cue is among its first words, and a tuple built for every token cost more than the rest
        tokens = list(S._WORD.finditer(text, a, b))
        k = -1  # index of the current word among the words
        only_adverbs = True  # the words before the current one are all adverbs ("also said")
        for i, m in enumerate(tokens):
            w = m.group()
            if w in ",;:":
                continue
            k += 1
            if k == 14:
                break
            low = w.lower()
            if low == "according":
                to = next((t for t in tokens[i + 1:] if t.group() not in ",;:"), None)
                if to is not None and to.group() == "to":
                    s0 = to.end()
                    ent, s, e = self.resolve(para, s0, b, prefer_last=False)
                    return S.Attribution(ent, text[s:e] if ent else text[s0:b].strip(" ,.") or None,
                                       (para, s, e), "according to")
            if low not in self.lex.cues:
                only_adverbs = only_adverbs and low in S._ADVERBS
                continue
            ws, we = m.span()
            if only_adverbs:
                # cue first: "said Mr. Clyburn, the ...", "said his deputy spokesperson, Farhan Haq"
                s0 = we
                end = b
                cut = S._RE2.search(text[s0:b])
                if cut:
                    end = s0 + cut.start()
                np_ = text[s0:end].lstrip()
                descr = np_[:1].islower() and not S._RE3.match(np_)
                comma = text.find(",", s0, end)
                ent = None
                if descr and comma > 0:
                    ent, s, e = self.resolve(para, comma, end, prefer_last=False)
                if ent is None:
                    ent, s, e = self.resolve(para, s0, end, prefer_last=False)
                return S.Attribution(ent, text[s:e] if ent else (text[s0:end].strip(" ,.") or None), (para, s, e), low)
            # subject before the cue: "Miller said", "the commission said", "Mr. X, the ..., said"
            s0 = tokens[0].start()
            ent, s, e = self.resolve(para, s0, ws, prefer_last=False)
            return S.Attribution(ent, text[s:e] if ent else (text[s0:ws].strip(" ,.") or None), (para, s, e), low)
        return None

    def before(self, q: RawQuote) -> S.Attribution | None:
        first = q.pieces[0]
        text = self.paragraphs[first.para]
        if first.open_mark < 0:
            return None
        b = first.open_mark
        a = S.sentence_start(text, b)
        seg = text[a:b]
        if not seg.strip() and first.para > 0 and self.paragraphs[first.para - 1].rstrip().endswith(":"):
            # "Millikin University's Media Coordinator Dane Lisser wrote:" ends the paragraph before
            pp = first.para - 1
            text = self.paragraphs[pp]
            b = len(text.rstrip())
            a = S.sentence_start(text, b - 1)
            seg = text[a:b]
            first = type(first)(pp, b, b, b, -1)
        cues = [m for m in S._WORD.finditer(seg) if m.group(0).lower() in self.lex.cues]
        if not cues:
            if seg.rstrip().endswith(":"):
                ent, s, e = self.resolve(first.para, a, b, prefer_last=True)
                if ent is not None:
                    return S.Attribution(ent, text[s:e], (first.para, s, e), None)
            return None
        cm = cues[0]
        ent, s, e = self.resolve(first.para, a, a + cm.start(), prefer_last=True)
        if ent is None and a + cm.start() == a:
            return None
        if ent is None:
            return S.Attribution(None, text[a:a + cm.start()].strip(" ,") or None, (first.para, a, a + cm.start()), cm.group(0).lower())
        return S.Attribution(ent, text[s:e], (first.para, s, e), cm.group(0).lower())


def _attributions(paras: list[str], resolver: type) -> list:
    lex = X.lexicon(None)
    ents, _notes = E.find_entities(paras, lex)
    raws, _stray = Q.scan(paras, [False] * len(paras))
    raws = X.merge_interrupted(paras, raws, lex)
    for q in raws:
        q.kind = Q.classify(paras, q, lex)
    saved = S.Resolver
    S.Resolver = resolver
    try:
        return S.attribute(paras, raws, ents, lex)
    finally:
        S.Resolver = saved


def _check(paras: list[str]) -> None:
    fast = _attributions(paras, S.Resolver)
    plain = _attributions(paras, PlainResolver)
    assert fast == plain, paras


def _resolver_pairs(texts: list[str], quotes: str | None = "scanned"):
    """(paragraphs, Resolver, PlainResolver) of each text, both resolvers over the same entities
    and quotations: none (`quotes` None), as scanned ("scanned"), or merged as extract merges
    them ("merged")."""
    lex = X.lexicon(None)
    for text in texts:
        paras = extraction_paragraphs(text.encode("utf-8"))
        ents, _notes = E.find_entities(paras, lex)
        raws = ()
        if quotes is not None:
            raws, _stray = Q.scan(paras, [False] * len(paras))
            if quotes == "merged":
                raws = X.merge_interrupted(paras, raws, lex)
        yield paras, S.Resolver(paras, ents, lex, raws), PlainResolver(paras, ents, lex, raws)


def test_pronoun_is_the_plain_search(shared):
    # every he/she of every article (quotations included: their marks make the quoted stretches)
    n = 0
    for paras, fast, plain in _resolver_pairs(article_texts(shared), quotes="scanned"):
        for p, t in enumerate(paras):
            for m in S._PRONOUN.finditer(t):
                w = m.group(1) or m.group(2)
                at = m.end() - len(w)
                for word in (w, "they"):
                    assert fast.pronoun(p, at, word) is plain.pronoun(p, at, word), (t, at, word)
                    n += 1
    assert n > 100


def test_resolve_is_the_plain_rule(shared):
    n = 0
    for paras, fast, plain in _resolver_pairs(article_texts(shared)[:60], quotes="scanned"):
        for p, t in enumerate(paras):
            for start in range(0, len(t) + 1, 11):
                for end in (start + 3, start + 30, start + 90, len(t)):
                    for last in (False, True):
                        f, g = fast.resolve(p, start, end, last), plain.resolve(p, start, end, last)
                        assert f[0] is g[0] and f[1:] == g[1:], (t, start, end, last)
                        n += 1
    assert n > 1000


def test_after_is_the_plain_reading(shared):
    # a quotation closing at every few positions of every paragraph, alone or with a next one:
    # after's two-word reading (_name_cue) and the plain token loop to the sentence's end agree
    n = fast_ones = 0
    for paras, fast, plain in _resolver_pairs(article_texts(shared)[::3], quotes=None):
        for p, t in enumerate(paras):
            for close in range(0, len(t), 4):
                q = Q.RawQuote([Q.Piece(p, 0, close, -1, close)])
                for nxt in (-1, close + 7, t.find("'", close + 1)):
                    got = fast.after(q, nxt)
                    assert got == plain.after(q, nxt), (t, close, nxt)
                    n += 1
                near = min(nxt if nxt > close + 1 else len(t), S._first_stop(t, close + 1) + 1)
                fast_ones += fast._name_cue(p, close + 1, near) is not None
    assert n > 10000 and fast_ones > 500


def test_org_by_head_is_the_plain_search(shared):
    # every word of every entity's name (people's and places' too: only organisations may answer)
    n = 0
    for paras, fast, plain in _resolver_pairs(article_texts(shared)[:60], quotes=None):
        heads = sorted({w.lower() for e in fast.ents.items for w in e.name.split()} | {"commission", "ministry"})
        for head in heads:
            for p in range(len(paras) + 1):
                for pos in (0, 40, 10**6):
                    assert fast.org_by_head(head, p, pos) is plain.org_by_head(head, p, pos), (head, p, pos)
                    n += 1
    assert n > 1000


def test_quoted_is_the_plain_test(shared):
    # the quoted pieces of a paragraph gathered on demand, and all of them up front, agree everywhere
    n = 0
    for paras, fast, plain in _resolver_pairs(article_texts(shared)[:60], quotes="merged"):
        for p, t in enumerate(paras):
            for pos in range(len(t) + 1):
                assert fast._quoted(p, pos) is plain._quoted(p, pos), (t, pos)
                n += plain._quoted(p, pos)
    assert n > 1000  # positions inside quotations


def test_plain_resolver_is_used():
    # the swap in _attributions is real: attribute builds its Resolver through the module name
    calls = []

    class Spy(S.Resolver):
        def __init__(self, *a, **k):
            calls.append(1)
            super().__init__(*a, **k)

    _attributions(['"We will go," Miller said.'], Spy)
    assert calls == [1]


def test_same_attributions_on_articles(shared):
    n = 0
    for text in article_texts(shared):
        paras = extraction_paragraphs(text.encode("utf-8"))
        if paras:
            _check(paras)
            n += 1
    assert n > 10


@pytest.mark.parametrize("para", [
    '"We will go," according to Jason Miller, the spokesman.',
    '"We will go," according as it was, Miller said.',
    '"We will go," according, Miller said.',
    '"We will go," according said Miller.',  # the word after "according" is the cue: still read as one
    '"We will go," according also said Miller.',
    '"We will go," he said, according to Miller.',
    '"We will go,"',
    'Jason Miller said: "We will go."',
    'Miller also said "we will go" today.',
])
def test_same_attributions_on_cases(para):
    _check(["Jason Miller, the spokesman, spoke on Monday. He said it was fine.", para])


PIECES = ['"', "“", "”", "We will go", ",", ", ", ".", ". ", " ", "according", "to", "as", "said", "told", "added",
          "also", "he", "He", "she", "Jason Miller", "Miller", "the commission", "Human Rights Commission", ":", "\n\n",
          "Sarah Khan", "Mr.", "officials", "in a statement", "!", "?", ";", "9", "_", "é", "’s", "'", "''", "-", "(",
          "said.", "Miller said", "later"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join))
def test_same_attributions_on_generated_text(text):
    paras = [p for p in text.split("\n\n") if p.strip()]
    if paras:
        _check(["Jason Miller and Sarah Khan met the Human Rights Commission on Monday."] + paras)
