"""Structural checks of a standalone NITF 3.6 document, usable without the official schema at hand.

`check(data, name)` catches what makes receivers drop or misread NITF: a root that is not `nitf`
(NC561) or an `nitf` outside the NITF namespace (NC570: the schema then silently validates nothing);
`head` and `body` out of order (NC571) or a missing `body` (NC572); a document with no `head/title`
or no `body.content` (NC573: legal, but receivers list it untitled or empty); `id`s that are not
XML names (NC579) or are used twice (NC574); inline names whose `idsrc`/`value` (on `location`:
`code-source`/`location-code`) point into the document's own vocabulary - the `doc-id` id-string
or a source that `docdata/identified-content` uses - at no entry there (NC575); and `norm` dates
that are not ISO 8601 (NC576). Links into other vocabularies (a source no entry uses) are not
checked. The document is parsed with the hardened parser (convert.xmlsafe): no DTD, no entities,
no network, size-limited (NC510-NC512).

`check(data, name, xsd=PATH)` also validates against the official schema, offline (NC577, NC578),
loaded the way the NewsML-G2 check loads its schema (convert.checks.xsd). PATH is `nitf-3-6.xsd`,
or the NewsML-G2 schema when `newsconv validate --xsd` names that one: `nitf-3-6.xsd` is then
looked for beside it and in `../nitf/` (the layout of the IPTC downloads).
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import messages, xmlsafe
from ..errors import NewsconvError
from ..namespaces import NITF
from ..result import Message

_F = f"{{{NITF}}}"
_NCNAME = re.compile(r"^[A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
                     r"\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff]"
                     r"[-.0-9A-Za-z_\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d"
                     r"\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
                     r"\U00010000-\U000effff]*$")
#: ISO 8601 dates as NITF uses them: basic (20241126, 20241126T093000-0500) or extended
#: (2024-11-26, 2024-11-26T09:30:00Z), reduced (2024, 2024-11) or without a year (--11-26, --1126)
_ISO = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?|\d{4})?|--\d{2}-?\d{2})"
                  r"(?:T\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$")
_NORM_DATES = ("date.issue", "date.release", "date.expire", "story.date", "chron")

HEAD_ORDER = {n: i for i, n in enumerate(("title", "meta", "tobject", "iim", "docdata", "pubdata",
                                            "revision-history"))}
NITF_ORDER = {"head": 0, "body": 1}
BODY_ORDER = {"body.head": 0, "body.content": 1, "body.end": 2}


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _order(parent, ranks: dict[str, int], label: str, name, out: list[Message]) -> None:
    best, best_name = -1, None
    for child in parent:
        if not isinstance(child.tag, str) or not child.tag.startswith(_F):
            continue
        rank = ranks.get(_local(child.tag))
        if rank is None:
            continue
        if rank < best:
            out.append(messages.make("NC571", file=name, line=child.sourceline, parent=label,
                                     detail=f"{_local(child.tag)} must come before {best_name}"))
        elif rank > best:
            best, best_name = rank, _local(child.tag)


def link(el) -> tuple[str, str] | None:
    """(source, value) an NITF name points at: `code-source`/`location-code` on a location,
    `idsrc`/`value` elsewhere (None when it has no link)."""
    if el.get("code-source") is not None and el.get("location-code") is not None:
        return el.get("code-source"), el.get("location-code")
    if el.get("idsrc") is not None and el.get("value") is not None:
        return el.get("idsrc"), el.get("value")
    return None


def check(data: bytes, name: str | None = None, xsd: str | Path | None = None) -> list[Message]:
    """Every structural problem of the NITF document in `data` (empty list: none found)."""
    try:
        root = xmlsafe.parse(data, name)
    except NewsconvError as exc:
        return list(exc.messages)
    out: list[Message] = []
    if _local(root.tag) != "nitf":
        return [messages.make("NC561", file=name, line=root.sourceline, tag=root.tag)]
    if root.tag != _F + "nitf":
        found = root.tag.split("}")[0].lstrip("{") if root.tag.startswith("{") else "no namespace"
        return [messages.make("NC570", file=name, line=root.sourceline, found=found)]

    _order(root, NITF_ORDER, "nitf", name, out)
    head, body = root.find(_F + "head"), root.find(_F + "body")
    if body is None:
        out.append(messages.make("NC572", file=name, line=root.sourceline, parent="nitf", child="body"))
    elif body.find(_F + "body.content") is None:
        out.append(messages.make("NC573", file=name, line=body.sourceline, what="body/body.content",
                                 why="it carries no story"))
    if body is not None:
        _order(body, BODY_ORDER, "body", name, out)
    if head is not None:
        _order(head, HEAD_ORDER, "head", name, out)
    title = head.find(_F + "title") if head is not None else None
    if title is None or not "".join(title.itertext()).strip():
        out.append(messages.make("NC573", file=name, line=(head if head is not None else root).sourceline,
                                 what="head/title", why="receivers list it untitled"))

    # ids: XML names, each used once
    first: dict[str, int | None] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        value = el.get("id")
        if value is None:
            continue
        if not _NCNAME.match(value):
            out.append(messages.make("NC579", file=name, line=el.sourceline, element=_local(el.tag), value=value))
        if value in first:
            out.append(messages.make("NC574", file=name, line=el.sourceline, value=value, first=first[value]))
        else:
            first[value] = el.sourceline

    # inline names point at docdata/identified-content entries
    entries: set[tuple[str, str]] = set()
    sources: set[str] = set()
    for doc_id in root.iterfind(f"{_F}head/{_F}docdata/{_F}doc-id"):
        if doc_id.get("id-string"):
            sources.add(doc_id.get("id-string"))
    for ic in root.iterfind(f"{_F}head/{_F}docdata/{_F}identified-content"):
        for entry in ic:
            pair = link(entry) if isinstance(entry.tag, str) else None
            if pair is not None:
                entries.add(pair)
                sources.add(pair[0])
    if body is not None:
        for el in body.iter():
            pair = link(el) if isinstance(el.tag, str) else None
            if pair is not None and pair[0] in sources and pair not in entries:
                out.append(messages.make("NC575", file=name, line=el.sourceline, element=_local(el.tag),
                                         source=pair[0], value=pair[1]))

    # normalised dates
    for local in _NORM_DATES:
        for el in root.iter(_F + local):
            norm = el.get("norm")
            if norm is not None and not _ISO.match(norm):
                out.append(messages.make("NC576", file=name, line=el.sourceline, element=local, attr="norm",
                                         value=norm))
    for el in root.iter(_F + "event"):
        for attr in ("start-date", "end-date"):
            value = el.get(attr)
            if value is not None and not _ISO.match(value):
                out.append(messages.make("NC576", file=name, line=el.sourceline, element="event", attr=attr,
                                         value=value))
    if xsd is not None:
        out.extend(check_xsd(root, name, xsd))
    return out


def schema_path(xsd: str | Path) -> Path | None:
    """The NITF schema to use for `xsd`: itself when it is the NITF schema, else (the NewsML-G2
    schema, as `newsconv validate --xsd` gives it) nitf-3-6.xsd beside it or in ../nitf/."""
    from .newsml import find_nitf_xsd
    from .xsd import target_namespace

    path = Path(xsd)
    if not path.is_file() or target_namespace(path) == NITF:
        return path
    return find_nitf_xsd(path)


def check_xsd(root, name: str | None, xsd: str | Path) -> list[Message]:
    """NC577 per error against the official NITF 3.6 schema (NC578 when it cannot be loaded)."""
    from .xsd import validate

    path = schema_path(xsd)
    if path is None:  # e.g. `validate --xsd` names a NewsML-G2 schema with no NITF schema near it
        return [messages.make("NC578", file=name, schema=str(xsd), severity="info",
                              detail="it is not the NITF schema and no nitf-3-6.xsd lies beside it or in "
                                     "../nitf/; checked without the official schema")]
    return validate(root, ((NITF, str(path)),), name, error_code="NC577", load_code="NC578", schema_label=str(path))


__all__ = ["check", "check_xsd", "link", "schema_path"]
