"""Text conservation: every word of the body, in order, reaches every output format.

For every fixture and (where ../shared is present) every corpus article, each paragraph's word
sequence must appear, contiguous and in order, in the word sequence each writer's output carries
for the body. Words are whitespace-separated tokens of the model's paragraph text; outputs are
parsed (XML entities resolved, JSON strings decoded), never searched as bytes, so escaping cannot
hide a loss. A format joins the test by having an extractor in BODY_WORDS and a writer installed.
"""

from __future__ import annotations

import io
import json

import pytest

import convert
from convert.writers import available

from conftest import corpus_articles, fixture_articles

NITF = "{http://iptc.org/std/NITF/2006-10-18/}"


def _xml(data: bytes):
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def _newsml_words(data: bytes) -> list[str]:
    root = _xml(data)
    content = root.findall(f".//{NITF}body.content")
    assert content, "no NITF body.content in the NewsML-G2 item"
    return " ".join("".join(el.itertext()) for el in content).split()


def _nitf_words(data: bytes) -> list[str]:
    return _newsml_words(data)


def _jsonld_words(data: bytes) -> list[str]:
    doc = json.loads(data)
    nodes = doc.get("@graph", [doc])
    bodies = [n["articleBody"] for n in nodes if "articleBody" in n]
    assert len(bodies) == 1, "expected one node with an articleBody"
    return bodies[0].split()


def _docx_words(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    return " ".join(p.text for p in document.paragraphs).split()


def _json_words(data: bytes) -> list[str]:
    return convert.from_json(data).body_text.split()


def _ninjs_words(data: bytes) -> list[str]:
    doc = json.loads(data)
    bodies = [b for b in doc.get("bodies", []) if isinstance(b, dict)]  # ninjs 3.x
    kind = [str(b.get("contentType", b.get("contenttype", ""))) for b in bodies]  # 3.x / 2.x spelling
    plain = [b["value"] for b, k in zip(bodies, kind) if "plain" in k]
    html = [b["value"] for b, k in zip(bodies, kind) if "html" in k]
    plain += [doc["body_text"]] if "body_text" in doc else []  # ninjs 2.x
    html += [doc["body_html"]] if "body_html" in doc else []
    if plain:
        return plain[0].split()
    assert html, "no body in the ninjs document"
    return " ".join(_xml(f"<div>{html[0]}</div>".encode()).itertext()).split()


#: format -> (output bytes -> the body's words). One line per format.
BODY_WORDS = {
    "json": _json_words,
    "newsml": _newsml_words,
    "jsonld": _jsonld_words,
    "docx": _docx_words,
    "nitf": _nitf_words,
    "ninjs": _ninjs_words,
}
FORMATS = [f for f in sorted(available()) if f in BODY_WORDS]


def find_run(haystack: list[str], needle: list[str], start: int = 0) -> int:
    """Index of the first contiguous occurrence of `needle` in `haystack` at or after `start`, or -1."""
    n = len(needle)
    for i in range(start, len(haystack) - n + 1):
        if haystack[i] == needle[0] and haystack[i:i + n] == needle:
            return i
    return -1


def check_conservation(article, fmt: str) -> None:
    result = convert.write(article, fmt)
    assert not result.errors, [m.render() for m in result.errors]
    words = BODY_WORDS[fmt](result.value)
    cursor = 0
    for para in article.paragraphs:  # in order: each paragraph after the previous one
        needle = para.text.split()
        if not needle:
            continue
        at = find_run(words, needle, cursor)
        assert at >= 0, f"{fmt}: paragraph {para.id} lost or changed: {' '.join(needle)[:200]!r}"
        cursor = at + len(needle)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.stem)
def test_every_body_word_reaches_every_format_fixtures(path, fmt):
    check_conservation(convert.read_file(path).value, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_body_word_reaches_every_format_corpus(shared, fmt):
    articles = corpus_articles()
    assert articles, "no corpus articles under ../shared/corpus/articles"
    failures = []
    for path in articles:
        try:
            article = convert.read_file(path).value
        except convert.InputError:
            continue  # the corpus may hold deliberately bad files: test_invalid_inputs covers those
        try:
            check_conservation(article, fmt)
        except AssertionError as exc:
            failures.append(f"{path.parent.name}: {str(exc).splitlines()[0]}")
    assert not failures, f"{len(failures)} of {len(articles)} articles lost text:\n" + "\n".join(failures[:20])


def test_find_run_finds_only_contiguous_runs_in_order():
    assert find_run("a b c d".split(), ["b", "c"]) == 1
    assert find_run("a b x c".split(), ["b", "c"]) == -1
    assert find_run("b c a b c".split(), ["b", "c"], 1) == 3
