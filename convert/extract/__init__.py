"""Extraction passes over the segmented text: quotations and their speakers, entities, dates.

Why separate passes: each has one job and its own tests; `extract` runs them in order so later
passes can use earlier results (attribution needs the people; events need places and dates).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Dateline, DateMention, Entity, Paragraph, Quote
from ..result import Message
from ..textpos import LineIndex


@dataclass(frozen=True, slots=True)
class Extraction:
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    messages: tuple[Message, ...] = ()


def extract(text: str, index: LineIndex, paragraphs: tuple[Paragraph, ...], dateline: Dateline | None,
            source_name: str | None = None) -> Extraction:
    """Run every extraction pass. (Filled in by the extraction work: see issue 3.)"""
    return Extraction()


__all__ = ["Extraction", "extract"]
