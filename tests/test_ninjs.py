"""The ninjs writer and reader: IPTC ninjs 3.1 (default) and 2.2 validated with jsonschema and its
format checker for every fixture and corpus article, goldens, honesty, and the round trip."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

import convert
from convert.cli import main
from convert.errors import InputError
from convert.options import WriteOptions
from convert.readers.ninjs import read
from convert.writers.ninjs import write

from roundtrip_helpers import without
from conftest import FIXTURES, SHARED, check_golden, corpus_articles, fixture_articles
from test_jsonld_samples import rich_reuters, rich_seed

VERSIONS = ("3.1", "2.2")


@cache
def validator(version: str):
    from jsonschema import Draft202012Validator

    schema = json.loads((SHARED / "standards" / "ninjs" / f"ninjs-schema_{version}.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(doc: dict, version: str) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator(version).iter_errors(doc)]


def _all_articles():
    out = [("rich_seed", rich_seed()), ("rich_reuters", rich_reuters())]
    for p in fixture_articles() + corpus_articles():
        out.append((p.parent.name if p.parent.name != "fixtures" else p.stem, convert.parse(p.read_bytes(), p.name).value))
    return out


@pytest.mark.parametrize("version", VERSIONS)
def test_every_fixture_and_corpus_article_validates(shared, version):
    articles = _all_articles()
    assert len(articles) >= 2 + len(fixture_articles()) + 84
    options = WriteOptions(ninjs_version=version, created="2024-11-27T08:00:00+05:00", copyright_holder="Example")
    bad = {}
    for name, article in articles:
        for opts in (WriteOptions(ninjs_version=version), options):
            doc = json.loads(write(article, opts).value)
            problems = errors(doc, version)
            if problems:
                bad[name] = problems
    assert not bad, json.dumps(bad, indent=1)[:4000]


def test_the_validator_does_catch_problems(shared):
    """The validation above can fail: a property the schema does not list, a bad date-time, a bad uri."""
    doc = json.loads(write(rich_reuters(), WriteOptions()).value)
    assert errors(doc, "3.1") == []
    assert errors({**doc, "dateline": "LONDON"}, "3.1")
    assert errors({**doc, "versionCreated": "2024-11-27"}, "3.1")
    assert errors({**doc, "uri": "not a uri"}, "3.1")
    assert errors(doc, "2.2")  # 3.1 camelCase names are not 2.2's


def test_shape_of_a_ninjs_item():
    a = rich_reuters()
    doc = json.loads(write(a, WriteOptions()).value)
    assert doc["uri"] == a.id and doc["type"] == "text" and doc["version"] == "1"
    assert doc["standard"] == {"name": "ninjs", "version": "3.1",
                               "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}
    assert doc["headlines"] == [{"role": "main", "value": a.headline.text}]
    plain, html = doc["bodies"]
    assert plain["contentType"] == "text/plain" and plain["wordCount"] == a.word_count + 5  # + `LONDON, March 3 (Reuters) -`
    assert plain["value"].startswith("LONDON, March 3 (Reuters) - The Thames Harbour Authority")
    assert plain["charCount"] == len(plain["value"])
    assert html["contentType"] == "text/html" and html["value"].count("<p>") == len(a.paragraphs)
    assert doc["located"] == "London"
    assert doc["infoSources"] == [{"name": "Reuters", "role": "originfo", "uri": "https://www.reuters.com/"}]
    assert [p["name"] for p in doc["people"]] == ["Margaret Ellison", "David Okafor"]
    assert [o["name"] for o in doc["organisations"]] == ["Thames Harbour Authority", "Port Workers Union", "Reuters"]
    assert doc["people"][0]["uri"] == a.id + "#person-e3"  # the JSON-LD @id of the same person
    assert doc["altIds"] == [{"role": "source-sha256", "value": a.source.sha256}]


def test_derived_title_is_a_title_not_a_headline():
    doc = json.loads(write(rich_seed(), WriteOptions()).value)
    assert "headlines" not in doc and doc["title"] == rich_seed().title.text


def test_version_2_2_uses_lower_case_names():
    doc = json.loads(write(rich_reuters(), WriteOptions(ninjs_version="2.2", created="2024-03-03T10:00:00Z")).value)
    assert doc["standard"]["version"] == "2.2"
    assert "versioncreated" in doc and "altids" in doc and "infosources" in doc
    assert doc["bodies"][0]["contenttype"] == "text/plain" and "wordcount" in doc["bodies"][0]
    assert not any(k != k.lower() for k in doc)


def test_what_ninjs_cannot_carry_is_reported():
    result = write(rich_seed(), WriteOptions(created="yesterday"))
    by_code = {m.code: m for m in result.messages}
    assert sorted(by_code) == ["NC551", "NC552"]
    assert "7 quotations" in by_code["NC551"].text and "5 titles" in by_code["NC551"].text
    result = write(rich_seed(), WriteOptions(ninjs_version="9.9"))
    assert "NC550" in [m.code for m in result.messages]
    assert json.loads(result.value)["standard"]["version"] == "3.1"


def test_dateline_separators():
    a = convert.parse((FIXTURES / "afp_hongkong_endash.txt").read_bytes()).value
    assert json.loads(write(a, WriteOptions()).value)["bodies"][0]["value"].startswith("Hong Kong (AFP) – Typhoon")
    a = convert.parse((FIXTURES / "conll_dili_isodate.txt").read_bytes()).value
    assert json.loads(write(a, WriteOptions()).value)["bodies"][0]["value"].startswith(
        "DILI, East Timor 1996-12-06\n\nA fleet")


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.stem)
def test_golden(path, update_goldens):
    parsed = convert.parse(path.read_bytes(), path.name)
    golden = path.with_name(path.stem + ".ninjs.json")
    check_golden(golden, write(parsed.value, WriteOptions()).value, update_goldens)


def test_deterministic():
    assert write(rich_seed(), WriteOptions()).value == write(rich_seed(), WriteOptions()).value


# --------------------------------------------------------------------------------------------
# reader: model -> ninjs -> model

#: model field -> why ninjs does not carry it (everything else must come back exactly)
NOT_CARRIED = {
    "source.name": "ninjs has no property for the source file's name (altIds carry its sha256)",
    "source.byte_length": "no ninjs property for the source's size",
    "source.encoding": "no ninjs property for the source's character encoding",
    "source.bom": "no ninjs property for a byte-order mark",
    "source.line_ending": "no ninjs property for line endings",
    "layout": "the source's paragraph layout is not part of the item; the reader rebuilds blank-line text",
    "prefix": "leading blank lines are not part of the item",
    "signoff": "a sign-off is not part of the body; only the agency one names comes back (from infoSources)",
    "dates": "ninjs has no property for the dates a text mentions",
    "quotes": "ninjs has no quotations (the body keeps their text)",
    "headline.span": "no source positions in ninjs", "headline.raw": "source slices are not carried",
    "headline.sep": "separators are not carried",
    "dateline.span": "no source positions", "dateline.raw": "source slices are not carried",
    "dateline.sep": "a line break after an own-line dateline comes back as a blank line",
    "paragraphs[].span": "no source positions", "paragraphs[].raw": "source slices are not carried",
    "paragraphs[].sep": "separators are not carried",
    "entities[].aliases": "ninjs people/organisations/places/events have a name only",
    "entities[].titles": "ninjs people have no job title",
    "entities[].affiliations": "ninjs people have no affiliation",
    "entities[].acronym": "ninjs organisations have no acronym",
    "entities[].date": "an event's date needs a ninjs event item (eventDetails), not a news item",
    "entities[].location": "an event's place needs a ninjs event item, not a news item",
    "entities[].mentions": "no source positions",
}
# carried with a caveat: entities come back sorted by id (ninjs lists them by type).


def carried(article) -> dict:
    d = without(article, NOT_CARRIED)
    d["entities"].sort(key=lambda e: int(e["id"][1:]))
    return d


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name,article", [("rich_seed", rich_seed()), ("rich_reuters", rich_reuters())]
                         + [(p.stem, convert.parse(p.read_bytes(), p.name).value) for p in fixture_articles()],
                         ids=lambda x: x if isinstance(x, str) else "")
def test_round_trip(name, article, version):
    result = read(write(article, WriteOptions(ninjs_version=version)).value, "x.ninjs.json")
    assert carried(result.value) == carried(article)
    assert [m.code for m in result.messages] == ["NC554"]


def test_round_trip_of_corpus_articles(shared):
    for path in corpus_articles():
        article = convert.parse(path.read_bytes(), path.name).value
        back = read(write(article, WriteOptions()).value, "x.ninjs.json").value
        assert carried(back) == carried(article), path.parent.name


def test_reads_iptc_examples(shared):
    for version in VERSIONS:
        path = SHARED / "standards" / "ninjs" / "examples" / f"{version}_004_simple_text_article.json"
        back = read(path.read_bytes(), path.name).value
        assert back.title.text == "Captain of wrecked cruise ship on trial in Italy"
        assert back.dateline.place == "GROSSETO" and back.dateline.agency == "AP"
        assert back.paragraphs[0].text.startswith("The trial of the captain")


def test_reader_through_the_api_and_cli(tmp_path):
    out = tmp_path / "story.ninjs.json"
    result = CliRunner().invoke(main, ["convert", str(FIXTURES / "reuters_london_caps.txt"), "-t", "ninjs",
                                       "--ninjs-version", "2.2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_bytes())["standard"]["version"] == "2.2"
    back = convert.read_file(out).value
    assert back.headline.text == "HARBOUR AUTHORITY APPROVES NEW CONTAINER TERMINAL"


@pytest.mark.parametrize("data", [b"{oops", b"[]", b'{"type": "text"}'])
def test_reader_refuses_what_is_not_ninjs(data):
    with pytest.raises(InputError) as exc:
        read(data, "bad.ninjs.json")
    assert exc.value.messages[0].code == "NC553"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_word = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")), min_size=1, max_size=12)
_texts = st.lists(st.lists(_word, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(_texts, st.sampled_from(VERSIONS))
def test_any_text_round_trips(text, version):
    article = convert.parse(text).value
    back = read(write(article, WriteOptions(ninjs_version=version)).value, "x.ninjs.json").value
    assert carried(back) == carried(article)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.stem)
def test_writing_what_was_read_gives_the_same_bytes(path, version):
    options = WriteOptions(ninjs_version=version)
    first = write(convert.parse(path.read_bytes(), path.name).value, options).value
    assert write(read(first, "x.ninjs.json").value, options).value == first


def test_writing_what_was_read_gives_the_same_bytes_rich():
    for article in (rich_seed(), rich_reuters()):
        first = write(article, WriteOptions()).value
        assert write(read(first, "x.ninjs.json").value, WriteOptions()).value == first
