"""IPTC ninjs (News in JSON) 3.1, or 2.2 for older consumers (`WriteOptions.ninjs_version`).

What goes where:
- `uri`: the article id, the same identifier as the NewsML-G2 guid and the JSON-LD `identifier`;
  `type` `text`; `version` `1`; `standard` names the ninjs version and its schema.
- `headlines` (role `main`) only when the source has a headline; a title derived from the lead is
  the item's `title` (a label), never passed off as its headline.
- `bodies`: the story as `text/plain` (with `wordCount`/`charCount` of that text) and as `text/html` (one `<p>`
  per paragraph). As in IPTC's own examples, the body starts with the dateline
  (`LONDON, March 3 (Reuters) - ...`): ninjs has no dateline property, and this is how agencies
  send it. `located` is the dateline place.
- `people`, `organisations` (ninjs spelling), `places`, `events`: names, with `uri`s that are the
  JSON-LD `@id`s of the same things (`urn:newsconv:...#person-e1`), so the two outputs link up.
- `infoSources`: the agency the dateline or a wire sign-off credits; `altIds`: the source's sha256;
  `versionCreated` from `WriteOptions.created` (ninjs dates are date-times: a dateline's bare date
  is not turned into one); `copyrightHolder` from the options.
ninjs has nowhere for quotations, people's titles and affiliations, acronyms, aliases, or an
event's date and place: message NC551 counts what was left out (the model JSON keeps it all).

The schema forbids any property it does not list (`unevaluatedProperties: false`), so nothing
else is written; `tests/test_ninjs.py` validates every output with jsonschema and its format checker.
"""

from __future__ import annotations

import json
import re
from html import escape

from .. import messages
from ..model import Article
from ..options import WriteOptions
from ..result import Message, Result
from .jsonld import AGENCY_URLS, entity_fragment, resolve_base

VERSIONS = ("3.1", "2.2")
SCHEMA_URIS = {
    "3.1": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
    "2.2": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
}
ENTITY_LISTS = {"person": "people", "organization": "organisations", "place": "places", "event": "events"}
SHA256_ROLE = "source-sha256"
DATELINE_SEP = " - "
#: 3.x camelCase names -> 2.x lower-case names (only the ones this writer uses)
LOWER = {"contentType": "contenttype", "charCount": "charcount", "wordCount": "wordcount",
         "infoSources": "infosources", "altIds": "altids", "versionCreated": "versioncreated",
         "copyrightHolder": "copyrightholder"}

_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$"
)


def dateline_sep(article: Article) -> str:
    """What joins dateline and first paragraph: the source's dash (` – `), a blank line when the
    source set the dateline on a line of its own, else ` - `."""
    dl = article.dateline
    if dl is None:
        return ""
    dash = "".join(dl.sep.split())
    if dash and not dash.strip("-–—"):
        return f" {dash} "
    return "\n\n" if "\n" in dl.sep or "\r" in dl.sep else DATELINE_SEP


def body_paragraphs(article: Article) -> list[str]:
    """The paragraphs as ninjs bodies carry them: the dateline leads the first one (or stands as
    its own paragraph when the source set it on a line of its own)."""
    paras = [p.text for p in article.paragraphs]
    dl = article.dateline
    if dl is None:
        return paras
    sep = dateline_sep(article)
    if sep == "\n\n" or not paras:
        return [dl.text, *paras]
    return [dl.text + sep + paras[0], *paras[1:]]


def credited_agency(article: Article) -> str | None:
    if article.dateline is not None and article.dateline.agency:
        return article.dateline.agency
    if article.signoff is not None:
        word = article.signoff.text.strip(" ()-—–")
        if word.casefold() in AGENCY_URLS:
            return word
    return None


def build(article: Article, options: WriteOptions) -> tuple[dict, list[Message]]:
    notes: list[Message] = []
    version = options.ninjs_version
    if version not in VERSIONS:
        notes.append(messages.make("NC550", version=version, valid=", ".join(VERSIONS)))
        version = "3.1"
    base, base_notes = resolve_base(article, options)
    notes.extend(base_notes)
    doc: dict = {
        "uri": article.id,
        "type": "text",
        "version": "1",
        "standard": {"name": "ninjs", "version": version, "schema": SCHEMA_URIS[version]},
        "language": article.language,
    }
    if article.title.text:
        if article.title.derived:
            doc["title"] = article.title.text
        else:
            doc["headlines"] = [{"role": "main", "value": article.title.text}]
    paras = body_paragraphs(article)
    if paras:
        plain = "\n\n".join(paras)
        doc["bodies"] = [
            {"role": "main", "contentType": "text/plain", "value": plain,
             "wordCount": len(plain.split()), "charCount": len(plain)},
            {"role": "richtext", "contentType": "text/html",
             "value": "".join(f"<p>{escape(p, quote=False)}</p>" for p in paras)},
        ]
    if article.dateline is not None and article.dateline.place:
        place = article.dateline.place
        doc["located"] = place.title() if place.isupper() else place
    agency = credited_agency(article)
    if agency:
        source = {"name": agency, "role": "originfo"}
        if agency.casefold() in AGENCY_URLS:
            source["uri"] = AGENCY_URLS[agency.casefold()]
        doc["infoSources"] = [source]
    doc["altIds"] = [{"role": SHA256_ROLE, "value": article.source.sha256}]
    if options.created:
        if _DATETIME.match(options.created):
            doc["versionCreated"] = options.created
        else:
            notes.append(messages.make("NC552", value=options.created))
    if options.copyright_holder:
        doc["copyrightHolder"] = options.copyright_holder

    lost: dict[str, int] = {}
    for e in article.entities:
        doc.setdefault(ENTITY_LISTS[e.type], []).append({"name": e.name, "uri": f"{base}#{entity_fragment(e)}"})
        for field, n in (("titles", len(e.titles)), ("affiliations", len(e.affiliations)),
                         ("acronyms", 1 if e.acronym else 0), ("aliases", len(e.aliases)),
                         ("event dates", 1 if e.date else 0), ("event places", 1 if e.location else 0)):
            if n:
                lost[field] = lost.get(field, 0) + n
    if article.direct_quotes:
        lost["quotations"] = len(article.direct_quotes)
    if lost:
        notes.append(messages.make("NC551", what=", ".join(f"{n} {k}" for k, n in sorted(lost.items()))))
    if version == "2.2":
        doc = _lower(doc)
    return doc, notes


def _lower(obj):
    if isinstance(obj, dict):
        return {LOWER.get(k, k): _lower(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_lower(v) for v in obj]
    return obj


def write(article: Article, options: WriteOptions) -> Result[bytes]:
    doc, notes = build(article, options)
    text = json.dumps(doc, ensure_ascii=False, indent=options.indent, sort_keys=True)
    return Result((text + "\n").encode("utf-8"), tuple(notes))


__all__ = ["write", "build", "VERSIONS", "body_paragraphs"]
