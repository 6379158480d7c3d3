"""The DOCX report: one article as a careful desk would brief it, for editors, lawyers and
fact-checkers.

Layout (named styles only, never direct formatting; headings never skip a level):
  Heading 1   the title (a derived title is followed by a Subtitle line saying so)
  Heading 2   About this article   a two-column table: headline, dateline, date, place, language,
                                   word count, source file, SHA-256, identifier, ...
  Heading 2   Story                the body paragraphs, numbered; quotations shown in the
                                   "Quotation" character style where they stand
  Heading 2   Quotations           table: speaker, role, quotation, paragraph number
  Heading 2   People / Organisations / Places / Events / Dates   one table each
  Heading 2   Provenance           newsconv version, model version, source checksum

Quotation spans are offsets into the decoded source; a paragraph's `text` may differ from its
source slice (`raw`, for hard-wrapped text), so spans are mapped through an alignment of the
two. Text Word cannot hold (C0/C1 control characters, characters outside XML 1.0) is removed
with a located warning (NC701). Core properties come from the article (or WriteOptions.created),
never from the python-docx template. Package handling and speed: see `docx_template`.

How python-docx is used, and why not for every paragraph: python-docx provides the template
(its default.docx, trimmed), resolves the style names to ids once (`docx_template.template`),
writes the core properties (`CoreProperties`), and is what the tests read the report back
with. The body itself is written as WordprocessingML text here: python-docx's `add_paragraph`
/ `add_run` / `add_table` looks each style up again and walks its element classes on every call
(~0.3 ms per styled paragraph; 50 ms for the reference article's report, against a 5 ms
budget). Every string that enters the XML is cleaned (`_Report.clean`) and escaped (`_t`); the
tests check the result through python-docx (styles, runs, tables, cells) and against canonical
golden XML, so the markup stays what python-docx itself would write.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from .. import __version__, messages
from ..model import Article, Paragraph, Quote, Span
from ..options import WriteOptions
from ..result import Message, Result
from ..textpos import LINE_BREAK
from . import docx_template as T

#: Characters Word cannot hold: outside XML 1.0 (C0 controls but tab/LF/CR, lone surrogates,
#: U+FFFE/U+FFFF) and the C1 controls (legal XML, but Word and LibreOffice reject or garble them).
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CORE_LIMIT = 255
_OPENING = "\"\u201c\u201e\u00ab\u2018'"
_CLOSING = "\"\u201d\u201c\u00bb\u2019'"

SECTIONS = ("About this article", "Story", "Quotations", "People", "Organisations", "Places", "Events",
            "Dates", "Provenance")
DERIVED_NOTE = "Title derived from the lead: the text has no headline"

_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_BREAKS = re.compile(r"(\t|\r\n|\n|\r)")
_XML_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<w:document xmlns:w="{T.W_NS}"><w:body>')


def _t(text: str) -> str:
    if text[:1].isspace() or text[-1:].isspace():
        return f'<w:t xml:space="preserve">{text.translate(_ESCAPE)}</w:t>'
    return f"<w:t>{text.translate(_ESCAPE)}</w:t>"


def _run(text: str, style: str | None = None) -> str:
    """One w:r of `text` (tabs and line breaks as w:tab / w:br, like python-docx's Run.text);
    `text` must already be free of characters XML cannot hold (see `_Report.clean`)."""
    rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style is not None else ""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return f"<w:r>{rpr}{_t(text) if text else ''}</w:r>"
    inner = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            inner.append("<w:tab/>")
        elif piece in ("\r\n", "\n", "\r"):
            inner.append("<w:br/>")
        elif piece:
            inner.append(_t(piece))
    return f"<w:r>{rpr}{''.join(inner)}</w:r>"


def _p(style: str | None, runs: str) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style is not None else ""
    return f"<w:p>{ppr}{runs}</w:p>"


# --- offsets: source <-> paragraph text --------------------------------------------------------
def text_to_raw(par: Paragraph) -> list[int] | None:
    """For each index of `par.text` (and one past its end) the index in the source slice `raw`,
    or None when `raw` is absent (the text is the source slice itself).

    The reader rejoins hard-wrapped lines with single spaces and drops indentation; the
    alignment below follows that (whitespace runs of `raw` collapse onto one space of `text`)
    and tolerates other small differences by stepping through both strings."""
    raw, text = par.raw, par.text
    if raw is None or raw == text:
        return None
    m: list[int] = []
    i = j = 0
    n, r = len(text), len(raw)
    while i < n:
        c = text[i]
        if j < r and raw[j] == c:
            m.append(j)
            i += 1
            j += 1
        elif j < r and raw[j].isspace():
            if c.isspace():
                m.append(j)
                i += 1
                j += 1
            else:
                j += 1  # indentation or a line break the text dropped
            continue
        else:
            m.append(min(j, r))  # an unexpected difference: step through both
            i += 1
            j += 1
        if c.isspace():
            while j < r and raw[j].isspace() and not (i < n and text[i].isspace()):
                j += 1
    m.append(r if j >= r or i >= n else j)
    m[-1] = max(m[-1], m[-2] if len(m) > 1 else 0)
    return m


class _ParMap:
    """Offsets of one paragraph: source offset -> text index, text index -> source line:col."""

    __slots__ = ("par", "m", "_starts")

    def __init__(self, par: Paragraph):
        self.par = par
        self.m = text_to_raw(par)
        self._starts: list[int] | None = None

    def to_text(self, src: int) -> int:
        rel = src - self.par.span.start
        n = len(self.par.text)
        if self.m is None:
            return max(0, min(n, rel))
        return min(n, bisect_left(self.m, rel))

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, col) in the source of the character at text index `index`."""
        span = self.par.span
        rel = index if self.m is None else self.m[min(index, len(self.m) - 1)]
        raw = self.par.raw if self.par.raw is not None else self.par.text
        if self._starts is None:
            self._starts = [0] + [mt.end() for mt in LINE_BREAK.finditer(raw)]
        k = bisect_right(self._starts, rel) - 1
        if k == 0:
            return span.line, span.col + rel
        return span.line + k, rel - self._starts[k] + 1


def _span_pos(span: Span | None, k: int = 0) -> tuple[int | None, int | None]:
    if span is None:
        return None, None
    if span.line == span.end_line:
        return span.line, span.col + k
    return span.line, span.col


def _parse_created(value: str) -> dt.datetime:
    text = value.strip()
    if len(text) == 10:
        d = dt.date.fromisoformat(text)
        return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)
    when = dt.datetime.fromisoformat(text.replace("z", "Z"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc)


class _Report:
    def __init__(self, article: Article, options: WriteOptions):
        self.a = article
        self.options = options
        self.msgs: list[Message] = []
        self._removed: dict[str, list] = {}
        self.tpl = T.template()
        self.ids = self.tpl.style_id
        self.out: list[str] = []  # document.xml body content, in order
        self.entity_index = {e.id: i for i, e in enumerate(article.entities)}
        self.maps = {p.id: _ParMap(p) for p in article.paragraphs}
        self.par_no = {p.id: i for i, p in enumerate(article.paragraphs, 1)}
        self._par_starts = [p.span.start for p in article.paragraphs]

    # -- text hygiene ---------------------------------------------------------------------
    def clean(self, text: str | None, field: str, locate=None) -> str:
        """`text` without the characters Word cannot hold. What was removed is reported once per
        field (NC701, see `removals`), located at the first such character."""
        if not text:
            return ""
        first = _BAD.search(text)
        if first is None:
            return text
        count = len(_BAD.findall(text))
        seen = self._removed.get(field)
        if seen is None:
            line, col = locate(first.start()) if locate is not None else (None, None)
            self._removed[field] = [count, line, col, ord(first.group())]
        else:
            seen[0] += count
        return _BAD.sub("", text)

    def removals(self) -> list[Message]:
        return [messages.make("NC701", line=line, col=col, path=field, count=count, field=field, codepoint=cp)
                for field, (count, line, col, cp) in self._removed.items()]

    def entity_name(self, ent, field: str) -> str:
        span = ent.mentions[0] if ent.mentions else None
        return self.clean(ent.name, field, lambda k: _span_pos(span, k))

    def ref_name(self, ref: str | None, field: str) -> str:
        idx = self.entity_index.get(ref)
        if idx is None:
            self.msgs.append(messages.make("NC703", path=field, field=field, ref=ref))
            return self.clean(ref, field)
        return self.entity_name(self.a.entities[idx], f"entities[{idx}].name")

    def paragraph_of(self, offset: int) -> int | None:
        """1-based number of the paragraph holding source `offset`, if any."""
        i = bisect_right(self._par_starts, offset) - 1
        if i >= 0 and offset < self.a.paragraphs[i].span.end:
            return i + 1
        return None

    # -- building blocks ---------------------------------------------------------------------
    def heading(self, text: str, level: int) -> None:
        self.out.append(_p(self.ids["title" if level == 1 else "section"], _run(text)))

    def note(self, text: str) -> None:
        self.out.append(_p(self.ids["note"], _run(text)))

    def table(self, header: tuple[str, ...], widths: tuple[float, ...], rows: list[tuple[str, ...]]) -> None:
        """A Table Grid table; `widths` are fractions of the text width. Rows never split across
        pages; the header row repeats on every page and is set in the Strong character style."""
        twips = [int(T.TEXT_WIDTH_TWIPS * f) for f in widths]
        out = self.out
        out.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.ids["table"]}"/><w:tblW w:w="0" w:type="auto"/>'
                   '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
                   'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>')
        out.extend(f'<w:gridCol w:w="{tw}"/>' for tw in twips)
        out.append("</w:tblGrid>")
        cells = [f'<w:tc><w:tcPr><w:tcW w:w="{tw}" w:type="dxa"/></w:tcPr><w:p>' for tw in twips]
        label = self.ids["label"]
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for cell, text in zip(cells, header):
            out.append(f"{cell}{_run(text, label)}</w:p></w:tc>")
        out.append("</w:tr>")
        for values in rows:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for cell, text in zip(cells, values):
                out.append(f"{cell}{_run(text) if text else ''}</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")

    # -- sections -------------------------------------------------------------------------
    def build(self) -> None:
        a = self.a
        title = self.clean(a.title.text, "title.text",
                           lambda k: _span_pos(a.headline.span if a.headline else None, k)) or "(untitled)"
        self.heading(title, 1)
        if a.title.derived:
            self.out.append(_p(self.ids["derived"], _run(DERIVED_NOTE)))
        self.about()
        self.story()
        self.quotations()
        self.people()
        self.organisations()
        self.places()
        self.events()
        self.dates()
        self.provenance()

    def about(self) -> None:
        a = self.a
        self.heading("About this article", 2)
        dl = a.dateline
        src = a.source
        if a.date:
            date = a.date
        elif dl is not None and dl.date:
            date = f"{dl.date} (the text gives month and day only)" if dl.date_partial else dl.date
        else:
            date = "not given in the text"
        direct = a.direct_quotes
        rows = [
            ("Headline", self.clean(a.headline.text, "headline.text", lambda k: _span_pos(a.headline.span, k))
             if a.headline else "none: " + DERIVED_NOTE[0].lower() + DERIVED_NOTE[1:] if a.title.derived else "none"),
            ("Dateline", self.clean(dl.text, "dateline.text", lambda k: _span_pos(dl.span, k)) if dl else "none"),
            ("Date", date),
            ("Place", self.clean(dl.place, "dateline.place") if dl and dl.place else "not given in the text"),
        ]
        if dl is not None and dl.agency:
            rows.append(("Agency", self.clean(dl.agency, "dateline.agency")))
        rows += [
            ("Language", self.clean(a.language, "language")),
            ("Word count", str(a.word_count)),
            ("Paragraphs", str(len(a.paragraphs))),
            ("Quotations", f"{len(direct)} direct" + (f", {len(a.quotes) - len(direct)} other quoted phrases"
                                                      if len(a.quotes) > len(direct) else "")),
        ]
        if a.signoff is not None:
            rows.append(("Sign-off", self.clean(a.signoff.text, "signoff.text", lambda k: _span_pos(a.signoff.span, k))))
        rows += [
            ("Source file", self.clean(src.name, "source.name") or "standard input"),
            ("Source SHA-256", src.sha256),
            ("Source encoding", f"{src.encoding}{' with BOM' if src.bom else ''}, {src.line_ending.upper()} line endings,"
                                f" {src.byte_length} bytes"),
            ("Identifier", self.clean(a.id, "id")),
        ]
        self.table(("Field", "Value"), (0.26, 0.74), rows)

    def _quote_intervals(self) -> dict[str, list[tuple[int, int]]]:
        """Paragraph id -> sorted, merged [start, end) text intervals of direct quotations."""
        out: dict[str, list[tuple[int, int]]] = {}
        pars = self.a.paragraphs
        for qi, q in enumerate(self.a.quotes):
            if q.kind != "direct":
                continue
            placed = False
            for sp in (q.parts or (q.span,)):
                i = max(0, bisect_right(self._par_starts, sp.start) - 1)
                while i < len(pars) and pars[i].span.start < sp.end:
                    par = pars[i]
                    if sp.start < par.span.end and par.span.start < sp.end or sp.start == sp.end == par.span.start:
                        pm = self.maps[par.id]
                        s = pm.to_text(max(sp.start, par.span.start))
                        e = pm.to_text(min(sp.end, par.span.end))
                        if e > s:
                            # show the quotation marks as part of the quotation when the span
                            # covers only the words between them
                            text = par.text
                            if s > 0 and text[s - 1] in _OPENING and e < len(text) and text[e] in _CLOSING:
                                s, e = s - 1, e + 1
                            out.setdefault(par.id, []).append((s, e))
                            placed = True
                    i += 1
            if not placed:
                line, col = _span_pos(q.span)
                self.msgs.append(messages.make("NC702", line=line, col=col, path=f"quotes[{qi}]", quote=q.id))
        for pid, ivs in out.items():
            ivs.sort()
            merged = [ivs[0]]
            for s, e in ivs[1:]:
                if s <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
                else:
                    merged.append((s, e))
            out[pid] = merged
        return out

    def story(self) -> None:
        self.heading("Story", 2)
        if not self.a.paragraphs:
            self.note("The article has no body paragraphs.")
            return
        intervals = self._quote_intervals()
        story, number, quote = self.ids["story"], self.ids["number"], self.ids["quote"]
        for n, par in enumerate(self.a.paragraphs, 1):
            pm = self.maps[par.id]
            field = f"paragraphs[{n - 1}].text"
            p = [_run(f"{n}\t", number)]
            text = par.text
            pos = 0
            for s, e in intervals.get(par.id, ()):
                if s > pos:
                    p.append(_run(self.clean(text[pos:s], field, lambda k, o=pos: pm.position(o + k))))
                p.append(_run(self.clean(text[s:e], field, lambda k, o=s: pm.position(o + k)), quote))
                pos = e
            if pos < len(text):
                p.append(_run(self.clean(text[pos:], field, lambda k, o=pos: pm.position(o + k))))
            self.out.append(_p(story, "".join(p)))

    def _role(self, ent, field: str) -> str:
        titles = [self.clean(t, f"{field}.titles[{i}]") for i, t in enumerate(ent.titles)]
        affs = [self.ref_name(r, f"{field}.affiliations[{i}]") for i, r in enumerate(ent.affiliations)]
        role = "; ".join(t for t in titles if t)
        if affs:
            role = f"{role}, {', '.join(affs)}" if role else ", ".join(affs)
        return role

    def quotations(self) -> None:
        a = self.a
        self.heading("Quotations", 2)
        direct = [(i, q) for i, q in enumerate(a.quotes) if q.kind == "direct"]
        if not direct:
            self.note("No direct quotations found in the text.")
        else:
            rows = []
            for i, q in direct:
                rows.append(self._quote_row(i, q))
            self.table(("Speaker", "Role", "Quotation", "Para."), (0.2, 0.22, 0.48, 0.1), rows)
        other = [(i, q) for i, q in enumerate(a.quotes) if q.kind != "direct"]
        if other:
            words = "; ".join(
                f"\u201c{self.clean(q.text, f'quotes[{i}].text', lambda k, s=q.span: _span_pos(s, k + 1))}\u201d"
                f" (para. {self.par_no.get(q.paragraph, '?')})" for i, q in other)
            self.note(f"Also in quotation marks, but not speech (scare quotes, titles): {words}.")

    def _quote_row(self, i: int, q: Quote) -> tuple[str, str, str, str]:
        field = f"quotes[{i}]"
        speaker_text = self.clean(q.speaker_text, f"{field}.speaker_text", lambda k: _span_pos(q.speaker_span, k))
        role = ""
        if q.speaker is not None:
            ei = self.entity_index.get(q.speaker)
            if ei is None:
                speaker = self.ref_name(q.speaker, f"{field}.speaker")
            else:
                ent = self.a.entities[ei]
                speaker = self.entity_name(ent, f"entities[{ei}].name")
                role = self._role(ent, f"entities[{ei}]")
                if speaker_text and speaker_text not in speaker:  # "he", "the commission"
                    speaker = f"{speaker} (\u201c{speaker_text}\u201d)"
        elif speaker_text:
            speaker = speaker_text
        else:
            speaker = "not named in the text"
        first = q.parts[0] if q.parts else q.span
        text = self.clean(q.text, f"{field}.text", lambda k: _span_pos(first, k))
        if q.paragraph in self.par_no:
            para = str(self.par_no[q.paragraph])
        else:
            self.msgs.append(messages.make("NC703", path=f"{field}.paragraph", field=f"{field}.paragraph",
                                           ref=q.paragraph))
            number = self.paragraph_of(q.span.start)
            para = str(number) if number else "?"
        return speaker, role, text, para

    def _paras(self, ent) -> str:
        nums = sorted({n for n in (self.paragraph_of(s.start) for s in ent.mentions) if n})
        return ", ".join(map(str, nums))

    def _aliases(self, ent, field: str) -> str:
        """Aliases other than the acronym (shown in its own column)."""
        return "; ".join(self.clean(x, f"{field}.aliases[{i}]") for i, x in enumerate(ent.aliases)
                         if x != ent.acronym)

    def _entities(self, type_: str):
        return [(i, e) for i, e in enumerate(self.a.entities) if e.type == type_]

    def people(self) -> None:
        self.heading("People", 2)
        rows = []
        for i, e in self._entities("person"):
            f = f"entities[{i}]"
            titles = "; ".join(self.clean(t, f"{f}.titles[{k}]") for k, t in enumerate(e.titles))
            affs = "; ".join(self.ref_name(r, f"{f}.affiliations[{k}]") for k, r in enumerate(e.affiliations))
            rows.append((self.entity_name(e, f"{f}.name"), titles, affs, self._aliases(e, f), self._paras(e)))
        if rows:
            self.table(("Name", "Titles and roles", "Affiliations", "Also named as", "Para."),
                       (0.2, 0.3, 0.2, 0.18, 0.12), rows)
        else:
            self.note("No people found in the text.")

    def organisations(self) -> None:
        self.heading("Organisations", 2)
        rows = []
        for i, e in self._entities("organization"):
            f = f"entities[{i}]"
            rows.append((self.entity_name(e, f"{f}.name"), self.clean(e.acronym, f"{f}.acronym"),
                         self._aliases(e, f), self._paras(e)))
        if rows:
            self.table(("Name", "Acronym", "Also named as", "Para."), (0.44, 0.14, 0.28, 0.14), rows)
        else:
            self.note("No organisations found in the text.")

    def places(self) -> None:
        self.heading("Places", 2)
        rows = []
        for i, e in self._entities("place"):
            f = f"entities[{i}]"
            rows.append((self.entity_name(e, f"{f}.name"), self._aliases(e, f), self._paras(e)))
        if rows:
            self.table(("Name", "Also named as", "Para."), (0.44, 0.38, 0.18), rows)
        else:
            self.note("No places found in the text.")

    def events(self) -> None:
        self.heading("Events", 2)
        rows = []
        for i, e in self._entities("event"):
            f = f"entities[{i}]"
            where = self.ref_name(e.location, f"{f}.location") if e.location else ""
            rows.append((self.entity_name(e, f"{f}.name"), self.clean(e.date, f"{f}.date"), where, self._paras(e)))
        if rows:
            self.table(("Event", "Date", "Location", "Para."), (0.42, 0.18, 0.26, 0.14), rows)
        else:
            self.note("No events found in the text.")

    def dates(self) -> None:
        self.heading("Dates", 2)
        rows = []
        for i, d in enumerate(self.a.dates):
            n = self.paragraph_of(d.span.start)
            rows.append((self.clean(d.text, f"dates[{i}].text", lambda k, s=d.span: _span_pos(s, k)),
                         self.clean(d.value, f"dates[{i}].value") or "not resolved", d.kind, str(n) if n else ""))
        if rows:
            self.table(("As written", "ISO 8601", "Kind", "Para."), (0.4, 0.26, 0.2, 0.14), rows)
        else:
            self.note("No dates found in the text.")

    def provenance(self) -> None:
        a = self.a
        self.heading("Provenance", 2)
        name = self.clean(a.source.name, "source.name") or "standard input"
        self.note(f"Report made by newsconv {__version__} from article model version {a.model_version}, "
                  f"read from {name} (SHA-256 {a.source.sha256}). Quotations, speakers and names were found "
                  "by automatic extraction: check them against the source before relying on them.")

    def document(self) -> bytes:
        """word/document.xml (the section properties close the body)."""
        return f"{_XML_HEAD}{''.join(self.out)}{T.SECTPR_XML}</w:body></w:document>".encode("utf-8")

    # -- core properties --------------------------------------------------------------------
    def core_xml(self) -> bytes:
        from docx.opc.coreprops import CoreProperties
        from docx.oxml.coreprops import CT_CoreProperties
        from lxml import etree

        a = self.a
        el = CT_CoreProperties.new()
        props = CoreProperties(el)

        def text(prop: str, value: str) -> None:
            if len(value) > _CORE_LIMIT:
                self.msgs.append(messages.make("NC706", path=f"docProps/core.xml:{prop}", prop=prop))
                value = value[: _CORE_LIMIT - 1] + "\u2026"
            if value:
                setattr(props, prop, value)

        people = [self.clean(e.name, "entities.name") for e in a.entities if e.type == "person"]
        orgs = [self.clean(e.name, "entities.name") for e in a.entities if e.type == "organization"]
        topics = [self.clean(e.name, "entities.name") for e in a.entities if e.type in ("event", "place")]
        title = self.clean(a.title.text, "title.text") or "(untitled)"
        text("title", title)
        text("subject", "; ".join(topics) if topics else "News article")
        text("keywords", "; ".join(dict.fromkeys(people + orgs)))
        text("language", self.clean(a.language, "language"))
        text("identifier", self.clean(a.id, "id"))
        text("author", self.clean(self.options.provider, "provider") or "newsconv")
        text("last_modified_by", f"newsconv {__version__}")
        text("category", "News article report")
        text("comments", (f"{DERIVED_NOTE}. " if a.title.derived else "")
             + f"Made by newsconv {__version__} (model {a.model_version}) from "
             f"{self.clean(a.source.name, 'source.name') or 'standard input'}, SHA-256 {a.source.sha256}.")
        props.revision = 1
        when = None
        if a.date:
            when = _parse_created(a.date)
        elif self.options.created:
            try:
                when = _parse_created(self.options.created)
            except ValueError:
                self.msgs.append(messages.make("NC704", value=self.options.created))
        if when is None:
            self.msgs.append(messages.make("NC705"))
        else:
            props.created = when
            props.modified = when
        return etree.tostring(el, encoding="UTF-8", standalone=True)


def write(article: Article, options: WriteOptions) -> Result[bytes]:
    """The DOCX report of `article` (deterministic bytes; see the module docstring)."""
    report = _Report(article, options)
    report.build()
    document_xml = report.document()
    core_xml = report.core_xml()
    data = T.package(document_xml, core_xml, article.language)
    # messages point at the source text (line:col), so they carry its name
    name = article.source.name
    return Result(data, tuple(m.with_file(name) for m in report.removals() + report.msgs))


__all__ = ["write", "text_to_raw", "SECTIONS", "DERIVED_NOTE"]
