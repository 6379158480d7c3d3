"""Validation of one input: every problem it has, each with a code, a severity and a place.

Why collect rather than stop at the first error: a CI step must show every problem of every file
in one run (check-jsonschema's habit). Each format's checks live with that format; this module
dispatches and gathers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .api import read_bytes_from
from .errors import NewsconvError
from .readers import guess_format
from .result import Message


@dataclass(frozen=True, slots=True)
class Report:
    file: str
    format: str
    messages: tuple[Message, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not any(m.severity == "error" for m in self.messages)


def _check_model_json(data: bytes, name: str) -> list[Message]:
    from . import messages
    from .modeljson import check_version, from_dict
    from .model import Article
    from .schema import validate_model

    from .jsonsafe import load_json  # size and depth limits before parsing (issue 9)

    try:
        doc = load_json(data, source=name)
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
            from_dict(Article, doc)
        except TypeError as exc:
            problems.append(messages.make("NC401", file=name, detail=str(exc)))
    return problems


def validate_bytes(data: bytes, name: str, fmt: str | None = None) -> Report:
    fmt = fmt or guess_format(name, data)
    if fmt == "json":
        return Report(name, fmt, tuple(_check_model_json(data, name)))
    from .api import read

    try:
        result = read(data, name, fmt=fmt)
    except NewsconvError as exc:
        return Report(name, fmt, tuple(m.with_file(name) for m in exc.messages))
    return Report(name, fmt, tuple(m.with_file(name) for m in result.messages))


def validate_path(path: str, fmt: str | None = None) -> Report:
    """Validate the file at `path` ('-' reads stdin)."""
    import sys

    try:
        data = sys.stdin.buffer.read() if path == "-" else read_bytes_from(path)
    except NewsconvError as exc:
        return Report(path, fmt or "unknown", exc.messages)
    return validate_bytes(data, "<stdin>" if path == "-" else path, fmt)


__all__ = ["Report", "validate_bytes", "validate_path"]
