"""Reader for IPTC ninjs 3.x and 2.x news items (as newsconv writes them, and simple ones from
elsewhere): the id (`uri`), language, headline or title, the plain-text body (dateline found at its
start with the text reader's dateline grammar, paragraphs split at blank lines), and the people,
organisations, places and events by name (their ids come back from newsconv's `uri`s).

ninjs has no source positions, quotations, titles, affiliations or acronyms; the reader rebuilds the
text (headline, blank line, body) and points every span into it (NC554).
`tests/test_ninjs.py` lists what does not come back, and why.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from .. import messages
from ..errors import InputError
from ..model import Article, Dateline, Entity, Source
from ..result import Result
from ..schema import ID_PATTERN, LANGUAGE_PATTERN, SHA256_PATTERN
from .rebuilt import blocks, title_of

_LISTS = (("people", "person"), ("organisations", "organization"), ("places", "place"), ("events", "event"))
_FRAGMENT = re.compile(r"#(person|organization|place|event)-(e\d+)$")


def _fail(name: str | None, detail: str, **loc) -> InputError:
    msg = messages.make("NC553", file=name, detail=detail, **loc)
    return InputError(msg.text, (msg,))


def _get(doc: dict, key: str):
    """A property by its 3.x name, or its 2.x lower-case name."""
    return doc[key] if key in doc else doc.get(key.lower())


def _main(items, plain_only: bool = False) -> str | None:
    items = [i for i in items or [] if isinstance(i, dict) and isinstance(i.get("value"), str)]
    if plain_only:
        items = [i for i in items if (_get(i, "contentType") or "text/plain").startswith("text/plain")]
    for i in items:
        if i.get("role", "main") == "main":
            return i["value"]
    return items[0]["value"] if items else None


_LEAD_DASH = re.compile(r"\s+(?:--|[-–—])\s+")


def read(data: bytes, name: str | None = None, **_options) -> Result[Article]:
    from ..jsonsafe import load_json

    doc = load_json(data, source=name, max_bytes=None, syntax_code="NC553", syntax_prefix="not valid JSON: ")  # depth-limited, strict JSON; InputError otherwise
    if not isinstance(doc, dict) or not isinstance(doc.get("uri"), str):
        raise _fail(name, "no ninjs item (a JSON object with a `uri`)")

    headline_text = _main(doc.get("headlines"))
    body = _main(doc.get("bodies"), plain_only=True) or ""
    paras = [p for p in body.split("\n\n") if p.strip()]
    dateline_parts = None  # (dateline text, separator, dateline match)
    if paras:
        from .dateline import match_dateline, parse_dateline_text

        dm = match_dateline(paras[0])
        if dm is None:
            # the writer leads the body with the dateline and a dash; a dateline whose body opens
            # oddly (`WASHINGTON - ABSTRACT.`) is still read by its own grammar
            split = _LEAD_DASH.search(paras[0][:160])
            head = paras[0][:split.start()] if split else ""
            hm = parse_dateline_text(head) if head else None
            if hm is not None and hm.end == len(head):
                dm = replace(hm, end=split.start(), body_start=split.end(), whole=False)
        if dm is not None and dm.body_start < len(paras[0]):
            dateline_parts = (paras[0][:dm.end], paras[0][dm.end:dm.body_start], dm)
            paras[0] = paras[0][dm.body_start:]
        elif dm is not None and len(paras) > 1:
            dateline_parts = (paras[0], "\n\n", dm)
            paras.pop(0)

    pieces: list[tuple[str, str]] = []
    if headline_text:
        pieces.append(("headline", headline_text))
    if dateline_parts:
        pieces.append(("dateline", dateline_parts[0]))
    pieces += [("paragraph", p) for p in paras]
    # an agency credited by a wire sign-off (newsconv writes it as the info source when the
    # dateline credits none)
    if paras and not (dateline_parts and dateline_parts[2].agency):
        source = next((i for i in _get(doc, "infoSources") or []
                       if isinstance(i, dict) and i.get("role") == "originfo" and isinstance(i.get("name"), str)),
                      None)
        if source is not None:
            pieces.append(("signoff", source["name"]))
    # (role, text, separator after it): a blank line, the dateline's own, the final line break
    last = len(pieces) - 1
    found_dl = dateline_parts[2] if dateline_parts else None
    text, _index, headline, dateline, paragraphs, signoff = blocks(
        [(role, t, "\n" if k == last else dateline_parts[1] if role == "dateline" else "\n\n")
         for k, (role, t) in enumerate(pieces)],
        lambda t, span, sep: Dateline(t, span, found_dl.place, found_dl.date, found_dl.date_partial,
                                      found_dl.agency, None, sep))
    label = doc.get("title") if isinstance(doc.get("title"), str) else None
    title = title_of(headline.text if headline else None, paragraphs[0].text if paragraphs else None, label)

    found: list[tuple[str | None, str, str]] = []  # (model id from the uri, type, name)
    for key, etype in _LISTS:
        for item in doc.get(key) or []:
            if not isinstance(item, dict):
                continue
            ename = item.get("name") or item.get("literal")
            if not isinstance(ename, str) or not ename:
                continue
            m = _FRAGMENT.search(item.get("uri") or "")
            found.append((m.group(2) if m and m.group(1) == etype else None, etype, ename))
    used = {eid for eid, _t, _n in found if eid}
    entities, counter = [], 0
    for eid, etype, ename in found:
        if eid is None or any(e.id == eid for e in entities):
            counter += 1
            while f"e{counter}" in used:
                counter += 1
            eid = f"e{counter}"
            used.add(eid)
        entities.append(Entity(eid, etype, ename))
    entities.sort(key=lambda e: int(e.id[1:]))

    sha = next((a.get("value") for a in _get(doc, "altIds") or []
                if isinstance(a, dict) and a.get("role") == "source-sha256"), None)
    from_item = not (isinstance(sha, str) and SHA256_PATTERN.match(sha))
    if from_item:
        sha = hashlib.sha256(data).hexdigest()
    aid = doc["uri"] if ID_PATTERN.match(doc["uri"]) else f"urn:newsconv:{sha[:20]}"
    lang = doc.get("language")
    article = Article(
        id=aid,
        source=Source(name if from_item else None, sha, len(text.encode("utf-8")), "utf-8", False, "lf"),
        language=lang if isinstance(lang, str) and LANGUAGE_PATTERN.match(lang) else "und",
        layout="blank-lines" if pieces else "empty",
        title=title,
        headline=headline,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        signoff=signoff,
        entities=tuple(entities),
    )
    return Result(article, (messages.make("NC554", file=name),))


__all__ = ["read"]
