"""The plain-text reader: decoded text -> Article.

Order of work: layout (blocks), a trailing agency sign-off, then the headline and the dateline,
which decide each other (a short first line above a dateline is the headline even with a final
period; a text that opens with a dateline has no headline; otherwise the first block must read as
a headline: body prose is never passed off as one), then the extraction passes (quotations,
entities, dates) over the paragraphs. The dateline opens the body or follows a short prelude
(byline, deck, `ABSTRACT.` section); see `find_dateline`. Every block records its exact source slice and the separator after it, so
`convert.model.rebuild_source` gives the decoded text back unchanged.
"""

from __future__ import annotations

import re

from .. import messages
from ..decode import Decoded
from ..extract import extract
from ..model import Article, Block, Dateline, Paragraph, Title
from ..result import Message, Result
from ..textpos import LineIndex, fast_constructor, serial_ids
from .dateline import DatelineMatch, match_dateline
from .layout import RawBlock, rejoin_lines, segment
from .signoff import is_signoff

# the same objects as Paragraph(...), Block(...), ..., made faster (see fast_constructor)
_Paragraph = fast_constructor(Paragraph)
_ParagraphSlots = _Paragraph.twin
_Block = fast_constructor(Block)
_Dateline = fast_constructor(Dateline)
_Title = fast_constructor(Title)
_Article = fast_constructor(Article)

HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 220
_TITLE_MAX_WORDS = 14
#: how many body blocks may precede the dateline (bylines, decks, `ABSTRACT.` sections)
DATELINE_SCAN = 6
#: a block this short before the dateline is a byline, a deck or a label, not the lead
_PRELUDE_MAX_WORDS = 16
_LABEL_MAX_WORDS = 3
# (searched from two characters before the end, where any match of theirs starts: `$` is the end
# or a final line feed; re would otherwise try a match at every character of the line)
_NON_HEADLINE_END = re.compile(r"[.,;]$")
_LONE_LINE_END = re.compile(r"[.!?,;:\"”]$")
#: the end of the lead's first sentence: its final mark (then the lead goes on with a capital or
#: a quotation mark). Opening with the mark rather than a look-behind for it lets re skip to the
#: marks instead of trying a match at every character.
_LEAD_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])")
#: where the lead's first clause ends: `,\s+|\s+[–—-]\s+|;\s+|:\s+` (a comma, semicolon or colon,
#: or a dash between spaces), written to open with one character class so that re skips to the
#: places where a match can start instead of trying four alternatives at every character.
_LEAD_CLAUSE = re.compile(r"[,;:\s](?:(?<=[,;:])\s+|(?<=\s)\s*[–—-]\s+)")


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _case_counts(text: str) -> tuple[int, int]:
    """(capitals, lower-case letters) in `text`. Why two forms: an ASCII text's letters are
    counted by deleting them from its bytes (`translate`, in C) at an eighth of the cost of
    asking str.isupper and str.islower of each character, which other texts still do."""
    if text.isascii():
        data = text.encode("ascii")
        n = len(data)
        return n - len(data.translate(None, _ASCII_UPPER)), n - len(data.translate(None, _ASCII_LOWER))
    return sum(map(str.isupper, text)), sum(map(str.islower, text))


def _is_all_caps(text: str) -> bool:
    """At least 80% of the cased letters are capitals (`NCAA AMERICAN FOOTBALL-OHIO STATE'S ...`)."""
    upper, lower = _case_counts(text)
    return upper > 0 and upper >= 4 * lower


def _reads_as_headline(block: RawBlock, next_block: RawBlock | None) -> bool:
    """A first line is a headline when it is short and not a finished sentence of prose.

    ALL-CAPS wire headlines count even with a final period (`... AWARD WINNER.`)."""
    if block.lines != 1:
        return False
    text = block.text
    words = text.split(None, HEADLINE_MAX_WORDS)  # (enough to count up to the limit: see derive_title)
    if next_block is None:  # a lone line: a headline only if it cannot be a sentence
        return 0 < len(words) <= 15 and not _LONE_LINE_END.search(text, len(text) - 2)
    if not words or len(words) > HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS:
        return False
    if _is_all_caps(text):
        return True
    if _NON_HEADLINE_END.search(text, len(text) - 2) and not text.endswith("..."):
        return False
    return len(words) <= 25


def _is_label(block: RawBlock) -> bool:
    """`ABSTRACT.`, `FULL TEXT.`, `DealBook.`: a one-to-three-word section label."""
    return len(block.text.split()) <= _LABEL_MAX_WORDS and block.text[-1:] in ".:" and block.lines == 1


def find_dateline(blocks: list[RawBlock], start: int = 0) -> tuple[int, DatelineMatch] | None:
    """The dateline and the index of its block, looking at `blocks[start]` and, past short
    preludes (byline, deck, label, the section a label opens), a few blocks further on, where only
    a strong dateline counts. A whole-block dateline needs a body block after it."""
    stop = min(len(blocks), start + DATELINE_SCAN)
    for i in range(start, stop):
        blk = blocks[i]
        dm = match_dateline(blk.text, strict=i > start)
        if dm is not None and dm.whole and blk.lines > 1:
            dm = None  # a wrapped paragraph is never a dateline line
        if dm is not None and (not dm.whole or i + 1 < len(blocks)):
            return i, dm
        short = len(blk.text.split(None, _PRELUDE_MAX_WORDS)) <= _PRELUDE_MAX_WORDS  # (see derive_title)
        after_label = i > start and _is_label(blocks[i - 1])
        if not (short or after_label):
            return None
    return None


def derive_title(headline: str | None, lead: str | None) -> Title:
    """The headline when there is one; else a title made from the lead's first clause,
    marked `derived` so no format passes it off as the article's own headline."""
    if headline:
        return _Title(headline, False, "headline")
    if not lead:
        return _Title("", True, "none")
    end = _LEAD_SENTENCE_END.search(lead)
    sentence = lead[:end.start() + 1] if end else lead
    # (split at most n times, a text gives min(its words, n + 1) items: enough to count to n)
    words = sentence.split(None, _TITLE_MAX_WORDS)
    if len(words) <= _TITLE_MAX_WORDS:
        return _Title(sentence.rstrip(" .") if not sentence.endswith("...") else sentence, True, "lead-sentence")
    end = _LEAD_CLAUSE.search(sentence)
    clause = sentence[:end.start()] if end else sentence
    if 3 <= len(clause.split(None, _TITLE_MAX_WORDS + 4)) <= _TITLE_MAX_WORDS + 4:
        return _Title(clause.rstrip(" ."), True, "lead-clause")
    return _Title(" ".join(words[:_TITLE_MAX_WORDS]) + "…", True, "lead-clause")


def _source_raw(text: str, start: int, end: int, norm: str) -> str | None:
    """A block's `raw`: its exact source slice text[start:end] when that differs from its
    normalised text `norm`, else None."""
    raw = text[start:end]
    return None if raw == norm else raw


def _entries(role: str, text: str, blocks: list[RawBlock]) -> list[tuple[str, int, int, str, str | None]]:
    """(role, start, end, normalised text, raw) of each block. Why no slice for a one-line block:
    its text is its exact source slice (layout._line_blocks), so its raw is None without slicing
    and comparing a copy of the source; only rejoined blocks (`lines` > 1) are compared."""
    return [(role, b.start, b.end, b.text, None if b.lines == 1 else _source_raw(text, b.start, b.end, b.text))
            for b in blocks]


def _dateline_entries(text: str, blk: RawBlock, dm: DatelineMatch) -> tuple[list[tuple], DatelineMatch | None]:
    """The entries (see _entries) of the block the dateline `dm` was found in: the dateline alone,
    or the dateline and the paragraph it opens; and the match the dateline's fields come from
    (None when there turns out to be no dateline)."""
    if dm.whole:
        return [("dateline", blk.start, blk.end, dm.text, _source_raw(text, blk.start, blk.end, dm.text))], dm
    # a dateline opening a paragraph: split it off; in a rejoined (hard-wrapped) paragraph,
    # match again on the exact source so the offsets are the source's
    raw = text[blk.start:blk.end]
    rm = dm if blk.lines == 1 else match_dateline(raw, strict=dm.strong)
    if rm is None or rm.whole:  # pragma: no cover - the rejoined and raw texts agree
        return _entries("paragraph", text, [blk]), None
    dl_end = blk.start + rm.end
    dl_text = rejoin_lines(rm.text)
    body_start = blk.start + rm.body_start
    body = blk.text[rm.body_start:] if blk.lines == 1 else rejoin_lines(text[body_start:blk.end])
    return [("dateline", blk.start, dl_end, dl_text, _source_raw(text, blk.start, dl_end, dl_text)),
            ("paragraph", body_start, blk.end, body, _source_raw(text, body_start, blk.end, body))], rm


def _model_blocks(text: str, index: LineIndex, entries: list[tuple], dm: DatelineMatch | None
                  ) -> tuple[Block | None, Dateline | None, list[Paragraph], Block | None]:
    """(headline, dateline, paragraphs, sign-off) of the entries (see _entries, in source order):
    each block with its span and its separator, the source up to the next block's start. The
    dateline's place, date and agency come from its match `dm`."""
    headline = signoff = dateline = None
    paragraphs: list[Paragraph] = []
    ids = serial_ids("p", len(entries))  # (one id per paragraph, and a few spare)
    nexts = [e[1] for e in entries[1:]]
    nexts.append(len(text))
    spans = index.spans([(e[1], e[2]) for e in entries])
    for (role, start, end, norm, raw), nxt, sp in zip(entries, nexts, spans):
        sep = text[end:nxt]
        if role == "paragraph":  # (the commonest role, asked first)
            # a Paragraph made inline as fast_constructor makes one: a call per paragraph saved
            p = _ParagraphSlots()
            p.id = ids[len(paragraphs)]
            p.text = norm
            p.span = sp
            p.raw = raw
            p.sep = sep
            p.__class__ = Paragraph
            paragraphs.append(p)
        elif role == "headline":
            headline = _Block(norm, sp, raw, sep)
        elif role == "signoff":
            signoff = _Block(norm, sp, raw, sep)
        else:  # the dateline
            dateline = _Dateline(norm, sp, place=dm.place, date=dm.date, date_partial=dm.date_partial,
                                 agency=dm.agency, raw=raw, sep=sep)
    return headline, dateline, paragraphs, signoff


def read_text(decoded: Decoded, *, language: str = "en") -> Result[Article]:
    """Build the Article for decoded text. Raises InputError for empty input."""
    text = decoded.text
    notes: list[Message] = list(decoded.messages)
    name = decoded.source.name
    index = LineIndex(text)
    layout, raw_blocks = segment(text, index.cut)
    if not raw_blocks:
        from ..errors import InputError

        code = "NC104" if not text else "NC105"
        msg = messages.make(code, file=name, line=1, col=1)
        raise InputError(msg.text, (msg,))

    def located(code: str, offset: int, **fmt) -> Message:
        line, col = index.position(offset)
        return messages.make(code, file=name, line=line, col=col, **fmt)

    blocks = list(raw_blocks)
    signoff_raw: RawBlock | None = None
    if len(blocks) > 1 and is_signoff(blocks[-1].text):
        signoff_raw = blocks.pop()

    # headline and dateline decide each other: a short first line above the dateline is the
    # headline even when it ends with a period (CoNLL: `Woman charged over N. Ireland arms find.`)
    headline_raw: RawBlock | None = None
    found = find_dateline(blocks, 0)
    first = blocks[0]
    if found is not None and found[0] >= 1:
        is_headline = first.lines == 1 and len(first.text.split()) <= HEADLINE_MAX_WORDS
    elif found is not None:  # the text opens with a dateline: no headline, unless it was a weak match
        is_headline = (not found[1].strong and len(blocks) > 1 and _reads_as_headline(first, blocks[1])
                       and not first.text.endswith((".", "!", "?")) and len(first.text.split()) <= 20)
    else:
        is_headline = _reads_as_headline(first, blocks[1] if len(blocks) > 1 else None)
    if is_headline and _is_label(first) and len(blocks) > 1 and len(blocks[1].text.split()) > _PRELUDE_MAX_WORDS:
        is_headline = False  # `ABSTRACT.` above the abstract is a section label, not a headline
    if is_headline:
        headline_raw = blocks.pop(0)
        found = find_dateline(blocks, 0) if blocks else None
    else:
        notes.append(located("NC201", raw_blocks[0].start))
    if layout == "line-per-paragraph":
        notes.append(located("NC202", raw_blocks[0].start))
    elif layout == "hard-wrapped":
        notes.append(located("NC203", raw_blocks[0].start))

    # --- turn raw blocks into model blocks with exact separators ----------------------------
    entries = _entries("headline", text, [headline_raw]) if headline_raw is not None else []
    if found is None:
        entries += _entries("paragraph", text, blocks)
        dl_match = None
    else:
        i, dl_match = found
        entries += _entries("paragraph", text, blocks[:i])
        dl_entries, dl_match = _dateline_entries(text, blocks[i], dl_match)
        entries += dl_entries
        entries += _entries("paragraph", text, blocks[i + 1:])
    if signoff_raw is not None:
        entries += _entries("signoff", text, [signoff_raw])
    prefix = text[: entries[0][1]]
    headline, dateline, paragraphs, signoff = _model_blocks(text, index, entries, dl_match)

    if dateline is not None:
        if dateline.date is None:
            notes.append(messages.make("NC204", file=name, line=dateline.span.line, col=dateline.span.col))
        elif dateline.date_partial:
            notes.append(messages.make("NC205", file=name, line=dateline.span.line, col=dateline.span.col))
    if headline is not None and not paragraphs:
        notes.append(messages.make("NC206", file=name, line=headline.span.line, col=headline.span.col))

    extraction = extract(text, index, tuple(paragraphs), dateline, name)
    notes.extend(extraction.messages)
    title = derive_title(headline.text if headline else None, paragraphs[0].text if paragraphs else None)
    article = _Article(
        id=f"urn:newsconv:{decoded.source.sha256[:20]}",
        source=decoded.source,
        language=language,
        layout=layout,
        title=title,
        headline=headline,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        signoff=signoff,
        quotes=extraction.quotes,
        entities=extraction.entities,
        dates=extraction.dates,
        prefix=prefix,
    )
    return Result(article, tuple(notes))


__all__ = ["read_text", "derive_title"]
