"""The reader's fast paths give exactly what their plain forms give.

Why: reading an article is on the hot path of every command, so several steps take a shortcut
for the common case (a byte-level look for characters the decoder must report, str.find instead
of a regex for line breaks, model objects built by `fast_constructor`, one-line paragraphs located
from their own span, organisation names tested in one pass). Each test here runs the shortcut and
the plain form it replaces on generated input (controls, C1 characters, noncharacters, every
line-break style, mixed) and on every fixture, and asserts the same answer.
"""

from __future__ import annotations

import copy
import re
import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convert
from convert import decode as dec
from convert import model
from convert.errors import InputError
from convert.result import Message
from convert.extract import _has_word, _clean_title, _settle_roles
from convert.extract.entities import Ent
from convert.extract.spans import ParaMap, ParaSpans
from convert.readers import layout, signoff
from convert.readers import text as text_reader
from convert.textpos import (LINE_BREAK, LineIndex, fast_constructor, line_breaks, line_pieces, line_starts,
                             uniform_line_break)
from plain_forms import plain_split_lines

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))
PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# characters each shortcut must notice: NUL, C0 and C1 controls, DEL, noncharacters, every line
# break, and look-alikes that must not count (NBSP and £ share the lead byte \xc2 with C1 controls,
# U+FFFD shares \xef\xbf with U+FFFE/U+FFFF)
SPECIALS = ["\x00", "\x01", "\x07", "\x08", "\t", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f", "\x80", "\x85",
            "\x9f", "\xa0", "£", "\ufffd", "\ufffe", "\uffff", "\ufeff", "\u2028", "’", "\U0001F600",
            "\n", "\r", "\r\n", "\n\n", " ", "a", "B.", "é"]
text_st = st.lists(st.one_of(st.sampled_from(SPECIALS), st.characters(blacklist_categories=("Cs",))),
                   max_size=80).map("".join)
lines_st = st.lists(st.sampled_from(["", " ", "Word", "  indented line", "A full sentence.", "x" * 45,
                                     "\tTab", "’quoted’"]), max_size=12)
break_st = st.sampled_from(["\n", "\r\n", "\r", None])  # None: a different break after each line


def _joined(lines: list[str], brk: str | None, data) -> str:
    breaks = [brk or data.draw(st.sampled_from(["\n", "\r\n", "\r"])) for _ in lines]
    return "".join(line + b for line, b in zip(lines, breaks)) + data.draw(st.sampled_from(["", "tail"]))


# -- decode ----------------------------------------------------------------------------------------

def _decode_both(data: bytes, monkeypatch) -> tuple[object, object]:
    """decode(data) with the byte-level shortcut, and with the full checks (shortcut disabled)."""
    def run():
        try:
            return dec.decode(data, "x.txt")
        except InputError as exc:
            return ("InputError", str(exc), exc.messages)
    fast = run()
    with monkeypatch.context() as m:
        m.setattr(dec, "_plain_utf8", lambda body: False)
        plain = run()
    return fast, plain


@PROPS
@given(text_st)
def test_plain_utf8_is_exactly_no_flagged_character(text):
    flagged = "\x00" in text or dec._ANY_NOTE.search(text) is not None
    assert dec._plain_utf8(text.encode("utf-8")) is (not flagged)
    if not flagged:
        assert dec._CONTROL.search(text) is None  # the binary check is a subset


@PROPS
@given(text_st, st.sampled_from([b"", b"\xef\xbb\xbf"]))
def test_decode_same_with_and_without_shortcut(text, bom):
    with pytest.MonkeyPatch.context() as mp:
        fast, plain = _decode_both(bom + text.encode("utf-8"), mp)
    assert fast == plain


@PROPS
@given(st.binary(max_size=60))
def test_decode_same_on_any_bytes(data):
    with pytest.MonkeyPatch.context() as mp:
        fast, plain = _decode_both(data, mp)
    assert fast == plain


@PROPS
@given(text_st)
def test_line_ending_matches_counts(text):
    assert dec._line_ending(text) == dec.line_ending_style(text)[0]


# -- line breaks -----------------------------------------------------------------------------------

def _plain_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


@PROPS
@given(lines_st, break_st, st.data())
def test_line_starts_and_lines_match_the_regex(lines, brk, data):
    text = _joined(lines, brk, data)
    assert line_starts(text) == _plain_starts(text)
    assert LineIndex(text)._starts == _plain_starts(text)
    assert line_breaks(text) == [m.span() for m in LINE_BREAK.finditer(text)]
    assert layout.split_lines(text) == plain_split_lines(text)
    # the reader hands the line index's breaks to the layout pass: the same lines and blocks
    assert LineIndex(text).cut == line_pieces(text)
    assert layout.split_lines(text, LineIndex(text).cut) == plain_split_lines(text)
    assert layout.segment(text, LineIndex(text).cut) == layout.segment(text)
    kinds = {m.group() for m in LINE_BREAK.finditer(text)}
    assert uniform_line_break(text) == (kinds.pop() if len(kinds) == 1 else "\n" if not kinds else None)


@PROPS
@given(text_st)
def test_line_starts_on_odd_text(text):
    assert line_starts(text) == _plain_starts(text)
    assert layout.split_lines(text) == plain_split_lines(text)


# -- fast_constructor ------------------------------------------------------------------------------

_VALUES = st.one_of(st.none(), st.integers(-5, 500), st.text(max_size=5), st.booleans(), st.tuples())
FAST_CLASSES = [model.Span, model.Block, model.Dateline, model.Paragraph, model.Quote, model.Entity,
                model.DateMention, model.Source, model.Title, model.Article, dec.Decoded, layout.Line,
                layout.RawBlock, Message]


@pytest.mark.parametrize("cls", FAST_CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_fast_constructor_builds_the_same_object(cls, data):
    make = fast_constructor(cls)
    assert make is not cls  # the fast form is in use for every model class
    fields = dataclasses.fields(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING]
    args = [data.draw(_VALUES) for _ in required]
    kwargs = {f.name: data.draw(_VALUES) for f in fields[len(required):] if data.draw(st.booleans())}
    fast, plain = make(*args, **kwargs), cls(*args, **kwargs)
    assert type(fast) is cls
    assert fast == plain and repr(fast) == repr(plain)
    assert [getattr(fast, f.name) for f in fields] == [getattr(plain, f.name) for f in fields]
    try:
        assert hash(fast) == hash(plain)
    except TypeError:  # unhashable field values: both fail alike
        with pytest.raises(TypeError):
            hash(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(fast, fields[0].name, 1)
    assert copy.deepcopy(fast) == plain


def test_messages_make_builds_the_plain_message():
    """messages.make builds its Message with fast_constructor: the same object as Message(...)."""
    from convert import messages

    for code, fmt in (("NC201", {}), ("NC301", {"mark": '"'}), ("NC102", {"offset": 7, "encoding": "cp1252"})):
        entry = messages.CODES[code]
        for kw in ({}, {"line": 3, "col": 9, "file": "a.txt"}, {"path": "/x", "severity": "error"}):
            made = messages.make(code, **kw, **fmt)
            plain = Message(code=code, severity=kw.get("severity", entry.severity), text=entry.template.format(**fmt),
                            line=kw.get("line"), col=kw.get("col"), path=kw.get("path"), file=kw.get("file"),
                            hint=entry.hint)
            assert type(made) is Message and made == plain and hash(made) == hash(plain)


def test_fast_constructor_falls_back_for_other_classes():
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        a: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self):
            raise ValueError

    @dataclasses.dataclass(frozen=True, slots=True)
    class Hidden:
        a: int
        b: int = dataclasses.field(default=0, init=False)

    @dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        a: int

    for cls in (NoSlots, WithFactory, Checked, Hidden, KeywordOnly):
        assert fast_constructor(cls) is cls


# -- one-line paragraphs ---------------------------------------------------------------------------

def _check_paramaps(text: str) -> None:
    try:
        article = convert.parse(text).value
    except InputError:
        return
    index = LineIndex(text)
    triples, wants = [], []  # every span asked of one ParaSpans of all paragraphs at once
    for pi, para in enumerate(article.paragraphs):
        pm = ParaMap(para, index)
        n = len(para.text)
        for a, b in sorted({(0, n), (0, 0), (n, n), (n // 3, n // 2), (1, max(1, n - 1))}):
            if 0 <= a <= b <= n:
                want = index.span(pm.offset(a), pm.offset(b - 1) + 1 if b > a else pm.offset(a))
                assert pm.span(a, b) == want, (para, a, b)
                triples.append((pi, a, b))
                wants.append(want)
        triples.append((-1, para.span.start, para.span.end))  # paragraph -1: source offsets
        wants.append(index.span(para.span.start, para.span.end))
    got = ParaSpans(article.paragraphs, index).spans(triples)
    assert got == wants
    assert all(type(g) is model.Span for g in got)


@PROPS
@given(lines_st, break_st, st.data())
def test_paramap_spans_match_the_line_index(lines, brk, data):
    _check_paramaps(_joined(lines, brk, data))


@pytest.mark.parametrize("path", FIXTURES[:40], ids=lambda p: p.stem)
def test_paramap_spans_on_fixtures(path):
    raw = path.read_text(encoding="utf-8", errors="replace")
    for text in (raw, raw.replace("\n", "\r\n")):
        _check_paramaps(text)


# -- affiliations ----------------------------------------------------------------------------------

def _settle_roles_plain(ents, role_notes) -> None:
    """The plain form: each organisation in turn, each of its names in turn."""
    org_forms = [(org.key, [org.name] + ([org.acronym] if org.acronym else []) + [a for a in org.aliases if len(a) > 1])
                 for org in ents.items if org.type == "organization"]
    copies = []
    for person, title, context in role_notes:
        if context.startswith("\x00"):
            copies.append((person, ents.items[int(context[1:])]))
            continue
        title = _clean_title(title)
        if title and title not in person.titles and title.lower() not in (t.lower() for t in person.titles):
            person.titles.append(title)
        for key, forms in org_forms:
            if key not in person.affiliations:
                for f in forms:
                    if f in context and _has_word(context, f):
                        person.affiliations.append(key)
                        break
    for person, owner in copies:
        person.affiliations.extend(k for k in owner.affiliations if k not in person.affiliations)


def _clean_title_plain(title: str) -> str:
    """_clean_title without its shortcut for titles that need no change."""
    from convert.extract import _trim_title
    return _trim_title(title, title.split())


@PROPS
@given(st.lists(st.sampled_from(["Also", "also", "THE", "the", "Mr.", "mr", "Dr", "of", "Director", "UN", "Foreign",
                                 "Secretary", " ", "  ", "\t", "\n", "x", "Sir", "Meanwhile", "an"]), max_size=8).map("".join))
def test_clean_title_is_the_plain_loops(title):
    assert _clean_title(title) == _clean_title_plain(title)


class _Ents:
    def __init__(self, items):
        self.items = items
        self.orgs = [e for e in items if e.type == "organization"]


NAME_WORDS = ["Watch", "UN", "U", "Human Rights Watch", "HRW", "Amnesty", "Amnesty International", "Bank", "X"]


@PROPS
@given(st.data())
def test_settle_roles_matches_the_plain_loops(data):
    items = []
    for key in range(data.draw(st.integers(1, 6))):
        kind = data.draw(st.sampled_from(["organization", "person", "place"]))
        ent = Ent(key, kind, data.draw(st.sampled_from(NAME_WORDS)),
                  aliases=data.draw(st.lists(st.sampled_from(NAME_WORDS), max_size=3)),
                  acronym=data.draw(st.sampled_from([None, "", "HRW", "UN", "U"])),
                  affiliations=data.draw(st.lists(st.integers(0, 5), max_size=2, unique=True)),
                  titles=data.draw(st.lists(st.sampled_from(["Director", "director", "Mr."]), max_size=2)))
        items.append(ent)
    people = [e for e in items if e.type == "person"] or [items[0]]
    context_st = st.lists(st.sampled_from(NAME_WORDS + [" ", ", ", "at ", "of the ", "s", "-"]), max_size=8).map("".join)
    notes = []
    for _ in range(data.draw(st.integers(0, 6))):
        person = data.draw(st.sampled_from(people))
        context = data.draw(st.one_of(context_st, st.integers(0, len(items) - 1).map(lambda i: f"\x00{i}")))
        notes.append((person.key, data.draw(st.sampled_from(["", "Director", "the director of", "Also Mr."])), context))

    def run(settle):
        ents = _Ents(copy.deepcopy(items))
        settle(ents, [(ents.items[k], title, context) for k, title, context in notes])
        return [(e.titles, e.affiliations) for e in ents.items]

    assert run(_settle_roles) == run(_settle_roles_plain)


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r"])
def test_paramap_of_a_paragraph_over_lines(brk):
    """A paragraph whose text is its source slice but spans lines (the reader never makes one, a
    caller might): spans are searched, not taken from the first line."""
    text = f"ab{brk}cd{brk}"
    index = LineIndex(text)
    n = len(text) - len(brk)
    pm = ParaMap(model.Paragraph("p1", text[:n], index.span(0, n)), index)
    for a in range(n + 1):
        for b in range(a, n + 1):
            assert pm.span(a, b) == index.span(a, b)


# -- the derived title's first sentence ------------------------------------------------------------

_LEAD_SENTENCE_PLAIN = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@PROPS
@given(st.lists(st.sampled_from(["Word", "word", ".", "!", "?", " ", "  ", "\n", "\"", "“", "A", "U.S.",
                                 "...", "’", "x"]), max_size=30).map("".join))
def test_lead_sentence_end_matches_the_split(lead):
    end = text_reader._LEAD_SENTENCE_END.search(lead)
    assert (lead[:end.start() + 1] if end else lead) == _LEAD_SENTENCE_PLAIN.split(lead, maxsplit=1)[0]


# -- sign-offs -------------------------------------------------------------------------------------

_SIGNOFF_PLAIN = re.compile(
    r"(?:Reuters?|REUTERS?"
    r"|\(?(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Edited|Written|Contributing|Research"
    r"|Additional research) by [^\n]{1,300}\)?"
    r"|\((?P<agency>[A-Za-z]{2,10})\)"
    r"|(?P<bare>[A-Z][A-Za-z]{1,9})"
    r"|-{2,}|#{1,3}|[-=_*]{3,}"
    r"|(?:--|—|–)\s*[A-Z][\w .,+()/'&-]{0,60}"
    r"|Contribut(?:ing|ors?):\s*[^\n]{1,200}"
    r"|[^\n]{0,200}\bcontributed(?: additional)? (?:reporting|research|to this (?:report|story|article))[^\n]{0,120}"
    r"|(?P<credit>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:reports|writes|reported) (?:for|from) [^\n]{1,200})"
    r"|(?:©|\([cC]\)|Copyright)\s*(?:\d{4})?[^\n]{0,200})"
)


def _is_signoff_plain(text: str) -> bool:
    """The plain form: one alternation of every sign-off form."""
    text = text.strip()
    if not text or len(text.split()) > signoff._MAX_WORDS:
        return False
    m = _SIGNOFF_PLAIN.fullmatch(text)
    if m is None:
        return False
    bare = m.group("bare") or m.group("agency")
    if bare is not None:
        return bare.upper() in signoff._AGENCIES
    if m.group("credit") is not None:
        return len(text.split()) <= signoff._CREDIT_MAX_WORDS and not signoff._REPORTED_SPEECH.search(text)
    return True


SIGNOFF_PIECES = ["Reuter", "REUTERS", "(AP)", "(Reporting by Jane Doe; Editing by Bo Li)", "AFP", "Xx", "--", "###",
                  "-- Bucharest Newsroom +40-1 3120264", "Contributing: Ann Lee", "Jo Bloggs contributed reporting.",
                  "contributed research", "Glorioso reports for Naples Daily News.", "CNN reported from Baghdad that",
                  "© 2018 Los Angeles Times", "(c) Copyright", "said", "who", " ", "\n", "x" * 30, "Smith"]


@PROPS
@given(st.lists(st.sampled_from(SIGNOFF_PIECES), min_size=1, max_size=5).map(" ".join))
def test_signoff_matches_one_alternation(text):
    assert signoff.is_signoff(text) == _is_signoff_plain(text)


def test_signoff_forms_keep_their_order():
    """A line that is both a credit with reported speech (not a sign-off) and a `contributed
    reporting` line (a sign-off): the earlier form in the alternation decides."""
    text = "Jo Bloggs reported from Kabul, where Ann Lee contributed reporting."
    assert signoff.is_signoff(text) is _is_signoff_plain(text) is True


def test_signoff_on_fixture_paragraphs():
    for path in FIXTURES:
        for block in path.read_text(encoding="utf-8", errors="replace").splitlines():
            assert signoff.is_signoff(block) == _is_signoff_plain(block), block


# -- headline ends ---------------------------------------------------------------------------------

@PROPS
@given(st.lists(st.sampled_from(["A", "b", " ", ".", ",", ";", "!", "?", ":", "\"", "”", "\n", "..."]),
                max_size=8).map("".join))
def test_line_end_searches_from_the_tail(text):
    for pattern in (text_reader._NON_HEADLINE_END, text_reader._LONE_LINE_END):
        assert bool(pattern.search(text, len(text) - 2)) == bool(pattern.search(text))


@PROPS
@given(st.one_of(text_st, st.text(alphabet=st.characters(max_codepoint=127), max_size=60)))
def test_case_counts_match_str_methods(text):
    assert text_reader._case_counts(text) == (sum(map(str.isupper, text)), sum(map(str.islower, text)))


_DL_ALPHABET = st.sampled_from(list("AaBNYTWJMDSo. ,:;-–—―‒_()/'\"”!?\n\t") + ["Jan.", "Sept.", "March", "12", "2024",
                                                                                 "(AP)", "/PRNewswire/", " -- ",
                                                                                 "NEW YORK", "Monday, ", " de "])


def _dateline_cases() -> list[str]:
    paras = []
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8", errors="replace")
        paras += [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()][:8]
    return paras


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_DL_ALPHABET, max_size=14).map("".join))
def test_dateline_prefilter_never_skips_a_match(text):
    """dateline._may_match says False only where the pattern it stands for finds no match."""
    from convert.readers import dateline as dl
    for para in (text, "WASHINGTON" + text, "Geneva" + text, text + "."):
        prefix, credit, line = dl._may_match(para)
        assert prefix or dl.DATELINE_PREFIX.match(para) is None
        assert credit or dl.DATELINE_CREDIT.match(para) is None
        assert line or dl.DATELINE_LINE.match(para) is None


def test_dateline_prefilter_on_fixture_paragraphs():
    from convert.readers import dateline as dl
    cases = _dateline_cases() + ["LONDON, 12 Jan.", "LONDON, 12 Jan. ", "NEW YORK, March 3 -", "DILI (AP) 2024-01-02\n",
                                 "The lead ends here.", "Paris, 3 May (AFP)", "Paris (AFP)Senate votes", "ISLAMABAD: The"]
    for para in cases:
        prefix, credit, line = dl._may_match(para)
        assert prefix or dl.DATELINE_PREFIX.match(para) is None, para
        assert credit or dl.DATELINE_CREDIT.match(para) is None, para
        assert line or dl.DATELINE_LINE.match(para) is None, para
    assert dl.DATELINE_LINE.match("LONDON, 12 Jan.") and dl._may_match("LONDON, 12 Jan.")[2]


def test_lexicon_without_paths_is_the_plain_build(monkeypatch):
    """lexicon()'s shortcut for no $NEWSCONV_WORDS and no `extra` gives the word lists the plain
    path builds (an empty tuple of paths); a value of separators only still takes the plain path."""
    import importlib
    import os
    lx = importlib.import_module("convert.extract.lexicon")
    monkeypatch.delenv(lx.ENV_VAR, raising=False)
    assert lx.lexicon() is lx._build(tuple(str(Path(p)) for p in [p for p in "".split(os.pathsep) if p]))
    monkeypatch.setenv(lx.ENV_VAR, "")
    assert lx.lexicon(None) is lx._build(())
    monkeypatch.setenv(lx.ENV_VAR, os.pathsep)
    assert lx.lexicon(None) is lx._build(())
