"""The one-call Python API: parse, read_file, read, write, convert, validate_model_json.

Why a module of its own: the CLI, the batch runner and users' scripts all go through these same
functions, so behaviour cannot differ between them (DESIGN.md: the CLI is thin).
"""

from __future__ import annotations

import os
from pathlib import Path

from . import messages
from .decode import DEFAULT_MAX_BYTES
from .errors import InputError
from .model import Article
from .options import DEFAULT_OPTIONS, WriteOptions
from .readers import get_reader, guess_format
from .result import Message, Result
from .writers import write as _write


def parse(text_or_bytes: str | bytes, source: str | None = None, *, language: str = "en",
          max_bytes: int | None = DEFAULT_MAX_BYTES) -> Result[Article]:
    """Parse a plain-text article (str, or bytes in any encoding newsconv detects).

    Raises InputError for input that is not an article (empty, binary, undecodable, too large)."""
    from .readers.plain import read as read_plain

    if isinstance(text_or_bytes, str):
        try:
            data = text_or_bytes.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: not text any file could hold
            from .decode import _text_position

            line, col = _text_position(text_or_bytes, exc.start)
            msg = messages.make("NC108", file=source, line=line, col=col,
                                detail=f"lone surrogate U+{ord(text_or_bytes[exc.start]):04X}")
            raise InputError(msg.text, (msg,)) from None
    else:
        data = bytes(text_or_bytes)
    return read_plain(data, source, language=language, max_bytes=max_bytes)


def read(data: bytes, name: str | None = None, *, fmt: str | None = None, **options) -> Result[Article]:
    """Read any supported input (text, model JSON, NewsML-G2, JSON-LD, ...) into the model."""
    fmt = fmt or guess_format(name, data)
    return get_reader(fmt)(data, name, **options)


def read_stream(stream, max_bytes: int | None = DEFAULT_MAX_BYTES, name: str | None = None) -> bytes:
    """Read a binary stream (stdin, a pipe, a device), never more than `max_bytes` + 1 bytes:
    an endless stream (`/dev/zero`, `yes |`) is refused with NC901 instead of filling memory."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        msg = messages.make("NC901", file=name, size=f"more than {max_bytes}", limit=max_bytes)
        raise InputError(msg.text, (msg,))
    return data


def read_bytes_from(path: str | os.PathLike, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of `path`, refusing oversize files before reading them (and pipes or devices
    that never end while reading them) and turning OS errors into located InputErrors."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            msg = messages.make("NC901", file=str(p), size=size, limit=max_bytes)
            raise InputError(msg.text, (msg,))
        with p.open("rb") as handle:
            return read_stream(handle, max_bytes, str(p))
    except OSError as exc:
        msg = messages.make("NC109", file=str(p), target=str(p), detail=exc.strerror or str(exc))
        raise InputError(msg.text, (msg,)) from None


def read_file(path: str | os.PathLike, *, fmt: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
              **options) -> Result[Article]:
    """Read a file of any supported input format into the model."""
    data = read_bytes_from(path, max_bytes)
    name = str(path)
    fmt = fmt or guess_format(name, data)
    if fmt == "text":
        options.setdefault("max_bytes", max_bytes)
    return get_reader(fmt)(data, name, **options)


def write(article: Article, fmt: str, options: WriteOptions = DEFAULT_OPTIONS) -> Result[bytes]:
    """Serialise an Article as `fmt` (see `newsconv formats`)."""
    return _write(article, fmt, options)


def convert(text_or_article: str | bytes | Article, to: str = "json", options: WriteOptions = DEFAULT_OPTIONS,
            source: str | None = None) -> Result[bytes]:
    """Parse (when given text) and write in one call; messages of both steps are returned."""
    notes: tuple[Message, ...] = ()
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        parsed = parse(text_or_article, source)
        article, notes = parsed.value, parsed.messages
    written = write(article, to, options)
    return Result(written.value, notes + written.messages)


__all__ = ["parse", "read", "read_file", "read_bytes_from", "read_stream", "write", "convert"]
