"""Validation of inputs and exports: every problem of every file, each with a code, a severity,
a place and a fix hint.

Why collect rather than stop at the first error: a CI step must show every problem of every file
in one run (check-jsonschema's habit). Each output format's checks live with that format
(`convert.checks.<format>.check(data, name)`); this module finds the files, picks each one's
format, dispatches, applies `--select/--ignore`, and gathers the reports. Rendering them (text,
JSON, JUnit, GitHub, SARIF) is `convert.reports`' job.

What is checked, per input format:
- text: the reader's own messages (decoding, layout, dateline, quotation marks...) and a
  quotation with no named speaker (NC302), all with line:col. No writer runs: validating is never
  slower than converting.
- model JSON: JSON syntax, the model version, and every schema error with its JSON path.
- NewsML-G2, JSON-LD, DOCX, ninjs, NITF: `convert.checks.<format>` when installed; otherwise the
  format's reader, or at least a well-formedness check (reported as such, NC820). NewsML-G2 is
  also validated against an XML Schema given with `xsd=` (`--xsd`, or `xsd` in the config), and so
  is NITF (`nitf-3-6.xsd` itself, or found beside the NewsML-G2 schema or in `../nitf/`).
"""

from __future__ import annotations

import fnmatch
import functools
import importlib
import inspect
import os
from dataclasses import dataclass, field, replace
from importlib.util import find_spec
from pathlib import Path

from . import messages
from .api import read_bytes_from, read_stream
from .decode import DEFAULT_MAX_BYTES
from .errors import NewsconvError
from .readers import READERS, guess_format
from .result import HasMessages, Message

#: input formats `validate` knows: every reader's, plus DOCX (an output that has no reader)
FORMATS = tuple(READERS) + ("docx",)
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.model.json", "*.newsml.xml", "*.jsonld", "*.docx",
                   "*.ninjs.json", "*.nitf.xml")
DEFAULT_EXCLUDE = (".*", "__pycache__", "node_modules", "*.egg-info")
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Report(HasMessages):
    """The outcome for one file: its name, the format it was checked as, and every message."""

    file: str
    format: str
    messages: tuple[Message, ...] = field(default_factory=tuple)

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a file; with `strict`, warnings do too."""
        return any(m.severity == "error" or (strict and m.severity == "warning") for m in self.messages)


@dataclass(frozen=True, slots=True)
class ValidateOptions:
    """How to validate: a forced input format, an XML Schema for NewsML-G2, code selection, the
    globs for files found in directories, and the size limit per file."""

    fmt: str | None = None
    xsd: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_bytes: int | None = DEFAULT_MAX_BYTES


# ---- selecting codes ---------------------------------------------------------------------------

def check_selectors(selectors) -> str | None:
    """The first selector that names no known code (None when all are fine). A selector is
    `ALL` or a prefix of at least one code (`NC3`, `NC30`, `NC302`)."""
    for sel in selectors:
        if sel.upper() == "ALL":
            continue
        if not any(code.startswith(sel.upper()) for code in messages.CODES):
            return sel
    return None


def is_selected(code: str, select=(), ignore=()) -> bool:
    """ruff's rule: the longest matching prefix decides; on a tie `ignore` wins. With no
    `select`, every code is selected (as if `ALL`)."""

    def best(prefixes) -> int:
        lengths = [0 if p.upper() == "ALL" else len(p) for p in prefixes
                   if p.upper() == "ALL" or code.startswith(p.upper())]
        return max(lengths, default=-1)

    chosen = best(select) if select else 0
    if chosen < 0:
        return False
    return chosen > best(ignore)


def filter_report(report: Report, select=(), ignore=()) -> Report:
    if not select and not ignore:
        return report
    kept = tuple(m for m in report.messages if is_selected(m.code, select, ignore))
    return report if len(kept) == len(report.messages) else replace(report, messages=kept)


# ---- formats -----------------------------------------------------------------------------------

def detect_format(name: str | None, data: bytes) -> str:
    """The input format from the name's suffix, else the content (readers.guess_format), with
    DOCX (a zip package) recognised too."""
    lower = (name or "").lower()
    if lower.endswith(".docx"):
        return "docx"
    suffixed = any(lower.endswith(s) for info in READERS.values() for s in info.suffixes)
    if not suffixed and data[:4] == b"PK\x03\x04":
        return "docx"
    if suffixed:
        # suffix known to the registry even when that reader is not installed (e.g. .jsonld)
        pairs = sorted(((s, f) for f, info in READERS.items() for s in info.suffixes), key=lambda p: -len(p[0]))
        for suffix, fmt in pairs:
            if lower.endswith(suffix):
                if suffix in (".json", ".xml"):  # generic suffixes: the content decides the kind
                    head = data[:8192]
                    if suffix == ".json" and b'"@context"' in head and b'"model_version"' not in head:
                        return "jsonld"
                    if suffix == ".xml" and b"NITF/2006-10-18" in head and b"newsItem" not in head:
                        return "nitf"
                return fmt
    fmt = guess_format(None, data)
    if fmt == "text":
        head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"<"):
            return "nitf" if b"NITF/2006-10-18" in head and b"newsItem" not in head else "newsml"
        if head.startswith((b"{", b"[")) and b'"@context"' in data[:8192]:
            return "jsonld"
    return fmt


def _check_module(fmt: str):
    """`convert.checks.<fmt>` when that module is installed, else None."""
    name = f"convert.checks.{fmt}"
    try:
        if find_spec(name) is None:
            return None
    except (ImportError, ValueError):
        return None
    return importlib.import_module(name)


def _accepts(func, keyword: str) -> bool:
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False
    return keyword in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def _crash(fmt: str, name: str, exc: BaseException) -> Message:
    return messages.make("NC819", file=name, fmt=fmt, detail=f"{type(exc).__name__}: {exc}")


# ---- per-format checks -------------------------------------------------------------------------

def _speakerless_quotes(article, name: str, reported=(), *, json_paths: bool = False) -> list[Message]:
    """NC302 for every direct quotation with no speaker, located at the quotation. Done from the
    model, so it holds whatever fills the quotes; where the reader already reported NC302 inside
    a quotation's paragraph (at the quote or its cue), that paragraph is left to the reader."""
    spans = {p.id: p.span for p in getattr(article, "paragraphs", ())}

    def inside(pos, span) -> bool:
        return span is not None and (span.line, span.col) <= pos <= (span.end_line, span.end_col)

    found = []
    for i, quote in enumerate(getattr(article, "quotes", ()) or ()):
        if quote.kind != "direct" or quote.speaker is not None:
            continue
        if json_paths:
            found.append(messages.make("NC302", file=name, path=f"$.quotes[{i}]"))
            continue
        para = spans.get(quote.paragraph, quote.span)
        if any(inside(pos, para) or inside(pos, quote.span) for pos in reported):
            continue
        found.append(messages.make("NC302", file=name, line=quote.span.line, col=quote.span.col))
    return found


def _check_text(data: bytes, name: str, max_bytes: int | None) -> list[Message]:
    from .readers.plain import read

    try:
        result = read(data, name, max_bytes=max_bytes)
    except NewsconvError as exc:
        return list(exc.messages)
    found = list(result.messages)
    reported = [(m.line, m.col or 1) for m in found if m.code == "NC302" and m.line is not None]
    return found + _speakerless_quotes(result.value, name, reported)


def _check_model_json(data: bytes, name: str) -> list[Message]:
    from .model import Article
    from .modeljson import check_version, from_dict
    from .schema import validate_model

    from .jsonsafe import load_json

    try:
        doc = load_json(data, source=name, max_bytes=None)
    except NewsconvError as exc:
        return list(exc.messages)
    if isinstance(doc, dict):
        try:
            check_version(doc.get("model_version"), name)
        except NewsconvError as exc:
            return list(exc.messages)
    problems = validate_model(doc, source=name)
    if not problems and isinstance(doc, dict):
        try:
            article = from_dict(Article, doc)
        except (TypeError, ValueError, KeyError) as exc:
            problems.append(messages.make("NC401", file=name, detail=str(exc)))
        else:
            problems.extend(_speakerless_quotes(article, name, json_paths=True))
    return problems


def _xml_wellformed(data: bytes, name: str, fmt: str) -> tuple[object | None, list[Message]]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser), []
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (None, None))
        return None, [messages.make("NC814", file=name, line=line or None, col=(col + 1) if col is not None else None,
                                    detail=exc.msg)]


_ROOTS = {"newsml": ("newsItem", "a NewsML-G2 newsItem"), "nitf": ("nitf", "an NITF document")}


def _fallback_xml(data: bytes, name: str, fmt: str) -> list[Message]:
    root, problems = _xml_wellformed(data, name, fmt)
    if root is None:
        return problems
    from lxml import etree

    local = etree.QName(root).localname
    want, what = _ROOTS.get(fmt, (None, None))
    if want and local != want:
        return [messages.make("NC815", file=name, line=root.sourceline, col=1,
                              found=f"<{local}>", expected=f"<{want}> ({what})")]
    return []


def _fallback_json(data: bytes, name: str, fmt: str) -> list[Message]:
    from .jsonsafe import load_json

    try:
        doc = load_json(data, source=name, max_bytes=None)
    except NewsconvError as exc:
        return list(exc.messages)
    if fmt == "jsonld":
        nodes = doc if isinstance(doc, list) else [doc]
        if not nodes or not all(isinstance(n, dict) for n in nodes):
            return [messages.make("NC816", file=name, line=1, col=1, detail="the top level is not an object")]
        if not any("@context" in n for n in nodes):
            return [messages.make("NC816", file=name, line=1, col=1, detail="it has no @context")]
    return []


DOCX_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def _fallback_docx(data: bytes, name: str) -> list[Message]:
    import io
    import zipfile

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return [messages.make("NC812", file=name, detail=f"not a zip package ({exc})")]
    missing = [messages.make("NC813", file=name, part=p) for p in DOCX_PARTS if p not in names]
    if missing:
        return missing
    problems: list[Message] = []
    for part in ("[Content_Types].xml", "word/document.xml"):
        try:
            body = package.read(part)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            problems.append(messages.make("NC812", file=name, detail=f"{part} cannot be read ({exc})"))
            continue
        root, bad = _xml_wellformed(body, f"{name}:{part}", "docx")
        problems.extend(replace(m, file=name, text=f"{part}: {m.text}") for m in bad)
    return problems


@functools.cache
def _xml_schema(path: str):
    from lxml import etree

    return etree.XMLSchema(etree.parse(path))


def check_against_xsd(data: bytes, name: str, xsd: str) -> list[Message]:
    """Every error of `data` against the XML Schema at `xsd` (lxml), located by line."""
    from lxml import etree

    try:
        schema = _xml_schema(str(Path(xsd).resolve()))
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        return [messages.make("NC818", file=name, schema=xsd, detail=str(exc))]
    root, problems = _xml_wellformed(data, name, "newsml")
    if root is None:
        return problems
    if schema.validate(root.getroottree()):
        return []
    label = Path(xsd).name
    return [messages.make("NC817", file=name, line=e.line or None, col=(e.column + 1) if e.column else None,
                          schema=label, detail=e.message) for e in schema.error_log]


def _check_other(data: bytes, name: str, fmt: str, xsd: str | None) -> list[Message]:
    """NewsML-G2, JSON-LD, DOCX, ninjs, NITF: the format's own checks when installed, else its
    reader, else well-formedness only (said so with NC820)."""
    module = _check_module(fmt)
    problems: list[Message]
    xsd_done = False
    if module is not None and hasattr(module, "check"):
        kwargs = {}
        if xsd and fmt in ("newsml", "nitf") and _accepts(module.check, "xsd"):
            kwargs["xsd"], xsd_done = xsd, True
        try:
            problems = list(module.check(data, name, **kwargs))
        except NewsconvError as exc:
            problems = list(exc.messages)
        except Exception as exc:  # one bad check must not hide the other files' reports
            problems = [_crash(fmt, name, exc)]
    elif fmt != "docx" and fmt in READERS and find_spec(READERS[fmt].module) is not None:
        from .readers import get_reader

        try:
            problems = list(get_reader(fmt)(data, name).messages)
        except NewsconvError as exc:
            problems = list(exc.messages)
        except Exception as exc:
            problems = [_crash(fmt, name, exc)]
    else:
        if fmt == "docx":
            problems = _fallback_docx(data, name)
        elif fmt in ("newsml", "nitf"):
            problems = _fallback_xml(data, name, fmt)
        else:
            problems = _fallback_json(data, name, fmt)
        if not any(m.severity == "error" for m in problems):
            problems.append(messages.make("NC820", file=name, fmt=fmt))
    if xsd and fmt == "newsml" and not xsd_done and not any(m.code in ("NC814", "NC815") for m in problems):
        problems.extend(check_against_xsd(data, name, xsd))
    return problems


# ---- entry points ------------------------------------------------------------------------------

def _sorted(msgs) -> tuple[Message, ...]:
    """Messages in source order (line, col), unlocated ones first, then by JSON path."""
    return tuple(sorted(msgs, key=lambda m: (m.line or 0, m.col or 0, m.path or "",
                                             _SEVERITY_RANK.get(m.severity, 3), m.code)))


def validate_bytes(data: bytes, name: str, fmt: str | None = None, *, xsd: str | None = None,
                   max_bytes: int | None = DEFAULT_MAX_BYTES) -> Report:
    """Check `data` (named `name` in messages) as `fmt` (default: detected)."""
    fmt = fmt or detect_format(name, data)
    try:
        if fmt == "text":
            found = _check_text(data, name, max_bytes)
        elif fmt == "json":
            found = _check_model_json(data, name)
        else:
            found = _check_other(data, name, fmt, xsd)
    except NewsconvError as exc:
        found = list(exc.messages)
    except Exception as exc:  # never a traceback in a CI log: report it and go on
        found = [_crash(fmt, name, exc)]
    return Report(name, fmt, _sorted(m.with_file(name) for m in found))


def validate_path(path: str, fmt: str | None = None, *, xsd: str | None = None,
                  max_bytes: int | None = DEFAULT_MAX_BYTES) -> Report:
    """Validate the file at `path` ('-' reads stdin)."""
    import sys

    try:
        data = read_stream(sys.stdin.buffer, max_bytes, "<stdin>") if path == "-" else read_bytes_from(path, max_bytes)
    except NewsconvError as exc:
        return Report(path, fmt or "unknown", exc.messages)
    return validate_bytes(data, "<stdin>" if path == "-" else path, fmt, xsd=xsd, max_bytes=max_bytes)


def _matches(rel: str, patterns) -> bool:
    """A glob without '/' matches the base name; with '/', the path relative to the folder
    given on the command line. A leading `**/` also matches at the top."""
    base = rel.rsplit("/", 1)[-1]
    for pat in patterns:
        pat = pat.strip("/")
        target = rel if "/" in pat else base
        if fnmatch.fnmatchcase(target, pat):
            return True
        if pat.startswith("**/") and fnmatch.fnmatchcase(rel, pat[3:]):
            return True
    return False


def collect_files(paths, include=DEFAULT_INCLUDE, exclude=()) -> tuple[list[str], list[Message]]:
    """The files to check: each path given (always, whatever the globs say), and the files under
    each folder given, recursively, that match `include` and not `exclude` (sorted, so reports
    are stable). A folder with no such file gives an NC811 warning."""
    include = tuple(include) or DEFAULT_INCLUDE
    excluded = DEFAULT_EXCLUDE + tuple(exclude)
    files: list[str] = []
    notes: list[Message] = []
    seen: set[str] = set()
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for folder, dirs, names in os.walk(path):
                rel_folder = os.path.relpath(folder, path).replace(os.sep, "/")
                rel_folder = "" if rel_folder == "." else rel_folder + "/"
                dirs[:] = sorted(d for d in dirs if not _matches(rel_folder + d, excluded))
                for n in sorted(names):
                    rel = rel_folder + n
                    if _matches(rel, include) and not _matches(rel, excluded):
                        found.append(os.path.normpath(os.path.join(folder, n)))
            if not found:
                notes.append(messages.make("NC811", file=path, target=path, include=", ".join(include)))
            for f in found:
                if f not in seen:
                    seen.add(f)
                    files.append(f)
        elif path not in seen:
            seen.add(path)
            files.append(path)
    return files, notes


def validate_paths(paths, options: ValidateOptions = ValidateOptions()) -> list[Report]:
    """Validate every file (and every matching file under every folder) in `paths`, each on its
    own, with `options.select/ignore` applied. Folder-level notes (NC811) come as a Report of
    their own for that folder."""
    files, notes = collect_files(paths, options.include, options.exclude)
    reports = [Report(note.file or "", "folder", (note,)) for note in notes]
    reports += [validate_path(f, options.fmt, xsd=options.xsd, max_bytes=options.max_bytes) for f in files]
    return [filter_report(r, options.select, options.ignore) for r in reports]


def validate(path_or_bytes: str | os.PathLike | bytes, name: str | None = None, *, fmt: str | None = None,
             xsd: str | None = None) -> Report:
    """The one-call API: validate a file path, or bytes (named `name` in messages)."""
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        return validate_bytes(bytes(path_or_bytes), name or "<bytes>", fmt, xsd=xsd)
    return validate_path(str(path_or_bytes), fmt, xsd=xsd)


__all__ = ["DEFAULT_EXCLUDE", "DEFAULT_INCLUDE", "FORMATS", "Report", "ValidateOptions", "check_against_xsd",
           "check_selectors", "collect_files", "detect_format", "filter_report", "is_selected", "validate",
           "validate_bytes", "validate_path", "validate_paths"]
