"""newsconv's own checks of a JSON-LD document, offline and without a JSON-LD processor.

What it checks: JSON syntax; the schema.org `@context`; one `@graph` of node objects with unique
absolute `@id`s; for the types and properties newsconv writes, the schema.org domain (which types a
property may sit on) and range (text, ISO 8601 date, integer, a reference to a node of the right
type); references that point at no node of the graph; the presence of a `NewsArticle`.
Terms newsconv does not write are reported as "not checked", never as errors: the full schema.org
check (every term, pending/retired status, Google's guidance) is `../shared/tools/check_jsonld.py`.

Why a small table rather than the schema.org vocabulary: it keeps `newsconv validate` fast and
free of a 1.5 MB vocabulary file, and what newsconv writes is a short, stable list.
"""

from __future__ import annotations

import re

from .. import messages
from ..result import Message

CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}

#: type -> its supertypes (itself included), for domain checks
TYPES: dict[str, frozenset[str]] = {
    "Thing": frozenset({"Thing"}),
    "CreativeWork": frozenset({"CreativeWork", "Thing"}),
    "Article": frozenset({"Article", "CreativeWork", "Thing"}),
    "NewsArticle": frozenset({"NewsArticle", "Article", "CreativeWork", "Thing"}),
    "Quotation": frozenset({"Quotation", "CreativeWork", "Thing"}),
    "PropertyValue": frozenset({"PropertyValue", "StructuredValue", "Intangible", "Thing"}),
    "Person": frozenset({"Person", "Thing"}),
    "Organization": frozenset({"Organization", "Thing"}),
    "Place": frozenset({"Place", "Thing"}),
    "Event": frozenset({"Event", "Thing"}),
}

# range kinds: "text", "date", "datetime" (Date or DateTime), "integer", "iri", or a set of types a
# referenced node must have (a string is tolerated where schema.org allows Text as well)
_TEXT, _DATE, _INT, _URL = "text", "date", "integer", "url"
PROPERTIES: dict[str, tuple[frozenset[str], object]] = {
    "name": (frozenset({"Thing"}), _TEXT),
    "alternateName": (frozenset({"Thing"}), _TEXT),
    "description": (frozenset({"Thing"}), _TEXT),
    "url": (frozenset({"Thing"}), _URL),
    "sameAs": (frozenset({"Thing"}), _URL),
    "identifier": (frozenset({"Thing"}), frozenset({"PropertyValue", "text"})),
    "headline": (frozenset({"CreativeWork"}), _TEXT),
    "dateline": (frozenset({"NewsArticle"}), _TEXT),
    "datePublished": (frozenset({"CreativeWork"}), _DATE),
    "articleBody": (frozenset({"Article"}), _TEXT),
    "wordCount": (frozenset({"CreativeWork"}), _INT),
    "inLanguage": (frozenset({"CreativeWork", "Event"}), _TEXT),
    "locationCreated": (frozenset({"CreativeWork"}), frozenset({"Place"})),
    "contentLocation": (frozenset({"CreativeWork"}), frozenset({"Place"})),
    "mentions": (frozenset({"CreativeWork"}), frozenset({"Thing"})),
    "about": (frozenset({"CreativeWork", "Event"}), frozenset({"Thing"})),
    "isBasedOn": (frozenset({"CreativeWork"}), frozenset({"CreativeWork"})),
    "isPartOf": (frozenset({"CreativeWork"}), frozenset({"CreativeWork"})),
    "author": (frozenset({"CreativeWork"}), frozenset({"Person", "Organization"})),
    "creator": (frozenset({"CreativeWork"}), frozenset({"Person", "Organization"})),
    "publisher": (frozenset({"CreativeWork"}), frozenset({"Person", "Organization"})),
    "copyrightHolder": (frozenset({"CreativeWork"}), frozenset({"Person", "Organization"})),
    "encodingFormat": (frozenset({"CreativeWork"}), _TEXT),
    "text": (frozenset({"CreativeWork"}), _TEXT),
    "propertyID": (frozenset({"PropertyValue"}), _TEXT),
    "value": (frozenset({"PropertyValue"}), frozenset({"text", "number"})),
    "jobTitle": (frozenset({"Person"}), _TEXT),
    "affiliation": (frozenset({"Person"}), frozenset({"Organization"})),
    "startDate": (frozenset({"Event"}), _DATE),
    "location": (frozenset({"Event", "Organization"}), frozenset({"Place", "text"})),
}

#: properties the schema.org context declares `"@type": "@id"`: a string value becomes an IRI
IRI_VALUED = frozenset({"url", "sameAs", "isBasedOn", "isPartOf"})

_ABS_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+\-.]*:[^\s<>\"{}|\\^`]+$")
_DATE_RE = re.compile(
    r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])"
    r"(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)


def _types(node: dict) -> list[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return [t]
    return [x for x in t if isinstance(x, str)] if isinstance(t, list) else []


def _supertypes(types: list[str]) -> set[str]:
    out: set[str] = set()
    for t in types:
        out |= TYPES.get(t, {t})
    return out


def check(data: bytes, name: str | None = None) -> list[Message]:
    """Every problem found in the JSON-LD document `data` (empty when it is fine)."""
    out: list[Message] = []

    def msg(code: str, path: str | None = None, **fmt) -> None:
        out.append(messages.make(code, file=name, path=path, **fmt))

    from ..errors import InputError
    from ..jsonsafe import load_json

    try:
        doc = load_json(data, source=name, max_bytes=None, syntax_code="NC601", syntax_prefix="")  # depth-limited, strict JSON
    except InputError as exc:
        return list(exc.messages)
    if not isinstance(doc, dict):
        msg("NC602", "$", detail="the document is not a JSON object")
        return out
    ctx = doc.get("@context")
    if not isinstance(ctx, str) or ctx not in CONTEXTS:
        msg("NC602", "$['@context']", detail=f"@context is {ctx!r}, not \"https://schema.org\"")
    graph = doc.get("@graph")
    if graph is None:
        graph, base_path = [{k: v for k, v in doc.items() if k != "@context"}], "$"
        single = True
    else:
        base_path, single = "$['@graph']", False
    if not isinstance(graph, list) or not graph:
        msg("NC602", base_path, detail="@graph is not a non-empty array of nodes")
        return out

    ids: dict[str, str] = {}
    node_types: dict[str, set[str]] = {}
    for i, node in enumerate(graph):
        path = base_path if single else f"{base_path}[{i}]"
        if not isinstance(node, dict):
            msg("NC602", path, detail="a @graph item is not a JSON object")
            continue
        nid = node.get("@id")
        if nid is None:
            msg("NC610", path, where=path)
            continue
        if not isinstance(nid, str) or not _ABS_IRI.match(nid):
            msg("NC603", path, where=path, value=nid)
            continue
        if nid in ids:
            msg("NC604", path, value=nid)
        ids[nid] = path
        node_types[nid] = _supertypes(_types(node))

    found_article = False
    refs: list[tuple[str, str]] = []

    def check_node(node: dict, path: str, top: bool = False) -> None:
        nonlocal found_article
        types = _types(node)
        if not types and top:
            msg("NC602", path, detail="a node has no @type")
        for t in types:
            if t not in TYPES:
                msg("NC608", path, where=path, what="type", name=t)
        if any(t.endswith("Article") or t == "BlogPosting" for t in types):
            found_article = True
        supers = _supertypes(types)
        label = "/".join(types) or "node"
        for key, value in node.items():
            if key.startswith("@"):
                continue
            spec = PROPERTIES.get(key)
            if spec is None:
                msg("NC608", f"{path}.{key}", where=path, what="property", name=key)
                continue
            domain, rng = spec
            known = [t for t in types if t in TYPES]
            if known and not (supers & domain):
                msg("NC605", f"{path}.{key}", where=path, prop=key, type=label, allowed=", ".join(sorted(domain)))
            values = value if isinstance(value, list) else [value]
            for j, v in enumerate(values):
                vpath = f"{path}.{key}" + (f"[{j}]" if isinstance(value, list) else "")
                check_value(key, rng, v, vpath)

    def check_value(prop: str, rng, v, vpath: str) -> None:
        def bad(expected: str) -> None:
            msg("NC606", vpath, where=vpath.rsplit(".", 1)[0], prop=prop, expected=expected, value=v)

        if isinstance(v, dict):
            if "@value" in v:
                v = v["@value"]
            elif set(v) == {"@id"}:
                if isinstance(rng, frozenset) and isinstance(v["@id"], str):
                    refs.append((v["@id"], vpath))
                    return
                if rng == _URL and isinstance(v["@id"], str) and _ABS_IRI.match(v["@id"]):
                    return
                bad("a literal value")
                return
            else:
                vtypes = _types(v)
                known = any(t in TYPES for t in vtypes)  # unknown types: NC608 says "not checked"
                if not isinstance(rng, frozenset) or (known and not (_supertypes(vtypes) & rng)):
                    bad(" or ".join(sorted(rng)) if isinstance(rng, frozenset) else str(rng))
                check_node(v, vpath)
                return
        if rng == _TEXT:
            if not isinstance(v, str):
                bad("text")
        elif rng == _URL:
            if not isinstance(v, str) or not _ABS_IRI.match(v):
                bad("an absolute URL")
        elif rng == _DATE:
            if not isinstance(v, str) or not _DATE_RE.match(v):
                bad("an ISO 8601 date or date-time")
        elif rng == _INT:
            if isinstance(v, bool) or not isinstance(v, int):
                bad("an integer (a JSON number)")
        elif isinstance(rng, frozenset):
            if isinstance(v, bool):
                bad("text" if "text" in rng else " or ".join(sorted(rng)))
            elif isinstance(v, (int, float)):
                if "number" not in rng:
                    bad(" or ".join(sorted(rng)))
            elif isinstance(v, str):
                if prop in IRI_VALUED:  # the schema.org context turns the string into an IRI
                    if not _ABS_IRI.match(v):
                        bad("an absolute IRI or a node")
                elif "text" not in rng:
                    msg("NC611", vpath, where=vpath.rsplit(".", 1)[0], prop=prop, value=v)
            else:
                bad(" or ".join(sorted(rng)))

    for i, node in enumerate(graph):
        if isinstance(node, dict):
            check_node(node, base_path if single else f"{base_path}[{i}]", top=True)

    for ref, vpath in refs:
        prop = vpath.rsplit(".", 1)[-1].split("[", 1)[0]
        if ref not in ids:
            msg("NC607", vpath, where=vpath.rsplit(".", 1)[0], ref=ref)
            continue
        rng = PROPERTIES[prop][1]
        target = node_types.get(ref, set())
        known = [t for t in target if t in TYPES]
        if known and isinstance(rng, frozenset) and not (target & rng):
            msg("NC606", vpath, where=vpath.rsplit(".", 1)[0], prop=prop,
                expected="a node of type " + " or ".join(sorted(rng - {"text", "number"})),
                value=ref)
    if not found_article:
        msg("NC609", "$")
    return out


__all__ = ["check", "TYPES", "PROPERTIES", "CONTEXTS"]
