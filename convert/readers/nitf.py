"""Standalone NITF 3.6 reader: an `nitf` document back into the model.

Reads what convert/writers/nitf.py writes (head/title with its derived-title ed-msg, docdata doc-id,
date.issue and identified-content, the body with inline names, quotations and dates, the
distributor as the dateline's agency) and, as far as the model goes, anyone's NITF: inline names
without links to docdata become entities grouped by type and name. What is skipped is reported
(NC562). Parsing is hardened (convert.xmlsafe). Spans refer to the text rebuilt from the document
(headline, dateline, paragraphs and sign-off separated by blank lines), as for NewsML-G2.
"""

from __future__ import annotations

import hashlib
import re

from .. import messages, xmlsafe
from ..errors import InputError
from ..quotetext import quote_text, widen_to_marks
from ..model import Article, Dateline, Entity, Quote, Title
from ..namespaces import NITF
from ..result import Message, Result
from ..schema import DATE_PATTERN, ID_PATTERN, LANGUAGE_PATTERN
from ..writers.nitf import ALT_ACRONYM, ALT_AFFILIATION, ALT_ALIAS, ALT_LOCATION
from . import nitf_body
from .newsml import SPEAKER_TYPES, _local, _Reader
from .rebuilt import Rebuilt, norm_space as _norm_space, title_of

_F = f"{{{NITF}}}"
_KIND = {"person": "person", "org": "organization", "location": "place", "event": "event"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _link(el) -> tuple[str | None, str | None]:
    if _local(el.tag) == "location":
        return el.get("code-source"), el.get("location-code")
    return el.get("idsrc"), el.get("value")


def read(data: bytes, name: str | None = None, *, max_bytes: int | None = xmlsafe.DEFAULT_MAX_XML_BYTES,
         **_options) -> Result[Article]:
    root = xmlsafe.parse(data, name, max_bytes=max_bytes)
    notes: list[Message] = []

    def skipped(what: str, why: str) -> None:
        notes.append(messages.make("NC562", file=name, what=what, why=why))

    if _local(root.tag) != "nitf":
        msg = messages.make("NC561", file=name, line=root.sourceline, tag=root.tag)
        raise InputError(msg.text, (msg,))
    ns = _F if root.tag == _F + "nitf" else ""
    if not ns:
        notes.append(messages.make("NC516", file=name, line=root.sourceline))

    def q(path: str) -> str:
        return "/".join(ns + p for p in path.split("/"))

    head = root.find(q("head"))
    body = root.find(q("body"))
    doc = head.find(q("docdata")) if head is not None else None
    doc_id = doc.find(q("doc-id")) if doc is not None else None
    id_string = doc_id.get("id-string") if doc_id is not None else None

    # title (a derived one is flagged by an ed-msg)
    title_el = head.find(q("title")) if head is not None else None
    title_text = _norm_space("".join(title_el.itertext())) if title_el is not None else ""
    derived = None
    for msg in (doc.findall(q("ed-msg")) if doc is not None else []):
        mtype = msg.get("msg-type") or ""
        if mtype.startswith("derived-title:"):
            derived = mtype.split(":", 1)[1]

    txt = Rebuilt()
    headline, dl_el, dateline = nitf_body.head(body, ns, txt, title_text, derived is not None)
    paras = nitf_body.paragraphs(body, ns, txt, skipped, ("hedline", "dateline", "distributor"))
    signoff = nitf_body.tagline(body, ns, txt)

    text = txt.finish()
    span, sep = txt.span, txt.sep

    # entities: docdata identified-content first, then inline names in the body
    entities: dict[str, dict] = {}
    order: list[str] = []
    ic = doc.find(q("identified-content")) if doc is not None else None
    for el in (ic if ic is not None else []):
        kind = _KIND.get(_local(el.tag))
        if kind is None or not isinstance(el.tag, str):
            if isinstance(el.tag, str):
                skipped(f"identified-content {_local(el.tag)}", "not a person, organisation, place or event")
            continue
        src, val = _link(el)
        key = el.get("id") or val or f"{kind}:{_norm_space(el.text or '')}"
        name_text = _norm_space(el.text or "")
        if not name_text:
            continue
        info = {"type": kind, "name": name_text, "aliases": [], "titles": [], "affiliations": [], "acronym": None,
                "date": None, "location": None, "mentions": []}
        for child in el:
            if _local(child.tag) == "function":
                info["titles"].append(_norm_space("".join(child.itertext())))
            elif _local(child.tag) == "alt-code":
                codes = {ALT_ALIAS: "aliases", ALT_AFFILIATION: "affiliations"}
                field = codes.get(child.get("idsrc"))
                if field:
                    info[field].append(child.get("value") or "")
                elif child.get("idsrc") == ALT_ACRONYM:
                    info["acronym"] = child.get("value")
                elif child.get("idsrc") == ALT_LOCATION:
                    info["location"] = child.get("value")
        start = el.get("start-date")
        if start and DATE_PATTERN.match(start):
            info["date"] = start
        if key not in entities:
            entities[key] = info
            order.append(key)
    by_value = {k: k for k in entities}
    for el, s, e in txt.marks:
        kind = _KIND.get(_local(el.tag))
        if kind is None:
            continue
        src, val = _link(el)
        key = val if val in by_value else None
        if key is None and el.get("id") is None and el.getparent() is dl_el:
            continue  # the dateline's place (Dateline.place), not a named entity
        if key is None:
            name_text = _norm_space("".join(el.itertext()))
            key = f"{kind}:{name_text}"
            if key not in entities:
                entities[key] = {"type": kind, "name": name_text, "aliases": [], "titles": [], "affiliations": [],
                                 "acronym": None, "date": None, "location": None, "mentions": []}
                order.append(key)
        entities[key]["mentions"].append(span(s, e))
    ids = nitf_body.number_ids(order, lambda key: key if re.fullmatch(r"e\d+", key) else None, "e")
    ents = []
    for key in order:
        c = entities[key]
        ents.append(Entity(ids[key], c["type"], c["name"], tuple(c["aliases"]), tuple(c["titles"]),
                           tuple(ids.get(x, x) for x in c["affiliations"] if x in ids),
                           c["acronym"], c["date"], ids.get(c["location"]) if c["location"] else None,
                           tuple(sorted(c["mentions"], key=lambda sp: sp.start))))
    ents.sort(key=lambda e: int(e.id[1:]))
    by_name = {e.name: e.id for e in ents if e.type in SPEAKER_TYPES}

    # quotations
    quotes = []
    for qid, pieces in nitf_body.quote_groups(txt.marks):
        first = pieces[0][0]
        kind = "scare" if first.get("class") == "scare" else "direct"
        source = first.get("quote-source") if kind == "direct" else None
        speaker = by_name.get(source) if source else None
        quotes.append(Quote(qid, quote_text(["".join(el.itertext()) for el, _, _ in pieces]), kind, "",
                            span(*widen_to_marks(text, pieces[0][1], pieces[-1][2])),
                            tuple(span(s, e) for _, s, e in pieces) if len(pieces) > 1 else (),
                            speaker, source))
    quotes.sort(key=lambda qq: int(qq.id[1:]))
    dates = _Reader._dates(None, txt, text, span)

    paragraphs = nitf_body.number_paragraphs(paras, span, sep)
    quotes = tuple(_Reader._with_paragraph(qq, paragraphs) for qq in quotes)

    dl_model = None
    if dateline is not None:
        loc = dl_el.find(q("location"))
        date = nitf_body.story_date(dl_el, ns)
        dist = body.find(q("body.head/distributor"))
        agency = _norm_space("".join(dist.itertext())) if dist is not None else None
        dl_model = Dateline(dateline[2], span(dateline[0], dateline[1]),
                            place=_norm_space("".join(loc.itertext())) if loc is not None else None,
                            date=date, date_partial=bool(date and date.startswith("--")), agency=agency or None,
                            sep=sep(dateline[1]))
    if derived is not None:
        title = Title(title_text, True, derived)
    elif title_text:
        title = Title(title_text, False, "headline")
    else:
        title = title_of(headline[2] if headline else None, paragraphs[0].text if paragraphs else None)
    lang = root.get("baselang") or root.get(_XML_LANG) or "en"
    if not LANGUAGE_PATTERN.match(lang):
        lang = lang.split("-")[0].lower() if LANGUAGE_PATTERN.match(lang.split("-")[0].lower()) else "en"
    art_id = id_string if id_string and ID_PATTERN.match(id_string) else "urn:newsconv:" + hashlib.sha256(
        (id_string or text).encode("utf-8")).hexdigest()[:20]
    article = Article(
        id=art_id,
        source=txt.source(name),
        language=lang,
        layout=txt.layout(),
        title=title,
        headline=txt.block(headline) if headline else None,
        dateline=dl_model,
        paragraphs=tuple(paragraphs),
        signoff=txt.block(signoff) if signoff else None,
        quotes=quotes, entities=tuple(ents), dates=dates,
    )
    return Result(article, tuple(notes))


__all__ = ["read"]
