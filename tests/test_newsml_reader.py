"""NewsML-G2 reader: model -> NewsML -> model keeps what NewsML carries; IPTC's examples; hardened XML."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from conftest import fixture_articles
from test_newsml_helpers import no_headline_article, rich_article

import convert
from convert.cli import main
from convert.errors import InputError
from convert.model import rebuild_source
from convert.readers.newsml import read
from convert.schema import validate_model

#: What a NewsML-G2 item cannot carry back into the model, and why. Everything else must survive
#: model -> NewsML -> model unchanged (checked field by field below).
NOT_CARRIED = {
    "source": "NewsML-G2 describes the item, not the plain-text file it came from (name, bytes, encoding, BOM, "
              "line endings); the reader records the text it rebuilds from the item instead",
    "layout, prefix, raw, sep": "the source's exact layout (wrapping, blank lines, separators) is not part of a "
                                "news item; the reader rebuilds headline, dateline, paragraphs with blank lines",
    "span offsets, lines and columns": "they point into the original source; the reader re-bases every span on "
                                       "the rebuilt text, and each span still covers the same words",
    "quotes[].cue": "neither NewsML-G2 nor NITF has a property for the reporting verb",
    "quotes[].speaker_span": "NITF q/@quote-source and partMeta/by hold the speaker's words, not their place",
    "mentions that cannot be marked up": "NITF inline elements cannot overlap or nest inside a name (NC506 says so)",
    "entity dates and locations NewsML-G2 has no slot for": "e.g. a place's date, an undated event's location "
                                                            "(NC507 says so)",
}

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def unmarked_mentions(a: convert.Article) -> set[tuple[str, int, int]]:
    """(entity id, start, end) of the mentions the NITF body cannot mark up (a name inside another
    name: `Islamabad` in the event `Islamabad massacre`), listed in NOT_CARRIED and counted by NC506."""
    from convert.writers.nitf_body import BodyBuilder, Cleaner

    builder = BodyBuilder(a, Cleaner(None), mark_headline=not (a.title.derived and bool(a.title.text)))
    builder.build()
    return {(eid, sp.start, sp.end) for eid, sp in builder.unmarked_mentions}


def carried(a: convert.Article, unmarked: set[tuple[str, int, int]] = frozenset()) -> dict:
    """The article as far as NewsML-G2 carries it: spans replaced by the words they cover
    (`unmarked`: mentions the writer reported it could not mark up, left out)."""
    text = rebuild_source(a)

    def cover(span):
        return _norm(text[span.start:span.end])

    dl = a.dateline
    return {
        "id": a.id, "language": a.language, "title": a.title,
        "headline": a.headline.text if a.headline else None,
        "dateline": dl and (dl.text, dl.place, dl.date, dl.date_partial, dl.agency, cover(dl.span)),
        "paragraphs": [(p.id, p.text) for p in a.paragraphs],
        "signoff": a.signoff.text if a.signoff else None,
        "quotes": [(q.id, q.text, q.kind, q.paragraph, cover(q.span), [cover(s) for s in q.parts], q.speaker,
                    q.speaker_text) for q in a.quotes],
        "entities": [(e.id, e.type, e.name, e.aliases, e.titles, e.affiliations, e.acronym, e.date, e.location,
                      [cover(m) for m in e.mentions if (e.id, m.start, m.end) not in unmarked]) for e in a.entities],
        "dates": [(d.id, d.text, d.kind, d.value, cover(d.span)) for d in a.dates],
    }


def _articles():
    arts = [convert.parse(p.read_bytes(), source=p.name).value for p in fixture_articles()]
    return arts + [rich_article(), no_headline_article()]


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a.source.name)
def test_round_trip_keeps_everything_newsml_carries(article):
    res = convert.write(article, "newsml")
    data = res.value
    back = read(data, "item.newsml.xml")
    assert [m for m in back.messages if m.severity != "info"] == []
    lost = unmarked_mentions(article)
    assert carried(back.value) == carried(article, lost)
    # the mentions left out were reported (NC506 counts them with what else was not marked up)
    reported = [int(m.text.split()[0]) for m in res.messages if m.code == "NC506"]
    assert not lost or sum(reported) >= len(lost)
    # the model read back is a valid model whose text rebuilds from its own blocks
    assert validate_model(json.loads(convert.to_json(back.value))) == []
    assert back.value.source.sha256 == __import__("hashlib").sha256(rebuild_source(back.value).encode()).hexdigest()
    # and writing it again gives the same item (apart from nothing)
    assert convert.write(back.value, "newsml").value == data


def test_not_carried_list_is_honest():
    """Each listed loss really happens for the rich sample (so the list cannot go stale silently)."""
    art = rich_article()
    back = read(convert.write(art, "newsml").value, "x.xml").value
    assert back.source != art.source
    assert [q.cue for q in back.quotes] == [None] * len(back.quotes) != [q.cue for q in art.quotes]
    assert all(q.speaker_span is None for q in back.quotes)
    assert back.entities[0].mentions[0] != art.entities[0].mentions[0]  # re-based, same words


def test_reads_iptc_examples_and_reports_what_it_skips(shared):
    folder = shared / "standards" / "newsml-g2" / "examples"
    results = {}
    for path in sorted(folder.glob("*.xml")):
        res = read(path.read_bytes(), path.name)
        assert not res.errors, path.name
        assert {m.code for m in res.messages} <= {"NC514", "NC515", "NC516"}
        assert validate_model(json.loads(convert.to_json(res.value))) == []
        results[path.name] = res
    sports = results["LISTING_22_Sports_story_in_NewsML-G2NITF.xml"]
    assert len(sports.value.paragraphs) == 6
    assert [e.name for e in sports.value.entities if e.type == "person"] == ["Doug Davis", "Freddy Garcia"]
    skipped = " ".join(m.text for m in sports.messages)
    assert "medtop:20000822" in skipped and "abstract" in skipped
    assert results["LISTING_2_NewsML-G2_Text_Document.xml"].value.title.text == 'Fed to halt QE to avert "bubble"'
    assert "NC515" in {m.code for m in results["LISTING_1_A_NewsML-G2_News_Item.xml"].messages}


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1"><itemMeta/>&lol9;</newsItem>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1">
<contentMeta><headline>&xxe;</headline></contentMeta></newsItem>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE, XXE.decode().encode("utf-16")], ids=["laughs", "xxe", "xxe-utf16"])
def test_entity_attacks_are_refused_with_a_clear_message(data):
    with pytest.raises(InputError) as exc:
        read(data, "evil.xml")
    (msg,) = exc.value.messages
    assert msg.code == "NC511" and "entit" in msg.text and "not allowed" in msg.text


def test_size_limit_and_malformed_xml():
    with pytest.raises(InputError) as exc:
        read(b"<newsItem/>" + b" " * 100, "big.xml", max_bytes=50)
    assert exc.value.messages[0].code == "NC512"
    with pytest.raises(InputError) as exc:
        read(b"<newsItem>\n<itemMeta>\n</newsItem>", "bad.xml")
    assert exc.value.messages[0].code == "NC510" and exc.value.messages[0].line == 3
    with pytest.raises(InputError) as exc:
        read(b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/>', "n.xml")
    assert exc.value.messages[0].code == "NC513"


def test_cli_round_trip(tmp_path):
    runner = CliRunner()
    src = fixture_articles()[0]
    out = tmp_path / "out.newsml.xml"
    r = runner.invoke(main, ["convert", str(src), "-t", "newsml", "-o", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["convert", str(out), "-t", "json"])
    assert r.exit_code == 0, r.output
    model = json.loads(r.stdout)
    assert model["id"] == convert.parse(src.read_bytes(), source=src.name).value.id
    r = runner.invoke(main, ["validate", str(out)])
    assert r.exit_code == 0, r.output


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=400))
def test_any_article_round_trips_through_newsml(text):
    try:
        art = convert.parse(text, source="h.txt").value
    except InputError:
        return
    back = read(convert.write(art, "newsml").value, "h.xml").value
    assert carried(back) == carried(art)
