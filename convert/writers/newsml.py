"""NewsML-G2 2.35 (Power) writer: one `newsItem` with an NITF 3.6 body.

What goes where (see the README section "NewsML-G2"):
- root `newsItem`: `guid` = the article id (`urn:newsconv:<sha256 prefix>`, stable for the same source
  bytes), `version="1"`, `standard="NewsML-G2"`, `standardversion="2.35"`, `conformance="power"`,
  `xml:lang`; one `catalogRef` to catalog.IPTC-G2-Standards_41.xml, which declares every scheme
  alias used (`ninat`, `stat`, `cpnat`, `nrol`); everything newsconv invents is a `uri`/`roleuri`,
  never a qcode with an undeclared alias;
- `rightsInfo` when `WriteOptions.copyright_holder` is given;
- `itemMeta` in schema order: itemClass `ninat:text`, provider, versionCreated, firstCreated,
  pubStatus `stat:usable`, generator `newsconv` + version, an `edNote` when the title is derived;
- `contentMeta`, administrative before descriptive: contentCreated (the article's date), located
  (the dateline place), infoSource (the dateline's agency), language, one `subject` per entity
  (`cpnat:person|organisation|geoArea|event` with its name), headline, dateline;
- `partMeta` per direct quotation (`contentrefs` = its `q` ids): `creator` = the speaker,
  `by` = the speaker as written; `assert` per entity (names and their roles, titles, affiliations,
  event date and location); `inlineRef` per entity with the ids of its mentions in the body;
- `contentSet/inlineXML contenttype="application/nitf+xml"` holding the NITF body.

Times never come from the clock: versionCreated/firstCreated are `WriteOptions.created`, else the
article's date at 00:00 UTC (NC501), else the fixed FALLBACK_CREATED (NC502).

Two paths, one output: `build_item` builds the item with lxml (the reference, and what callers
that want a tree use); `write` writes the same bytes and messages straight to text (`_item_text`,
the body through `fastxml`), about half the cost, and falls back to `build_item` for anything the
fast path does not reproduce. tests/test_fastxml.py compares the two on every fixture and on the
hand-built samples (escaping, removed characters and their messages included).
"""

from __future__ import annotations

import re
from datetime import datetime

from .. import messages
from ..model import Article
from ..namespaces import CATALOG_URL, NAR, NITF, ROLE_DERIVED_HEADLINE, ROLE_TITLE, XML
from ..options import WriteOptions
from ..result import Message, Result
from ..quotetext import quote_text
from .fastxml import _esc_attr, _esc_text
from .nitf_body import BodyBuilder, Cleaner

#: versionCreated when neither WriteOptions.created nor the article gives a date (documented).
FALLBACK_CREATED = "1970-01-01T00:00:00Z"
GENERATOR = "newsconv"
CPNAT = {"person": "cpnat:person", "organization": "cpnat:organisation", "place": "cpnat:geoArea",
         "event": "cpnat:event"}
NAT_CP = {v: k for k, v in CPNAT.items()}

_N = f"{{{NAR}}}"
_XML_LANG = f"{{{XML}}}lang"
_NAMES = ("newsItem", "catalogRef", "rightsInfo", "copyrightHolder", "copyrightNotice", "itemMeta",
          "itemClass", "provider", "versionCreated", "firstCreated", "pubStatus", "generator", "edNote",
          "contentMeta", "contentCreated", "located", "infoSource", "language", "subject", "name",
          "headline", "dateline", "partMeta", "creator", "by", "description", "assert", "type", "note",
          "personDetails", "organisationDetails", "affiliation", "location", "eventDetails", "dates",
          "start", "inlineRef", "contentSet", "inlineXML")
T = {n: _N + n for n in _NAMES}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_G2_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")


def _version() -> str:
    from .. import __version__

    return __version__


def created_time(article: Article, options: WriteOptions, name: str | None) -> tuple[str, list[Message]]:
    """versionCreated: the option, else the article's date, else the fixed fallback (with a note)."""
    notes: list[Message] = []
    if options.created:
        value = options.created.strip()
        try:
            if _ISO_DATE.match(value):
                dt = datetime.fromisoformat(value + "T00:00:00+00:00")
            else:
                dt = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
            text = dt.isoformat(timespec="seconds")
            return (text[:-6] + "Z" if text.endswith("+00:00") else text), notes
        except ValueError:
            notes.append(messages.make("NC503", file=name, value=options.created))
    date = article.date
    if date and _ISO_DATE.match(date):
        value = f"{date}T00:00:00Z"
        notes.append(messages.make("NC501", file=name, value=value))
        return value, notes
    notes.append(messages.make("NC502", file=name, value=FALLBACK_CREATED))
    return FALLBACK_CREATED, notes


def concept_uri(article: Article, entity_id: str) -> str:
    """The IRI of an entity of this article: `urn:newsconv:<hash>#e3`."""
    return f"{article.id}#{entity_id}"


def _pretty(root, indent: int | None) -> None:
    if indent is None:
        return
    step = " " * indent
    # element-only containers; mixed content (p, q, headline, ...) is left byte for byte
    _indent_tree(root, 0, step)


def _indent_tree(el, level: int, step: str) -> None:
    if el.tag in _NO_INDENT or not len(el) or (el.text and el.text.strip()):
        return
    children = list(el)
    if any(c.tail and c.tail.strip() for c in children):
        return  # mixed content
    inner = "\n" + step * (level + 1)
    el.text = inner
    for c in children:
        c.tail = inner
        _indent_tree(c, level + 1, step)
    children[-1].tail = "\n" + step * level


# text containers whose whitespace is content even when they hold only child elements
_NO_INDENT = frozenset({f"{{{NITF}}}{t}" for t in ("p", "q", "hl1", "dateline", "tagline", "person", "org",
                                                     "location", "event", "chron", "story.date")}
                       | {T["headline"], T["dateline"], T["note"], T["name"], T["description"], T["by"]})


def _literal(text: str) -> str:
    """A `literal` attribute or concept `name` (g2normalizedString): the schema's pattern `[\\S ]*`
    allows no tab or line break, which become spaces. Most names hold none: three one-character
    searches (~0.15 µs) spare them the per-character translate (~1.5 µs for a short name)."""
    if "\t" in text or "\n" in text or "\r" in text:
        return text.translate(_LITERAL_SPACES)
    return text


_LITERAL_SPACES = {9: " ", 10: " ", 13: " "}


def _part_meta_quotes(a: Article, builder):
    """(quote, its q ids, speaker entity, text the reader will rebuild) for each direct quotation
    that needs a partMeta: one with a speaker or a speaker as written, or whose text is not its
    quoted words. One decision for both builders (build_item and the fast text path)."""
    for q in a.quotes:
        ids = builder.quote_ids.get(q.id)
        if not ids or q.kind != "direct":
            continue
        speaker = builder.entity(q.speaker)
        rebuilt = quote_text(["".join(builder.quote_elements[i].itertext()) for i in ids])
        if speaker is None and not q.speaker_text and rebuilt == q.text:
            continue
        yield q, ids, speaker, rebuilt


def build_item(article: Article, options: WriteOptions, factory=None):
    """(newsItem element, messages). `factory` is the element API to build with: lxml.etree (the
    default) or convert.writers.fastxml, which `write` uses (same bytes, a fraction of the cost)."""
    if factory is None:
        from lxml import etree as factory
    Element, SubElement = factory.Element, factory.SubElement

    name = article.source.name
    clean = Cleaner(name)
    notes: list[Message] = []
    a = article
    root = Element(T["newsItem"], nsmap={None: NAR})
    root.set("guid", a.id)
    root.set("version", "1")
    root.set("standard", "NewsML-G2")
    root.set("standardversion", "2.35")
    root.set("conformance", "power")
    root.set(_XML_LANG, a.language)
    SubElement(root, T["catalogRef"], href=CATALOG_URL)
    if options.copyright_holder:
        rights = SubElement(root, T["rightsInfo"])
        holder = SubElement(rights, T["copyrightHolder"])
        SubElement(holder, T["name"]).text = clean(options.copyright_holder)
        SubElement(rights, T["copyrightNotice"]).text = clean(f"Copyright {options.copyright_holder}")

    # ---- itemMeta (strict order) ----------------------------------------------------------
    created, time_notes = created_time(a, options, name)
    notes.extend(time_notes)
    meta = SubElement(root, T["itemMeta"])
    SubElement(meta, T["itemClass"], qcode="ninat:text")
    provider = clean(options.provider or GENERATOR)
    SubElement(SubElement(meta, T["provider"], literal=_literal(provider)), T["name"]).text = provider
    SubElement(meta, T["versionCreated"]).text = created
    SubElement(meta, T["firstCreated"]).text = created
    SubElement(meta, T["pubStatus"], qcode="stat:usable")
    SubElement(meta, T["generator"], versioninfo=_version()).text = GENERATOR
    derived = a.title.derived and bool(a.title.text)
    if derived:
        SubElement(meta, T["edNote"]).text = (
            "The source text has no headline: the headline of this item was derived from the lead "
            f"({a.title.method}) by newsconv.")
        notes.append(messages.make("NC505", file=name, method=a.title.method))

    # ---- contentMeta: administrative, then descriptive -------------------------------------
    cm = SubElement(root, T["contentMeta"])
    date = a.date
    if date:
        SubElement(cm, T["contentCreated"]).text = date
    dl = a.dateline
    if dl is not None and dl.place:
        loc = SubElement(cm, T["located"], type="cpnat:geoArea")
        place = _find_place(a, dl.place)
        if place is not None:
            loc.set("uri", concept_uri(a, place.id))
        else:
            loc.set("literal", _literal(clean(dl.place)))
        SubElement(loc, T["name"]).text = clean(dl.place)
    if dl is not None and dl.agency:
        src = SubElement(cm, T["infoSource"], literal=_literal(clean(dl.agency)))
        SubElement(src, T["name"]).text = clean(dl.agency)
    SubElement(cm, T["language"], tag=a.language)
    for ent in a.entities:
        subj = SubElement(cm, T["subject"], type=CPNAT[ent.type], uri=concept_uri(a, ent.id))
        SubElement(subj, T["name"]).text = clean(ent.name)
    if a.title.text:
        hl = SubElement(cm, T["headline"])
        hl.text = clean(a.title.text)
        if derived:
            hl.set("roleuri", f"{ROLE_DERIVED_HEADLINE}:{a.title.method}")
    if dl is not None:
        SubElement(cm, T["dateline"]).text = clean.block(dl.text, dl)

    # ---- the body first (its ids are what partMeta/inlineRef point at) ----------------------
    builder = BodyBuilder(a, clean, mark_headline=not derived, factory=factory)
    body = builder.build()

    for q, ids, speaker, rebuilt in _part_meta_quotes(a, builder):
        pm = SubElement(root, T["partMeta"], partid=f"pm-{q.id}", contentrefs=" ".join(ids))
        if speaker is not None:
            cr = SubElement(pm, T["creator"], uri=concept_uri(a, speaker.id))
            SubElement(cr, T["name"]).text = clean(speaker.name)
        if q.speaker_text:
            SubElement(pm, T["by"]).text = clean(q.speaker_text)
        if rebuilt != q.text:
            SubElement(pm, T["description"]).text = clean(q.text)

    for ent in a.entities:
        _assert(root, a, ent, clean, notes, name, SubElement)
    for ent in a.entities:
        ids = builder.mention_ids.get(ent.id)
        if ids:
            SubElement(root, T["inlineRef"], idrefs=" ".join(ids), uri=concept_uri(a, ent.id))

    cs = SubElement(root, T["contentSet"])
    ix = SubElement(cs, T["inlineXML"], contenttype="application/nitf+xml")
    nitf = SubElement(ix, f"{{{NITF}}}nitf", nsmap={None: NITF})
    nitf.append(body)
    for el in root.iter(T["name"]):  # concept names are g2normalizedString: no tab or line break
        if el.text:
            el.text = _literal(el.text)
    notes.extend(builder.report())
    notes.extend(clean.messages)
    return root, notes


def _find_place(a: Article, place: str):
    key = place.casefold()
    for ent in a.entities:
        if ent.type == "place" and (ent.name.casefold() == key or any(x.casefold() == key for x in ent.aliases)):
            return ent
    return None


def _assert(root, a: Article, ent, clean, notes: list[Message], name: str | None, SubElement) -> None:
    el = SubElement(root, T["assert"], uri=concept_uri(a, ent.id))
    SubElement(el, T["type"], qcode=CPNAT[ent.type])
    SubElement(el, T["name"]).text = clean(ent.name)
    for alias in ent.aliases:
        SubElement(el, T["name"], role="nrol:alternate").text = clean(alias)
    if ent.acronym:
        SubElement(el, T["name"], role="nrol:short").text = clean(ent.acronym)
    for title in ent.titles:
        SubElement(el, T["note"], roleuri=ROLE_TITLE).text = clean(title)

    def lost(what: str, why: str) -> None:
        notes.append(messages.make("NC507", file=name, what=what, entity=f"{ent.id} ({ent.name})", why=why))

    affiliations = [x for x in (a.entity(i) for i in ent.affiliations) if x is not None]
    if len(affiliations) < len(ent.affiliations):
        lost("an affiliation", "it names an entity id that is not in the article")
    location = a.entity(ent.location)
    if ent.location and location is None:
        lost("the location", "it names an entity id that is not in the article")
    if ent.type == "person":
        if affiliations:
            det = SubElement(el, T["personDetails"])
            for org in affiliations:
                aff = SubElement(det, T["affiliation"], uri=concept_uri(a, org.id))
                SubElement(aff, T["name"]).text = clean(org.name)
        if ent.date:
            lost("the date", "NewsML-G2 gives people birth and death dates only")
        if location is not None:
            lost("the location", "NewsML-G2 has no location for a person")
    elif ent.type == "organization":
        if affiliations or location is not None:
            det = SubElement(el, T["organisationDetails"])
            if location is not None:
                loc = SubElement(det, T["location"], uri=concept_uri(a, location.id))
                SubElement(loc, T["name"]).text = clean(location.name)
            for org in affiliations:
                aff = SubElement(det, T["affiliation"], uri=concept_uri(a, org.id))
                SubElement(aff, T["name"]).text = clean(org.name)
        if ent.date:
            lost("the date", "NewsML-G2 gives organisations founding and dissolution dates only")
    else:
        if affiliations:
            lost("affiliations", f"NewsML-G2 has affiliations for people and organisations, not a {ent.type}")
        if ent.type == "event":
            if ent.date and _G2_DATE.match(ent.date):
                det = SubElement(el, T["eventDetails"])
                SubElement(SubElement(det, T["dates"]), T["start"]).text = ent.date
                if location is not None:
                    loc = SubElement(det, T["location"], uri=concept_uri(a, location.id))
                    SubElement(loc, T["name"]).text = clean(location.name)
            elif location is not None:
                lost("the location", "eventDetails needs a start date, and the event has none")
        else:
            if ent.date:
                lost("the date", "NewsML-G2 has no date for a place")
            if location is not None:
                lost("the location", "a place's broader place is not modelled")


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def write(article: Article, options: WriteOptions) -> Result[bytes]:
    from .fastxml import Unsupported

    try:
        data, notes = _item_text(article, options)
    except Unsupported:  # e.g. a character lxml refuses: let lxml say so, as before
        from lxml.etree import tostring

        root, notes = build_item(article, options)
        _pretty(root, options.indent)
        data = _DECLARATION + tostring(root, encoding="UTF-8")
        if options.indent is not None:
            data += b"\n"
    return Result(data, tuple(notes))


# ---- the fast path: the same item written straight to text -------------------------------------
# `build_item` (lxml) is the reference; `_item_text` writes the same bytes without building a tree
# for the metadata (lxml costs ~1 µs per element and ~1.5 µs per attribute, the item has ~380 and
# ~360). Every `clean` call happens in the same order, so the messages are the same too.
# tests/test_fastxml.py compares the two on every fixture and the hand-built samples.


class _Out:
    """Element-only XML as text, indented as `_pretty` indents it (leaves are written whole)."""

    __slots__ = ("parts", "nl")

    def __init__(self, indent: int | None):
        self.parts: list[str] = []
        #: the line break and indentation before an element at each level ("" when not indenting)
        self.nl = [""] * 12 if indent is None else ["\n" + " " * (indent * k) for k in range(12)]

    def leaf(self, level: int, start: str, local: str, text: str | None) -> None:
        """`start` is `<local attrs`; text None: `<x/>`, else `<x>text</x>` (escaped)."""
        if text is None:
            self.parts.append(f"{self.nl[level]}{start}/>")
        else:
            self.parts.append(f"{self.nl[level]}{start}>{_esc_text(text)}</{local}>")

    def open(self, level: int, start: str) -> None:
        self.parts.append(f"{self.nl[level]}{start}>")

    def close(self, level: int, local: str) -> None:
        self.parts.append(f"{self.nl[level]}</{local}>")


#: an attribute value, escaped (a short name: it is in every attribute the item writes)
_a = _esc_attr


def _item_text(article: Article, options: WriteOptions) -> tuple[bytes, list[Message]]:
    """The item's bytes (declaration included) and messages: what `write` gives from build_item."""
    from . import fastxml

    name = article.source.name
    clean = Cleaner(name)
    notes: list[Message] = []
    a = article
    aid = _a(a.id)
    o = _Out(options.indent)
    leaf, open_, close = o.leaf, o.open, o.close
    o.parts.append(f'<newsItem xmlns="{NAR}" guid="{aid}" version="1" standard="NewsML-G2" '
                   f'standardversion="2.35" conformance="power" xml:lang="{_a(a.language)}">')
    leaf(1, f'<catalogRef href="{CATALOG_URL}"', "catalogRef", None)
    if options.copyright_holder:
        open_(1, "<rightsInfo")
        open_(2, "<copyrightHolder")
        leaf(3, "<name", "name", _literal(clean(options.copyright_holder)))
        close(2, "copyrightHolder")
        leaf(2, "<copyrightNotice", "copyrightNotice", clean(f"Copyright {options.copyright_holder}"))
        close(1, "rightsInfo")

    created, time_notes = created_time(a, options, name)
    notes.extend(time_notes)
    open_(1, "<itemMeta")
    leaf(2, '<itemClass qcode="ninat:text"', "itemClass", None)
    provider = clean(options.provider or GENERATOR)
    open_(2, f'<provider literal="{_a(_literal(provider))}"')
    leaf(3, "<name", "name", _literal(provider))
    close(2, "provider")
    leaf(2, "<versionCreated", "versionCreated", created)
    leaf(2, "<firstCreated", "firstCreated", created)
    leaf(2, '<pubStatus qcode="stat:usable"', "pubStatus", None)
    leaf(2, f'<generator versioninfo="{_a(_version())}"', "generator", GENERATOR)
    derived = a.title.derived and bool(a.title.text)
    if derived:
        leaf(2, "<edNote", "edNote",
             "The source text has no headline: the headline of this item was derived from the lead "
             f"({a.title.method}) by newsconv.")
        notes.append(messages.make("NC505", file=name, method=a.title.method))
    close(1, "itemMeta")

    open_(1, "<contentMeta")
    date = a.date
    if date:
        leaf(2, "<contentCreated", "contentCreated", date)
    dl = a.dateline
    if dl is not None and dl.place:
        place = _find_place(a, dl.place)
        if place is not None:
            start = f'<located type="cpnat:geoArea" uri="{aid}#{_a(place.id)}"'
        else:
            start = f'<located type="cpnat:geoArea" literal="{_a(_literal(clean(dl.place)))}"'
        open_(2, start)
        leaf(3, "<name", "name", _literal(clean(dl.place)))
        close(2, "located")
    if dl is not None and dl.agency:
        open_(2, f'<infoSource literal="{_a(_literal(clean(dl.agency)))}"')
        leaf(3, "<name", "name", _literal(clean(dl.agency)))
        close(2, "infoSource")
    leaf(2, f'<language tag="{_a(a.language)}"', "language", None)
    nl2, nl3 = o.nl[2], o.nl[3]
    for ent in a.entities:  # (one string per subject: what open_/leaf/close would write)
        o.parts.append(f'{nl2}<subject type="{CPNAT[ent.type]}" uri="{aid}#{_a(ent.id)}">'
                       f'{nl3}<name>{_esc_text(_literal(clean(ent.name)))}</name>{nl2}</subject>')
    if a.title.text:
        text = clean(a.title.text)
        if derived:
            leaf(2, f'<headline roleuri="{_a(f"{ROLE_DERIVED_HEADLINE}:{a.title.method}")}"', "headline", text)
        else:
            leaf(2, "<headline", "headline", text)
    if dl is not None:
        leaf(2, "<dateline", "dateline", clean.block(dl.text, dl))
    close(1, "contentMeta")

    builder = BodyBuilder(a, clean, mark_headline=not derived, factory=fastxml)
    body = builder.build()

    for q, ids, speaker, rebuilt in _part_meta_quotes(a, builder):
        open_(1, f'<partMeta partid="{_a(f"pm-{q.id}")}" contentrefs="{_a(" ".join(ids))}"')
        if speaker is not None:
            open_(2, f'<creator uri="{aid}#{_a(speaker.id)}"')
            leaf(3, "<name", "name", _literal(clean(speaker.name)))
            close(2, "creator")
        if q.speaker_text:
            leaf(2, "<by", "by", clean(q.speaker_text))
        if rebuilt != q.text:
            leaf(2, "<description", "description", clean(q.text))
        close(1, "partMeta")

    for ent in a.entities:
        _assert_text(o, a, aid, ent, builder.entities, clean, notes, name)
    for ent in a.entities:
        ids = builder.mention_ids.get(ent.id)
        if ids:
            leaf(1, f'<inlineRef idrefs="{_a(" ".join(ids))}" uri="{aid}#{_a(ent.id)}"', "inlineRef", None)

    open_(1, "<contentSet")
    open_(2, '<inlineXML contenttype="application/nitf+xml"')
    nitf = fastxml.Element(f"{{{NITF}}}nitf", nsmap={None: NITF})
    nitf.append(body)
    if options.indent is not None:
        o.parts.append(o.nl[3])
        o.parts.append(fastxml.tostring(nitf, options.indent, _NO_INDENT, level=3, as_text=True))
    else:
        o.parts.append(fastxml.tostring(nitf, None, _NO_INDENT, as_text=True))
    close(2, "inlineXML")
    close(1, "contentSet")
    close(0, "newsItem")
    notes.extend(builder.report())
    notes.extend(clean.messages)
    data = fastxml.encode_checked("".join(o.parts))
    return _DECLARATION + data + (b"\n" if options.indent is not None else b""), notes


def _assert_text(o: _Out, a: Article, aid: str, ent, by_id: dict, clean, notes: list[Message],
                 name: str | None) -> None:
    leaf, open_, close = o.leaf, o.open, o.close
    nl1, nl2 = o.nl[1], o.nl[2]
    o.parts.append(f'{nl1}<assert uri="{aid}#{_a(ent.id)}">{nl2}<type qcode="{CPNAT[ent.type]}"/>'
                   f'{nl2}<name>{_esc_text(_literal(clean(ent.name)))}</name>')
    for alias in ent.aliases:
        leaf(2, '<name role="nrol:alternate"', "name", _literal(clean(alias)))
    if ent.acronym:
        leaf(2, '<name role="nrol:short"', "name", _literal(clean(ent.acronym)))
    for title in ent.titles:
        leaf(2, f'<note roleuri="{ROLE_TITLE}"', "note", clean(title))

    def lost(what: str, why: str) -> None:
        notes.append(messages.make("NC507", file=name, what=what, entity=f"{ent.id} ({ent.name})", why=why))

    affiliations = [by_id[i] for i in ent.affiliations if i in by_id]
    if len(affiliations) < len(ent.affiliations):
        lost("an affiliation", "it names an entity id that is not in the article")
    location = by_id.get(ent.location) if ent.location is not None else None
    if ent.location and location is None:
        lost("the location", "it names an entity id that is not in the article")

    def linked(level: int, local: str, target) -> None:
        open_(level, f'<{local} uri="{aid}#{_a(target.id)}"')
        leaf(level + 1, "<name", "name", _literal(clean(target.name)))
        close(level, local)

    if ent.type == "person":
        if affiliations:
            open_(2, "<personDetails")
            for org in affiliations:
                linked(3, "affiliation", org)
            close(2, "personDetails")
        if ent.date:
            lost("the date", "NewsML-G2 gives people birth and death dates only")
        if location is not None:
            lost("the location", "NewsML-G2 has no location for a person")
    elif ent.type == "organization":
        if affiliations or location is not None:
            open_(2, "<organisationDetails")
            if location is not None:
                linked(3, "location", location)
            for org in affiliations:
                linked(3, "affiliation", org)
            close(2, "organisationDetails")
        if ent.date:
            lost("the date", "NewsML-G2 gives organisations founding and dissolution dates only")
    else:
        if affiliations:
            lost("affiliations", f"NewsML-G2 has affiliations for people and organisations, not a {ent.type}")
        if ent.type == "event":
            if ent.date and _G2_DATE.match(ent.date):
                open_(2, "<eventDetails")
                open_(3, "<dates")
                leaf(4, "<start", "start", ent.date)
                close(3, "dates")
                if location is not None:
                    linked(3, "location", location)
                close(2, "eventDetails")
            elif location is not None:
                lost("the location", "eventDetails needs a start date, and the event has none")
        else:
            if ent.date:
                lost("the date", "NewsML-G2 has no date for a place")
            if location is not None:
                lost("the location", "a place's broader place is not modelled")
    close(1, "assert")


__all__ = ["write", "build_item", "created_time", "concept_uri", "FALLBACK_CREATED", "CPNAT", "NAT_CP"]
