"""Renderers for `newsconv validate` reports: text, JSON, JUnit XML, GitHub workflow commands and
SARIF 2.1.0. Pure functions: reports in, a string out (no printing, no clock, no environment).

Why these five: they are what CI systems read. Text for people and editors (`file:line:col:`),
JSON for scripts, JUnit for GitLab and Jenkins test reports, GitHub workflow commands for
annotations on a pull request, SARIF for code-scanning dashboards.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .result import Message

TOOL_NAME = "newsconv"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FORMATS = ("text", "json", "junit", "github", "sarif")

_ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m", "bold": "\x1b[1m",
         "dim": "\x1b[2m", "green": "\x1b[1;32m"}
_RESET = "\x1b[0m"


def _counts(reports) -> dict[str, int]:
    counts = {"files": 0, "errors": 0, "warnings": 0, "infos": 0, "failed_files": 0}
    for r in reports:
        if r.format != "folder":
            counts["files"] += 1
        for m in r.messages:
            key = {"error": "errors", "warning": "warnings"}.get(m.severity, "infos")
            counts[key] += 1
    return counts


def _failed(report, strict: bool) -> bool:
    return any(m.severity == "error" or (strict and m.severity == "warning") for m in report.messages)


def status(reports, strict: bool = False) -> str:
    """"fail" when any file has an error (or, with `strict`, a warning); else "ok"."""
    return "fail" if any(_failed(r, strict) for r in reports) else "ok"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(reports, strict: bool = False) -> str:
    """One line for people: `newsconv: 3 files checked: 2 errors, 1 warning, 0 infos (fail)`."""
    c = _counts(reports)
    failed = sum(1 for r in reports if r.format != "folder" and _failed(r, strict))
    return (f"newsconv: {_plural(c['files'], 'file')} checked, {failed} failed: {_plural(c['errors'], 'error')}, "
            f"{_plural(c['warnings'], 'warning')}, {_plural(c['infos'], 'info')}"
            f"{' (warnings fail with --strict)' if strict and c['warnings'] else ''} -> {status(reports, strict)}")


# ---- text --------------------------------------------------------------------------------------

def render_text(reports, *, color: bool = False, quiet: int = 0, verbose: int = 0, strict: bool = False) -> str:
    """`file:line:col: CODE severity: message` per message (`-q` keeps errors only; `-v` adds
    the fix hint), then a summary line (dropped with `-qq`)."""
    out: list[str] = []
    for r in reports:
        for m in r.messages:
            if quiet and m.severity != "error":
                continue
            line = m.render()
            if color:
                tag = f"{m.code} {m.severity}:"
                line = line.replace(tag, f"{_ANSI.get(m.severity, '')}{tag}{_RESET}", 1)
                loc = m.location()
                line = f"{_ANSI['bold']}{loc}{_RESET}" + line[len(loc):]
            out.append(line)
            if verbose and m.hint:
                out.append(f"    {_ANSI['dim'] if color else ''}hint: {m.hint}{_RESET if color else ''}")
    if quiet < 2:
        text = summary(reports, strict)
        if color:
            text = f"{_ANSI['green' if status(reports, strict) == 'ok' else 'error']}{text}{_RESET}"
        out.append(text)
    return "".join(f"{line}\n" for line in out)


# ---- JSON --------------------------------------------------------------------------------------

def render_json(reports, *, strict: bool = False) -> str:
    """One JSON document: `{"status", "tool", "summary", "files": [...], "messages": [...]}`."""
    c = _counts(reports)
    doc = {
        "status": status(reports, strict),
        "tool": {"name": TOOL_NAME, "version": __version__},
        "strict": strict,
        "summary": {k: c[k] for k in ("files", "errors", "warnings", "infos")},
        "files": [
            {"file": r.file, "format": r.format, "status": "fail" if _failed(r, strict) else "ok",
             "errors": sum(m.severity == "error" for m in r.messages),
             "warnings": sum(m.severity == "warning" for m in r.messages),
             "infos": sum(m.severity == "info" for m in r.messages)}
            for r in reports if r.format != "folder"
        ],
        "messages": [dict(m.to_dict(), file=m.file or r.file) for r in reports for m in r.messages],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# ---- JUnit XML ---------------------------------------------------------------------------------

def render_junit(reports, *, strict: bool = False) -> str:
    """JUnit XML: one `<testcase>` per file, one `<failure>` per error (and per warning with
    `strict`); the other messages go to the test case's `<system-out>`."""
    from xml.sax.saxutils import escape, quoteattr

    cases: list[str] = []
    failures = 0
    files = [r for r in reports if r.format != "folder"]
    for r in reports:
        failing = [m for m in r.messages if m.severity == "error" or (strict and m.severity == "warning")]
        other = [m for m in r.messages if m not in failing]
        failures += len(failing)
        name = r.file if r.format != "folder" else f"{r.file} (folder)"
        parts = [f'    <testcase classname={quoteattr(f"newsconv.validate.{r.format}")} name={quoteattr(name)} '
                 f'file={quoteattr(r.file)} time="0"']
        if not failing and not other:
            cases.append(parts[0] + "/>")
            continue
        parts[0] += ">"
        for m in failing:
            body = m.render() + (f"\nhint: {m.hint}" if m.hint else "")
            parts.append(f"      <failure message={quoteattr(f'{m.code}: {m.text}')} type={quoteattr(m.code)}>"
                         f"{escape(body)}</failure>")
        if other:
            parts.append(f"      <system-out>{escape(''.join(m.render() + chr(10) for m in other))}</system-out>")
        parts.append("    </testcase>")
        cases.append("\n".join(parts))
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="newsconv validate" tests="{len(reports)}" failures="{failures}" errors="0">\n'
            f'  <testsuite name="newsconv validate" tests="{len(reports)}" failures="{failures}" errors="0" '
            f'skipped="0" time="0">\n'
            f'    <properties><property name="files" value="{len(files)}"/></properties>\n')
    return head + "\n".join(cases) + ("\n" if cases else "") + "  </testsuite>\n</testsuites>\n"


# ---- GitHub workflow commands ------------------------------------------------------------------

_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(m: Message, file: str | None = None) -> str:
    """`::error file=F,line=L,col=C,title=CODE::F:L:C: CODE message` (info -> `::notice`)."""
    file = m.file or file or "<input>"
    props = [f"file={_gh_prop(file)}"]
    if m.line is not None:
        props.append(f"line={m.line}")
        if m.col is not None:
            props.append(f"col={m.col}")
    props.append(f"title={_gh_prop(f'{m.code} {m.severity}')}")
    where = f" (at {m.path})" if m.path else ""
    hint = f" Hint: {m.hint}" if m.hint else ""
    return f"::{_GH_LEVEL.get(m.severity, 'notice')} {','.join(props)}::{_gh_data(f'{m.location()}: {m.code} {m.text}{where}.{hint}')}"


def render_github(reports, *, strict: bool = False, quiet: int = 0) -> str:
    """GitHub Actions workflow commands, grouped per file (`::group::` ... `::endgroup::`), then
    a summary line."""
    out: list[str] = []
    for r in reports:
        shown = [m for m in r.messages if not quiet or m.severity == "error"]
        if not shown:
            continue
        failed = sum(m.severity == "error" for m in r.messages)
        out.append(f"::group::{_gh_data(r.file)}: {_plural(failed, 'error')}, {_plural(len(r.messages) - failed, 'other message')}")
        out.extend(github_command(m, r.file) for m in shown)
        out.append("::endgroup::")
    out.append(summary(reports, strict))
    return "".join(f"{line}\n" for line in out)


# ---- SARIF 2.1.0 -------------------------------------------------------------------------------

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _artifact_uri(file: str, root: str | None) -> dict:
    """A relative URI (against %SRCROOT%) when the file is under `root`, else an absolute file
    URI; '<stdin>' and the like stay as they are, percent-encoded."""
    from urllib.parse import quote

    if file.startswith("<"):
        return {"uri": quote(file)}
    p = Path(file)
    if root is not None:
        try:
            rel = (p if p.is_absolute() else Path(root) / p).resolve().relative_to(Path(root).resolve())
            return {"uri": quote(rel.as_posix()), "uriBaseId": "%SRCROOT%"}
        except ValueError:
            pass
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix())}


def render_sarif(reports, *, root: str | None = None, strict: bool = False) -> str:
    """A SARIF 2.1.0 log with one run: the rules used (code, template, hint, default level) and
    one result per message, with its region (1-based line and column, in code points)."""
    from . import messages as table

    used = sorted({m.code for r in reports for m in r.messages})
    index = {code: i for i, code in enumerate(used)}
    rules = []
    for code in used:
        entry = table.CODES.get(code)
        rule = {"id": code, "name": code}
        if entry is not None:
            rule.update({"shortDescription": {"text": entry.template},
                         "help": {"text": entry.hint},
                         "defaultConfiguration": {"level": _SARIF_LEVEL.get(entry.severity, "note")}})
        rules.append(rule)
    results = []
    for r in reports:
        for m in r.messages:
            level = _SARIF_LEVEL.get(m.severity, "note")
            if strict and m.severity == "warning":
                level = "error"
            physical: dict = {"artifactLocation": _artifact_uri(m.file or r.file, root)}
            if m.line is not None:
                region = {"startLine": m.line}
                if m.col is not None:
                    region["startColumn"] = m.col
                physical["region"] = region
            location: dict = {"physicalLocation": physical}
            if m.path:
                location["logicalLocations"] = [{"fullyQualifiedName": m.path, "kind": "element"}]
            text = m.text + (f" (at {m.path})" if m.path else "")
            results.append({"ruleId": m.code, "ruleIndex": index[m.code], "level": level,
                            "message": {"text": text + (f" Hint: {m.hint}" if m.hint else "")},
                            "locations": [location]})
    run: dict = {
        "tool": {"driver": {"name": TOOL_NAME, "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if root is not None:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path(root).resolve().as_uri() + "/"}}
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, reports: Sequence, *, strict: bool = False, color: bool = False, quiet: int = 0,
           verbose: int = 0, root: str | None = None) -> str:
    """Render `reports` in `fmt` (one of FORMATS)."""
    if fmt == "text":
        return render_text(reports, color=color, quiet=quiet, verbose=verbose, strict=strict)
    if fmt == "json":
        return render_json(reports, strict=strict)
    if fmt == "junit":
        return render_junit(reports, strict=strict)
    if fmt == "github":
        return render_github(reports, strict=strict, quiet=quiet)
    if fmt == "sarif":
        return render_sarif(reports, root=root, strict=strict)
    raise ValueError(f"unknown report format {fmt!r}; valid: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "github_command", "render", "render_github", "render_json", "render_junit",
           "render_sarif", "render_text", "status", "summary"]
