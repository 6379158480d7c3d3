"""Every message code newsconv can emit, with its default severity, wording and fix hint.

Why one table: codes are an interface. CI configurations select and ignore them
(`--select`/`--ignore`), so they must be stable, unique and documented in one place
(the README's "Message codes" table is generated from/checked against this one by a test).

Ranges: NC1xx input and decoding · NC2xx structure reader · NC3xx extraction ·
NC4xx model JSON and schema · NC5xx NewsML-G2 · NC55x ninjs/NITF · NC6xx JSON-LD · NC7xx DOCX ·
NC8xx validate, CLI and batch · NC9xx security and limits.
"""

from __future__ import annotations

from dataclasses import dataclass

from .result import Message
from .textpos import fast_constructor

# Message made without the frozen dataclass's object.__setattr__ per field: every parse makes a
# few (NC201, NC202 for the reference article), at ~23k instructions each by Message(...)
_Message = fast_constructor(Message)


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: str
    template: str
    hint: str


_TABLE: tuple[Code, ...] = (
    # ---- NC1xx: input and decoding ------------------------------------------------------------
    Code("NC101", "error", "binary content: NUL byte at byte offset {offset}",
         "Give newsconv a plain-text article; convert word-processor or PDF files to text first."),
    Code("NC102", "warning", "not valid UTF-8 at byte offset {offset}; decoded as {encoding}",
         "Save the file as UTF-8 to be sure every character is read as intended."),
    Code("NC103", "warning", "UTF-16 without a byte-order mark; decoded as {encoding}",
         "Save the file as UTF-8 (or UTF-16 with a BOM)."),
    Code("NC104", "error", "the input is empty",
         "Give a file that holds the article's text."),
    Code("NC105", "error", "the input holds only whitespace",
         "Give a file that holds the article's text."),
    Code("NC106", "warning", "mixed line endings ({detail})",
         "Use one line-ending style throughout the file."),
    Code("NC107", "warning", "control character U+{codepoint:04X} in the text (byte offset {offset})",
         "Remove the control character; most formats cannot carry it."),
    Code("NC108", "error", "cannot decode the input: {detail}",
         "Save the file as UTF-8."),
    Code("NC109", "error", "cannot read {target}: {detail}",
         "Check that the file exists and is readable."),
    Code("NC110", "error", "binary content: {count} control characters in the first {sample} characters "
         "(the first at byte offset {offset})",
         "Give newsconv a plain-text article; convert word-processor or PDF files to text first."),

    # ---- NC2xx: structure reader --------------------------------------------------------------
    Code("NC201", "info", "no headline line: the text starts with body prose; title derived from the lead",
         "Add a headline as the first line, followed by a blank line, if the article has one."),
    Code("NC202", "info", "no blank lines between paragraphs: each line read as one paragraph",
         "Separate paragraphs with blank lines to make the structure explicit."),
    Code("NC203", "info", "hard-wrapped layout: lines rejoined into paragraphs",
         "No action needed; separate paragraphs with blank lines to make the structure explicit."),
    Code("NC204", "info", "dateline without a date",
         "Add the date to the dateline (e.g. `LONDON, March 3, 2024 -`) if it is known."),
    Code("NC205", "info", "dateline gives month and day only; the year is not in the text",
         "Add the year to the dateline if it is known."),
    Code("NC206", "warning", "the article has a headline and no body",
         "Add the article's text under the headline."),

    # ---- NC3xx: extraction (quotations, speakers, entities, dates) -----------------------------
    Code("NC301", "warning", "unbalanced quotation mark {mark!r}",
         "Close the quotation, or remove the stray mark."),
    Code("NC302", "info", "quotation with no named speaker",
         "Attribute the quotation (`..., Name said`) if the speaker is known."),

    # ---- NC4xx: model JSON and schema ---------------------------------------------------------
    Code("NC401", "error", "model JSON does not match the schema: {detail}",
         "Fix the value at the JSON path shown, or regenerate the model with `newsconv convert`."),
    Code("NC402", "error", "not valid JSON: {detail}",
         "Fix the JSON syntax at the line and column shown."),
    Code("NC403", "error", "model_version {version!r} is not supported (this newsconv reads {supported})",
         "Upgrade newsconv, or regenerate the model JSON from the source text with this version."),

    # ---- NC5xx: NewsML-G2 ---------------------------------------------------------------------
    Code("NC501", "info", "no --created time: versionCreated {value} taken from the article's date",
         "Pass --created (WriteOptions.created) to stamp the time the item was made."),
    Code("NC502", "warning", "no date in the article and no --created time: versionCreated set to the fixed fallback {value}",
         "Pass --created (WriteOptions.created) with an ISO 8601 date-time."),
    Code("NC503", "warning", "--created value {value!r} is not an ISO 8601 date or date-time; ignored",
         "Give a value like 2024-11-26T09:30:00Z or 2024-11-26."),
    Code("NC504", "warning", "character U+{codepoint:04X} is not allowed in XML 1.0; removed from the output",
         "Remove the control character from the source text."),
    Code("NC505", "info", "the article has no headline: the NewsML-G2 headline is derived from the lead ({method}) and marked as derived",
         "Add a headline as the first line of the article if it has one."),
    Code("NC506", "info", "{count} mention(s) not marked up inline in the NITF body ({detail}); they stay in the item metadata",
         "No action needed: NITF inline elements cannot overlap or nest inside a name."),
    Code("NC507", "info", "{what} of {entity} is not carried by NewsML-G2: {why}",
         "No action needed; the model JSON keeps it."),
    Code("NC510", "error", "not well-formed XML: {detail}",
         "Fix the XML at the line and column shown."),
    Code("NC511", "error", "refusing XML with a document type declaration or entities ({detail}): external entities and entity expansion are not allowed",
         "Remove the <!DOCTYPE ...> and any <!ENTITY ...> declarations; NewsML-G2 and NITF need neither."),
    Code("NC512", "error", "XML input is {size} bytes, above the limit of {limit} bytes",
         "Raise the limit (max_bytes) if the file is trusted."),
    Code("NC513", "error", "not a NewsML-G2 newsItem: the root element is {tag}",
         "Give a NewsML-G2 newsItem (root element newsItem in the namespace http://iptc.org/std/nar/2006-10-01/)."),
    Code("NC514", "info", "skipped {what}: {why}",
         "No action needed; newsconv reads the parts of NewsML-G2 that its model holds."),
    Code("NC515", "warning", "no NITF or plain-text body in contentSet; the article has no paragraphs",
         "Put the story in contentSet/inlineXML as NITF (contenttype=\"application/nitf+xml\")."),
    Code("NC516", "warning", "NITF body is not in the NITF namespace http://iptc.org/std/NITF/2006-10-18/; read anyway, but the schema never validated it",
         "Declare xmlns=\"http://iptc.org/std/NITF/2006-10-18/\" on the nitf element."),
    Code("NC520", "error", "{parent}: {detail}",
         "Put the elements in the order the NewsML-G2 schema requires."),
    Code("NC521", "error", "qcode {qcode!r} uses the scheme alias {alias!r}, which no referenced catalog declares",
         "Use a scheme alias of catalog.IPTC-G2-Standards_41.xml, or a uri/literal attribute instead."),
    Code("NC522", "error", "the NITF body is not in the NITF namespace (found {found})",
         "Declare xmlns=\"http://iptc.org/std/NITF/2006-10-18/\" on the nitf element in inlineXML."),
    Code("NC523", "error", "{attr} value {token!r} does not match any id in the document",
         "Make every idref/idrefs/contentrefs token the id of an element of the item."),
    Code("NC524", "error", "{detail}",
         "Add the required element or attribute."),
    Code("NC525", "error", "schema: {detail}",
         "Fix the element the schema points at."),
    Code("NC526", "error", "cannot load the XML Schema {schema}: {detail}",
         "Give the path of NewsML-G2_2.35-spec-All-Power.xsd with xml.xsd beside it."),

    # ---- NC55x: ninjs and NITF ----------------------------------------------------------------
    # ninjs (convert.writers.ninjs, convert.readers.ninjs)
    Code("NC550", "error", "ninjs version {version!r} is not supported (valid: {valid}); wrote 3.1",
         "Pass --ninjs-version 3.1 or 2.2."),
    Code("NC551", "info", "ninjs has no place for {what}; left out (the model JSON keeps them)",
         "No action needed; use JSON-LD, NewsML-G2 or the model JSON when these matter."),
    Code("NC552", "warning", "created {value!r} is not an RFC 3339 date-time; versionCreated left out",
         "Give --created as 2024-11-26T09:30:00Z or 2024-11-26T09:30:00+05:00."),
    Code("NC553", "error", "cannot read ninjs: {detail}",
         "Give a ninjs 2.x or 3.x news item (JSON with a `uri`)."),
    Code("NC554", "info", "ninjs carries no source positions: spans point into the text rebuilt "
                          "from headline and body",
         "Read the model JSON (-t json) when exact source positions matter."),
    Code("NC560", "info", "{what} is not carried by NITF: {why}",
         "No action needed; the model JSON and NewsML-G2 keep it."),
    Code("NC561", "error", "not an NITF document: the root element is {tag}",
         "Give an NITF 3.6 document (root element nitf in the namespace http://iptc.org/std/NITF/2006-10-18/)."),
    Code("NC562", "info", "skipped {what}: {why}",
         "No action needed; newsconv reads the parts of NITF that its model holds."),
    # checks of a standalone NITF document (convert.checks.nitf)
    Code("NC570", "error", "the nitf element is not in the NITF namespace (found {found}): the schema validates nothing in it",
         "Declare xmlns=\"http://iptc.org/std/NITF/2006-10-18/\" on the nitf element."),
    Code("NC571", "error", "{parent}: {detail}",
         "Put the elements in the order NITF 3.6 requires (head before body; body.head, body.content, body.end)."),
    Code("NC572", "error", "{parent} has no {child}",
         "Add the element: an NITF document needs a body."),
    Code("NC573", "warning", "the document has no {what}: {why}",
         "Give the document a head/title and put the story in body/body.content."),
    Code("NC574", "error", "id {value!r} is used more than once (first on line {first})",
         "Give every element its own id."),
    Code("NC575", "error", "{element} points at {source!r}/{value!r}, which no docdata identified-content entry has",
         "Add the entry to head/docdata/identified-content, or fix the idsrc/value (code-source/location-code on a location)."),
    Code("NC576", "warning", "{element}/@{attr} {value!r} is not an ISO 8601 date",
         "Write the date as ISO 8601, e.g. 20241126T093000Z or 2024-11-26."),
    Code("NC577", "error", "schema: {detail}",
         "Fix the element the NITF 3.6 schema points at."),
    Code("NC578", "error", "cannot load the XML Schema {schema}: {detail}",
         "Give the path of nitf-3-6.xsd (with xml.xsd and nitf-3-6-ruby-include.xsd beside it)."),
    Code("NC579", "error", "{element}/@id {value!r} is not an XML name",
         "Start ids with a letter or underscore and use no spaces or colons (e.g. p3, e4.1)."),

    # ---- NC6xx: JSON-LD -----------------------------------------------------------------------
    # checks of a JSON-LD document (convert.checks.jsonld)
    Code("NC601", "error", "not valid JSON: {detail}",
         "Fix the JSON syntax at the line and column shown."),
    Code("NC602", "error", "{detail}",
         "Give one JSON object with \"@context\": \"https://schema.org\" and an \"@graph\" array of nodes."),
    Code("NC603", "error", "node {where} has no valid absolute @id ({value!r})",
         "Give every node an absolute IRI as @id (newsconv derives them from --base-iri or the article id)."),
    Code("NC604", "error", "@id {value!r} is used by more than one node",
         "Give each node its own @id; refer to a node elsewhere by an object that holds only its @id."),
    Code("NC605", "error", "{where}: property {prop!r} is not expected on {type} (allowed on: {allowed})",
         "Move the property to a node of a type that schema.org allows it on."),
    Code("NC606", "error", "{where}: {prop} must be {expected}, not {value!r}",
         "Write the value in the form shown (ISO 8601 dates, JSON numbers, node references)."),
    Code("NC607", "warning", "{where}: reference to {ref!r}, which is not a node of this graph",
         "Add the node to the @graph, or check the @id for a typo."),
    Code("NC608", "warning", "{where}: {what} {name!r} is not one newsconv writes; not checked",
         "No action needed if the term is intended; check its spelling against schema.org otherwise."),
    Code("NC609", "error", "no NewsArticle (or other Article) node in the graph",
         "Give the graph one node with \"@type\": \"NewsArticle\"."),
    Code("NC610", "warning", "node {where} has no @id (a blank node other documents cannot refer to)",
         "Give the node a stable absolute IRI as @id (newsconv derives them from --base-iri or the article id)."),
    Code("NC611", "warning", "{where}: {prop} is the text {value!r} where a node is expected",
         "Use a typed node (an object with an @type such as Organization and a name) so consumers know what it is."),
    # the JSON-LD writer (convert.writers.jsonld)
    Code("NC620", "warning", "base IRI {iri!r} is not an absolute IRI; using {default}",
         "Give --base-iri as an absolute IRI such as https://example.com/news/story."),
    Code("NC621", "warning", "created {value!r} is not an ISO 8601 date or date-time; datePublished left out",
         "Give --created as 2024-11-26 or 2024-11-26T09:30:00+00:00."),
    Code("NC622", "info", "the dateline date {date!r} has no year; datePublished left out",
         "Add the year to the dateline, or pass --created, if the date is known."),
    Code("NC623", "info", "event {id} date {date!r} has no year; startDate left out",
         "No action needed; schema.org dates need a year."),
    Code("NC624", "warning", "quotation {id}: speaker {ref!r} is not a person or organisation; creator left out",
         "schema.org creators are people or organisations; check the attribution."),
    Code("NC625", "warning", "entity {id}: {field} cannot be expressed on a schema.org {type}; left out",
         "No action needed; the model JSON keeps it."),
    Code("NC626", "warning", "{where}: {ref!r} is not {need} of this article; left out",
         "Check the entity references in the model."),
    Code("NC627", "info", "{count} quoted stretch(es) not written as Quotation: {why}",
         "No action needed; the model JSON keeps them."),
    # the JSON-LD reader (convert.readers.jsonld)
    Code("NC640", "error", "cannot read JSON-LD: {detail}",
         "Give a JSON-LD document with a schema.org NewsArticle (as `newsconv convert -t jsonld` writes)."),
    Code("NC641", "info", "JSON-LD carries no source positions: spans point into the text rebuilt "
                          "from headline, dateline and articleBody",
         "Read the model JSON (-t json) when exact source positions matter."),
    Code("NC642", "warning", "{what} {name!r} not read: {detail}",
         "No action needed if the node is not part of the article."),

    # ---- NC7xx: DOCX --------------------------------------------------------------------------
    Code("NC701", "warning", "{count} character(s) Word cannot hold removed from {field} (first U+{codepoint:04X})",
         "Remove control characters and non-characters from the source text."),
    Code("NC702", "info", "quotation {quote} lies outside the body paragraphs; listed in the Quotations table only",
         "Check the quotation's span in the model."),
    Code("NC703", "warning", "{field} refers to {ref!r}, which is not in the model; shown as written",
         "Regenerate the model, or add the missing entity or paragraph."),
    Code("NC704", "warning", "created option {value!r} is not an ISO 8601 date or date-time; ignored",
         "Give --created as e.g. 2024-11-26 or 2024-11-26T12:00:00Z."),
    Code("NC705", "info", "no full date in the article and no created option: the DOCX created/modified properties are left out",
         "Pass --created (ISO 8601) to stamp the report."),
    Code("NC706", "info", "DOCX core property {prop} cut to 255 characters (the format's limit)",
         "No action needed; the full text is in the report itself."),
    Code("NC710", "error", "not a DOCX file: {detail}",
         "Give a .docx file written by newsconv or a word processor."),
    Code("NC711", "error", "DOCX package refused: {detail}",
         "The file is over newsconv's safety limits (entries, sizes, compression ratio); do not trust it."),
    Code("NC712", "error", "DOCX package has no {part} part",
         "Re-create the report with `newsconv convert -t docx`."),
    Code("NC713", "error", "{part} is not well-formed or safe XML: {detail}",
         "Re-create the report with `newsconv convert -t docx`."),
    Code("NC714", "warning", "{part} uses style {style!r}, which word/styles.xml does not define",
         "Use only styles defined in the document (named styles)."),
    Code("NC715", "warning", "core property {prop} {detail}",
         "Set the document's core properties from the article (title, dates, identifier)."),
    Code("NC716", "warning", "heading structure: {detail}",
         "Use exactly one Heading 1 and do not skip heading levels."),

    # ---- NC8xx: validate, CLI and batch -------------------------------------------------------
    Code("NC801", "error", "unknown format {name!r}; valid formats: {valid}",
         "Pick one of the listed formats (`newsconv formats`)."),
    Code("NC802", "error", "refusing to write binary {fmt} output to a terminal",
         "Redirect the output to a file or pipe, or use `-o FILE`."),
    Code("NC803", "error", "{target} exists; not overwriting it",
         "Pass --force to overwrite, or choose another output path."),
    Code("NC804", "error", "cannot write {target}: {detail}",
         "Check that the folder exists and is writable."),
    Code("NC810", "error", "invalid configuration in {target}: {detail}",
         "Fix the [tool.newsconv] table (keys: select, ignore, strict, format, xsd, include, exclude)."),
    Code("NC811", "warning", "no files to validate under {target} (include: {include})",
         "Check the path and the --include/--exclude globs."),
    Code("NC812", "error", "not a DOCX package: {detail}",
         "Give a .docx file saved by a word processor or written by `newsconv convert -t docx`."),
    Code("NC813", "error", "the DOCX package has no {part} part",
         "Re-save the document with a word processor, or regenerate it with `newsconv convert -t docx`."),
    Code("NC814", "error", "not well-formed XML: {detail}",
         "Fix the XML syntax at the line and column shown."),
    Code("NC815", "error", "root element is {found}; expected {expected}",
         "Give a file of the expected kind, or name the input format with --from."),
    Code("NC816", "error", "not a JSON-LD document: {detail}",
         "Give a JSON object with an @context (newsconv writes schema.org JSON-LD)."),
    Code("NC817", "error", "not valid against the XML Schema {schema}: {detail}",
         "Fix the element at the line shown; the NewsML-G2 specification gives the allowed order and values."),
    Code("NC818", "error", "cannot load the XML Schema {schema}: {detail}",
         "Check the --xsd path (or `xsd` in [tool.newsconv]); the files it imports must sit beside it."),
    Code("NC819", "error", "the {fmt} check failed unexpectedly: {detail}",
         "This is a bug in newsconv; please report it with the file that caused it."),
    Code("NC820", "info", "{fmt} checked for well-formedness only: the full {fmt} checks are not installed",
         "Use a newsconv that ships this format's writer and checks for a full structural check."),
    # NC850-NC879: batch conversion (convert.batch)
    Code("NC850", "error", "a worker process died while converting {target} ({detail})",
         "The article crashed its worker even when run alone; check it (size, content) and report it."),
    Code("NC851", "error", "internal error while converting: {detail}",
         "This is a bug in newsconv; please report it with the input file."),
    Code("NC852", "error", "{target} holds an earlier batch (manifest.jsonl)",
         "Pass --resume to continue it, --force to start over, or choose another output folder."),
    Code("NC853", "warning", "manifest line {number} cannot be read (torn by an interrupted run?); ignored",
         "No action needed: the article on that line is converted again."),
    Code("NC854", "error", "no input files under {target} match {patterns}",
         "Check the input folder and the --include/--exclude patterns."),
    Code("NC855", "error", "output for {target} would be outside the output folder {root}; not converted",
         "Give inputs inside the input folder, and no symbolic links out of the output folder."),
    Code("NC856", "error", "batch stopped: the executor failed ({detail})",
         "Run the same command again with --resume to convert what is left."),
    Code("NC857", "info", "removed {count} partial file(s) left by an interrupted run",
         "No action needed."),
    Code("NC858", "warning", "interrupted after {done} articles",
         "Run the same command again with --resume to convert what is left."),
    Code("NC859", "error", "{fmt} output not written: the writer reported errors",
         "See the writer's messages for this article."),
    Code("NC860", "error", "Dask is not installed: {detail}",
         "Install the extra: pip install 'newsconv[dask]'."),
    Code("NC861", "error", "cannot reach this Dask scheduler: {detail}",
         "Check the address (tcp://HOST:8786) and that the scheduler is running, or use --dask local."),

    # ---- NC9xx: security and limits -----------------------------------------------------------
    Code("NC901", "error", "input is {size} bytes, above the limit of {limit} bytes",
         "Raise the limit with --max-bytes (or NEWSCONV_MAX_BYTES) if the file is trusted."),
    Code("NC902", "error", "JSON nested deeper than {limit} levels",
         "newsconv's JSON formats are a few levels deep; raise NEWSCONV_MAX_JSON_DEPTH only for a trusted file."),
    Code("NC903", "error", "duplicate key {key!r} in a JSON object: one of the values would be lost",
         "Keep one value per key."),
    Code("NC904", "warning", "character U+{codepoint:04X} is not allowed in XML 1.0",
         "Remove it: XML outputs (NewsML-G2, NITF, DOCX) cannot carry it."),
)

CODES: dict[str, Code] = {c.code: c for c in _TABLE}
if len(CODES) != len(_TABLE):  # pragma: no cover - guarded by tests as well
    raise RuntimeError("duplicate message code in convert.messages")


def make(code: str, *, line: int | None = None, col: int | None = None, path: str | None = None,
         file: str | None = None, severity: str | None = None, **fmt) -> Message:
    """Build the Message for `code`, formatting its template with `fmt`."""
    entry = CODES[code]
    return _Message(code, severity or entry.severity, entry.template.format(**fmt), line, col, path, file, entry.hint)


__all__ = ["Code", "CODES", "make"]
