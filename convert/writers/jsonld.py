"""schema.org JSON-LD: one `NewsArticle` graph that search engines and knowledge graphs can use.

Shape (one `@graph`, every node with a stable absolute `@id`, nodes linked by reference):

- `NewsArticle` `<base>#article`: `headline` (only when the source has one; a title newsconv made
  from the lead is written as `name`, never passed off as the headline), `dateline`,
  `datePublished` (the dateline's full date, else `WriteOptions.created`), `articleBody`,
  `wordCount`, `inLanguage`, `identifier` (PropertyValue `guid`, the NewsML-G2 guid = article id),
  `locationCreated` (dateline place), `contentLocation` (the places), `mentions` (people,
  organisations, places), `about` (events), `isBasedOn` (the source text), `author` (the agency
  credited by the dateline or a wire sign-off), `publisher`/`copyrightHolder` (from the options).
- `CreativeWork` `<base>#source`: the source text, `identifier` PropertyValue `sha256`,
  `encodingFormat` `text/plain`, `name` the file name (without its folder).
- `Person` (`jobTitle`, `affiliation`), `Organization`, `Place`, `Event` (`startDate`, `location`)
  `<base>#<type>-<entity id>`; `alternateName` holds the acronym first, then the aliases.
- `Quotation` `<base>#quote-<quote id>` per direct quotation: `text`, `creator` (the speaker's
  node), `isPartOf` the article. Scare quotes are not speech and are not written.

Why flat nodes with references: one node per thing, so a speaker quoted three times and named in
`mentions` is one Person to a consumer, and the reader can map `@id`s back to model ids.
Why sorted keys: JSON object key order carries no meaning, so sorting makes the output
deterministic (`build` inserts keys in sorted order, which gives `json.dumps(sort_keys=True)`'s
bytes at half the cost); arrays keep the model's order (the order things appear in the text).
`dumps` gives `json.dumps(indent=2)`'s exact bytes with json's C string escaper (see there why).
"""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring as _escape
from pathlib import PurePath

from .. import messages
from ..model import Article, Entity
from ..options import WriteOptions
from ..result import Message, Result

CONTEXT = "https://schema.org"
SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "event": "Event"}
GUID_PROPERTY = "guid"
SHA256_PROPERTY = "sha256"
SOURCE_FORMAT = "text/plain"

# fragments of the nodes that are not entities or quotations
ARTICLE = "article"
SOURCE = "source"
AGENCY = "agency"
DATELINE_PLACE = "dateline-place"
PUBLISHER = "publisher"
COPYRIGHT_HOLDER = "copyright-holder"

#: home pages of news agencies that datelines credit, so the article's author is identifiable
#: (Google's author guidance asks for a url); keys are casefolded credits as datelines write them
AGENCY_URLS = {
    "ap": "https://apnews.com/", "associated press": "https://apnews.com/",
    "afp": "https://www.afp.com/", "agence france-presse": "https://www.afp.com/",
    "reuters": "https://www.reuters.com/", "reuter": "https://www.reuters.com/",
    "upi": "https://www.upi.com/", "dpa": "https://www.dpa.com/", "efe": "https://www.efe.com/",
    "ansa": "https://www.ansa.it/", "pa": "https://www.pa.media/", "bloomberg": "https://www.bloomberg.com/",
    "xinhua": "https://english.news.cn/", "kyodo": "https://english.kyodonews.net/",
}

_ABS_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+\-.]*:[^\s<>\"{}|\\^`]+$")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SCHEMA_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$")


def default_base(article: Article) -> str:
    """The article id when it is an absolute IRI (`urn:newsconv:<hash>`), else a urn made from it."""
    if _ABS_IRI.match(article.id) and "#" not in article.id:
        return article.id
    from urllib.parse import quote

    return "urn:newsconv:" + quote(article.id, safe="")


def resolve_base(article: Article, options: WriteOptions) -> tuple[str, list[Message]]:
    """The base IRI for `@id`s: the option (without a fragment) when absolute, else the default."""
    default = default_base(article)
    if options.base_iri is None:
        return default, []
    base = options.base_iri.split("#", 1)[0]
    if not _ABS_IRI.match(base):
        return default, [messages.make("NC620", iri=options.base_iri, default=default)]
    return base, []


def entity_fragment(entity: Entity) -> str:
    return f"{entity.type}-{entity.id}"


def _one_or_many(values: list):
    return values[0] if len(values) == 1 else values


def _pretty_place(name: str) -> str:
    """`HONG KONG` -> `Hong Kong` for a node name (the dateline text keeps it as written)."""
    return name.title() if name.isupper() else name


def _same_name(entity: Entity, text: str) -> bool:
    low = text.casefold()
    return (entity.name.casefold() == low or (entity.acronym or "").casefold() == low
            or any(a.casefold() == low for a in entity.aliases))


def build(article: Article, options: WriteOptions) -> tuple[dict, list[Message]]:
    """The JSON-LD document (a dict) for `article`, and the messages about what was left out."""
    base, notes = resolve_base(article, options)
    prefix = base + "#"
    article_id = prefix + ARTICLE
    art: dict = {
        "@id": article_id,
        "@type": "NewsArticle",
        "identifier": {"@type": "PropertyValue", "propertyID": GUID_PROPERTY, "value": article.id},
        "inLanguage": article.language,
        "isBasedOn": {"@id": prefix + SOURCE},
    }
    title = article.title
    if title.text:
        # a derived title is a label, not the article's headline: `name` says no more than that
        art["name" if title.derived else "headline"] = title.text
    body = article.body_text
    # = article.word_count (the paragraphs joined by blank lines), in one split instead of one each
    art["wordCount"] = len(body.split())
    if body:
        art["articleBody"] = body

    source = article.source
    source_node: dict = {
        "@id": prefix + SOURCE,
        "@type": "CreativeWork",
        "encodingFormat": SOURCE_FORMAT,
        "identifier": {"@type": "PropertyValue", "propertyID": SHA256_PROPERTY, "value": source.sha256},
    }
    if source.name:
        source_node["name"] = PurePath(source.name).name or source.name
    graph: list[dict] = [art, source_node]
    extra: list[dict] = []

    entities = article.entities
    by_id = {e.id: e for e in entities}
    node_of = {e.id: prefix + entity_fragment(e) for e in entities}

    # -- dateline: text, place, date, agency ------------------------------------------------
    agency_urls: dict[str, str] = {}
    dateline = article.dateline
    if dateline is not None:
        art["dateline"] = dateline.text
        if dateline.date:
            if _FULL_DATE.match(dateline.date) and not dateline.date_partial:
                art["datePublished"] = dateline.date
            else:
                notes.append(messages.make("NC622", line=dateline.span.line, col=dateline.span.col,
                                           date=dateline.date))
        if dateline.place:
            match = next((e for e in entities if e.type == "place" and _same_name(e, dateline.place)), None)
            if match is not None:
                art["locationCreated"] = {"@id": node_of[match.id]}
            else:
                art["locationCreated"] = {"@id": prefix + DATELINE_PLACE}
                extra.append({"@id": prefix + DATELINE_PLACE, "@type": "Place",
                              "name": _pretty_place(dateline.place)})
    # the credited agency: the dateline's `(Reuters)`, else a wire sign-off that names one (`Reuter`)
    agency = dateline.agency if dateline is not None else None
    if not agency and article.signoff is not None:
        word = article.signoff.text.strip(" ()-—–")
        agency = word if word.casefold() in AGENCY_URLS else None
    if agency:
        match = next((e for e in entities if e.type == "organization" and _same_name(e, agency)), None)
        agency_url = AGENCY_URLS.get(agency.casefold())
        if match is not None:
            art["author"] = {"@id": node_of[match.id]}
            if agency_url:
                agency_urls[match.id] = agency_url
        else:
            art["author"] = {"@id": prefix + AGENCY}
            node = {"@id": prefix + AGENCY, "@type": "Organization", "name": agency}
            if agency_url:
                node["url"] = agency_url
            extra.append(node)
    if "datePublished" not in art and options.created:
        if _DATETIME.match(options.created):
            art["datePublished"] = options.created
        else:
            notes.append(messages.make("NC621", value=options.created))

    # -- publisher and rights holder from the options ---------------------------------------
    if options.provider:
        art["publisher"] = {"@id": prefix + PUBLISHER}
        extra.append({"@id": prefix + PUBLISHER, "@type": "Organization", "name": options.provider})
    if options.copyright_holder:
        if options.copyright_holder == options.provider:
            art["copyrightHolder"] = {"@id": prefix + PUBLISHER}
        else:
            art["copyrightHolder"] = {"@id": prefix + COPYRIGHT_HOLDER}
            extra.append({"@id": prefix + COPYRIGHT_HOLDER, "@type": "Organization",
                          "name": options.copyright_holder})

    # -- entities ---------------------------------------------------------------------------
    mentions: list[dict] = []
    about: list[dict] = []
    places: list[dict] = []
    entity_nodes: list[dict] = []
    for e in entities:
        ref = {"@id": node_of[e.id]}
        node: dict = {"@id": node_of[e.id], "@type": SCHEMA_TYPES[e.type], "name": e.name}
        alt = [e.acronym] if e.acronym else []
        alt.extend(a for a in e.aliases if a not in alt)
        if alt:
            node["alternateName"] = _one_or_many(alt)
        if e.id in agency_urls:
            node["url"] = agency_urls[e.id]
        if e.titles:
            if e.type == "person":
                node["jobTitle"] = _one_or_many(list(e.titles))
            else:
                notes.append(messages.make("NC625", id=e.id, field="titles", type=SCHEMA_TYPES[e.type]))
        if e.affiliations:
            if e.type == "person":
                refs = []
                for a in e.affiliations:
                    target = by_id.get(a)
                    if target is not None and target.type == "organization":
                        refs.append({"@id": node_of[a]})
                    else:
                        notes.append(messages.make("NC626", ref=a, where=f"affiliations of {e.id}",
                                                   need="an organization"))
                if refs:
                    node["affiliation"] = _one_or_many(refs)
            else:
                notes.append(messages.make("NC625", id=e.id, field="affiliations", type=SCHEMA_TYPES[e.type]))
        if e.date:
            if e.type != "event":
                notes.append(messages.make("NC625", id=e.id, field="date", type=SCHEMA_TYPES[e.type]))
            elif _SCHEMA_DATE.match(e.date):
                node["startDate"] = e.date
            else:
                notes.append(messages.make("NC623", id=e.id, date=e.date))
        if e.location:
            target = by_id.get(e.location)
            if e.type != "event":
                notes.append(messages.make("NC625", id=e.id, field="location", type=SCHEMA_TYPES[e.type]))
            elif target is not None and target.type == "place":
                node["location"] = {"@id": node_of[target.id]}
            else:
                notes.append(messages.make("NC626", ref=e.location, where=f"location of {e.id}", need="a place"))
        entity_nodes.append(node)
        if e.type == "event":
            about.append(ref)
        else:
            mentions.append(ref)
            if e.type == "place":
                places.append(ref)
    if mentions:
        art["mentions"] = mentions
    if about:
        art["about"] = about
    if places:
        art["contentLocation"] = places
    elif "locationCreated" in art:
        art["contentLocation"] = [art["locationCreated"]]

    # -- quotations ---------------------------------------------------------------------------
    quote_nodes: list[dict] = []
    scare = empty = 0
    for q in article.quotes:
        if q.kind != "direct":
            scare += 1
            continue
        if not q.text.strip():
            empty += 1
            continue
        node = {"@id": f"{prefix}quote-{q.id}", "@type": "Quotation", "text": q.text,
                "isPartOf": {"@id": article_id}}
        if q.speaker is not None:
            speaker = by_id.get(q.speaker)
            if speaker is not None and speaker.type in ("person", "organization"):
                node["creator"] = {"@id": node_of[speaker.id]}
            else:
                notes.append(messages.make("NC624", line=q.span.line, col=q.span.col, id=q.id, ref=q.speaker))
        quote_nodes.append(node)
    if scare:
        notes.append(messages.make("NC627", count=scare, why="scare quotes are not speech"))
    if empty:
        notes.append(messages.make("NC627", count=empty, why="empty quotation marks quote nothing"))

    graph.extend(extra)
    graph.extend(entity_nodes)
    graph.extend(quote_nodes)
    # keys in sorted order (nested objects are built sorted): the same bytes as sort_keys=True,
    # which costs the pure-Python indenting encoder more than the whole rest of the writer
    return {"@context": CONTEXT, "@graph": [dict(sorted(n.items())) for n in graph]}, notes


def dumps(obj, indent: int | None) -> str:
    """`json.dumps(obj, ensure_ascii=False, indent=indent)`, byte for byte, faster.

    Why: with `indent`, CPython's json falls back to its pure-Python encoder, which costs more
    than building the whole graph. This walks the same dicts and lists and lets json's own C
    string escaper (`json.encoder.encode_basestring`) and `json.dumps` write every value, so
    escaping is json's; `tests/test_jsonld.py` checks the bytes against `json.dumps` (hypothesis)."""
    if indent is None:
        return json.dumps(obj, ensure_ascii=False)
    return _encode(obj, "\n", " " * indent)


def _encode(v, nl: str, step: str) -> str:
    t = type(v)
    if t is str:
        return _escape(v)
    if t is dict:
        if not v:
            return "{}"
        inner = nl + step
        return ("{" + inner + ("," + inner).join(_escape(k) + ": " + _encode(x, inner, step) for k, x in v.items())
                + nl + "}")
    if t is list:
        if not v:
            return "[]"
        inner = nl + step
        return "[" + inner + ("," + inner).join(_encode(x, inner, step) for x in v) + nl + "]"
    if t is int or t is bool or v is None:
        return json.dumps(v)
    raise TypeError(f"unexpected {t.__name__} in a JSON-LD document")  # pragma: no cover - build() guard


def write(article: Article, options: WriteOptions) -> Result[bytes]:
    doc, notes = build(article, options)
    return Result((dumps(doc, options.indent) + "\n").encode("utf-8"), tuple(notes))


__all__ = ["write", "build", "default_base", "resolve_base", "entity_fragment", "CONTEXT", "SCHEMA_TYPES"]
