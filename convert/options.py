"""Writer options as one frozen dataclass: click stays at the edge, writers stay pure.

Why: writers must be deterministic (no clock), so anything that is not in the article — a
creation time to stamp, the provider's name, the base IRI for JSON-LD ids — arrives here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WriteOptions:
    #: ISO 8601 date-time to use where a format needs a creation/version time and the article
    #: gives no date (e.g. NewsML-G2 versionCreated, DOCX core properties). Never the clock.
    created: str | None = None
    #: The providing organisation (NewsML-G2 provider, JSON-LD publisher), as a name.
    provider: str | None = None
    #: Base IRI for JSON-LD @ids; default derived from the article id.
    base_iri: str | None = None
    #: Rights holder / copyright notice when known (NewsML-G2 rightsInfo, JSON-LD copyrightHolder).
    copyright_holder: str | None = None
    #: ninjs schema version to write: "3.1" (default) or "2.2".
    ninjs_version: str = "3.1"
    #: Indentation for text formats (None: compact).
    indent: int | None = 2


DEFAULT_OPTIONS = WriteOptions()

__all__ = ["WriteOptions", "DEFAULT_OPTIONS"]
