"""Text conservation: every word of the body reaches every output, in order.

For every fixture (fixtures/*.txt), every corpus article (../shared/corpus/articles/*/article.txt)
and the hand-built rich samples (quotations, names and dates marked up inline, a hard-wrapped
article), the body's words - the paragraphs' words, in order - are compared with:
- NewsML-G2: the text of the NITF `body.content` inside `inlineXML`, paragraph by paragraph;
- NITF: the text of `body/body.content`;
- JSON-LD: the NewsArticle's `articleBody`;
- ninjs: the `text/plain` body (which starts with the dateline, as agencies send it: that prefix is
  checked too);
- DOCX: the "Story Paragraph" paragraphs read back with python-docx, without their number runs.
Only whitespace is normalised (`str.split`). The one allowed difference is characters a writer
removes because the format cannot hold them (outside XML 1.0: NC504; what Word refuses: NC701),
and only when the writer said so.
"""

from __future__ import annotations

import io
import json

import pytest
from lxml import etree

import convert
from convert.model import Article
from convert.namespaces import NAR, NITF
from convert.writers import write
from convert.writers.docx import _BAD as WORD_BAD
from convert.writers.ninjs import dateline_sep
from convert.writers.nitf_body import _BAD_XML

from conftest import corpus_articles, fixture_articles
from test_docx_samples import enriched_seed, wrapped_article
from test_jsonld_samples import rich_reuters, rich_seed
from test_newsml_helpers import no_headline_article, rich_article

F = f"{{{NITF}}}"
REMOVED = {"newsml": ("NC504", _BAD_XML), "nitf": ("NC504", _BAD_XML), "docx": ("NC701", WORD_BAD)}


def _paragraph_words(paragraphs) -> list[str]:
    return [w for text in paragraphs for w in text.split()]


def _nitf_content(body_content) -> list[str]:
    return ["".join(p.itertext()) for p in body_content.iter(F + "p")]


def output_paragraphs(article: Article, fmt: str, data: bytes) -> list[str]:
    """The body as `fmt` carries it, one string per paragraph."""
    if fmt == "newsml":
        root = etree.fromstring(data)
        (content,) = root.iterfind(f"{{{NAR}}}contentSet/{{{NAR}}}inlineXML/{F}nitf/{F}body/{F}body.content")
        return _nitf_content(content)
    if fmt == "nitf":
        (content,) = etree.fromstring(data).iterfind(f"{F}body/{F}body.content")
        return _nitf_content(content)
    if fmt == "jsonld":
        doc = json.loads(data)
        (node,) = [n for n in doc["@graph"] if n.get("@type") == "NewsArticle"]
        return [node.get("articleBody", "")]
    if fmt == "ninjs":
        doc = json.loads(data)
        plain = [b["value"] for b in doc.get("bodies", ()) if b.get("contentType") == "text/plain"]
        assert len(plain) <= 1
        return plain
    if fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        out = []
        for par in document.paragraphs:
            if par.style.name != "Story Paragraph":
                continue
            out.append("".join(r.text for r in par.runs if r.style is None or r.style.name != "Paragraph Number"))
        return out
    raise ValueError(fmt)


def conservation_problems(article: Article) -> dict[str, str]:
    """{format: what differs} for every output whose body words are not the article's."""
    problems: dict[str, str] = {}
    for fmt in ("newsml", "nitf", "jsonld", "ninjs", "docx"):
        result = write(article, fmt)
        texts = [p.text for p in article.paragraphs]
        code, bad = REMOVED.get(fmt, (None, None))
        if code is not None and code in {m.code for m in result.messages}:
            texts = [bad.sub("", t) for t in texts]  # removed, and the writer said so
        expected = _paragraph_words(texts)
        got = _paragraph_words(output_paragraphs(article, fmt, result.value))
        if fmt == "ninjs" and article.dateline is not None and article.paragraphs:
            lead = (article.dateline.text + dateline_sep(article)).split()
            if got[:len(lead)] != lead:
                problems[fmt] = f"the body does not start with the dateline {lead}: {got[:len(lead)]}"
                continue
            got = got[len(lead):]
        if got != expected:
            k = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            problems[fmt] = (f"word {k}: expected {expected[k:k + 5]}, found {got[k:k + 5]} "
                             f"({len(expected)} words expected, {len(got)} found)")
    return problems


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.name)
def test_every_fixture_keeps_every_word(path):
    article = convert.parse(path.read_bytes(), source=path.name).value
    assert article.paragraphs, "a fixture with no body proves nothing here"
    assert conservation_problems(article) == {}


def test_every_corpus_article_keeps_every_word(shared):
    paths = corpus_articles()
    assert len(paths) >= 80
    failed = {}
    for path in paths:
        article = convert.parse(path.read_bytes(), source=str(path)).value
        problems = conservation_problems(article)
        if problems:
            failed[path.parent.name] = problems
    assert failed == {}


SAMPLES = {"rich_article": rich_article, "no_headline_article": no_headline_article, "rich_seed": rich_seed,
           "rich_reuters": rich_reuters, "enriched_seed": enriched_seed, "wrapped_article": wrapped_article}


@pytest.mark.parametrize("name", SAMPLES)
def test_inline_markup_keeps_every_word(name):
    """Quotations, names and dates marked up inline split the text into many pieces: none is lost."""
    article = SAMPLES[name]()
    assert article.quotes and article.entities
    assert conservation_problems(article) == {}


def test_removed_characters_come_with_their_warning():
    text = "Storm\x01 hits the coast\n\nResidents \ufffe fled as the\x0b river rose.\n"
    article = convert.parse(text.encode("utf-8"), source="ctl.txt").value
    assert any("\ufffe" in p.text or "\x0b" in p.text for p in article.paragraphs)
    assert conservation_problems(article) == {}
    for fmt, (code, _) in REMOVED.items():
        assert code in {m.code for m in write(article, fmt).messages}, fmt


def test_a_lost_word_is_caught():
    """The comparison is real: an output missing a word, or with a word changed, fails."""
    article = convert.parse(b"Title\n\nOne two three.\n\nFour five.\n", source="t.txt").value
    good = write(article, "jsonld").value
    assert _paragraph_words(output_paragraphs(article, "jsonld", good)) == ["One", "two", "three.", "Four", "five."]
    bad = good.replace(b"three.", b"3.")
    assert _paragraph_words(output_paragraphs(article, "jsonld", bad)) != _paragraph_words(
        p.text for p in article.paragraphs)
