"""Structural checks of a NewsML-G2 item, usable without the official schema at hand.

`check(data, name)` catches the mistakes that make receiving systems reject NewsML-G2 (the ones a
widely used newsroom system makes): elements out of schema order in the item, `itemMeta` and
`contentMeta`; qcodes whose scheme alias no referenced catalog declares; an NITF body outside the
NITF namespace (silently never validated); idrefs/contentrefs that point at no id; missing required
attributes and elements. Every problem is reported with its line, none stops the others.

`check(data, name, xsd=PATH)` also validates against the official XML Schema the user has
(`NewsML-G2_2.35-spec-All-Power.xsd`, with `xml.xsd` beside it; the NITF 3.6 schema is loaded too
when `nitf-3-6.xsd` is found beside it or in `../nitf/`, or given as `nitf_xsd`). Nothing is fetched
from the network: remote schema locations are refused.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import messages, xmlsafe
from ..errors import NewsconvError
from ..namespaces import CATALOG_41_ALIASES, NAR, NITF, XML
from ..result import Message

_N = f"{{{NAR}}}"
_XML_ID = f"{{{XML}}}id"
_QCODE = re.compile(r"^[^\s:]+:\S+$")
_IPTC_CATALOG = re.compile(r"catalog\.IPTC-G2-Standards_\d+\.xml$")
QCODE_ATTRS = ("qcode", "type", "role", "rel", "creator", "how", "why", "rendition", "severity", "scope",
               "pubconstraint", "format", "encoding", "hashtype", "part", "valueunit", "jobtitle",
               "confirmationstatus")
IDREF_ATTRS = ("idref", "idrefs", "contentrefs", "original", "root", "sourceidref")

ITEM_ORDER = {"catalogRef": 0, "catalog": 0, "hopHistory": 1, "pubHistory": 2, "rightsInfo": 3, "itemMeta": 4,
              "contentMeta": 5, "partMeta": 6, "assert": 7, "inlineRef": 8, "derivedFrom": 9,
              "derivedFromValue": 9, "contentSet": 10}
ITEM_META_ORDER = {n: i for i, n in enumerate((
    "itemClass", "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus", "role", "fileName",
    "generator", "profile", "service", "title", "edNote", "memberOf", "instanceOf", "signal", "altRep",
    "deliverableOf", "hash", "expires", "origRep", "incomingFeedId", "metadataCreator", "link",
    "itemMetaExtProperty"))}
_ADMIN = ("located", "infoSource", "creator", "contributor", "audience", "exclAudience", "altId", "rating",
          "userInteraction")
_DESCRIPTIVE = ("language", "genre", "keyword", "subject", "slugline", "headline", "dateline", "by",
                "creditline", "description")
CONTENT_META_ORDER = {"icon": 0, "urgency": 1, "contentCreated": 2, "contentModified": 3, "digitalSourceType": 4,
                      **{n: 5 for n in _ADMIN}, **{n: 6 for n in _DESCRIPTIVE}, "contentMetaExtProperty": 7}


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _order(parent, ranks: dict[str, int], label: str, name, out: list[Message]) -> None:
    best, best_name = -1, None
    for child in parent:
        if not isinstance(child.tag, str) or not child.tag.startswith(_N):
            continue
        local = _local(child.tag)
        rank = ranks.get(local)
        if rank is None:
            continue
        if rank < best:
            out.append(messages.make("NC520", file=name, line=child.sourceline, parent=label,
                                     detail=f"{local} must come before {best_name}"))
        elif rank > best:
            best, best_name = rank, local


def check(data: bytes, name: str | None = None, *, xsd: str | Path | None = None,
          nitf_xsd: str | Path | None = None) -> list[Message]:
    """Every structural problem of the NewsML-G2 item in `data` (empty list: none found)."""
    try:
        root = xmlsafe.parse(data, name)
    except NewsconvError as exc:
        return list(exc.messages)
    out: list[Message] = []

    def need(cond: bool, detail: str, el) -> None:
        if not cond:
            out.append(messages.make("NC524", file=name, line=el.sourceline, detail=detail))

    if root.tag != _N + "newsItem":
        out.append(messages.make("NC513", file=name, line=root.sourceline, tag=root.tag))
        return out
    for attr in ("guid", "version", "standard", "standardversion"):
        need(bool(root.get(attr)), f"newsItem needs a {attr} attribute", root)
    need(root.get("standard") in (None, "NewsML-G2"), "newsItem standard must be \"NewsML-G2\"", root)
    if (root.get("standardversion") or "") >= "2.25":
        need(root.get("conformance") == "power",
             f"NewsML-G2 {root.get('standardversion')} items must say conformance=\"power\"", root)
    _order(root, ITEM_ORDER, "newsItem", name, out)
    im = root.find(_N + "itemMeta")
    need(im is not None, "newsItem needs an itemMeta", root)
    if im is not None:
        _order(im, ITEM_META_ORDER, "itemMeta", name, out)
        for req in ("itemClass", "provider", "versionCreated"):
            need(im.find(_N + req) is not None, f"itemMeta needs a {req}", im)
    cm = root.find(_N + "contentMeta")
    if cm is not None:
        _order(cm, CONTENT_META_ORDER, "contentMeta (administrative before descriptive)", name, out)
    for el in root.iter(_N + "inlineRef"):
        need(bool(el.get("idrefs")), "inlineRef needs an idrefs attribute", el)
    for el in root.iter(_N + "language"):
        need(bool(el.get("tag")), "language needs a tag attribute", el)
    for local in ("itemClass", "pubStatus"):
        for el in root.iter(_N + local):
            need(bool(el.get("qcode")), f"{local} needs a qcode attribute", el)

    # qcodes and the catalogs that declare their scheme aliases
    hrefs = [el.get("href") or "" for el in root.findall(_N + "catalogRef")]
    declared = {s.get("alias") for s in root.iter(_N + "scheme") if s.get("alias")}
    known = all(_IPTC_CATALOG.search(h) for h in hrefs)
    if any(_IPTC_CATALOG.search(h) for h in hrefs):
        declared |= CATALOG_41_ALIASES
    for el in root.iter(_N + "*"):
        for attr in QCODE_ATTRS:
            val = el.get(attr)
            if val is None:
                continue
            for token in val.split():
                if not _QCODE.match(token):
                    out.append(messages.make("NC524", file=name, line=el.sourceline,
                                             detail=f"{_local(el.tag)}/@{attr} {token!r} is not a qcode (scheme:code)"))
                    continue
                alias = token.split(":", 1)[0]
                if alias not in declared and known:
                    out.append(messages.make("NC521", file=name, line=el.sourceline, qcode=token, alias=alias))

    # the NITF body must be in the NITF namespace
    for ix in root.iter(_N + "inlineXML"):
        for child in ix:
            if not isinstance(child.tag, str):
                continue
            if _local(child.tag) == "nitf" and child.tag != f"{{{NITF}}}nitf":
                found = child.tag.split("}")[0].lstrip("{") if child.tag.startswith("{") else "no namespace"
                out.append(messages.make("NC522", file=name, line=child.sourceline, found=found))
            elif "nitf" in (ix.get("contenttype") or "") and child.tag != f"{{{NITF}}}nitf":
                out.append(messages.make("NC522", file=name, line=child.sourceline, found=child.tag))

    # idrefs resolve
    ids: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("id", _XML_ID):
            if el.get(attr):
                ids.add(el.get(attr).strip())
        if el.tag == _N + "partMeta" and el.get("partid"):
            ids.add(el.get("partid").strip())
    for el in root.iter(_N + "*"):
        for attr in IDREF_ATTRS:
            for token in (el.get(attr) or "").split():
                if token not in ids:
                    out.append(messages.make("NC523", file=name, line=el.sourceline,
                                             attr=f"{_local(el.tag)}/@{attr}", token=token))
    if xsd is not None:
        out.extend(check_xsd(root, name, xsd, nitf_xsd))
    return out


class _Offline:
    """An lxml resolver that serves only local files (the W3C xml.xsd from beside the schema)."""

    def __new__(cls, xml_xsd: Path):
        from lxml import etree

        class Resolver(etree.Resolver):
            def resolve(self, url, pubid, context):
                if url and url.endswith("/xml.xsd") and url.startswith(("http://", "https://")):
                    return self.resolve_filename(str(xml_xsd), context)
                if url and url.startswith(("http://", "https://", "ftp://")):
                    raise etree.XMLSchemaParseError(f"refusing to fetch {url} (offline)")
                return None

        return Resolver()


@lru_cache(maxsize=4)
def load_schema(xsd: str, nitf_xsd: str | None):
    """The official schema (plus NITF 3.6 when found), assembled offline and cached."""
    from lxml import etree

    g2 = Path(xsd).resolve()
    if not g2.is_file():
        raise OSError(f"no such file: {g2}")
    xml_xsd = g2.parent / "xml.xsd"
    nitf = Path(nitf_xsd).resolve() if nitf_xsd else None
    if nitf is None:
        for cand in (g2.parent / "nitf-3-6.xsd", g2.parent.parent / "nitf" / "nitf-3-6.xsd"):
            if cand.is_file():
                nitf = cand
                break
    imports = ([(XML, xml_xsd)] if xml_xsd.is_file() else []) + [(NAR, g2)] + ([(NITF, nitf)] if nitf else [])
    xs = "http://www.w3.org/2001/XMLSchema"
    wrapper = etree.Element(f"{{{xs}}}schema", nsmap={"xs": xs})
    wrapper.set("targetNamespace", "urn:newsconv:check-wrapper")
    for ns, loc in imports:
        etree.SubElement(wrapper, f"{{{xs}}}import", namespace=ns, schemaLocation=loc.as_uri())
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_Offline(xml_xsd))
    doc = etree.fromstring(etree.tostring(wrapper), parser, base_url=g2.parent.as_uri() + "/")
    return etree.XMLSchema(doc.getroottree())


def check_xsd(root, name: str | None, xsd: str | Path, nitf_xsd: str | Path | None = None) -> list[Message]:
    """NC525 per schema error of the item (NC526 when the schema cannot be loaded)."""
    from lxml import etree

    try:
        schema = load_schema(str(xsd), str(nitf_xsd) if nitf_xsd else None)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        return [messages.make("NC526", file=name, schema=str(xsd), detail=str(exc))]
    if schema.validate(root.getroottree()):
        return []
    return [messages.make("NC525", file=name, line=e.line or None, detail=" ".join(str(e.message).split()))
            for e in schema.error_log if e.level >= etree.ErrorLevels.ERROR]


__all__ = ["check", "check_xsd", "load_schema"]
