"""The intermediate article model: one frozen, typed tree that every reader produces and every
writer consumes.

Why frozen dataclasses with tuples: a model that cannot be mutated can be shared between
writers, cached and compared (`from_json(to_json(a)) == a`) without defensive copies.
Why every span carries offsets *and* line/column: messages and annotations must point a person
at the exact place in the source, and any output must be traceable back to it.

The JSON form of this model is described by `schemas/article.schema.json`; the two are kept
from drifting apart by `tests/test_model_schema.py`. Serialisation lives in `convert.modeljson`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Version of the model contract. The major number changes when a reader of an older model
#: could misread a newer one; `convert.modeljson.from_json` refuses an unknown major version.
MODEL_VERSION = "1.0"

ENTITY_TYPES = ("person", "organization", "place", "event")
QUOTE_KINDS = ("direct", "scare")
LAYOUTS = ("blank-lines", "line-per-paragraph", "hard-wrapped", "single-block", "empty")
LINE_ENDINGS = ("lf", "crlf", "cr", "mixed", "none")
DATE_KINDS = ("absolute", "partial", "relative")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of character offsets into the decoded source text, with
    the 1-based line and column of its first and last character (end_col is inclusive-exclusive
    like `end`: the column just after the last character)."""

    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(frozen=True, slots=True)
class Source:
    """Where the text came from and how its bytes were decoded."""

    name: str | None
    sha256: str
    byte_length: int
    encoding: str
    bom: bool
    line_ending: str


@dataclass(frozen=True, slots=True)
class Block:
    """A run of source text the reader recognised (headline, paragraph, sign-off...).

    `text` is the normalised text (hard-wrapped lines rejoined, indentation dropped); `raw` is the
    exact source slice when it differs from `text` (None otherwise, to keep the model small);
    `sep` is the exact source text that follows the block up to the next one, so the source can
    be rebuilt byte for byte (see `convert.model.rebuild_source`)."""

    text: str
    span: Span
    raw: str | None = None
    sep: str = ""


@dataclass(frozen=True, slots=True)
class Title:
    """The title a format can show. `derived` is True when the article has no headline and the
    title was made from the lead: formats must say so rather than pass the lead off as a headline."""

    text: str
    derived: bool
    method: str  # "headline" | "lead-clause" | "lead-sentence" | "none"


@dataclass(frozen=True, slots=True)
class Dateline:
    """`LONDON, March 3 (Reuters) -`: `text` is the dateline as written (without the trailing
    dash), `place` the place name, `date` ISO 8601 (`2024-11-26`) or partial (`--03-03` when
    the text gives month and day only; `date_partial` then says so), `agency` the credit."""

    text: str
    span: Span
    place: str | None = None
    date: str | None = None
    date_partial: bool = False
    agency: str | None = None
    raw: str | None = None
    sep: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    text: str
    span: Span
    raw: str | None = None
    sep: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A stretch of text between quotation marks.

    kind "direct" is reported speech; "scare" is a scare-quoted label or title, which never
    counts as speech and has no speaker. `parts` are the quoted pieces when a sentence
    interrupts the quotation (`"We need justice," Khan said, "for those ..."`); `text` is their
    join. `speaker` is an entity id or None (the text does not name one: no guess)."""

    id: str
    text: str
    kind: str
    paragraph: str
    span: Span
    parts: tuple[Span, ...] = ()
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place or event named in the text.

    `titles` are roles as written ("Deputy Regional Director for South Asia"); `affiliations`
    are entity ids of organisations; `acronym` links "Human Rights Commission of Pakistan" and
    "HRCP"; events carry their `date` (ISO) and `location` (a place entity id)."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    acronym: str | None = None
    date: str | None = None
    location: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text gives. `value` is ISO 8601 as far as the text allows (`2024-11-26`,
    `2023-08`, `--11-26`), or None for a relative date that could not be resolved."""

    id: str
    text: str
    kind: str
    span: Span
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. Blocks appear in source order: headline, dateline, paragraphs, signoff;
    `prefix` is any source text before the first block (leading blank lines)."""

    id: str
    source: Source
    language: str
    layout: str
    title: Title
    headline: Block | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    signoff: Block | None = None
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    prefix: str = ""
    model_version: str = field(default=MODEL_VERSION)

    # -- conveniences used by every writer (derived, never stored) --------------------------
    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def entities_of(self, type_: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.type == type_)

    @property
    def direct_quotes(self) -> tuple[Quote, ...]:
        """Quotations that are speech (scare quotes and titles left out)."""
        return tuple(q for q in self.quotes if q.kind == "direct")

    @property
    def body_text(self) -> str:
        """The body as plain text, one paragraph a line (dateline and sign-off excluded)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)

    @property
    def date(self) -> str | None:
        """The article's own date: the dateline's full date, or None.

        Dates mentioned in the text are not the article's date: the first one is as often an event,
        a deadline or a sponsor's line (`the estimate is due on January 15, 2025`). They stay in
        `dates` and on the events they belong to; writers use `WriteOptions.created` otherwise."""
        if self.dateline is not None and self.dateline.date and not self.dateline.date_partial:
            return self.dateline.date
        return None


def blocks_in_order(article: Article) -> list[Block | Dateline | Paragraph]:
    """Headline, dateline, paragraphs and sign-off sorted by where they start in the source."""
    blocks: list[Block | Dateline | Paragraph] = []
    if article.headline is not None:
        blocks.append(article.headline)
    if article.dateline is not None:
        blocks.append(article.dateline)
    blocks.extend(article.paragraphs)
    if article.signoff is not None:
        blocks.append(article.signoff)
    blocks.sort(key=lambda b: b.span.start)
    return blocks


def rebuild_source(article: Article) -> str:
    """The decoded source text, rebuilt exactly from the model (the lossless guarantee)."""
    parts = [article.prefix]
    for block in blocks_in_order(article):
        parts.append(block.raw if block.raw is not None else block.text)
        parts.append(block.sep)
    return "".join(parts)


__all__ = [
    "MODEL_VERSION",
    "ENTITY_TYPES",
    "QUOTE_KINDS",
    "LAYOUTS",
    "LINE_ENDINGS",
    "DATE_KINDS",
    "Span",
    "Source",
    "Block",
    "Title",
    "Dateline",
    "Paragraph",
    "Quote",
    "Entity",
    "DateMention",
    "Article",
    "blocks_in_order",
    "rebuild_source",
]
