"""The plain-text reader: decoded text -> Article.

Order of work: layout (blocks), then the headline (only if the first block reads as one: body
prose is never passed off as a headline), then the dateline at the start of the body, then a
trailing agency sign-off, then the extraction passes (quotations, entities, dates) over the
paragraphs. Every block records its exact source slice and the separator after it, so
`convert.model.rebuild_source` gives the decoded text back unchanged.
"""

from __future__ import annotations

import re

from .. import messages
from ..decode import Decoded
from ..extract import extract
from ..model import Article, Block, Dateline, Paragraph, Span, Title
from ..result import Message, Result
from ..textpos import LineIndex
from .dateline import match_dateline
from .layout import RawBlock, segment

HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 220
_SIGNOFF = re.compile(
    r"^(?:Reuter|Reuters|REUTER|\(?(?:Reporting|Writing|Additional reporting|Editing) by [^\n]{1,300}\)?"
    r"|\(?[A-Z]{2,6}\)?|-{2,}|#{1,3}|(?:--|—)\s*[A-Z][\w .]{0,40})$"
)
_SIGNOFF_AGENCIES = {"AP", "AFP", "UPI", "DPA", "ANSA", "EFE", "PA", "REUTER", "REUTERS"}
_TITLE_MAX_WORDS = 14


def _reads_as_headline(block: RawBlock, next_block: RawBlock | None) -> bool:
    """A first line is a headline when it is short and not a finished sentence of prose.

    ALL-CAPS wire headlines count even with a final period (`... AWARD WINNER.`)."""
    if block.lines != 1:
        return False
    text = block.text
    words = text.split()
    if next_block is None:  # a lone line: a headline only if it cannot be a sentence
        return 0 < len(words) <= 15 and not re.search(r"[.!?,;:\"”]$", text)
    if not words or len(words) > HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS:
        return False
    letters = [c for c in text if c.isalpha()]
    all_caps = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    if all_caps:
        return True
    if match_dateline(text) is not None:
        return False
    if text.endswith((".", ",", ";")) and not text.endswith("..."):
        return False
    return len(words) <= 25


def _is_signoff(text: str) -> bool:
    if not _SIGNOFF.match(text):
        return False
    bare = text.strip("()").upper()
    return len(text) > 6 or bare in _SIGNOFF_AGENCIES or bare.startswith("REUTER")


def derive_title(headline: str | None, lead: str | None) -> Title:
    """The headline when there is one; else a title made from the lead's first clause,
    marked `derived` so no format passes it off as the article's own headline."""
    if headline:
        return Title(headline, False, "headline")
    if not lead:
        return Title("", True, "none")
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", lead, maxsplit=1)[0]
    words = sentence.split()
    if len(words) <= _TITLE_MAX_WORDS:
        return Title(sentence.rstrip(" .") if not sentence.endswith("...") else sentence, True, "lead-sentence")
    clause = re.split(r",\s+|\s+[–—-]\s+|;\s+|:\s+", sentence, maxsplit=1)[0]
    if 3 <= len(clause.split()) <= _TITLE_MAX_WORDS + 4:
        return Title(clause.rstrip(" ."), True, "lead-clause")
    return Title(" ".join(words[:_TITLE_MAX_WORDS]) + "…", True, "lead-clause")


def read_text(decoded: Decoded, *, language: str = "en") -> Result[Article]:
    """Build the Article for decoded text. Raises InputError for empty input."""
    text = decoded.text
    notes: list[Message] = list(decoded.messages)
    name = decoded.source.name
    index = LineIndex(text)
    layout, raw_blocks = segment(text)
    if not raw_blocks:
        from ..errors import InputError

        code = "NC104" if not text else "NC105"
        msg = messages.make(code, file=name, line=1, col=1)
        raise InputError(msg.text, (msg,))

    def span(start: int, end: int) -> Span:
        return index.span(start, end)

    def located(code: str, offset: int, **fmt) -> Message:
        line, col = index.position(offset)
        return messages.make(code, file=name, line=line, col=col, **fmt)

    blocks = list(raw_blocks)
    headline_raw: RawBlock | None = None
    if _reads_as_headline(blocks[0], blocks[1] if len(blocks) > 1 else None):
        headline_raw = blocks.pop(0)
    else:
        notes.append(located("NC201", raw_blocks[0].start))
    if layout == "line-per-paragraph":
        notes.append(located("NC202", raw_blocks[0].start))
    elif layout == "hard-wrapped":
        notes.append(located("NC203", raw_blocks[0].start))

    signoff_raw: RawBlock | None = None
    if len(blocks) > 1 and _is_signoff(blocks[-1].text):
        signoff_raw = blocks.pop()

    # the dateline: a whole short paragraph, or the prefix of the first body paragraph
    dateline_info = None
    if blocks:
        dm = match_dateline(blocks[0].text)
        if dm is not None and dm.body_start >= len(blocks[0].text) and len(blocks) > 1:
            dateline_info = (blocks.pop(0), dm, None)
        elif dm is not None and dm.body_start < len(blocks[0].text):
            dateline_info = (blocks[0], dm, True)

    # --- turn raw blocks into model blocks with exact separators ----------------------------
    ordered: list[tuple[str, int, int, str]] = []  # (role, start, end, normalised text)
    if headline_raw is not None:
        ordered.append(("headline", headline_raw.start, headline_raw.end, headline_raw.text))
    first_para_override: tuple[int, str] | None = None
    if dateline_info is not None:
        blk, dm, is_prefix = dateline_info
        if is_prefix:
            # positions inside a rejoined paragraph map back to the source only when it is one line
            if blk.lines == 1:
                ordered.append(("dateline", blk.start, blk.start + dm.end, dm.text))
                first_para_override = (blk.start + dm.body_start, blk.text[dm.body_start:])
            else:
                raw = text[blk.start:blk.end]
                rm = match_dateline(raw.lstrip())
                if rm is not None and rm.body_start < len(raw):
                    lead = len(raw) - len(raw.lstrip())
                    ordered.append(("dateline", blk.start + lead, blk.start + lead + rm.end, rm.text))
                    new_start = blk.start + lead + rm.body_start
                    first_para_override = (new_start, " ".join(text[new_start:blk.end].split()))
                    dm = rm
                else:
                    dateline_info = None
        else:
            ordered.append(("dateline", blk.start, blk.end, blk.text))
    for i, blk in enumerate(blocks):
        if i == 0 and first_para_override is not None:
            ordered.append(("paragraph", first_para_override[0], blk.end, first_para_override[1]))
        else:
            ordered.append(("paragraph", blk.start, blk.end, blk.text))
    if signoff_raw is not None:
        ordered.append(("signoff", signoff_raw.start, signoff_raw.end, signoff_raw.text))

    prefix = text[: ordered[0][1]]
    headline = signoff = dateline = None
    paragraphs: list[Paragraph] = []
    for k, (role, start, end, norm) in enumerate(ordered):
        nxt = ordered[k + 1][1] if k + 1 < len(ordered) else len(text)
        raw = text[start:end]
        raw_field = None if raw == norm else raw
        sep = text[end:nxt]
        sp = span(start, end)
        if role == "headline":
            headline = Block(norm, sp, raw_field, sep)
        elif role == "signoff":
            signoff = Block(norm, sp, raw_field, sep)
        elif role == "dateline":
            dm = dateline_info[1]
            dateline = Dateline(norm, sp, place=dm.place, date=dm.date, date_partial=dm.date_partial,
                                agency=dm.agency, raw=raw_field, sep=sep)
        else:
            paragraphs.append(Paragraph(f"p{len(paragraphs) + 1}", norm, sp, raw_field, sep))

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
    article = Article(
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
