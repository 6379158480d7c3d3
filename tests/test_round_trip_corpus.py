"""Real articles through NewsML-G2 and NITF and back: the paragraphs and every quotation (text,
kind, span, parts, speaker) come back as the extraction made them, on every corpus article.

(The fixture round trips in test_newsml_reader.py / test_nitf.py compare everything; on the corpus
some entity data is lost in ways NOT_CARRIED lists and the writers report: names the extraction
runs into a date, NC506; an undated event's location, NC507.)"""

from __future__ import annotations

import pytest
from conftest import corpus_articles
from test_newsml_reader import carried

import convert
from convert.readers import newsml, nitf


def _kept(a: convert.Article) -> dict:
    c = carried(a)
    return {"paragraphs": c["paragraphs"], "headline": c["headline"], "dateline": c["dateline"],
            "quotes": [q[:6] for q in c["quotes"]], "speakers": [q.speaker for q in a.quotes]}


@pytest.mark.parametrize("fmt, reader", [("newsml", newsml.read), ("nitf", nitf.read)])
def test_paragraphs_and_quotations_survive_on_the_corpus(shared, fmt, reader):
    arts = [convert.parse(p.read_bytes(), source=f"{p.parent.name}.txt").value for p in corpus_articles()]
    assert len(arts) >= 80
    assert sum(len(a.quotes) for a in arts) > 100
    wrong = []
    for a in arts:
        back = reader(convert.write(a, fmt).value, "x.xml").value
        if _kept(back) != _kept(a):
            wrong.append(a.source.name)
    assert wrong == []
