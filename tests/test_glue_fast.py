"""The s6 glue shortcuts give exactly what their plain forms give.

Why: the reader and the extraction glue make the model's ids and spans by the dozen per article,
so they take shortcuts (ids sliced from strings made once, spans of mentions and quotations made
without a tuple or a call each). Each test compares a shortcut with the plain form it replaces,
on generated input and on every fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import convert
from convert.errors import InputError
from convert.model import Span
from convert.textpos import SERIAL_IDS_KEPT, serial_ids

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


def _plain_ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(1, n + 1)]


@pytest.mark.parametrize("prefix", ["p", "e", "q", "d", "x-"])
def test_serial_ids_are_the_plain_f_strings(prefix):
    for n in [*range(0, 40), SERIAL_IDS_KEPT - 1, SERIAL_IDS_KEPT, SERIAL_IDS_KEPT + 1, 2 * SERIAL_IDS_KEPT + 3]:
        got = serial_ids(prefix, n)
        assert list(got) == _plain_ids(prefix, n), (prefix, n)
        assert all(type(i) is str for i in got)


@given(st.text(max_size=4), st.integers(min_value=0, max_value=3 * SERIAL_IDS_KEPT))
def test_serial_ids_on_generated_prefixes(prefix, n):
    assert list(serial_ids(prefix, n)) == _plain_ids(prefix, n)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_model_ids_count_from_one_in_order(path):
    """Paragraphs, entities, quotations and dates carry p1.., e1.., q1.., d1.. in order (what the
    f-strings gave) on every fixture."""
    try:
        article = convert.parse(path.read_bytes(), path.name).value
    except InputError:
        return
    for prefix, items in (("p", article.paragraphs), ("e", article.entities), ("q", article.quotes),
                          ("d", article.dates)):
        assert [x.id for x in items] == _plain_ids(prefix, len(items))


# -- entities: spans of mentions read from the mentions, one-item shortcuts --------------------------

def _article(text: str):
    try:
        return convert.parse(text).value
    except InputError:
        return None


_TEXTS = ["Headline here\n\nLONDON (Reuters) - Alice Smith met Bob Jones.\n\nA second paragraph, longer.\n",
          "One line a paragraph.\nAnother line here.\n  Indented line too.\nLast one.\n",
          "x" * 50 + " wrapped\n" + "y" * 50 + " lines that\n" + "z" * 50 + " run on and on\n\n" + "w" * 60 + " more.\n"]


@given(st.sampled_from(_TEXTS), st.sampled_from(["\n", "\r\n"]), st.data())
def test_entities_shortcuts_equal_the_plain_form(text, brk, data):
    """_entities (mention spans by ParaSpans.spans_of, one or two mentions without a sort, one
    alias or affiliation without a dict or a list) against test_extract_glue_fast's plain form,
    on generated entities: any number of mentions in any order (in one-line, wrapped and CRLF
    paragraphs and in the source itself, paragraph -1), aliases that repeat or equal the name,
    affiliations to entities with and without an id."""
    from convert.extract import _entities
    from convert.extract.entities import Mention, new_ent
    from convert.extract.spans import ParaSpans
    from convert.textpos import LineIndex
    from test_extract_glue_fast import _plain_entities

    text = text.replace("\n", brk)
    article = _article(text)
    if article is None or not article.paragraphs:
        return
    index = LineIndex(text)
    maps = ParaSpans(article.paragraphs, index)
    used = []
    names = ["A", "B", "Alice", "Bob Jones"]
    for key in range(data.draw(st.integers(1, 5))):
        e = new_ent(key, data.draw(st.sampled_from(["person", "organization", "place"])), data.draw(st.sampled_from(names)))
        for _ in range(data.draw(st.integers(0, 4))):
            pi = data.draw(st.integers(-1, len(article.paragraphs) - 1))
            n = len(text) if pi < 0 else len(article.paragraphs[pi].text)
            a = data.draw(st.integers(0, max(0, n - 1)))
            b = data.draw(st.integers(a, n))
            e.mentions.append(Mention(pi, a, b, "m"))
        e.aliases = data.draw(st.lists(st.sampled_from(names), max_size=3))
        e.titles = data.draw(st.lists(st.sampled_from(["Mayor", "Chair"]), max_size=2))
        e.affiliations = data.draw(st.lists(st.integers(0, 7), max_size=3))
        used.append(e)
    if not any(e.mentions for e in used):
        return
    ids = {e.key: f"e{i + 1}" for i, e in enumerate(used) if data.draw(st.booleans()) or i == 0}
    for e in used:
        ids.setdefault(e.key, f"x{e.key}")
    got = _entities(used, ids, maps)
    want = _plain_entities(used, ids, maps)
    assert got == want
    assert all(type(s) is Span for e in got for s in e.mentions)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_spans_of_is_spans_of_the_triples(path, monkeypatch):
    """ParaSpans.spans_of against ParaSpans.spans of the (para, start, end) triples, for every
    entity's mentions and every quotation's pieces of the fixture (as written and with CRLF)."""
    from convert.extract.spans import ParaSpans
    from convert.textpos import LineIndex
    import convert.extract as X

    groups = []
    real = X._entities

    def spy(used, ids, maps):
        groups.append((maps, [e.mentions for e in used]))
        return real(used, ids, maps)

    monkeypatch.setattr(X, "_entities", spy)
    raw = path.read_text(encoding="utf-8", errors="replace")
    for text in (raw, raw.replace("\n", "\r\n")):
        _article(text)
    assert groups  # the check runs
    for maps, mentions in groups:
        triples = [(m.para, m.start, m.end) for ms in mentions for m in ms]
        assert maps.spans_of(mentions) == maps.spans(triples)
