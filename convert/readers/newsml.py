"""NewsML-G2 reader: a `newsItem` (newsconv's own, or anyone's text item) back into the model.

What it reads (everything newsconv writes, see convert/writers/newsml.py):
- `guid` -> `id` (kept when it is a newsconv id, else a stable `urn:newsconv:` hash of the guid);
  `xml:lang` / `language` -> `language`;
- `contentMeta`: `headline` (a `roleuri` of urn:newsconv:role:derived-headline:<method> marks a
  title derived from the lead), `dateline`, `located` (the dateline place), `infoSource` (the
  dateline's agency), `subject` with a `cpnat:` person / organisation / geoArea / event type;
- item-level `assert` (names with `nrol:alternate` / `nrol:short`, title notes, affiliations, event
  date and location), `inlineRef` (mentions), `partMeta` (speaker `creator`, `by`, `description`);
- the NITF body in `inlineXML`: `hl1`, `dateline` (`location`, `story.date`), `p`, `q`, inline
  `person`/`org`/`location`/`event`, `chron`, `tagline`; else a text/plain `inlineData`.

Everything else is skipped and reported (NC514), never silently. The model's spans refer to the
plain text rebuilt from the item: headline, dateline, paragraphs and sign-off, each separated by a
blank line (that text is what `convert.model.rebuild_source` returns; `source.sha256` is its hash).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter

from .. import messages, xmlsafe
from ..errors import InputError
from ..quotetext import quote_text, widen_to_marks
from ..model import (DATE_KINDS, Article, Dateline, DateMention, Entity, Quote,
                     Span, Title)
from ..namespaces import NAR, NITF, ROLE_DERIVED_HEADLINE, ROLE_TITLE, XML
from ..result import Message, Result
from ..schema import DATE_PATTERN, ID_PATTERN, LANGUAGE_PATTERN
from . import nitf_body
from .nitf_body import local as _local
from .rebuilt import Rebuilt, norm_space as _norm_space, title_of

_N = f"{{{NAR}}}"
_F = f"{{{NITF}}}"
_XML_LANG = f"{{{XML}}}lang"
NAT_CP = {"cpnat:person": "person", "cpnat:organisation": "organization", "cpnat:geoArea": "place",
          "cpnat:event": "event", "cpnat:poi": "place"}
#: what can speak: a quotation's `quote-source` names a person or an organisation, never a place
SPEAKER_TYPES = frozenset({"person", "organization"})

_ITEM_META_READ = {"itemClass", "provider", "versionCreated", "firstCreated", "pubStatus", "generator", "edNote"}
_CONTENT_META_READ = {"contentCreated", "located", "infoSource", "language", "subject", "headline", "dateline"}
_ROOT_READ = {"catalogRef", "catalog", "itemMeta", "contentMeta", "partMeta", "assert", "inlineRef", "contentSet"}
_NITF_INLINE = {"person": "person", "org": "organization", "location": "place", "event": "event"}


_EID, _DID = re.compile(r"e\d+"), re.compile(r"d\d+")


def _kids(el, tag: str) -> list:
    """The children of `el` with this tag (as `el.findall(tag)`, without ElementPath's cost)."""
    return [c for c in el if c.tag == tag]


_QUOTE_FIELDS = tuple(f.name for f in dataclasses.fields(Quote))
_NAME, _NOTE = _N + "name", _N + "note"
_TYPE, _PD, _OD, _ED = _N + "type", _N + "personDetails", _N + "organisationDetails", _N + "eventDetails"
_AFF, _LOC, _DATES, _START = _N + "affiliation", _N + "location", _N + "dates", _N + "start"


def _first_name(el, names: list | None = None) -> str | None:
    """The concept's main name: the first `name` without a role, else the first name."""
    if names is None:
        names = _kids(el, _NAME)
    for n in names:
        if not n.get("role") and (n.text or "").strip():
            return _norm_space(n.text)
    for n in names:
        if (n.text or "").strip():
            return _norm_space(n.text)
    return None


def read(data: bytes, name: str | None = None, *, max_bytes: int | None = xmlsafe.DEFAULT_MAX_XML_BYTES,
         **_options) -> Result[Article]:
    root = xmlsafe.parse(data, name, max_bytes=max_bytes)
    notes: list[Message] = []

    def skipped(what: str, why: str) -> None:
        notes.append(messages.make("NC514", file=name, what=what, why=why))

    if root.tag == _N + "newsMessage":
        items = list(root.iter(_N + "newsItem"))
        if not items:
            msg = messages.make("NC513", file=name, tag="newsMessage (holding no newsItem)")
            raise InputError(msg.text, (msg,))
        if len(items) > 1:
            skipped(f"{len(items) - 1} more newsItem(s) in the newsMessage", "one article is read per input")
        root = items[0]
    elif root.tag != _N + "newsItem":
        msg = messages.make("NC513", file=name, line=root.sourceline, tag=root.tag)
        raise InputError(msg.text, (msg,))
    return _Reader(root, name, notes, skipped).article()


class _Reader:
    def __init__(self, root, name, notes, skipped):
        self.root, self.name, self.notes, self.skipped = root, name, notes, skipped
        self.guid = root.get("guid") or ""
        self.cm = root.find(_N + "contentMeta")
        self.im = root.find(_N + "itemMeta")

    # -- small helpers -------------------------------------------------------------------------
    def _cm(self, local: str):
        return self.cm.find(_N + local) if self.cm is not None else None

    def _cm_all(self, local: str):
        return self.cm.findall(_N + local) if self.cm is not None else []

    def _report_unread(self) -> None:
        root = self.root
        other = sorted({_local(c.tag) for c in root if isinstance(c.tag, str) and _local(c.tag) not in _ROOT_READ})
        if other:
            self.skipped("item elements " + ", ".join(other), "the model has no field for them")
        for parent, known, label in ((self.im, _ITEM_META_READ, "itemMeta"), (self.cm, _CONTENT_META_READ, "contentMeta")):
            if parent is None:
                continue
            names = Counter(_local(c.tag) for c in parent if isinstance(c.tag, str) and _local(c.tag) not in known)
            if names:
                self.skipped(f"{label} elements " + ", ".join(sorted(names)), "the model has no field for them")

    # -- the body ------------------------------------------------------------------------------
    def _nitf(self):
        cs = self.root.find(_N + "contentSet")
        if cs is None:
            return None, None
        plain = None
        for rend in cs:
            if rend.tag == _N + "inlineXML":
                if not any(isinstance(c.tag, str) for c in rend):
                    self.skipped("an empty inlineXML rendition", "it holds no XML body")
                    continue
                for child in rend:
                    if child.tag == _F + "nitf":
                        return child, None
                    if _local(child.tag) == "nitf":
                        self.notes.append(messages.make("NC516", file=self.name, line=child.sourceline))
                        return child, None
            elif rend.tag == _N + "inlineData" and (rend.get("contenttype") or "").startswith("text/plain"):
                plain = rend.text or ""
        if plain is None:
            kinds = sorted({rend.get("contenttype") or _local(rend.tag) for rend in cs
                            if isinstance(rend.tag, str) and any(isinstance(c.tag, str) for c in rend)})
            if kinds:
                self.skipped("renditions " + ", ".join(kinds), "only NITF and plain-text bodies are read")
        return None, plain

    def article(self) -> Result[Article]:
        self._report_unread()
        nitf, plain = self._nitf()
        ns = _F if nitf is not None and nitf.tag.startswith("{") else ""

        def find(el, path):
            return el.find("/".join(ns + p for p in path.split("/"))) if el is not None else None

        body = find(nitf, "body")
        txt = Rebuilt()

        # title and headline
        cm_head = self._cm("headline")
        title_text = _norm_space("".join(cm_head.itertext())) if cm_head is not None else ""
        roles = (cm_head.get("roleuri") or "").split() if cm_head is not None else []
        derived_role = next((r for r in roles if r.startswith(ROLE_DERIVED_HEADLINE + ":")), None)
        cm_dl = self._cm("dateline")
        headline, dl_el, dateline = nitf_body.head(
            body, ns, txt, title_text, derived_role is not None,
            _norm_space("".join(cm_dl.itertext())) if cm_dl is not None else None)
        paras = nitf_body.paragraphs(body, ns, txt, self.skipped, ("hedline", "dateline"))
        if plain is not None and not paras:
            for chunk in re.split(r"\n\s*\n", plain):
                if chunk.strip():
                    paras.append((None, txt.add_text(_norm_space(chunk))))
        if nitf is None and plain is None:
            self.notes.append(messages.make("NC515", file=self.name))
        signoff = nitf_body.tagline(body, ns, txt)

        text = txt.finish()
        span, sep, block = txt.span, txt.sep, txt.block

        # ids of elements -> spans, for inlineRef / partMeta
        by_id: dict[str, tuple[object, int, int]] = {}
        for el, s, e in txt.marks:
            xid = el.get("id")
            if xid:
                by_id[xid] = (el, s, e)

        entities, ent_of_uri = self._entities(by_id, span)
        quotes = self._quotes(txt, paras, by_id, ent_of_uri, entities, span)
        dates = self._dates(txt, text, span)

        # the dateline's parts
        dl_model = None
        if dateline is not None:
            located = self._cm("located")
            place = _first_name(located) if located is not None else None
            if place is None and dl_el is not None:
                loc = dl_el.find(ns + "location")
                place = _norm_space("".join(loc.itertext())) if loc is not None else None
            date = nitf_body.story_date(dl_el, ns)
            src = self._cm("infoSource")
            agency = _first_name(src) if src is not None else None
            dl_model = block(dateline, Dateline, place=place, date=date,
                             date_partial=bool(date and date.startswith("--")), agency=agency)

        paragraphs = nitf_body.number_paragraphs(paras, span, sep)
        # quotes point at paragraphs by position
        quotes = tuple(self._with_paragraph(q, paragraphs) for q in quotes)

        if derived_role is not None:
            title = Title(title_text, True, derived_role.rsplit(":", 1)[-1])
        elif title_text:
            title = Title(title_text, False, "headline")
        else:
            title = title_of(headline[2] if headline else None, paragraphs[0].text if paragraphs else None)

        lang = self.root.get(_XML_LANG) or (self._cm("language").get("tag") if self._cm("language") is not None else "en")
        lang = lang if LANGUAGE_PATTERN.match(lang or "") else (lang or "en").split("-")[0].lower()
        if not LANGUAGE_PATTERN.match(lang):
            lang = "en"
        art_id = self.guid if ID_PATTERN.match(self.guid) else "urn:newsconv:" + hashlib.sha256(
            self.guid.encode("utf-8")).hexdigest()[:20]
        article = Article(
            id=art_id, source=txt.source(self.name), language=lang,
            layout=txt.layout(),
            title=title,
            headline=block(headline) if headline else None,
            dateline=dl_model,
            paragraphs=tuple(paragraphs),
            signoff=block(signoff) if signoff else None,
            quotes=quotes, entities=entities, dates=dates,
        )
        return Result(article, tuple(self.notes))

    # -- entities ------------------------------------------------------------------------------
    def _entities(self, by_id, span):
        concepts: dict[str, dict] = {}
        order: list[str] = []

        def key_of(el):
            return el.get("uri") or el.get("qcode") or el.get("literal")

        skipped_subjects: list[str] = []
        for subj in self._cm_all("subject"):
            etype = NAT_CP.get(subj.get("type") or "")
            key = key_of(subj)
            if etype is None or key is None:
                skipped_subjects.append(subj.get("qcode") or subj.get("uri") or subj.get("literal") or "?")
                continue
            if key not in concepts:
                concepts[key] = {"type": etype, "name": _first_name(subj), "el": None}
                order.append(key)
        if skipped_subjects:
            shown = ", ".join(skipped_subjects[:5]) + (" ..." if len(skipped_subjects) > 5 else "")
            self.skipped(f"{len(skipped_subjects)} subject(s) ({shown})",
                         "not a person, organisation, place or event (cpnat type)")
        for asr in self.root.findall(_N + "assert"):
            key = key_of(asr)
            t = next((c for c in asr if c.tag == _TYPE), None)
            etype = NAT_CP.get(t.get("qcode") if t is not None else "") or (concepts.get(key) or {}).get("type")
            if key is None or etype is None:
                self.skipped(f"assert {key or '?'}", "not about a person, organisation, place or event")
                continue
            if key not in concepts:
                concepts[key] = {"type": etype, "name": None, "el": None}
                order.append(key)
            concepts[key]["el"] = asr
            concepts[key]["name"] = concepts[key]["name"] or _first_name(asr)

        # ids: keep newsconv's own (urn...#e3), else number the rest
        prefix = self.guid + "#"
        ids = nitf_body.number_ids(
            order, lambda key: key[len(prefix):] if key.startswith(prefix) and _EID.fullmatch(key[len(prefix):])
            else None, "e")

        mentions: dict[str, list[Span]] = {}
        for ref in self.root.findall(_N + "inlineRef"):
            key = key_of(ref)
            if key not in ids:
                self.skipped(f"inlineRef {key or '?'}", "it names no person, organisation, place or event of the item")
                continue
            for token in (ref.get("idrefs") or "").split():
                hit = by_id.get(token)
                if hit is None:
                    self.skipped(f"inlineRef id {token!r}", "no element of the body has that id")
                    continue
                mentions.setdefault(key, []).append(span(hit[1], hit[2]))

        out = []
        for key in order:
            c = concepts[key]
            el = c["el"]
            if not c["name"]:
                self.skipped(f"{c['type']} {key}", "it has no name")
                continue
            aliases, titles, affiliations = [], [], []
            acronym = date = location = None
            if el is not None:
                kids: dict = {}
                for ch in el:  # one pass over the assert's children (ElementPath costs ~3 µs a query)
                    kids.setdefault(ch.tag, []).append(ch)

                def grand(tag: str, sub: str, kids=kids) -> list:
                    return [g for c in kids.get(tag, ()) for g in c if g.tag == sub]

                for nm in kids.get(_NAME, ()):
                    role = (nm.get("role") or "").split()
                    val = _norm_space(nm.text or "")
                    if "nrol:short" in role and acronym is None:
                        acronym = val
                    elif "nrol:alternate" in role:
                        aliases.append(val)
                for note in kids.get(_NOTE, ()):
                    if note.get("roleuri") == ROLE_TITLE:
                        titles.append(_norm_space("".join(note.itertext())))
                for aff in grand(_PD, _AFF) + grand(_OD, _AFF):
                    if key_of(aff) in ids:
                        affiliations.append(ids[key_of(aff)])
                for loc in grand(_ED, _LOC) + grand(_OD, _LOC):
                    if key_of(loc) in ids and location is None:
                        location = ids[key_of(loc)]
                start = next((st for d in grand(_ED, _DATES) for st in d if st.tag == _START), None)
                if start is not None and start.text and DATE_PATTERN.match(start.text.strip()):
                    date = start.text.strip()
            ms = sorted(mentions.get(key, ()), key=lambda s: s.start)
            out.append(Entity(ids[key], c["type"], c["name"] or "", tuple(aliases), tuple(titles),
                              tuple(affiliations), acronym, date, location, tuple(ms)))
        out.sort(key=lambda e: int(e.id[1:]))
        return tuple(out), {**{k: v for k, v in ids.items()}}

    # -- quotations ----------------------------------------------------------------------------
    def _quotes(self, txt, paras, by_id, ent_of_uri, entities, span):
        pm_of: dict[str, object] = {}
        for pm in self.root.findall(_N + "partMeta"):
            for token in (pm.get("contentrefs") or "").split():
                pm_of[token] = pm
        out = []
        by_name = {e.name: e.id for e in entities if e.type in SPEAKER_TYPES}
        full = "".join(txt.parts)
        for qid, pieces in nitf_body.quote_groups(txt.marks):
            first = pieces[0][0]
            kind = "scare" if (first.get("class") or "") == "scare" else "direct"
            pm = next((pm_of.get(el.get("id")) for el, _, _ in pieces if el.get("id") in pm_of), None)
            texts = [txt_of(el) for el, _, _ in pieces]
            text = quote_text(texts)
            speaker = speaker_text = None
            if pm is not None:
                first_of: dict = {}
                for ch in pm:  # the first child of each tag, as pm.find(tag) (one pass, no ElementPath)
                    first_of.setdefault(ch.tag, ch)
                cr = first_of.get(_N + "creator")
                if cr is not None:
                    speaker = ent_of_uri.get(cr.get("uri") or cr.get("qcode") or cr.get("literal") or "")
                by = first_of.get(_N + "by")
                if by is not None:
                    speaker_text = _norm_space("".join(by.itertext())) or None
                desc = first_of.get(_N + "description")
                if desc is not None:
                    text = _norm_space("".join(desc.itertext()))
            elif kind == "direct" and first.get("quote-source"):
                speaker_text = first.get("quote-source")
                speaker = by_name.get(speaker_text)
            sp = span(*widen_to_marks(full, pieces[0][1], pieces[-1][2]))
            parts = tuple(span(s, e) for _, s, e in pieces) if len(pieces) > 1 else ()
            out.append(Quote(qid, text, kind, "", sp, parts, speaker if kind == "direct" else None,
                             speaker_text if kind == "direct" else None))
        out.sort(key=lambda q: int(q.id[1:]))
        return out

    @staticmethod
    def _with_paragraph(q: Quote, paragraphs) -> Quote:
        pid = None
        for p in paragraphs:
            if p.span.start <= q.span.start < p.span.end:
                pid = p.id
                break
        if pid is None:
            pid = paragraphs[0].id if paragraphs else "p1"
        # as dataclasses.replace(q, paragraph=pid), without its per-call field introspection
        return Quote(*[pid if name == "paragraph" else getattr(q, name) for name in _QUOTE_FIELDS])

    # -- dates ---------------------------------------------------------------------------------
    def _dates(self, txt, text, span):
        out = []
        taken = set()
        pending = []
        for el, s, e in txt.marks:
            tag = _local(el.tag)
            if tag not in ("chron", "story.date") or s == e:
                continue
            xid = el.get("id") or ""
            norm = el.get("norm")
            value = norm if norm and DATE_PATTERN.match(norm) else None
            kind = el.get("class")
            if kind not in DATE_KINDS:
                kind = "relative" if value is None else ("absolute" if len(value) == 10 and not value.startswith("--")
                                                         else "partial")
            dtext = text[s:e]
            if _DID.fullmatch(xid) and xid not in taken:
                taken.add(xid)
                out.append(DateMention(xid, dtext, kind, span(s, e), value))
            else:
                pending.append((dtext, kind, span(s, e), value))
        n = 0
        for dtext, kind, sp, value in pending:
            n += 1
            while f"d{n}" in taken:
                n += 1
            taken.add(f"d{n}")
            out.append(DateMention(f"d{n}", dtext, kind, sp, value))
        out.sort(key=lambda d: int(d.id[1:]))  # newsconv numbers dates in its own order
        return tuple(out)


def txt_of(el) -> str:
    return "".join(el.itertext())



__all__ = ["read"]
