"""The extraction glue's shortcuts give exactly what their plain forms give.

Why: `extract` builds the model's entities, quotations and spans by the dozen per article, so it
takes shortcuts: entities made by slot stores instead of Entity(...), spans of a quotation within
one paragraph made without a search of the line index (ParaSpans.between), the starts of joined
texts summed in C (spans.joined). Each test runs the shortcut and the plain form on every fixture
(and CRLF / hard-wrapped copies, whose paragraphs go through offset tables) or generated input,
and asserts the same answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import convert
import convert.extract as X
from convert import model
from convert.errors import InputError
from convert.extract.spans import ParaSpans, joined
from convert.textpos import LineIndex

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


def _variants(path: Path) -> list[str]:
    """The fixture as written, with CRLF line breaks, and hard-wrapped at 60 columns (paragraphs
    with a raw form: their offsets go through a table)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    wrapped = []
    for line in raw.split("\n"):
        cur = ""
        for w in line.split(" "):
            if cur and len(cur) + len(w) + 1 > 60:
                wrapped.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}" if cur else w
        wrapped += [cur, ""]
    return [raw, raw.replace("\n", "\r\n"), "\n".join(wrapped)]


def _plain_entities(used, ids, maps: ParaSpans) -> tuple[model.Entity, ...]:
    """_entities written plainly: Entity(...) per entity, each span made on its own."""
    out = []
    for e in used:
        mentions = sorted((maps.spans([(m.para, m.start, m.end)])[0] for m in e.mentions), key=lambda s: s.start)
        aliases = tuple(a for a in dict.fromkeys(e.aliases) if a != e.name)
        out.append(model.Entity(
            id=ids[e.key], type=e.type, name=e.name, aliases=aliases, titles=tuple(e.titles),
            affiliations=tuple(ids[k] for k in e.affiliations if k in ids), acronym=e.acronym, date=e.date,
            location=ids.get(e.location) if e.location is not None else None, mentions=tuple(mentions)))
    return tuple(out)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_entities_equal_their_plain_construction(path, monkeypatch):
    fast = X._entities
    seen = []

    def both(used, ids, maps):
        got = fast(used, ids, maps)
        want = _plain_entities(used, ids, maps)
        assert got == want
        assert [type(e) for e in got] == [model.Entity] * len(want) and hash(got) == hash(want)
        assert all(type(s) is model.Span for e in got for s in e.mentions)
        seen.append(len(got))
        return got

    monkeypatch.setattr(X, "_entities", both)
    for text in _variants(path):
        try:
            convert.parse(text)
        except InputError:
            continue
    assert seen  # the check ran


def _check_between(text: str) -> None:
    try:
        article = convert.parse(text).value
    except InputError:
        return
    index = LineIndex(text)
    maps = ParaSpans(article.paragraphs, index)
    ends = [(pi, i) for pi, p in enumerate(article.paragraphs) for i in sorted({0, 1, len(p.text) // 2, len(p.text)})
            if i <= len(p.text)]
    for pi, i in ends:
        for pj, j in ends:
            if (pj, j) < (pi, i):  # (a span runs forward)
                continue
            got = maps.between(pi, i, pj, j)
            want = index.span(maps.offset(pi, i), maps.offset(pj, j))
            assert got == want and type(got) is model.Span, (pi, i, pj, j)
            # what NC302 reports: the position of the span's first character
            assert (got.line, got.col) == index.position(maps.offset(pi, i))


@pytest.mark.parametrize("path", FIXTURES[:40], ids=lambda p: p.stem)
def test_between_is_the_span_of_the_two_offsets(path):
    for text in _variants(path):
        _check_between(text)


@given(st.lists(st.sampled_from(["", " ", "Word", "  indented line", "A full sentence.", "x" * 45, "\tTab"]),
                max_size=10), st.sampled_from(["\n", "\r\n", "\r"]))
def test_between_on_generated_layouts(lines, brk):
    _check_between(brk.join(lines))


@given(st.lists(st.text(max_size=12), max_size=8), st.sampled_from(["", "\x00", "--"]))
def test_joined_is_the_plain_loop(texts, sep):
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(sep)
    assert joined(texts, sep) == (sep.join(texts), starts)
