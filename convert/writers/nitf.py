"""Standalone NITF 3.6 writer: one `nitf` document in the NITF namespace.

- `nitf baselang="en"`;
- `head/title` (`type="main"` for a real headline; a title derived from the lead is
  `type="alternate"` with a `docdata/ed-msg msg-type="derived-title:<method>"` saying so);
- `head/docdata`: `doc-id regsrc="newsconv" id-string="<article id>"`, `date.issue norm="YYYYMMDD"`
  (the article's date; no clock), `identified-content` with one `person`/`org`/`location`/`event`
  per entity (`id="e3"`, `idsrc`=article id, `value`=entity id), a person's titles as `function`,
  aliases, acronyms, affiliations and event/organisation locations as `alt-code` with `idsrc`
  `urn:newsconv:alias|acronym|affiliation|location`, an event's date as `start-date`;
- `body`: the same NITF body as the NewsML-G2 writer (convert/writers/nitf_body.py), with the
  dateline's agency as `body.head/distributor` and inline names pointing at `docdata` through
  `idsrc`/`value`.
"""

from __future__ import annotations

from .. import messages
from ..model import Article
from ..namespaces import NITF
from ..options import WriteOptions
from ..result import Message, Result
from .nitf_body import TAG, BodyBuilder, Cleaner, link_to_docdata
from ..quotetext import quote_text
from .newsml import _DECLARATION, _indent_tree

ALT_ALIAS = "urn:newsconv:alias"
ALT_ACRONYM = "urn:newsconv:acronym"
ALT_AFFILIATION = "urn:newsconv:affiliation"
ALT_LOCATION = "urn:newsconv:location"
ENTITY_TAG = {"person": "person", "organization": "org", "place": "location", "event": "event"}


def build_document(article: Article, options: WriteOptions):
    from lxml.etree import Element, SubElement

    a = article
    name = a.source.name
    clean = Cleaner(name)
    notes: list[Message] = []

    def lost(what: str, why: str) -> None:
        notes.append(messages.make("NC560", file=name, what=what, why=why))

    root = Element(TAG["nitf"], nsmap={None: NITF})
    root.set("version", "-//IPTC//DTD NITF 3.6//EN")
    root.set("baselang", a.language)
    head = SubElement(root, TAG["head"])
    derived = a.title.derived and bool(a.title.text)
    if a.title.text:
        SubElement(head, TAG["title"], type="alternate" if derived else "main").text = clean(a.title.text)
    doc = SubElement(head, TAG["docdata"])
    SubElement(doc, TAG["doc-id"], {"regsrc": "newsconv", "id-string": a.id})
    date = a.date
    if date:
        SubElement(doc, TAG["date.issue"], norm=date.replace("-", ""))
    if derived:
        SubElement(doc, f"{{{NITF}}}ed-msg", {"msg-type": f"derived-title:{a.title.method}",
                                               "info": "The source text has no headline: the title was "
                                                       f"derived from the lead ({a.title.method}) by newsconv."})
    if a.entities:
        ic = SubElement(doc, TAG["identified-content"])
        for ent in a.entities:
            el = SubElement(ic, f"{{{NITF}}}{ENTITY_TAG[ent.type]}", id=ent.id)
            link_to_docdata(el, a.id, ent)
            el.text = clean(ent.name)
            if ent.type == "person":
                for title in ent.titles:
                    SubElement(el, TAG["function"]).text = clean(title)
            elif ent.titles:
                lost(f"the titles of {ent.id} ({ent.name})", "NITF gives titles (function) to people only")
            codes = [(ALT_ALIAS, x) for x in ent.aliases]
            if ent.acronym:
                codes.append((ALT_ACRONYM, ent.acronym))
            if ent.type in ("person", "organization"):
                codes += [(ALT_AFFILIATION, x) for x in ent.affiliations]
            elif ent.affiliations:
                lost(f"the affiliations of {ent.id} ({ent.name})", "only people and organisations have them")
            if ent.location:
                if ent.type in ("event", "organization"):
                    codes.append((ALT_LOCATION, ent.location))
                else:
                    lost(f"the location of {ent.id} ({ent.name})", f"a {ent.type} has no location here")
            if ent.date:
                if ent.type == "event":
                    el.set("start-date", ent.date)
                else:
                    lost(f"the date of {ent.id} ({ent.name})", f"a {ent.type} has no date in NITF")
            for src, val in codes:
                SubElement(el, TAG["alt-code"], idsrc=src, value=clean(val))

    builder = BodyBuilder(a, clean, mark_headline=not derived, standalone=True)
    root.append(builder.build())
    differing = [q.id for q in a.direct_quotes if q.speaker and q.speaker_text
                 and (a.entity(q.speaker) is None or q.speaker_text != a.entity(q.speaker).name)]
    if differing:
        lost(f"the speaker as written of {', '.join(differing)}",
             "q/@quote-source holds the speaker's name; NITF has no second field")
    for q in a.quotes:
        ids = builder.quote_ids.get(q.id)
        if not ids:
            continue
        texts = [el for el in root.iter(TAG["q"]) if el.get("id") in ids]
        rebuilt = quote_text(["".join(el.itertext()) for el in texts])
        if rebuilt != q.text:
            lost(f"the exact text of {q.id}", "NITF holds the quoted words as they stand in the paragraph")
    notes.extend(builder.report())
    notes.extend(clean.messages)
    return root, notes


def write(article: Article, options: WriteOptions) -> Result[bytes]:
    from lxml.etree import tostring

    root, notes = build_document(article, options)
    if options.indent is not None:
        _indent_tree(root, 0, " " * options.indent)
    data = _DECLARATION + tostring(root, encoding="UTF-8")
    if options.indent is not None:
        data += b"\n"
    return Result(data, tuple(notes))


__all__ = ["write", "build_document", "ALT_ALIAS", "ALT_ACRONYM", "ALT_AFFILIATION", "ALT_LOCATION"]
