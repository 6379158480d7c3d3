"""The structure reader's shortcuts give exactly what their plain forms give.

Why: the layout pass reads a text's lines as parallel lists cut by `textpos.line_pieces` (not a
Line object per line), the line index makes the spans of all blocks in one walk
(`LineIndex.spans`), and a one-line block's `raw` is not sliced out of the source to be compared.
Each test runs the shortcut and the plain form it replaces (the Line-object layout pass as it was
written, `LineIndex.span` per pair, the regex cut) on generated texts (every line-break style and
mixes, blank and whitespace-only lines, indented and hard-wrapped paragraphs, sign-off lines,
hyphen breaks) and on every fixture in several line-break forms, and asserts the same answer.
"""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convert
from conftest import SHARED, corpus_articles, fixture_articles
from convert import model
from convert.errors import InputError
from convert.readers import layout
from convert.readers import text as text_reader
from convert.readers.signoff import is_signoff
from convert.textpos import LINE_BREAK, LineIndex, _line_pieces_by_regex, line_pieces
from plain_forms import plain_split_lines

PROPS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- the layout pass as it was written: a Line object per line ------------------------------------


def _plain_groups(lines):
    groups, current = [], []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def _plain_is_hard_wrapped(group) -> bool:
    if len(group) < 2:
        return False
    widths = []
    for ln in group:
        width = len(ln.text.rstrip())
        if width > layout.WRAP_WIDTH:
            return False
        widths.append(width)
    widest = max(widths)
    if widest < layout.MIN_WRAP_WIDTH:
        return False
    body = widths[:-1]
    if sorted(body)[len(body) // 2] < 0.6 * widest:
        return False
    run_on = sum(1 for ln, nxt in zip(group, group[1:])
                 if not layout._SENTENCE_END.search(ln.text) or nxt.text.lstrip()[:1].islower())
    return run_on >= 0.5 * (len(group) - 1)


def _plain_line_block(line):
    text = line.text.strip()
    start = line.start + line.text.find(text[:1]) if text else line.start
    return layout.RawBlock(start, start + len(text), text, 1)


def _plain_block(lines):
    if len(lines) == 1:
        return _plain_line_block(lines[0])
    first, last = lines[0], lines[-1]
    lead = len(first.text) - len(first.text.lstrip())
    trail = len(last.text) - len(last.text.rstrip())
    return layout.RawBlock(first.start + lead, last.end - trail, layout._rejoin([ln.text.strip() for ln in lines]),
                           len(lines))


def _plain_wrapped_blocks(group):
    if not any(ln.indented for ln in group[1:]):
        paras = [group]
    else:
        paras = []
        for ln in group:
            if ln.indented or not paras:
                paras.append([ln])
            else:
                paras[-1].append(ln)
    last = paras[-1]
    if len(last) > 1 and is_signoff(last[-1].text):
        paras[-1:] = [last[:-1], last[-1:]]
    return [_plain_block(p) for p in paras]


def _plain_segment(text: str):
    groups = _plain_groups(plain_split_lines(text))
    if not groups:
        return "empty", []
    blocks, wrapped = [], False
    for group in groups:
        if len(group) == 1:
            blocks.append(_plain_line_block(group[0]))
            continue
        rest_wrapped = _plain_is_hard_wrapped(group[1:])
        if _plain_is_hard_wrapped(group) or (rest_wrapped and group[0].indented):
            wrapped = True
            blocks.extend(_plain_wrapped_blocks(group))
        elif rest_wrapped:
            wrapped = True
            blocks.append(_plain_line_block(group[0]))
            blocks.extend(_plain_wrapped_blocks(group[1:]))
        else:
            blocks += [_plain_line_block(ln) for ln in group]
    if wrapped:
        return "hard-wrapped", blocks
    if len(groups) > 1:
        return "blank-lines", blocks
    return ("line-per-paragraph" if len(groups[0]) > 1 else "single-block"), blocks


# -- generated texts --------------------------------------------------------------------------------

_PROSE = ("The protests, led by supporters of the former prime minister, have highlighted deepening "
          "tensions and sparked global concern among observers in the region and well beyond it. "
          "Officials said on Tuesday that talks would resume, and a one-third share was agreed.")
LINE_PIECES = ["", " ", "\t", "  \t ", "Reuter", "(AP)", "-- Bucharest Newsroom +40-1 3120264", "TITLE LINE",
               "short", "x" * 95, "  Indented start of a paragraph that goes on", "\tTabbed start",
               "ends with a hyphen one-", "third of it", "lower case goes on", "A full sentence.",
               "’Quoted’ line é", "\x0b\x0c", "\u2028", "\x85"] + textwrap.wrap(_PROSE, 60) + textwrap.wrap(_PROSE, 80)
lines_st = st.lists(st.one_of(st.sampled_from(LINE_PIECES),
                              st.builds(lambda lead, w: lead + "w" * w, st.sampled_from(["", " ", "  "]),
                                        st.integers(0, 100))), max_size=16)
break_st = st.sampled_from(["\n", "\r\n", "\r", None])  # None: a different break after each line


def _joined(lines: list[str], brk: str | None, data) -> str:
    breaks = [brk or data.draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])) for _ in lines]
    return "".join(line + b for line, b in zip(lines, breaks)) + data.draw(st.sampled_from(["", "tail", " \n"]))


def _wrapped_article(data) -> str:
    """A hard-wrapped article: a title, paragraphs wrapped at a drawn width, indented or blank-line
    separated, a sign-off under the last line or not."""
    width = data.draw(st.integers(30, 95))
    indent = data.draw(st.sampled_from(["", "  ", "\t"]))
    sep = data.draw(st.sampled_from(["\n", "\n\n"]))
    paras = [indent + "\n".join(textwrap.wrap(_PROSE[:data.draw(st.integers(20, len(_PROSE)))], width))
             for _ in range(data.draw(st.integers(1, 4)))]
    text = data.draw(st.sampled_from(["", "TITLE ABOVE\n", "Title above\n\n"])) + sep.join(paras)
    text += data.draw(st.sampled_from(["", "\nReuter", "\n\nReuter\n", "\n"]))
    return text.replace("\n", data.draw(st.sampled_from(["\n", "\r\n", "\r"])))


def _variants(text: str) -> list[str]:
    flat = text.replace("\r\n", "\n").replace("\r", "\n")
    rewrapped = "\n\n".join("\n".join(textwrap.wrap(p, 70)) for p in flat.split("\n") if p.strip())
    return [text, flat.replace("\n", "\r\n"), flat.replace("\n", "\r"), rewrapped, "  " + rewrapped.replace("\n\n", "\n  ")]


def _inputs() -> list[str]:
    texts = []
    for path in fixture_articles() + corpus_articles()[:40]:
        texts += _variants(path.read_text(encoding="utf-8", errors="replace"))
    return texts


# -- the checks ---------------------------------------------------------------------------------------

def _check_layout(text: str) -> None:
    want = _plain_segment(text)
    index = LineIndex(text)
    assert layout.segment(text) == want
    assert layout.segment(text, index.cut) == want
    assert layout.split_lines(text) == plain_split_lines(text)
    assert layout.split_lines(text, index.cut) == plain_split_lines(text)
    for block in want[1]:  # what the reader's _entries relies on: a one-line block is its source slice
        assert (text[block.start:block.end] == block.text) is (block.lines == 1)


def _check_cut(text: str) -> None:
    starts, pieces = line_pieces(text)
    assert (starts, pieces) == _line_pieces_by_regex(text)
    assert pieces == LINE_BREAK.split(text)
    assert all(text[s:s + len(p)] == p for s, p in zip(starts, pieces))


def _check_raw_fields(text: str) -> None:
    """Every block of the parsed model has raw = its source slice when that differs from its
    text, else None (the reader takes a one-line block's raw as None without comparing)."""
    try:
        article = convert.parse(text).value
    except InputError:
        return
    for p in article.paragraphs:  # made inline from Paragraph's twin: the same objects as Paragraph(...)
        plain = model.Paragraph(p.id, p.text, p.span, p.raw, p.sep)
        assert type(p) is model.Paragraph and p == plain and hash(p) == hash(plain) and repr(p) == repr(plain)
    decoded = model.rebuild_source(article)  # the decoded text (lossless: tested elsewhere)
    for block in model.blocks_in_order(article):
        raw = decoded[block.span.start:block.span.end]
        assert block.raw == (None if raw == block.text else raw)


@PROPS
@given(lines_st, break_st, st.data())
def test_layout_matches_the_line_objects(lines, brk, data):
    text = _joined(lines, brk, data)
    _check_layout(text)
    _check_cut(text)


@PROPS
@given(st.data())
def test_layout_of_wrapped_articles_matches_the_line_objects(data):
    text = _wrapped_article(data)
    _check_layout(text)
    _check_raw_fields(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines_st, break_st, st.data())
def test_model_raw_fields_are_the_compared_slices(lines, brk, data):
    _check_raw_fields(_joined(lines, brk, data))


@PROPS
@given(st.text(max_size=60))
def test_cut_on_any_text(text):
    _check_cut(text)
    _check_layout(text)


def test_layout_and_raw_fields_on_fixtures():
    texts = _inputs()
    assert len(texts) >= 5 * len(fixture_articles())
    for text in texts:
        _check_layout(text)
        _check_cut(text)
        _check_raw_fields(text)


# -- spans of many pairs ------------------------------------------------------------------------------

@PROPS
@given(lines_st, break_st, st.data())
def test_spans_match_span_per_pair(lines, brk, data):
    text = _joined(lines, brk, data)
    index = LineIndex(text)
    n = len(text)
    offset = st.integers(-2, n + 2)
    pairs = data.draw(st.lists(st.tuples(offset, offset), max_size=12))
    if data.draw(st.booleans()):  # the reader's case: ordered, not overlapping
        flat = sorted(x for pair in pairs for x in pair)
        pairs = list(zip(flat[0::2], flat[1::2]))
    got = index.spans(pairs)
    assert got == [index.span(s, e) for s, e in pairs]
    assert all(type(g) is model.Span for g in got)


@pytest.mark.parametrize("path", fixture_articles()[:12], ids=lambda p: p.stem)
def test_spans_of_block_bounds_on_fixtures(path):
    for text in _variants(path.read_text(encoding="utf-8", errors="replace")):
        index = LineIndex(text)
        pairs = [(b.start, b.end) for b in layout.segment(text)[1]]
        pairs += [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
        assert index.spans(pairs) == [index.span(s, e) for s, e in pairs]


# -- the derived title ----------------------------------------------------------------------------------

_LEAD_CLAUSE_PLAIN = re.compile(r",\s+|\s+[–—-]\s+|;\s+|:\s+")


def _derive_title_plain(lead: str) -> tuple[str, bool, str]:
    """derive_title(None, lead) as it was written: full splits, the four-way clause pattern."""
    end = text_reader._LEAD_SENTENCE_END.search(lead)
    sentence = lead[:end.start() + 1] if end else lead
    words = sentence.split()
    if len(words) <= text_reader._TITLE_MAX_WORDS:
        return (sentence.rstrip(" .") if not sentence.endswith("...") else sentence), True, "lead-sentence"
    clause = _LEAD_CLAUSE_PLAIN.split(sentence, maxsplit=1)[0]
    if 3 <= len(clause.split()) <= text_reader._TITLE_MAX_WORDS + 4:
        return clause.rstrip(" ."), True, "lead-clause"
    return " ".join(words[:text_reader._TITLE_MAX_WORDS]) + "…", True, "lead-clause"


_WORDS = st.sampled_from(["Word", "word", "x", "A", "U.S.", "“Quoted", "2024"])
_SEPS = st.one_of(st.just(" "), st.just(" "), st.just(" "), st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", ", ", ",", "; ", ";", ": ", ":", " - ", "-", " – ", "—",
                         " — ", "—\u00a0", ". ", "... ", "! ", "? \"", ", \t"]))  # mostly spaces: long sentences


@PROPS
@given(st.lists(st.tuples(_WORDS, _SEPS), max_size=40).map(lambda pairs: "".join(w + sep for w, sep in pairs)),
       st.sampled_from(["", " ", ".", "..."]))
def test_derived_title_matches_the_plain_form(lead, end):
    lead += end
    title = text_reader.derive_title(None, lead)
    if lead:
        assert (title.text, title.derived, title.method) == _derive_title_plain(lead)


@pytest.mark.parametrize("sep", [", ", ",\t", "; ", ": ", " - ", " – ", " — ", "\u00a0—\n", " -", "- ", ",", " ;", "—", " — "])
@pytest.mark.parametrize("before", [2, 5, 17])
def test_derived_title_clause_ends(sep, before):
    """Each way a clause can end (and near misses), with a clause of 2, 5 and 17 words before it."""
    lead = " ".join(["word"] * before) + sep + " ".join(["more"] * 20) + "."
    title = text_reader.derive_title(None, lead)
    assert (title.text, title.derived, title.method) == _derive_title_plain(lead)


# -- bounded word counts ----------------------------------------------------------------------------------

_LONG_FORMS = ["Reporting by {}", "(Reporting by {})", "Contributing: {}", "-- Bucharest {}", "Ann Lee contributed reporting {}",
               "Jo Bloggs reports for {}", "© 2018 {}", "{}"]


@pytest.mark.parametrize("form", _LONG_FORMS)
@pytest.mark.parametrize("words", [1, 14, 15, 16, 17, 29, 30, 31, 59, 60, 61, 62, 90])
@pytest.mark.parametrize("gap", [" ", "  ", " \t"])
def test_word_limits_of_signoff_headline_and_prelude(form, words, gap):
    """is_signoff, the headline test and the dateline's prelude test count words with a bounded
    split: the same answers as the full split around each limit (15, 16, 30, 60 words)."""
    from test_reader_fast_paths import _is_signoff_plain

    text = form.format(gap.join(["ab"] * words)) + gap
    assert is_signoff(text) == _is_signoff_plain(text)
    block = layout.RawBlock(0, len(text), text.strip(), 1)
    words_all = block.text.split()
    for nxt in (None, block):
        got = text_reader._reads_as_headline(block, nxt)
        if nxt is None:
            want = 0 < len(words_all) <= 15 and not text_reader._LONE_LINE_END.search(block.text)
        elif not words_all or len(words_all) > text_reader.HEADLINE_MAX_WORDS or len(block.text) > text_reader.HEADLINE_MAX_CHARS:
            want = False
        elif text_reader._is_all_caps(block.text):
            want = True
        elif text_reader._NON_HEADLINE_END.search(block.text) and not block.text.endswith("..."):
            want = False
        else:
            want = len(words_all) <= 25
        assert got == want
    # a strong dateline in the second block is found only past a short first block (a prelude)
    dateline = "LONDON, March 3 (Reuters) - The story begins here."
    blocks = [block, layout.RawBlock(len(text) + 1, len(text) + 1 + len(dateline), dateline, 1),
              layout.RawBlock(len(text) + 60, len(text) + 64, "Body", 1)]
    assert text_reader.match_dateline(block.text) is None
    found = text_reader.find_dateline(blocks)
    assert (found is not None) == (len(words_all) <= text_reader._PRELUDE_MAX_WORDS)
