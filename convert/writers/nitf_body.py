"""The NITF 3.6 `body` of an article: the story with its quotations and names marked up inline.

Shared by the NewsML-G2 writer (the body inside `inlineXML`) and the standalone NITF writer.
Everything is in the NITF namespace `http://iptc.org/std/NITF/2006-10-18/`: an NITF body in no
namespace is silently never validated by the NewsML-G2 schema.

Markup, with ids that item-level `inlineRef`/`partMeta` point at:
- `p id="p3"` per paragraph; `hedline/hl1` for a real headline (never for a title derived from
  the lead); `dateline` with `location` and `story.date norm=...`; `body.end/tagline` for a sign-off;
- `q id="q2" quote-source="Laura Whitfield"` per quoted piece (`q2.2` for a second piece of the
  same interrupted quotation; `class="scare"` for a scare quote, which is not speech);
- `person`/`org`/`location`/`event id="e4.1"` per mention (entity e4, its first mention that is marked up);
- `chron id="d1" norm="2024-11-26" class="absolute"` per date.

NITF elements cannot overlap, and a name element can hold no other markup, so a mention that
crosses a quotation's edge or sits inside another name stays unmarked (reported as NC506, and still
present in the item metadata). Positions come from the model's spans: source offsets are mapped to
the block's normalised text (hard-wrapped paragraphs are rejoined, so a small alignment maps them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from operator import itemgetter

from .. import messages
from ..model import Article, Dateline, Span
from ..namespaces import NITF
from ..result import Message
from .fastxml import can_hold

_BAD_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_P = f"{{{NITF}}}"
TAG = {name: _P + name for name in (
    "nitf", "head", "title", "docdata", "doc-id", "date.issue", "identified-content", "body", "body.head",
    "hedline", "hl1", "dateline", "location", "story.date", "body.content", "p", "q", "person", "org",
    "event", "chron", "body.end", "tagline", "function", "alt-code")}
ENTITY_TAG = {"person": TAG["person"], "organization": TAG["org"], "place": TAG["location"],
              "event": TAG["event"]}
TAG_ENTITY = {v: k for k, v in ENTITY_TAG.items()}

_RANK = {"q": 0, "m": 1, "d": 2}
#: the sort key of an annotation (start, -end, rank): outer before inner, quotes before names
_POSITION = itemgetter(0, 1, 2)


def _add_text(el, last, seg: str) -> None:
    """Append text where it belongs in mixed content: after `last`, the child written last (its
    tail), or inside `el` when no child is written yet."""
    if last is None:
        el.text = (el.text or "") + seg
    else:
        last.tail = (last.tail or "") + seg


class Cleaner:
    """Removes characters XML 1.0 cannot carry, reporting each with its source line:col."""

    __slots__ = ("name", "messages", "_clean_blocks")

    def __init__(self, name: str | None):
        self.name = name
        self.messages: list[Message] = []
        #: ids of blocks whose whole text XML can hold: any slice of them is clean as it is
        self._clean_blocks: set[int] = set()

    def scan(self, blocks) -> None:
        """Check the texts of all `blocks` in one go (one scan in C of their joined text, not one
        call per block): when XML can hold all of them, as it usually can, each is remembered."""
        if can_hold("".join([b.text for b in blocks])):
            self._clean_blocks.update(map(id, blocks))

    def holds(self, block) -> bool:
        """Whether XML can hold the whole of `block.text`, so any slice of it as it is (one scan
        of the block, remembered, instead of one per slice)."""
        if id(block) in self._clean_blocks:
            return True
        if can_hold(block.text):
            self._clean_blocks.add(id(block))
            return True
        return False

    def for_block(self, block):
        """The function to clean slices of `block.text` with (the arguments of `block`): `block`,
        or one that returns each slice as it is when XML can hold the whole block (the usual
        case; it spares the body's ~170 slices a method call and a set lookup each)."""
        return _as_is if self.holds(block) else self.block

    def __call__(self, text: str, line: int | None = None, col: int | None = None) -> str:
        if not text or _BAD_XML.search(text) is None:
            return text
        for m in _BAD_XML.finditer(text):
            ln, cl = line, col
            if line is not None:
                before = text[: m.start()]
                nl = before.rfind("\n")
                ln = line + before.count("\n")
                cl = (col or 1) + m.start() if nl < 0 else m.start() - nl
            self.messages.append(messages.make("NC504", file=self.name, line=ln, col=cl,
                                               codepoint=ord(m.group())))
        return _BAD_XML.sub("", text)

    def block(self, text: str, block, offset: int = 0) -> str:
        """Clean a slice of `block.text` that starts at `offset`, locating problems in the source."""
        if not text or id(block) in self._clean_blocks:
            return text
        if text is not block.text and self.holds(block):
            return text
        if _BAD_XML.search(text) is None:
            return text
        sp: Span = block.span
        if getattr(block, "raw", None) is None:
            before = block.text[:offset]
            nl = before.rfind("\n")
            line = sp.line + before.count("\n")
            col = sp.col + offset if nl < 0 else offset - nl
            return self(text, line, col)
        return self(text, sp.line, sp.col)


def _as_is(text: str, block, offset: int = 0) -> str:
    """A slice of a block that XML can hold whole: nothing to clean (see Cleaner.for_block)."""
    return text


def _align(raw: str, text: str) -> list[int]:
    """Map each offset of `raw` (the source slice) to an offset of `text` (its normalised form:
    lines rejoined with single spaces, indentation dropped)."""
    out = [0] * (len(raw) + 1)
    i = j = 0
    n, m = len(raw), len(text)
    while i < n:
        c = raw[i]
        if j < m and c == text[j]:
            out[i] = j
            i += 1
            j += 1
        elif c.isspace():
            out[i] = j
            i += 1
        elif j < m and text[j].isspace():
            j += 1
        else:
            out[i] = j
            i += 1
            j = min(j + 1, m)
    out[n] = m
    return out


class _Node:
    __slots__ = ("s", "e", "kind", "data", "children")

    def __init__(self, s, e, kind, data):
        self.s, self.e, self.kind, self.data = s, e, kind, data
        self.children: list[_Node] = []


class BodyBuilder:
    """Builds the NITF `body` for one article; afterwards `mention_ids`, `quote_ids` and
    `messages` tell the caller which ids exist and what could not be marked up."""

    def __init__(self, article: Article, cleaner: Cleaner, *, mark_headline: bool = True,
                 standalone: bool = False, factory=None):
        if factory is None:
            from lxml import etree as factory
        #: the element API to build with: lxml.etree, or convert.writers.fastxml (same bytes)
        self._E = factory
        self.article = article
        self.clean = cleaner
        self.mark_headline = mark_headline
        #: standalone NITF: inline names carry idsrc/value pointing at head/docdata, and the
        #: dateline's agency is the body.head distributor
        self.standalone = standalone
        self.mention_ids: dict[str, list[str]] = {}
        #: (entity id, span) of each mention that could not be marked up (counted in NC506)
        self.unmarked_mentions: list[tuple[str, Span]] = []
        self.quote_ids: dict[str, list[str]] = {}
        #: the `q` element written for each q id (what `body.iter(q)` would find, without the walk)
        self.quote_elements: dict[str, object] = {}
        self.date_ids: list[str] = []
        #: the article's entities by id, the first with an id winning as in `Article.entity`
        #: (which scans the list: one dict instead of a scan per quotation)
        self.entities = {e.id: e for e in reversed(article.entities)}
        self.dropped: Counter[str] = Counter()
        self._alignments: dict[int, list[int]] = {}
        blocks: list = []
        if article.headline is not None and mark_headline:
            blocks.append(article.headline)
        if article.dateline is not None:
            blocks.append(article.dateline)
        blocks.extend(article.paragraphs)
        blocks.sort(key=lambda b: b.span.start)
        self._blocks = blocks
        self._starts = [b.span.start for b in blocks]
        self._anns: dict[int, list[tuple]] = {id(b): [] for b in blocks}
        cleaner.scan(blocks)
        self._collect()

    # -- locating spans ----------------------------------------------------------------------
    def _block_of(self, span: Span):
        k = bisect_right(self._starts, span.start) - 1
        if k < 0:
            return None
        b = self._blocks[k]
        return b if span.end <= b.span.end else None

    def _local(self, block, span: Span) -> tuple[int, int] | None:
        base = block.span.start
        if block.raw is None:
            s, e = span.start - base, span.end - base
        else:
            amap = self._alignments.get(id(block))
            if amap is None:
                amap = self._alignments[id(block)] = _align(block.raw, block.text)
            s, e = amap[span.start - base], amap[span.end - base]
        if not (0 <= s < e <= len(block.text)):
            return None
        return s, e

    def _add(self, span: Span, kind: str, data, what: str) -> None:
        block = self._block_of(span)
        loc = self._local(block, span) if block is not None else None
        if loc is None:
            self.dropped[f"{what} outside the headline, dateline and paragraphs"] += 1
            self._unmarked(kind, data)
            return
        self._anns[id(block)].append((loc[0], -loc[1], _RANK[kind], kind, data, what))

    def _collect(self) -> None:
        a = self.article
        for q in a.quotes:
            pieces = q.parts or (q.span,)
            for k, sp in enumerate(pieces):
                xid = q.id if k == 0 else f"{q.id}.{k + 1}"
                self._add(sp, "q", (q, xid), "quotation")
        for ent in a.entities:
            for sp in ent.mentions:
                self._add(sp, "m", (ent, sp), "mention")
        for d in a.dates:
            self._add(d.span, "d", d, "date")

    # -- the tree of non-overlapping annotations ---------------------------------------------
    def _tree(self, block, allowed: frozenset[str]) -> _Node:
        root = _Node(0, len(block.text), "root", None)
        stack = [root]
        for s, neg_e, _rank, kind, data, what in sorted(self._anns[id(block)], key=_POSITION):
            e = -neg_e
            if kind not in allowed:
                self.dropped[f"{what} in the {'dateline' if isinstance(block, Dateline) else 'headline'}"] += 1
                self._unmarked(kind, data)
                continue
            while not (stack[-1].s <= s and e <= stack[-1].e):
                stack.pop()
            parent = stack[-1]
            if parent.children and parent.children[-1].e > s:
                self.dropped[f"{what} overlapping other markup"] += 1
                self._unmarked(kind, data)
                continue
            if parent.kind in ("m", "d"):
                self.dropped[f"{what} inside a name or date"] += 1
                self._unmarked(kind, data)
                continue
            node = _Node(s, e, kind, data)
            parent.children.append(node)
            stack.append(node)
        return root

    def entity(self, entity_id: str | None):
        """The entity with this id, or None: `Article.entity`, by a dict lookup."""
        return None if entity_id is None else self.entities.get(entity_id)

    def _unmarked(self, kind: str, data) -> None:
        if kind == "m" and data is not None:
            self.unmarked_mentions.append((data[0].id, data[1]))

    def _mention_id(self, ent) -> str:
        """`e4.2`: entity e4, its second marked-up mention (numbered in document order, so
        writing an article read back from the output gives the same ids)."""
        ids = self.mention_ids.setdefault(ent.id, [])
        ids.append(f"{ent.id}.{len(ids) + 1}")
        return ids[-1]

    def _emit(self, el, node: _Node, block, in_dateline: bool = False) -> None:
        SubElement = self._E.SubElement
        text = block.text
        pos = node.s
        last = None
        clean = self.clean.for_block(block)
        for child in node.children:
            seg = clean(text[pos:child.s], block, pos)
            if seg:
                _add_text(el, last, seg)
            if child.kind == "q":
                quote, xid = child.data
                sub = SubElement(el, TAG["q"], id=xid)
                if quote.kind == "scare":
                    sub.set("class", "scare")
                else:
                    speaker = self.entity(quote.speaker)
                    source = speaker.name if speaker is not None else quote.speaker_text
                    if source:
                        sub.set("quote-source", self.clean(source))
                self.quote_ids.setdefault(quote.id, []).append(xid)
                self.quote_elements[xid] = sub
            elif child.kind == "m":
                ent = child.data[0]
                sub = SubElement(el, ENTITY_TAG[ent.type], id=self._mention_id(ent))
                if self.standalone:
                    link_to_docdata(sub, self.article.id, ent)
            else:
                d = child.data
                sub = SubElement(el, TAG["story.date"] if in_dateline else TAG["chron"], id=d.id)
                if d.value:
                    sub.set("norm", d.value)
                if not in_dateline:
                    sub.set("class", d.kind)
                self.date_ids.append(d.id)
            if child.children:
                self._emit(sub, child, block, in_dateline)
            else:  # a leaf (most names and dates): its text, as _emit would set it
                seg = clean(text[child.s:child.e], block, child.s)
                if seg:
                    sub.text = seg
            pos = child.e
            last = sub
        seg = clean(text[pos:node.e], block, pos)
        if seg:
            _add_text(el, last, seg)

    # -- the body ----------------------------------------------------------------------------
    def build(self):
        """The `body` element (NITF namespace)."""
        Element, SubElement = self._E.Element, self._E.SubElement
        a = self.article
        body = Element(TAG["body"], nsmap={None: NITF})
        if (a.headline is not None and self.mark_headline) or a.dateline is not None:
            head = SubElement(body, TAG["body.head"])
            if a.headline is not None and self.mark_headline:
                hl1 = SubElement(SubElement(head, TAG["hedline"]), TAG["hl1"])
                self._emit(hl1, self._tree(a.headline, frozenset("qmd")), a.headline)
            if self.standalone and a.dateline is not None and a.dateline.agency:
                SubElement(head, _P + "distributor").text = self.clean(a.dateline.agency)
            if a.dateline is not None:
                self._dateline(SubElement(head, TAG["dateline"]), a.dateline)
        content = SubElement(body, TAG["body.content"])
        everything = frozenset("qmd")
        for p in a.paragraphs:
            el = SubElement(content, TAG["p"], id=p.id)
            self._emit(el, self._tree(p, everything), p)
        if a.signoff is not None:
            tag = SubElement(SubElement(body, TAG["body.end"]), TAG["tagline"])
            tag.text = self.clean.block(a.signoff.text, a.signoff)
        return body

    def _dateline(self, el, dl: Dateline) -> None:
        SubElement = self._E.SubElement
        anns = self._anns[id(dl)]
        # only places and dates can be marked up in an NITF dateline
        kept = []
        for t in anns:
            if t[3] == "m" and t[4][0].type != "place":
                self.dropped["mention in the dateline (only places can be marked up there)"] += 1
                self._unmarked("m", t[4])
            elif t[3] == "q":
                self.dropped["quotation in the dateline"] += 1
            else:
                kept.append(t)
        if dl.place and not any(t[3] == "m" for t in kept):
            at = dl.text.find(dl.place)
            if at >= 0:
                kept.append((at, -(at + len(dl.place)), 1, "m", None, "dateline place"))
        self._anns[id(dl)] = kept
        root = self._tree(dl, frozenset("md"))
        self._emit_dateline(el, root, dl)
        if dl.date and not any(c.kind == "d" for c in root.children):
            SubElement(el, TAG["story.date"], norm=dl.date)

    def _emit_dateline(self, el, root: _Node, dl: Dateline) -> None:
        SubElement = self._E.SubElement
        text = dl.text
        pos = 0
        last = None
        clean = self.clean.for_block(dl)
        for child in root.children:
            seg = clean(text[pos:child.s], dl, pos)
            if seg:
                _add_text(el, last, seg)
            if child.kind == "m":
                if child.data is None:
                    sub = SubElement(el, TAG["location"])
                else:
                    ent = child.data[0]
                    sub = SubElement(el, TAG["location"], id=self._mention_id(ent))
                    if self.standalone:
                        link_to_docdata(sub, self.article.id, ent)
            else:
                d = child.data
                sub = SubElement(el, TAG["story.date"], id=d.id)
                if d.value:
                    sub.set("norm", d.value)
                self.date_ids.append(d.id)
            sub.text = clean(text[child.s:child.e], dl, child.s)
            pos = child.e
            last = sub
        seg = clean(text[pos:], dl, pos)
        if seg:
            _add_text(el, last, seg)

    def report(self) -> list[Message]:
        """NC506 for mentions/quotations/dates that could not be marked up, in one message."""
        if not self.dropped:
            return []
        detail = "; ".join(f"{n} {what}" for what, n in sorted(self.dropped.items()))
        return [messages.make("NC506", file=self.clean.name, count=sum(self.dropped.values()), detail=detail)]


def link_to_docdata(el, source: str, ent) -> None:
    """Point an NITF name at its entity: `idsrc`/`value`, or `code-source`/`location-code` on a
    `location` (which has no idsrc/value in NITF 3.6)."""
    if el.tag == TAG["location"]:
        el.set("code-source", source)
        el.set("location-code", ent.id)
    else:
        el.set("idsrc", source)
        el.set("value", ent.id)


def entity_link(el) -> tuple[str | None, str | None]:
    """(source, entity id) of an NITF name written by link_to_docdata."""
    if el.tag == TAG["location"]:
        return el.get("code-source"), el.get("location-code")
    return el.get("idsrc"), el.get("value")


def element_text(el) -> str:
    """All text inside `el` (its descendants' text and tails), in document order."""
    return "".join(el.itertext())


__all__ = ["BodyBuilder", "Cleaner", "TAG", "ENTITY_TAG", "TAG_ENTITY", "element_text", "link_to_docdata", "entity_link"]
