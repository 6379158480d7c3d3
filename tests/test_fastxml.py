"""The fast element builder gives exactly lxml's bytes (the NewsML-G2 writer relies on it)."""

from __future__ import annotations

import dataclasses
import functools

import pytest
from conftest import fixture_articles
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_newsml_helpers import no_headline_article, rich_article

import convert
from convert.options import WriteOptions
from convert.namespaces import NITF
from convert.writers import fastxml, newsml
from convert.writers.nitf_body import BodyBuilder, Cleaner

NS = "urn:x:a"
NS2 = "urn:x:b"
_BAD = [chr(c) for c in range(0x20) if c not in (9, 10, 13)] + ["\ufffe", "\uffff"]
# every character XML 1.0 can hold (and the ones to escape, often)
_chars = st.one_of(st.sampled_from('&<>"\'\t\n\r '),
                   st.characters(blacklist_categories=("Cs",), blacklist_characters=_BAD))
_text = st.one_of(st.none(), st.text(alphabet=_chars, max_size=12))


@st.composite
def trees(draw, depth=0, tags=("a", "b.c", "d-e")):
    node = {"tag": draw(st.sampled_from(tags)),
            "attrib": draw(st.dictionaries(st.sampled_from(["id", "x", "quote-source"]),
                                           st.text(alphabet=_chars, max_size=12), max_size=3)),
            "text": draw(_text), "tail": draw(_text),
            "children": draw(st.lists(trees(depth + 1, tags), max_size=3)) if depth < 3 else []}
    return node


def _build(factory, spec, parent=None, ns=NS):
    tag = f"{{{ns}}}{spec['tag']}"
    el = factory.Element(tag, nsmap={None: ns}) if parent is None else factory.SubElement(parent, tag, spec["attrib"])
    if parent is None:
        for k, v in spec["attrib"].items():
            el.set(k, v)
    el.text = spec["text"]
    for c in spec["children"]:
        _build(factory, c, el, ns)
    if parent is not None:
        el.tail = spec["tail"]
    return el


@settings(max_examples=150, deadline=None)
@given(trees(), trees())
def test_same_bytes_as_lxml(spec, inner):
    def make(factory):
        root = _build(factory, spec)
        root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
        sub = _build(factory, inner, None, NS2)  # a subtree in another default namespace
        holder = factory.SubElement(root, f"{{{NS}}}holder")
        wrap = factory.SubElement(holder, f"{{{NS2}}}wrap", nsmap={None: NS2})
        wrap.append(_build(factory, inner, None, NS2))
        del sub
        return root

    fast = fastxml.tostring(make(fastxml))
    assert fast == etree.tostring(make(etree), encoding="UTF-8")


@settings(max_examples=150, deadline=None)
@given(trees(tags=("p", "body.content", "x")), st.sampled_from([0, 1, 3]))
def test_indented_same_bytes_as_indent_tree(spec, level):
    """Indenting while writing gives lxml's bytes after newsml._indent_tree: element-only content
    indented; leaves, mixed content and the tags of newsml._NO_INDENT (`p`) as they are."""
    fast = fastxml.tostring(_build(fastxml, spec, ns=NITF), 2, newsml._NO_INDENT, level=level)
    root = _build(etree, spec, ns=NITF)
    newsml._indent_tree(root, level, "  ")
    assert fast == etree.tostring(root, encoding="UTF-8")


def test_unsupported_falls_back():
    root = fastxml.Element("{urn:x}a", nsmap={None: "urn:x"})
    fastxml.SubElement(root, "{urn:y}b")
    with pytest.raises(fastxml.Unsupported):
        fastxml.tostring(root)
    root = fastxml.Element("a")
    root.text = "bad \x01"
    with pytest.raises(fastxml.Unsupported):
        fastxml.tostring(root)


@pytest.mark.parametrize("indent", [2, None])
def test_newsml_writer_same_bytes_both_builders(indent):
    opts = WriteOptions(indent=indent, copyright_holder="A & B <c>", provider='"P"\tQ')
    articles = [rich_article(), no_headline_article()]
    articles += [convert.read_file(p).value for p in fixture_articles()]
    for art in articles:
        root, _ = newsml.build_item(art, opts)
        newsml._pretty(root, indent)
        expected = newsml._DECLARATION + etree.tostring(root, encoding="UTF-8") + (b"\n" if indent is not None else b"")
        assert newsml.write(art, opts).value == expected, art.source.name


def test_newsml_messages_same_both_builders():
    """Characters XML cannot hold are removed with the same NC504 messages, in the same order."""
    art = rich_article()
    ents = tuple(dataclasses.replace(e, name=e.name + "\x01", titles=tuple(t + "\x02" for t in e.titles))
                 for e in art.entities)
    art = dataclasses.replace(art, entities=ents)
    opts = WriteOptions(copyright_holder="A\x03", provider="P\x04")
    fast = newsml.write(art, opts)
    root, notes = newsml.build_item(art, opts)
    newsml._pretty(root, opts.indent)
    assert fast.value == newsml._DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"
    assert list(fast.messages) == notes
    assert sum(m.code == "NC504" for m in notes) >= len(ents)


def test_newsml_entity_links_same_both_builders():
    """Affiliations and locations, found or naming no entity of the article (NC507), on every
    kind of entity, and a duplicate entity id (the first wins): the same bytes and messages."""
    art = rich_article()
    kinds = {"person": "e1", "organization": "e2", "place": "e4", "event": "e8"}
    ents = list(art.entities)
    for k, e in enumerate(ents):
        if e.id in kinds.values():
            ents[k] = dataclasses.replace(e, affiliations=("e5", "e99", "e9"), location="e6" if k % 2 else "e98")
    ents.append(dataclasses.replace(ents[4], name="A second e5"))
    art = dataclasses.replace(art, entities=tuple(ents))
    opts = WriteOptions()
    fast = newsml.write(art, opts)
    root, notes = newsml.build_item(art, opts)
    newsml._pretty(root, opts.indent)
    assert fast.value == newsml._DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"
    assert list(fast.messages) == notes
    assert sum(m.code == "NC507" for m in notes) >= len(kinds)


def test_encode_checked_refuses_what_xml_cannot_hold():
    """The byte-level checks refuse exactly the characters _BAD_XML matches (every code point)."""
    ok = []
    for c in range(0x110000):
        try:
            fastxml.encode_checked(chr(c))
            ok.append(True)
        except fastxml.Unsupported:
            ok.append(False)
    expected = [fastxml._BAD_XML.match(chr(c)) is None for c in range(0x110000)]
    assert ok == expected
    assert [fastxml.can_hold(f"a{chr(c)}b") for c in range(0x110000)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from("\t\n\r \x0b\x0c\x85\u2028"), st.characters()), max_size=20))
def test_literal_turns_every_tab_and_line_break_into_a_space(text):
    """_literal skips the translate when there is nothing to translate: same result as always."""
    assert newsml._literal(text) == text.translate({9: " ", 10: " ", 13: " "})


class _PlainCleaner(Cleaner):
    """The Cleaner without its shortcuts (a block XML can hold whole, checked once for all the
    blocks or once per block): every slice is checked on its own. The reference for the test below."""

    def scan(self, blocks) -> None:
        pass

    def holds(self, block) -> bool:
        return False


@functools.cache
def _articles() -> tuple:
    return tuple([rich_article(), no_headline_article()] + [convert.read_file(p).value for p in fixture_articles()])


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_body_cleaning_shortcuts_change_nothing(data):
    """Characters XML cannot hold, put anywhere in the paragraphs: the body's bytes, its NC504
    messages (line:col, order) and its NC506 report are those of the plain Cleaner."""
    art = data.draw(st.sampled_from(_articles()))
    paragraphs = list(art.paragraphs)
    for _ in range(data.draw(st.integers(0, 3))):
        k = data.draw(st.integers(0, len(paragraphs) - 1))
        p = paragraphs[k]
        if p.raw is not None or not p.text:  # same length, so the model's spans stay right
            continue
        at = data.draw(st.integers(0, len(p.text) - 1))
        paragraphs[k] = dataclasses.replace(p, text=p.text[:at] + data.draw(st.sampled_from(_BAD)) + p.text[at + 1:])
    art = dataclasses.replace(art, paragraphs=tuple(paragraphs))

    def body(cleaner):
        builder = BodyBuilder(art, cleaner, factory=fastxml)
        return fastxml.tostring(builder.build()), cleaner.messages, builder.report()

    assert body(Cleaner(art.source.name)) == body(_PlainCleaner(art.source.name))
