"""Property tests (hypothesis): whatever text or bytes arrive, newsconv answers with a schema-valid,
lossless model or a documented InputError, never another exception.

Examples per property: PROP_EXAMPLES (default 200 in CI, set NEWSCONV_PROP_EXAMPLES to change it);
`bench/prop_long.py` reruns these same properties with many more examples.
Generated inputs mix three sources: arbitrary Unicode text (every category but surrogates, with
line breaks, quotation marks, controls and XML specials weighted up), arbitrary bytes, and
article-shaped text (headline, dateline, paragraphs, quotations, every line-break style).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convert
from convert.decode import decode
from convert.errors import InputError
from convert.messages import CODES
from convert.model import blocks_in_order, rebuild_source
from convert.modeljson import from_json, to_dict, to_json
from convert.schema import validate_model
from convert.textpos import LineIndex
from convert.writers import available

from test_invalid_inputs import check_output

PROP_EXAMPLES = int(os.environ.get("NEWSCONV_PROP_EXAMPLES", "200"))
PROPS = settings(max_examples=PROP_EXAMPLES, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# -- strategies ------------------------------------------------------------------------------------
SPECIALS = list("\n\n\r\n\r \t\"\"''“”‘’«»„‚<>&]]>—–-.,;:!?()") + ["\r\n", "\x00", "\x07", "\x0b", "\x0c",
                                                                    "\x85", "\u2028", "\ufeff", "\ufffe",
                                                                    "\u202e", "\u0301", "\U0001F600"]
any_text = st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(SPECIALS)),
                    max_size=400).map("".join)

WORDS = ["Smith", "said", "the", "minister", "\"We", "will", "win,\"", "“Never”", "LONDON", "(Reuters)",
         "Ministry", "of", "Defence", "‘quoted’", "<b>", "&amp;", "]]>", "مرحبا", "שלום", "e\u0301",
         "\U0001F469\u200d\U0001F4BB", "2024-11-26", "March", "3,", "Dr.", "U.S.", "«oui»", "—", "\"", "”"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
newline = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def article_text(draw) -> str:
    nl = draw(newline) if draw(st.booleans()) else None  # None: mixed line endings
    brk = (lambda: nl) if nl else (lambda: draw(newline))
    parts = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["", "\n", "  \n"])))
    if draw(st.booleans()):
        parts += [draw(sentence), brk() * draw(st.integers(1, 3))]
    dateline = draw(st.sampled_from(["", "LONDON, March 3 (Reuters) - ", "WASHINGTON (AP) — ",
                                      "DILI, East Timor 1996-12-06 ", "Hong Kong (AFP) – "]))
    paras = draw(st.lists(paragraph, min_size=0, max_size=5))
    for i, p in enumerate(paras):
        indent = draw(st.sampled_from(["", "", "   ", "\t"]))
        parts += [indent + (dateline if i == 0 else "") + p, brk() * draw(st.integers(1, 3))]
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["Reuters", "(Editing by Jane Doe)", "-- AP", "###"])))
    return "".join(parts)


# -- the checks ------------------------------------------------------------------------------------
def check_input_error(exc: InputError) -> None:
    assert exc.messages, "an InputError must carry at least one message"
    for m in exc.messages:
        assert m.code in CODES and m.severity == "error" and m.text


def check_article(article, text: str) -> None:
    """Schema-valid, lossless, spans that point at their text, and a JSON round trip."""
    doc = to_dict(article)
    assert validate_model(doc) == []
    assert rebuild_source(article) == text
    index = LineIndex(text)
    for block in blocks_in_order(article):
        sp = block.span
        assert text[sp.start:sp.end] == (block.raw if block.raw is not None else block.text)
        assert (sp.line, sp.col) == index.position(sp.start)
        assert (sp.end_line, sp.end_col) == index.position(sp.end)
    assert from_json(to_json(article)) == article


def parse_and_check(data: bytes) -> None:
    try:
        decoded = decode(data, "prop.txt")
    except InputError as exc:
        check_input_error(exc)
        return
    try:
        result = convert.parse(data, "prop.txt")
    except InputError as exc:
        check_input_error(exc)
        return
    for m in result.messages:
        assert m.code in CODES and m.severity in ("warning", "info")
    check_article(result.value, decoded.text)


# -- the properties --------------------------------------------------------------------------------
@PROPS
@given(any_text)
def test_arbitrary_text_gives_a_valid_model_or_an_input_error(text):
    try:
        result = convert.parse(text, "prop.txt")
    except InputError as exc:
        check_input_error(exc)
        return
    if any(m.code == "NC103" for m in result.messages):
        # NULs in every other byte read as BOM-less UTF-16, with the NC103 warning: checked on what was decoded
        check_article(result.value, decode(text.encode("utf-8")).text)
        return
    # the text went in as UTF-8: a leading U+FEFF is read as the byte-order mark, as any editor would
    check_article(result.value, text[1:] if text.startswith("\ufeff") else text)


@PROPS
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_a_valid_model_or_an_input_error(data):
    parse_and_check(data)


@PROPS
@given(article_text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
def test_article_shaped_text_in_any_encoding(text, encoding):
    data = text.encode(encoding, "replace")
    parse_and_check(data)


@PROPS
@given(article_text())
def test_article_shaped_text_round_trips_and_writes(text):
    """Lossless model and JSON round trip; every available writer's output passes its checks
    (convert.checks.<format>, else well-formedness)."""
    try:
        result = convert.parse(text, "prop.txt")
    except InputError as exc:
        check_input_error(exc)
        return
    check_article(result.value, text)
    for fmt in WRITER_FORMATS:
        written = convert.write(result.value, fmt)
        assert not written.errors, [m.render() for m in written.errors]
        for m in written.messages:
            assert m.code in CODES
        check_output(fmt, written.value, f"prop{available()[fmt].suffix}")


#: The writers exercised by the property above: every writer present in this installation
#: (the lead extends the per-format checks after merging the writers).
WRITER_FORMATS = sorted(available())


def test_surrogates_in_a_python_string_are_an_input_error():
    """`convert.parse` takes str: a lone surrogate cannot be encoded, and says so with a place."""
    with pytest.raises(InputError) as info:
        convert.parse("Headline\n\nab\ud800c\n", "x.txt")
    (msg,) = info.value.messages
    assert msg.code == "NC108" and (msg.line, msg.col) == (3, 3)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=30)
_BASE = to_dict(convert.parse("Storm closes ports\n\nLONDON, March 3 (Reuters) - \"We shut,\" he said.\n",
                              "base.txt").value)


@st.composite
def mutated_model(draw) -> dict:
    """A valid model document with one field replaced by an arbitrary JSON value (or removed)."""
    doc = json.loads(json.dumps(_BASE))
    node, key = doc, draw(st.sampled_from(sorted(doc)))
    while isinstance(node[key], (dict, list)) and node[key] and draw(st.booleans()):
        node = node[key]
        key = draw(st.sampled_from(sorted(node))) if isinstance(node, dict) else draw(
            st.integers(0, len(node) - 1))
    if isinstance(node, dict) and draw(st.integers(0, 5)) == 0:
        del node[key]
    else:
        node[key] = draw(json_values)
    return doc


@PROPS
@given(st.one_of(json_values, mutated_model()))
def test_any_json_document_gives_an_article_or_an_input_error(doc):
    """Model JSON from anywhere: an Article that survives a round trip, or an InputError."""
    for data in (json.dumps(doc), json.dumps(doc).encode("utf-16")):
        try:
            article = from_json(data, source="x.model.json")
        except InputError as exc:
            check_input_error(exc)
            continue
        assert from_json(to_json(article)) == article
