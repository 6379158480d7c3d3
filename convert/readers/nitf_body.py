"""The NITF body as both XML readers read it: the NITF reader (a whole `nitf` document) and the
NewsML-G2 reader (the `nitf` in an `inlineXML` rendition).

The shared part: the headline (`hl1`, else the document's title unless that title was derived),
the dateline (`body.head/dateline`, its `story.date`), the `body.content` paragraphs (anything else
there, or in `body.head`, is reported as unread), the `tagline` as the sign-off, the paragraph
ids, and the grouping of the inline `q` elements into quotations. What each format adds around the
body (NewsML-G2's contentMeta, partMeta and inlineRef; NITF's docdata) stays in its reader.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Paragraph
from ..schema import DATE_PATTERN

_PID = re.compile(r"p\d+")
_QID = re.compile(r"(q\d+)(?:\.\d+)?")
_LOCALS: dict[str, str] = {}


def local(tag) -> str:
    """The local name of an element's tag ("" for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    name = _LOCALS.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCALS) < 4096:  # tags of hostile input must not grow the cache without bound
            _LOCALS[tag] = name
    return name


def head(body, ns: str, txt, title_text: str, derived: bool, dateline_text: str | None = None):
    """(headline, dateline element, dateline) blocks appended to `txt` (a rebuilt.Rebuilt): the
    `hl1`, else the title (unless it was derived); the `dateline`, else `dateline_text`."""
    hl1 = body.find(ns + "body.head/" + ns + "hedline/" + ns + "hl1") if body is not None else None
    headline = txt.add_block(hl1) if hl1 is not None else None
    if headline is None and title_text and not derived:
        headline = txt.add_text(title_text)
    dl_el = body.find(ns + "body.head/" + ns + "dateline") if body is not None else None
    dateline = txt.add_block(dl_el) if dl_el is not None else None
    if dateline is None and dateline_text:
        dateline = txt.add_text(dateline_text)
    return headline, dl_el, dateline


def paragraphs(body, ns: str, txt, skipped, head_read: tuple[str, ...]) -> list:
    """The `body.content` paragraphs appended to `txt`, as (element, block) pairs; every other
    element there, and each `body.head` element not in `head_read`, reported through `skipped`."""
    paras: list = []
    unread: Counter[str] = Counter()
    for bc in (body.findall(ns + "body.content") if body is not None else []):
        for child in bc:
            if not isinstance(child.tag, str):
                continue
            if child.tag == ns + "p":
                t = txt.add_block(child)
                if t is not None:
                    paras.append((child, t))
            else:
                unread[local(child.tag)] += 1
    if body is not None:
        for part in body.findall(ns + "body.head/*"):
            if local(part.tag) not in head_read:
                unread[local(part.tag)] += 1
    if unread:
        skipped("NITF elements " + ", ".join(sorted(unread)), "only paragraphs, headline, dateline and tagline are read")
    return paras


def tagline(body, ns: str, txt):
    """The `tagline` appended to `txt` as the sign-off block, or None."""
    el = body.find(ns + "body.end/" + ns + "tagline") if body is not None else None
    return txt.add_block(el) if el is not None else None


def story_date(dl_el, ns: str) -> str | None:
    """The dateline's `story.date` norm, when it is a date the model takes."""
    sd = dl_el.find(ns + "story.date") if dl_el is not None else None
    norm = sd.get("norm") if sd is not None else None
    return norm if norm and DATE_PATTERN.match(norm) else None


def number_paragraphs(paras, span, sep) -> list[Paragraph]:
    """The model's paragraphs: each keeps its `p<n>` id when it has a fresh one, else its position."""
    out = []
    used: set[str] = set()
    for k, (el, t) in enumerate(paras, 1):
        pid = el.get("id") if el is not None else None
        if not pid or not _PID.fullmatch(pid) or pid in used:
            pid = f"p{k}"
            while pid in used:
                pid += "0"
        used.add(pid)
        out.append(Paragraph(pid, t[2], span(t[0], t[1]), None, sep(t[1])))
    return out


def quote_groups(marks) -> list[tuple[str, list]]:
    """The inline `q` elements as quotations: (id, [(element, start, end), ...]) in order of first
    appearance. `q3`, `q3.1`... are the pieces of one quotation `q3`; a `q` without such an id is a
    quotation of its own, numbered with the first free `q<n>`."""
    groups: dict[str, list] = {}
    order: list[str] = []
    n = 0
    for el, s, e in marks:
        if local(el.tag) != "q":
            continue
        m = _QID.fullmatch(el.get("id") or "")
        if m:
            base = m.group(1)
        else:
            n += 1
            base = f"q-anon{n}"
        if base not in groups:
            groups[base] = []
            order.append(base)
        groups[base].append((el, s, e))
    ids = number_ids(order, lambda base: None if base.startswith("q-anon") else base, "q")
    return [(ids[base], groups[base]) for base in order]


def number_ids(keys, own_id, prefix: str) -> dict[str, str]:
    """key -> id: the key's own id (`own_id(key)`, None when it has none) kept, every other key
    numbered in order with the first free `<prefix><n>`."""
    ids: dict[str, str] = {}
    for key in keys:
        oid = own_id(key)
        if oid is not None:
            ids[key] = oid
    taken = set(ids.values())
    n = 0
    for key in keys:
        if key not in ids:
            n += 1
            while f"{prefix}{n}" in taken:
                n += 1
            ids[key] = f"{prefix}{n}"
            taken.add(ids[key])
    return ids


__all__ = ["head", "local", "number_ids", "number_paragraphs", "paragraphs", "quote_groups", "story_date", "tagline"]
