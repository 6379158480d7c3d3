"""Reader for newsconv's schema.org JSON-LD (and simple NewsArticle JSON-LD from elsewhere).

It reads what `convert.writers.jsonld` writes back into the model: the article id (the `guid`
PropertyValue), language, headline or derived title, dateline (place, date and agency re-read from
the dateline text with the same grammar the text reader uses), paragraphs (`articleBody`, one per
blank-line-separated block), a sign-off that named an agency (written as the `#agency` author), the entities (Person / Organization / Place / Event with names,
acronym, aliases, job titles, affiliations, event date and location), the direct quotations with
their speakers, and the source's name and sha256.

What JSON-LD does not carry is rebuilt or left empty, and the reader says so (NC641): there are no
source positions, so the text is rebuilt as headline, dateline + " - " + first paragraph, the other
paragraphs, all separated by blank lines, and every span points into that rebuilt text.
`tests/test_jsonld_roundtrip.py` lists each field that does not come back, and why.

Why it reads JSON rather than expanding with a JSON-LD processor: pyld is a test dependency, and
the documents it must read are newsconv's own compact form; other publishers' JSON-LD is read as
far as it uses the same compact terms.
"""

from __future__ import annotations

import hashlib
import re

from .. import messages
from ..errors import InputError
from ..model import Article, Dateline, Entity, Paragraph, Quote, Source
from ..result import Message, Result
from ..schema import ID_PATTERN, LANGUAGE_PATTERN, SHA256_PATTERN
from .rebuilt import blocks, title_of

_ENTITY_TYPES = {
    "Person": "person",
    "Organization": "organization", "Corporation": "organization", "GovernmentOrganization": "organization",
    "NewsMediaOrganization": "organization", "NGO": "organization", "PoliticalParty": "organization",
    "EducationalOrganization": "organization",
    "Place": "place", "City": "place", "Country": "place", "State": "place", "AdministrativeArea": "place",
    "Event": "event",
}
_ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                  "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle")
_FRAGMENT = re.compile(r"#(?:(person|organization|place|event)-(e\d+)|quote-(q\d+))$")
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9&.\-]+$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DATELINE_SEP = " - "


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(node: dict) -> list[str]:
    return [t.rsplit("/", 1)[-1].removeprefix("schema:") for t in _as_list(node.get("@type")) if isinstance(t, str)]


def _text(value) -> str | None:
    """The first string of a property value (a string, a {"@value"} object or a list of them)."""
    for v in _as_list(value):
        if isinstance(v, dict):
            v = v.get("@value")
        if isinstance(v, str):
            return v
    return None


def _texts(value) -> list[str]:
    out = []
    for v in _as_list(value):
        if isinstance(v, dict):
            v = v.get("@value")
        if isinstance(v, str):
            out.append(v)
    return out


def _fail(name: str | None, detail: str, **loc) -> InputError:
    msg = messages.make("NC640", file=name, detail=detail, **loc)
    return InputError(msg.text, (msg,))


class _Nodes:
    """Every node object of the document by @id; nested nodes get blank-node ids."""

    def __init__(self, doc):
        self.by_id: dict[str, dict] = {}
        self.order: list[str] = []
        self._blank = 0
        tops = doc.get("@graph", [doc]) if isinstance(doc, dict) else doc
        for node in _as_list(tops):
            if isinstance(node, dict):
                self.add(node)

    def add(self, node: dict) -> str:
        nid = node.get("@id")
        if not isinstance(nid, str):
            self._blank += 1
            nid = f"_:b{self._blank}"
        if nid not in self.by_id:
            self.order.append(nid)
            self.by_id[nid] = node
        elif node.get("@type") and not self.by_id[nid].get("@type"):
            self.by_id[nid] = node
        for key, value in node.items():
            if key.startswith("@"):
                continue
            for v in _as_list(value):
                if isinstance(v, dict) and "@type" in v and key != "identifier":
                    v.setdefault("@id", None)
                    v["@id"] = self.add(v)
        return nid

    def ref(self, value) -> list[str]:
        """The node ids a property value points at."""
        out = []
        for v in _as_list(value):
            if isinstance(v, dict) and isinstance(v.get("@id"), str):
                out.append(v["@id"])
            elif isinstance(v, str) and v in self.by_id:
                out.append(v)
        return out


def _property_value(value, property_id: str) -> str | None:
    for v in _as_list(value):
        if isinstance(v, dict) and v.get("propertyID") == property_id and isinstance(v.get("value"), str):
            return v["value"]
    return None


def read(data: bytes, name: str | None = None, **_options) -> Result[Article]:
    from ..jsonsafe import load_json

    doc = load_json(data, source=name, max_bytes=None, syntax_code="NC640", syntax_prefix="not valid JSON: ")  # depth-limited, strict JSON; InputError otherwise
    if not isinstance(doc, (dict, list)):
        raise _fail(name, "the document is not a JSON object")
    nodes = _Nodes(doc)
    art_id = next((i for i in nodes.order if any(t in _ARTICLE_TYPES for t in _types(nodes.by_id[i]))), None)
    if art_id is None:
        raise _fail(name, "no NewsArticle node")
    art = nodes.by_id[art_id]
    notes: list[Message] = [messages.make("NC641", file=name)]

    # -- text: headline, dateline, paragraphs ------------------------------------------------
    headline_text = _text(art.get("headline"))
    body = _text(art.get("articleBody")) or ""
    para_texts = [p for p in body.split("\n\n") if p.strip()] if body else []
    dateline_text = _text(art.get("dateline"))
    pieces: list[tuple[str, str, str]] = []  # (role, text, separator after it)
    if headline_text:
        pieces.append(("headline", headline_text, "\n\n"))
    if dateline_text:
        pieces.append(("dateline", dateline_text, DATELINE_SEP if para_texts else "\n"))
    for k, p in enumerate(para_texts):
        pieces.append(("paragraph", p, "\n\n" if k + 1 < len(para_texts) else "\n"))
    signoff_text = _signoff(art, nodes, dateline_text)
    if signoff_text and para_texts:
        pieces[-1] = (*pieces[-1][:2], "\n\n")
        pieces.append(("signoff", signoff_text, "\n"))
    if pieces:
        role, text_, _sep = pieces[-1]
        pieces[-1] = (role, text_, "\n")
    text, index, headline, dateline, paragraphs, signoff = blocks(
        pieces, lambda t, span, sep: _dateline(t, span, sep, art, nodes))
    title = title_of(headline.text if headline else None, paragraphs[0].text if paragraphs else None,
                     _text(art.get("name")))

    # -- entities -----------------------------------------------------------------------------
    special = set()
    for prop in ("author", "publisher", "copyrightHolder", "isBasedOn", "locationCreated"):
        special.update(i for i in nodes.ref(art.get(prop)) if not _FRAGMENT.search(i))
    wanted: list[str] = []
    seen: set[str] = set()
    queue = [i for prop in ("mentions", "about", "contentLocation") for i in nodes.ref(art.get(prop))]
    queue += [i for i in nodes.order if _FRAGMENT.search(i) and not _FRAGMENT.search(i).group(3)]
    while queue:
        nid = queue.pop(0)
        node = nodes.by_id.get(nid)
        if nid in seen or node is None or nid in special:
            continue
        seen.add(nid)
        kinds = [_ENTITY_TYPES[t] for t in _types(node) if t in _ENTITY_TYPES]
        if not kinds:
            if not any(t in ("Quotation", "CreativeWork", "PropertyValue") for t in _types(node)):
                notes.append(messages.make("NC642", file=name, what="node", name=nid,
                                           detail="not a Person, Organization, Place or Event"))
            continue
        wanted.append(nid)
        queue += nodes.ref(node.get("affiliation")) + nodes.ref(node.get("location"))
    wanted.sort(key=nodes.order.index)
    used = {m.group(2) for i in wanted if (m := _FRAGMENT.search(i)) and m.group(2)}
    entity_id: dict[str, str] = {}
    counter = 0
    for nid in wanted:
        m = _FRAGMENT.search(nid)
        if m and m.group(2):
            entity_id[nid] = m.group(2)
        else:
            counter += 1
            while f"e{counter}" in used:
                counter += 1
            entity_id[nid] = f"e{counter}"
            used.add(entity_id[nid])
    entities: list[Entity] = []
    for nid in wanted:
        node = nodes.by_id[nid]
        etype = next(_ENTITY_TYPES[t] for t in _types(node) if t in _ENTITY_TYPES)
        ename = _text(node.get("name"))
        if not ename:
            notes.append(messages.make("NC642", file=name, what="node", name=nid, detail="it has no name"))
            continue
        alt = _texts(node.get("alternateName"))
        acronym = alt.pop(0) if alt and _ACRONYM.match(alt[0]) else None
        titles = tuple(_texts(node.get("jobTitle")))
        affiliations = tuple(entity_id[r] for r in nodes.ref(node.get("affiliation")) if r in entity_id)
        date = location = None
        if etype == "event":
            start = _text(node.get("startDate"))
            date = start[:10] if start and _DATE.match(start[:10]) else None
            loc = [r for r in nodes.ref(node.get("location")) if r in entity_id]
            location = entity_id[loc[0]] if loc else None
        entities.append(Entity(entity_id[nid], etype, ename, tuple(alt), titles, affiliations, acronym,
                               date, location))
    known = {e.id for e in entities}

    # -- quotations ---------------------------------------------------------------------------
    quotes: list[Quote] = []
    quote_nodes = [i for i in nodes.order if "Quotation" in _types(nodes.by_id[i])]
    used_q = {m.group(3) for i in quote_nodes if (m := _FRAGMENT.search(i)) and m.group(3)}
    qcount = 0
    for nid in quote_nodes:
        node = nodes.by_id[nid]
        qtext = _text(node.get("text"))
        if not qtext or not paragraphs:
            notes.append(messages.make("NC642", file=name, what="Quotation", name=nid,
                                       detail="it has no text" if not qtext else "the article has no body"))
            continue
        m = _FRAGMENT.search(nid)
        if m and m.group(3):
            qid = m.group(3)
        else:
            qcount += 1
            while f"q{qcount}" in used_q:
                qcount += 1
            qid = f"q{qcount}"
            used_q.add(qid)
        para, start = _locate(qtext, paragraphs)
        span = index.span(start, start + len(qtext)) if start is not None else para.span
        creators = [entity_id[r] for r in nodes.ref(node.get("creator") or node.get("spokenByCharacter"))
                    if r in entity_id and entity_id[r] in known]
        quotes.append(Quote(qid, qtext, "direct", para.id, span, speaker=creators[0] if creators else None))

    # -- identity and source ----------------------------------------------------------------
    source_nodes = [nodes.by_id[i] for i in nodes.ref(art.get("isBasedOn")) if i in nodes.by_id]
    source_node = source_nodes[0] if source_nodes else {}
    sha = _property_value(source_node.get("identifier"), "sha256")
    if not sha or not SHA256_PATTERN.match(sha):
        sha = hashlib.sha256(data).hexdigest()
    aid = _property_value(art.get("identifier"), "guid")
    if not aid or not ID_PATTERN.match(aid):
        aid = f"urn:newsconv:{sha[:20]}"
    lang = _text(art.get("inLanguage"))
    encoded = text.encode("utf-8")
    # the source is the text the JSON-LD was made from; without an isBasedOn node, the file itself
    source_name = _text(source_node.get("name")) if source_node else name
    source = Source(source_name, sha, len(encoded), "utf-8", False, "lf")
    article = Article(
        id=aid,
        source=source,
        language=lang if lang and LANGUAGE_PATTERN.match(lang) else "und",
        layout="blank-lines" if pieces else "empty",
        title=title,
        headline=headline,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        signoff=signoff,
        quotes=tuple(quotes),
        entities=tuple(entities),
    )
    return Result(article, tuple(notes))


def _dateline(text: str, span, sep: str, art: dict, nodes: _Nodes) -> Dateline:
    """Place, date and agency from the dateline text (as the text reader found them), else from
    `locationCreated` and `datePublished`."""
    from .dateline import parse_dateline_text

    m = parse_dateline_text(text)
    if m is not None and m.end == len(text):
        return Dateline(text, span, m.place, m.date, m.date_partial, m.agency, None, sep)
    place = None
    for r in nodes.ref(art.get("locationCreated")):
        place = _text(nodes.by_id.get(r, {}).get("name"))
    published = _text(art.get("datePublished"))
    date = published[:10] if published and _DATE.match(published[:10]) else None
    return Dateline(text, span, place, date, False, None, None, sep)


def _signoff(art: dict, nodes: _Nodes, dateline_text: str | None) -> str | None:
    """The agency a wire sign-off named: newsconv writes it as the `#agency` author when the
    dateline credits none."""
    from .dateline import parse_dateline_text

    if dateline_text:
        m = parse_dateline_text(dateline_text)
        if m is not None and m.agency:
            return None
    for ref in nodes.ref(art.get("author")):
        if ref.endswith("#agency"):
            return _text(nodes.by_id.get(ref, {}).get("name"))
    return None


def _locate(quote: str, paragraphs: list[Paragraph]) -> tuple[Paragraph, int | None]:
    """The paragraph holding the quotation and its start offset in the rebuilt text."""
    for probe in (quote, quote[:40]):
        for p in paragraphs:
            k = p.text.find(probe)
            if k >= 0:
                return p, (p.span.start + k) if probe == quote else None
    return paragraphs[0], None


__all__ = ["read"]
