"""Untrusted input cannot exhaust newsconv, make it write outside the output folder, overwrite a
file without --force, or leave a half-written file behind.

(XML hardening — XXE, billion laughs, DTDs — lives in convert/xmlsafe.py with the NewsML-G2 reader.)
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import convert
from convert import fsio
from convert.api import read_stream
from convert.cli import main
from convert.decode import DEFAULT_MAX_BYTES
from convert.errors import InputError
from convert.jsonsafe import DEFAULT_MAX_DEPTH, load_json
from convert.modeljson import from_json, to_json

from conftest import ROOT

ARTICLE = "Storm closes ports\n\nLONDON, March 3 (Reuters) - The port authority closed three terminals.\n"


def run(*args, input=None, env=None):
    return CliRunner(env={"NEWSCONV_MAX_BYTES": None, **(env or {})}).invoke(
        main, [*map(str, args), "--color", "never"] if args and args[0] == "convert" else list(map(str, args)),
        input=input)


def codes(stderr: str) -> list[str]:
    """The codes of the error messages in `stderr` (infos about the article's structure left out)."""
    found = [line.split(": ", 1)[1].split()[:2] for line in stderr.splitlines()]
    return [code for code, severity in found if severity == "error:"]


def model_json() -> str:
    return to_json(convert.parse(ARTICLE, "a.txt").value)


# -- JSON: depth and size --------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [DEFAULT_MAX_DEPTH + 1, 5000, 200_000])
def test_deeply_nested_json_is_refused_clearly(tmp_path, depth):
    doc = json.loads(model_json())
    text = json.dumps(doc)[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(InputError) as info:
        from_json(text, source="deep.model.json")
    (msg,) = info.value.messages
    assert msg.code == "NC902" and msg.line == 1
    start = text.index('"x": ') + 5  # the top-level object is level 1, so x's 64th bracket opens level 65
    assert text[msg.col - 1] == "[" and msg.col - 1 - start == DEFAULT_MAX_DEPTH - 1

    path = tmp_path / "deep.model.json"
    path.write_text(text)
    for command in ("convert", "validate"):
        res = run(command, path)
        assert res.exit_code == 1, res.output
        assert codes(res.stderr) == ["NC902"] and f"deep.model.json:1:{msg.col}:" in res.stderr
        assert "Traceback" not in res.output and "RecursionError" not in res.output


def test_nesting_inside_strings_does_not_count_and_the_limit_is_configurable(monkeypatch):
    text = json.dumps({"s": "[" * 10_000 + "{" * 10_000})
    assert load_json(text) == json.loads(text)
    nested = "[" * 10 + "]" * 10
    assert load_json(nested, max_depth=10) == json.loads(nested)
    with pytest.raises(InputError):
        load_json(nested, max_depth=9)
    monkeypatch.setenv("NEWSCONV_MAX_JSON_DEPTH", "9")
    with pytest.raises(InputError) as info:
        load_json(nested)
    assert info.value.messages[0].code == "NC902" and (info.value.messages[0].line, info.value.messages[0].col) == (1, 10)


def test_huge_json_is_refused_before_parsing(tmp_path):
    big = '{"model_version": "1.0", "pad": "' + "x" * 5000 + '"}'
    with pytest.raises(InputError) as info:
        load_json(big, max_bytes=4096)
    assert info.value.messages[0].code == "NC901"
    with pytest.raises(InputError) as info:
        load_json(big.encode(), max_bytes=4096)
    assert info.value.messages[0].code == "NC901"
    path = tmp_path / "big.model.json"
    path.write_text(big)
    res = run("convert", path, "--max-bytes", 4096)
    assert res.exit_code == 1 and codes(res.stderr) == ["NC901"]
    # the default limit applies to JSON as to text
    with pytest.raises(InputError) as info:
        load_json(b" " * (DEFAULT_MAX_BYTES + 1))
    assert info.value.messages[0].code == "NC901"


@pytest.mark.parametrize("text, code", [
    ('{"a": ' + "1" * 5000 + "}", "NC402"),  # Python refuses >4300-digit ints with a bare ValueError
    ('{"a": NaN}', "NC402"),
    ('{"a": -Infinity}', "NC402"),
    ('{"a": 1, "a": 2}', "NC903"),
    (b'{"a": "\xff"}', "NC402"),
    (b"\xef\xbb\xbf{\"a\": 1", "NC402"),
    ("", "NC402"),
])
def test_json_oddities_are_input_errors_not_exceptions(text, code):
    with pytest.raises(InputError) as info:
        load_json(text, source="x.json")
    assert [m.code for m in info.value.messages] == [code]


def test_utf16_json_and_bom_are_read_as_rfc8259_allows():
    assert load_json('{"a": "é"}'.encode("utf-16")) == {"a": "é"}
    assert load_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


# -- text size limit -------------------------------------------------------------------------------
def test_size_limit_option_environment_and_stdin(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE * 30)
    size = path.stat().st_size
    assert run("convert", path).exit_code == 0
    res = run("convert", path, "--max-bytes", size - 1)
    assert res.exit_code == 1 and codes(res.stderr) == ["NC901"] and f"{size} bytes" in res.stderr
    res = run("convert", path, env={"NEWSCONV_MAX_BYTES": str(size - 1)})
    assert res.exit_code == 1 and codes(res.stderr) == ["NC901"]
    assert run("convert", path, "--max-bytes", size).exit_code == 0
    res = run("convert", "-", "--max-bytes", 100, input=ARTICLE * 30)
    assert res.exit_code == 1 and codes(res.stderr) == ["NC901"]


def test_oversize_file_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: refused from its size alone
        handle.truncate(50_000_000)
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: pytest.fail("an oversize file was opened"))
    res = run("convert", path)
    assert res.exit_code == 1 and codes(res.stderr) == ["NC901"]


# -- output paths ----------------------------------------------------------------------------------
def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_output_paths_from_input_names_never_escape_the_output_folder(tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    (work / "evil.txt").write_text(ARTICLE)
    (tmp_path / "abs.txt").write_text(ARTICLE)
    (work / "in" / "..txt").write_text(ARTICLE)
    (work / "in" / "a.model.json").write_text(model_json().replace('"name": "a.txt"', '"name": "../../escape.txt"'))
    out = work / "in" / "out"
    monkeypatch.chdir(work / "in")
    before = listing(tmp_path)
    res = run("convert", "../evil.txt", str(tmp_path / "abs.txt"), "..txt", "a.model.json", "../in/../evil.txt",
              "-o", "out", "--force")
    assert res.exit_code == 0, res.output
    created = listing(tmp_path) - before
    assert created == {"work/in/out", "work/in/out/evil.model.json", "work/in/out/abs.model.json",
                       "work/in/out/..model.json", "work/in/out/a.model.json"}
    assert all((out / name).resolve().parent == out.resolve() for name in os.listdir(out))


def test_a_symlink_in_the_output_folder_is_not_written_through(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    out.mkdir()
    secret = tmp_path / "secret"
    secret.write_text("do not touch")
    (out / "a.model.json").symlink_to(secret)
    res = run("convert", tmp_path / "a.txt", tmp_path / "a.txt", "-o", out)
    assert res.exit_code == 3 and "NC803" in res.stderr
    res = run("convert", tmp_path / "a.txt", tmp_path / "a.txt", "-o", out, "--force")
    assert res.exit_code == 0
    assert secret.read_text() == "do not touch"
    assert not (out / "a.model.json").is_symlink() and json.loads((out / "a.model.json").read_text())


# -- no overwrite without --force ------------------------------------------------------------------
def test_existing_outputs_are_never_overwritten_without_force(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    single = tmp_path / "single.json"
    single.write_text("old")
    res = run("convert", tmp_path / "a.txt", "-o", single)
    assert res.exit_code == 3 and codes(res.stderr) == ["NC803"] and single.read_text() == "old"
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.model.json").write_text("old")
    res = run("convert", tmp_path / "a.txt", "-t", "json", "-o", out)
    assert res.exit_code == 3 and codes(res.stderr) == ["NC803"]
    assert (out / "a.model.json").read_text() == "old" and listing(out) == {"a.model.json"}
    res = run("convert", tmp_path / "a.txt", "-t", "json", "-o", out, "--force")
    assert res.exit_code == 0 and json.loads((out / "a.model.json").read_text())["source"]["name"] == "a.txt"


# -- atomic writes ---------------------------------------------------------------------------------
def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_part_file(tmp_path, monkeypatch, failing):
    target = tmp_path / "out.json"
    target.write_bytes(b"old complete file")

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, fd, mode):
                self._h = real_fdopen(fd, mode)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self._h.close()

            def write(self, data):
                self._h.write(data[: len(data) // 2])
                self._h.flush()
                boom()

        monkeypatch.setattr(fsio.os, "fdopen", HalfWriter)
    else:
        monkeypatch.setattr(fsio.os, failing, boom)
    with pytest.raises(fsio.OutputError) as info:
        fsio.atomic_write(target, b"new" * 100_000)
    assert info.value.messages[0].code == "NC804" and "No space left" in info.value.messages[0].text
    assert target.read_bytes() == b"old complete file"
    assert leftovers(tmp_path) == []


def test_an_interrupt_mid_write_leaves_the_old_file_and_no_part_file(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(fsio.os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        fsio.atomic_write(target, b"new")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_the_cli_reports_a_failed_write_with_exit_3(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "a.model.json"
    out.write_text("old")
    monkeypatch.setattr(fsio.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    res = run("convert", tmp_path / "a.txt", "-o", out, "--force")
    assert res.exit_code == 3 and codes(res.stderr) == ["NC804"]
    assert out.read_text() == "old" and leftovers(tmp_path) == []


KILL_CHILD = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, sys.argv[1])
    from convert import fsio
    real_fsync = os.fsync
    def slow_fsync(fd):
        real_fsync(fd)
        print("written", flush=True)   # the new bytes are in the temporary file, not yet renamed
        time.sleep(60)
    fsio.os.fsync = slow_fsync
    fsio.atomic_write(sys.argv[2], b"new " * 1_000_000)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_process_killed_mid_write_leaves_the_old_file(tmp_path, sig):
    target = tmp_path / "out.json"
    target.write_bytes(b"old complete file")
    child = subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(ROOT), str(target)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    try:
        assert child.stdout.readline().strip() == "written"
        child.send_signal(sig)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert target.read_bytes() == b"old complete file"
    parts = leftovers(tmp_path)
    if sig == signal.SIGINT:  # Python unwinds: the temporary file is removed
        assert parts == []
    else:  # nothing runs after SIGKILL: a hidden, complete temporary file may stay, never a partial target
        assert all(p.startswith(".out.json.") for p in parts) and len(parts) <= 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("limit", [[], ["--max-bytes", "1000"]])
def test_an_endless_device_or_pipe_is_refused_not_read_forever(limit):
    """`newsconv convert /dev/zero` reads at most the limit + 1 bytes, then refuses (NC901)."""
    res = run("convert", "/dev/zero", *limit)
    assert res.exit_code == 1 and codes(res.stderr) == ["NC901"] and "more than" in res.stderr

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(InputError) as info:
        read_stream(io.BufferedReader(Endless()), 5000, "<stdin>")
    assert info.value.messages[0].code == "NC901"
