"""Bytes to text: encodings, BOMs, line endings, binary input, and what each records or reports."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convert
from convert.decode import decode, line_ending_style
from convert.errors import InputError
from convert.model import rebuild_source

NUL = bytes(1)
TEXT = "HEADLINE HERE\n\nPARIS, June 2 - Café owners “welcomed” the rule – and €5 fees.\n"


def only(messages, code):
    found = [m for m in messages if m.code == code]
    assert len(found) == 1, [m.render() for m in messages]
    return found[0]


@pytest.mark.parametrize("data,encoding,bom", [
    (TEXT.encode("utf-8"), "utf-8", False),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8", True),
    (TEXT.encode("utf-16"), "utf-16-le", True),  # the BOM Python writes is little-endian here
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be", True),
    (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le", True),
])
def test_unicode_encodings_with_and_without_bom(data, encoding, bom):
    decoded = decode(data, "a.txt")
    assert decoded.text == TEXT  # the BOM is not part of the text
    assert (decoded.source.encoding, decoded.source.bom) == (encoding, bom)
    assert decoded.source.sha256 == hashlib.sha256(data).hexdigest()
    assert decoded.source.byte_length == len(data)
    assert decoded.messages == ()
    article = convert.parse(data, "a.txt").value
    assert article.dateline.place == "PARIS" and rebuild_source(article) == TEXT


def test_utf16_without_bom_is_sniffed_with_a_warning():
    decoded = decode(TEXT.encode("utf-16-le"), "a.txt")
    assert decoded.text == TEXT and decoded.source.encoding == "utf-16-le" and not decoded.source.bom
    assert only(decoded.messages, "NC103").severity == "warning"


def test_windows_1252_fallback_warns_with_byte_offset_and_line_col():
    data = "HEADLINE\r\n\r\nBRIGHTON, May 5 - The town’s “cafés” – all of them.\r\n".encode("cp1252")
    decoded = decode(data, "b.txt")
    assert decoded.source.encoding == "windows-1252"
    assert decoded.text == data.decode("cp1252")
    msg = only(decoded.messages, "NC102")
    offset = data.index(b"\x92")
    assert msg.severity == "warning"
    assert f"byte offset {offset}" in msg.text
    assert (msg.line, msg.col) == (3, len("BRIGHTON, May 5 - The town") + 1)
    assert msg.render().startswith(f"b.txt:3:{msg.col}: NC102 warning:")


def test_undefined_cp1252_bytes_keep_their_latin1_code_points():
    decoded = decode(b"caf\xe9 \x81 ok", "c.txt")
    assert decoded.text == "café \x81 ok" and decoded.source.encoding == "windows-1252"
    assert {m.code for m in decoded.messages} == {"NC102", "NC107"}


def test_stray_windows_1252_byte_in_utf8_text_keeps_the_utf8():
    data = "naïve “quote” ".encode("utf-8") + b"\x96 done"
    decoded = decode(data)
    assert decoded.text == "naïve “quote” – done"
    assert decoded.source.encoding == "utf-8+windows-1252"
    assert only(decoded.messages, "NC102").text.endswith("decoded as windows-1252")


@pytest.mark.parametrize("newline,style", [("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")])
def test_line_endings_are_accepted_and_recorded(newline, style):
    text = TEXT.replace("\n", newline)
    article = convert.parse(text.encode(), "d.txt").value
    assert article.source.line_ending == style
    assert article.headline.text == "HEADLINE HERE"
    assert article.dateline.span.line == 3 and article.paragraphs[0].span.line == 3
    assert rebuild_source(article) == text


def test_mixed_line_endings_warn():
    decoded = decode(b"a\r\nb\nc\rd")
    assert decoded.source.line_ending == "mixed"
    assert "CRLF x1" in only(decoded.messages, "NC106").text
    assert line_ending_style("no breaks") == ("none", {"crlf": 0, "cr": 0, "lf": 0})


def test_nul_bytes_are_an_error_with_the_byte_offset():
    data = b"HEADLINE\n\nbody \x00\x01\x02 binary"
    with pytest.raises(InputError) as info:
        decode(data, "e.bin")
    msg = info.value.messages[0]
    assert msg.code == "NC101" and msg.severity == "error"
    assert f"byte offset {data.index(NUL)}" in msg.text
    assert (msg.file, msg.line, msg.col) == ("e.bin", 3, 6)


def test_nul_inside_utf16_is_located_in_bytes_including_the_bom():
    data = "ab\x00".encode("utf-16")
    with pytest.raises(InputError) as info:
        decode(data)
    assert "byte offset 6" in info.value.messages[0].text


def test_binary_without_nul_is_an_error_and_a_stray_control_is_a_warning():
    with pytest.raises(InputError) as info:
        decode(bytes(range(1, 32)) * 20 + b"text", "f.bin")
    assert info.value.messages[0].code == "NC110"
    decoded = decode(b"HEADLINE\n\nA stray \x1b escape.\n")
    msg = only(decoded.messages, "NC107")
    assert "U+001B" in msg.text and (msg.line, msg.col) == (3, 9)


def test_broken_utf16_is_a_decode_error_not_a_traceback():
    with pytest.raises(InputError) as info:
        decode(b"\xff\xfeA\x00B")  # odd number of bytes after a UTF-16 BOM
    assert info.value.messages[0].code == "NC108"


@pytest.mark.parametrize("data,code", [(b"", "NC104"), (b" \n\t\r\n", "NC105")])
def test_empty_and_blank_input_are_errors(data, code):
    with pytest.raises(InputError) as info:
        convert.parse(data, "g.txt")
    assert info.value.messages[0].code == code


def test_size_limit():
    with pytest.raises(InputError) as info:
        decode(b"x" * 101, max_bytes=100)
    assert info.value.messages[0].code == "NC901"
    assert decode(b"x" * 100, max_bytes=100).text == "x" * 100


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_cleanly(data):
    """Whatever the bytes, decoding gives text or an InputError with a located message."""
    try:
        decoded = decode(data)
    except InputError as exc:
        assert exc.messages and exc.messages[0].code in {"NC101", "NC108", "NC110"}
        return
    assert isinstance(decoded.text, str)
    assert decoded.source.byte_length == len(data)
    for msg in decoded.messages:
        if msg.code == "NC107" and decoded.source.encoding.startswith(("utf-8", "windows")):
            # the offset points at the control character's own byte (C0) or its sequence (C1)
            codepoint = int(re.search(r"U\+([0-9A-F]{4})", msg.text).group(1), 16)
            offset = int(re.search(r"byte offset (\d+)", msg.text).group(1)) + (3 if decoded.source.bom else 0)
            if codepoint < 0x80:
                assert data[offset] == codepoint
            else:
                assert data[offset] in (codepoint, 0xC2)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([b"\xc2", b"\xe2\x80", b"\x96", b"\x81", b"\xf0\x9f", b"\xed\xa0"]),
                          st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=3).map(lambda s: s.encode("utf-8"))),
                max_size=12), st.integers(0, 40))
def test_mixed_utf8_offsets_point_at_the_character(pieces, at):
    """In UTF-8 with stray Windows-1252 bytes, a reported byte offset is that of the character."""
    from convert.decode import _byte_offset

    body = b"".join(pieces) + b"\x01"
    text = decode(body).text
    index = min(at, len(text) - 1)
    offset = _byte_offset(body, text, index, "utf-8+windows-1252")
    char = text[index]
    assert body[offset:offset + len(char.encode("utf-8"))] == char.encode("utf-8") or body[offset:offset + 1] in (
        char.encode("cp1252", "ignore"), bytes([ord(char)]) if ord(char) < 256 else b"")
