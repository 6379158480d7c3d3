"""Hardened JSON loading for untrusted input (model JSON, JSON-LD, ninjs).

Why not plain `json.loads`: it recurses once per nesting level, so `[[[[...]]]]` a few thousand
levels deep raises RecursionError (a traceback, or worse a crash in C code further down the
line: jsonschema and our own model builder recurse too). It also accepts `NaN`/`Infinity`,
which are not JSON, silently keeps only the last of duplicate keys (silent loss of data), and
raises a bare ValueError for integers with more than 4300 digits. Here the size and the nesting
depth are checked *before* parsing, with a linear scan that needs no recursion, and every
problem becomes an InputError with a located Message, never another exception.

Limits: `max_bytes` (default `convert.decode.DEFAULT_MAX_BYTES`, the same as for text input;
the CLI's --max-bytes / NEWSCONV_MAX_BYTES) and `max_depth` (default DEFAULT_MAX_DEPTH, or the
environment variable NEWSCONV_MAX_JSON_DEPTH). The model JSON is 5 levels deep; JSON-LD a few more.
"""

from __future__ import annotations

import json
import os
import re

from . import messages
from .decode import DEFAULT_MAX_BYTES
from .errors import InputError
from .result import Message

DEFAULT_MAX_DEPTH = 64

_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def max_depth_from_env(default: int = DEFAULT_MAX_DEPTH) -> int:
    raw = os.environ.get("NEWSCONV_MAX_JSON_DEPTH")
    try:
        return int(raw) if raw else default
    except ValueError:
        return default


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _fail(msg: Message) -> InputError:
    return InputError(msg.text, (msg,))


def check_depth(text: str, max_depth: int, source: str | None = None) -> None:
    """Raise InputError (NC902) at the first bracket that opens level `max_depth + 1`.

    Strings are skipped (brackets inside them do not count); no recursion, linear time."""
    if text.count("[") + text.count("{") <= max_depth:
        return  # cannot be deeper than the number of opening brackets
    depth = 0
    for m in _TOKENS.finditer(text):
        tok = m.group()
        if tok in "[{":
            depth += 1
            if depth > max_depth:
                line, col = _position(text, m.start())
                raise _fail(messages.make("NC902", file=source, line=line, col=col, limit=max_depth))
        elif tok in "]}":
            depth = max(0, depth - 1)


def _no_constants(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _pairs(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def load_json(data: str | bytes, *, source: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
              max_depth: int | None = None, syntax_code: str = "NC402", syntax_prefix: str = "") -> object:
    """Parse untrusted JSON text or bytes (UTF-8/16/32, as RFC 8259 allows).

    Raises InputError with one located Message: NC901 (too large), NC902 (nested too deeply),
    NC903 (duplicate key) or NC402 (anything else that is not JSON). Never another exception.
    A format reader may report syntax errors under its own code (`syntax_code`, a message whose
    template has a {detail}), with `syntax_prefix` before the detail."""

    def syntax(**fields) -> InputError:
        detail = fields.pop("detail")
        return _fail(messages.make(syntax_code, file=source, detail=syntax_prefix + detail, **fields))

    size = len(data) if isinstance(data, (bytes, bytearray)) else len(data.encode("utf-8", "surrogatepass"))
    if max_bytes is not None and size > max_bytes:
        raise _fail(messages.make("NC901", file=source, size=size, limit=max_bytes))
    if isinstance(data, (bytes, bytearray)):
        data = bytes(data)
        encoding = json.detect_encoding(data)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise syntax(detail=f"not {encoding.replace('-sig', '')} ({exc.reason} at byte {exc.start})") from None
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        text = data
    check_depth(text, max_depth_from_env() if max_depth is None else max_depth, source)
    try:
        return json.loads(text, parse_constant=_no_constants, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise syntax(line=exc.lineno, col=exc.colno, detail=exc.msg) from None
    except _DuplicateKey as exc:
        raise _fail(messages.make("NC903", file=source, key=exc.key)) from None
    except (ValueError, RecursionError) as exc:  # NaN/Infinity, 4300+ digit integers, belt and braces
        raise syntax(detail=str(exc)) from None


__all__ = ["DEFAULT_MAX_DEPTH", "check_depth", "load_json", "max_depth_from_env"]
