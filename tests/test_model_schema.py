"""The model, its JSON form and its schema agree, and the source survives the trip."""

from __future__ import annotations

import dataclasses
import json
import typing

import pytest

import convert
from convert import model as m
from convert.model import rebuild_source
from convert.modeljson import to_dict
from convert.schema import model_schema, validate_model

from conftest import FIXTURES, corpus_articles, fixture_articles

SCHEMA_DEFS = {
    "Span": m.Span, "Source": m.Source, "Block": m.Block, "Title": m.Title, "Dateline": m.Dateline,
    "Paragraph": m.Paragraph, "Quote": m.Quote, "Entity": m.Entity, "DateMention": m.DateMention,
}


@pytest.mark.parametrize("name,cls", sorted(SCHEMA_DEFS.items()))
def test_schema_and_dataclass_have_the_same_fields(name, cls):
    definition = model_schema()["$defs"][name]
    fields = {f.name for f in dataclasses.fields(cls)}
    assert set(definition["properties"]) == fields
    required_in_model = {f.name for f in dataclasses.fields(cls)
                         if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    assert set(definition.get("required", [])) == required_in_model
    assert definition.get("additionalProperties") is False


def test_article_fields_match_schema_top_level():
    props = model_schema()["properties"]
    assert set(props) == {f.name for f in dataclasses.fields(m.Article)}


def test_enumerations_match_model_constants():
    s = model_schema()
    assert tuple(s["properties"]["layout"]["enum"]) == m.LAYOUTS
    assert tuple(s["$defs"]["Entity"]["properties"]["type"]["enum"]) == m.ENTITY_TYPES
    assert tuple(s["$defs"]["Quote"]["properties"]["kind"]["enum"]) == m.QUOTE_KINDS
    assert tuple(s["$defs"]["Source"]["properties"]["line_ending"]["enum"]) == m.LINE_ENDINGS


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.name)
def test_fixture_model_is_schema_valid_lossless_and_round_trips(path):
    data = path.read_bytes()
    article = convert.parse(data, path.name).value
    from convert.decode import decode

    assert rebuild_source(article) == decode(data).text
    for block in m.blocks_in_order(article):
        assert (block.raw if block.raw is not None else block.text) == decode(data).text[block.span.start:block.span.end]
    doc = json.loads(convert.to_json(article))
    assert validate_model(doc) == []
    assert convert.from_json(convert.to_json(article)) == article


@pytest.mark.parametrize("path", corpus_articles(), ids=lambda p: p.parent.name)
def test_corpus_article_is_lossless_and_valid(path, shared):
    data = path.read_bytes()
    article = convert.parse(data, path.parent.name).value
    from convert.decode import decode

    assert rebuild_source(article) == decode(data).text
    assert validate_model(to_dict(article)) == []


def test_unknown_major_model_version_is_refused_with_advice():
    article = convert.parse("HEADLINE\n\nBody text here.").value
    doc = to_dict(article)
    doc["model_version"] = "2.0"
    with pytest.raises(convert.ModelVersionError) as info:
        convert.from_json(json.dumps(doc))
    assert info.value.messages[0].code == "NC403"
    assert "Upgrade newsconv" in info.value.messages[0].hint


def test_schema_errors_are_all_reported_with_json_paths():
    article = convert.parse("HEADLINE\n\nBody text here.").value
    doc = to_dict(article)
    doc["language"] = 42
    doc["paragraphs"][0]["span"]["line"] = 0
    problems = validate_model(doc)
    assert {p.path for p in problems} == {"$.language", "$.paragraphs[0].span.line"}
    assert all(p.code == "NC401" for p in problems)


def test_model_uses_tuples_and_is_frozen():
    article = convert.parse("HEADLINE\n\nBody text here.").value
    assert isinstance(article.paragraphs, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.language = "fr"  # type: ignore[misc]
    hints = typing.get_type_hints(m.Article)
    assert "list" not in str(hints)


def test_the_readers_field_patterns_are_the_schemas():
    """The patterns the NewsML-G2, NITF, JSON-LD and ninjs readers check values with (one copy, in
    convert.schema) are the schema's own, at every place the schema uses them."""
    from convert.schema import DATE_PATTERN, ID_PATTERN, LANGUAGE_PATTERN, SHA256_PATTERN

    s = model_schema()
    defs = s["$defs"]
    assert ID_PATTERN.pattern == s["properties"]["id"]["pattern"]
    assert LANGUAGE_PATTERN.pattern == s["properties"]["language"]["pattern"]
    assert SHA256_PATTERN.pattern == defs["Source"]["properties"]["sha256"]["pattern"]
    for where in (defs["Dateline"]["properties"]["date"], defs["Entity"]["properties"]["date"],
                  defs["DateMention"]["properties"]["value"]):
        assert DATE_PATTERN.pattern == where["pattern"]
