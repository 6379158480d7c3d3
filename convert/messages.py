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
    Code("NC107", "warning", "control character U+{codepoint:04X} in the text",
         "Remove the control character; most formats cannot carry it."),
    Code("NC108", "error", "cannot decode the input: {detail}",
         "Save the file as UTF-8."),
    Code("NC109", "error", "cannot read {target}: {detail}",
         "Check that the file exists and is readable."),

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

    # ---- NC55x: ninjs and NITF ----------------------------------------------------------------

    # ---- NC6xx: JSON-LD -----------------------------------------------------------------------

    # ---- NC7xx: DOCX --------------------------------------------------------------------------

    # ---- NC8xx: validate, CLI and batch -------------------------------------------------------
    Code("NC801", "error", "unknown format {name!r}; valid formats: {valid}",
         "Pick one of the listed formats (`newsconv formats`)."),
    Code("NC802", "error", "refusing to write binary {fmt} output to a terminal",
         "Redirect the output to a file or pipe, or use `-o FILE`."),
    Code("NC803", "error", "{target} exists; not overwriting it",
         "Pass --force to overwrite, or choose another output path."),
    Code("NC804", "error", "cannot write {target}: {detail}",
         "Check that the folder exists and is writable."),
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
)

CODES: dict[str, Code] = {c.code: c for c in _TABLE}
if len(CODES) != len(_TABLE):  # pragma: no cover - guarded by tests as well
    raise RuntimeError("duplicate message code in convert.messages")


def make(code: str, *, line: int | None = None, col: int | None = None, path: str | None = None,
         file: str | None = None, severity: str | None = None, **fmt) -> Message:
    """Build the Message for `code`, formatting its template with `fmt`."""
    entry = CODES[code]
    return Message(code=code, severity=severity or entry.severity, text=entry.template.format(**fmt),
                   line=line, col=col, path=path, file=file, hint=entry.hint)


__all__ = ["Code", "CODES", "make"]
