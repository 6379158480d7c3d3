"""Hypothesis strategies for valid Articles, shared by tests/test_writer_properties.py and
bench/prop_writers_long.py; the one test here checks that the rich models are consistent.

Two kinds of article:
- `parsed_articles()`: generated text (paragraph-like lines, and arbitrary unicode) through
  `convert.parse` - what the reader really produces (input errors are the reader's business and
  tested elsewhere; they are skipped here).
- `rich_articles()`: models built directly, with what the extraction will fill: quotations with and
  without speakers (interrupted ones in two parts, scare quotes), entities of every type with
  titles, affiliations, acronyms, aliases, events with a date and a location, date mentions, a
  dateline with place/date/agency, a sign-off. The source text is generated piece by piece and
  every span is taken from where its piece landed, so offsets, line:col, ids and references are
  consistent. Text runs mix arbitrary unicode with the hard cases: `<`, `>`, `&`, `]]>`, quotation
  marks, right-to-left scripts and bidi controls, combining characters, emoji (ZWJ sequences and
  modifiers), control characters and characters outside XML 1.0 (U+FFFE, U+FFFF, U+0001, U+000B).
  One mention in three is also put anywhere in a paragraph, so names cross quotation edges and sit
  inside other names (what NITF cannot mark up, and must report).
"""

from __future__ import annotations

import hashlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convert
from convert.errors import InputError
from convert.model import (Article, Block, Dateline, DateMention, Entity, Paragraph, Quote, Source, Title,
                           blocks_in_order, rebuild_source)
from convert.schema import validate_model
from convert.options import WriteOptions
from convert.textpos import LineIndex

SPECIALS = (
    "<", ">", "&", "]]>", "<![CDATA[", "&amp;", "&#0;", '"', "'", "“", "”", "‘", "’", "«", "»", "„",
    "مرحبا بالعالم", "שלום", "\u202e", "\u200f", "\u200d", "e\u0301", "a\u0308\u0323", "\u0915\u094d\u0937",
    "👍🏽", "👨\u200d👩\u200d👧", "🇵🇰", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f",
    "\ufffe", "\uffff", "\ufeff", "\U0010ffff", "\U0001f600", "\u00a0", "\u2028", "\u3000", "\t", "\\",
    "{", "}", "@id", "http://x", "--", "%", "$", "\u0000",
)

#: characters of a run: anything but surrogates and the line breaks the text index counts
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n")
_WORD_CHARS = st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp"), blacklist_characters="\r\n\t ")


def word() -> st.SearchStrategy[str]:
    """A non-blank run: letters, specials, anything (never starts with whitespace)."""
    return st.one_of(
        st.from_regex(r"[A-Za-z][a-z]{0,9}", fullmatch=True),
        st.sampled_from(SPECIALS).filter(lambda s: s.strip() != "" and not s[0].isspace()),
        st.text(_WORD_CHARS, min_size=1, max_size=8),
    )


def phrase(min_words: int = 1, max_words: int = 6) -> st.SearchStrategy[str]:
    """Words joined by single spaces (sometimes other runs: NBSP, tabs, arbitrary characters)."""
    glue = st.sampled_from((" ", " ", " ", "  ", "\u00a0", "\t", ", "))
    return st.lists(st.tuples(word(), glue), min_size=min_words, max_size=max_words).map(
        lambda ws: "".join(w + g for w, g in ws[:-1]) + ws[-1][0])


def free_text() -> st.SearchStrategy[str]:
    return st.text(_CHARS, min_size=1, max_size=30).filter(lambda s: s.strip() != "")


def iso_date(kind: str | None = None) -> st.SearchStrategy[str]:
    full = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
    month = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}")
    year = st.integers(1000, 9999).map(lambda y: f"{y:04d}")
    noyear = st.dates().map(lambda d: f"--{d.month:02d}-{d.day:02d}")
    if kind == "absolute":
        return full
    if kind == "partial":
        return st.one_of(month, year, noyear)
    return st.one_of(full, month, year, noyear)


class _Text:
    """The source text as it is built, with the offsets of what was put where."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def value(self) -> str:
        return "".join(self.parts)


@st.composite
def rich_articles(draw) -> Article:
    # ---- entities first (mentions are placed in the text below) -------------------------------
    n_ent = draw(st.integers(0, 7))
    types = draw(st.lists(st.sampled_from(("person", "organization", "place", "event")),
                          min_size=n_ent, max_size=n_ent))
    ent_ids = [f"e{i + 1}" for i in range(n_ent)]
    orgs = [eid for eid, t in zip(ent_ids, types) if t == "organization"]
    places = [eid for eid, t in zip(ent_ids, types) if t == "place"]
    specs = []
    for eid, etype in zip(ent_ids, types):
        name = draw(phrase(1, 3))
        aliases = tuple(draw(st.lists(phrase(1, 2), max_size=2)))
        titles = tuple(draw(st.lists(phrase(1, 5), max_size=2)))
        affs = tuple(draw(st.lists(st.sampled_from([o for o in orgs if o != eid]), max_size=2, unique=True))) \
            if etype in ("person", "organization") and [o for o in orgs if o != eid] else ()
        if etype == "organization":
            acronym = draw(st.none() | st.from_regex(r"[A-Z]{2,5}", fullmatch=True) | word())
        else:  # the model allows an acronym on any entity; writers must cope
            acronym = draw(st.none() | word()) if draw(st.integers(0, 4)) == 0 else None
        date = draw(st.none() | iso_date()) if etype == "event" else None
        location = draw(st.none() | st.sampled_from(places)) if etype == "event" and places else None
        specs.append(dict(id=eid, type=etype, name=name, aliases=aliases, titles=titles, affiliations=affs,
                          acronym=acronym, date=date, location=location, mentions=[]))
    speakers = [s for s in specs if s["type"] in ("person", "organization")]

    text = _Text()
    dates: list[tuple[str, str, str | None, tuple[int, int]]] = []
    quotes: list[dict] = []

    def mention(spec) -> None:
        forms = [spec["name"], *spec["aliases"], *([spec["acronym"]] if spec["acronym"] else [])]
        spec["mentions"].append(text.add(draw(st.sampled_from(forms))))

    def date_mention() -> None:
        kind = draw(st.sampled_from(("absolute", "partial", "relative")))
        value = draw(iso_date(kind)) if kind != "relative" else draw(st.none() | iso_date("absolute"))
        written = draw(st.one_of(phrase(1, 3), st.just(value or "Tuesday")))
        dates.append((kind, written, value, text.add(written)))

    def segments(pid: str | None, allow_quotes: bool) -> None:
        kinds = ["text", "text", "date"] + (["mention"] if specs else []) + (["quote", "quote"] if allow_quotes else [])
        n = draw(st.integers(1, 6))
        text.add(draw(word()))
        for _ in range(n):
            text.add(draw(st.sampled_from((" ", " ", " ", ", ", " \u00a0"))))
            kind = draw(st.sampled_from(kinds))
            if kind == "text":
                text.add(draw(st.one_of(phrase(), free_text())))
            elif kind == "mention":
                mention(draw(st.sampled_from(specs)))
            elif kind == "date":
                date_mention()
            else:
                quote(pid)

    def quote(pid: str) -> None:
        scare = draw(st.booleans()) and draw(st.booleans())
        opening, closing = draw(st.sampled_from((("“", "”"), ('"', '"'), ("«\u00a0", "\u00a0»"), ("‘", "’"),
                                                  ("„", "“"))))
        marks_in_span = draw(st.booleans())
        two_parts = not scare and draw(st.integers(0, 3)) == 0
        pieces, inner_texts = [], []
        for k in range(2 if two_parts else 1):
            if k:
                text.add(draw(st.sampled_from((" he said, ", " said X, ", ", ", " — "))))
            s0, _ = text.add(opening)
            i0 = text.pos
            inner = draw(phrase(1, 8))
            text.add(inner)
            if specs and draw(st.integers(0, 3)) == 0:  # a name inside the quotation
                text.add(" ")
                mention(draw(st.sampled_from(specs)))
            i1 = text.pos
            _, e1 = text.add(closing)
            pieces.append((s0, e1) if marks_in_span else (i0, i1))
            inner_texts.append(text.value()[i0:i1])
        q = dict(kind="scare" if scare else "direct", paragraph=pid, span=(pieces[0][0], pieces[-1][1]),
                 parts=tuple(pieces) if two_parts or draw(st.booleans()) else (), text=" ".join(inner_texts),
                 speaker=None, speaker_text=None, speaker_span=None, cue=None)
        if not scare:
            how = draw(st.sampled_from(("entity", "entity", "written", "none")))
            if how != "none":
                cue = draw(st.none() | st.sampled_from(("said", "told", "asserted", "tweeted", "قال")))
                text.add(" ")
                if how == "entity" and speakers:
                    spec = draw(st.sampled_from(speakers))
                    mention(spec)
                    q["speaker"] = spec["id"]
                    span = spec["mentions"][-1]
                else:
                    span = text.add(draw(phrase(1, 3)))
                q["speaker_text"] = text.value()[span[0]:span[1]] if draw(st.integers(0, 4)) else None
                q["speaker_span"] = span if q["speaker_text"] is not None and draw(st.booleans()) else None
                if cue:
                    text.add(" " + cue)
                q["cue"] = cue
        quotes.append(q)

    # ---- the text: prefix, headline, dateline, paragraphs, sign-off ---------------------------
    prefix = draw(st.sampled_from(("", "", "\n", "\n\n")))
    text.add(prefix)
    headline = None
    if draw(st.booleans()):
        h0 = text.pos
        segments(None, allow_quotes=False)
        headline = (h0, text.pos, draw(st.sampled_from(("\n\n", "\n\n\n"))))
        text.add(headline[2])
    dateline = None
    if draw(st.booleans()):
        d0 = text.pos
        place_specs = [s for s in specs if s["type"] == "place"]
        if place_specs and draw(st.booleans()):
            spec = draw(st.sampled_from(place_specs))
            mention(spec)
            ps, pe = spec["mentions"][-1]
        else:
            ps, pe = text.add(draw(phrase(1, 2)))
        place = text.value()[ps:pe]
        date_value = None
        if draw(st.booleans()):
            text.add(", ")
            date_value = draw(iso_date())
            if draw(st.booleans()):
                dates.append(("absolute" if len(date_value) == 10 else "partial", date_value, date_value,
                              text.add(date_value)))
            else:
                text.add(draw(phrase(1, 3)))
        agency = None
        if draw(st.booleans()):
            agency = draw(phrase(1, 2))
            text.add(f" ({agency})")
        dateline = (d0, text.pos, place, date_value, agency, draw(st.sampled_from((" - ", " — ", ": "))))
        text.add(dateline[5])
    n_par = draw(st.integers(1, 5))
    paras = []
    for i in range(n_par):
        pid = f"p{i + 1}"
        p0 = text.pos
        segments(pid, allow_quotes=True)
        sep = "\n\n" if i < n_par - 1 else draw(st.sampled_from(("\n", "", "\n\n")))
        paras.append((pid, p0, text.pos, sep))
        text.add(sep)
    signoff = None
    if draw(st.booleans()):
        if paras[-1][3] == "":
            raise_sep = "\n"  # the sign-off needs a line of its own
            paras[-1] = paras[-1][:3] + (raise_sep,)
            text.add(raise_sep)
        s0 = text.pos
        text.add("(Reporting by " + draw(phrase(1, 2)) + ")")
        signoff = (s0, text.pos, "\n")
        text.add("\n")

    # ---- a mention anywhere in a paragraph: across a quotation's edge, inside another name... ----
    src = text.value()
    if specs and draw(st.integers(0, 2)) == 0:
        _pid, a0, b0, _sep = draw(st.sampled_from(paras))
        a = draw(st.integers(a0, b0 - 1))
        b = draw(st.integers(a + 1, b0))
        spec = draw(st.sampled_from(specs))
        spec["mentions"].append((a, b))
        if src[a:b] not in (spec["name"], *spec["aliases"], spec["acronym"]):
            spec["aliases"] = spec["aliases"] + (src[a:b],)

    # ---- the model ------------------------------------------------------------------------------
    ix = LineIndex(src)
    sp = lambda a, b: ix.span(a, b)  # noqa: E731
    data = src.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    entities = tuple(Entity(s["id"], s["type"], s["name"], s["aliases"], s["titles"], s["affiliations"],
                            s["acronym"], s["date"], s["location"],
                            tuple(sp(a, b) for a, b in sorted(s["mentions"]))) for s in specs)
    qs = tuple(Quote(f"q{i + 1}", q["text"], q["kind"], q["paragraph"], sp(*q["span"]),
                     tuple(sp(*x) for x in q["parts"]), q["speaker"], q["speaker_text"],
                     sp(*q["speaker_span"]) if q["speaker_span"] else None, q["cue"])
               for i, q in enumerate(quotes))
    ds = tuple(DateMention(f"d{i + 1}", src[a:b], kind, sp(a, b), value)
               for i, (kind, _w, value, (a, b)) in enumerate(sorted(dates, key=lambda d: d[3])))
    paragraphs = tuple(Paragraph(pid, src[a:b], sp(a, b), None, sep) for pid, a, b, sep in paras)
    head_block = Block(src[headline[0]:headline[1]], sp(headline[0], headline[1]), None, headline[2]) \
        if headline else None
    dl = Dateline(src[dateline[0]:dateline[1]], sp(dateline[0], dateline[1]), dateline[2], dateline[3],
                  bool(dateline[3] and dateline[3].startswith("--")), dateline[4], None, dateline[5]) \
        if dateline else None
    sign = Block(src[signoff[0]:signoff[1]], sp(signoff[0], signoff[1]), None, signoff[2]) if signoff else None
    if head_block is not None:
        title = Title(head_block.text, False, "headline")
    else:
        lead = paragraphs[0].text
        title = Title(lead[: draw(st.integers(1, max(1, len(lead))))], True,
                      draw(st.sampled_from(("lead-clause", "lead-sentence"))))
    return Article(
        id="urn:newsconv:" + sha[:20],
        source=Source("generated.txt", sha, len(data), "utf-8", False, "lf"),
        language=draw(st.sampled_from(("en", "en", "fr", "ar", "he", "zh-Hant", "de-CH"))),
        layout="blank-lines", title=title, headline=head_block, dateline=dl, paragraphs=paragraphs,
        signoff=sign, quotes=qs, entities=entities, dates=ds, prefix=prefix,
    )


# ---- text through the reader ---------------------------------------------------------------------

def _article_like_text() -> st.SearchStrategy[str]:
    line = st.one_of(phrase(1, 12), free_text(), st.sampled_from((
        "WASHINGTON, March 3, 2025 (AP) — ", "LONDON, March 3 (Reuters) - ", "(Reporting by Jane Doe)",
        '"We will win," Khan said.', "“Stay <home> & safe,” said Sen. Laura Whitfield.", "]]> & <b>")))
    breaks = st.sampled_from(("\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\r", " "))
    return st.lists(st.tuples(line, breaks), min_size=1, max_size=8).map(lambda ls: "".join(a + b for a, b in ls))


def parsed_articles() -> st.SearchStrategy[Article | None]:
    """Articles the text reader makes of generated text (None when the reader refuses the input)."""
    def parse(text: str):
        try:
            return convert.parse(text, source="gen.txt").value
        except InputError:
            return None
    return st.one_of(_article_like_text(), st.text(st.characters(blacklist_categories=("Cs",)), min_size=1,
                                                   max_size=300)).map(parse)


def write_options() -> st.SearchStrategy[WriteOptions]:
    return st.builds(WriteOptions,
                     created=st.sampled_from((None, None, "2024-11-27T08:00:00Z", "2024-11-27", "yesterday")),
                     provider=st.sampled_from((None, "Example News", "A & B <Wire>")),
                     copyright_holder=st.sampled_from((None, "Example News")),
                     indent=st.sampled_from((None, 2)))


# ---- the strategies make what they promise ---------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_articles())
def test_rich_articles_are_consistent_models(article):
    """Schema-valid; the source is rebuilt exactly; every span points at its text; every reference
    resolves (what the writers are then entitled to rely on)."""
    assert validate_model(json.loads(convert.to_json(article))) == []
    src = rebuild_source(article)
    assert hashlib.sha256(src.encode("utf-8")).hexdigest() == article.source.sha256
    ix = LineIndex(src)
    spans = [b.span for b in blocks_in_order(article)]
    for ent in article.entities:
        forms = {ent.name, *ent.aliases, *([ent.acronym] if ent.acronym else [])}
        for m in ent.mentions:
            assert src[m.start:m.end] in forms
            spans.append(m)
        assert set(ent.affiliations) <= {e.id for e in article.entities_of("organization")}
        assert ent.location is None or article.entity(ent.location).type == "place"
    pids = {p.id: p for p in article.paragraphs}
    for q in article.quotes:
        par = pids[q.paragraph]
        assert par.span.start <= q.span.start < q.span.end <= par.span.end
        assert q.speaker is None or article.entity(q.speaker).type in ("person", "organization")
        spans += [q.span, *q.parts]
    for d in article.dates:
        assert src[d.span.start:d.span.end] == d.text
        spans.append(d.span)
    for s in spans:
        assert ix.span(s.start, s.end) == s
    for block in blocks_in_order(article):
        assert src[block.span.start:block.span.end] == block.text


__all__ = ["rich_articles", "parsed_articles", "write_options", "SPECIALS"]
