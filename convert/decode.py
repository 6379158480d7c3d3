"""Bytes to text, saying exactly how.

Why not just `bytes.decode("utf-8")`: newsroom files arrive as UTF-8 with and without a BOM,
UTF-16 from Windows tools, and Windows-1252 from older systems. Guessing silently would lose
characters; refusing would stop batches. So: BOMs decide first, then strict UTF-8, then
Windows-1252 with a warning naming the first byte that was not UTF-8. NUL bytes outside UTF-16
mean binary content: an error with the byte offset, never a traceback.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass

from . import messages
from .errors import InputError
from .model import Source
from .result import Message
from .textpos import fast_constructor, uniform_line_break

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: C0/C1 control characters other than tab, line feed, vertical tab, form feed, carriage return
#: (and NEL/LS/PS, which some editors write as line breaks)
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
#: above this share of control characters the input is binary, not text with a stray one
BINARY_CONTROL_SHARE = 0.01
_SAMPLE = 8192
_BINARY_MIN_CONTROLS = 8
#: byte -> its Windows-1252 character (Latin-1 for the five bytes cp1252 leaves unassigned)
_CP1252 = tuple(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(256))
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_FALLBACK = "newsconv-cp1252"
_UTF8_CHAR_OR_BYTE = re.compile(
    rb"[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}|.",
    re.DOTALL,
)


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    return "".join(_CP1252[b] for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_FALLBACK, _cp1252_fallback)

#: C0 controls other than tab/LF/CR, DEL and the C1 controls: most formats cannot carry them
#: (reported per character; the stricter _CONTROL above decides whether the input is binary).
_NOTE_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Other characters outside XML 1.0's Char production (surrogates cannot come out of a strict decode).
_NOT_XML = re.compile(r"[\ufffe\uffff\ud800-\udfff]")
#: Either of the two above (their classes joined): one scan decides whether any note is due.
_ANY_NOTE = re.compile("[" + _NOTE_CONTROL.pattern[1:-1] + _NOT_XML.pattern[1:-1] + "]")
#: The characters of the three checks (NUL, _CONTROL, _ANY_NOTE) as strict UTF-8 writes them: an
#: ASCII character is its own byte, never part of another character's bytes; a C1 control
#: U+0080-U+009F is \xc2\x80-\xc2\x9f; U+FFFE and U+FFFF are \xef\xbf\xbe and \xef\xbf\xbf; surrogates
#: never come out of a strict decode.
_FLAGGED_ASCII = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_NONCHAR_UTF8 = re.compile(rb"\xef\xbf[\xbe\xbf]")
#: At most this many NC107/NC904 messages per input (one per distinct character, first place).
MAX_CHARACTER_NOTES = 20

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    source: Source
    messages: tuple[Message, ...]


# the same objects as Source(...) and Decoded(...), made faster (see fast_constructor)
_source = fast_constructor(Source)
_decoded = fast_constructor(Decoded)


def line_ending_style(text: str) -> tuple[str, dict[str, int]]:
    """("lf" | "crlf" | "cr" | "mixed" | "none", counts)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts = {"crlf": crlf, "cr": cr, "lf": lf}
    used = [k for k, v in counts.items() if v]
    if not used:
        return "none", counts
    return (used[0] if len(used) == 1 else "mixed"), counts


def _line_ending(text: str) -> str:
    """`line_ending_style(text)[0]`. Why a second form: a text with one kind of line break (nearly
    all) is told by one or two look-ups for a character, which run at memchr speed, instead of
    three counts of the whole text; `uniform_line_break` is that test, shared with the line index."""
    brk = uniform_line_break(text)
    if brk is None:
        return "mixed"
    if brk == "\n":
        return "lf" if "\n" in text else "none"
    return "cr" if brk == "\r" else "crlf"


def _sniff_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NULs in every other byte of ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > 0.6 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.6 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str | None = None, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode `data`, returning the text, its `Source` record and any warnings.

    Raises InputError (with a located Message) for binary content, oversize input or bytes that
    cannot be decoded at all."""
    if max_bytes is not None and len(data) > max_bytes:
        raise _fail(messages.make("NC901", file=name, size=len(data), limit=max_bytes))
    notes: list[Message] = []
    encoding, bom, body = None, False, data
    for mark, enc in _BOMS:
        if data.startswith(mark):
            encoding, bom, body = enc, True, data[len(mark):]
            break
    if encoding is None:
        nul = data.find(b"\x00")
        if nul >= 0:
            encoding = _sniff_bomless_utf16(data)
            if encoding is None:
                line, col = _byte_position(data, nul)
                raise _fail(messages.make("NC101", file=name, offset=nul, line=line, col=col))
            notes.append(messages.make("NC103", file=name, encoding=encoding))
        else:
            encoding = "utf-8"
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8" or bom:
            line, col = _byte_position(body, exc.start, encoding)
            raise _fail(messages.make("NC108", file=name, line=line, col=col,
                                      detail=f"{exc.reason} at byte {exc.start + (len(data) - len(body))}")) from None
        bad = exc.start
        # Each byte that is not part of valid UTF-8 is read as Windows-1252 (bytes 0x81, 0x8D,
        # 0x8F, 0x90, 0x9D, unassigned there, keep their Latin-1 code points, as browsers do), so
        # decoding never fails and never drops a byte. A file with no valid multi-byte UTF-8 at all
        # is plain Windows-1252; one with both is recorded as "utf-8+windows-1252".
        text = body.decode("utf-8", _FALLBACK)
        encoding = "utf-8+windows-1252" if _UTF8_MULTIBYTE.search(body) else "windows-1252"
        line, col = _byte_position(body, bad)
        notes.append(messages.make("NC102", file=name, offset=bad, encoding="windows-1252", line=line, col=col))
    if not (encoding == "utf-8" and _plain_utf8(body)):  # else none of these checks can find anything
        bom_len = len(data) - len(body)
        _refuse_binary(text, body, bom_len, encoding, name)
        notes.extend(_character_notes(text, name, lambda i: bom_len + _byte_offset(body, text, i, encoding)))
    style = _line_ending(text)
    if style == "mixed":
        counts = line_ending_style(text)[1]
        detail = ", ".join(f"{k.upper()} x{v}" for k, v in counts.items() if v)
        line, col = _first_other_break(text)
        notes.append(messages.make("NC106", file=name, detail=detail, line=line, col=col))
    source = _source(
        name=os.path.basename(name) if name else None,
        sha256=hashlib.sha256(data).hexdigest(),
        byte_length=len(data),
        encoding=encoding,
        bom=bom,
        line_ending=style,
    )
    return _decoded(text=text, source=source, messages=tuple(notes))


def _plain_utf8(body: bytes) -> bool:
    """True when `body`, which decodes as strict UTF-8, holds no NUL, no control character other
    than tab, LF and CR, and no other character XML cannot carry: the NUL, binary and NC107/NC904
    checks would find nothing. Why on the bytes: strict UTF-8 writes each of these characters in
    a form no other character's bytes contain (see _FLAGGED_ASCII), and one `translate` of the
    bytes plus two memchr-fast look-ups cost a tenth of the regex scans of the text they spare.
    (The look-ups are for one byte: `in` with a two-byte needle walks the text byte by byte.)"""
    return (len(body.translate(None, _FLAGGED_ASCII)) == len(body)
            and (b"\xc2" not in body or _C1_UTF8.search(body) is None)
            and (b"\xef" not in body or _NONCHAR_UTF8.search(body) is None))


def _refuse_binary(text: str, body: bytes, bom_len: int, encoding: str, name: str | None) -> None:
    """Raise NC101 for a NUL character, NC110 for text with too many control characters."""
    if "\x00" in text:
        offset = text.index("\x00")
        line, col = _text_position(text, offset)
        raise _fail(messages.make("NC101", file=name, offset=bom_len + _byte_offset(body, text, offset, encoding),
                                  line=line, col=col))
    control = _CONTROL.search(text)
    if control is not None:
        offset = bom_len + _byte_offset(body, text, control.start(), encoding)
        sample = text[:_SAMPLE]
        count = len(_CONTROL.findall(sample))
        if count > max(_BINARY_MIN_CONTROLS, BINARY_CONTROL_SHARE * len(sample)):
            raise _fail(messages.make("NC110", file=name, count=count, sample=len(sample), offset=offset))


def _byte_position(body: bytes, offset: int, encoding: str = "utf-8") -> tuple[int, int]:
    """1-based line and column (in characters, decoding the valid prefix) of a byte offset."""
    prefix = body[:offset].decode(encoding, "replace")
    return _text_position(prefix, len(prefix))


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `text[offset]`; CRLF, CR and LF each end a line."""
    prefix = text[:offset]
    line = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1
    last = max(prefix.rfind("\n"), prefix.rfind("\r"))
    return line, len(prefix) - (last + 1) + 1


def _byte_offset(body: bytes, text: str, index: int, encoding: str) -> int:
    """Byte offset in `body` (BOM excluded) of `text[index]`."""
    if encoding != "utf-8+windows-1252":
        # cp1252 "replace" writes one byte for each of the five unassigned bytes: still exact
        return len(text[:index].encode("cp1252" if encoding == "windows-1252" else encoding, "replace"))
    # mixed: walk the bytes (only on this rare error path). Every valid UTF-8 sequence decodes to
    # one character and every other byte to one Windows-1252 character, so the index-th character
    # starts where the index-th of these byte runs does.
    for count, match in enumerate(_UTF8_CHAR_OR_BYTE.finditer(body)):
        if count == index:
            return match.start()
    return len(body)


def _first_other_break(text: str) -> tuple[int | None, int | None]:
    """Where the first line break of a different style than the first one is (for NC106)."""
    from .textpos import LINE_BREAK

    first = None
    for m in LINE_BREAK.finditer(text):
        if first is None:
            first = m.group()
        elif m.group() != first:
            return _text_position(text, m.start())
    return None, None


def _character_notes(text: str, name: str | None, byte_offset) -> list[Message]:
    """NC107 for control characters, NC904 for other characters XML 1.0 cannot carry: the text
    keeps them (lossless), the warning says where the first of each is."""
    if _ANY_NOTE.search(text) is None:  # one scan of the text for both kinds
        return []
    notes: list[Message] = []
    seen: set[str] = set()
    for pattern, code in ((_NOTE_CONTROL, "NC107"), (_NOT_XML, "NC904")):
        for m in pattern.finditer(text):
            ch = m.group()
            if ch in seen:
                continue
            seen.add(ch)
            line, col = _text_position(text, m.start())
            notes.append(messages.make(code, file=name, line=line, col=col, codepoint=ord(ch),
                                       offset=byte_offset(m.start())))
            if len(seen) >= MAX_CHARACTER_NOTES:
                break
    notes.sort(key=lambda m: (m.line, m.col))
    return notes[:MAX_CHARACTER_NOTES]


def _fail(message: Message) -> InputError:
    return InputError(message.text, (message,))


__all__ = ["Decoded", "decode", "line_ending_style", "DEFAULT_MAX_BYTES"]
